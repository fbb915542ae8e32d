"""The queue of likely duplicates: pairs of entities of one coarse label, found by their names and
aliases (rapidfuzz, graph/read/names_alike.py) and by the neighbours they share, then scored with
every reason for and against (shared neighbours, the same or a different containing place, one
inside the other). Pairs an analyst already split (an undone merge) are left out."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.db import Db
from graph.read.names_alike import Alike, Names, alike
from pactgraph import vocabulary as vocab

ReasonKind = Literal["same_name", "shared_alias", "similar_name", "shared_neighbours", "same_place",
                     "different_place", "nested"]

#: points each kind of evidence adds to (or takes from) a pair's score, 0-100 after clamping
SAME_NAME, SHARED_ALIAS, PER_NEIGHBOUR, MAX_NEIGHBOURS, SAME_PLACE = 60, 50, 10, 30, 15
DIFFERENT_PLACE, NESTED = -20, -40
#: similar names score between these two, by their similarity from the cutoff to 99
SIMILAR_LOW, SIMILAR_HIGH = 35, 50
#: the most entities whose names are compared in one call, and of pairs proposed by names and by neighbours
MAX_ENTITIES, MAX_NAME_PAIRS, MAX_NEIGHBOUR_PAIRS = 50_000, 5_000, 2_000


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityRef(_Model):
    id: str
    name: str
    labels: list[str]


class Reason(_Model):
    kind: ReasonKind
    text: str = Field(description="the reason in words, naming the names or places involved")
    points: int = Field(description="what it adds to the score (negative: it tells against)")


class DuplicateCandidate(_Model):
    a: EntityRef
    b: EntityRef
    score: int = Field(ge=0, le=100, description="how likely the two are one entity")
    reasons: list[Reason]


def _names(rows: list[dict[str, Any]]) -> tuple[list[Names], dict[str, EntityRef]]:
    names, refs = [], {}
    for row in rows:
        coarse = vocab.coarse_label(row["labels"])
        if coarse is None or coarse == "Document":
            continue
        labels = [label for label in row["labels"] if label != vocab.ENTITY_LABEL]
        refs[row["id"]] = EntityRef(id=row["id"], name=row["name"] or row["id"], labels=labels)
        names.append(Names(id=row["id"], coarse=coarse, name=row["name"] or "",
                           aliases=tuple(a for a in row["aliases"] if isinstance(a, str))))
    return names, refs


def _name_reason(match: Alike, cutoff: int) -> Reason:
    if match.similarity == 100 and match.names:
        return Reason(kind="same_name", text=f"same name “{match.a_text}”", points=SAME_NAME)
    if match.similarity == 100:
        shown = match.a_text if match.a_text == match.b_text else f"{match.a_text}” / “{match.b_text}"
        return Reason(kind="shared_alias", text=f"share the name or alias “{shown}”", points=SHARED_ALIAS)
    span = max(99 - cutoff, 1)
    points = SIMILAR_LOW + round((SIMILAR_HIGH - SIMILAR_LOW) * (match.similarity - cutoff) / span)
    return Reason(kind="similar_name", points=points,
                  text=f"names {match.similarity}% alike: “{match.a_text}” and “{match.b_text}”")


def _listed(items: list[dict[str, Any]], most: int = 5) -> str:
    names = [item["name"] or item["id"] for item in items]
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _context_reasons(row: dict[str, Any]) -> list[Reason]:
    reasons = []
    a_in = {p["id"]: p for p in row["a_in"]}
    b_in = {p["id"]: p for p in row["b_in"]}
    common = [a_in[i] for i in sorted(a_in.keys() & b_in.keys())]
    # a place both are in is counted once, as the place
    shared = [x for x in row["shared"] if x["id"] not in a_in.keys() & b_in.keys()]
    if shared:
        points = min(PER_NEIGHBOUR * len(shared), MAX_NEIGHBOURS)
        reasons.append(Reason(kind="shared_neighbours", points=points,
                              text=f"{len(shared)} shared neighbour{'s' if len(shared) > 1 else ''}: "
                                   f"{_listed(shared)}"))
    if common:
        reasons.append(Reason(kind="same_place", points=SAME_PLACE, text=f"both in {_listed(common)}"))
    elif a_in and b_in:
        reasons.append(Reason(kind="different_place", points=DIFFERENT_PLACE,
                              text=f"in different places: {_listed(list(a_in.values()))} and "
                                   f"{_listed(list(b_in.values()))}"))
    if row["nested"]:
        reasons.append(Reason(kind="nested", points=NESTED, text="one is located in or part of the other"))
    return reasons


def candidates(db: Db, *, limit: int = 50, min_score: int = 35, cutoff: int = 85,
               min_shared: int = 2, max_degree: int = 50) -> list[DuplicateCandidate]:
    """The likeliest duplicates first, each with its reasons; ``cutoff`` is the least name similarity
    (0-100) that proposes a pair, ``min_shared`` the least shared neighbours that do."""
    names, refs = _names(db.read("duplicate_names", limit=MAX_ENTITIES))
    by_name = {(m.a, m.b): m for m in alike(names, cutoff=cutoff)[:MAX_NAME_PAIRS]}
    coarse = [label for label in vocab.NODE_LABELS if label != "Document"]
    by_neighbours = db.read("duplicate_shared_neighbours", coarse=coarse, min_shared=min_shared,
                            max_degree=max_degree, limit=MAX_NEIGHBOUR_PAIRS)
    pairs = dict.fromkeys([*by_name, *((row["a"], row["b"]) for row in by_neighbours)])
    if not pairs:
        return []
    rows = db.read("duplicate_pair_context", candidates=[{"a": a, "b": b} for a, b in pairs])
    found = []
    for row in rows:
        if row["split"]:
            continue  # an analyst merged and unmerged these two: they are different
        key = (row["a"], row["b"])
        if key[0] not in refs or key[1] not in refs:
            continue  # beyond the names read (MAX_ENTITIES)
        reasons = ([_name_reason(by_name[key], cutoff)] if key in by_name else []) + _context_reasons(row)
        score = max(0, min(100, sum(r.points for r in reasons)))
        if score < min_score or not any(r.points > 0 for r in reasons):
            continue
        found.append(DuplicateCandidate(a=refs[key[0]], b=refs[key[1]], score=score,
                                        reasons=sorted(reasons, key=lambda r: -r.points)))
    found.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return found[:limit]
