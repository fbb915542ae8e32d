"""Generalisation: macro scores on corpus/heldout, documents the rules were not tuned on."""

from __future__ import annotations

import json

import pytest

from loaders import extract_path
from tests.loaders.fixtures import REPO, load_scorer

SCORER = load_scorer()
HELDOUT = sorted((REPO / "corpus" / "heldout").glob("*.gold.json"))
#: macro averages reached when these documents were first scored by the current rules
#: (F1 0.85, required recall 0.79); a change that lowers them generalises worse
MEAN_F1, MEAN_REQUIRED = 0.80, 0.75


@pytest.mark.skipif(SCORER is None, reason="../shared/eval/score.py is absent")
def test_heldout_macro_scores_and_no_duplicates() -> None:
    results = []
    for gold_path in HELDOUT:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        graph = extract_path(REPO / gold["document"]).model_dump(mode="json")
        results.append(SCORER.score_doc(gold, graph))
    assert len(results) >= 3
    assert all(r["duplicate_entities"] == 0 for r in results), results
    mean_f1 = sum(r["rel_f1"] for r in results) / len(results)
    mean_required = sum(r["rel_required_recall"] for r in results) / len(results)
    assert mean_f1 >= MEAN_F1, results
    assert mean_required >= MEAN_REQUIRED, results
