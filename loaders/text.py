"""Text primitives: normalisation, tokens with offsets, sentence spans, slugs."""

from __future__ import annotations

import operator
import re
import unicodedata
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
_SENT_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\[\w+\])*(?=\s)|\n\s*\n|\n(?=\s*[\[\-*•#]|\s*[A-Z\"“‘«(])")


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
    surfaces = _TOKEN_NO_DASH.findall(text)
    found = list(map(_KEYS.get, surfaces))
    if None in found:  # a surface not memoised yet
        keys = [k if k is not None else token_key(w) for k, w in zip(found, surfaces, strict=True)]
    else:
        keys = cast(list[str], found)
    starts = list(map(_MATCH_START, _TOKEN_NO_DASH.finditer(text)))
    return Tokens(keys, starts, list(map(operator.add, starts, map(len, surfaces))))


_MATCH_START = re.Match.start


def form_keys(form: str) -> tuple[str, ...]:
    """The token keys of a gazetteer surface form."""
    return tuple(t.key for t in tokenize(form))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) without surrounding whitespace; fast and model-free."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


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


def slug(value: str) -> str:
    """A stable, readable id fragment: ASCII-folded, lower case, hyphen-separated."""
    folded = unicodedata.normalize("NFKD", value.translate(_QUOTES)).encode("ascii", "ignore").decode()
    folded = _POSSESSIVE.sub("", folded.lower())
    return _NON_SLUG.sub("-", folded).strip("-") or "x"
