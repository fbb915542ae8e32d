"""Neighbours of an entity to depth 1–3: breadth-first, one bounded query per level.

Written as a read plan (graph/read/plans.py): the CLI runs it on the blocking driver, the API on the
async one.
"""

from __future__ import annotations

from typing import Any

from graph.db import Db
from graph.read.plans import Plan, Read, drive
from graph.read.readq import Filters
from graph.read.subgraph import Subgraph, sources_plan
from pactgraph.errors import InputError, NotFoundError

MAX_DEPTH = 3
MAX_NODES = 2000


def neighbours(
    db: Db, entity_id: str, filters: Filters, *, depth: int = 1, limit: int = 200, skip: int = 0
) -> Subgraph:
    """The entity and what links to it within ``depth`` hops, at most ``limit`` neighbours."""
    return drive(db, neighbours_plan(entity_id, filters, depth=depth, limit=limit, skip=skip))


def neighbours_plan(
    entity_id: str, filters: Filters, *, depth: int = 1, limit: int = 200, skip: int = 0,
    sources: bool = False,
) -> Plan[Subgraph]:
    """The plan of :func:`neighbours`; with ``sources`` every evidence entry gets its document's
    title, publisher and date (the API's answer).

    The first level comes with the entity in one round trip; each further level asks only about
    the new frontier, so cost grows with what is returned rather than with every path through
    hubs. ``skip`` pages over the first level's links.
    """
    if not 1 <= depth <= MAX_DEPTH:
        raise InputError(f"depth must be between 1 and {MAX_DEPTH}", source="depth")
    if not 1 <= limit <= MAX_NODES:
        raise InputError(f"limit must be between 1 and {MAX_NODES}", source="limit")
    sub = Subgraph()
    params: dict[str, Any] = filters.params()
    # one row more than the cap is asked for, so that a cut is known, not guessed
    first = yield Read("neighbours_first", {"id": entity_id, "skip": skip, "limit": limit + 1, **params})
    if not first:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    sub.add_node(first[0]["root"])
    frontier = _grow(sub, _capped(sub, first[0]["rows"], limit))
    for _ in range(depth - 1):
        if not frontier:
            break
        room = limit + 1 - len(sub.nodes)
        if room <= 0:
            sub.truncated = True
            break
        rows = yield Read("neighbours_step", {"frontier": frontier, "limit": room + 1, **params})
        frontier = _grow(sub, _capped(sub, rows, room))
    if sources:
        yield from sources_plan(list(sub.relationships.values()))
    return sub


def _capped(sub: Subgraph, rows: list[dict[str, Any]], cap: int) -> list[dict[str, Any]]:
    """The first ``cap`` rows; marks the subgraph truncated when there were more."""
    if len(rows) > cap:
        sub.truncated = True
    return rows[:cap]


def _grow(sub: Subgraph, rows: list[dict[str, Any]]) -> list[str]:
    """Add the rows' links and nodes; return the ids of nodes seen for the first time."""
    fresh = []
    for row in rows:
        before = len(sub.nodes)
        node_id = sub.add_node(row["node"])
        sub.add_relationship(row["rel"])
        if len(sub.nodes) > before:
            fresh.append(node_id)
    return fresh
