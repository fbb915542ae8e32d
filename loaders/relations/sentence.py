"""One sentence as rules see it: its items in order, its values, and small look-up helpers."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from loaders.names.dates import DateIndex, When, find_dates
from loaders.names.values import Money, find_frequency, find_status
from loaders.relations.frames import Item

_COORD = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|/\s*)(?:the\s+)?(?:governments?\s+of\s+)?$")
_AND = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?(?:governments?\s+of\s+)?$")
_OBJECT = re.compile(r"\b(?:of|in|to|for|from|with|at|on)\s+(?:the\s+)?$", re.I)
_COMMA_AND = re.compile(r",\s*and\b")
AGENTS = frozenset({"State", "GovernmentBody", "SecurityForce", "Organization", "Person"})


@dataclass(slots=True)
class Rel:
    """A relationship found in a sentence, endpoints being node ids or proto ids."""

    type: str
    source: str
    target: str
    span: tuple[int, int]
    props: dict = field(default_factory=dict)


class DocIndex(NamedTuple):
    """Facts about the whole document its sentences share."""

    #: its dates from one scan, when its metadata made one
    dates: DateIndex | None
    #: where the tokens of each cue class start (loaders.relations.cues.cue_positions)
    cues: dict[str, list[int]]


@dataclass(slots=True)
class Sentence:
    """Items of one sentence sorted by position, with its money; dates, status and frequency are
    read only when a rule asks (most sentences yield no relationship, so most never pay for them)."""

    doc: str
    start: int
    end: int
    items: list[Item]
    money: list[Money]
    published: date | None = None
    #: the token cue classes present (loaders.relations.cues); rules skip sentences without theirs
    cues: frozenset[str] = frozenset()
    #: what was found once for the whole document (its dates, where its cue words start)
    index: DocIndex | None = None

    # plain attributes filled on first use: functools.cached_property takes a lock on every read
    _dates: list[When] | None = field(default=None, init=False, repr=False, compare=False)
    _status: tuple[str | None] | None = field(default=None, init=False, repr=False, compare=False)
    _frequency: tuple[str | None] | None = field(default=None, init=False, repr=False, compare=False)
    _props: dict | None = field(default=None, init=False, repr=False, compare=False)
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _of: dict[tuple[str, ...], list[Item]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def dates(self) -> list[When]:
        if self._dates is None:
            found: list[When] | None = None
            if "date" not in self.cues:
                found = []
            elif self.index is not None and self.index.dates is not None:
                found = self.index.dates.within(self.start, self.end, self.published)
            self._dates = found if found is not None else find_dates(self.text, self.published, self.start)
        return self._dates

    @property
    def status(self) -> str | None:
        if self._status is None:
            self._status = (find_status(self.text),)
        return self._status[0]

    @property
    def frequency(self) -> str | None:
        if self._frequency is None:
            self._frequency = (find_frequency(self.text) if "frequency" in self.cues else None,)
        return self._frequency[0]

    @property
    def text(self) -> str:
        if self._text is None:  # rules read it many times: cut it once
            self._text = self.doc[self.start : self.end]
        return self._text

    def gap(self, a: int, b: int) -> str:
        return self.doc[a:b] if b >= a else ""

    def of(self, *kinds: str) -> list[Item]:
        """The items of ``kinds``, in order. Memoised (rules ask for the same kinds many times, and a
        sentence's items never change once it is built): callers must not modify the list."""
        found = self._of.get(kinds)
        if found is None:
            found = self._of[kinds] = [i for i in self.items if i.kind in kinds]
        return found

    def agents(self) -> list[Item]:
        return [i for i in self.items if i.kind == "actor" and i.mention and i.mention.subtype in AGENTS]

    def next_item(
        self, pos: int, kinds: tuple[str, ...], gap: re.Pattern[str] | None = None, limit: int = 120
    ) -> Item | None:
        """First item of ``kinds`` starting after ``pos`` whose gap text matches ``gap``."""
        for it in self.items:
            if it.start < pos or it.kind not in kinds:
                continue
            if it.start - pos > limit:
                return None
            if gap is None or gap.search(self.gap(pos, it.start)):
                return it
            return None
        return None

    def prev_item(self, pos: int, kinds: tuple[str, ...], limit: int = 100, stop: str = ";") -> Item | None:
        """Nearest item of ``kinds`` ending before ``pos`` within ``limit`` characters."""
        best = None
        for it in self.items:
            if it.end <= pos and it.kind in kinds:
                best = it
        if best is None or pos - best.end > limit:
            return None
        gap = self.doc[best.end : pos]
        for c in stop:
            if c in gap:
                return None
        return best

    def group_from(self, first: Item) -> list[Item]:
        """``first`` and the actors coordinated after it ("X, Y and Z")."""
        out = [first]
        actors = self.of("actor")
        idx = _index(actors, first)
        seen_and = False
        while 0 <= idx < len(actors) - 1:
            nxt = actors[idx + 1]
            same = nxt.start == out[-1].start
            gap = self.gap(out[-1].end, nxt.start)
            if not same and (not _COORD.match(gap) or (seen_and and not _AND.match(gap))):
                break  # "X and Y, the Z ...": a comma after the "and" closes the list
            seen_and = seen_and or bool(_AND.match(gap))
            out.append(nxt)
            idx += 1
        gaps = [self.gap(a.end, b.start) for a, b in itertools.pairwise(out) if a.start != b.start]
        if gaps and not any(_AND.match(g) for g in gaps):
            return out[:1]
        return out

    def group_before(self, last: Item) -> list[Item]:
        """``last`` and the actors coordinated before it."""
        out = [last]
        actors = self.of("actor")
        idx = _index(actors, last)
        while idx > 0:
            prv = actors[idx - 1]
            head = out[0].mention
            # "China's People's Armed Police": the owner state sharing the span is not a co-subject
            same = prv.start == out[0].start and (head is None or prv.ref not in {head.parent, head.home})
            if prv.start == out[0].start and not same:
                idx -= 1
                continue
            gap = self.gap(prv.end, out[0].start)
            if not same and not _AND.match(gap) and not (len(out) > 1 and gap.strip() == ","):
                break
            lead = self.doc[max(self.start, prv.start - 10) : prv.start]
            if not same and "," in gap and _COMMA_AND.search(gap) and _OBJECT.search(lead):
                break  # "members of the SCO, and China's PAP": a prepositional object, not a co-subject
            out.insert(0, prv)
            idx -= 1
        return out

    def props(self) -> dict:
        """Relationship properties every rule in this sentence shares."""
        if self._props is None:
            out: dict = {}
            if self.status:
                out["status"] = self.status
            if self.dates:
                out["date"], out["date_precision"] = self.dates[0].value, self.dates[0].precision
            self._props = out
        return dict(self._props)


def _index(items: list[Item], item: Item) -> int:
    """``items.index(item)``, or -1: the first item equal to it. Items compare all their fields,
    mentions included, so the cheap start comparison comes first."""
    for k, it in enumerate(items):
        if it is item or (it.start == item.start and it == item):
            return k
    return -1
