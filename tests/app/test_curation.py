"""Curation over HTTP: merge and unmerge, rename, alias, assert and retract, the audit log."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write.documents import DocumentStore
from graph.write.writer import claim_id_of
from pactgraph.settings import Settings
from tests.fixtures import document_graph


@pytest.fixture
def client(db: Db) -> Iterator[TestClient]:
    DocumentStore(db).load(document_graph("curation source", [
        ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps"), ("gov:cn-mps", "PARTY_TO", "agreement:mvd-mps")]),
        key="c")
    with TestClient(create_app(Settings(), db)) as c:
        yield c


def test_curation_endpoints_change_the_graph_and_log_every_change(client: TestClient) -> None:
    assert client.post("/curation/rename", json={"id": "gov:tj-mvd", "name": "Tajik MVD"}).status_code == 200
    assert client.post("/curation/alias", json={"id": "gov:tj-mvd", "alias": "MVD RT"}).status_code == 200
    merged = client.post("/curation/merge", json={"survivor": "gov:tj-mvd", "merged": "gov:cn-mps",
                                                  "why": "test"})
    assert merged.status_code == 200, merged.text
    assert client.post("/curation/merge", json={"survivor": "gov:tj-mvd", "merged": "gov:cn-mps",
                                                "why": "again"}).status_code == 404
    undo = {"merge": merged.json()["record"], "why": "undo"}
    assert client.post("/curation/unmerge", json=undo).status_code == 200
    trains = {"source": "gov:cn-mps", "type": "TRAINS", "target": "gov:tj-mvd", "why": "statement",
              "credibility": 2}
    assert client.post("/curation/assert", json=trains).status_code == 200
    assert client.post("/curation/assert", json={**trains, "type": "NOPE"}).status_code == 422
    cid = claim_id_of("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps")
    retracted = client.post("/curation/retract", json={"claim_id": cid, "why": "wrong"})
    assert retracted.status_code == 200
    actions = [e["action"] for e in client.get("/curation/audit", params={"who": "local"}).json()]
    assert actions == ["claim.retracted", "claim.asserted", "entity.unmerged", "entity.merged",
                       "entity.alias_added", "entity.renamed"]
