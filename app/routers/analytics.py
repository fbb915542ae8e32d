"""Centrality, articulation points and communities (networkx) on a selected subgraph."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.auth import EditorDep, ReaderDep
from app.deps import DbDep, FiltersDep
from app.responses import PlainJSON, plain_json
from graph.db import Db
from graph.read import analytics
from graph.read.readq import Filters

router = APIRouter(prefix="/analytics", tags=["analytics"])
Ids = Annotated[
    list[str],
    Query(
        min_length=1,
        max_length=analytics.MAX_SEEDS,
        description="entities whose neighbourhoods form the subgraph",
    ),
]
Depth = Annotated[int, Query(ge=1, le=3)]
Limit = Annotated[int, Query(ge=1, le=analytics.CAP, description=(
    "cap on nodes per neighbourhood; the answer's `truncated` says when it cut the neighbourhood"))]


def _measure(db: Db, ids: list[str], filters: Filters, depth: int, limit: int) -> dict[str, Any]:
    sub = analytics.select(db, ids, filters, depth=depth, limit=limit)
    return analytics.measure(sub.to_dict(), truncated=sub.truncated, cap=limit)


@router.get("", response_class=PlainJSON)
def measures(
    db: DbDep, who: ReaderDep, ids: Ids, filters: FiltersDep, depth: Depth = 2, limit: Limit = analytics.CAP
) -> PlainJSON:
    """Degree, betweenness (sampled on large subgraphs: ``sampled``), PageRank, articulation points,
    communities, on the whole neighbourhood up to ``limit`` nodes each (``truncated`` when cut)."""
    return plain_json(_measure(db, ids, filters, depth, limit))


@router.post("/write-back", response_class=PlainJSON)
def write_back(
    db: DbDep, who: EditorDep, ids: Ids, filters: FiltersDep, depth: Depth = 2, limit: Limit = analytics.CAP
) -> PlainJSON:
    """The same measures, also stored as pg_degree, pg_betweenness, pg_pagerank, pg_community
    on the nodes so Neo4j Browser can size and colour by them."""
    result = _measure(db, ids, filters, depth, limit)
    return plain_json({**result, "written": analytics.write_back(db, result)})
