"""Extraction for ingest: in worker processes it gives what it gives in-process, in the same order,
and a worker that dies fails its own file only. The collector is tuned where the CLI starts."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from graph.write.ingest import ExtractResult, extract, extract_one
from pactgraph.cli import main
from pactgraph.process import GC_THRESHOLD
from pactgraph.settings import PROJECT_ROOT


def test_parallel_extraction_equals_in_process_extraction_in_order(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    paths = [PROJECT_ROOT / "corpus" / "eval", bad, PROJECT_ROOT / "corpus" / "sample"]
    alone = list(extract(paths, workers=1))
    pooled = list(extract(paths, workers=2))
    assert len(alone) > 8 and [x.path for x in pooled] == [x.path for x in alone]
    assert [x.error for x in pooled] == [x.error for x in alone]
    assert any(x.error and "empty" in x.error for x in pooled)  # a bad file is reported, not raised
    assert [x.graph.model_dump() if x.graph else None for x in pooled] == \
        [x.graph.model_dump() if x.graph else None for x in alone]


def die_on_doomed(path: Path) -> ExtractResult:
    """A worker's task that kills its own process on a file named ``doomed``, as a crash in a parser
    library would (a worker's task must be importable, so it lives at module level)."""
    if "doomed" in path.name:
        os._exit(3)
    return extract_one(path)


def test_a_worker_that_dies_fails_its_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    names = ["a.txt", "b.txt", "doomed.txt", "c.txt", "d.txt", "e.txt"]
    for name in names:
        (tmp_path / name).write_text(f"Tajikistan and China signed an agreement. File {name}.\n")
    results = list(extract([tmp_path], workers=2, task=die_on_doomed))
    assert [r.path.name for r in results] == sorted(names)  # every file reported, in order
    failed = [r for r in results if r.error]
    assert [r.path.name for r in failed] == ["doomed.txt"]
    assert "doomed.txt" in failed[0].error and "\n" not in failed[0].error  # one line naming the file
    assert all(r.graph is not None for r in results if r.path.name != "doomed.txt")


def test_the_cli_tunes_the_collector_once_where_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        monkeypatch.setenv("NEO4J_URI", "neo4j://127.0.0.1:1")
        assert main(["neo4j", "status"]) == 2  # a command ran (and failed: NEO4J_URI is set)
        assert gc.get_threshold() == GC_THRESHOLD
    finally:
        gc.set_threshold(*before)
