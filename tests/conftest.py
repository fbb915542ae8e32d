"""A real Neo4j for the whole test session, and an empty database for every test that asks.

Where the server comes from, in order: ``NEO4J_URI`` (with NEO4J_USER/NEO4J_PASSWORD);
testcontainers' Neo4j module when a Docker engine answers; else the project's own server
(graph/server/localserver.py) on free ports with a temporary data folder, provisioned by Maven.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from neo4j import Driver

from graph import queries
from graph.connection import Target, make_async_driver, make_driver
from graph.db import Db
from graph.schema import apply_schema
from graph.server.localserver import LocalNeo4j, free_ports
from pactgraph.settings import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
queries.add_folder(Path(__file__).resolve().parent / "cypher")  # statements only the tests run
SEED = SHARED / "corpus" / "seed" / "tajikistan-china-security-cooperation.txt"


def _docker_answers() -> bool:
    try:
        import docker  # installed with testcontainers

        docker.from_env(timeout=3).ping()
        return True
    except Exception:  # noqa: BLE001 - any failure means "no engine here"
        return False


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Target, LocalNeo4j | None]]:
    """Yields where the session's Neo4j is, and the local server object when we run one."""
    if os.environ.get("NEO4J_URI"):
        yield Target(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                     os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE", "neo4j")), None
        return
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26-community") as container:
            yield Target(container.get_connection_url(), "neo4j", container.password, "neo4j"), None
        return
    home = tmp_path_factory.mktemp("neo4j-home")
    lib = Path(os.environ.get("PACTGRAPH_HOME", PROJECT_ROOT / "var")) / "neo4j" / "lib"
    bolt, http = free_ports(2)
    server = LocalNeo4j(home=home, lib_dir=lib, bolt_port=bolt, http_port=http, heap="1g", pagecache="512m")
    server.start(timeout=240)
    try:
        yield Target(server.uri, server.user, server.password(), "neo4j"), server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def driver(neo4j_server: tuple[Target, LocalNeo4j | None]) -> Iterator[Driver]:
    drv = make_driver(neo4j_server[0])
    drv.verify_connectivity()
    apply_schema(Db(drv, neo4j_server[0].database))
    yield drv
    drv.close()


@pytest.fixture
def db(driver: Driver, neo4j_server: tuple[Target, LocalNeo4j | None]) -> Db:
    """An empty database (schema kept) for one test."""
    where = neo4j_server[0]
    handle = Db(driver, where.database, open_async=partial(make_async_driver, where))
    handle.autocommit("clear_database")
    return handle


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed document is not at {SEED} (shared/ must sit beside the repo)")
    return SEED
