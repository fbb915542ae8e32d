"""Every Cypher statement lives in a file under cypher/, one per file, loaded by name; each runs as
written (Browser, cypher-shell, ``EXPLAIN``). This module is the one place that fills what cannot be
a ``$parameter``, and only from the vocabulary:

- ``/*label*/Entity``: a label (schema statements);
- ``/*type*/PARTY_TO``: a relationship type (typed MERGE and expand);
- ``/*link_types*/PARTY_TO|APPROVED|…``: the link types a path pattern walks (default: all of them);
- ``/*selector*/SHORTEST 1``: a path selector (``SHORTEST k``, ``ALL SHORTEST``).

What follows a slot's comment is its value as written, so the file runs unchanged; a call replaces
it. Parts shared by many statements (the analyst filters, the evidence sources) are written once in
cypher/shared/ and carried by the statements between ``/*<name VAR>*/ … /*</name>*/`` markers, the
variable renamed; ``python -m graph.queries --sync`` rewrites every copy from its source and the
test suite fails when a copy has drifted. At run time nothing is expanded.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from pactgraph import vocabulary as vocab
from pactgraph.errors import InputError

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
SHARED_DIR = CYPHER_DIR / "shared"
#: relationship types of link analysis: everything but document provenance
LINK_TYPES: tuple[str, ...] = tuple(t for t in vocab.RELATIONSHIP_TYPES if t != "MENTIONS")
#: path selectors a statement may be given (k of SHORTEST k up to 10)
_SELECTOR = re.compile(r"SHORTEST (10|[1-9])|ALL SHORTEST")
_SLOTS = {
    "label": re.compile(r"/\*label\*/[A-Za-z]+"),
    "type": re.compile(r"/\*type\*/[A-Z_]+"),
    "link_types": re.compile(r"/\*link_types\*/[A-Z_]+(?:\|[A-Z_]+)*"),
    "selector": re.compile(r"/\*selector\*/(?:SHORTEST \d+|ALL SHORTEST|ANY)"),
}
#: a shared part carried by a statement: its name, the variable it is written for, and optionally
#: the parameter that replaces ``$types`` in it
_REGION = re.compile(r"/\*<(\w+) (\w+)(?: (\w+))?>\*/(.*?)/\*</\1>\*/", re.S)


@cache
def _index(root: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.cypher")):
        if path.stem in found:
            raise ValueError(f"two Cypher files named {path.stem!r}: {found[path.stem]} and {path}")
        found[path.stem] = path
    return found


#: where statements are looked up: cypher/, and the folders of statements that only the tests or
#: the benchmarks run (tests/cypher, bench/cypher), which they add themselves
_FOLDERS: list[Path] = [CYPHER_DIR]


def add_folder(folder: Path) -> None:
    """Also look up statements in ``folder`` (the tests' and benchmarks' own; the product never does)."""
    if folder not in _FOLDERS:
        _FOLDERS.append(folder)
        load.cache_clear()
        statement.cache_clear()


@cache
def load(name: str) -> str:
    """The text of the statement ``name`` (in any sub-folder of cypher/ or an added folder), as written."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"bad query name {name!r}")
    for folder in _FOLDERS:
        path = _index(folder).get(name)
        if path is not None:
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no Cypher file {name}.cypher under {', '.join(map(str, _FOLDERS))}")


@cache
def statement(name: str, *, label: str | None = None, type: str | None = None,
              link_types: tuple[str, ...] | None = None, selector: str | None = None) -> str:
    """The statement with its slots filled; a label or type slot must be given a vocabulary name,
    link types and a selector keep their written value unless given."""
    text = load(name)
    values: dict[str, str | None] = {
        "label": vocab.check_label(label) if label is not None else None,
        "type": vocab.check_type(type) if type is not None else None,
        "link_types": "|".join(check_link_types(link_types)) if link_types is not None else None,
        "selector": check_selector(selector) if selector is not None else None,
    }
    for slot, pattern in _SLOTS.items():
        value = values[slot]
        if value is None:
            if slot in ("label", "type") and pattern.search(text):
                raise ValueError(f"query {name!r} needs a {slot}")
            continue
        if not pattern.search(text):
            raise ValueError(f"query {name!r} has no {slot} to fill")
        filled = f"/*{slot}*/{value}"
        text = pattern.sub(lambda _m: filled, text)  # noqa: B023 - used at once, in this iteration
    return text


def check_link_types(types: tuple[str, ...]) -> tuple[str, ...]:
    """``types`` when each is a link type of the vocabulary (a 422 naming ``types`` otherwise)."""
    if not types:
        raise InputError("give at least one relationship type", source="types")
    for t in types:
        if t not in LINK_TYPES:
            raise InputError(f"unknown relationship type {t!r}; use one of {list(LINK_TYPES)}",
                             source="types")
    return types


def check_selector(selector: str) -> str:
    if not _SELECTOR.fullmatch(selector):
        raise ValueError(f"bad path selector {selector!r}; use SHORTEST k (k 1-10) or ALL SHORTEST")
    return selector


def names(root: Path = CYPHER_DIR) -> list[str]:
    return sorted(_index(root))


# --- shared parts: kept in step by --sync, checked by the tests, never expanded at run time ---


def _source(part: str) -> tuple[str, str]:
    """The shared part as written in cypher/shared/<part>.cypher, and the variable it uses."""
    path = SHARED_DIR / f"{part}.cypher"
    if not path.exists():
        raise FileNotFoundError(f"no shared Cypher part {path}")
    for match in _REGION.finditer(path.read_text(encoding="utf-8")):
        if match.group(1) == part:
            return match.group(4), match.group(2)
    raise ValueError(f"{path} does not mark its own part /*<{part} VAR>*/")


def _copy(part: str, var: str, types: str | None) -> str:
    body, own = _source(part)
    body = _synced(body, None)
    body = re.sub(rf"(?<![\w.$]){re.escape(own)}\b", var, body)
    if types:
        body = re.sub(r"\$types\b", f"${types}", body)
        body = re.sub(r"/\*<(\w+) (\w+)>\*/", rf"/*<\1 \2 {types}>*/", body)
    return body


def _synced(text: str, own: str | None) -> str:
    """``text`` with every shared part it carries rewritten from its source (in a shared file, the
    part it defines is kept and the parts inside it are rewritten)."""

    def fill(match: re.Match[str]) -> str:
        part, var, types, body = match.groups()
        body = _synced(body, None) if part == own else _copy(part, var, types)
        head = f"{part} {var}" + (f" {types}" if types else "")
        return f"/*<{head}>*/{body}/*</{part}>*/"

    return _REGION.sub(fill, text)


def out_of_step(root: Path = CYPHER_DIR) -> list[Path]:
    """Files whose copies of a shared part differ from the source."""
    stale = []
    for path in _index(root).values():
        text = path.read_text(encoding="utf-8")
        if _synced(text, path.stem if path.parent == SHARED_DIR else None) != text:
            stale.append(path)
    return stale


def sync(roots: list[Path]) -> list[Path]:
    """Rewrite every copy of a shared part under ``roots`` from its source; the files changed."""
    changed = []
    for _ in range(4):  # shared parts hold shared parts: a few passes reach the fixed point
        step = []
        for root in roots:
            for path in sorted(root.rglob("*.cypher")):
                text = path.read_text(encoding="utf-8")
                new = _synced(text, path.stem if path.parent == SHARED_DIR else None)
                if new != text:
                    path.write_text(new, encoding="utf-8")
                    step.append(path)
        if not step:
            break
        changed.extend(step)
    _index.cache_clear()
    load.cache_clear()
    statement.cache_clear()
    return sorted(set(changed))


if __name__ == "__main__":
    if sys.argv[1:] != ["--sync"]:
        sys.exit("usage: python -m graph.queries --sync   (rewrite the copies of cypher/shared/ parts)")
    here = CYPHER_DIR.parent
    done = sync([CYPHER_DIR, here / "tests", here / "bench"])
    print(f"{len(done)} file(s) rewritten" + "".join(f"\n  {p.relative_to(here)}" for p in done))
