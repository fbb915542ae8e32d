"""Indexes the graph store needs beyond graph/schema.py: document keys, audit log, merge records."""

from __future__ import annotations

import threading

from graph import queries
from graph.db import Db

STORE_SCHEMA = (
    "store_index_document_key", "store_index_audit_target", "store_index_audit_at",
    "store_index_merge_from", "store_unique_merge_id", "store_unique_audit_id",
)
_done: set[tuple[int, str]] = set()
_lock = threading.Lock()


def apply_store_schema(db: Db, *, force: bool = False) -> None:
    """Create what is missing (``IF NOT EXISTS``), once per driver and database in a process."""
    key = (id(db.driver), db.database)
    if key in _done and not force:
        return
    with _lock, db.driver.session(database=db.database) as session:
        for name in STORE_SCHEMA:
            session.run(queries.load(name)).consume()
        session.run(queries.load("schema_await")).consume()
        _done.add(key)
