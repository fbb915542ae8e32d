"""Every Cypher statement lives in cypher/<name>.cypher; this module loads them by name.

Values always travel as ``$parameters``. Where a label or relationship type must appear in
the text (schema statements, typed MERGE), the file holds a ``{{label}}`` / ``{{type}}``
placeholder that only a name from the vocabulary may fill.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pactgraph import vocabulary as vocab

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
_PLACEHOLDER = re.compile(r"\{\{(label|type)\}\}")


@cache
def load(name: str) -> str:
    """The text of cypher/<name>.cypher (comments kept: Cypher accepts ``//`` lines)."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"bad query name {name!r}")
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.exists():
        raise FileNotFoundError(f"no Cypher file {path}")
    return path.read_text(encoding="utf-8")


def render(name: str, *, label: str | None = None, type: str | None = None) -> str:
    """A query whose ``{{label}}``/``{{type}}`` placeholders are filled from the vocabulary only."""
    text = load(name)
    values = {
        "label": vocab.check_label(label) if label is not None else None,
        "type": vocab.check_type(type) if type is not None else None,
    }

    def fill(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if value is None:
            raise ValueError(f"query {name!r} needs a {match.group(1)}")
        return value

    return _PLACEHOLDER.sub(fill, text)


def names() -> list[str]:
    return sorted(p.stem for p in CYPHER_DIR.glob("*.cypher"))
