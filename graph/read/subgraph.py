"""The subgraph shape every read endpoint returns: nodes, relationships, evidence with sources.

Cypher statements return nodes as ``{labels, props}`` and relationships as
``{id, type, source, target, props}`` maps; this module turns them into the API contract's
JSON and looks up each evidence document's title, publisher and publication date once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.db import SCALARS, Db, plain
from graph.read import readq
from graph.read.plans import Plan, Read, drive
from pactgraph import vocabulary as vocab

#: shown apart (id, name, aliases), too long for a graph answer (text) or the writer's own (upsert_fp)
_NODE_KEYS = frozenset({"id", "name", "aliases", "text", "upsert_fp"})
_EVIDENCE = ("evidence_documents", "evidence_quotes", "evidence_starts", "evidence_ends")
_REL_SKIP = frozenset({*_EVIDENCE, "evidence_statuses", "claim_id"})
#: what an evidence entry shows of its document: how analysts cite it, and its reliability grade
_BRIEF = ("title", "publisher", "published", "url", "reliability")


def ordered_labels(labels: list[str]) -> list[str]:
    """Coarse label first, then its subtype, then any others; never the shared Entity label."""
    first = [x for x in (vocab.coarse_label(labels), vocab.subtype_label(labels)) if x]
    return first + sorted(x for x in labels if x not in first and x != vocab.ENTITY_LABEL)


def _properties(props: dict[str, Any], skip: frozenset[str]) -> dict[str, Any]:
    """The properties shown, sorted by key, JSON-ready (a loop: every answer shapes hundreds)."""
    out: dict[str, Any] = {}
    for key in sorted(props):
        value = props[key]
        if value is None or key in skip:
            continue
        out[key] = value if type(value) in SCALARS else plain(value)
    return out


def shape_node(raw: dict[str, Any]) -> dict[str, Any]:
    props = raw["props"]
    return {
        "id": props["id"],
        "name": props.get("name") or props["id"],
        "labels": _labels(tuple(raw["labels"])),
        "aliases": list(props.get("aliases") or ()),
        "properties": _properties(props, _NODE_KEYS),
    }


@lru_cache(maxsize=256)
def _ordered(labels: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(ordered_labels(list(labels)))


def _labels(labels: tuple[str, ...]) -> list[str]:
    """``ordered_labels`` of a node, remembered per label set: a graph has only a few dozen."""
    return list(_ordered(labels))


def shape_relationship(raw: dict[str, Any]) -> dict[str, Any]:
    props = raw["props"]
    evidence: list[dict[str, Any]] = []
    if docs := props.get("evidence_documents"):
        quotes, starts, ends = (props.get(k) or () for k in _EVIDENCE[1:])
        evidence = [{"document": d, "quote": q, "start": s, "end": e}
                    for d, q, s, e in zip(docs, quotes, starts, ends, strict=False)]
        # the status each quote's document gives the claim (a disputed claim shows who says what)
        for entry, status in zip(evidence, props.get("evidence_statuses") or (), strict=False):
            entry["status"] = status
        if "sources" in raw:  # the statement looked the documents up itself: no second round trip
            for entry, doc in zip(evidence, raw["sources"], strict=False):
                brief = doc or {}
                for key in _BRIEF:
                    value = brief.get(key)
                    entry[key] = value if type(value) in SCALARS else plain(value)
    return {
        "id": props.get("claim_id") or raw["id"],
        "type": raw["type"],
        "source": raw["source"],
        "target": raw["target"],
        "properties": _properties(props, _REL_SKIP),
        "evidence": evidence,
    }


def add_sources(db: Db, relationships: list[dict[str, Any]]) -> None:
    """Give every evidence entry its document's title, publisher and publication date."""
    drive(db, sources_plan(relationships))


def sources_plan(relationships: list[dict[str, Any]]) -> Plan[None]:
    """The read plan of :func:`add_sources`: no round trip when every entry already has its source."""
    ids = sorted({e["document"] for rel in relationships for e in rel["evidence"] if "title" not in e})
    if not ids:
        return
    found = {row["id"]: row for row in (yield Read("documents_brief", {"ids": ids}))}
    for rel in relationships:
        for entry in rel["evidence"]:
            if "title" in entry:
                continue
            doc = found.get(entry["document"], {})
            for key in _BRIEF:
                entry[key] = plain(doc.get(key))


@dataclass
class Subgraph:
    """Nodes and relationships collected from one or more query results, without duplicates."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    relationships: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: a cap on links cut the reading short: links beyond it were not read
    truncated: bool = False

    def add_node(self, raw: dict[str, Any]) -> str:
        node = shape_node(raw)
        self.nodes.setdefault(node["id"], node)
        return str(node["id"])

    def add_relationship(self, raw: dict[str, Any]) -> dict[str, Any]:
        rel = shape_relationship(raw)
        return self.relationships.setdefault(rel["id"], rel)

    def to_dict(self, db: Db | None = None) -> dict[str, Any]:
        rels = list(self.relationships.values())
        if db is not None:
            add_sources(db, rels)
        return {"nodes": list(self.nodes.values()), "relationships": rels}


def induced(db: Db, ids: list[str], *, as_of: str | None = None, limit: int = 20_000) -> Subgraph:
    """The nodes ``ids`` (those that exist) and the links among them."""
    sub = Subgraph()
    for row in readq.read(db, "subgraph_induced", ids=ids, as_of=as_of, limit=limit):
        for node in row["nodes"]:
            sub.add_node(node)
        for rel in row["rels"]:
            sub.add_relationship(rel)
    return sub
