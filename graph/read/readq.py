"""Read queries with the shared analyst filters: validated in Python, applied inside Cypher.

The filters are written once (cypher/shared/) and carried by every read statement, so every
endpoint filters alike. Only vocabulary names reach the query as ``$types``/``$labels``
parameters; path patterns also name their link types in the text (the ``link_types`` slot of
graph/queries.py, filled from the vocabulary only), so the search expands just those
relationship types instead of testing ``type(r)`` on every relationship.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from neo4j import READ_ACCESS, Query
from neo4j.exceptions import ClientError, Neo4jError, SessionExpired
from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph import queries
from graph.db import Db, unavailable
from pactgraph import vocabulary as vocab
from pactgraph.errors import InputError

LINK_TYPES = queries.LINK_TYPES
#: statuses an analyst may ask for; `retracted` is always left out
QUERY_STATUSES: tuple[str, ...] = tuple(s for s in vocab.STATUSES if s != "retracted")
DEFAULT_TIMEOUT_S = 10.0
#: the server-side limit on one read; the app sets it from ``settings.query_timeout_s`` at start-up
_timeout_s = DEFAULT_TIMEOUT_S
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _iso(value: str | None, name: str) -> str | None:
    """An ISO date or its year/month prefix, checked (so it compares correctly as a string)."""
    if value is None:
        return None
    if not _ISO_PREFIX.match(value):
        raise InputError("use an ISO date: YYYY, YYYY-MM or YYYY-MM-DD", source=name)
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise InputError(f"{value!r} is not a real date ({exc})", source=name) from exc
    return value



def _only(values: list[str], allowed: list[str], what: str, source: str) -> list[str]:
    """``values`` when every one is in the vocabulary's ``allowed``; else a 422 naming the parameter."""
    for name in values:
        if name not in allowed:
            raise InputError(f"unknown {what} {name!r}; use one of {allowed}", source=source)
    return values

def _one_of(values: Iterable[str]) -> dict[str, Any]:
    """The JSON schema of a list field whose items are vocabulary names (OpenAPI shows them)."""
    return {"items": {"type": "string", "enum": list(values)}}


class Filters(BaseModel):
    """The common filters of neighbours, paths, network and timeline queries."""

    model_config = ConfigDict(extra="forbid")

    types: list[str] = Field(default_factory=list,
                             description="relationship types to follow (default: all but MENTIONS)",
                             json_schema_extra=_one_of(LINK_TYPES))
    labels: list[str] = Field(default_factory=list, description="keep only nodes with one of these labels",
                              json_schema_extra=_one_of(sorted(vocab.ALL_LABELS)))
    date_from: str | None = Field(default=None, description="ISO date; links dated on or after")
    date_to: str | None = Field(default=None, description="ISO date; links dated on or before")
    min_confidence: int = Field(default=0, ge=0, le=100,
                                description="0-100; missing confidence counts as 50")
    status: list[str] = Field(default_factory=list, description="keep links with these statuses",
                              json_schema_extra=_one_of(QUERY_STATUSES))
    as_of: str | None = Field(default=None, description="ISO date: the graph as reported up to then")

    @field_validator("types")
    @classmethod
    def _types(cls, value: list[str]) -> list[str]:
        return _only(value, list(LINK_TYPES), "relationship type", "types")

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: list[str]) -> list[str]:
        return _only(value, sorted(vocab.ALL_LABELS), "label", "labels")

    @field_validator("status")
    @classmethod
    def _status(cls, value: list[str]) -> list[str]:
        return _only(value, list(QUERY_STATUSES), "status", "status")

    @field_validator("date_from", "date_to", "as_of")
    @classmethod
    def _dates(cls, value: str | None, info: Any) -> str | None:
        return _iso(value, info.field_name)

    @property
    def link_types(self) -> tuple[str, ...]:
        """The types a path may walk, in vocabulary order (one statement text per set): every link
        type when none is asked for."""
        return tuple(t for t in LINK_TYPES if t in self.types) if self.types else LINK_TYPES

    @property
    def only_types(self) -> bool:
        """True when no filter but ``types`` is set: statements may then use the light link_filter."""
        return not (
            self.labels or self.status or self.min_confidence or self.date_from or self.date_to or self.as_of
        )

    def params(self) -> dict[str, Any]:
        """Query parameters: an empty type list means every link type (never MENTIONS)."""
        return {
            "types": self.types or list(LINK_TYPES),
            "labels": self.labels,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "min_confidence": self.min_confidence,
            "status": self.status,
            "as_of": self.as_of,
        }


def set_timeout(seconds: float) -> None:
    """Set the server-side time limit of every read (``PACTGRAPH_QUERY_TIMEOUT``)."""
    global _timeout_s
    if not seconds > 0:
        raise InputError("the query timeout must be a positive number of seconds", source="query_timeout_s")
    _timeout_s = float(seconds)


def current_timeout() -> float:
    return _timeout_s


def run(db: Db, text: str, params: dict[str, Any], timeout_s: float) -> list[dict[str, Any]]:
    """Run one read as an auto-commit query: one round trip, where a managed transaction needs two.

    Records are taken as plain dicts: read statements return maps and scalars only (never bare
    nodes), so ``Record.data()``'s walk over every nested value would convert nothing and costs
    about a millisecond on a neighbourhood. A retryable failure (leader switch, transient error)
    is tried once more before it reaches the caller.
    """
    query = Query(text, timeout=timeout_s)  # type: ignore[arg-type]
    for attempt in (1, 2):
        try:
            with db.driver.session(database=db.database, default_access_mode=READ_ACCESS) as session:
                result = session.run(query, params)
                keys = result.keys()
                return [dict(zip(keys, record.values(), strict=True)) for record in result]
        except (Neo4jError, SessionExpired) as exc:
            if not retry_read(exc, attempt):
                raise
    raise AssertionError("unreachable")


def retry_read(exc: Neo4jError | SessionExpired, attempt: int) -> bool:
    """Whether a failed read is tried again: once, and only when the failure is retryable."""
    return attempt == 1 and (isinstance(exc, SessionExpired) or exc.is_retryable())


@contextmanager
def mapped_errors(name: str, limit: float) -> Iterator[None]:
    """Neo4j outages become UnavailableError (503) and a timed-out read an InputError (422)."""
    try:
        with unavailable():
            yield
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or "") or "Terminated" in (exc.code or ""):
            raise InputError(
                f"the query took longer than {limit:g}s; narrow it (depth, filters, limit)", source=name
            ) from exc
        raise


def read(db: Db, name: str, *, timeout: float | None = None, link_types: tuple[str, ...] | None = None,
         selector: str | None = None, **params: Any) -> list[dict[str, Any]]:
    """Rows of a read statement, with a server-side timeout; Neo4j outages become UnavailableError."""
    limit = _timeout_s if timeout is None else timeout
    with mapped_errors(name, limit):
        return run(db, queries.statement(name, link_types=link_types, selector=selector), params, limit)
