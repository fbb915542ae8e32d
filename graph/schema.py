"""Constraints and indexes from cypher/, applied idempotently whenever the product starts."""

from __future__ import annotations

from graph import queries
from graph.db import Db
from graph.store_schema import apply_store_schema
from pactgraph import vocabulary as vocab


def constraint_labels() -> list[str]:
    """Labels whose nodes are keyed by ``id``: the shared Entity label and SCHEMA.md's node labels.

    Subtype labels (State, Facility, ...) always sit on a node that also carries its coarse
    label, so the coarse constraint already guarantees their keys; more unique indexes would
    only slow every write.
    """
    return [vocab.ENTITY_LABEL, *vocab.NODE_LABELS]


def apply_schema(db: Db) -> None:
    """Create what is missing (``IF NOT EXISTS``) and wait until every index is online."""
    with db.driver.session(database=db.database) as session:
        for label in constraint_labels():
            session.run(queries.statement("schema_unique_id", label=label)).consume()  # type: ignore[arg-type]
        session.run(queries.load("schema_fulltext")).consume()  # type: ignore[arg-type]
        session.run(queries.load("schema_api_key_unique")).consume()  # type: ignore[arg-type]
    apply_store_schema(db, force=True)  # document keys, audit log, merge records; awaits indexes
