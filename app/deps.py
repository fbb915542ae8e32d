"""Dependencies shared by the routers: the graph handle and settings, as Annotated aliases."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from graph.db import Db
from graph.read.plans import AsyncReader, Plan, drive
from graph.read.readq import LINK_TYPES, QUERY_STATUSES, Filters
from pactgraph import vocabulary as vocab
from pactgraph.settings import Settings

T = TypeVar("T")
#: the longest entity id a path or query parameter may carry
MAX_ID = 300

# The dependencies below are ``async`` because they do not block (the schema check is a flag
# once applied): a plain ``def`` dependency costs a thread-pool hop on every request.


async def _ensure_schema(request: Request) -> None:
    ensure = request.app.state.ensure_schema
    if not ensure.done:
        await run_in_threadpool(ensure)


async def get_db(request: Request) -> Db:
    await _ensure_schema(request)
    db: Db = request.app.state.db
    return db


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


#: allowed values of the filters Filters checks in its validators, for the OpenAPI documentation
FILTER_ENUMS: dict[str, list[str]] = {
    "types": list(LINK_TYPES), "labels": sorted(vocab.ALL_LABELS), "status": list(QUERY_STATUSES)
}
LinkType = Enum("LinkType", {t: t for t in FILTER_ENUMS["types"]}, type=str)  # type: ignore[misc]
NodeLabel = Enum("NodeLabel", {t: t for t in FILTER_ENUMS["labels"]}, type=str)  # type: ignore[misc]
QueryStatus = Enum("QueryStatus", {t: t for t in FILTER_ENUMS["status"]}, type=str)  # type: ignore[misc]

DbDep = Annotated[Db, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def _about(name: str) -> str | None:
    """The filter's description, written once on Filters."""
    return Filters.model_fields[name].description


async def get_filters(
    types: Annotated[list[LinkType], Query(description=_about("types"))] = [],  # noqa: B006
    labels: Annotated[list[NodeLabel], Query(description=_about("labels"))] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(max_length=10, description=_about("date_from"))] = None,
    date_to: Annotated[str | None, Query(max_length=10, description=_about("date_to"))] = None,
    min_confidence: Annotated[int, Query(ge=0, le=100, description=_about("min_confidence"))] = 0,
    status: Annotated[list[QueryStatus], Query(description=_about("status"))] = [],  # noqa: B006
    as_of: Annotated[str | None, Query(max_length=10, description=_about("as_of"))] = None,
) -> Filters:
    """The common analyst filters, checked against the vocabulary (422 naming the parameter)."""
    return Filters(
        types=[t.value for t in types],
        labels=[x.value for x in labels],
        date_from=date_from,
        date_to=date_to,
        min_confidence=min_confidence,
        status=[s.value for s in status],
        as_of=as_of,
    )


FiltersDep = Annotated[Filters, Depends(get_filters)]


class _ThreadReader:
    """Runs read plans on the blocking driver in the thread pool: for a Db handed in without an
    async driver (the unavailability test builds its own)."""

    def __init__(self, db: Db) -> None:
        self.db = db

    async def drive(self, plan: Plan[T]) -> T:
        return await run_in_threadpool(drive, self.db, plan)


GraphReader = AsyncReader | _ThreadReader


async def get_reader(request: Request) -> GraphReader:
    """What the async routes read with: the app's async driver, else the thread pool."""
    await _ensure_schema(request)
    reader: AsyncReader | None = request.app.state.reader
    return reader if reader is not None else _ThreadReader(request.app.state.db)


GraphReaderDep = Annotated[GraphReader, Depends(get_reader)]

