"""503 while Neo4j is unreachable, and the same app answers again once Neo4j is there."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.connection import Target, make_async_driver, make_driver
from graph.db import Db
from graph.server.localserver import LocalNeo4j, free_port
from pactgraph.settings import PROJECT_ROOT, Settings


def test_503_while_neo4j_is_away_then_recovers_by_itself(tmp_path: Path) -> None:
    if os.environ.get("NEO4J_URI"):
        pytest.skip("needs the project's own Neo4j jars to start a second server")
    lib = Path(os.environ.get("PACTGRAPH_HOME", PROJECT_ROOT / "var")) / "neo4j" / "lib"
    server = LocalNeo4j(
        home=tmp_path / "neo4j",
        lib_dir=lib,
        bolt_port=free_port(),
        http_port=free_port(),
        heap="256m",
        pagecache="64m",
    )
    password = server.password()
    # short timeouts, so that each request while Neo4j is away fails fast; the async driver too,
    # since neighbours and paths read through it
    quick = {"max_transaction_retry_time": 1.0, "connection_acquisition_timeout": 2.0,
             "connection_timeout": 2.0}
    where = Target(server.uri, "neo4j", password, "neo4j")
    driver = make_driver(where, **quick)
    app = create_app(Settings(), Db(driver, open_async=partial(make_async_driver, where, **quick)))
    try:
        with TestClient(app) as client:
            urls = ("/health", "/entities/search?q=Wakhan", "/entities/x/neighbours",
                    "/paths?source=a&target=b")
            for url in urls:
                down = client.get(url)
                assert down.status_code == 503, url
                assert down.headers["content-type"] == "application/problem+json"
                assert password not in down.text
            server.start(timeout=240)
            assert client.get("/health").json() == {"status": "ok"}
            assert client.get("/entities/search", params={"q": "Wakhan"}).json() == []
            assert client.get("/entities/x/neighbours").status_code == 404  # the async driver is back too
            assert client.get("/paths", params={"source": "a", "target": "b"}).status_code == 404
    finally:
        driver.close()
        server.stop()
