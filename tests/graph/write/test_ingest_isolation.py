"""A bad file between two good ones: the CLI ingest (in-process and with worker processes) reports
it on one line and loads the good ones on either side."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.connection import Target
from graph.db import Db
from graph.write.documents import list_documents
from pactgraph.cli import main
from pactgraph.settings import get_settings
from tests.loaders.test_isolation import truncated_docx

FIRST = "Kazakhstan and Turkey signed a memorandum on military-technical cooperation."
LAST = "Tajikistan and China agreed to build a base in the Wakhan Gorge of Gorno-Badakhshan."


@pytest.fixture
def cli_db(db: Db, neo4j_server: tuple[Target, object], monkeypatch: pytest.MonkeyPatch) -> Iterator[Db]:
    """The CLI pointed at the session's Neo4j (an empty database)."""
    where = neo4j_server[0]
    for name, value in (("NEO4J_URI", where.uri), ("NEO4J_USER", where.user),
                        ("NEO4J_PASSWORD", where.password), ("NEO4J_DATABASE", where.database)):
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield db
    get_settings.cache_clear()


def bad_between_good(folder: Path) -> Path:
    (folder / "a-first.txt").write_text(FIRST, encoding="utf-8")
    truncated_docx(folder / "b-cut.docx")
    (folder / "c-dated.txt").write_text(FIRST + " " + LAST, encoding="utf-8")
    (folder / "c-dated.txt.meta.json").write_text(json.dumps({"published": "not-a-date"}), encoding="utf-8")
    (folder / "d-last.txt").write_text(LAST, encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_ingest_reports_bad_files_and_loads_the_good_ones_around_them(
        cli_db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str) -> None:
    folder = bad_between_good(tmp_path)
    assert main(["ingest", str(folder), "--workers", workers]) == 1
    lines = capsys.readouterr().out.splitlines()
    outcomes = {Path(line.split()[2].rstrip(":")).name: line for line in lines if line[:1] in "+!"}
    assert outcomes["a-first.txt"].startswith("+ created")
    assert outcomes["d-last.txt"].startswith("+ created")
    assert outcomes["b-cut.docx"].startswith("! failed") and "DOCX is damaged" in outcomes["b-cut.docx"]
    dated = outcomes["c-dated.txt"]
    assert dated.startswith("! failed") and "'published' is not a date" in dated
    assert lines[-1] == "4 documents: 2 created, 0 updated, 0 unchanged, 2 failed"
    stored = {Path(d["key"]).name for d in list_documents(cli_db, limit=10, skip=0)}
    assert stored == {"a-first.txt", "d-last.txt"}


def test_a_huge_sidecar_is_refused_by_its_size_before_it_is_read(
        cli_db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    monkeypatch.setattr(json, "loads", lambda text, **kw: parsed.append(text) or {})
    (tmp_path / "a-first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "a-first.txt.meta.json").write_text(
        '{"title": "' + "x" * (2 * 1024 * 1024) + '"}', encoding="utf-8")  # one value of two megabytes
    (tmp_path / "b-last.txt").write_text(LAST, encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--workers", "1"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("! failed") and "a-first.txt.meta.json" in lines[0]
    assert "over 1 MB" in lines[0]
    assert lines[1].startswith("+ created") and "b-last.txt" in lines[1]
    assert parsed == []  # refused by its byte count: never parsed
