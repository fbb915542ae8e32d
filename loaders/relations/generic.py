"""The generic pass: names without lists and relations from clause structure, over every sentence.

It runs after the gazetteer rules (``loaders.pipeline``), reads the mentions they made, adds the
names they missed and the relations the clause structure states, and gives each new entity a
node. A name the rules already have (same name or alias) keeps the rules' id.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from loaders.names import COARSE, Name, Registry, find_names, name_key, only_states
from loaders.names.gazetteer import Gazetteer
from loaders.names.mentions import SPAN, Mention
from loaders.names.reference import capitals, settlements
from loaders.names.values import find_money
from loaders.read.text import sentences, slug
from loaders.relations import Discourse, relate
from loaders.relations.sentence import Rel

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
    facilities = [(a, b, _resolved_id(ex, ref)) for a, b, ref in ex.facility_spans]
    exercises = [(a, b, ref) for a, b, ref in ex.exercise_spans if ref in ex.resolved]
    pm = sorted(ex.mentions, key=SPAN)
    starts = [m.start for m in pm]
    found: dict[str, Name] = {}
    legacy: dict[str, list[int]] = {}  # where each type's relations start, sorted
    for r in ex.rels:
        legacy.setdefault(r.type, []).append(r.span[0])
    for spans in legacy.values():
        spans.sort()
    for s, e in sentences(text):
        if is_title(text, s, e):
            continue
        a, b = bisect_left(starts, s), bisect_left(starts, e)
        pms = [m for m in pm[a:b] if m.end <= e]
        names = find_names(text[s:e], s, gaz, reg, [(m.start, m.end) for m in pms])
        for n in names:
            n.id = known.get(name_key(n.name), n.id)
            if n.subtype == "Facility":  # the facility the rules read in the same words is this one
                same = next((fid for a, b, fid in facilities if a < n.end and n.start < b), None)
                if same is not None:
                    n.id = same
                    for node in ex.resolved.values():
                        if node.id == same and n.name != node.name and n.name not in node.aliases:
                            node.aliases.append(n.name)
            if n.subtype == "Exercise":  # "Resolute Sentinel military exercises": the rules' exercise
                _name_exercise(ex, n, exercises, gaz)
            found.setdefault(n.id, n)
        inner = [m for m in pms if any(n.start <= m.start and m.end <= n.end for n in names)]
        for n in names:  # "the 2014 U.S.-Japan-ROK Trilateral Information Sharing Arrangement"
            if n.subtype == "Agreement":
                joined = {
                    m.id for m in inner if m.subtype == "State" and n.start <= m.start and m.end <= n.end
                }
                if len(joined) >= 2:
                    ex.rels.extend(
                        Rel("PARTY_TO", st, n.id, (s, e), {"rule": "agreement.name_parties"})
                        for st in sorted(joined)
                    )
        items = [_city_or_state(m, text, reg) for m in pms if m not in inner] + names
        for it in items:
            if it.subtype == "Settlement" and it.id.startswith("city:"):
                found.setdefault(it.id, it)
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
    _merge_people(ex)


def _name_exercise(ex: Extraction, n: Name, exercises: list[tuple[int, int, str]], gaz: Gazetteer) -> None:
    """The exercise the rules read in the same words, unnamed ("joint exercises"), takes the name,
    unless the name says only whose it is ("Tajik-China exercises")."""
    if only_states(n.name, gaz):
        return
    for a, b, ref in exercises:
        res = ex.resolved[ref]
        if a < n.end + 40 and n.start < b and res.id.startswith("event:exercise-"):
            old = res.id
            for other in ex.resolved.values():
                if other.id == old:
                    other.id, other.name = n.id, n.name
            return


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-.]+", name.casefold()) if w]


def _merge_people(ex: Extraction) -> None:
    """One person named in full and in part ("Joseph R. Biden Jr." and "Biden", "Qi Zhenhong" and
    "Qi") is one node: a shorter name whose words all occur in one longer name joins it."""
    people = sorted((m for m in ex.nodes.values() if m.subtype == "Person"), key=lambda m: -len(m.name))
    remap: dict[str, str] = {}
    for i, short in enumerate(people):
        words = set(_words(short.name))
        hosts = [p for p in people[:i] if p.id not in remap and words < set(_words(p.name))]
        if len({p.id for p in hosts}) != 1:  # unknown, or shared by two people: keep apart
            continue
        host = hosts[0]
        remap[short.id] = host.id
        host.aliases = sorted(set(host.aliases) | {short.name, *short.aliases} - {host.name})
        for k, v in short.props.items():
            host.props.setdefault(k, v)
    for k in remap:
        ex.nodes.pop(k, None)
    _redirect(ex, remap)


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
    for k in remap:
        disc.created.pop(k, None)
    _redirect(ex, remap)


def _redirect(ex: Extraction, remap: dict[str, str]) -> None:
    """Point every relation at the node each joined id became."""
    if remap:
        for r in ex.rels:
            r.source = remap.get(r.source, r.source)
            r.target = remap.get(r.target, r.target)


def _resolved_id(ex: Extraction, ref: str) -> str:
    found = ex.resolved.get(ref)
    return found.id if found is not None else ref


def _label_of(ex: Extraction, node_id: str) -> str | None:
    for r in ex.resolved.values():
        if r.id == node_id:
            return r.labels[0]
    m = ex.nodes.get(node_id)
    return m.coarse if m else None


def _within(starts: list[int], s: int, e: int) -> bool:
    """Whether a relation starts in [s, e): a bisect, so the pass stays linear in the text."""
    k = bisect_left(starts, s)
    return k < len(starts) and starts[k] < e


_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|to|near|outside|into|visited|visiting)\s+)$", re.I)


def _city_or_state(m: Mention, text: str, reg: Registry) -> Name:
    """A capital the rules read as its state ("Moscow" for Russia) is the city where the text puts
    something in it ("talks in Moscow", "a visit to Paris"), and the state elsewhere."""
    if m.subtype == "State":
        surface = text[m.start : m.end]
        iso = str(m.props.get("iso2") or "").upper()
        # a city in that very state: "Armenia" (a Colombian city) after "to" is still the state Armenia
        known = settlements().get(surface)
        in_state = surface in capitals() or (known is not None and (not iso or known["countrycode"] == iso))
        if in_state and _PLACE_BEFORE.search(text, max(0, m.start - 12), m.start):
            city = Name(m.start, m.end, f"city:{slug(surface)}", "Settlement", surface, [], m.id)
            return reg.add(city)
    return _from_mention(m)


def _from_mention(m: Mention) -> Name:
    state = m.parent if m.parent and m.parent.startswith("state:") else None
    return Name(
        m.start, m.end, m.id, m.subtype, m.name, list(m.aliases), state if m.subtype != "State" else None
    )
