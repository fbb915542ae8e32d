"""Saved investigations: an analyst's chart (nodes, positions, pins, hidden elements, filters, time
window, notes) stored in Neo4j as versions of an ``:Investigation`` (both labels are internal, outside
the entity vocabulary, like ``:ApiKey``). Every save is a new version, so an earlier one can be
restored and two analysts saving from the same version both keep their work."""

from __future__ import annotations

import json
import uuid
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from graph.db import Db, plain
from pactgraph.errors import NotFoundError

#: the most nodes a saved chart may hold (the page draws a few hundred at most)
MAX_NODES = 2000
Text = Annotated[str, Field(max_length=300)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChartNode(_Strict):
    id: Annotated[str, Field(min_length=1, max_length=300)]
    x: float | None = None
    y: float | None = None
    pinned: bool = False
    hidden: bool = False


class TimeWindow(_Strict):
    date_from: Annotated[str | None, Field(max_length=10)] = None
    date_to: Annotated[str | None, Field(max_length=10)] = None


class ChartState(_Strict):
    """What the page needs to draw the chart again as it was."""

    nodes: Annotated[list[ChartNode], Field(max_length=MAX_NODES)] = []
    hidden_edges: Annotated[list[Text], Field(max_length=MAX_NODES * 4)] = []
    filters: dict[Text, Text | int | float | bool | list[Text] | None] = {}
    time_window: TimeWindow = TimeWindow()
    layout: Annotated[str, Field(max_length=40)] = ""
    notes: Annotated[str, Field(max_length=20000)] = ""


class Opened(_Strict):
    """A version as reopened: the chart with what still exists, and what is gone."""

    id: str
    name: str
    head: int
    version: int
    base: int
    saved_by: str
    saved_at: str
    state: ChartState
    merged: list[dict[str, str]] = []
    deleted: list[str] = []


def _plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in rows]


def new_id() -> str:
    return f"inv_{uuid.uuid4().hex[:16]}"


def save(db: Db, *, who: str, state: ChartState, name: str = "", investigation: str | None = None,
         base: int = 0) -> dict[str, Any]:
    """Store ``state`` as the next version; ``stale`` says another save came after ``base``."""
    if investigation is not None and not db.read("investigation_get", id=investigation, version=None):
        raise NotFoundError(f"no investigation {investigation!r}")
    row = db.run("investigation_save", id=investigation or new_id(), title=name, who=who, base=base,
                 state_json=state.model_dump_json())[0]
    return {**row, "stale": row["previous"] != base}


def rename(db: Db, investigation: str, name: str, who: str) -> dict[str, Any]:
    rows = _plain(db.run("investigation_rename", id=investigation, title=name, who=who))
    if not rows:
        raise NotFoundError(f"no investigation {investigation!r}")
    return rows[0]


def delete(db: Db, investigation: str) -> None:
    if not db.run("investigation_delete", id=investigation)[0]["deleted"]:
        raise NotFoundError(f"no investigation {investigation!r}")


def list_all(db: Db) -> list[dict[str, Any]]:
    return _plain(db.read("investigation_list"))


def versions(db: Db, investigation: str) -> list[dict[str, Any]]:
    rows = _plain(db.read("investigation_versions", id=investigation))
    if not rows:
        raise NotFoundError(f"no investigation {investigation!r}")
    return rows


def open_(db: Db, investigation: str, version: int | None = None) -> Opened:
    """A version with merged entities replaced by their survivors and deleted ones left out."""
    rows = _plain(db.read("investigation_get", id=investigation, version=version))
    if not rows:
        raise NotFoundError(f"no investigation {investigation!r}")
    row = rows[0]
    if row["version"] is None:
        raise NotFoundError(f"investigation {investigation!r} has no version {version}")
    state = ChartState.model_validate(json.loads(row.pop("state_json")))
    ids = [n.id for n in state.nodes]
    into = {r["from_id"]: r["into_id"] for r in db.read("resolve_redirects", ids=ids)}
    wanted = [into.get(i, i) for i in ids]
    existing = {r["id"] for r in db.read("entities_exist", ids=wanted)}
    kept: dict[str, ChartNode] = {}
    for node in state.nodes:
        now = into.get(node.id, node.id)
        if now in existing and now not in kept:
            kept[now] = node.model_copy(update={"id": now})
    merged = [{"id": i, "into": into[i]} for i in ids if i in into and into[i] in existing]
    deleted = [i for i in ids if into.get(i, i) not in existing]
    return Opened(**row, state=state.model_copy(update={"nodes": list(kept.values())}),
                  merged=merged, deleted=deleted)


def restore(db: Db, investigation: str, version: int, who: str) -> dict[str, Any]:
    """Save an earlier version's chart again as the newest version (nothing is lost)."""
    rows = db.read("investigation_get", id=investigation, version=version)
    if not rows or rows[0]["version"] is None:
        raise NotFoundError(f"investigation {investigation!r} has no version {version}")
    state = ChartState.model_validate(json.loads(rows[0]["state_json"]))
    return save(db, who=who, state=state, investigation=investigation, base=rows[0]["head"])
