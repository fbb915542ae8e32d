"""Calibrated extraction confidence: every relation names its rule, and its confidence is that
rule's precision measured on real reporting (loaders/data/calibration.yaml), kept up to date."""

from __future__ import annotations

import pytest

from loaders import extract_path
from loaders.build import calibration
from tests.loaders.fixtures import SEED, SHARED

REAL = SHARED / "corpus" / "real"
needs_real = pytest.mark.skipif(not (REAL / "gold").is_dir(), reason="../shared/corpus/real is absent")


def test_every_relation_names_its_rule_and_carries_its_calibrated_confidence():
    docs = [SEED, *sorted((REAL / "docs").glob("*.txt"))[:10]]
    rels = [r for d in docs if d.exists() for r in extract_path(d).relationships if r.type != "MENTIONS"]
    assert rels
    for r in rels:
        rule = r.properties.get("rule")
        assert rule, f"{r.source} -{r.type}-> {r.target} names no rule"
        assert rule in r.properties["rules"]
        best = max(calibration.confidence(x) for x in r.properties["rules"])
        assert r.properties["extraction_confidence"] == best
        assert 0 <= r.properties["extraction_confidence"] <= 100


def test_confidence_is_the_smoothed_precision_and_unmeasured_rules_take_the_overall_figure():
    table = calibration.table()
    assert calibration.UNKNOWN in table, "regenerate: python -m loaders.build.calibration"
    name, rule = max(table.items(), key=lambda kv: kv[1].seen)
    assert calibration.confidence(name) == round(100 * (rule.right + 1) / (rule.seen + 2))
    assert calibration.confidence("no.such.rule") == table[calibration.UNKNOWN].confidence
    assert calibration.Rule(seen=0, right=0).confidence == 50


@needs_real
def test_the_stored_table_matches_a_fresh_measurement():
    """Rules and lexicons change; the table must be regenerated with them
    (python -m loaders.build.calibration). Rules seen ten times or more must agree within 0.1."""
    fresh = calibration.measure(SHARED)
    stored = calibration.table()
    stale = {
        name: (round(stored[name].precision, 2) if name in stored else None, round(r.precision, 2))
        for name, r in fresh.items()
        if r.seen >= 10 and (name not in stored or abs(stored[name].precision - r.precision) > 0.1)
    }
    assert not stale, f"calibration table is stale (stored, measured): {stale}"
