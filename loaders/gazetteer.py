"""The reference gazetteer: versioned data files in loaders/data/ and a fast token matcher."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field

from loaders.text import Tokens, form_keys

DATA_DIR = Path(__file__).with_name("data")


class Entry(BaseModel):
    """One curated entity: a state, body, organisation or site."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str
    name: str
    label: str = "Organization"
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    iso2: str | None = None
    lat: float | None = None
    lon: float | None = None
    state: str | None = None
    inside: str | None = Field(default=None, alias="in")
    short: str | None = None
    operator: str | None = None

    @property
    def coarse(self) -> str:
        return {
            "State": "Actor",
            "GovernmentBody": "Actor",
            "SecurityForce": "Actor",
            "Organization": "Actor",
            "Person": "Actor",
        }.get(self.label, "Site")


class Kind(BaseModel):
    """A kind of state institution that combines with a state ("Ministry of Defence")."""

    model_config = ConfigDict(extra="forbid")

    key: str
    name: str
    label: str
    forms: list[str]
    prefix: str = "gov"
    default_state: str | None = None
    state_alias: bool = False


class Hit(NamedTuple):
    """A gazetteer match: tokens [i, j) name ``ref`` in role entity, state or kind."""

    i: int
    j: int
    role: str
    ref: str


@dataclass
class Gazetteer:
    """Entries by id, body kinds by key, and a longest-match table of surface forms."""

    entries: dict[str, Entry]
    kinds: dict[str, Kind]
    forms: dict[tuple[str, ...], list[tuple[str, str, str]]] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)
    by_iso2: dict[str, str] = field(default_factory=dict)

    def add_form(self, form: str, role: str, ref: str) -> None:
        keys = form_keys(form)
        if not keys:
            return
        # acronyms and short all-caps forms only match in capitals ("SCO", not "sco")
        exact = form if (form.isupper() and len(form) <= 6) or form in _CASE_SENSITIVE else ""
        bucket = self.forms.setdefault(keys, [])
        if (role, ref, exact) not in bucket:
            bucket.append((role, ref, exact))
        self.max_len[keys[0]] = max(self.max_len.get(keys[0], 0), len(keys))

    def match(self, tokens: Tokens, text: str) -> list[Hit]:
        """Leftmost-longest matches over ``tokens`` (one pass, dictionary lookups only)."""
        hits: list[Hit] = []
        keys, starts, ends = tokens
        n = len(keys)
        forms, max_len = self.forms, self.max_len
        # only tokens that start some form are tried (found by one comprehension, not a Python loop
        # over every token); a match moves ``after`` past it, so starts inside it are skipped
        after = 0
        for i in [k for k, key in enumerate(keys) if key in max_len]:
            if i < after:
                continue
            longest = max_len[keys[i]]
            for length in range(min(longest, n - i), 0, -1):
                cands = forms.get(tuple(keys[i : i + length]))
                if not cands:
                    continue
                surface = text[starts[i] : ends[i + length - 1]]
                ok = [c for c in cands if not c[2] or _same_case(c[2], surface)]
                if ok:
                    hits.extend(Hit(i, i + length, role, ref) for role, ref, _ in ok)
                    after = i + length
                    break
        return hits

    def state_of(self, entry_id: str) -> str | None:
        """The state an entry belongs to or lies in (following `in` up to a state)."""
        seen = 0
        cur = self.entries.get(entry_id)
        while cur is not None and seen < 6:
            if cur.label == "State":
                return cur.id
            nxt = cur.state or cur.inside
            cur = self.entries.get(nxt) if nxt else None
            seen += 1
        return None


_CASE_SENSITIVE = frozenset(
    {
        "Georgia",
        "Jordan",
        "Chad",
        "Congress",
        "Treasury",
        "Quad",
        "Dawn",
        "Wagner",
        "Kant",
        "Osh",
        "Ream",
        "Duma",
        "Navy",
        "Army",
        "Police",
    }
)


def _same_case(form: str, surface: str) -> bool:
    a = "".join(ch for ch in form if ch.isalnum())
    b = "".join(ch for ch in surface if ch.isalnum())
    return a == b


def _read(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load and index every data file once per process."""
    entries: dict[str, Entry] = {}
    for raw in _read("states.yaml")["states"]:
        entries[raw["id"]] = Entry(label="State", **raw)
    for raw in _read("bodies.yaml")["bodies"]:
        entries[raw["id"]] = Entry(**raw)
    for raw in _read("organizations.yaml")["organizations"]:
        entries[raw["id"]] = Entry(label="Organization", **raw)
    for raw in _read("sites.yaml")["sites"]:
        entries[raw["id"]] = Entry(**raw)
    kinds = {raw["key"]: Kind(**raw) for raw in _read("body_kinds.yaml")["kinds"]}
    gaz = Gazetteer(entries=entries, kinds=kinds)
    for entry in entries.values():
        role = "state" if entry.label == "State" else "entity"
        for form in [entry.name, *entry.aliases]:
            gaz.add_form(form, role, entry.id)
        for form in entry.demonyms:
            gaz.add_form(form, "state", entry.id)
        if entry.iso2:
            gaz.by_iso2[entry.iso2.lower()] = entry.id
    for kind in kinds.values():
        for form in kind.forms:
            gaz.add_form(form, "kind", kind.key)
    return gaz


def surface_index() -> dict[str, list[str]]:
    """Every surface form with the ids it names (for analysts checking the data)."""
    gaz = load_gazetteer()
    out: dict[str, list[str]] = defaultdict(list)
    for keys, cands in gaz.forms.items():
        out[" ".join(keys)].extend(ref for _, ref, _ in cands)
    return dict(out)
