"""Which entities have the same or similar names: every name and alias against every other, within
one coarse label, with rapidfuzz (pure: no database)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

#: names shorter than this (once normalised) only count when equal: "PLA" and "PLAN" are not alike
MIN_FUZZY_CHARS = 5
#: rows of the similarity matrix computed at once (a chunk is CHUNK × the names it can match, bytes)
CHUNK = 1000


@dataclass(frozen=True)
class Names:
    """One entity's names as the queue compares them."""

    id: str
    coarse: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alike:
    """The best match between two entities' names: ``a_text`` of ``a`` and ``b_text`` of ``b``."""

    a: str
    b: str
    similarity: int
    a_text: str
    b_text: str
    #: both canonical names (not an alias on either side)
    names: bool


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, trimmed (rapidfuzz's own default processor)."""
    return str(default_process(text or ""))


def _strings(entities: Sequence[Names]) -> tuple[list[str], list[int], list[str], list[bool]]:
    norms, owners, originals, canonical = [], [], [], []
    for index, entity in enumerate(entities):
        seen: set[str] = set()
        for text, is_name in [(entity.name, True), *((a, False) for a in entity.aliases)]:
            norm = normalise(text)
            if len(norm) < 2 or norm in seen:
                continue
            seen.add(norm)
            norms.append(norm)
            owners.append(index)
            originals.append(text)
            canonical.append(is_name)
    return norms, owners, originals, canonical


def alike(entities: Iterable[Names], *, cutoff: int = 85) -> list[Alike]:
    """Pairs of entities of one coarse label whose names or aliases are equal (once normalised) or at
    least ``cutoff`` alike (token-sort ratio, 0-100: word order does not matter, every word does),
    each with its best-matching pair of names."""
    by_label: dict[str, list[Names]] = {}
    for entity in entities:
        by_label.setdefault(entity.coarse, []).append(entity)
    found: dict[tuple[str, str], Alike] = {}
    # two names at least ``cutoff`` alike differ in length by at most this factor, so with the names
    # sorted by length each chunk is compared only with the names after it that are short enough
    reach = (200 - cutoff) / max(cutoff, 1)
    for group in by_label.values():
        norms, owners, originals, canonical = _strings(group)
        if len(set(owners)) < 2:
            continue
        order = sorted(range(len(norms)), key=lambda k: len(norms[k]))
        norms, originals = [norms[k] for k in order], [originals[k] for k in order]
        owners, canonical = [owners[k] for k in order], [canonical[k] for k in order]
        lengths = np.asarray([len(n) for n in norms])
        for start in range(0, len(norms), CHUNK):
            chunk = norms[start:start + CHUNK]
            stop = int(np.searchsorted(lengths, lengths[start + len(chunk) - 1] * reach, side="right"))
            scores = process.cdist(chunk, norms[start:stop], scorer=fuzz.token_sort_ratio,
                                   score_cutoff=cutoff, dtype=np.uint8, workers=1)
            rows, cols = np.nonzero(scores)
            for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
                i, j = start + row, start + col
                if i >= j or owners[i] == owners[j]:  # each pair once, never an entity with itself
                    continue
                score = int(scores[row, col])
                if score < 100 and min(len(norms[i]), len(norms[j])) < MIN_FUZZY_CHARS:
                    continue
                a, b = group[owners[i]], group[owners[j]]
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                first = a.id == key[0]
                match = Alike(a=key[0], b=key[1], similarity=score,
                              a_text=originals[i] if first else originals[j],
                              b_text=originals[j] if first else originals[i],
                              names=canonical[i] and canonical[j])
                best = found.get(key)
                if best is None or (match.similarity, match.names) > (best.similarity, best.names):
                    found[key] = match
    return sorted(found.values(), key=lambda m: (-m.similarity, m.a, m.b))
