"""How is A linked to B: paths between two entities, each hop with its evidence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.deps import DbDep
from graph import reads

router = APIRouter(prefix="/paths", tags=["paths"])


@router.get("/shortest")
def shortest(
    db: DbDep,
    source: Annotated[str, Query(min_length=1, max_length=300, description="entity id")],
    target: Annotated[str, Query(min_length=1, max_length=300, description="entity id")],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 6,
) -> dict[str, Any]:
    """The shortest path from ``source`` to ``target``; ``found`` is false when none exists."""
    path = reads.shortest_path(db, source, target, max_hops=max_hops)
    if path is None:
        return {"found": False, "nodes": [], "hops": []}
    return {"found": True, **path}
