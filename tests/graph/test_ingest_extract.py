"""Extraction for ingest: in worker processes it gives what it gives in-process, in the same order.
Loads tune the garbage collector and give its setting back."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from graph.ingest import bulk_gc, extract
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


def test_loads_collect_garbage_less_often_and_the_last_one_restores_the_setting() -> None:
    before = gc.get_threshold()
    first, second = bulk_gc(), bulk_gc()
    first.__enter__()
    assert gc.get_threshold() == bulk_gc.THRESHOLD
    second.__enter__()
    first.__exit__(None, None, None)  # overlapping loads: the one still running keeps the setting
    assert gc.get_threshold() == bulk_gc.THRESHOLD
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), bulk_gc():
        raise RuntimeError("a load that fails")
    assert gc.get_threshold() == before
