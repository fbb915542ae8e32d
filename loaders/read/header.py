"""The metadata header a document may open with, split from its body.

Two forms: ``KEY: value`` lines (``SOURCE:``, ``TITLE:``, ``DATE:``, ``PUBLISHER:``, ``AUTHOR:``)
up to the first blank line, and YAML front matter between ``---`` lines. Header lines are the
document's metadata, never its body: they are removed before extraction.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pycountry
import yaml

_KEY_LINE = re.compile(
    r"(?P<key>source|url|link|title|headline|date|published|publisher|author|byline)[ \t]*:[ \t]*"
    r"(?P<value>[^\n]*)",
    re.I,
)
_KEYS = {
    "source": "url",
    "url": "url",
    "link": "url",
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "publisher": "publisher",
    "author": "author",
    "byline": "author",
}
_UNKNOWN = {"", "unknown", "n/a", "none", "null", "-"}


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(fields, body): the header's url/title/published/publisher/author and the text after it."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            try:
                data = yaml.safe_load(text[4:end])
            except yaml.YAMLError:
                data = None
            if isinstance(data, dict):
                fields = _fields((str(k), v) for k, v in data.items())
                rest = text[end + 4 :]
                return fields, rest.lstrip("\n") if fields or data else text
        return {}, text
    pairs: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        m = _KEY_LINE.fullmatch(text, pos, line_end)
        if m is None:
            break
        pairs.append((m["key"], m["value"]))
        pos = line_end + 1
    # one line "Date: ..." inside an article is prose; a header names its source or title
    keys = {_KEYS[k.lower()] for k, _ in pairs}
    if not pairs or not keys & {"url", "title"}:
        return {}, text
    return _fields(pairs), text[pos:].lstrip("\n")


def _fields(pairs) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in pairs:
        field = _KEYS.get(key.lower())
        value = str(value).strip() if value is not None else ""
        if field and value.lower() not in _UNKNOWN and field not in out:
            out[field] = value
    if "url" in out and "publisher" not in out and (host := publisher_of(out["url"])):
        out["publisher"] = host
    return out


def publisher_of(url: str) -> str | None:
    """The host a URL names, without ``www.``: the publisher when none is given."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


#: second-level labels that governments publish under: gov.uk, go.jp, gob.mx, gouv.fr, mil.ng
_GOVERNMENT_LABELS = frozenset({"gov", "go", "gob", "gouv", "govt", "gv", "mil", "admin"})


def official_country(url: str | None) -> str | None:
    """The ISO 3166 alpha-2 code of the state whose government published ``url``, if its host says
    so: a ``.gov`` or ``.mil`` host is the United States', ``mod.gov.in`` India's, ``mofa.go.jp``
    Japan's. A news site's host says nothing of its country's government and gives None."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").casefold()
    labels = host.split(".")
    if labels[-1] in ("gov", "mil"):
        return "US"
    if len(labels) >= 3 and labels[-2] in _GOVERNMENT_LABELS and len(labels[-1]) == 2:
        code = "GB" if labels[-1] == "uk" else labels[-1].upper()
        return code if pycountry.countries.get(alpha_2=code) is not None else None
    return None

