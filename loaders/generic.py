"""The generic pass: names without lists and relations from clause structure, over every sentence.

It runs after the gazetteer rules (``loaders.pipeline``), reads the mentions they made, adds the
names they missed and the relations the clause structure states, and gives each new entity a
node. A name the rules already have (same name or alias) keeps the rules' id.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from loaders.gazetteer import Gazetteer
from loaders.mentions import SPAN, Mention
from loaders.names import COARSE, Name, Registry, find_names
from loaders.relations import Discourse, relate
from loaders.text import sentences
from loaders.values import find_money

if TYPE_CHECKING:
    from loaders.pipeline import Extraction


def _key(name: str) -> str:
    s = re.sub(r"^the\s+", "", name.casefold().replace("’", "'"))
    s = re.sub(r"'s\b", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


def generic_pass(text: str, ex: Extraction, gaz: Gazetteer, is_title) -> None:
    known: dict[str, str] = {}
    for m in ex.nodes.values():
        for n in [m.name, *m.aliases]:
            known.setdefault(_key(n), m.id)
    for r in ex.resolved.values():
        for n in [r.name, *r.aliases]:
            known.setdefault(_key(n), r.id)
    reg, disc = Registry(), Discourse()
    pm = sorted(ex.mentions, key=SPAN)
    starts = [m.start for m in pm]
    found: dict[str, Name] = {}
    legacy: dict[str, list[tuple[int, int]]] = {}
    for r in ex.rels:
        legacy.setdefault(r.type, []).append(r.span)
    for s, e in sentences(text):
        if is_title(text, s, e):
            continue
        a, b = bisect_left(starts, s), bisect_left(starts, e)
        pms = [m for m in pm[a:b] if m.end <= e]
        names = find_names(text[s:e], s, gaz, reg, [(m.start, m.end) for m in pms])
        for n in names:
            n.id = known.get(_key(n.name), n.id)
            found.setdefault(n.id, n)
        inner = [m for m in pms if any(n.start <= m.start and m.end <= n.end for n in names)]
        items = [_from_mention(m) for m in pms if m not in inner] + names
        items.sort(key=SPAN)
        money = find_money(text[s:e], s) if re.search(r"[$€£¥₹]|\d\s*(?:million|billion)", text[s:e]) else []
        disc.legacy_agreement = _within(legacy.get("PARTY_TO", []), s, e)
        disc.legacy_exercise = _within(legacy.get("PARTICIPATES_IN", []), s, e)
        ex.rels.extend(relate(text, s, e, items, money, disc))
    for n in [*found.values(), *disc.created.values()]:
        if n.id in ex.nodes or n.id in known.values() or n.id.startswith("state:"):
            continue
        ex.nodes[n.id] = Mention(n.start, n.end, n.id, COARSE[n.subtype], n.subtype, n.name, list(n.aliases), {},
                                 parent=n.state)


def _within(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s <= a < e for a, _ in spans)


def _from_mention(m: Mention) -> Name:
    state = m.parent if m.parent and m.parent.startswith("state:") else None
    return Name(m.start, m.end, m.id, m.subtype, m.name, list(m.aliases), state if m.subtype != "State" else None)
