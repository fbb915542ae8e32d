"""Entity search by name or alias."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from app.deps import DbDep
from graph import reads

router = APIRouter(prefix="/entities", tags=["entities"])


class EntityHit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    labels: list[str]
    aliases: list[str]
    score: float


@router.get("/search", response_model=list[EntityHit])
def search(
    db: DbDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words of a name or alias")],
    label: Annotated[str | None, Query(pattern=r"^[A-Za-z]+$", description="e.g. Actor, Site, State")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    skip: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> list[EntityHit]:
    """Full-text search, tolerant of small misspellings and transliteration variants."""
    rows = reads.search_entities(db, q, label=label, limit=limit, skip=skip)
    return [EntityHit(**row) for row in rows]
