"""Run the named queries of cypher/ in managed, retryable transactions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import AsyncDriver, Driver, ManagedTransaction, RoutingControl
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graph import queries
from pactgraph.errors import UnavailableError

T = TypeVar("T")


@dataclass(frozen=True)
class Db:
    """A driver and the database it speaks to; the one handle that graph/ functions receive."""

    driver: Driver
    database: str = "neo4j"
    #: makes an async driver to the same server (the API's hot reads run on its event loop)
    open_async: Callable[[], AsyncDriver] | None = field(default=None, repr=False, compare=False)

    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """Rows of cypher/<name>.cypher, run as a read (routed to a reader in a cluster)."""
        return self.run(name, routing=RoutingControl.READ, timeout=timeout, **params)

    def run(
        self,
        name: str,
        *,
        routing: RoutingControl = RoutingControl.WRITE,
        timeout: float | None = None,
        **params: Any,
    ) -> list[dict[str, Any]]:
        try:
            records, _, _ = self.driver.execute_query(
                queries.load(name), params, database_=self.database, routing_=routing,
            ) if timeout is None else self._with_timeout(name, routing, timeout, params)
        except (ServiceUnavailable, SessionExpired) as exc:
            raise UnavailableError(f"Neo4j is unreachable: {exc}") from exc
        return [record.data() for record in records]

    def _with_timeout(
        self, name: str, routing: RoutingControl, timeout: float, params: dict[str, Any]
    ) -> tuple[list[Any], None, None]:
        from neo4j import unit_of_work

        text = queries.load(name)

        # a Query's own timeout only applies to auto-commit runs; managed work takes it here
        @unit_of_work(timeout=timeout)
        def work(tx: ManagedTransaction) -> list[Any]:
            return list(tx.run(text, params))  # type: ignore[arg-type]

        with self.driver.session(database=self.database) as session:
            run = session.execute_read if routing == RoutingControl.READ else session.execute_write
            records = run(work)
        return records, None, None

    def autocommit(self, name: str, **params: Any) -> None:
        """Run a statement that manages its own transactions (``CALL {…} IN TRANSACTIONS``)."""
        from neo4j import Query

        try:
            with self.driver.session(database=self.database) as session:
                session.run(Query(queries.load(name)), params).consume()  # type: ignore[arg-type]
        except (ServiceUnavailable, SessionExpired) as exc:
            raise UnavailableError(f"Neo4j is unreachable: {exc}") from exc

    def write(self, work: Callable[[ManagedTransaction], T], *, refresh_search: bool = True) -> T:
        """Run ``work`` in one managed write transaction; it must be safe to retry (MERGE).

        The full-text index is eventually consistent (commits don't wait for Lucene), so by
        default this waits until search sees the write; bulk loaders pass False and call
        :meth:`refresh_search` once at the end.
        """
        try:
            with self.driver.session(database=self.database) as session:
                result = session.execute_write(work)
                if refresh_search:
                    session.run(queries.load("search_index_refresh")).consume()  # type: ignore[arg-type]
                return result
        except (ServiceUnavailable, SessionExpired) as exc:
            raise UnavailableError(f"Neo4j is unreachable: {exc}") from exc

    def refresh_search(self) -> None:
        """Wait until the full-text index has caught up with every committed write."""
        self.autocommit("search_index_refresh")
