"""Analyst notes on an entity, a relationship (by claim id) or a document, with author and time;
stored as internal ``:Note`` nodes beside the graph (never entities), listed per item and searchable."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from graph.db import Db, plain
from pactgraph.errors import InputError, NotFoundError

Kind = Literal["entity", "relationship", "document"]


def _plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in rows]


def add(db: Db, *, kind: Kind, target: str, text: str, who: str) -> dict[str, Any]:
    """Record a note on an existing item (404 when there is no such item)."""
    if not text.strip():
        raise InputError("write something in the note", source="text")
    if not db.read("note_target_exists", kind=kind, target=target)[0]["exists"]:
        raise NotFoundError(f"no {kind} {target!r} to note")
    return _plain(db.run("note_create", id=f"note_{uuid.uuid4().hex[:16]}", kind=kind, target=target,
                         text=text, who=who))[0]


def find(db: Db, *, target: str | None = None, q: str | None = None,
         limit: int = 100) -> list[dict[str, Any]]:
    """Notes on ``target`` and/or containing ``q``, newest first."""
    return _plain(db.read("note_list", target=target, q=q or None, limit=limit))


def delete(db: Db, note_id: str) -> None:
    if not db.run("note_delete", id=note_id)[0]["deleted"]:
        raise NotFoundError(f"no note {note_id!r}")


def on_targets(db: Db, targets: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The notes on each of ``targets`` (entity, document or claim ids), oldest first: what exports,
    profiles and reports show beside an item. Items without notes are absent."""
    found: dict[str, list[dict[str, Any]]] = {}
    if targets:
        for row in _plain(db.read("note_on_targets", targets=list(dict.fromkeys(targets)))):
            found.setdefault(row["target"], []).append(row)
    return found
