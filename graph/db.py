"""Run the named queries of cypher/ in managed, retryable transactions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import AsyncDriver, Driver, ManagedTransaction, RoutingControl
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graph import queries
from pactgraph.errors import UnavailableError

T = TypeVar("T")


@contextmanager
def unavailable() -> Iterator[None]:
    """The one mapping of a lost connection to Neo4j (the server down, a session gone) to
    UnavailableError, which the API answers with 503 and the CLI with its one line."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise UnavailableError(f"Neo4j is unreachable: {type(exc).__name__}: {exc}") from exc


#: values that are already JSON-ready; checked by exact type first, the common case of every property
SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A value read from Neo4j, JSON-ready: temporal types become ISO strings, lists are walked."""
    kind = type(value)
    if kind in SCALARS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


@dataclass(frozen=True)
class Db:
    """A driver and the database it speaks to; the one handle that graph/ functions receive."""

    driver: Driver
    database: str = "neo4j"
    #: makes an async driver to the same server (the API's hot reads run on its event loop)
    open_async: Callable[[], AsyncDriver] | None = field(default=None, repr=False, compare=False)

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of cypher/<name>.cypher, run as a read (routed to a reader in a cluster)."""
        return self.run(name, routing=RoutingControl.READ, **params)

    def run(
        self,
        name: str,
        *,
        routing: RoutingControl = RoutingControl.WRITE,
        **params: Any,
    ) -> list[dict[str, Any]]:
        with unavailable():
            records, _, _ = self.driver.execute_query(
                queries.load(name), params, database_=self.database, routing_=routing,
            )
        return [record.data() for record in records]

    def autocommit(self, name: str, **params: Any) -> None:
        """Run a statement that manages its own transactions (``CALL {…} IN TRANSACTIONS``)."""
        from neo4j import Query

        with unavailable(), self.driver.session(database=self.database) as session:
            session.run(Query(queries.load(name)), params).consume()  # type: ignore[arg-type]

    def write(self, work: Callable[[ManagedTransaction], T], *, refresh_search: bool = True) -> T:
        """Run ``work`` in one managed write transaction; it must be safe to retry (MERGE).

        The full-text index is eventually consistent (commits don't wait for Lucene), so by
        default this waits until search sees the write; bulk loaders pass False and call
        :meth:`refresh_search` once at the end.
        """
        with unavailable(), self.driver.session(database=self.database) as session:
            result = session.execute_write(work)
            if refresh_search:
                session.run(queries.load("search_index_refresh")).consume()  # type: ignore[arg-type]
            return result

    def refresh_search(self) -> None:
        """Wait until the full-text index has caught up with every committed write."""
        self.autocommit("search_index_refresh")
