"""Text primitives: normalisation, tokens with offsets, sentence spans, slugs."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_TOKEN = re.compile(r"\w+|[^\w\s]")
#: dashes and hyphens join words ("Gorno-Badakhshan", "Tajik–Chinese") but never matter to matching
DASHES = frozenset("-‐‑‒–—")
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
    folded = re.sub(r"'s\b", "", folded.lower())
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"
