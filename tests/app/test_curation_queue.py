"""Curation reads over HTTP against a real Neo4j: the duplicate queue with its reasons, the merge
preview (what would move, nothing written), and an entity's history after analysts' changes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write import keys
from graph.write.writer import GraphWriter, claim_id_of
from pactgraph.settings import Settings
from tests.fixtures import duplicates_graph

pytestmark = pytest.mark.neo4j


@pytest.fixture
def client(db: Db) -> Iterator[TestClient]:
    GraphWriter(db).write(duplicates_graph())
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=False), db)) as c:
        yield c


def _pairs(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/curation/duplicates", params=params)
    assert response.status_code == 200, response.text
    return list(response.json())


def _kinds(candidate: dict[str, Any]) -> list[str]:
    return [r["kind"] for r in candidate["reasons"]]


def test_the_queue_ranks_likely_duplicates_each_with_its_reasons(client: TestClient) -> None:
    queue = _pairs(client)
    assert [(c["a"]["id"], c["b"]["id"]) for c in queue] == [
        ("gov:cn-mps", "gov:cn-mps-2"),  # a shared alias, the same state
        ("gov:tj-mvd", "gov:tj-mvd-2"),  # similar names, the same state, a shared neighbour
        ("facility:wakhan-base", "facility:wakhan-post"),  # the same name, in different regions
        ("facility:border-post", "facility:wakhan-base"),  # only neighbours and the region
    ]
    mps, mvd, wakhan, posts = queue
    assert _kinds(mps) == ["shared_alias", "same_place"]
    assert mps["reasons"][0]["text"] == "share the name or alias “MPS”"
    assert mps["reasons"][1]["text"] == "both in China"
    assert _kinds(mvd) == ["similar_name", "same_place", "shared_neighbours"]
    assert mvd["reasons"][0]["text"] == ("names 89% alike: “Ministry of Internal Affairs of Tajikistan” and "
                                         "“Tajik Ministry of Internal Affairs”")
    # the state both are in counts once, as the place
    assert mvd["reasons"][2]["text"] == "1 shared neighbour: MVD–MPS agreement"
    assert _kinds(posts) == ["shared_neighbours", "same_place"]
    assert posts["reasons"][0]["text"] == ("2 shared neighbours: Ministry of Internal Affairs of Tajikistan, "
                                           "Ministry of Public Security of China")
    assert posts["reasons"][1]["text"] == "both in Gorno-Badakhshan Autonomous Oblast"
    assert _kinds(wakhan) == ["same_name", "different_place"]
    assert wakhan["reasons"][1]["points"] < 0
    assert [c["score"] for c in queue] == sorted((c["score"] for c in queue), reverse=True)
    assert all(c["score"] == sum(r["points"] for r in c["reasons"]) for c in queue)
    assert mps["a"]["name"] == "Ministry of Public Security of China"
    assert sorted(mps["a"]["labels"]) == ["Actor", "GovernmentBody"]
    assert _pairs(client, limit=1) == queue[:1]
    assert [c["b"]["id"] for c in _pairs(client, min_score=60)] == ["gov:cn-mps-2", "gov:tj-mvd-2"]
    assert client.get("/curation/duplicates", params={"limit": 0}).status_code == 422


def test_a_pair_whose_merge_was_undone_leaves_the_queue(client: TestClient) -> None:
    merged = client.post("/curation/merge", json={"survivor": "gov:cn-mps", "merged": "gov:cn-mps-2",
                                                  "why": "same ministry"})
    assert merged.status_code == 200, merged.text
    assert ("gov:cn-mps", "gov:cn-mps-2") not in [(c["a"]["id"], c["b"]["id"]) for c in _pairs(client)]
    undone = client.post("/curation/unmerge", json={"merge": "gov:cn-mps-2", "why": "two ministries"})
    assert undone.status_code == 200, undone.text
    queue = [(c["a"]["id"], c["b"]["id"]) for c in _pairs(client)]
    assert ("gov:cn-mps", "gov:cn-mps-2") not in queue  # the analyst said they are two
    assert ("gov:tj-mvd", "gov:tj-mvd-2") in queue


def test_the_merge_preview_says_what_would_move_and_writes_nothing(client: TestClient, db: Db) -> None:
    pair = {"survivor": "gov:tj-mvd", "merged": "gov:tj-mvd-2"}
    response = client.get("/curation/merge-preview", params=pair)
    assert response.status_code == 200, response.text
    preview = response.json()
    moved = {(r["type"], r["other"], r["action"], r["evidence"], r["evidence_new"])
             for r in preview["relationships"]}
    assert moved == {
        ("PARTY_TO", "MVD–MPS agreement", "joins", 1, 1),
        ("LOCATED_IN", "Tajikistan", "joins", 1, 1),
        ("TRAINS", "Chinese Public Security Ministry", "moves", 1, 1),
        ("COOPERATES_WITH", "Ministry of Internal Affairs of Tajikistan", "dropped", 1, 0),
    }
    trains = next(r for r in preview["relationships"] if r["type"] == "TRAINS")
    assert (trains["source"], trains["target"]) == ("gov:tj-mvd", "gov:cn-mps-2")
    assert (preview["moves"], preview["joins"], preview["dropped"]) == (1, 2, 1)
    assert preview["evidence_moved"] == 3 and preview["mentions"] == 1
    assert preview["aliases_added"] == ["Tajik Ministry of Internal Affairs"]
    assert preview["survivor"]["name"] == "Ministry of Internal Affairs of Tajikistan"
    assert preview["warnings"] == []
    assert client.get("/curation/audit").json() == []  # nothing written
    assert db.read("entities_exist", ids=["gov:tj-mvd-2"]) != []

    done = client.post("/curation/merge", json={**pair, "why": "one ministry"}).json()
    assert done["relationships_moved"] == preview["moves"] + preview["joins"] + preview["mentions"]
    profile = client.get("/entities/gov:tj-mvd").json()
    assert "Tajik Ministry of Internal Affairs" in profile["aliases"]
    assert profile["relationship_counts"]["TRAINS"] == 1


def test_the_merge_preview_refuses_what_the_merge_refuses(client: TestClient) -> None:
    def status(survivor: str, merged: str) -> int:
        pair = {"survivor": survivor, "merged": merged}
        return client.get("/curation/merge-preview", params=pair).status_code

    assert status("gov:tj-mvd", "gov:nowhere") == 404
    assert status("gov:tj-mvd", "gov:tj-mvd") == 422
    assert status("gov:tj-mvd", "facility:wakhan-base") == 409
    warned = client.get("/curation/merge-preview", params={"survivor": "region:gbao",
                                                          "merged": "facility:wakhan-post"}).json()
    assert warned["warnings"] == ["Wakhan Base is Facility; the survivor stays Region"]


def test_an_entity_history_shows_what_analysts_did_to_it_and_its_claims(client: TestClient) -> None:
    posts = {"survivor": "facility:wakhan-base", "merged": "facility:border-post", "why": "one base"}
    steps = [
        ("/curation/rename", {"id": "gov:tj-mvd", "name": "MVD of Tajikistan", "why": "house name"}),
        ("/curation/alias", {"id": "gov:tj-mvd", "alias": "MVD RT", "why": "seen in reports"}),
        ("/curation/retract", {"claim_id": claim_id_of("gov:tj-mvd", "OPERATES", "facility:wakhan-base"),
                               "why": "the source withdrew it"}),
        ("/curation/assert", {"source": "gov:tj-mvd", "type": "TRAINS", "target": "gov:cn-mps",
                              "why": "ministry statement"}),
        ("/curation/merge", {"survivor": "gov:tj-mvd", "merged": "gov:tj-mvd-2", "why": "one ministry"}),
        ("/curation/merge", posts),
    ]
    for path, body in steps:
        assert client.post(path, json=body).status_code == 200, (path, body)
    history = client.get("/curation/history/gov:tj-mvd").json()
    assert [(e["action"], e["why"]) for e in history["events"]] == [
        ("entity.merged", "one ministry"), ("claim.asserted", "ministry statement"),
        ("claim.retracted", "the source withdrew it"), ("entity.alias_added", "seen in reports"),
        ("entity.renamed", "house name")]
    retracted = history["events"][2]
    assert retracted["claim"]["type"] == "OPERATES" and retracted["claim"]["target_name"] == "Wakhan base"
    assert history["events"][4]["details"] == {"from": "Ministry of Internal Affairs of Tajikistan",
                                               "to": "MVD of Tajikistan"}
    assert all(e["who"] == "local" for e in history["events"])
    assert [m["merged"] for m in history["merges"]] == ["gov:tj-mvd-2"]

    gone = client.get("/curation/history/gov:tj-mvd-2").json()  # merged away: its history shows it
    assert [e["action"] for e in gone["events"]] == ["entity.merged"]
    record = history["merges"][0]["id"]
    undo = {"merge": record, "why": "two ministries"}
    assert client.post("/curation/unmerge", json=undo).status_code == 200
    back = client.get("/curation/history/gov:tj-mvd-2").json()
    assert [e["action"] for e in back["events"]] == ["entity.unmerged", "entity.merged"]
    assert client.get("/curation/history/gov:tj-mvd").json()["merges"] == []


def test_the_routes_are_documented_and_open_to_readers(db: Db) -> None:
    GraphWriter(db).write(duplicates_graph())
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), db)) as secured:
        reader = {"X-API-Key": keys.create_key(db, "analyst", "reader")}
        assert secured.get("/curation/duplicates").status_code == 401
        assert secured.get("/curation/duplicates", headers=reader).status_code == 200
        assert secured.get("/curation/history/gov:tj-mvd", headers=reader).status_code == 200
        preview = {"survivor": "gov:tj-mvd", "merged": "gov:tj-mvd-2"}
        assert secured.get("/curation/merge-preview", params=preview, headers=reader).status_code == 200
        merge = {**preview, "why": "x"}
        assert secured.post("/curation/merge", json=merge, headers=reader).status_code == 403
        schema = secured.get("/openapi.json").json()
    ok = "200"
    refs = {path: schema["paths"][path]["get"]["responses"][ok]["content"]["application/json"]["schema"]
            for path in ("/curation/duplicates", "/curation/merge-preview", "/curation/history/{entity_id}")}
    assert refs["/curation/duplicates"]["items"]["$ref"].endswith("/DuplicateCandidate")
    assert refs["/curation/merge-preview"]["$ref"].endswith("/MergePreview")
    assert refs["/curation/history/{entity_id}"]["$ref"].endswith("/EntityHistory")
    reason = schema["components"]["schemas"]["Reason"]
    assert set(reason["properties"]) == {"kind", "text", "points"}
