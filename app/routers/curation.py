"""Analyst curation: merge and unmerge entities, rename, aliases, assert and retract claims;
and the audit log of every change."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from app.auth import EditorDep, ReaderDep
from app.deps import DbDep
from graph.write import audit, curation, merging

router = APIRouter(prefix="/curation", tags=["curation"])


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Merge(_Body):
    survivor: str = Field(min_length=1, description="the entity that stays")
    merged: str = Field(min_length=1, description="the entity folded into it")
    why: str = Field(min_length=1)


class Unmerge(_Body):
    merge: str = Field(min_length=1, description="merge record id, or the merged-away entity id")
    why: str = Field(min_length=1)


class Rename(_Body):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    why: str = ""


class Alias(_Body):
    id: str = Field(min_length=1)
    alias: str = Field(min_length=1)
    remove: bool = False
    why: str = ""


class Assert(_Body):
    source: str = Field(min_length=1)
    type: str = Field(min_length=1)
    target: str = Field(min_length=1)
    why: str = Field(min_length=1)
    status: Literal["reported", "planned", "denied", "confirmed"] = "confirmed"
    credibility: int | None = Field(default=None, ge=1, le=6, description="information credibility 1-6")


class Retract(_Body):
    claim_id: str = Field(min_length=1)
    why: str = Field(min_length=1)


@router.post("/merge")
def merge(db: DbDep, who: EditorDep, body: Merge) -> dict[str, Any]:
    """Fold one entity into another: aliases, relationships, evidence and mentions move."""
    return merging.merge(db, body.survivor, body.merged, who=who.name, why=body.why)


@router.post("/unmerge")
def unmerge(db: DbDep, who: EditorDep, body: Unmerge) -> dict[str, Any]:
    """Undo a merge from the snapshot recorded with it."""
    return merging.unmerge(db, body.merge, who=who.name, why=body.why)


@router.post("/rename")
def rename(db: DbDep, who: EditorDep, body: Rename) -> dict[str, Any]:
    """New canonical name; the old one becomes an alias and re-ingest keeps the new one."""
    return curation.rename(db, body.id, body.name, who=who.name, why=body.why)


@router.post("/alias")
def alias(db: DbDep, who: EditorDep, body: Alias) -> dict[str, Any]:
    """Add or remove an alias; a removed alias stays removed through re-ingest."""
    return curation.alias(db, body.id, body.alias, remove=body.remove, who=who.name, why=body.why)


@router.post("/assert")
def assert_claim(db: DbDep, who: EditorDep, body: Assert) -> dict[str, Any]:
    """Assert a claim by hand (manual support; also undoes a retraction)."""
    return curation.assert_claim(
        db,
        body.source,
        body.type,
        body.target,
        who=who.name,
        why=body.why,
        status=body.status,
        credibility=body.credibility,
    )


@router.post("/retract")
def retract(db: DbDep, who: EditorDep, body: Retract) -> dict[str, Any]:
    """Retract a claim; loading its documents again does not bring it back."""
    return curation.retract_claim(db, body.claim_id, who=who.name, why=body.why)


@router.get("/audit")
def audit_log(
    db: DbDep,
    _: ReaderDep,
    target: Annotated[str | None, Query(max_length=300)] = None,
    who: Annotated[str | None, Query(max_length=200)] = None,
    action: Annotated[str | None, Query(max_length=100, description="prefix, e.g. entity.")] = None,
    since: Annotated[str | None, Query(description="ISO date or datetime")] = None,
    until: Annotated[str | None, Query(description="ISO date or datetime")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    skip: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[dict[str, Any]]:
    """Every change (who, when, what, why), newest first."""
    return audit.query(
        db, target=target, who=who, action=action, since=since, until=until, limit=limit, skip=skip
    )
