"""The seed question on the graph the loaders extract from the seed article itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write.writer import GraphWriter
from pactgraph.settings import Settings


@pytest.fixture
def extracted(db: Db, seed_path: Path) -> Iterator[TestClient]:
    loaders = pytest.importorskip("loaders")
    GraphWriter(db).write(loaders.extract_path(seed_path))
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=False), db)) as client:
        yield client


def test_how_is_the_tajik_mvd_linked_to_the_china_mps(extracted: TestClient) -> None:
    mvd = extracted.get("/entities/search", params={"q": "Tajik MVD"}).json()[0]
    mps = extracted.get("/entities/search", params={"q": "China MPS"}).json()[0]
    assert mvd["name"] == "Ministry of Internal Affairs of Tajikistan"
    assert mps["name"] == "Ministry of Public Security of China"
    body = extracted.get("/paths", params={"source": mvd["id"], "target": mps["id"]}).json()
    assert body["found"] is True
    path = body["paths"][0]
    agreement = path["nodes"][1]
    assert agreement["labels"] == ["Agreement"] and len(path["nodes"]) == 3
    assert [r["type"] for r in path["relationships"]] == ["PARTY_TO", "PARTY_TO"]
    assert all(r["evidence"] and r["evidence"][0]["quote"] for r in path["relationships"])
    funds = [r for r in path["context"]["relationships"] if r["type"] == "FUNDS"]
    base = {n["id"]: n for n in path["context"]["nodes"]}[funds[0]["target"]]
    assert funds[0]["source"] == agreement["id"] and base["name"] == "Wakhan base"
    assert "grant assistance" in funds[0]["evidence"][0]["quote"]
    assert any(
        line.startswith(f"{agreement['name']} FUNDS Wakhan base: “")
        for line in path["context"]["explanation"]
    )
