"""Text primitives: normalisation, tokens with offsets, sentence spans, slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple, cast

_TOKEN = re.compile(r"\w+|[^\w\s]")
_POSSESSIVE = re.compile(r"'s\b")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: dashes and hyphens join words ("Gorno-Badakhshan", "Tajik–Chinese") but never matter to matching
DASHES = frozenset("-‐‑‒–—")
#: _TOKEN with the dash tokens left out by the pattern itself (no per-token filtering)
_TOKEN_NO_DASH = re.compile(r"\w+|[^\w\s\-\u2010-\u2014]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "adm",
        "sgt",
        "st",
        "no",
        "vol",
        "pp",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "u.s",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "est",
    ]
)
#: a sentence end: r"[.!?…]+[\"'”’)\]]*(?:\[\w+\])*(?=\s)|\n\s*\n|\n(?=\s*[\[\-*•#]|\s*[A-Z\"“‘«(])",
#: written to begin with one character class, which lets the scan skip every other character in C
#: (about three times faster); the look-behinds pick the alternative the first character allows
_SENT_END = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?:\[\w+\])*(?=\s)"
    r"|(?<=\n)\s*\n|(?<=\n)(?=\s*[\[\-*•#]|\s*[A-Z\"“‘«(]))"
)


class Token(NamedTuple):
    """A token: its normalised key and its character span in the text (a tuple: cheap to build)."""

    key: str
    start: int
    end: int


class Tokens(NamedTuple):
    """A document's tokens as parallel columns: built by C-level findall/map/zip, with no Python
    object per token (a document has tens of thousands)."""

    keys: list[str]
    starts: list[int]
    ends: list[int]


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no NULs or BOM: the text the content hash and offsets refer to."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\ufeff", "").replace("\x00", "").strip()


_KEYS: dict[str, str] = {}


def token_key(surface: str) -> str:
    """The matching key of one token: case-folded, typographic quotes unified (memoised)."""
    key = _KEYS.get(surface)
    if key is None:
        key = surface.translate(_QUOTES).casefold()
        if len(_KEYS) < 200_000:  # bounded so memory stays flat on any corpus
            _KEYS[surface] = key
    return key


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` (dashes dropped) with spans shifted by ``offset``."""
    out = []
    keys = _KEYS
    new = tuple.__new__
    for m in _TOKEN.finditer(text):
        surface = m.group()
        if surface in DASHES:
            continue
        key = keys.get(surface) or token_key(surface)
        start = m.start() + offset
        out.append(new(Token, (key, start, start + len(surface))))
    return out


def token_columns(text: str) -> Tokens:
    """The tokens of ``tokenize`` (same keys and spans) as columns."""
    # split() on the capturing token pattern alternates gap, token, gap, ..., gap: running sums of
    # the piece lengths are every token's start (end of the gap before) and end, with no match objects
    parts = (_TOKEN_SPLIT_ASCII if text.isascii() else _TOKEN_SPLIT).split(text)
    surfaces = parts[1::2]
    bounds = list(accumulate(map(len, parts)))
    starts = bounds[0::2]
    starts.pop()  # the end of the trailing gap
    found = list(map(_KEYS.get, surfaces))
    if None in found:  # a surface not memoised yet
        keys = [k if k is not None else token_key(w) for k, w in zip(found, surfaces, strict=True)]
    else:
        keys = cast(list[str], found)
    return Tokens(keys, starts, bounds[1::2])


_TOKEN_SPLIT = re.compile(f"({_TOKEN_NO_DASH.pattern})")
#: the same on ASCII text, with \w and \s spelled out as the ASCII characters they match there
#: (a byte-class test per character instead of a Unicode look-up: about 30% faster)
_TOKEN_SPLIT_ASCII = re.compile(r"([A-Za-z0-9_]+|[^A-Za-z0-9_ \t\n\r\x0b\x0c\x1c-\x1f\-])")


def form_keys(form: str) -> tuple[str, ...]:
    """The token keys of a gazetteer surface form (those of ``tokenize``, without the spans)."""
    return tuple(map(token_key, _TOKEN_NO_DASH.findall(form)))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) without surrounding whitespace; fast and model-free."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        if m.group() == "\n" and _wrapped(text, m.start()):
            continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _wrapped(text: str, newline: int) -> bool:
    """A line break inside a sentence of hard-wrapped prose: the line before is long and stops
    mid-sentence ("... in the Wakhan Gorge of" / "Gorno-Badakhshan."), unlike a heading."""
    line_start = text.rfind("\n", 0, newline) + 1
    last = text[newline - 1 : newline]
    return newline - line_start >= 60 and (last.islower() or last in ",;-–")


def _is_abbreviation(text: str, dot: int) -> bool:
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].casefold()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f](?<=\w)")


def folds_simply(text: str) -> bool:
    """Whether lower() then a case-sensitive match equals re.I here: no non-ASCII word character, so
    no letter that re.I folds differently from lower() ("ſ", "K", "İ"); uncased symbols stay put
    and offsets are kept."""
    return text.isascii() or _NON_ASCII_WORD.search(text) is None


@cache
def any_case(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with re.I, on first use: for the text that ``folds_simply`` turns away,
    whose case-sensitive twin over lower-cased text would not match the same."""
    return re.compile(pattern, re.I)


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when ``text`` is ASCII and holds none of ``words`` (lower case) in any letter case:
    substring tests, much cheaper than a case-insensitive regex that needs one of the words to
    match (non-ASCII text is always True: re.I folds letters such as "ſ" that lower() keeps)."""
    if not text.isascii():
        return True
    low = text.lower()
    for w in words:  # noqa: SIM110 - a plain loop: any() over a generator costs more than the tests
        if w in low:
            return True
    return False


@lru_cache(maxsize=4096)  # names recur across documents; bounded, so memory stays flat
def slug(value: str) -> str:
    """A stable, readable id fragment: ASCII-folded, lower case, hyphen-separated."""
    folded = unicodedata.normalize("NFKD", value.translate(_QUOTES)).encode("ascii", "ignore").decode()
    folded = _POSSESSIVE.sub("", folded.lower())
    return _NON_SLUG.sub("-", folded).strip("-") or "x"
