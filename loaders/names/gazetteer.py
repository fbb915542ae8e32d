"""The reference gazetteer: versioned data files in loaders/data/ and a fast token matcher."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field

from loaders.names.reference import iso_states
from loaders.read.text import Tokens, form_keys

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


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

    # Derived values, computed once per entry: entries are never changed once loaded, and mentions
    # read these for every hit of every document.
    @cached_property
    def coarse(self) -> str:
        return _COARSE.get(self.label, "Site")

    @cached_property
    def point(self) -> tuple[tuple[str, float], ...]:
        """The known coordinates as (property, value) pairs."""
        return tuple((k, v) for k, v in (("lat", self.lat), ("lon", self.lon)) if v is not None)

    @cached_property
    def state_props(self) -> tuple[tuple[str, str | float], ...]:
        """iso2 and the known coordinates as (property, value) pairs (a state's node properties)."""
        pairs = (("iso2", self.iso2), ("lat", self.lat), ("lon", self.lon))
        return tuple((k, v) for k, v in pairs if v is not None)

    @cached_property
    def folded_names(self) -> tuple[str, ...]:
        """The name and demonyms, case-folded."""
        return tuple(f.casefold() for f in [self.name, *self.demonyms])


_COARSE = {
    "State": "Actor",
    "GovernmentBody": "Actor",
    "SecurityForce": "Actor",
    "Organization": "Actor",
    "Person": "Actor",
}


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
    #: the keys of ``forms`` as a token trie, a form's bucket of ``forms`` under ``_END`` at the node
    #: where it ends: ``match`` tries only lengths that some form has at that position
    trie: dict[str, Any] = field(default_factory=dict)

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
        node = self.trie
        for key in keys:
            node = node.setdefault(key, {})
        node[_END] = bucket

    def match(self, tokens: Tokens, text: str) -> list[Hit]:
        """Leftmost-longest matches over ``tokens`` (one pass, dictionary lookups only)."""
        hits: list[Hit] = []
        keys, starts, ends = tokens
        n = len(keys)
        max_len, trie = self.max_len, self.trie
        new = tuple.__new__  # Hit(...) without the NamedTuple constructor's Python call
        # only tokens that start some form are tried (found by one comprehension, not a Python loop
        # over every token); a match moves ``after`` past it, so starts inside it are skipped
        after = 0
        for i in [k for k, key in enumerate(keys) if key in max_len]:
            if i < after:
                continue
            # the forms ending at each length from here, from one walk down the trie
            found = []
            node = trie[keys[i]]
            j = i + 1
            while True:
                bucket = node.get(_END)
                if bucket is not None:
                    found.append((j, bucket))
                if j >= n or (node := node.get(keys[j])) is None:
                    break
                j += 1
            for j, cands in reversed(found):
                ok = [c for c in cands if not c[2] or _same_case(c[2], text[starts[i] : ends[j - 1]])]
                if ok:
                    hits.extend([new(Hit, (i, j, role, ref)) for role, ref, _ in ok])
                    after = j
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


_END = ""  # no token key is empty, so this trie key marks where forms end

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


#: libyaml's safe loader when PyYAML was built with it: the same data, parsed ~8x faster (the data
#: files are the largest part of the first document's cost)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER) or {}  # a safe loader either way


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load and index every data file once per process."""
    entries: dict[str, Entry] = {}
    for raw in _read("states.yaml")["states"]:
        entries[raw["id"]] = Entry(label="State", **raw)
    curated = {e.iso2 for e in entries.values() if e.iso2}
    claimed = {d for e in entries.values() for d in e.demonyms}
    for raw in iso_states():  # every other ISO 3166 state and territory
        if raw["iso2"] not in curated and raw["id"] not in entries:
            raw["demonyms"] = [d for d in raw["demonyms"] if d not in claimed]  # "Indian": India's
            entries[raw["id"]] = Entry(label="State", **{k: v for k, v in raw.items() if k != "capital"})
    extra = _read("demonyms.yaml")["demonyms"]
    for entry in entries.values():
        if entry.label == "State" and entry.iso2 in extra:
            entry.demonyms = [*entry.demonyms, *(d for d in extra[entry.iso2] if d not in entry.demonyms)]
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
