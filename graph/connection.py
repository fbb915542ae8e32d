"""One shared Neo4j driver per process, for a given server, local or remote."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase

from graph.db import Db
from graph.server.browser_config import browser_settings
from graph.server.localserver import LocalNeo4j
from pactgraph.errors import UnavailableError
from pactgraph.settings import Settings


@dataclass(frozen=True)
class Target:
    uri: str
    user: str
    password: str
    database: str


def local_server(settings: Settings) -> LocalNeo4j:
    """The project's own server as the settings describe it."""
    home = settings.neo4j_home
    return LocalNeo4j(
        home=home / "instance",
        lib_dir=home / "lib",
        bolt_port=settings.bolt_port,
        http_port=settings.http_port,
        heap=settings.heap,
        pagecache=settings.pagecache,
        extra_config=browser_settings(settings),
    )


def target(settings: Settings) -> Target:
    """NEO4J_URI and friends when set; the local server's address and password otherwise."""
    if settings.neo4j_uri:
        if settings.neo4j_password is None:
            raise UnavailableError("NEO4J_URI is set but NEO4J_PASSWORD is not; set both")
        return Target(settings.neo4j_uri, settings.neo4j_user,
                      settings.neo4j_password.get_secret_value(), settings.neo4j_database)
    server = local_server(settings)
    return Target(server.uri, server.user, server.password(), settings.neo4j_database)


#: one configuration for the blocking and the async driver
_DRIVER_OPTIONS: dict[str, Any] = {
    "max_connection_pool_size": 64,
    "connection_acquisition_timeout": 10.0,
    "max_transaction_retry_time": 15.0,
    "user_agent": "pactgraph/0.1",
    # the schema-free graph reads optional properties on purpose; don't log each absence
    "notifications_min_severity": "OFF",
}


def make_driver(t: Target, **options: Any) -> Driver:
    """A routing-aware driver (neo4j:// works for a single server, a cluster and Aura alike)."""
    return GraphDatabase.driver(t.uri, auth=(t.user, t.password), **{**_DRIVER_OPTIONS, **options})


def make_async_driver(t: Target, **options: Any) -> AsyncDriver:
    """The async twin of :func:`make_driver`; make it inside the event loop that will use it."""
    return AsyncGraphDatabase.driver(t.uri, auth=(t.user, t.password), **{**_DRIVER_OPTIONS, **options})


def make_db(t: Target, **options: Any) -> Db:
    """A Db on ``t`` that can also open an async driver to the same server."""
    return Db(make_driver(t, **options), t.database, open_async=partial(make_async_driver, t, **options))
