"""Actor and site mentions in one sentence: gazetteer hits composed into institutions.

"Ministry of Internal Affairs of Tajikistan", "Tajikistan's Ministry of Internal Affairs",
"Tajik MVD" and "(Tajik) Ministry of Justice" all compose a kind with a state into one id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from loaders.names.gazetteer import Entry, Gazetteer, Hit
from loaders.read.text import Tokens

_LEAD_THE = re.compile(r"^(?i:the)\s+")
#: sort key of anything with a start and an end: (start, end), built in C
SPAN = attrgetter("start", "end")


@dataclass(slots=True)
class Mention:
    """A resolved reference to an actor or site at [start, end) of the document text."""

    start: int
    end: int
    id: str
    coarse: str
    subtype: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict = field(default_factory=dict)
    parent: str | None = None
    adjective: bool = False
    home: str | None = None


@dataclass
class DocContext:
    """What earlier sentences established: the state last used with each kind."""

    kind_state: dict[str, str] = field(default_factory=dict)
    states_seen: list[str] = field(default_factory=list)


def compose(hits: list[Hit], tokens: Tokens, text: str, gaz: Gazetteer, ctx: DocContext) -> list[Mention]:
    """Turn the gazetteer hits of one sentence into mentions (kinds joined with states)."""
    out: list[Mention] = []
    used: set[int] = set()
    primary = _primary(hits)
    for k, hit in enumerate(primary):
        if k in used or hit.role != "kind":
            continue
        kind = gaz.kinds[hit.ref]
        states: list[tuple[int, Hit]] = []
        before = _state_before(primary, k, tokens)
        if before is not None:
            states.append((before, primary[before]))
            for idx in _coordinated_before(primary, before, tokens):
                used.add(idx)
                st = primary[idx]
                out.append(
                    _body(kind, st.ref, tokens.starts[st.i], tokens.ends[st.j - 1], gaz, ctx, stated=True)
                )
        else:
            states.extend(_states_after(primary, k, tokens))
        start, end = tokens.starts[hit.i], tokens.ends[hit.j - 1]
        if not states:
            state_id = _bare_state(kind, text[start:end], ctx)
            if state_id is None:
                used.add(k)
                continue
            out.append(_body(kind, state_id, start, end, gaz, ctx, stated=False))
            used.add(k)
            continue
        used.add(k)
        for idx, st in states:
            used.add(idx)
            s_start, s_end = tokens.starts[st.i], tokens.ends[st.j - 1]
            if kind.state_alias:
                span = (min(start, s_start), max(end, s_end)) if idx == states[0][0] else (s_start, s_end)
                out.append(_state(gaz.entries[st.ref], *span, text))
            else:
                lo, hi = min(start, s_start), max(end, s_end) if idx == states[0][0] else end
                out.append(_body(kind, st.ref, lo, hi, gaz, ctx, stated=True, surface=text[lo:hi]))
                if idx != states[0][0]:
                    out.append(_state(gaz.entries[st.ref], s_start, s_end, text))
    for k, hit in enumerate(primary):
        if k in used:
            continue
        start, end = tokens.starts[hit.i], tokens.ends[hit.j - 1]
        entry = gaz.entries[hit.ref]
        if hit.role == "state":
            out.append(_state(entry, start, end, text))
        elif hit.role == "entity":
            out.append(_entity(entry, start, end, text, gaz, primary, k, tokens, used))
    for m in out:
        if m.subtype == "State":
            ctx.states_seen.append(m.id)
    out.sort(key=SPAN)
    return out


_RANK = {"entity": 0, "state": 1, "kind": 2}


def _primary(hits: list[Hit]) -> list[Hit]:
    """One hit per span: entities before states before kinds when a surface is ambiguous.

    ``hits`` are in the order Gazetteer.match gives: by start, the hits of one span together."""
    out: list[Hit] = []
    for h in hits:
        if out and out[-1].i == h.i and out[-1].j == h.j:
            if _RANK[h.role] < _RANK[out[-1].role]:
                out[-1] = h
        else:
            out.append(h)
    return out


def _state_before(primary: list[Hit], k: int, tokens: Tokens) -> int | None:
    if k == 0 or primary[k - 1].role != "state":
        return None
    prev, cur = primary[k - 1], primary[k]
    between = tokens.keys[prev.j : cur.i]
    if between in ([], ["'", "s"], [")"], ["'"]):
        return k - 1
    return None


def _coordinated_before(primary: list[Hit], k: int, tokens: Tokens) -> list[int]:
    """States coordinated before the state at ``k`` ("Turkish and [Azerbaijani] troops")."""
    out: list[int] = []
    cur = k
    while cur > 0 and primary[cur - 1].role == "state":
        between = tokens.keys[primary[cur - 1].j : primary[cur].i]
        if between not in (["and"], [","], [",", "and"]):
            break
        cur -= 1
        out.append(cur)
    return out


def _states_after(primary: list[Hit], k: int, tokens: Tokens) -> list[tuple[int, Hit]]:
    found: list[tuple[int, Hit]] = []
    pos = primary[k].j
    for idx in range(k + 1, min(k + 4, len(primary))):
        h = primary[idx]
        between = tokens.keys[pos : h.i]
        ok = (["of"], ["of", "the"], ["in"]) if not found else (["and"], [","], [",", "and"])
        if h.role != "state" or between not in ok:
            break
        if found and h.j < len(tokens.keys) and tokens.keys[h.j] == "'":
            break  # "X of Uzbekistan and China's Y": China owns what follows, not X
        found.append((idx, h))
        pos = h.j
    return found


def _bare_state(kind, surface: str, ctx: DocContext) -> str | None:
    if not (surface[:1].isupper() and (" " in surface or surface.isupper())):
        return None
    return ctx.kind_state.get(kind.key) or kind.default_state


def _state(entry: Entry, start: int, end: int, text: str) -> Mention:
    surface = text[start:end]
    props = dict(entry.state_props)
    return Mention(
        start,
        end,
        entry.id,
        "Actor",
        "State",
        entry.name,
        list(entry.aliases),
        props,
        adjective=surface in entry.demonyms,
    )


def _body(
    kind,
    state_id: str,
    start: int,
    end: int,
    gaz: Gazetteer,
    ctx: DocContext,
    *,
    stated: bool,
    surface: str = "",
) -> Mention:
    state = gaz.entries[state_id]
    ctx.kind_state[kind.key] = state_id
    body_id = f"{kind.prefix}:{(state.iso2 or state.id.split(':')[1]).lower()}-{kind.key}"
    entry = gaz.entries.get(body_id)
    name = entry.name if entry else f"{kind.name} of {state.name}"
    aliases = list(entry.aliases) if entry else []
    label = entry.label if entry else kind.label
    adj = state.demonyms[0] if state.demonyms else state.name
    aliases += [f"{adj} {kind.name}", f"{state.name}'s {kind.name}", kind.name]
    surface = " ".join(surface.replace("’", "'").split())
    if surface and any(c.isupper() for c in surface) and len(surface) <= 80:
        aliases.append(_LEAD_THE.sub("", surface))
    return Mention(
        start, end, body_id, "Actor", label, name, aliases, parent=state_id if stated else None, home=state_id
    )


def _entity(
    entry: Entry,
    start: int,
    end: int,
    text: str,
    gaz: Gazetteer,
    primary: list[Hit],
    k: int,
    tokens: Tokens,
    used: set[int],
) -> Mention:
    coarse = entry.coarse
    props = dict(entry.point)
    parent = None
    if entry.state:
        before = _state_before(primary, k, tokens)
        if before is not None and primary[before].ref == entry.state:
            used.add(before)
            start = tokens.starts[primary[before].i]
            parent = entry.state
        elif _names_state(text[start:end], gaz.entries[entry.state].folded_names):
            parent = entry.state
    return Mention(
        start,
        end,
        entry.id,
        coarse,
        entry.label,
        entry.name,
        list(entry.aliases),
        props,
        parent=parent,
        home=entry.state,
    )


@lru_cache(maxsize=8192)  # the same surfaces recur in every document; bounded
def _names_state(surface: str, state_names: tuple[str, ...]) -> bool:
    """Whether ``surface`` holds the state's name or a demonym (``state_names``, case-folded)."""
    low = surface.casefold()
    return any(f in low for f in state_names)
