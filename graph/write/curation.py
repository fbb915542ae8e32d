"""Analyst curation: rename, aliases, assert and retract claims; each change audited.

Every operation is one managed transaction that writes the change and its audit event
together. Manual decisions are stored as flags (name_locked, removed_aliases, manual,
retracted, status_locked) that the ingest statements respect, so they survive re-ingest.
Merging and unmerging entities live in graph/write/merging.py.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from graph import queries
from graph.db import Db
from graph.write import audit, grading
from graph.write.writer import claim_id_of, refresh_support
from pactgraph import vocabulary as vocab
from pactgraph.errors import InputError, NotFoundError

ASSERTABLE_STATUSES = ("reported", "planned", "denied", "confirmed", "disputed")


def _need(text: str, name: str) -> str:
    value = (text or "").strip()
    if not value:
        raise InputError("must not be empty", source=name)
    return value


def entity(tx: ManagedTransaction, entity_id: str, *, source: str = "id") -> dict[str, Any]:
    row = tx.run(queries.load("entity_get_for_curation"), id=entity_id).single()
    if row is None:
        raise NotFoundError(f"no entity with id {entity_id!r} ({source})")
    return row.data()


def rename(db: Db, entity_id: str, name: str, *, who: str, why: str = "") -> dict[str, Any]:
    """Give an entity a new canonical name; the old one becomes an alias."""
    name, event_id = _need(name, "name"), audit.new_event_id()

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        entity(tx, entity_id)
        old = tx.run(queries.load("entity_rename"), id=entity_id, name=name).single()["old"]  # type: ignore[index]
        audit.record(tx, who=who, action="entity.renamed", target=entity_id, why=why,
                     details={"from": old, "to": name}, event_id=event_id)
        return {"id": entity_id, "name": name, "previous": old}

    return db.write(work)


def alias(db: Db, entity_id: str, value: str, *, remove: bool = False, who: str,
          why: str = "") -> dict[str, Any]:
    """Add (or remove) an alias; a removed alias stays removed when documents are re-ingested."""
    value, event_id = _need(value, "alias"), audit.new_event_id()
    name = "entity_alias_remove" if remove else "entity_alias_add"

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        entity(tx, entity_id)
        aliases = tx.run(queries.load(name), id=entity_id, alias=value).single()["aliases"]  # type: ignore[index]
        audit.record(tx, who=who, action="entity.alias_removed" if remove else "entity.alias_added",
                     target=entity_id, why=why, details={"alias": value}, event_id=event_id)
        return {"id": entity_id, "aliases": aliases}

    return db.write(work)


def _check_ends(source: dict[str, Any], rel_type: str, target: dict[str, Any]) -> None:
    allowed_src, allowed_tgt = vocab.RELATIONSHIP_TYPES[rel_type]
    src, tgt = vocab.coarse_label(source["labels"]), vocab.coarse_label(target["labels"])
    if src not in allowed_src or tgt not in allowed_tgt:
        raise InputError(f"{rel_type} may not run {src} -> {tgt}", source="type")


def assert_claim(db: Db, source: str, rel_type: str, target: str, *, who: str, why: str,
                 status: str = "confirmed", credibility: int | str | None = None) -> dict[str, Any]:
    """Assert ``source -type-> target`` by hand (also undoes a retraction)."""
    try:
        vocab.check_type(rel_type)
    except ValueError as exc:
        raise InputError(str(exc), source="type") from exc
    if rel_type == "MENTIONS":
        raise InputError("MENTIONS is provenance, not a claim; load a document instead", source="type")
    if status not in ASSERTABLE_STATUSES:
        raise InputError(f"status must be one of {list(ASSERTABLE_STATUSES)}", source="status")
    cred = grading.check_credibility(credibility)
    why, event_id = _need(why, "why"), audit.new_event_id()
    if rel_type in vocab.SYMMETRIC_TYPES and target < source:
        source, target = target, source
    cid = claim_id_of(source, rel_type, target)

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        _check_ends(entity(tx, source, source="source"), rel_type, entity(tx, target, source="target"))
        ref = tx.run(queries.load("claim_assert"), source=source, type=rel_type, target=target,  # type: ignore[index]
                     claim_id=cid, status=status, credibility=cred, who=who, why=why).single()["ref"]
        refresh_support(tx, [ref])
        audit.record(tx, who=who, action="claim.asserted", target=cid, why=why,
                     details={"source": source, "type": rel_type, "target": target, "status": status,
                              "credibility": cred}, event_id=event_id)
        return {"claim_id": cid, "source": source, "type": rel_type, "target": target, "status": status}

    return db.write(work)


def retract_claim(db: Db, claim_id: str, *, who: str, why: str) -> dict[str, Any]:
    """Retract a claim; it stays as a tombstone so the same documents cannot bring it back."""
    why, event_id = _need(why, "why"), audit.new_event_id()

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        rows = tx.run(queries.load("claim_retract"), claim_id=claim_id, who=who, why=why).data()
        if not rows:
            raise NotFoundError(f"no claim with id {claim_id!r}")
        refresh_support(tx, [r["ref"] for r in rows])
        audit.record(tx, who=who, action="claim.retracted", target=claim_id, why=why, event_id=event_id)
        return {"claim_id": claim_id, "status": "retracted"}

    return db.write(work)
