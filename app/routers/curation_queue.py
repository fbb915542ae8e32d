"""Curation reads for the analyst's queue: likely duplicates with their reasons, what a merge would
move, and an entity's history. Readers may look; the changes themselves are POST /curation/*."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.auth import ReaderDep
from app.deps import MAX_ID, DbDep
from graph.read import duplicates, history, merge_preview
from graph.read.duplicates import DuplicateCandidate
from graph.read.history import EntityHistory
from graph.read.merge_preview import MergePreview

router = APIRouter(prefix="/curation", tags=["curation"])
Id = Annotated[str, Query(min_length=1, max_length=MAX_ID)]


@router.get("/duplicates", response_model=list[DuplicateCandidate])
def duplicate_queue(
    db: DbDep,
    _: ReaderDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    min_score: Annotated[int, Query(ge=0, le=100, description="leave out pairs scoring less")] = 35,
    similarity: Annotated[int, Query(ge=60, le=100, description="least name similarity (0-100) that "
                                                                "proposes a pair")] = 85,
) -> list[DuplicateCandidate]:
    """Pairs of entities of one coarse label that may be one, likeliest first, each with its reasons:
    the same or similar names and aliases, shared neighbours, the same containing place (and what
    tells against: different places, one inside the other). Pairs whose merge was undone are left out."""
    return duplicates.candidates(db, limit=limit, min_score=min_score, cutoff=similarity)


@router.get("/merge-preview", response_model=MergePreview)
def preview_merge(db: DbDep, _: ReaderDep, survivor: Id, merged: Id) -> MergePreview:
    """What POST /curation/merge would move (relationships, evidence, aliases, mentions); writes nothing."""
    return merge_preview.preview(db, survivor, merged)


@router.get("/history/{entity_id}", response_model=EntityHistory)
def entity_history(
    db: DbDep,
    _: ReaderDep,
    entity_id: Annotated[str, Path(min_length=1, max_length=MAX_ID)],
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EntityHistory:
    """What analysts did to an entity and its claims, newest first, and the merges into it in force."""
    return history.entity_history(db, entity_id, limit=limit)
