"""How is A linked to B: paths between two entities, each hop with its evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from app.auth import ReaderDep
from app.deps import MAX_ID, DbDep, GraphReaderDep
from app.responses import PlainJSON, plain_json
from graph.read import paths, reads
from graph.read.readq import Filters

router = APIRouter(prefix="/paths", tags=["paths"])
EntityRef = Annotated[str, Query(min_length=1, max_length=MAX_ID, description="entity id")]


class PathQuery(Filters):
    """The query string of the paths route: two entities, the kind of search and the analyst filters
    (keys it does not know are ignored, as FastAPI ignores undeclared parameters)."""

    model_config = ConfigDict(extra="ignore")

    source: str = Field(min_length=1, max_length=MAX_ID, description="entity id")
    target: str = Field(min_length=1, max_length=MAX_ID, description="entity id")
    mode: Literal["shortest", "all_shortest", "k_shortest"] = "shortest"
    k: int = Field(default=3, ge=1, le=paths.MAX_K, description="paths wanted in k_shortest mode")
    max_hops: int = Field(default=paths.MAX_HOPS, ge=1, le=paths.MAX_HOPS)


@router.get("", response_class=PlainJSON)
async def find(query: Annotated[PathQuery, Query()], who: ReaderDep, reader: GraphReaderDep) -> PlainJSON:
    """Paths under the filters, each hop explained with its quotes and sources; the agreements and
    events on a path come with what they fund or provide for (``context``)."""
    plan = paths.paths_plan(query.source, query.target, query, mode=query.mode, k=query.k,
                            max_hops=query.max_hops)
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
