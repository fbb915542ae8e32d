"""Documents over HTTP: upload extracts and loads, read back, list, grade, delete; roles enforced."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write import keys
from pactgraph.settings import PROJECT_ROOT, Settings

SAMPLE = PROJECT_ROOT / "corpus" / "sample" / "tajik-mvd-wakhan-base.txt"


@pytest.fixture
def client(db: Db) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), db)) as c:
        yield c


def test_upload_read_grade_and_delete_a_document(client: TestClient, db: Db) -> None:
    editor = {"X-API-Key": keys.create_key(db, "curator", "editor")}
    reader = {"X-API-Key": keys.create_key(db, "analyst", "reader")}
    files = {"files": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")}
    assert client.post("/documents", files=files, headers=reader).status_code == 403
    made = client.post("/documents", files=files, data={"grade": "B"}, headers=editor)
    assert made.status_code == 200, made.text
    result = made.json()["results"][0]
    assert result["outcome"] == "created" and made.json()["summary"].startswith("1 documents: 1 created")
    again = client.post("/documents", files=files, data={"grade": "B"}, headers=editor).json()
    assert again["results"][0]["outcome"] == "unchanged"
    doc = client.get(f"/documents/{result['document_id']}", headers=reader).json()
    assert doc["reliability"] == "B" and doc["path"] == SAMPLE.name and doc["key"] == f"upload:{SAMPLE.name}"
    assert "Wakhan" in doc["text"]
    listed = client.get("/documents", headers=reader).json()["items"]
    assert [d["id"] for d in listed] == [result["document_id"]]
    graded = client.put(f"/documents/{result['document_id']}/grade", json={"grade": "A", "why": "checked"},
                        headers=editor)
    assert graded.status_code == 200 and graded.json()["reliability"] == "A"
    assert client.put(f"/documents/{result['document_id']}/grade", json={"grade": "Z"},
                      headers=editor).status_code == 422
    gone = client.delete(f"/documents/{result['document_id']}", params={"why": "test"}, headers=editor)
    assert gone.status_code == 200 and gone.json()["nodes_removed"]
    assert client.get(f"/documents/{result['document_id']}", headers=reader).status_code == 404
    assert client.get("/curation/audit", params={"target": result["document_id"]},
                      headers=reader).json()[0]["action"] == "document.deleted"


def test_an_upload_over_the_file_cap_is_refused_by_its_size_and_the_others_load(
    client: TestClient, db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loaders.read import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 1024)  # the cap, small enough for a test request
    read: list[str] = []
    monkeypatch.setattr(readers, "decode", lambda data, path: read.append(path.name) or data.decode())
    editor = {"X-API-Key": keys.create_key(db, "curator", "editor")}
    huge = b"Tajikistan and China signed an agreement. " * 100  # over 1 KiB, one value
    files = [("files", ("huge.txt", huge, "text/plain")), ("files", (SAMPLE.name, SAMPLE.read_bytes()[:900],
                                                                    "text/plain"))]
    made = client.post("/documents", files=files, headers=editor)
    assert made.status_code == 200, made.text
    first, second = made.json()["results"]
    assert first["outcome"] == "failed" and first["path"] == "huge.txt"
    assert "over the 0 MB limit" in first["detail"] and first["detail"].startswith("huge.txt")
    assert second["outcome"] == "created"
    assert "huge.txt" not in " ".join(read)  # refused by byte count: never decoded
    assert not any(name.startswith("upload-0") for name in read)
