"""The schema, from cypher/: a uniqueness constraint on ``id`` for the vocabulary's labels, the
full-text index, API keys, and the store's own indexes (document keys, audit log, merge records).
Applied idempotently (``IF NOT EXISTS``) once per process and server, whoever asks first: the CLI,
the API at start-up, or an ingest."""

from __future__ import annotations

import threading
import weakref

from neo4j import Driver

from graph import queries
from graph.db import Db
from pactgraph import vocabulary as vocab

STATEMENTS = (
    "schema_fulltext", "schema_api_key_unique",
    "store_index_document_key", "store_index_audit_target", "store_index_audit_at",
    "store_index_merge_from", "store_unique_merge_id", "store_unique_audit_id",
    "store_unique_investigation_id", "store_unique_investigation_version", "store_unique_note_id",
    "store_index_note_target",
)
#: the databases each live driver has seen the schema applied to in this process
_done: weakref.WeakKeyDictionary[Driver, set[str]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def constraint_labels() -> list[str]:
    """Labels whose nodes are keyed by ``id``: the shared Entity label and SCHEMA.md's node labels.

    Subtype labels (State, Facility, ...) always sit on a node that also carries its coarse
    label, so the coarse constraint already guarantees their keys; more unique indexes would
    only slow every write.
    """
    return [vocab.ENTITY_LABEL, *vocab.NODE_LABELS]


def apply_schema(db: Db, *, force: bool = False) -> None:
    """Create what is missing and wait until every index is online; once per driver and database in
    a process unless ``force``."""
    with _lock:
        if not force and db.database in _done.get(db.driver, set()):
            return
        with db.driver.session(database=db.database) as session:
            for label in constraint_labels():
                session.run(queries.statement("schema_unique_id", label=label)).consume()  # type: ignore[arg-type]
            for name in STATEMENTS:
                session.run(queries.load(name)).consume()  # type: ignore[arg-type]
            session.run(queries.load("schema_await")).consume()  # type: ignore[arg-type]
        _done.setdefault(db.driver, set()).add(db.database)
