"""The analysts' domain questions: agreements between parties, an actor's sites and exercises.

Each follows subordinate bodies (PART_OF, up to three levels), so asking about a State also
finds what its ministries signed, funded or took part in.
"""

from __future__ import annotations

from typing import Any

from graph.db import Db
from graph.read import readq
from graph.read.readq import LINK_TYPES, Filters
from graph.read.reads import require_entities
from graph.read.subgraph import Subgraph
from graph.write import grading
from pactgraph.errors import InputError

SITE_ROLES = ("FUNDS", "BUILDS", "OPERATES")
MAX_PARTIES = 10


def _params(filters: Filters) -> dict[str, Any]:
    """Domain questions pick their own link types; the other filters apply unchanged."""
    return {**filters.params(), "types": list(LINK_TYPES), "labels": []}


def _collect(rows: list[dict[str, Any]], sub: Subgraph) -> list[tuple[list[str], list[dict[str, Any]]]]:
    found = []
    for row in rows:
        ids = [sub.add_node(n) for n in row["nodes"]]
        rels = [sub.add_relationship(r) for r in row["rels"]]
        found.append((ids, rels))
    return found


def agreements_between(
    db: Db, parties: list[str], filters: Filters, *, limit: int = 50, skip: int = 0
) -> dict[str, Any]:
    """Agreements every one of ``parties`` is party to, directly or through a subordinate body."""
    unique = list(dict.fromkeys(parties))
    if not 1 <= len(unique) <= MAX_PARTIES:
        raise InputError(f"give between 1 and {MAX_PARTIES} party ids", source="parties")
    require_entities(db, **{f"parties[{i}]": p for i, p in enumerate(unique)})
    sub = Subgraph()
    found = _collect(
        readq.read(db, "agreements_between", parties=unique, limit=limit, skip=skip, **_params(filters)), sub
    )
    agreements: dict[str, dict[str, Any]] = {}
    for ids, _ in found:
        entry = agreements.setdefault(
            ids[-1], {"id": ids[-1], "name": sub.nodes[ids[-1]]["name"], "parties": {}}
        )
        entry["parties"].setdefault(ids[0], ids[-2])  # the asked party -> the body that signed
    listed = [
        {**a, "parties": [{"party": p, "via": v} for p, v in a["parties"].items()]}
        for a in sorted(agreements.values(), key=lambda a: (a["name"], a["id"]))
    ]
    return {"agreements": listed, **sub.to_dict(db)}


def actor_sites(
    db: Db, actor: str, filters: Filters, *, roles: list[str] | None = None, limit: int = 50, skip: int = 0
) -> dict[str, Any]:
    """Sites ``actor`` funds, builds or operates, itself, through its bodies or its agreements."""
    chosen = roles or list(SITE_ROLES)
    for role in chosen:
        if role not in SITE_ROLES:
            raise InputError(f"unknown role {role!r}; use {list(SITE_ROLES)}", source="roles")
    require_entities(db, id=actor)
    sub = Subgraph()
    found = _collect(
        readq.read(db, "actor_sites", id=actor, roles=chosen, limit=limit, skip=skip, **_params(filters)), sub
    )
    data = sub.to_dict(db)  # evidence gets its documents' grades here
    sites: dict[str, dict[str, Any]] = {}
    for ids, rels in found:
        site = sites.setdefault(ids[-1], {"id": ids[-1], "name": sub.nodes[ids[-1]]["name"], "roles": []})
        link = rels[-1]
        entry: dict[str, Any] = {"role": link["type"], "by": ids[-2], "chain": ids[:-1],
                                 "claim": link["id"],
                                 **grading.claim_grades(link["properties"], link["evidence"])}
        if entry not in site["roles"]:
            site["roles"].append(entry)
    return {"sites": list(sites.values()), **data}


def actor_exercises(
    db: Db, actor: str, filters: Filters, *, limit: int = 50, skip: int = 0
) -> dict[str, Any]:
    """Exercises ``actor`` (or a subordinate body) took part in, or that its agreements provide for."""
    require_entities(db, id=actor)
    sub = Subgraph()
    found = _collect(
        readq.read(db, "actor_exercises", id=actor, limit=limit, skip=skip, **_params(filters)), sub
    )
    exercises: dict[str, dict[str, Any]] = {}
    for ids, rels in found:
        entry = exercises.setdefault(ids[-1], {"id": ids[-1], "name": sub.nodes[ids[-1]]["name"], "via": []})
        link = {"type": rels[-1]["type"], "by": ids[-2]}
        if link not in entry["via"]:
            entry["via"].append(link)
    return {"exercises": list(exercises.values()), **sub.to_dict(db)}
