"""Write extraction output (graph JSON) into Neo4j: batched UNWIND upserts inside one transaction.

Every statement is an ``UNWIND $rows`` MERGE on stable keys, so a transaction function made of
them is safe to retry. Merge redirects are applied first (a merged-away id lands on its
survivor). Rows are merged per key in Python (many documents may share a transaction), claims
are written with one statement per relationship type, a new claim's support is computed here
and only claims that existed before have theirs recomputed from Neo4j.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from neo4j import ManagedTransaction

from graph import grading, queries
from graph.db import Db
from graph.support import (
    Redirects,
    by_type,
    document_facts,
    new_claim_support,
    refresh_support,
    resolve_redirects,
)
from pactgraph import vocabulary as vocab
from pactgraph.models import GraphDocument, Relationship

__all__ = ["GraphWriter", "claim_id", "claim_id_of", "refresh_support", "resolve_redirects"]

#: relationship properties the writer owns; extraction may not set them through ``properties``
_RESERVED = frozenset({
    "claim_id", "status", "method", "credibility", "retracted", "manual", "status_locked",
    "credibility_locked", "source_count", "independent_source_count", "first_reported",
    "last_reported", "confidence", "created_at", "updated_at", "evidence_documents",
    "evidence_quotes", "evidence_starts", "evidence_ends",
})


def claim_id_of(source: str, rel_type: str, target: str) -> str:
    """Stable id of the claim ``source -type-> target`` (direction-free for symmetric types)."""
    ends = [source, target]
    if rel_type in vocab.SYMMETRIC_TYPES:
        ends.sort()
    digest = hashlib.sha256("\x1f".join([ends[0], rel_type, ends[1]]).encode()).hexdigest()
    return f"claim:{digest[:24]}"


def claim_id(rel: Relationship) -> str:
    """Stable id of the claim a relationship makes."""
    return claim_id_of(rel.source, rel.type, rel.target)


def node_rows(graphs: Sequence[GraphDocument], redirects: dict[str, str]) -> list[dict[str, Any]]:
    """One row per node id, as if the graphs' nodes were upserted one after another."""
    rows: dict[str, dict[str, Any]] = {}
    for graph in graphs:
        for n in graph.nodes:
            into = redirects.get(n.id)
            aliases = sorted(set(n.aliases) | ({n.name} if into else set()))
            row = rows.get(into or n.id)
            if row is None:
                rows[into or n.id] = {"id": into or n.id, "labels": [] if into else list(n.labels),
                                      "name": n.name, "aliases": list(dict.fromkeys(aliases)),
                                      "properties": dict(n.properties), "keep_name": into is not None}
                continue
            row["labels"] = list(dict.fromkeys([*row["labels"], *([] if into else n.labels)]))
            row["properties"].update(n.properties)
            row["aliases"] = list(dict.fromkeys([*row["aliases"], *aliases]))
            if not into:  # the last row that names the node wins, as a later upsert would
                row["name"], row["keep_name"] = n.name, False
    return list(rows.values())


def _evidence(row: dict[str, Any], rel: Relationship) -> None:
    """Append the relationship's evidence entries the row lacks (an entry is document, start, end)."""
    seen = set(zip(row["documents"], row["starts"], row["ends"], strict=True))
    for e in rel.evidence:
        if (e.document, e.start, e.end) not in seen:
            seen.add((e.document, e.start, e.end))
            row["documents"].append(e.document)
            row["quotes"].append(e.quote)
            row["starts"].append(e.start)
            row["ends"].append(e.end)


def relationship_rows(graphs: Sequence[GraphDocument], redirects: dict[str, str],
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[list[str]]]:
    """Claim rows and MENTIONS rows (one per claim id) and each graph's claim ids; self-loops made
    by a merge redirect are dropped."""
    claims: dict[str, dict[str, Any]] = {}
    mentions: dict[str, dict[str, Any]] = {}
    per_graph: list[list[str]] = []
    for graph in graphs:
        ids: list[str] = []
        for rel in graph.relationships:
            source, target = redirects.get(rel.source, rel.source), redirects.get(rel.target, rel.target)
            if source == target and rel.source != rel.target:
                continue
            if rel.type in vocab.SYMMETRIC_TYPES and target < source:
                source, target = target, source
            cid = claim_id_of(source, rel.type, target)
            table = mentions if rel.type == "MENTIONS" else claims
            row = table.get(cid)
            if row is None:
                row = table[cid] = {"claim_id": cid, "type": rel.type, "source": source, "target": target,
                                    "documents": [], "quotes": [], "starts": [], "ends": []}
            _evidence(row, rel)
            if rel.type == "MENTIONS":
                continue
            ids.append(cid)
            _claim_fields(row, rel.properties)
        per_graph.append(list(dict.fromkeys(ids)))
    return list(claims.values()), list(mentions.values()), per_graph


def _claim_fields(row: dict[str, Any], props: dict[str, Any]) -> None:
    """Status, method, credibility and extraction properties, merged as successive upserts would."""
    status = str(props.get("status") or "reported")
    if status not in vocab.STATUSES or status == "retracted":
        status = "reported"
    row["status"] = status
    row.setdefault("method", str(props.get("method") or "rule"))  # set when the claim is created
    credibility = props.get("credibility")
    checked = grading.check_credibility(credibility) if isinstance(credibility, (int, str)) else None
    row["credibility"] = checked if checked is not None else row.get("credibility")
    extra = {k: v for k, v in props.items() if k not in _RESERVED}
    if "date" in extra and "valid_from" not in extra:
        extra["valid_from"] = extra["date"]
    if "date_precision" in extra:
        extra.setdefault("valid_precision", extra["date_precision"])
    row.setdefault("properties", {}).update(extra)


def _batches(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class GraphWriter:
    """Loads GraphDocuments; the driver comes in from outside, batch size is a knob."""

    def __init__(self, db: Db, batch_size: int = 5000) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.db = db
        self.batch_size = batch_size

    def write(self, graph: GraphDocument, *, refresh_search: bool = True) -> list[str]:
        """All of ``graph`` lands in one transaction, or none of it does; returns its claim ids."""
        return self.db.write(lambda tx: self.write_tx(tx, graph), refresh_search=refresh_search)

    def write_tx(self, tx: ManagedTransaction, graph: GraphDocument) -> list[str]:
        """Upsert ``graph`` inside the caller's transaction; returns the claim ids it supports."""
        return self.write_many_tx(tx, [graph])[0]

    def write_many_tx(self, tx: ManagedTransaction, graphs: Sequence[GraphDocument],
                      redirects: Redirects | None = None) -> list[list[str]]:
        """Upsert several graphs as if one after another, in few statements; claim ids per graph."""
        redirects = redirects or Redirects(tx)
        moved = redirects.resolve({n.id for g in graphs for n in g.nodes})
        nodes = node_rows(graphs, moved)
        claims, mentions, per_graph = relationship_rows(graphs, moved)
        for batch in _batches(nodes, self.batch_size):
            tx.run(queries.load("upsert_nodes"), rows=batch).consume()
        facts = document_facts(tx, {d for row in claims for d in row["documents"]})
        existing: list[dict[str, str]] = []
        for rel_type, group in by_type(claims).items():
            text = queries.render("upsert_relationships", type=rel_type)
            for row in group:
                row.update(new_claim_support(row["documents"], row["credibility"], facts))
            for batch in _batches(group, self.batch_size):
                found = {r["claim_id"] for r in tx.run(text, rows=batch) if not r["created"]}
                old = [row for row in batch if row["claim_id"] in found]
                if old:
                    tx.run(queries.render("claim_update", type=rel_type), rows=old).consume()
                existing.extend({"source": row["source"], "type": rel_type, "target": row["target"],
                                 "claim_id": row["claim_id"]} for row in old)
        for batch in _batches(mentions, self.batch_size):
            tx.run(queries.load("upsert_mentions"), rows=batch).consume()
        refresh_support(tx, existing, self.batch_size)
        return per_graph
