"""Merge two entities (aliases, relationships, evidence and MENTIONS move to the survivor) and
undo a merge from the snapshot recorded with it.

A merge leaves a (:MergeRecord {from_id, into_id, active}) that the writer follows, so a later
ingest of the merged-away id lands on the survivor: the merge holds. Unmerge restores the
entity and its relationships as they were and takes back exactly the evidence entries and
aliases the merge moved; evidence that later documents added to the survivor stays there.
"""

from __future__ import annotations

import json
from typing import Any

from neo4j import ManagedTransaction
from neo4j.time import DateTime

from graph import queries
from graph.db import Db
from graph.write import audit, merge_plan
from graph.write.curation import entity
from graph.write.writer import refresh_support
from pactgraph import vocabulary as vocab
from pactgraph.errors import ConflictError, InputError, NotFoundError


def _to_json(value: Any) -> Any:
    if hasattr(value, "iso_format"):
        return {"$datetime": value.iso_format()}
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict) and "$datetime" in value:
        return DateTime.from_iso_format(value["$datetime"])
    return value


def _props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: _to_json(v) for k, v in props.items()}


def merge(db: Db, survivor: str, merged: str, *, who: str, why: str) -> dict[str, Any]:
    """Fold ``merged`` into ``survivor``; returns the merge record id (for unmerge)."""
    if survivor == merged:
        raise InputError("an entity cannot be merged into itself", source="merged")
    if not why.strip():
        raise InputError("say why the two are the same", source="why")
    record_id, event_id = f"merge:{audit.new_event_id()[6:]}", audit.new_event_id()

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        keep, gone = entity(tx, survivor, source="survivor"), entity(tx, merged, source="merged")
        for node in (keep, gone):
            if "Document" in node["labels"]:
                raise InputError("documents are not merged; delete the duplicate instead", source=node["id"])
        if vocab.coarse_label(keep["labels"]) != vocab.coarse_label(gone["labels"]):
            raise ConflictError(f"{merged} is {vocab.coarse_label(gone['labels'])} but {survivor} is "
                                f"{vocab.coarse_label(keep['labels'])}; only like entities merge")
        rels = tx.run(queries.load("merge_read_relationships"), id=merged).data()
        rows, dropped = merge_plan.plan(rels, survivor, merged)
        moved = tx.run(queries.load("merge_move_relationships"), rows=rows).data() if rows else []
        snapshot = {
            "node": {"id": merged, "labels": gone["labels"], "props": _props(gone["props"])},
            "relationships": [{"type": r["type"], "source": r["source"], "target": r["target"],
                               "claim_id": r["props"].get("claim_id"), "props": _props(r["props"])}
                              for r in rels],
            "moved": [{"claim_id": row["claim_id"], "type": row["type"], "source": row["source"],
                       "target": row["target"], "added": m["added"], "created": m["created"]}
                      for row, m in zip(rows, moved, strict=True)],
        }
        tx.run(queries.load("merge_absorb_node"), survivor=survivor, merged=merged,
               record={"id": record_id, "who": who, "why": why,
                       "snapshot_json": json.dumps(snapshot, default=str)}).consume()
        refresh_support(tx, [m["ref"] for m in moved if m["ref"]])
        audit.record(tx, who=who, action="entity.merged", target=survivor, why=why,
                     details={"merged": merged, "record": record_id, "relationships": len(rows),
                              "dropped_self_loops": len(dropped)}, event_id=event_id)
        return {"record": record_id, "survivor": survivor, "merged": merged, "relationships_moved": len(rows)}

    return db.write(work)


def unmerge(db: Db, record_or_id: str, *, who: str, why: str) -> dict[str, Any]:
    """Undo a merge, named by its record id or by the merged-away entity id."""
    if not why.strip():
        raise InputError("say why the merge is undone", source="why")
    event_id = audit.new_event_id()

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        rec = tx.run(queries.load("merge_record_get"), id=record_or_id).single()
        if rec is None:
            raise NotFoundError(f"no merge record or merged entity {record_or_id!r}")
        if not rec["active"]:
            raise ConflictError(f"merge {rec['id']} was already undone")
        survivor = rec["into_id"]
        if tx.run(queries.load("entity_get_for_curation"), id=survivor).single() is None:
            raise ConflictError(f"{survivor} was itself merged away; undo that merge first")
        snap = json.loads(rec["snapshot_json"])
        node = snap["node"]
        kept = tx.run(queries.load("unmerge_take_back"), rows=snap["moved"]).data() if snap["moved"] else []
        tx.run(queries.load("unmerge_restore_node"), survivor=survivor,
               aliases=rec["aliases_added"] or [], record_id=rec["id"], who=who,
               node={"id": node["id"], "labels": node["labels"],
                     "props": {k: _from_json(v) for k, v in node["props"].items()}}).consume()
        rows = [{"type": vocab.check_type(r["type"]), "source": r["source"], "target": r["target"],
                 "claim_id": r["claim_id"], "props": {k: _from_json(v) for k, v in r["props"].items()}}
                for r in snap["relationships"]]
        restored = tx.run(queries.load("unmerge_restore_relationships"), rows=rows).data() if rows else []
        refresh_support(tx, [r["ref"] for r in kept] + [r["ref"] for r in restored])
        audit.record(tx, who=who, action="entity.unmerged", target=node["id"], why=why,
                     details={"record": rec["id"], "survivor": survivor}, event_id=event_id)
        return {"record": rec["id"], "restored": node["id"], "survivor": survivor,
                "relationships_restored": len(rows)}

    return db.write(work)
