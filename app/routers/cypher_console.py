"""Read-only Cypher for power users: reads only, with a timeout and caps on rows and bytes;
anything else is 403 (see graph/read/cypher_guard.py for how Neo4j's own plan decides)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from app.auth import ReaderDep, Role
from app.deps import SettingsDep, get_reader
from graph.read import cypher_guard
from graph.read.plans import AsyncReader
from pactgraph.errors import QueryTimeoutError, UnavailableError

router = APIRouter(tags=["cypher"])
MAX_ROWS = cypher_guard.MAX_ROWS
#: queries of this console in flight at once, so that slow ones cannot take every connection
CONCURRENT = 8


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: Annotated[str, Field(min_length=1, max_length=cypher_guard.MAX_QUERY_CHARS)]
    parameters: dict[str, Any] = Field(default_factory=dict)
    max_rows: Annotated[int, Field(ge=1, le=MAX_ROWS)] = 100


def _slots(request: Request) -> asyncio.Semaphore:
    slots: asyncio.Semaphore | None = getattr(request.app.state, "cypher_slots", None)
    if slots is None:
        slots = request.app.state.cypher_slots = asyncio.Semaphore(CONCURRENT)
    return slots


@router.post("/cypher")
async def run_cypher(
    body: CypherRequest, request: Request, who: ReaderDep, settings: SettingsDep
) -> dict[str, Any]:
    """Run a read-only query. Writes, schema and admin commands, LOAD CSV, procedures off the
    read-only allowlist and (for non-admins) the service's internal records are refused with 403;
    a query still running at the timeout ends with 504. ``truncated`` is true when rows were left
    out (by ``max_rows`` or the response's size limit)."""
    reader = await get_reader(request)
    if not isinstance(reader, AsyncReader):
        raise UnavailableError("the Cypher console needs the service's async Neo4j driver")
    timeout = settings.query_timeout_s
    slots = _slots(request)
    try:
        await asyncio.wait_for(slots.acquire(), timeout)
    except TimeoutError as exc:
        raise QueryTimeoutError(f"every Cypher slot stayed busy for {timeout:g}s; retry later") from exc
    try:
        return await cypher_guard.run_read_only(
            reader.driver, reader.database, body.query, body.parameters, timeout=timeout,
            max_rows=body.max_rows, max_bytes=settings.cypher_max_bytes,
            max_nesting=settings.cypher_max_nesting, admin=who.role >= Role.admin,
        )
    finally:
        slots.release()
