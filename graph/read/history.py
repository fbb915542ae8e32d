"""An entity's history as the analyst sees it beside its details: every audit event on the entity,
on the claims it is an end of, and the merge that folded it away; and the merges into it that are
still in force (each can be undone)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph.db import Db


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ClaimRef(_Model):
    claim_id: str
    type: str
    source: str
    source_name: str | None
    target: str
    target_name: str | None


class HistoryEvent(_Model):
    id: str
    at: str
    who: str
    action: str = Field(description="e.g. entity.merged, entity.renamed, claim.retracted")
    target: str
    why: str
    details: dict[str, Any]
    claim: ClaimRef | None = Field(description="the claim the event is about, when it is one of the entity's")


class MergeIn(_Model):
    id: str = Field(description="merge record id (POST /curation/unmerge takes it)")
    merged: str = Field(description="the entity folded into this one")
    at: str
    who: str
    why: str


class EntityHistory(_Model):
    id: str
    events: list[HistoryEvent]
    merges: list[MergeIn]


def entity_history(db: Db, entity_id: str, *, limit: int = 100) -> EntityHistory:
    """Newest first. An id that names no entity (any more) still has a history: a merged-away
    entity's shows the merge."""
    events = []
    for row in db.read("entity_history", id=entity_id, limit=limit):
        details = json.loads(row.pop("details_json") or "{}")
        events.append(HistoryEvent(**row, details=details))
    merges = [MergeIn(**row) for row in db.read("merge_records_into", id=entity_id)]
    return EntityHistory(id=entity_id, events=events, merges=merges)
