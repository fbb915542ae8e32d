"""The names lexicon (``data/lexicon/names.yaml``) indexed for look-ups by word tuples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from loaders.names.dates import MONTH_WORDS
from loaders.names.gazetteer import DATA_DIR

#: lower-case heads that can follow a capitalised name ("the Cobra Gold exercise")
_LOWER_HEADS = {
    "exercise": "Exercise",
    "exercises": "Exercise",
    "drill": "Exercise",
    "drills": "Exercise",
    "summit": "Meeting",
    "dialogue": "Meeting",
    "talks": "Meeting",
    "agreement": "Agreement",
    "treaty": "Agreement",
    "accord": "Agreement",
    "pact": "Agreement",
    "air base": "Facility",
    "airbase": "Facility",
    "naval base": "Facility",
    "base": "Facility",
}


@dataclass(frozen=True)
class Lexicon:
    heads: dict[tuple[str, ...], str]
    max_head: int
    need_modifier: frozenset[str]
    roles: frozenset[tuple[str, ...]]
    max_role: int
    stop: frozenset[str]
    stop_inside: frozenset[str]
    stop_lower: frozenset[str]

    def head(self, words: list[str]) -> tuple[str | None, int, bool]:
        """(type, head length, head at the start) of a capitalised name, or (None, 0, False)."""
        low = [w.lower() for w in words]
        for k in range(min(self.max_head, len(low)), 0, -1):
            t = self.heads.get(tuple(low[-k:]))
            if t:
                return t, k, False
        # "Ministry of Defence", "Treaty on Collective Security", "Port of Djibouti"
        for cut in ("of", "on", "for"):
            if cut in low[1:]:
                first = low[: low.index(cut, 1)]
                for k in range(min(self.max_head, len(first)), 0, -1):
                    t = self.heads.get(tuple(first[-k:]))
                    if (t and k == len(first)) or (t and t in ("Agreement", "Exercise")):
                        return t, k, True
        if len(low) > 1 and low[0] in ("exercise", "operation"):
            return "Exercise", 1, True
        return None, 0, False

    def lower_head(self, word: str) -> str | None:
        return _LOWER_HEADS.get(word)

    def role_len(self, words: list[str], *, lower: bool = False) -> int:
        """How many of ``words``, from the first, form the longest role ("Prime Minister")."""
        low = tuple(w.lower().rstrip(".") for w in words[: self.max_role])
        for k in range(len(low), 0, -1):
            if low[:k] in self.roles:
                if lower and not all(w.islower() or w in ("-",) for w in words[:k]):
                    continue
                return k
        return 0


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with (DATA_DIR / "lexicon" / "names.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    heads: dict[tuple[str, ...], str] = {}
    for label, forms in data["heads"].items():
        for form in forms:
            heads.setdefault(tuple(form.lower().split()), label)
    roles = frozenset(tuple(r.lower().rstrip(".").split()) for r in data["roles"])
    stop = frozenset(data["stop"])
    return Lexicon(
        heads=heads,
        max_head=max(len(k) for k in heads),
        need_modifier=frozenset(data["need_modifier"]),
        roles=roles,
        max_role=max(len(r) for r in roles),
        stop=stop,
        stop_inside=MONTH_WORDS,
        stop_lower=frozenset(s.lower() for s in stop),
    )
