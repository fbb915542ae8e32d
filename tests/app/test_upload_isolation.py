"""Uploads: a bad file among good ones is reported on its own line and the good ones are kept; odd
file names and paths are problems or per-file failures, never a 500."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from graph.db import Db
from tests.loaders.test_isolation import bomb_docx, truncated_docx

FIRST = "Kazakhstan and Turkey signed a memorandum on military-technical cooperation."
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LAST = "Tajikistan and China agreed to build a base in the Wakhan Gorge of Gorno-Badakhshan."


def test_an_upload_reports_each_file_and_keeps_the_good_ones(client: TestClient, db: Db,
                                                             tmp_path: Path) -> None:
    before = client.get("/documents", params={"limit": 500}).json()["total"]
    files = [
        ("files", ("first.txt", FIRST.encode(), "text/plain")),
        ("files", ("cut.docx", truncated_docx(tmp_path / "cut.docx").read_bytes(), DOCX)),
        ("files", ("bomb.docx", bomb_docx(tmp_path / "bomb.docx").read_bytes(), DOCX)),
        ("files", ("last.txt", LAST.encode(), "text/plain")),
    ]
    response = client.post("/documents", files=files)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [(r["path"], r["outcome"]) for r in results] == [
        ("first.txt", "created"), ("cut.docx", "failed"), ("bomb.docx", "failed"), ("last.txt", "created")]
    assert results[1]["detail"].startswith("cut.docx: DOCX is damaged")
    assert "upload-" not in results[1]["detail"]  # the temporary file's name never shows
    assert "decompression bomb" in results[2]["detail"]
    after = client.get("/documents", params={"limit": 500}).json()["total"]
    assert after == before + 2


def test_odd_upload_file_names_are_per_file_failures_or_kept_never_500(client: TestClient) -> None:
    names = [".", "..", "/", "../../etc/passwd", "a" * 300 + ".txt", "new\nline\u202e.txt"]
    files = [("files", (name, f"{FIRST} Copy {i}.".encode(), "text/plain")) for i, name in enumerate(names)]
    response = client.post("/documents", files=files)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == len(names)
    paths = [r["path"] for r in results]
    assert all(len(p) <= 200 and "\n" not in p and "\u202e" not in p and "/" not in p for p in paths)
    assert paths[3] == "passwd" and results[3]["outcome"] == "failed"  # no extension: unsupported
    assert results[4]["outcome"] == "created" and paths[4].endswith("a….txt") and len(paths[4]) == 200
    assert results[5]["outcome"] == "created" and paths[5].endswith("line\\u202e.txt")
    for result in results[:3]:
        assert result["outcome"] == "failed" and "unsupported file type" in result["detail"]


def test_ui_paths_with_nul_or_overlong_names_are_404_problems(client: TestClient) -> None:
    for url in ("/ui/%00", "/ui/a%00b.js", "/ui/" + "x" * 5000, "/ui/..%2f..%2fetc%2fpasswd"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == "application/problem+json"
