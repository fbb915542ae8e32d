"""Score the seed and every hand-annotated document in corpus/eval with ../shared/eval/score.py."""

from __future__ import annotations

import json

import pytest

from loaders import extract_path
from tests.loaders.fixtures import EVAL_DIR, REPO, SEED, SEED_GOLD, load_scorer

SCORER = load_scorer()
needs_shared = pytest.mark.skipif(
    SCORER is None, reason="../shared/eval/score.py is absent (clone shared/ beside the repository to score)"
)
GOLDS = sorted(EVAL_DIR.glob("*.gold.json"))
#: floors every document reaches today (lowest: 0.56 F1, 0.85 required recall). The generic pass
#: (names without lists, relations from clause structure) that lifts real reporting costs these
#: project-written briefs some precision; raise the floors as extraction improves
OWN_F1, OWN_REQUIRED = 0.55, 0.84
#: the macro average over corpus/eval reached today (0.82 F1, 0.98 required recall over 17 documents)
MEAN_F1, MEAN_REQUIRED = 0.82, 0.97


def _score(gold_path, doc_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    graph = extract_path(doc_path).model_dump(mode="json")
    return SCORER.score_doc(gold, graph)


@needs_shared
def test_seed_meets_targets():
    res = _score(SEED_GOLD, SEED)
    assert res["rel_f1"] >= 0.90, res  # reached 0.90; the floor is 0.90
    assert res["rel_required_recall"] >= 1.0, res  # the product target is 0.95
    assert res["duplicate_entities"] <= 1, res


def test_at_least_seventeen_own_documents():
    assert len(GOLDS) >= 17


@needs_shared
@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_own_documents(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    res = _score(gold_path, REPO / gold["document"])
    assert res["duplicate_entities"] <= 2, res
    assert res["rel_f1"] >= OWN_F1, res
    assert res["rel_required_recall"] >= OWN_REQUIRED, res


@needs_shared
def test_macro_average_over_own_documents():
    results = []
    for gold_path in GOLDS:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        results.append(_score(gold_path, REPO / gold["document"]))
    mean_f1 = sum(r["rel_f1"] for r in results) / len(results)
    mean_req = sum(r["rel_required_recall"] for r in results) / len(results)
    assert mean_f1 >= MEAN_F1, mean_f1
    assert mean_req >= MEAN_REQUIRED, mean_req


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_evidence_is_in_the_document(gold_path):
    from loaders import read_document

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = read_document(REPO / gold["document"]).text
    for rel in gold["relations"]:
        assert rel["evidence"] in text, rel
