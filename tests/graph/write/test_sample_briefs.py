"""Demonstration briefs (corpus/sample) never corroborate real reporting: they are marked
publisher "Pactgraph sample", reliability F, and count in no independent-source figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.db import Db
from graph.read import neighbourhood
from graph.read.readq import Filters
from graph.write import grading
from graph.write.ingest import ingest_paths
from pactgraph.settings import PROJECT_ROOT

pytestmark = pytest.mark.neo4j
SAMPLE = PROJECT_ROOT / "corpus" / "sample"


def links(db: Db) -> dict[tuple[str, str, str], dict]:
    sub = neighbourhood.neighbours(db, "gov:tj-mvd", Filters(), depth=2, limit=500)
    sub_dict = sub.to_dict(db)
    return {(r["source"], r["type"], r["target"]): r for r in sub_dict["relationships"]}


def test_sample_briefs_are_marked_and_corroborate_nothing(db: Db, seed_path: Path) -> None:
    ingest_paths(db, [seed_path], workers=1)
    alone = links(db)
    results = ingest_paths(db, [SAMPLE], workers=1)
    assert {r.outcome for r in results} == {"created"}
    both = links(db)
    shared = [k for k, r in both.items()
              if {e.get("publisher") for e in r["evidence"]} >= {grading.SAMPLE_PUBLISHER}
              and len({e["document"] for e in r["evidence"]}) > 1]
    assert shared, "the sample brief should repeat some of the seed's claims"
    for key in shared:
        props = both[key]["properties"]
        assert props["source_count"] == len({e["document"] for e in both[key]["evidence"]}) > 1
        assert props["independent_source_count"] == alone[key]["properties"]["independent_source_count"] == 1
        assert props["confidence"] == alone[key]["properties"]["confidence"]
    sample_docs = {e["document"] for r in both.values() for e in r["evidence"]
                   if e.get("publisher") == grading.SAMPLE_PUBLISHER}
    stored = [db.read("document_get", id=doc)[0]["document"] for doc in sorted(sample_docs)]
    assert stored and all(d["publisher"] == "Pactgraph sample" and d["reliability"] == "F" for d in stored)


def test_a_sample_brief_is_graded_f_whatever_grade_the_load_asks(db: Db) -> None:
    ingest_paths(db, [SAMPLE / "tajik-mvd-wakhan-base.txt"], grade="A", workers=1)
    rel = next(iter(links(db).values()))
    doc = rel["evidence"][0]["document"]
    assert db.read("document_get", id=doc)[0]["document"]["reliability"] == "F"
    # alone, a sample brief still shows its claims, as one coin-toss witness and no independent one
    assert rel["properties"]["independent_source_count"] == 0
    assert rel["properties"]["confidence"] == 50


def test_the_formula_ignores_sample_briefs_beside_real_reporting() -> None:
    real = grading.SupportingDocument("doc:real", "Asia-Plus", "2021-10-28", "B")
    sample = grading.SupportingDocument("doc:sample", "Pactgraph sample", "2022-03-14", "F")
    assert grading.support([real, sample]) == grading.support([real]).__class__(
        source_count=2, independent_source_count=1, first_reported="2021-10-28",
        last_reported="2022-03-14", confidence=grading.support([real]).confidence)
