"""Read-only Cypher for power users: reads only, with a timeout and a row cap; anything else is 403."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from app.auth import ReaderDep
from app.deps import DbDep, SettingsDep
from graph import cypher_guard

router = APIRouter(tags=["cypher"])
MAX_ROWS = 1000


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: Annotated[str, Field(min_length=1, max_length=cypher_guard.MAX_QUERY_CHARS)]
    parameters: dict[str, Any] = Field(default_factory=dict)
    max_rows: Annotated[int, Field(ge=1, le=MAX_ROWS)] = 100


@router.post("/cypher")
def run_cypher(body: CypherRequest, db: DbDep, who: ReaderDep, settings: SettingsDep) -> dict[str, Any]:
    """Run a read-only query: writes, schema and admin commands, LOAD CSV and procedures off the
    read-only allowlist are refused with 403 before anything runs."""
    return cypher_guard.run_read_only(
        db, body.query, body.parameters, timeout=settings.query_timeout_s, max_rows=body.max_rows
    )
