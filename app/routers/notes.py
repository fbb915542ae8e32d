"""Analyst notes: readers list and search them, editors add and delete them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from app.auth import EditorDep, ReaderDep
from app.deps import MAX_ID, DbDep
from graph.write import notes
from graph.write.notes import Kind

router = APIRouter(prefix="/notes", tags=["notes"])


class NewNote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Kind = Field(description="what the note is on")
    target: Annotated[str, Field(min_length=1, max_length=MAX_ID,
                      description="entity or document id, or claim id")]
    text: Annotated[str, Field(min_length=1, max_length=10_000)]


@router.post("", status_code=201)
def add(body: NewNote, db: DbDep, who: EditorDep) -> dict[str, Any]:
    """A note on an entity, relationship or document, signed with the caller's name and the time."""
    return notes.add(db, kind=body.kind, target=body.target, text=body.text, who=who.name)


@router.get("")
def find(
    db: DbDep,
    who: ReaderDep,
    target: Annotated[str | None, Query(max_length=MAX_ID, description="only notes on this item")] = None,
    q: Annotated[str | None, Query(max_length=200, description="only notes containing these words")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[dict[str, Any]]:
    """Notes, newest first: on one item, or searched by their text, or all."""
    return notes.find(db, target=target, q=q, limit=limit)


@router.delete("/{note_id}", status_code=204)
def delete(note_id: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_]+$")], db: DbDep,
           who: EditorDep) -> None:
    notes.delete(db, note_id)
