"""An app over the session's real Neo4j, loaded with the seed article's annotation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write.writer import GraphWriter
from pactgraph.settings import Settings
from tests.fixtures import seed_graph


@pytest.fixture
def seeded(db: Db) -> Db:
    GraphWriter(db).write(seed_graph())
    return db


@pytest.fixture
def client(seeded: Db) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=False), seeded)) as test_client:
        yield test_client
