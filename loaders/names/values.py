"""Values in a sentence: money (amount + ISO 4217), frequency, validity and epistemic status
(dates, resolved against publication, are in loaders.names.dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.names.dates import YEAR
from loaders.names.dates import When as When  # re-exported: dates used to live here
from loaders.names.dates import find_dates as find_dates
from loaders.read.scan import Anchored
from loaders.read.text import any_case, folds_simply

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
_MONEY = (
    rf"(?P<pre>{_CUR_ALT})\s?(?P<n1>{_NUM})\s*(?P<s1>{_SCALE_ALT})?\b"
    rf"|(?P<n2>{_NUM})\s*(?P<s2>{_SCALE_ALT})?\s*(?P<post>{_CUR_ALT})(?![a-z])"
)

FREQUENCY = re.compile(
    r"\b(?:(?:at least|no fewer than|no less than|not less than|up to)\s+)?"
    r"(?:once|twice|\w+ times?|one time)\s+(?:every|a|per|in)\s+(?:\w+\s+)?(?:years?|months?|weeks?)"
    r"|\b(?:annual(?:ly)?|biennial(?:ly)?|yearly|every (?:two|three|\d) years)\b",
    re.IGNORECASE,
)
_VALID_TO = re.compile(rf"\b(?:until|till|through|to|extended to|expires? in)\s+(?P<y>{YEAR})\b", re.I)
_VALID_FROM = re.compile(rf"\b(?:from|since|starting in|beginning in)\s+(?P<y>{YEAR})\b", re.I)


#: The money and status patterns match case-insensitively. They run case-sensitively over
#: lower-cased text: the same matches at about half the cost of re.I, for text whose letters are all
#: ASCII (see text.folds_simply); the re.I forms, for other text, are compiled on first use.
_MONEY_LOWER = re.compile(_MONEY)
#: every amount holds a number, at most two words (a currency like "us dollars") after its start
_MONEY_SCAN = Anchored(_MONEY_LOWER, r"\d+", words=2)


_NUM_SEP = re.compile(r"[,\s]")
_CURRENCY_RE = [(re.compile(pattern), code) for pattern, code in _CURRENCY]

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    start: int
    end: int

    def label(self) -> str:
        return f"{_fmt(self.amount)} {self.currency}"


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
    simple = folds_simply(text)
    for m in _MONEY_SCAN.matches(text.lower()) if simple else any_case(_MONEY).finditer(text):
        num = m.group("n1") or m.group("n2")
        scale = (m.group("s1") or m.group("s2") or "").lower()
        cur = _currency(m.group("pre") or m.group("post"))
        if not scale and m.group("post") and m.group("post").lower() in {"m", "b"}:
            continue
        value = float(_NUM_SEP.sub("", num)) * _SCALE.get(scale, 1.0)
        if value < 1000 and not scale:
            continue
        out.append(Money(value, cur, m.start() + offset, m.end() + offset))
    return out


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


#: status cues, strongest first (matched case-insensitively)
_STATUS = [
    (
        "denied",
        r"\b(?:den(?:y|ies|ied|ying|ial)|rejected|dismissed|refuted|"
        r"no plans? to|not true|baseless|categorically)\b",
    ),
    ("confirmed", r"\b(?:confirmed|confirms|officially announced)\b"),
    (
        "planned",
        r"\b(?:will|intends?|intention|plans?|planned|shall|is to|are to|"
        r"expected to|going to|aims? to|would|future|to be (?:built|held|delivered))\b",
    ),
    (
        "reported",
        r"\b(?:reportedly|reports?|reported|according to|allegedly|appears?|"
        r"appeared|said to|claimed|sources)\b",
    ),
]


_STATUS_ANY = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _STATUS)
#: a leading "\b(?=...)" lists the first three characters of every cue, which lets the scan skip
#: other positions quickly (see dates._DATE_LOWER)
_STATUS_STARTS = (
    "den|rej|dis|ref|no |not|bas|cat|con|off|wil|int|pla|sha|is |are|exp|goi|aim|wou|fut|to |"
    "rep|acc|all|app|sai|cla|sou"
)
_STATUS_LOWER = re.compile(rf"\b(?={_STATUS_STARTS})(?:{_STATUS_ANY})")
_RANK = {name: rank for rank, (name, _) in enumerate(_STATUS)}


def find_status(text: str) -> str | None:
    """The epistemic status a sentence marks, strongest cue first (one scan for all four)."""
    best = None
    simple = folds_simply(text)
    matches = _STATUS_LOWER.finditer(text.lower()) if simple else any_case(_STATUS_ANY).finditer(text)
    for m in matches:
        name = m.lastgroup
        if best is None or _RANK[name] < _RANK[best]:  # type: ignore[index]  # every group is named
            best = name
            if name == "denied":
                break
    return best
