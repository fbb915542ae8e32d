"""The saved-investigation routes: readers list and open, editors save, restore, rename and delete;
a stale save becomes a new version; gone entities are reported; errors are problem details."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write import keys
from pactgraph.settings import Settings

CHART = {
    "nodes": [{"id": "tj_mvd", "x": 10, "y": 20, "pinned": True}, {"id": "cn_mps", "x": 50, "y": 20},
              {"id": "gone_entity", "x": 0, "y": 0}],
    "hidden_edges": [],
    "filters": {"min_confidence": 50, "types": ["PARTY_TO"]},
    "time_window": {"date_from": "2016", "date_to": "2020"},
    "layout": "cose",
    "notes": "who pays for the posts?",
}


@pytest.fixture
def secured(seeded: Db) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), seeded)) as client:
        yield client


def test_save_open_version_restore_rename_delete(client: TestClient) -> None:
    made = client.post("/investigations", json={"name": "Wakhan posts", "state": CHART})
    assert made.status_code == 201, made.text
    ident = made.json()["id"]
    assert made.json()["version"] == 1
    opened = client.get(f"/investigations/{ident}").json()
    assert [n["id"] for n in opened["state"]["nodes"]] == ["tj_mvd", "cn_mps"]
    assert opened["deleted"] == ["gone_entity"] and opened["merged"] == []
    assert opened["state"]["nodes"][0] == {"id": "tj_mvd", "x": 10, "y": 20, "pinned": True, "hidden": False}
    assert opened["state"]["time_window"] == {"date_from": "2016", "date_to": "2020"}
    changed = {**CHART, "notes": "second thoughts"}
    first = client.post(f"/investigations/{ident}/versions", json={"base": 1, "state": changed}).json()
    second = client.post(f"/investigations/{ident}/versions", json={"base": 1, "state": CHART}).json()
    assert (first["version"], first["stale"], second["version"], second["stale"]) == (2, False, 3, True)
    assert [v["version"] for v in client.get(f"/investigations/{ident}/versions").json()] == [3, 2, 1]
    assert client.get(f"/investigations/{ident}", params={"version": 2}).json()["state"]["notes"] == \
        "second thoughts"
    restored = client.post(f"/investigations/{ident}/restore", json={"version": 2})
    assert restored.status_code == 201 and restored.json()["version"] == 4
    assert client.get(f"/investigations/{ident}").json()["state"]["notes"] == "second thoughts"
    assert client.patch(f"/investigations/{ident}", json={"name": "Wakhan"}).json()["name"] == "Wakhan"
    assert [(i["id"], i["name"], i["head"]) for i in client.get("/investigations").json()] == \
        [(ident, "Wakhan", 4)]
    assert client.delete(f"/investigations/{ident}").status_code == 204
    assert client.get("/investigations").json() == []


def test_unknown_and_bad_input_are_problem_details(client: TestClient) -> None:
    missing = client.get("/investigations/inv_nothing")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert client.get("/investigations/inv_nothing/versions").status_code == 404
    assert client.delete("/investigations/inv_nothing").status_code == 404
    stale = client.post("/investigations/inv_nothing/versions", json={"base": 0, "state": CHART})
    assert stale.status_code == 404
    bad = client.post("/investigations", json={"name": "x", "state": {**CHART, "colour": "red"}})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem+json")
    ident = client.post("/investigations", json={"name": "x", "state": CHART}).json()["id"]
    assert client.get(f"/investigations/{ident}", params={"version": 9}).status_code == 404
    assert client.post(f"/investigations/{ident}/restore", json={"version": 9}).status_code == 404


def test_readers_open_and_list_editors_save(secured: TestClient, seeded: Db) -> None:
    reader = {"X-API-Key": keys.create_key(seeded, "analyst", "reader")}
    editor = {"X-API-Key": keys.create_key(seeded, "curator", "editor")}
    assert secured.get("/investigations").status_code == 401
    refused = secured.post("/investigations", json={"name": "x", "state": CHART}, headers=reader)
    assert refused.status_code == 403
    made = secured.post("/investigations", json={"name": "x", "state": CHART}, headers=editor)
    assert made.status_code == 201
    ident = made.json()["id"]
    assert secured.get("/investigations", headers=reader).json()[0]["created_by"] == "curator"
    assert secured.get(f"/investigations/{ident}", headers=reader).status_code == 200
    for method, url, body in (("post", f"/investigations/{ident}/versions", {"base": 1, "state": CHART}),
                              ("post", f"/investigations/{ident}/restore", {"version": 1}),
                              ("patch", f"/investigations/{ident}", {"name": "y"})):
        assert secured.request(method, url, json=body, headers=reader).status_code == 403
    assert secured.delete(f"/investigations/{ident}", headers=reader).status_code == 403
    assert secured.delete(f"/investigations/{ident}", headers=editor).status_code == 204


def test_the_routes_are_in_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths["/investigations"]) == {"get", "post"}
    assert set(paths["/investigations/{investigation_id}"]) == {"get", "patch", "delete"}
    assert set(paths["/investigations/{investigation_id}/versions"]) == {"get", "post"}
    assert "post" in paths["/investigations/{investigation_id}/restore"]
