"""The notes routes: editors add and delete, readers list and search; problem details on bad input."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write import keys
from pactgraph.settings import Settings


def test_add_list_search_delete(client: TestClient) -> None:
    made = client.post("/notes", json={"kind": "entity", "target": "tj_mvd", "text": "Check the 2016 visit"})
    assert made.status_code == 201, made.text
    assert made.json()["author"] == "local"
    on_mvd = client.get("/notes", params={"target": "tj_mvd"}).json()
    assert [n["text"] for n in on_mvd] == ["Check the 2016 visit"]
    assert [n["id"] for n in client.get("/notes", params={"q": "2016 VISIT"}).json()] == [made.json()["id"]]
    assert client.get("/notes", params={"q": "nothing like it"}).json() == []
    assert client.delete(f"/notes/{made.json()['id']}").status_code == 204
    assert client.get("/notes").json() == []
    missing = client.post("/notes", json={"kind": "entity", "target": "nobody", "text": "x"})
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert client.post("/notes", json={"kind": "person", "target": "tj_mvd", "text": "x"}).status_code == 422
    assert set(client.get("/openapi.json").json()["paths"]["/notes"]) == {"get", "post"}


def test_readers_read_notes_editors_write_them(seeded: Db) -> None:
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), seeded)) as client:
        reader = {"X-API-Key": keys.create_key(seeded, "analyst", "reader")}
        editor = {"X-API-Key": keys.create_key(seeded, "curator", "editor")}
        body = {"kind": "entity", "target": "tj_mvd", "text": "x"}
        assert client.post("/notes", json=body, headers=reader).status_code == 403
        made = client.post("/notes", json=body, headers=editor).json()
        assert made["author"] == "curator"
        assert client.get("/notes", headers=reader).json()[0]["id"] == made["id"]
        assert client.delete(f"/notes/{made['id']}", headers=reader).status_code == 403
