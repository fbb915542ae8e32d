"""Read queries with the shared analyst filters: validated in Python, applied inside Cypher.

Cypher files may hold ``{{relationship_filter(r)}}`` and ``{{node_filter(y)}}`` placeholders;
both expand to the one definition in cypher/fragment_*.cypher, so every endpoint filters alike.
Only vocabulary names reach the query as ``$types``/``$labels`` parameters, never as text.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from neo4j import Query, RoutingControl
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph import queries
from graph.db import Db
from pactgraph import vocabulary as vocab
from pactgraph.errors import InputError, UnavailableError

#: relationship types of link analysis: everything but document provenance
LINK_TYPES: tuple[str, ...] = tuple(t for t in vocab.RELATIONSHIP_TYPES if t != "MENTIONS")
#: statuses an analyst may ask for; `retracted` is always left out
QUERY_STATUSES: tuple[str, ...] = tuple(s for s in vocab.STATUSES if s != "retracted")
DEFAULT_TIMEOUT_S = 10.0
_FRAGMENT = re.compile(r"\{\{(relationship_filter|node_filter)\(([a-z][a-z0-9_]*)\)\}\}")
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


class Filters(BaseModel):
    """The common filters of neighbours, paths, network and timeline queries."""

    model_config = ConfigDict(extra="forbid")

    types: list[str] = Field(default_factory=list)
    labels: list[str] = Field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: int = Field(default=0, ge=0, le=100)
    status: list[str] = Field(default_factory=list)
    as_of: str | None = None

    @field_validator("types")
    @classmethod
    def _types(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in LINK_TYPES:
                raise InputError(
                    f"unknown relationship type {name!r}; use one of {list(LINK_TYPES)}", source="types"
                )
        return value

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in vocab.ALL_LABELS:
                raise InputError(
                    f"unknown label {name!r}; use one of {sorted(vocab.ALL_LABELS)}", source="labels"
                )
        return value

    @field_validator("status")
    @classmethod
    def _status(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in QUERY_STATUSES:
                raise InputError(
                    f"unknown status {name!r}; use one of {list(QUERY_STATUSES)}", source="status"
                )
        return value

    @field_validator("date_from", "date_to", "as_of")
    @classmethod
    def _dates(cls, value: str | None, info: Any) -> str | None:
        return _iso(value, info.field_name)

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


@cache
def statement(name: str) -> str:
    """cypher/<name>.cypher with its filter placeholders expanded (variables renamed)."""

    def expand(match: re.Match[str]) -> str:
        kind, var = match.group(1), match.group(2)
        text = "\n".join(
            line
            for line in queries.load(f"fragment_{kind}").splitlines()
            if not line.lstrip().startswith("//")
        )
        placeholder = "r" if kind == "relationship_filter" else "y"
        return "(" + re.sub(rf"\b{placeholder}\b", var, text).strip() + ")"

    return _FRAGMENT.sub(expand, queries.load(name))


def read(db: Db, name: str, *, timeout: float = DEFAULT_TIMEOUT_S, **params: Any) -> list[dict[str, Any]]:
    """Rows of a read statement, with a server-side timeout; Neo4j outages become UnavailableError."""
    try:
        records, _, _ = db.driver.execute_query(
            Query(statement(name), timeout=timeout),
            params,
            database_=db.database,
            routing_=RoutingControl.READ,
        )
    except (ServiceUnavailable, SessionExpired) as exc:
        raise UnavailableError(f"Neo4j is unreachable: {type(exc).__name__}") from exc
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or "") or "Terminated" in (exc.code or ""):
            raise InputError(
                f"the query took longer than {timeout:g}s; narrow it (depth, filters, limit)", source=name
            ) from exc
        raise
    return [record.data() for record in records]
