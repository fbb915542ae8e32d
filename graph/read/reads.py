"""Read models: entity search and paths between entities, each from a named query."""

from __future__ import annotations

from typing import Any

from graph.db import Db
from graph.read import search
from graph.write import notes
from pactgraph.errors import NotFoundError

#: the most notes an entity's profile lists (the notes route pages through the rest)
PROFILE_NOTES = 100


def search_entities(
    db: Db, text: str, *, label: str | None = None, limit: int = 20, skip: int = 0
) -> list[dict[str, Any]]:
    """Entities by name or alias, best first: see graph/read/search.py."""
    return search.search(db, text, label=label, limit=limit, skip=skip)


def shortest_path(db: Db, source: str, target: str, *, max_hops: int = 6) -> dict[str, Any] | None:
    """The shortest path, or None when the two are not connected within ``max_hops``."""
    found = db.read("entities_exist", ids=[source, target])
    known = {row["id"] for row in found}
    for name, value in (("source", source), ("target", target)):
        if value not in known:
            raise NotFoundError(f"no entity with id {value!r} ({name})")
    rows = db.read("shortest_path", source=source, target=target, max_hops=max_hops)
    return rows[0] if rows else None


def require_entities(db: Db, **named: str) -> None:
    """Raise NotFoundError naming the first parameter whose id names no entity."""
    known = {row["id"] for row in db.read("entities_exist", ids=list(named.values()))}
    for name, value in named.items():
        if value not in known:
            raise NotFoundError(f"no entity with id {value!r} ({name})")


def entity_profile(db: Db, entity_id: str, *, as_of: str | None = None) -> dict[str, Any]:
    """Properties, aliases, sources, link counts by type, first/last reported and notes of one entity."""
    from graph.read import readq
    from graph.read.subgraph import plain, shape_node

    as_of = readq.Filters(as_of=as_of).as_of
    rows = readq.read(db, "entity_profile", id=entity_id, as_of=as_of)
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    row = rows[0]
    return {
        **shape_node(row["node"]),
        "sources": sorted(
            (plain(s) for s in row["sources"] if s), key=lambda s: (s["published"] or "", s["id"])
        ),
        "relationship_counts": {c["type"]: c["count"] for c in row["counts"] if c},
        "first_reported": plain(row["first_reported"]),
        "last_reported": plain(row["last_reported"]),
        "notes": notes.find(db, target=entity_id, limit=PROFILE_NOTES),  # analysts' notes, newest first
    }
