"""Calibrated extraction confidence: how often each rule is right on real reporting.

Every relation the loaders extract names the rule that made it (``properties.rule``). This module
measures each rule's precision on an annotated corpus (by default ``../shared/corpus/real``, scored
with the matching of ``../shared/eval/score.py``) and keeps the result as data in
``data/calibration.yaml``. A relation's ``extraction_confidence`` (0-100) is its rule's smoothed
precision there, so an analyst can filter by how often such a rule is right.

Regenerate the table after changing rules or lexicons::

    .venv/bin/python -m loaders.build.calibration            # measures and writes data/calibration.yaml
    .venv/bin/python -m loaders.build.calibration --check    # prints the table, writes nothing
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from loaders.names.gazetteer import DATA_DIR

TABLE = DATA_DIR / "calibration.yaml"
#: the rule name of a relation no rule names (an analyst's or an older extraction's)
UNKNOWN = "*"
#: pseudo-counts of the smoothing: a rule seen once right is not 100 % right
_PRIOR_RIGHT, _PRIOR_SEEN = 1, 2


@dataclass(frozen=True)
class Rule:
    seen: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.seen if self.seen else 0.0

    @property
    def confidence(self) -> int:
        """Smoothed precision on 0-100: (right + 1) / (seen + 2)."""
        return round(100 * (self.right + _PRIOR_RIGHT) / (self.seen + _PRIOR_SEEN))


@lru_cache(maxsize=1)
def table() -> dict[str, Rule]:
    """The stored calibration table (rule -> counts); empty when none was measured yet."""
    if not TABLE.exists():
        return {}
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8")) or {}
    return {
        name: Rule(int(row["seen"]), int(row["right"])) for name, row in (data.get("rules") or {}).items()
    }


def confidence(rule: str | None) -> int:
    """The extraction confidence (0-100) of a relation made by ``rule``: the rule's measured
    precision, else the precision of all rules together, else 50 (nothing measured)."""
    rules = table()
    found = rules.get(rule or UNKNOWN) or rules.get(UNKNOWN)
    return found.confidence if found else 50


# --- measuring -------------------------------------------------------------------------------


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("pactgraph_eval_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"calibration: cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mapping(score: ModuleType, gold: dict, pred: dict) -> dict[str, str]:
    """Predicted node id -> gold entity id, matched as the scorer matches them."""
    ents = gold["entities"]
    nodes = [n for n in pred["nodes"] if score.coarse(n.get("labels")) != "Document"]
    out: dict[str, str] = {}
    for n in nodes:
        label = score.coarse(n.get("labels"))
        names = [n.get("name", ""), *(n.get("aliases") or [])]
        best, best_s = None, 0.0
        for e in ents:
            if e["label"] != label:
                continue
            s = max(score.name_score(a, b) for a in names for b in [e["name"], *e.get("aliases", [])])
            if s > best_s:
                best, best_s = e["id"], s
        if best and best_s >= (0.9 if label in ("Actor", "Site") else 0.85):
            out[n["id"]] = best
    parties: dict[str, set[str]] = {}
    for r in pred["relationships"]:
        if r["type"] == "PARTY_TO" and r["source"] in out:
            parties.setdefault(r["target"], set()).add(out[r["source"]])
    for n in nodes:
        if score.coarse(n.get("labels")) != "Agreement" or n["id"] in out:
            continue
        for e in ents:
            want = set(e.get("parties") or [])
            if e["label"] == "Agreement" and len(want) >= 2 and want <= parties.get(n["id"], set()):
                out[n["id"]] = e["id"]
                break
    return out


def measure(shared: Path) -> dict[str, Rule]:
    """Each rule's counts (relations made, relations the gold holds) over ``shared``'s real corpus."""
    from loaders import extract_path

    score = _scorer(shared / "eval" / "score.py")
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    golds = sorted((shared / "corpus" / "real" / "gold").glob("*.gold.json"))
    if not golds:
        raise SystemExit(f"calibration: no gold files under {shared / 'corpus' / 'real' / 'gold'}")
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = shared / "corpus" / "real" / "docs" / gold_path.name.replace(".gold.json", ".txt")
        pred = extract_path(doc).model_dump(mode="json")
        mapping = _mapping(score, gold, pred)
        keys = set()
        for g in gold["relations"]:
            keys.add((g["source"], score.group(g["type"]), g["target"]))
            if g["type"] in score.SYMMETRIC:
                keys.add((g["target"], score.group(g["type"]), g["source"]))
        for r in pred["relationships"]:
            if r["type"] in score.IGNORED_TYPES:
                continue
            props = r.get("properties") or {}
            key = (mapping.get(r["source"]), score.group(r["type"]), mapping.get(r["target"]))
            hit = key in keys
            seen[UNKNOWN] += 1
            right[UNKNOWN] += hit
            for name in props.get("rules") or ([props["rule"]] if props.get("rule") else []):
                seen[name] += 1  # each rule that made the relation is judged by it
                right[name] += hit
    return {name: Rule(seen[name], right[name]) for name in sorted(seen)}


def write(rules: dict[str, Rule], corpus: str) -> None:
    data: dict[str, Any] = {
        "version": 1,
        "measured_on": corpus,
        "about": "seen: relations a rule made on the corpus; right: those its gold holds. "
        "Regenerate with: python -m loaders.build.calibration",
        "rules": {
            k: {"seen": v.seen, "right": v.right, "precision": round(v.precision, 3)}
            for k, v in rules.items()
        },
    }
    TABLE.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    table.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loaders.build.calibration", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(__file__).resolve().parents[3] / "shared",
        help="the shared folder holding corpus/real and eval/score.py (default: ../shared)",
    )
    parser.add_argument("--check", action="store_true", help="print the measured table; write nothing")
    args = parser.parse_args(argv)
    if not (args.shared / "eval" / "score.py").is_file():
        print(
            f"calibration: {args.shared / 'eval' / 'score.py'} not found; pass --shared DIR", file=sys.stderr
        )
        return 2
    rules = measure(args.shared)
    width = max(len(k) for k in rules)
    for name, r in sorted(rules.items(), key=lambda kv: -kv[1].seen):
        print(
            f"{name:<{width}}  seen {r.seen:4}  right {r.right:4}  precision {r.precision:.2f}  "
            f"confidence {r.confidence:3}"
        )
    if not args.check:
        write(rules, "../shared/corpus/real")
        print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
