"""Values in a sentence: money (amount + ISO 4217), dates resolved against publication, frequency."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_CURRENCY = [
    (r"chinese yuan|yuan renminbi|yuan|renminbi|rmb|cny|¥", "CNY"),
    (r"us dollars?|u\.s\. dollars?|american dollars?|dollars?|usd|us\$|\$", "USD"),
    (r"russian roubles?|russian rubles?|roubles?|rubles?|rub|₽", "RUB"),
    (r"tajik somoni|somoni|tjs", "TJS"),
    (r"kyrgyz soms?|soms?|kgs", "KGS"),
    (r"tenge|kzt|₸", "KZT"),
    (r"uzbek sums?|sums?|uzs", "UZS"),
    (r"euros?|eur|€", "EUR"),
    (r"pounds sterling|pounds?|gbp|£", "GBP"),
    (r"indian rupees?|rupees?|inr|₹", "INR"),
    (r"pakistani rupees?|pkr", "PKR"),
    (r"turkish lira|lira|try", "TRY"),
]
_CUR_ALT = "|".join(p for p, _ in _CURRENCY)
_NUM = r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_ALT = r"thousand|million|billion|trillion|mln|mn|bn|k|m|b"
MONEY = re.compile(
    rf"(?P<pre>{_CUR_ALT})\s?(?P<n1>{_NUM})\s*(?P<s1>{_SCALE_ALT})?\b"
    rf"|(?P<n2>{_NUM})\s*(?P<s2>{_SCALE_ALT})?\s*(?P<post>{_CUR_ALT})(?![a-z])",
    re.IGNORECASE,
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
_YEAR = r"(?:19|20)\d{2}"
DATE = re.compile(
    rf"\b(?P<iso>{_YEAR}-\d{{2}}-\d{{2}})\b"
    rf"|\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MON_ALT})\.?,?\s+(?P<y1>{_YEAR})\b"
    rf"|\b(?P<m2>{_MON_ALT})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>{_YEAR})\b"
    rf"|\b(?P<m3>{_MON_ALT})\s+(?:of\s+)?(?P<y3>{_YEAR})\b"
    rf"|\b(?:in\s+)?(?P<m4>{_MON_ALT})\s+(?P<rel4>last|next|this)\s+year\b"
    rf"|\b(?P<rel5>last|next|this)\s+year\b"
    rf"|\b(?P<y6>{_YEAR})\b",
    re.IGNORECASE,
)
FREQUENCY = re.compile(
    r"\b(?:(?:at least|no fewer than|no less than|not less than|up to)\s+)?"
    r"(?:once|twice|\w+ times?|one time)\s+(?:every|a|per|in)\s+(?:\w+\s+)?(?:years?|months?|weeks?)"
    r"|\b(?:annual(?:ly)?|biennial(?:ly)?|yearly|every (?:two|three|\d) years)\b",
    re.IGNORECASE,
)
_VALID_TO = re.compile(rf"\b(?:until|till|through|to|extended to|expires? in)\s+(?P<y>{_YEAR})\b", re.I)
_VALID_FROM = re.compile(rf"\b(?:from|since|starting in|beginning in)\s+(?P<y>{_YEAR})\b", re.I)


#: case-sensitive twins of the re.I patterns, run over lower-cased text: the same matches at about
#: half the cost of re.I. Only for text whose letters are all ASCII (see _folds_simply).
#: A leading "\b(?=[...])" names the characters any alternative can start with, which lets the scan
#: skip other positions quickly (every alternative already starts at a word boundary).
_DATE_LOWER = re.compile(rf"\b(?=[0-9adfijlmnost])(?:{DATE.pattern})")
_MONEY_LOWER = re.compile(MONEY.pattern)
_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f](?<=\w)")
_CURRENCY_RE = [(re.compile(pattern), code) for pattern, code in _CURRENCY]


def _folds_simply(text: str) -> bool:
    """Whether lower() then a case-sensitive match equals re.I here: no non-ASCII word character, so
    no letter that re.I folds differently from lower() ("ſ", "K", "İ"); uncased symbols stay put
    and offsets are kept."""
    return text.isascii() or _NON_ASCII_WORD.search(text) is None
_DIGIT = re.compile(r"\d")
_DATEISH = re.compile(r"\d|\b(?:last|next|this) year\b", re.I)


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    start: int
    end: int

    def label(self) -> str:
        return f"{_fmt(self.amount)} {self.currency}"


@dataclass(frozen=True)
class When:
    value: str
    precision: str
    start: int
    end: int


def _fmt(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _currency(word: str) -> str:
    low = word.lower()
    for pattern, code in _CURRENCY_RE:
        if pattern.fullmatch(low):
            return code
    return "USD"


def find_money(text: str, offset: int = 0) -> list[Money]:
    """Money amounts in ``text`` ("55 million Chinese yuan" -> 55000000 CNY)."""
    out: list[Money] = []
    if _DIGIT.search(text) is None:
        return out  # every amount has a digit; most sentences have none
    for m in _MONEY_LOWER.finditer(text.lower()) if _folds_simply(text) else MONEY.finditer(text):
        num = m.group("n1") or m.group("n2")
        scale = (m.group("s1") or m.group("s2") or "").lower()
        cur = _currency(m.group("pre") or m.group("post"))
        if not scale and m.group("post") and m.group("post").lower() in {"m", "b"}:
            continue
        value = float(re.sub(r"[,\s]", "", num)) * _SCALE.get(scale, 1.0)
        if value < 1000 and not scale:
            continue
        out.append(Money(value, cur, m.start() + offset, m.end() + offset))
    return out


def find_dates(text: str, published: date | None, offset: int = 0) -> list[When]:
    """ISO dates with precision; relative ones ("October last year") need ``published``."""
    out: list[When] = []
    if _DATEISH.search(text) is None:
        return out
    matches = _DATE_LOWER.finditer(text.lower()) if _folds_simply(text) else DATE.finditer(text)
    for m in matches:
        g = m.groupdict()
        span = (m.start() + offset, m.end() + offset)
        if g["y1"] or g["y2"]:
            month = _MONTHS.get(_month(g["m1"] or g["m2"]))
            value, prec = f"{g['y1'] or g['y2']}-{month:02d}-{int(g['d1'] or g['d2']):02d}", "day"
        elif g["y3"]:
            value, prec = f"{g['y3']}-{_MONTHS[_month(g['m3'])]:02d}", "month"
        elif g["rel4"] or g["rel5"]:
            if published is None:
                continue
            year = published.year + {"last": -1, "next": 1, "this": 0}[(g["rel4"] or g["rel5"]).lower()]
            if g["m4"]:
                value, prec = f"{year}-{_MONTHS[_month(g['m4'])]:02d}", "month"
            else:
                value, prec = str(year), "year"
        elif g["iso"]:
            value, prec = g["iso"], "day"
        else:
            value, prec = g["y6"], "year"
        out.append(When(value, prec, *span))
    return out


def _month(word: str) -> str:
    low = word.lower().rstrip(".")
    for full in _MONTHS:
        if full.startswith(low[:3]):
            return full
    return low


def find_frequency(text: str) -> str | None:
    """The first stated frequency ("at least once every two years"), if any."""
    m = FREQUENCY.search(text)
    return m.group().strip() if m else None


def find_validity(text: str) -> dict[str, str]:
    """valid_from / valid_to years stated with until/from cues."""
    out = {}
    if m := _VALID_TO.search(text):
        out["valid_to"] = m.group("y")
    if m := _VALID_FROM.search(text):
        out["valid_from"] = m.group("y")
    return out


_STATUS = [
    (
        "denied",
        re.compile(
            r"\b(?:den(?:y|ies|ied|ying|ial)|rejected|dismissed|refuted|"
            r"no plans? to|not true|baseless|categorically)\b",
            re.I,
        ),
    ),
    ("confirmed", re.compile(r"\b(?:confirmed|confirms|officially announced)\b", re.I)),
    (
        "planned",
        re.compile(
            r"\b(?:will|intends?|intention|plans?|planned|shall|is to|are to|"
            r"expected to|going to|aims? to|would|future|to be (?:built|held|delivered))\b",
            re.I,
        ),
    ),
    (
        "reported",
        re.compile(
            r"\b(?:reportedly|reports?|reported|according to|allegedly|appears?|"
            r"appeared|said to|claimed|sources)\b",
            re.I,
        ),
    ),
]


_STATUS_ANY = re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in _STATUS), re.I)
_STATUS_LOWER = re.compile(rf"\b(?=[abcdefgilnoprstw])(?:{_STATUS_ANY.pattern})")  # see _DATE_LOWER
_RANK = {name: rank for rank, (name, _) in enumerate(_STATUS)}


def find_status(text: str) -> str | None:
    """The epistemic status a sentence marks, strongest cue first (one scan for all four)."""
    best = None
    matches = _STATUS_LOWER.finditer(text.lower()) if _folds_simply(text) else _STATUS_ANY.finditer(text)
    for m in matches:
        name = m.lastgroup
        if best is None or _RANK[name] < _RANK[best]:
            best = name
            if name == "denied":
                break
    return best
