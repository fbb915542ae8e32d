"""Extraction for ingest: in worker processes it gives what it gives in-process, in the same order."""

from __future__ import annotations

from pathlib import Path

from graph.ingest import extract
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
