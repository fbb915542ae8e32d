"""Constraints and indexes from cypher/, applied idempotently whenever the product starts."""

from __future__ import annotations

from graph import queries
from graph.db import Db
from pactgraph import vocabulary as vocab


def constraint_labels() -> list[str]:
    """Every label whose nodes are keyed by ``id``: the shared Entity label and the vocabulary."""
    return [vocab.ENTITY_LABEL, *sorted(vocab.ALL_LABELS)]


def apply_schema(db: Db) -> None:
    """Create what is missing (``IF NOT EXISTS``) and wait until every index is online."""
    with db.driver.session(database=db.database) as session:
        for label in constraint_labels():
            session.run(queries.render("schema_unique_id", label=label)).consume()  # type: ignore[arg-type]
        session.run(queries.load("schema_fulltext")).consume()  # type: ignore[arg-type]
        session.run(queries.load("schema_await")).consume()  # type: ignore[arg-type]
