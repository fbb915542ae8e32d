"""The audit log: every change to the graph as an (:AuditEvent {at, who, action, target, why})."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from neo4j import ManagedTransaction

from graph import queries
from graph.db import Db
from pactgraph.errors import InputError


def new_event_id() -> str:
    """Made before a transaction starts, so a retried transaction records the event once."""
    return f"audit:{uuid.uuid4().hex}"


def record(tx: ManagedTransaction, *, who: str, action: str, target: str, why: str = "",
           details: dict[str, Any] | None = None, event_id: str | None = None) -> str:
    """Write one audit event inside the caller's transaction (it lands with the change or not at all)."""
    if not who.strip():
        raise InputError("say who is making the change", source="who")
    eid = event_id or new_event_id()
    event = {"id": eid, "who": who, "action": action, "target": target, "why": why or "",
             "details_json": json.dumps(details or {}, sort_keys=True, default=str)}
    tx.run(queries.load("audit_record"), event=event).consume()
    return eid


def _timestamp(value: str | None, name: str) -> str | None:
    """An ISO date or date-time bounding the audit log (the analyst filters' dates are prefixes
    only: graph/read/readq.py)."""
    if value is None:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{value!r} is not an ISO date or datetime", source=name) from exc
    return value


def query(db: Db, *, target: str | None = None, who: str | None = None, action: str | None = None,
          since: str | None = None, until: str | None = None, limit: int = 100,
          skip: int = 0) -> list[dict[str, Any]]:
    """Audit events, newest first; every filter is optional."""
    rows = db.read("audit_query", target=target, who=who, action=action, since=_timestamp(since, "since"),
                   until=_timestamp(until, "until"), limit=limit, skip=skip)
    for row in rows:
        row["details"] = json.loads(row.pop("details_json") or "{}")
    return rows
