"""Who connects these: connecting network, common neighbours and brokers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.auth import ReaderDep
from app.deps import DbDep, FiltersDep
from app.responses import PlainJSON, plain_json
from graph.read import network

router = APIRouter(prefix="/network", tags=["network"])
Ids = Annotated[list[str], Query(min_length=2, max_length=network.MAX_ENTITIES, description="entity ids")]
Hops = Annotated[int, Query(ge=1, le=6)]


@router.get("/connecting", response_class=PlainJSON)
def connecting(db: DbDep, who: ReaderDep, ids: Ids, filters: FiltersDep, max_hops: Hops = 4) -> PlainJSON:
    """All shortest paths between every pair of the given entities, as one subgraph."""
    return plain_json(network.connecting_network(db, ids, filters, max_hops=max_hops).to_dict(db))


@router.get("/common", response_class=PlainJSON)
def common(
    db: DbDep,
    who: ReaderDep,
    filters: FiltersDep,
    a: Annotated[str, Query(min_length=1, max_length=300)],
    b: Annotated[str, Query(min_length=1, max_length=300)],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    skip: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> PlainJSON:
    """Entities linked directly to both ``a`` and ``b``, with the links."""
    return plain_json(network.common_neighbours(db, a, b, filters, limit=limit, skip=skip))


@router.get("/brokers", response_class=PlainJSON)
def brokers(
    db: DbDep,
    who: ReaderDep,
    ids: Ids,
    filters: FiltersDep,
    max_hops: Hops = 4,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> PlainJSON:
    """Entities on the most shortest paths between the given ones, ranked (subset betweenness)."""
    return plain_json(network.brokers(db, ids, filters, max_hops=max_hops, limit=limit))
