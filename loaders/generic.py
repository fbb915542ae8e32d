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
from loaders.names import COARSE, Name, Registry, find_names, name_key
from loaders.relations import Discourse, relate
from loaders.text import sentences
from loaders.values import find_money

if TYPE_CHECKING:
    from loaders.pipeline import Extraction


def generic_pass(text: str, ex: Extraction, gaz: Gazetteer, is_title) -> None:
    known: dict[str, str] = {}
    for m in ex.nodes.values():
        for alias in [m.name, *m.aliases]:
            known.setdefault(name_key(alias), m.id)
    for res in ex.resolved.values():
        for alias in [res.name, *res.aliases]:
            known.setdefault(name_key(alias), res.id)
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
            n.id = known.get(name_key(n.name), n.id)
            found.setdefault(n.id, n)
        inner = [m for m in pms if any(n.start <= m.start and m.end <= n.end for n in names)]
        items = [_from_mention(m) for m in pms if m not in inner] + names
        items.sort(key=SPAN)
        money = find_money(text[s:e], s) if re.search(r"[$€£¥₹]|\d\s*(?:million|billion)", text[s:e]) else []
        disc.legacy_agreement = _within(legacy.get("PARTY_TO", []), s, e)
        disc.legacy_exercise = _within(legacy.get("PARTICIPATES_IN", []), s, e)
        ex.rels.extend(relate(text, s, e, items, money, disc))
    _join_legacy(ex, disc)
    taken = set(known.values())
    for n in [*found.values(), *disc.created.values()]:
        if n.id in ex.nodes or n.id in taken or n.id.startswith("state:"):
            continue
        ex.nodes[n.id] = Mention(
            n.start, n.end, n.id, COARSE[n.subtype], n.subtype, n.name, list(n.aliases), {}, parent=n.state
        )


def _join_legacy(ex: Extraction, disc: Discourse) -> None:
    """An agreement or event the pass made that the rules already have (two states in common) is theirs."""
    ident = {pid: r.id for pid, r in ex.resolved.items()}
    sides: dict[str, set[str]] = {}
    for r in ex.rels:
        if r.type in ("PARTY_TO", "PARTICIPATES_IN") and r.source.startswith("state:"):
            sides.setdefault(ident.get(r.target, r.target), set()).add(r.source)
    mine = {k: v for k, v in sides.items() if k in disc.created}
    theirs = {k: v for k, v in sides.items() if k not in disc.created}
    remap: dict[str, str] = {}
    for k, states in mine.items():
        coarse = COARSE[disc.created[k].subtype]
        for other, their_states in theirs.items():
            same_kind = _label_of(ex, other) == coarse
            if same_kind and (len(states & their_states) >= 2 or (states and states <= their_states)):
                remap[k] = other
                break
    if not remap:
        return
    for k in remap:
        disc.created.pop(k, None)
    for r in ex.rels:
        r.source = remap.get(r.source, r.source)
        r.target = remap.get(r.target, r.target)


def _label_of(ex: Extraction, node_id: str) -> str | None:
    for r in ex.resolved.values():
        if r.id == node_id:
            return r.labels[0]
    m = ex.nodes.get(node_id)
    return m.coarse if m else None


def _within(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s <= a < e for a, _ in spans)


def _from_mention(m: Mention) -> Name:
    state = m.parent if m.parent and m.parent.startswith("state:") else None
    return Name(
        m.start, m.end, m.id, m.subtype, m.name, list(m.aliases), state if m.subtype != "State" else None
    )
