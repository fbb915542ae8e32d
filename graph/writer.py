"""Write extraction output (graph JSON) into Neo4j: batched UNWIND upserts inside one transaction.

Every statement is an ``UNWIND $rows`` MERGE on stable keys, so a transaction function made of
them is safe to retry. Merge redirects are applied first (a merged-away id lands on its
survivor) and every touched claim's support (counts, dates, confidence) is recomputed last.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from neo4j import ManagedTransaction

from graph import grading, queries
from graph.db import Db
from pactgraph import vocabulary as vocab
from pactgraph.models import GraphDocument, Relationship

#: relationship properties the writer owns; extraction may not set them through ``properties``
_RESERVED = frozenset({
    "claim_id", "status", "method", "credibility", "retracted", "manual", "status_locked",
    "credibility_locked", "source_count", "independent_source_count", "first_reported",
    "last_reported", "confidence", "created_at", "updated_at", "evidence_documents",
    "evidence_quotes", "evidence_starts", "evidence_ends",
})
_MAX_REDIRECT_HOPS = 20


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


def node_rows(graph: GraphDocument, redirects: dict[str, str] | None = None) -> list[dict[str, Any]]:
    redirects = redirects or {}
    rows = []
    for n in graph.nodes:
        into = redirects.get(n.id)
        aliases = sorted(set(n.aliases) | ({n.name} if into else set()))
        rows.append({"id": into or n.id, "labels": [] if into else n.labels, "name": n.name,
                     "aliases": aliases, "properties": n.properties, "keep_name": into is not None})
    return rows


def relationship_rows(graph: GraphDocument, redirects: dict[str, str] | None = None,
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for claims and rows for MENTIONS; self-loops made by a merge redirect are dropped."""
    redirects = redirects or {}
    claims, mentions = [], []
    for rel in graph.relationships:
        source, target = redirects.get(rel.source, rel.source), redirects.get(rel.target, rel.target)
        if source == target and rel.source != rel.target:
            continue
        if rel.type in vocab.SYMMETRIC_TYPES and target < source:
            source, target = target, source
        evidence = [e.model_dump() for e in rel.evidence]
        cid = claim_id_of(source, rel.type, target)
        if rel.type == "MENTIONS":
            mentions.append({"claim_id": cid, "source": source, "target": target, "evidence": evidence})
            continue
        props = dict(rel.properties)
        status = str(props.get("status") or "reported")
        if status not in vocab.STATUSES:
            status = "reported"
        credibility = props.get("credibility")
        extra = {k: v for k, v in props.items() if k not in _RESERVED}
        if "date" in extra and "valid_from" not in extra:
            extra["valid_from"] = extra["date"]
        if "date_precision" in extra:
            extra.setdefault("valid_precision", extra["date_precision"])
        claims.append({
            "claim_id": cid, "type": rel.type, "source": source, "target": target,
            "status": "reported" if status == "retracted" else status,
            "method": str(props.get("method") or "rule"),
            "credibility": grading.check_credibility(credibility)
            if isinstance(credibility, (int, str)) else None,
            "properties": extra, "evidence": evidence,
        })
    return claims, mentions


def resolve_redirects(tx: ManagedTransaction, ids: Iterable[str]) -> dict[str, str]:
    """Map every id that was merged away to its final survivor (following chains of merges)."""
    pending, found = set(ids), dict[str, str]()
    for _ in range(_MAX_REDIRECT_HOPS):
        if not pending:
            break
        rows = tx.run(queries.load("resolve_redirects"), ids=sorted(pending)).data()
        step = {r["from_id"]: r["into_id"] for r in rows}
        for origin, into in list(found.items()):
            if into in step:
                found[origin] = step[into]
        for origin, into in step.items():
            found.setdefault(origin, into)
        pending = set(step.values())
    return found


def refresh_support(tx: ManagedTransaction, refs: Sequence[dict[str, str]], batch_size: int = 1000) -> None:
    """Recompute source counts, first/last reported and confidence of the given claims.

    A claim is named by a ref ``{source, type, target, claim_id}`` so that it is found from its
    ends through the id index, never by scanning relationships."""
    unique = list({(r["source"], r["type"], r["target"], r["claim_id"]): r for r in refs}.values())
    for i in range(0, len(unique), batch_size):
        rows = tx.run(queries.load("claim_support_inputs"), refs=unique[i : i + batch_size]).data()
        out = []
        for row in rows:
            docs = [grading.SupportingDocument(d["id"], d.get("publisher"), d.get("published"),
                                               d.get("reliability")) for d in row["docs"]]
            s = grading.support(docs, credibility=row["credibility"], manual=row["manual"],
                                retracted=row["retracted"])
            out.append({"ref": row["ref"], "source_count": s.source_count,
                        "independent_source_count": s.independent_source_count,
                        "first_reported": s.first_reported, "last_reported": s.last_reported,
                        "confidence": s.confidence})
        tx.run(queries.load("claim_support_set"), rows=out).consume()


def _batches(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class GraphWriter:
    """Loads GraphDocuments; the driver comes in from outside, batch size is a knob."""

    def __init__(self, db: Db, batch_size: int = 1000) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.db = db
        self.batch_size = batch_size

    def write(self, graph: GraphDocument) -> list[str]:
        """All of ``graph`` lands in one transaction, or none of it does; returns its claim ids."""
        return self.db.write(lambda tx: self.write_tx(tx, graph))

    def write_tx(self, tx: ManagedTransaction, graph: GraphDocument) -> list[str]:
        """Upsert ``graph`` inside the caller's transaction; returns the claim ids it supports."""
        redirects = resolve_redirects(tx, [n.id for n in graph.nodes])
        nodes = node_rows(graph, redirects)
        claims, mentions = relationship_rows(graph, redirects)
        for batch in _batches(nodes, self.batch_size):
            tx.run(queries.load("upsert_nodes"), rows=batch).consume()
        refs: list[dict[str, str]] = []
        for batch in _batches(claims, self.batch_size):
            result = tx.run(queries.load("upsert_relationships"), rows=batch)
            refs.extend(record["ref"] for record in result)
        for batch in _batches(mentions, self.batch_size):
            tx.run(queries.load("upsert_mentions"), rows=batch).consume()
        refresh_support(tx, refs, self.batch_size)
        return list(dict.fromkeys(row["claim_id"] for row in claims))
