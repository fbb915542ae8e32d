"""Read plans: the logic of a multi-query read written once, run by a blocking or an async driver.

A plan is a generator that yields ``Read(name, params)`` requests and receives each one's rows;
its return value is the answer. ``drive`` runs it on the blocking driver (CLI, exports,
analytics); ``adrive`` runs it on the async driver, so the API's hottest endpoints answer on the
event loop without a thread-pool hop per request (about 0.2 ms of a 3 ms neighbourhood).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import READ_ACCESS, AsyncDriver, Query
from neo4j.exceptions import Neo4jError, SessionExpired

from graph import queries
from graph.db import Db
from graph.read import readq

T = TypeVar("T")


@dataclass(frozen=True)
class Read:
    """One read a plan asks for: a statement of cypher/ (filters expanded) and its parameters."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)
    timeout: float | None = None
    #: the relationship types a path pattern names in its text, and its path selector (slots of
    #: graph/queries.py); None keeps what the file says
    link_types: tuple[str, ...] | None = None
    selector: str | None = None


Plan = Generator[Read, list[dict[str, Any]], T]


def drive(db: Db, plan: Plan[T]) -> T:
    """Run ``plan`` with the blocking driver; its reads are ``readq.read`` calls."""
    try:
        step = next(plan)
        while True:
            step = plan.send(readq.read(db, step.name, timeout=step.timeout, link_types=step.link_types,
                                        selector=step.selector, **step.params))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


class AsyncReader:
    """The async driver of the API process: reads with the same statements, timeout and errors as
    ``readq.read``. Made inside the running event loop (the driver's connections belong to it)."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        self.driver, self.database = driver, database

    async def read(self, name: str, *, timeout: float | None = None,
                   link_types: tuple[str, ...] | None = None, selector: str | None = None,
                   **params: Any) -> list[dict[str, Any]]:
        limit = readq.current_timeout() if timeout is None else timeout
        text = queries.statement(name, link_types=link_types, selector=selector)
        query = Query(text, timeout=limit)  # type: ignore[arg-type]
        with readq.mapped_errors(name, limit):
            for attempt in (1, 2):
                try:
                    async with self.driver.session(database=self.database,
                                                   default_access_mode=READ_ACCESS) as session:
                        result = await session.run(query, params)
                        keys = result.keys()
                        return [dict(zip(keys, record.values(), strict=True)) async for record in result]
                except (Neo4jError, SessionExpired) as exc:
                    if not readq.retry_read(exc, attempt):
                        raise
        raise AssertionError("unreachable")

    async def drive(self, plan: Plan[T]) -> T:
        """Run ``plan`` on the event loop."""
        try:
            step = next(plan)
            while True:
                step = plan.send(await self.read(step.name, timeout=step.timeout, link_types=step.link_types,
                                                 selector=step.selector, **step.params))
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    async def close(self) -> None:
        await self.driver.close()
