"""Write extraction output (graph JSON) into Neo4j: batched UNWIND upserts, one transaction."""

from __future__ import annotations

import hashlib
from typing import Any

from neo4j import ManagedTransaction

from graph import queries
from graph.db import Db
from pactgraph import vocabulary as vocab
from pactgraph.models import GraphDocument, Relationship


def claim_id(rel: Relationship) -> str:
    """Stable id of the claim ``source -type-> target`` (direction-free for symmetric types)."""
    ends = [rel.source, rel.target]
    if rel.type in vocab.SYMMETRIC_TYPES:
        ends.sort()
    digest = hashlib.sha256("\x1f".join([ends[0], rel.type, ends[1]]).encode()).hexdigest()
    return f"claim:{digest[:24]}"


def node_rows(graph: GraphDocument) -> list[dict[str, Any]]:
    return [
        {"id": n.id, "labels": n.labels, "name": n.name, "aliases": sorted(set(n.aliases)),
         "properties": n.properties}
        for n in graph.nodes
    ]


def relationship_rows(graph: GraphDocument) -> list[dict[str, Any]]:
    rows = []
    for rel in graph.relationships:
        source, target = rel.source, rel.target
        if rel.type in vocab.SYMMETRIC_TYPES and target < source:
            source, target = target, source
        rows.append({
            "claim_id": claim_id(rel), "type": rel.type, "source": source, "target": target,
            "properties": {"status": "reported", "method": "rule", **rel.properties},
            "evidence": [e.model_dump() for e in rel.evidence],
        })
    return rows


class GraphWriter:
    """Loads GraphDocuments; the driver comes in from outside, batch size is a knob."""

    def __init__(self, db: Db, batch_size: int = 1000) -> None:
        self.db = db
        self.batch_size = batch_size

    def write(self, graph: GraphDocument) -> None:
        """All of ``graph`` lands in one transaction, or none of it does."""
        nodes, rels = node_rows(graph), relationship_rows(graph)

        def work(tx: ManagedTransaction) -> None:
            for i in range(0, len(nodes), self.batch_size):
                tx.run(queries.load("upsert_nodes"), rows=nodes[i : i + self.batch_size]).consume()  # type: ignore[arg-type]
            for i in range(0, len(rels), self.batch_size):
                tx.run(queries.load("upsert_relationships"), rows=rels[i : i + self.batch_size]).consume()  # type: ignore[arg-type]

        self.db.write(work)
