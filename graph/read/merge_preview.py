"""What a merge would move, without writing: each relationship of the merged entity re-homed onto the
survivor (a new claim, joining one the survivor already has, or dropped as a self-loop), how many
evidence entries move, the aliases the survivor gains, and the documents whose mentions move."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.db import Db
from graph.read.duplicates import EntityRef
from graph.write.merge_plan import evidence_keys, plan
from pactgraph import vocabulary as vocab
from pactgraph.errors import ConflictError, InputError, NotFoundError


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MovedRelationship(_Model):
    type: str
    source: str
    target: str
    other: str = Field(description="name of the end that is not the survivor")
    action: Literal["moves", "joins", "dropped"] = Field(
        description="moves: a new claim on the survivor; joins: a claim the survivor already has; "
                    "dropped: it linked the two to each other")
    evidence: int = Field(description="evidence entries it carries")
    evidence_new: int = Field(description="of those, entries the survivor's claim does not hold yet")


class MergePreview(_Model):
    survivor: EntityRef
    merged: EntityRef
    aliases_added: list[str]
    relationships: list[MovedRelationship]
    moves: int
    joins: int
    dropped: int
    evidence_moved: int = Field(description="evidence entries that move onto the survivor's claims")
    mentions: int = Field(description="documents whose mentions of the merged entity move")
    warnings: list[str]


def _ref(node: dict[str, Any]) -> EntityRef:
    return EntityRef(id=node["props"]["id"], name=node["props"].get("name") or node["props"]["id"],
                     labels=[label for label in node["labels"] if label != vocab.ENTITY_LABEL])


def preview(db: Db, survivor: str, merged: str) -> MergePreview:
    """The merge of ``merged`` into ``survivor`` as merging.merge would do it, checked the same way
    (404 unknown, 422 the same entity or a document, 409 unlike entities)."""
    if survivor == merged:
        raise InputError("an entity cannot be merged into itself", source="merged")
    found = {row["node"]["props"]["id"]: row["node"]
             for row in db.read("entity_brief_many", ids=[survivor, merged])}
    for name, value in (("survivor", survivor), ("merged", merged)):
        if value not in found:
            raise NotFoundError(f"no entity with id {value!r} ({name})")
    keep, gone = found[survivor], found[merged]
    for node in (keep, gone):
        if "Document" in node["labels"]:
            raise InputError("documents are not merged; delete the duplicate instead",
                             source=node["props"]["id"])
    if vocab.coarse_label(keep["labels"]) != vocab.coarse_label(gone["labels"]):
        raise ConflictError(f"{merged} is {vocab.coarse_label(gone['labels'])} but {survivor} is "
                            f"{vocab.coarse_label(keep['labels'])}; only like entities merge")
    rels = db.read("merge_read_relationships", id=merged)
    links = [r for r in rels if r["type"] != "MENTIONS"]
    planned = [(rel, plan([rel], survivor, merged)[0]) for rel in links]
    rows = [row for _, one in planned for row in one]
    have = {row["claim_id"]: set(row["have"]) for row in db.read(
        "merge_preview_claims", rows=[{k: r[k] for k in ("source", "target", "claim_id")} for r in rows])}
    names = {row["node"]["props"]["id"]: row["node"]["props"].get("name") for row in db.read(
        "entity_brief_many", ids=sorted({r["source"] for r in links} | {r["target"] for r in links}))}
    moved = []
    for rel, one in planned:
        other = rel["target"] if rel["source"] == merged else rel["source"]
        props = rel["props"]
        keys = evidence_keys(props.get("evidence_documents") or [], props.get("evidence_starts") or [],
                             props.get("evidence_ends") or [])
        if not one:  # it linked the two to each other
            moved.append(MovedRelationship(type=rel["type"], source=rel["source"], target=rel["target"],
                                           other=names.get(other) or other, action="dropped",
                                           evidence=len(keys), evidence_new=0))
            continue
        row = one[0]
        held = have.get(row["claim_id"])
        moved.append(MovedRelationship(type=rel["type"], source=row["source"], target=row["target"],
                                       other=names.get(other) or other,
                                       action="moves" if held is None else "joins", evidence=len(keys),
                                       evidence_new=len([k for k in keys if k not in (held or set())])))
    moved.sort(key=lambda m: (m.action, m.type, m.other))
    aliases = [a for a in [gone["props"].get("name"), *(gone["props"].get("aliases") or [])]
               if a and a != keep["props"].get("name") and a not in (keep["props"].get("aliases") or [])]
    warnings = []
    if vocab.subtype_label(keep["labels"]) != vocab.subtype_label(gone["labels"]):
        warnings.append(f"{gone['props'].get('name')} is {vocab.subtype_label(gone['labels']) or 'untyped'}; "
                        f"the survivor stays {vocab.subtype_label(keep['labels']) or 'untyped'}")
    return MergePreview(
        survivor=_ref(keep), merged=_ref(gone), aliases_added=list(dict.fromkeys(aliases)),
        relationships=moved, moves=sum(m.action == "moves" for m in moved),
        joins=sum(m.action == "joins" for m in moved), dropped=sum(m.action == "dropped" for m in moved),
        evidence_moved=sum(m.evidence_new for m in moved if m.action != "dropped"),
        mentions=sum(r["type"] == "MENTIONS" for r in rels), warnings=warnings)
