"""The domain questions: agreements between parties; an actor's sites and exercises; timelines."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from app.auth import ReaderDep
from app.deps import DbDep, FiltersDep
from app.responses import PlainJSON, plain_json
from graph.read import domain, timeline

router = APIRouter(tags=["domain"])
EntityId = Annotated[str, Path(min_length=1, max_length=300, description="entity id")]
Limit = Annotated[int, Query(ge=1, le=500)]
Skip = Annotated[int, Query(ge=0, le=10_000)]


@router.get("/agreements", response_class=PlainJSON)
def agreements(
    db: DbDep,
    who: ReaderDep,
    filters: FiltersDep,
    parties: Annotated[
        list[str], Query(min_length=1, max_length=domain.MAX_PARTIES, description="entity ids")
    ],
    limit: Limit = 50,
    skip: Skip = 0,
) -> PlainJSON:
    """Agreements every given party is party to, itself or through a subordinate body."""
    return plain_json(domain.agreements_between(db, parties, filters, limit=limit, skip=skip))


@router.get("/entities/{entity_id}/sites", response_class=PlainJSON)
def sites(
    db: DbDep,
    who: ReaderDep,
    entity_id: EntityId,
    filters: FiltersDep,
    roles: Annotated[list[Literal["FUNDS", "BUILDS", "OPERATES"]], Query()] = [],  # noqa: B006
    limit: Limit = 50,
    skip: Skip = 0,
) -> PlainJSON:
    """Sites the actor funds, builds or operates, itself, through its bodies or its agreements."""
    return plain_json(domain.actor_sites(db, entity_id, filters, roles=list(roles), limit=limit, skip=skip))


@router.get("/entities/{entity_id}/exercises", response_class=PlainJSON)
def exercises(
    db: DbDep,
    who: ReaderDep,
    entity_id: EntityId,
    filters: FiltersDep,
    limit: Limit = 50,
    skip: Skip = 0,
) -> PlainJSON:
    """Exercises the actor or its bodies took part in, or that its agreements provide for."""
    return plain_json(domain.actor_exercises(db, entity_id, filters, limit=limit, skip=skip))


@router.get("/entities/{entity_id}/timeline", response_class=PlainJSON)
def entity_timeline(
    db: DbDep,
    who: ReaderDep,
    entity_id: EntityId,
    filters: FiltersDep,
    limit: Limit = 100,
    skip: Skip = 0,
) -> PlainJSON:
    """Events, agreements and reported facts of an actor, site or region (and what lies in it), by date."""
    return plain_json(timeline.timeline(db, entity_id, filters, limit=limit, skip=skip))
