"""Dates in text, resolved against the publication date, and a whole document's dates from one scan."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from loaders.read.scan import Anchored
from loaders.read.text import any_case, folds_simply

#: the English month names, capitalised (never part of a name: "May" is no person)
MONTH_WORDS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MON_ALT = "|".join(_MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
YEAR = r"(?:19|20)\d{2}"
_DATE = (
    rf"\b(?P<iso>{YEAR}-\d{{2}}-\d{{2}})\b"
    rf"|\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MON_ALT})\.?,?\s+(?P<y1>{YEAR})\b"
    rf"|\b(?P<m2>{_MON_ALT})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>{YEAR})\b"
    rf"|\b(?P<m3>{_MON_ALT})\s+(?:of\s+)?(?P<y3>{YEAR})\b"
    rf"|\b(?:in\s+)?(?P<m4>{_MON_ALT})\s+(?P<rel4>last|next|this)\s+year\b"
    rf"|\b(?P<rel5>last|next|this)\s+year\b"
    rf"|\b(?P<y6>{YEAR})\b"
)
#: _DATE matches case-insensitively; it runs case-sensitively over lower-cased text (about half the
#: cost of re.I) when that keeps its meaning (see text.folds_simply). The leading "\b(?=...)" names
#: how any alternative can start (a digit or a month's first three letters), which lets the scan skip
#: other positions quickly (every alternative starts at a word boundary).
_DATE_STARTS = r"\d|" + "|".join(m[:3] for m in _MONTHS) + r"|in\s|las|nex|thi"
_DATE_LOWER = re.compile(rf"\b(?={_DATE_STARTS})(?:{_DATE})")
#: every date holds a year or the word "year", at most three words after the date's start
_DATE_SCAN = Anchored(_DATE_LOWER, ("19", "20", "year"), words=3)
_DATEISH = re.compile(r"\d|\b(?:last|next|this) year\b", re.I)


@dataclass(frozen=True)
class When:
    value: str
    precision: str
    start: int
    end: int


def find_dates(text: str, published: date | None, offset: int = 0) -> list[When]:
    """ISO dates with precision; relative ones ("October last year") need ``published``."""
    return _resolve(_scan_dates(text, offset), published)


#: a date match: its When, or for a relative date ("October last year") the span and the words the
#: value depends on, resolved against the publication date when asked for (see _resolve)
_Found = When | tuple[int, int, str, str | None]


def _scan_dates(text: str, offset: int) -> list[_Found]:
    out: list[_Found] = []
    if _DATEISH.search(text) is None:
        return out
    matches = _DATE_SCAN.matches(text.lower()) if folds_simply(text) else any_case(_DATE).finditer(text)
    for m in matches:
        # each alternative of _DATE ends with its own group, so the last group names the form matched
        form = m.lastgroup
        start, end = m.start() + offset, m.end() + offset
        if form == "y1" or form == "y2":
            d, mon, y = m.group("d1", "m1", "y1") if form == "y1" else m.group("d2", "m2", "y2")
            out.append(When(f"{y}-{_month_number(mon, strict=False):02d}-{int(d):02d}", "day", start, end))
        elif form == "y3":
            out.append(When(f"{m.group('y3')}-{_month_number(m.group('m3')):02d}", "month", start, end))
        elif form == "rel4":
            out.append((start, end, m.group("rel4"), m.group("m4")))
        elif form == "rel5":
            out.append((start, end, m.group("rel5"), None))
        elif form == "iso":
            out.append(When(m.group("iso"), "day", start, end))
        else:
            out.append(When(m.group("y6"), "year", start, end))
    return out


def _resolve(found: list[_Found], published: date | None) -> list[When]:
    out: list[When] = []
    for item in found:
        if isinstance(item, When):
            out.append(item)
        elif published is not None:
            start, end, rel, month = item
            year = published.year + _RELATIVE[rel.lower()]
            if month is not None:
                out.append(When(f"{year}-{_month_number(month):02d}", "month", start, end))
            else:
                out.append(When(str(year), "year", start, end))
    return out


class DateIndex:
    """Every date of one document from a single scan. The metadata step scans the whole text for
    a publication date anyway; the sentences then take their dates from here instead of scanning
    their text again (see ``within``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found = _scan_dates(text, 0)
        self._starts = [f.start if isinstance(f, When) else f[0] for f in self._found]
        self._ends = [f.end if isinstance(f, When) else f[1] for f in self._found]

    def days(self) -> list[str]:
        """The values of the full dates (day precision) in the text."""
        return [f.value for f in self._found if isinstance(f, When) and f.precision == "day"]

    def within(self, start: int, end: int, published: date | None) -> list[When] | None:
        """``find_dates(text[start:end], published, start)`` for a sentence span, or None when a
        match of the whole-text scan crosses one of its edges (then scan the span itself).

        Otherwise the answers agree: sentence spans start after whitespace and end before it (or
        at the text's edges), so word boundaries look the same in the span and in the whole text,
        and a scan of the whole text reaches the span's start outside any match."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end, lo)
        if (lo and self._ends[lo - 1] > start) or (hi > lo and self._ends[hi - 1] > end):
            return None
        return _resolve(self._found[lo:hi], published)


#: the index of the last document whose metadata scanned its whole text, until its extraction
#: takes it: one document's dates at most, held only between those two steps
_LAST_INDEX: list[DateIndex | None] = [None]


def date_index(text: str) -> DateIndex:
    """Scan ``text`` for dates once, and keep the result for ``take_date_index``."""
    index = DateIndex(text)
    _LAST_INDEX[0] = index
    return index


def take_date_index(text: str) -> DateIndex | None:
    """The index ``date_index`` built for this text, if it was the last one built (it is released:
    a concurrent caller at worst misses it and scans sentence by sentence)."""
    index, _LAST_INDEX[0] = _LAST_INDEX[0], None
    return index if index is not None and index.text == text else None


_RELATIVE = {"last": -1, "next": 1, "this": 0}
#: month number by the first three letters, which every month word in _DATE starts with
_MONTH_BY_PREFIX = {name[:3]: number for name, number in _MONTHS.items()}


def _month_number(word: str, *, strict: bool = True) -> int | None:
    """The month a matched month word names; an unknown word raises KeyError, or gives None when not
    ``strict``."""
    number = _MONTH_BY_PREFIX.get(word.lower()[:3])
    if number is None:  # a word only re.I folds to a month ("ſep"): the general path
        return _MONTHS[_month(word)] if strict else _MONTHS.get(_month(word))
    return number


def _month(word: str) -> str:
    low = word.lower().rstrip(".")
    for full in _MONTHS:
        if full.startswith(low[:3]):
            return full
    return low
