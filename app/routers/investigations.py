"""Saved investigations: readers list and open them, editors save, restore, rename and delete.
Each save is a new version; a save from a stale base is kept as a new version and says so."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from app.auth import EditorDep, ReaderDep
from app.deps import DbDep
from graph.write import investigations as inv
from graph.write.investigations import ChartState, Opened

router = APIRouter(prefix="/investigations", tags=["investigations"])
InvestigationId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Create(_Body):
    name: Name
    state: ChartState


class Save(_Body):
    base: int = Field(ge=0, description="the version the chart was opened at; a stale one adds a version")
    state: ChartState


class Rename(_Body):
    name: Name


class Restore(_Body):
    version: int = Field(ge=1, description="the earlier version to make the newest again")


@router.get("")
def list_(db: DbDep, who: ReaderDep) -> list[dict[str, Any]]:
    """Every saved investigation, most recently saved first."""
    return inv.list_all(db)


@router.post("", status_code=201)
def create(body: Create, db: DbDep, who: EditorDep) -> dict[str, Any]:
    """Name the current chart and save it as version 1 of a new investigation."""
    return inv.save(db, who=who.name, state=body.state, name=body.name)


@router.get("/{investigation_id}")
def open_(
    investigation_id: InvestigationId,
    db: DbDep,
    who: ReaderDep,
    version: Annotated[int | None, Query(ge=1, description="an earlier version (default: newest)")] = None,
) -> Opened:
    """A version's chart with what still exists; ``merged`` and ``deleted`` say what is gone."""
    return inv.open_(db, investigation_id, version)


@router.get("/{investigation_id}/versions")
def versions(investigation_id: InvestigationId, db: DbDep, who: ReaderDep) -> list[dict[str, Any]]:
    """The versions, newest first, with who saved each and when."""
    return inv.versions(db, investigation_id)


@router.post("/{investigation_id}/versions", status_code=201)
def save(investigation_id: InvestigationId, body: Save, db: DbDep, who: EditorDep) -> dict[str, Any]:
    """Save the chart as the next version; ``stale`` is true when someone saved after ``base``."""
    return inv.save(db, who=who.name, state=body.state, investigation=investigation_id, base=body.base)


@router.post("/{investigation_id}/restore", status_code=201)
def restore(investigation_id: InvestigationId, body: Restore, db: DbDep, who: EditorDep) -> dict[str, Any]:
    """Make an earlier version's chart the newest version again; later versions are kept."""
    return inv.restore(db, investigation_id, body.version, who.name)


@router.patch("/{investigation_id}")
def rename(investigation_id: InvestigationId, body: Rename, db: DbDep, who: EditorDep) -> dict[str, Any]:
    return inv.rename(db, investigation_id, body.name, who.name)


@router.delete("/{investigation_id}", status_code=204)
def delete(investigation_id: InvestigationId, db: DbDep, who: EditorDep) -> None:
    """Delete the investigation and all its versions."""
    inv.delete(db, investigation_id)
