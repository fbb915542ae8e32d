"""A subgraph as FollowTheMoney entities, one JSON object a line, valid by FtM's own model.

FtM entity ids allow only letters, digits, "." and "-", so Pactgraph's ``prefix:slug`` ids are
written ``prefix.slug`` (other ids get a readable form plus a hash). A link becomes Membership
or Payment only when both of its ends are within that schema's property ranges (the table
below mirrors FtM's schema tree, and tests/app/test_export_ftm.py checks it against the
library); otherwise an UnknownLink that keeps both ends. Each evidence document is an FtM
Document (title, publisher, date, URL) that the link cites as ``proof``. Each analyst's note is an FtM
Note on the entity or document it is about; FtM's Note can point only at a Thing, so a note on a link
points at both of the link's ends and names the link in its summary.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from graph.write import grading
from pactgraph import vocabulary as vocab

#: Pactgraph label -> FtM schema of the node
NODE_SCHEMA = {
    "State": "Organization",
    "GovernmentBody": "PublicBody",
    "SecurityForce": "PublicBody",
    "Organization": "Organization",
    "Person": "Person",
    "Agreement": "Contract",
    "Facility": "RealEstate",
    "Region": "Address",
    "Settlement": "Address",
    "Event": "Event",
    "Document": "Document",
}
#: the FtM schemata each node schema above is (itself and its ancestors), for range checks
IS_A: dict[str, frozenset[str]] = {
    "Organization": frozenset({"Thing", "LegalEntity", "Organization"}),
    "PublicBody": frozenset({"Thing", "LegalEntity", "Organization", "PublicBody"}),
    "Person": frozenset({"Thing", "LegalEntity", "Person"}),
    "Contract": frozenset({"Thing", "Value", "Asset", "Contract"}),
    "RealEstate": frozenset({"Thing", "Value", "Asset", "RealEstate"}),
    "Address": frozenset({"Thing", "Address"}),
    "Event": frozenset({"Thing", "Analyzable", "Interval", "Event"}),
    "Document": frozenset({"Thing", "Analyzable", "Document"}),
    "Thing": frozenset({"Thing"}),
}
#: relationship type -> (FtM schema, property for the source, its range, property for the target, range)
LINK_SCHEMA: dict[str, tuple[str, str, str, str, str]] = {
    "PART_OF": ("Membership", "member", "LegalEntity", "organization", "Organization"),
    "FUNDS": ("Payment", "payer", "LegalEntity", "beneficiary", "LegalEntity"),
}
_VALID_ID = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")
_MAX_ID = 200


def ftm_id(value: str) -> str:
    """A valid FtM id for a Pactgraph id: unchanged if valid, ":" as "." if that suffices
    (loaders' ids), else a readable form with a hash of the original so two ids never meet."""
    if _VALID_ID.match(value) and len(value) <= _MAX_ID:
        return value
    swapped = value.replace(":", ".")
    if "." not in value and _VALID_ID.match(swapped) and len(swapped) <= _MAX_ID:
        return swapped
    readable = re.sub(r"[^0-9a-zA-Z.\-]+", "-", swapped).strip(".-")[:80].strip(".-")
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]
    return f"{readable}-{digest}" if readable else f"pg-{digest}"


def node_schema(labels: list[str]) -> str:
    for label in [vocab.subtype_label(labels), vocab.coarse_label(labels)]:
        if label in NODE_SCHEMA:
            return NODE_SCHEMA[label]
    return "Thing"


def _node(node: dict[str, Any], schema: str) -> dict[str, Any]:
    name_prop = "full" if schema == "Address" else "title" if schema == "Contract" else "name"
    props: dict[str, list[str]] = {name_prop: [node["name"]]}
    if node["aliases"]:
        props["alias"] = list(node["aliases"])
    if schema == "Organization" and "State" in node["labels"]:
        props["topics"] = ["gov.national"]
    if description := node["properties"].get("description"):
        props["description"] = [str(description)]
    return {"id": ftm_id(node["id"]), "schema": schema, "properties": props}


def _document(entry: dict[str, Any]) -> dict[str, Any]:
    """The FtM Document an evidence entry cites: what an analyst needs to find the original."""
    props: dict[str, list[str]] = {"title": [str(entry.get("title") or entry["document"])]}
    if entry.get("publisher"):
        props["publisher"] = [str(entry["publisher"])]
    if entry.get("published"):
        props["publishedAt"] = [str(entry["published"])[:10]]
    if entry.get("url"):
        props["sourceUrl"] = [str(entry["url"])]
    return {"id": ftm_id(entry["document"]), "schema": "Document", "properties": props}


def _unique(values: list[Any]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v not in (None, "")))


def _link(rel: dict[str, Any], schemas: dict[str, str]) -> dict[str, Any]:
    props, evidence = rel["properties"], rel["evidence"]
    source, target = schemas.get(rel["source"], "Thing"), schemas.get(rel["target"], "Thing")
    fitted = LINK_SCHEMA.get(rel["type"])
    fields: dict[str, list[str]]
    if fitted and fitted[2] in IS_A[source] and fitted[4] in IS_A[target]:
        schema, source_prop, _, target_prop, _ = fitted
        fields = {source_prop: [ftm_id(rel["source"])], target_prop: [ftm_id(rel["target"])]}
    else:
        schema = "UnknownLink"
        fields = {"subject": [ftm_id(rel["source"])], "object": [ftm_id(rel["target"])],
                  "role": [rel["type"]]}
        fields["status"] = [str(props.get("status") or "reported")]
    money = [str(props[k]) for k in ("amount", "currency") if props.get(k) is not None]
    if schema == "Payment":
        for key in ("amount", "currency"):
            if props.get(key) is not None:
                fields[key] = [str(props[key])]
    if props.get("date"):
        fields["date"] = [str(props["date"])[:10]]
    grades = grading.claim_grades(props, evidence)
    description = [rel["type"]]
    description += [f"{k} {grades[k]}" for k in ("status", "reliability", "credibility", "confidence")
                    if grades[k] not in (None, "")]
    if money and schema != "Payment":
        description.append("amount " + " ".join(money))
    fields["description"] = ["; ".join(description)]
    fields["summary"] = _unique([e["quote"] for e in evidence])
    fields["publisher"] = _unique([e.get("publisher") for e in evidence])
    fields["sourceUrl"] = _unique([e.get("url") for e in evidence])
    fields["proof"] = _unique([ftm_id(e["document"]) for e in evidence])
    return {"id": ftm_id(rel["id"]), "schema": schema,
            "properties": {k: v for k, v in fields.items() if v}}


def _note(note: dict[str, Any], things: set[str], links: dict[str, dict[str, Any]],
          names: dict[str, str]) -> dict[str, Any] | None:
    """An analyst's note as an FtM Note on what it is about (None when that is not exported)."""
    props: dict[str, list[str]] = {"name": [f"Note by {note['author']}"], "description": [note["text"]],
                                   "createdAt": [str(note["at"])[:19]]}
    if note["target"] in things:
        props["entity"] = [ftm_id(note["target"])]
    elif rel := links.get(note["target"]):
        props["entity"] = [ftm_id(rel["source"]), ftm_id(rel["target"])]
        props["summary"] = [f"On the link {names.get(rel['source'], rel['source'])} {rel['type']} "
                            f"{names.get(rel['target'], rel['target'])}"]
    else:
        return None
    return {"id": ftm_id(note["id"]), "schema": "Note", "properties": props}


def ftm_lines(data: dict[str, Any]) -> bytes:
    """Nodes by schema, the documents their links cite, the links, then the analysts' notes on any of
    them (see the module docstring)."""
    lines: list[dict[str, Any]] = []
    schemas: dict[str, str] = {}
    for node in data["nodes"]:
        schemas[node["id"]] = node_schema(node["labels"])
        lines.append(_node(node, schemas[node["id"]]))
    documents: dict[str, dict[str, Any]] = {}
    for rel in data["relationships"]:
        for entry in rel["evidence"]:
            if entry["document"] not in schemas:
                documents.setdefault(entry["document"], _document(entry))
    lines.extend(documents.values())
    lines.extend(_link(rel, schemas) for rel in data["relationships"])
    links = {rel["id"]: rel for rel in data["relationships"]}
    names = {node["id"]: node["name"] for node in data["nodes"]}
    for note in data.get("notes", []):
        if made := _note(note, schemas.keys() | documents.keys(), links, names):
            lines.append(made)
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
