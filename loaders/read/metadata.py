"""Document metadata from the text itself, the file, and an optional sidecar (which wins)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from loaders.models import DocumentMeta
from loaders.names.dates import date_index, find_dates
from pactgraph.errors import InputError

_LABEL = re.compile(
    r"^\s*(?P<key>published|date|posted|dateline|publisher|source|author|by)\s*[:\-]\s*"
    r"(?P<value>.+?)\s*$",
    re.I | re.M,
)
_BYLINE = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$", re.M)
_KEYS = {"title", "url", "publisher", "author", "published", "published_precision", "language"}


#: the most bytes a sidecar may hold: its fields are a few hundred characters each (SIDECAR_LIMITS
#: names the field at fault), and a file far beyond that is refused by its size before it is read
MAX_SIDECAR_BYTES = 1024 * 1024


def load_sidecar(path: Path) -> dict:
    """Read a sidecar (JSON or YAML mapping of title/publisher/author/published/language)."""
    try:
        if path.stat().st_size > MAX_SIDECAR_BYTES:
            raise InputError(
                f"sidecar is over {MAX_SIDECAR_BYTES // (1024 * 1024)} MB; keep only its metadata fields",
                source=str(path),
            )
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw) if path.suffix == ".json" else yaml.safe_load(raw)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise InputError(
            f"sidecar is not valid JSON/YAML ({exc}); fix or remove it", source=str(path)
        ) from exc
    if not isinstance(data, dict):
        raise InputError(
            "sidecar must be a mapping of title, publisher, author, published, language", source=str(path)
        )
    return check_sidecar(data, str(path))


#: the longest value each sidecar field may hold
SIDECAR_LIMITS = {
    "title": 500,
    "publisher": 200,
    "author": 200,
    "published": 40,
    "published_precision": 5,
    "language": 35,
}
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}")


def check_sidecar(data: dict, source: str | None) -> dict[str, str]:
    """The sidecar's known fields as strings, each checked: plain values within SIDECAR_LIMITS, a
    real calendar date, a language tag. The first bad field is an InputError naming it."""
    fields: dict[str, str] = {}
    for key, raw in data.items():
        if key not in _KEYS or raw is None:
            continue
        if isinstance(raw, dict | list | tuple | set | bytes):
            raise InputError(
                f"sidecar field {key!r} must be a single value, not a {type(raw).__name__}", source=source
            )
        value = str(raw).strip()
        if len(value) > SIDECAR_LIMITS[key]:
            raise InputError(
                f"sidecar field {key!r} is {len(value)} characters long; at most "
                f"{SIDECAR_LIMITS[key]} are kept",
                source=source,
            )
        if key == "language" and not _LANGUAGE.fullmatch(value):
            raise InputError(
                f"sidecar field 'language' must be a language code such as en or ru, not {value[:40]!r}",
                source=source,
            )
        if key == "published_precision" and value not in ("year", "month", "day"):
            raise InputError("sidecar field 'published_precision' must be year, month or day", source=source)
        if key == "published" and _calendar_date(value) is None:
            raise InputError(
                f"sidecar field 'published' is not a date: {value[:40]!r}; write YYYY-MM-DD, YYYY-MM or YYYY",
                source=source,
            )
        fields[key] = value
    return fields


def _calendar_date(value: str) -> str | None:
    """The ISO date ``value`` names, if it is a real one (year 1000-9999)."""
    parsed = parse_published(value)
    if parsed is None:
        return None
    parts = parsed[0].split("-")
    try:
        numbers = [int(p) for p in parts] + [1, 1]
        date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None
    return parsed[0] if 1000 <= numbers[0] <= 9999 else None


_LATIN = re.compile(r"[A-Za-z]")


@cache
def _scripts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Cyrillic, CJK, and either: compiled on the first non-ASCII text (their wide ranges take
    milliseconds to compile, and most documents never need them)."""
    return (
        re.compile("[\u0400-\u04ff]"),
        re.compile("[\u4e00-\u9fff]"),
        re.compile("[\u0400-\u04ff\u4e00-\u9fff]"),
    )


def guess_language(text: str) -> str:
    """ISO 639-1 code from the dominant script of the text (English for Latin script).

    The first 5,000 characters decide: enough for the script, and cheap on long documents."""
    sample = text[:5000]
    # only Latin to count: it wins if present; 0-0-0 ties to "zh"
    if sample.isascii():
        return "en" if _LATIN.search(sample) else "zh"
    cyrillic, cjk_re, either = _scripts()
    if either.search(sample) is None:
        return "en" if _LATIN.search(sample) else "zh"
    latin = len(_LATIN.findall(sample))
    cyr = len(cyrillic.findall(sample))
    cjk = len(cjk_re.findall(sample))
    top = max((latin, "en"), (cyr, "ru"), (cjk * 2, "zh"))
    return top[1]


def parse_published(value: str) -> tuple[str, str] | None:
    """ISO date and precision from a free-form date ("21 November 2022", "2022-11-21")."""
    dates = find_dates(value, None)
    best = next((d for d in dates if d.precision == "day"), dates[0] if dates else None)
    return (best.value, best.precision) if best else None


def extract_meta(text: str, file_meta: dict, sidecar: dict | None, path: str | None) -> DocumentMeta:
    """Combine what the text says, what the file format carries and the sidecar."""
    found: dict[str, str] = {}
    head = text[:3000]
    for m in _line_matches(_LABEL, head):
        key, value = m.group("key").lower(), m.group("value")
        if key in {"published", "date", "posted", "dateline"} and "published" not in found:
            if parsed := parse_published(value):
                found["published"], found["published_precision"] = parsed
        elif key in {"publisher", "source"} and "publisher" not in found and len(value) < 80:
            if not value.startswith("http"):
                found["publisher"] = value
        elif key in {"author", "by"} and "author" not in found and len(value) < 80:
            found["author"] = value
    if "author" not in found and (byline := next(_line_matches(_BYLINE, head), None)):
        found["author"] = byline.group("name")
    if "published" not in found:
        # one scan of the whole text, kept for the sentences' dates (dates.take_date_index)
        days = date_index(text).days()
        if days:
            found["published"], found["published_precision"] = max(days), "day"
    first = next((ln.strip().lstrip("#").strip() for ln in text.splitlines() if ln.strip()), "")
    if first and len(first) <= 160:
        found["title"] = first
    merged = {**found, **{k: v for k, v in file_meta.items() if k in _KEYS}, **(sidecar or {})}
    if "published" in merged and ("published" in (sidecar or {}) or "published" in file_meta):
        parsed = parse_published(merged["published"])
        if parsed and _calendar_date(merged["published"]):
            merged["published"], merged["published_precision"] = parsed
        else:  # a file's own date that is no date gives way to the text's (or to none)
            for key in ("published", "published_precision"):
                if key in found:
                    merged[key] = found[key]
                else:
                    merged.pop(key, None)
    merged.setdefault("language", guess_language(text))
    if len(merged["language"]) > 2:
        merged["language"] = merged["language"][:2].lower()
    return DocumentMeta(path=path, **{k: v for k, v in merged.items() if k in _KEYS})


def _line_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a MULTILINE pattern that begins with ``^`` (and never matches
    the empty string): tried only where lines start, not at every character."""
    start, after = 0, 0
    while start >= 0:
        if start >= after and (m := pattern.match(text, start)) is not None:
            yield m
            after = m.end()
        newline = text.find("\n", start)
        start = newline + 1 if newline >= 0 else -1


def published_date(meta: DocumentMeta) -> date | None:
    """The publication date as a date (first of the month/year when less precise)."""
    if not meta.published:
        return None
    parts = [int(p) for p in meta.published.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
