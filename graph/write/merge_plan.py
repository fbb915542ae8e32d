"""What a merge does to the merged entity's relationships, worked out before anything is written: the
one rule that both the merge (graph/write/merging.py) and its preview (graph/read/merge_preview.py)
follow, so the preview shows exactly what the merge will move."""

from __future__ import annotations

from typing import Any

from graph.write.writer import claim_id_of
from pactgraph import vocabulary as vocab

EVIDENCE = ("evidence_documents", "evidence_quotes", "evidence_starts", "evidence_ends", "evidence_statuses")


def plan(rels: list[dict[str, Any]], survivor: str, merged: str) -> tuple[list[dict[str, Any]], list[Any]]:
    """``rels`` as merge_read_relationships reads them, re-homed onto ``survivor``: the rows that
    merge_move_relationships takes, and the claim ids dropped because they would link the survivor
    to itself."""
    rows, dropped = [], []
    for rel in rels:
        source = survivor if rel["source"] == merged else rel["source"]
        target = survivor if rel["target"] == merged else rel["target"]
        if source == target:
            dropped.append(rel["props"].get("claim_id"))
            continue
        if rel["type"] in vocab.SYMMETRIC_TYPES and target < source:
            source, target = target, source
        props = {k: v for k, v in rel["props"].items() if k not in (*EVIDENCE, "claim_id")}
        rows.append({"type": vocab.check_type(rel["type"]), "source": source, "target": target,
                     "claim_id": claim_id_of(source, rel["type"], target), "props": props,
                     "documents": rel["props"].get("evidence_documents") or [],
                     "quotes": rel["props"].get("evidence_quotes") or [],
                     "starts": rel["props"].get("evidence_starts") or [],
                     "ends": rel["props"].get("evidence_ends") or [],
                     "statuses": rel["props"].get("evidence_statuses") or []})
    return rows, dropped


def evidence_keys(documents: list[Any], starts: list[Any], ends: list[Any]) -> list[str]:
    """Evidence entries keyed as merge_move_relationships keys them: document@start:end."""
    return [f"{d}@{s}:{e}" for d, s, e in zip(documents, starts, ends, strict=False)]
