"""Entities: search by name or alias, one entity's profile, its neighbourhood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from app.auth import ReaderDep
from app.deps import MAX_ID, DbDep, GraphReaderDep
from app.responses import PlainJSON, plain_json
from graph.read import neighbourhood, reads
from graph.read.readq import Filters

router = APIRouter(prefix="/entities", tags=["entities"])
EntityId = Annotated[str, Path(min_length=1, max_length=MAX_ID, description="entity id")]


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
    who: ReaderDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words of a name or alias")],
    label: Annotated[str | None, Query(pattern=r"^[A-Za-z]+$", description="e.g. Actor, Site, State")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    skip: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> list[EntityHit]:
    """Full-text search, tolerant of small misspellings and transliteration variants."""
    try:
        rows = reads.search_entities(db, q, label=label, limit=limit, skip=skip)
    except ValueError as exc:
        from pactgraph.errors import InputError

        raise InputError(str(exc), source="label") from exc
    return [EntityHit(**row) for row in rows]


@router.get("/{entity_id}", response_class=PlainJSON)
def profile(
    db: DbDep,
    who: ReaderDep,
    entity_id: EntityId,
    as_of: Annotated[str | None, Query(max_length=10, description="ISO date: as reported up to then")] = None,
) -> PlainJSON:
    """Properties, aliases, sources, link counts by type, first and last reported."""
    return plain_json(reads.entity_profile(db, entity_id, as_of=as_of))


class NeighbourQuery(Filters):
    """The query string of the neighbours route: the analyst filters, depth and paging (keys it does
    not know are ignored, as FastAPI ignores undeclared parameters)."""

    model_config = ConfigDict(extra="ignore")

    depth: int = Field(default=1, ge=1, le=neighbourhood.MAX_DEPTH, description="hops from the entity")
    limit: int = Field(default=200, ge=1, le=neighbourhood.MAX_NODES, description="cap on neighbours")
    skip: int = Field(default=0, ge=0, le=10_000, description="skip first-level links (paging)")


@router.get("/{entity_id}/neighbours", response_class=PlainJSON)
async def neighbours(entity_id: EntityId, query: Annotated[NeighbourQuery, Query()], who: ReaderDep,
                     reader: GraphReaderDep) -> PlainJSON:
    """The entity and what links to it within ``depth`` hops, as a subgraph with evidence."""
    plan = neighbourhood.neighbours_plan(
        entity_id, query, depth=query.depth, limit=query.limit, skip=query.skip,
        sources=True,
    )
    return plain_json((await reader.drive(plan)).to_dict())
