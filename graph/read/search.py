"""Entity search as analysts expect it: exact name or alias, then prefix, then words, then fuzzy.

Lucene (the ``entity_search`` index) finds candidates: any of the user's words, exact, as a
prefix or misspelt; this module ranks them. The user's text is only ever words: each is
lower-cased (so ``AND``/``OR``/``NOT`` are plain words) and escaped before it reaches Lucene.
Words the index's analyzer drops (stop words such as "of") are not asked for, as the index
never stored them. On ties within a tier, states come first, then better-connected entities.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from graph.db import Db
from pactgraph import vocabulary as vocab
from pactgraph.errors import InputError

#: the analyzer of cypher/schema_fulltext.cypher, whose stop words the query must leave out
ANALYZER = "standard-folding"
#: Lucene's best candidates ranked here; enough that an exact name is never cut off
WINDOW = 300
MAX_WORDS = 12
#: a word as the standard tokenizer sees one: letters and digits, apostrophes inside ("People's")
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|\'’])')
_stopwords: dict[str, frozenset[str]] = {}

EXACT, PREFIX, WORDS, FUZZY = range(4)


def fold(text: str) -> str:
    """Lower-case, and fold a letter to ASCII where it has an ASCII base ("é" to "e", not "й"),
    as the index's ASCII-folding analyzer does."""
    out = []
    for char in text.replace("’", "'"):
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(base if base and base.isascii() else char)
    return "".join(out).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def stopwords(db: Db) -> frozenset[str]:
    """The analyzer's stop words, asked of Neo4j once per database."""
    if db.database not in _stopwords:
        rows = db.read("show_fulltext_stopwords", analyzer=ANALYZER)
        _stopwords[db.database] = frozenset(rows[0]["stopwords"] or []) if rows else frozenset()
    return _stopwords[db.database]


def lucene_query(terms: list[str], stop: frozenset[str]) -> str:
    """Any of the words, exact (boosted), as a prefix or misspelt, plus the whole phrase boosted."""
    if not terms:
        raise InputError("give at least one letter or digit to search for", source="q")
    wanted = [t for t in terms if t not in stop] or terms  # "or", "the": still look for something
    parts = []
    for term in wanted[:MAX_WORDS]:
        word = _LUCENE_SPECIAL.sub(r"\\\1", term)
        part = f"{word}^2 OR {word}*"
        if len(term) >= 4:
            part += f" OR {word}~"
        parts.append(f"({part})")
    if len(terms) > 1:
        phrase = " ".join(_LUCENE_SPECIAL.sub(r"\\\1", t) for t in terms[:MAX_WORDS])
        parts.append(f'"{phrase}"^4')
    return " OR ".join(parts)


@dataclass(frozen=True)
class _Query:
    terms: tuple[str, ...]
    content: frozenset[str]  # the words that are not stop words

    def tier(self, names: list[str]) -> int:
        """The best tier any of an entity's names reaches."""
        best = FUZZY
        for name in names:
            have = words(name)
            if tuple(have) == self.terms:
                return EXACT
            if self._prefix(have):
                best = PREFIX
            elif best > WORDS and self._all_words(have):
                best = WORDS
        return best

    def _prefix(self, have: list[str]) -> bool:
        """The name starts with the query; its last word may still be being typed."""
        n = len(self.terms)
        if len(have) < n:
            return False
        return list(have[: n - 1]) == list(self.terms[:-1]) and have[n - 1].startswith(self.terms[-1])

    def _all_words(self, have: list[str]) -> bool:
        present = set(have)
        last = self.terms[-1]
        return all(
            word in present or (word == last and any(h.startswith(word) for h in have))
            for word in (self.content or set(self.terms))
        )


def search(
    db: Db, text: str, *, label: str | None = None, limit: int = 20, skip: int = 0
) -> list[dict[str, Any]]:
    """Entities whose name or alias matches ``text``, best first (see the module's docstring)."""
    if label is not None:
        vocab.check_label(label)
    terms = words(text)
    stop = stopwords(db)
    query = _Query(tuple(terms), frozenset(t for t in terms if t not in stop))
    typed = " ".join(query.content or terms)
    rows = db.read("search_entities", query=lucene_query(terms, stop), label=label,
                   limit=max(WINDOW, skip + limit))

    def rank(row: dict[str, Any]) -> tuple[Any, ...]:
        tier = query.tier([row["name"], *row["aliases"]])
        state = 0 if "State" in row["labels"] else 1
        if tier == FUZZY:  # misspelt or partial: the closest name first
            names = [" ".join(words(n)) for n in [row["name"], *row["aliases"]]]
            close = max(fuzz.token_set_ratio(typed, name) for name in names)
            return (tier, -round(close), state, -row["degree"], -row["score"], row["name"])
        return (tier, state, -row["degree"], -row["score"], row["name"])

    ranked = sorted(rows, key=rank)[skip: skip + limit]
    return [{k: row[k] for k in ("id", "name", "labels", "aliases", "score")} for row in ranked]
