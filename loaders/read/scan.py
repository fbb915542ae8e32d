"""Regex scans that look only near an anchor word every match contains.

Most extraction patterns ("<modifiers> base", "<Name> Region", "X of the Y Department") begin with
optional words and end at a noun from a short list. A plain ``finditer`` tries the whole pattern at
every word of the sentence; ``Anchored.matches`` first finds the nouns (plain substring searches,
or a scan for a simple pattern) and runs the pattern only from a few words before each one. The
matches are the same as ``pattern.finditer(text)``: see ``Anchored.matches`` for why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.read.text import folds_simply


class Anchored:
    """``pattern`` (never matching the empty string) whose every match holds an anchor that starts
    at most ``words`` whitespace runs after the match itself starts.

    The anchor is a regex, or a tuple of literal strings (each occurrence of any of them is one).
    With ``fold``, the anchor is matched case-insensitively in ``pattern``: it is written in lower
    case and found in the lower-cased text, when lower-casing keeps re.I's meaning."""

    def __init__(
        self, pattern: re.Pattern[str], anchor: str | tuple[str, ...], words: int, *, fold: bool = False
    ) -> None:
        self.pattern = pattern
        self.anchor = anchor if isinstance(anchor, tuple) else re.compile(anchor)
        self.words = words
        self.fold = fold

    def matches(self, text: str) -> list[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, in order.

        The next match after ``pos`` holds an anchor at some N >= pos. The anchors are found in
        order of their starts, each one ending after ``pos`` either reported or hidden in an
        earlier reported one (a regex scan skips what its last match covered), so the first
        reported anchor ending after ``pos`` starts at or before N, and the match starts at or after
        that anchor's window start (the ``words``-th word before it). Searching from there (never
        cut short with an end position, and ``search`` sees the text before its start position, so
        \\b and look-behinds behave as in a full scan) finds exactly that match."""
        if self.fold:
            if not folds_simply(text):
                return list(self.pattern.finditer(text))
            anchors = self._anchors(text.lower())
        else:
            anchors = self._anchors(text)
        out: list[re.Match[str]] = []
        search = self.pattern.search
        pos = 0
        for start, end in anchors:
            while end > pos:  # this anchor may hold the next match too
                m = search(text, max(pos, _window_start(text, start, self.words)))
                if m is None:
                    return out
                out.append(m)
                pos = m.end()
        return out

    def _anchors(self, text: str) -> list[tuple[int, int]]:
        if isinstance(self.anchor, tuple):
            return _occurrences(text, self.anchor)
        return [m.span() for m in self.anchor.finditer(text)]


def literals(spec: str) -> tuple[str, ...]:
    """Literal anchors written as one string, "|" between them."""
    return tuple(spec.split("|"))


def _occurrences(text: str, literals: Iterable[str]) -> list[tuple[int, int]]:
    """Every occurrence of every literal, by start (str.find: a fast C scan per literal)."""
    found = []
    for w in literals:
        i = text.find(w)
        while i >= 0:
            found.append((i, i + len(w)))
            i = text.find(w, i + 1)
    found.sort()
    return found


def _window_start(text: str, q: int, words: int) -> int:
    """Where the ``words``-th word before the word holding offset ``q`` starts (0 if none).

    Only a stretch of text before ``q`` is looked at, widened while it holds too few words: a
    window never needs the whole text before it (that would make a scan quadratic)."""
    span = 256
    while True:
        lo = max(0, q - span)
        head = text[lo:q]
        # q may lie inside its word ("(base"): then head ends with part of it, one more word to skip
        n = words + 1 if head and not head[-1].isspace() else words
        parts = head.rsplit(None, n)  # splits on runs of the same whitespace as \s
        if len(parts) > n:
            rest = head[len(parts[0]) :]
            return lo + len(parts[0]) + len(rest) - len(rest.lstrip())
        if lo == 0:
            return 0
        span *= 4
