"""How is A linked to B: paths between two entities, each hop with its evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from app.auth import ReaderDep
from app.deps import DbDep, FiltersDep, GraphReaderDep
from app.responses import PlainJSON, plain_json
from graph import paths, reads

router = APIRouter(prefix="/paths", tags=["paths"])
EntityRef = Annotated[str, Query(min_length=1, max_length=300, description="entity id")]


@router.get("", response_class=PlainJSON)
async def find(
    reader: GraphReaderDep,
    who: ReaderDep,
    source: EntityRef,
    target: EntityRef,
    filters: FiltersDep,
    mode: Literal["shortest", "all_shortest", "k_shortest"] = "shortest",
    k: Annotated[int, Query(ge=1, le=paths.MAX_K, description="paths wanted in k_shortest mode")] = 3,
    max_hops: Annotated[int, Query(ge=1, le=paths.MAX_HOPS)] = paths.MAX_HOPS,
) -> PlainJSON:
    """Paths under the filters, each hop explained with its quotes and sources; the agreements and
    events on a path come with what they fund or provide for (``context``)."""
    plan = paths.paths_plan(source, target, filters, mode=mode, k=k, max_hops=max_hops)
    return plain_json(await reader.drive(plan))


@router.get("/shortest", response_class=PlainJSON)
def shortest(
    db: DbDep,
    who: ReaderDep,
    source: EntityRef,
    target: EntityRef,
    max_hops: Annotated[int, Query(ge=1, le=6)] = 6,
) -> PlainJSON:
    """The shortest path from ``source`` to ``target``; ``found`` is false when none exists."""
    path = reads.shortest_path(db, source, target, max_hops=max_hops)
    if path is None:
        return plain_json({"found": False, "nodes": [], "hops": []})
    return plain_json({"found": True, **path})
