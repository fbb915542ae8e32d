"""Parties of an agreement the sentence does not name, from the pair of states in focus.

Reporting names the two sides once and then speaks of "the contract", "the deal", "the agreement
was signed during the visit": ANNOTATION.md asks for the parties of such an agreement all the same.
After every rule has run, an agreement left with fewer than two states among its parties takes
the pair the text was last about: the nearest sentence, at or before the agreement's first
mention, that names exactly two states (a ministry, force or official counts for its state). A
party already found must belong to that pair, so a pair never overrides what the sentence said.
Where an agreement between that very pair is already known, an unnamed one is that agreement
("the deal" after "the Australia–Nauru treaty") and joins it; a named one keeps its own node.
The evidence runs from the sentence naming the pair to the one naming the agreement when they are
close, else it is the agreement's own sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from loaders.relations.sentence import Rel

if TYPE_CHECKING:
    from loaders.pipeline import Extraction

RULE = "agreement.focus_pair"
#: how far back (in sentences) the pair may have been named, and how long a quote may grow
LOOKBACK = 6
MAX_QUOTE = 700


def focus_pair_parties(ex: Extraction, bounds: list[tuple[int, int]]) -> None:
    ident = {pid: r.id for pid, r in ex.resolved.items()}

    def final(ref: str) -> str:
        return ident.get(ref, ref)

    agreements = {r.id for r in ex.resolved.values() if r.labels and r.labels[0] == "Agreement"}
    agreements |= {m.id for m in ex.nodes.values() if m.coarse == "Agreement"}
    if not agreements:
        return
    firsts = [a for a, _ in bounds]
    pairs = _pairs_by_sentence(ex, firsts)
    owner = _owner_states(ex, final)
    first_at: dict[str, int] = {}
    parties: dict[str, set[str]] = {a: set() for a in agreements}
    signers: dict[str, set[str]] = {a: set() for a in agreements}
    for r in ex.rels:
        for end in (r.source, r.target):
            if final(end) in agreements:
                first_at[final(end)] = min(first_at.get(final(end), r.span[0]), r.span[0])
        if r.type == "PARTY_TO" and final(r.target) in agreements:
            src = final(r.source)
            signers[final(r.target)].add(src)
            state = src if src.startswith("state:") else owner.get(src)
            if state:
                parties[final(r.target)].add(state)
    for m in ex.nodes.values():
        if m.id in agreements:
            first_at[m.id] = min(first_at.get(m.id, m.start), m.start)
    for at, pid in ex.agreement_starts:  # an agreement no relation names yet
        if final(pid) in agreements:
            first_at[final(pid)] = min(first_at.get(final(pid), at), at)
    known: dict[frozenset[str], str] = {}
    for agr, _ in sorted(first_at.items(), key=lambda kv: kv[1]):
        if len(parties[agr]) == 2:
            known.setdefault(frozenset(parties[agr]), agr)
    remap: dict[str, str] = {}
    for agr, at in sorted(first_at.items(), key=lambda kv: kv[1]):
        have = parties[agr]
        if len(have) >= 2 or len(signers[agr]) >= 2:
            continue
        k = bisect_right(firsts, at) - 1
        for j in range(k, max(-1, k - LOOKBACK - 1), -1):
            pair = pairs.get(j)
            if pair is None:
                continue
            if have <= pair:
                same = known.get(frozenset(pair))
                if same is not None and same != agr and not _named(ex, agr):
                    remap[agr] = same
                else:
                    s = bounds[j][0] if bounds[k][1] - bounds[j][0] <= MAX_QUOTE else bounds[k][0]
                    span = (s, bounds[k][1])
                    new = sorted(pair - have)
                    ex.rels.extend(Rel("PARTY_TO", st, agr, span, {"rule": RULE}) for st in new)
                    known.setdefault(frozenset(pair), agr)
            break
    _join(ex, remap, final)
    _bilateral(ex, final, owner)


def _bilateral(ex: Extraction, final, owner: dict[str, str]) -> None:
    """The two states party to a bilateral agreement, or the only two in an exercise, cooperate
    (ANNOTATION.md's implied relation), quoted from the sentences that make them parties."""
    exercises = {r.id for r in ex.resolved.values() if r.labels[-1:] == ["Exercise"]}
    exercises |= {m.id for m in ex.nodes.values() if m.subtype == "Exercise"}
    spans: dict[str, dict[str, tuple[int, int]]] = {}
    for r in ex.rels:
        if r.type != "PARTY_TO" and not (r.type == "PARTICIPATES_IN" and final(r.target) in exercises):
            continue
        src = final(r.source)
        state = src if src.startswith("state:") else owner.get(src)
        if state:
            spans.setdefault(final(r.target), {}).setdefault(state, r.span)
    for by_state in spans.values():
        if len(by_state) != 2:
            continue
        (a, sa), (b, sb) = sorted(by_state.items())
        span = (min(sa[0], sb[0]), max(sa[1], sb[1]))
        if span[1] - span[0] <= MAX_QUOTE:
            ex.rels.append(Rel("COOPERATES_WITH", a, b, span, {"rule": "agreement.bilateral"}))


def _named(ex: Extraction, agr: str) -> bool:
    """Whether the agreement has a proper name ("Strategic Defense Agreement"), not only a noun."""
    if agr.startswith("agreement:"):  # the rules' own name from its parties and noun ("Nauru pact")
        return False
    names = [r.name for r in ex.resolved.values() if r.id == agr]
    names += [ex.nodes[agr].name] if agr in ex.nodes else []
    return any(n[:1].isupper() for n in names)


def _join(ex: Extraction, remap: dict[str, str], final) -> None:
    """Point every relation of a joined agreement at the one it is, and drop its own node."""
    if not remap:
        return
    for r in ex.rels:
        r.source = remap.get(final(r.source), r.source)
        r.target = remap.get(final(r.target), r.target)
    into = {r.id: r for r in ex.resolved.values() if r.id in remap.values()}
    for res in ex.resolved.values():
        if res.id in remap:
            target = into.get(remap[res.id])
            res.id = remap[res.id]
            if target is not None:  # the node keeps the name and labels of the one it joined
                res.name, res.labels, res.aliases = target.name, target.labels, target.aliases
    for gone in remap:
        ex.nodes.pop(gone, None)


def _pairs_by_sentence(ex: Extraction, firsts: list[int]) -> dict[int, set[str]]:
    """Sentence index → the two states it names, for sentences naming exactly two."""
    named: dict[int, set[str]] = {}
    for m in ex.mentions:
        state = m.id if m.subtype == "State" else m.parent
        if state and state.startswith("state:"):
            named.setdefault(bisect_right(firsts, m.start) - 1, set()).add(state)
    return {i: states for i, states in named.items() if len(states) == 2}


def _owner_states(ex: Extraction, final) -> dict[str, str]:
    """A body's, force's or person's state, from the PART_OF relations to a state."""
    owner: dict[str, str] = {}
    for r in ex.rels:
        if r.type == "PART_OF" and final(r.target).startswith("state:"):
            owner.setdefault(final(r.source), final(r.target))
    for m in ex.nodes.values():
        if m.parent and m.parent.startswith("state:"):
            owner.setdefault(m.id, m.parent)
    return owner
