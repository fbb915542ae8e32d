"""A canonical dump of the graph (nodes, relationships, evidence) for equality checks in tests."""

from __future__ import annotations

from typing import Any

from graph.db import Db

#: properties that record *when* something was written, not what the graph says, and the writer's
#: fingerprint of the last row it applied (a cache that curation clears)
VOLATILE = frozenset({"created_at", "updated_at", "ingested_at", "upsert_fp"})


def dump(db: Db) -> dict[str, Any]:
    """Every entity with its labels and properties, every relationship with its evidence; no times."""
    nodes = db.read("store_dump_nodes")
    rels = db.read("store_dump_relationships")
    return {
        "nodes": sorted(
            (row["id"], tuple(sorted(row["labels"])),
             tuple(sorted((k, repr(v)) for k, v in row["props"].items() if k not in VOLATILE)))
            for row in nodes
        ),
        "relationships": sorted(
            (row["source"], row["type"], row["target"],
             tuple(sorted((k, repr(v)) for k, v in row["props"].items() if k not in VOLATILE)))
            for row in rels
        ),
    }


def claim(db: Db, source: str, rel_type: str, target: str) -> dict[str, Any] | None:
    """The properties of one relationship, or None."""
    for row in db.read("store_dump_relationships"):
        if (row["source"], row["type"], row["target"]) == (source, rel_type, target):
            return dict(row["props"])
    return None


def node_ids(db: Db) -> set[str]:
    return {row["id"] for row in db.read("store_dump_nodes")}
