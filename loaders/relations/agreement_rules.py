"""Agreement rules: parties, approval, what an agreement provides for, agreements without a title."""

from __future__ import annotations

import re

from loaders.read.text import may_hold
from loaders.relations.frames import AGREED_TO, Discourse, Item
from loaders.relations.patterns import (
    APPROVE,
    BETWEEN,
    BY,
    POSS,
    PROVIDE_FOR,
    PUBLISH,
    SIGN,
    TERM_WORDS,
    TERMS,
    WITH,
)
from loaders.relations.rulekit import cue_spans, rel, subject
from loaders.relations.sentence import Rel, Sentence


def agreement_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """PARTY_TO, APPROVED, PROVIDES_FOR, PUBLISHED and agreement terms."""
    out: list[Rel] = []
    for agr in sent.of("agreement"):
        proto = disc.protos[agr.ref]
        parties: list[Item] = []
        nxt = sent.next_item(agr.end, ("actor",), BETWEEN, limit=60)
        if nxt:
            parties = sent.group_from(nxt)
        prev = sent.prev_item(agr.start, ("actor",), limit=4, stop=";,")
        if prev and POSS.match(sent.gap(prev.end, agr.start)):
            parties = [*sent.group_before(prev), *parties]
            with_ = sent.next_item(agr.end, ("actor",), WITH, limit=30)
            if with_:
                parties.append(with_)
        # "signed in Riyadh by the finance ministers of the two countries": skip the capital
        nxt = next(
            (
                i
                for i in sent.items
                if i.kind == "actor"
                and agr.end <= i.start <= agr.end + 90
                and BY.search(sent.gap(agr.end, i.start))
            ),
            None,
        )
        if nxt and SIGN.search(sent.gap(agr.end, nxt.start)):
            parties = sent.group_from(nxt)
        for cue_s, _ in cue_spans(SIGN, sent):
            if cue_s < agr.start and not parties:
                parties = subject(sent, cue_s, limit=40)
                with_ = sent.next_item(agr.end, ("actor",), WITH, limit=30)
                if parties and with_:
                    parties.append(with_)
        for p in parties:
            proto.parties.add(p.ref)
            out.append(rel(sent, "PARTY_TO", p.ref, agr.ref))
        for cue_s, _ in cue_spans(APPROVE, sent):
            if cue_s < agr.start and sent.gap(cue_s, agr.start).count(" ") <= 3:
                for a in subject(sent, cue_s, limit=30):
                    out.append(rel(sent, "APPROVED", a.ref, agr.ref))
        out.extend(_provides(sent, agr))
        for cue_s, cue_e in cue_spans(PUBLISH, sent):
            if cue_s > agr.end:
                pub = sent.next_item(cue_e, ("actor",), limit=70)
                if pub and pub.mention and pub.mention.subtype != "State":
                    out.append(rel(sent, "PUBLISHED", pub.ref, agr.ref))
    if sent.of("agreement") or _names_the_parties(sent.text):
        last = disc.last.get("agreement")
        text = sent.text
        if last and may_hold(text, TERM_WORDS):
            for pattern, term in TERMS:
                if pattern.search(text):
                    disc.protos[last].terms.add(term)
    return out


_THE_PARTIES = re.compile(r"\b(?:the parties|both sides|the two sides)\b", re.I)


def _names_the_parties(text: str) -> bool:
    """ "the parties", "both sides", "the two sides"."""
    return may_hold(text, ("parties", "sides")) and _THE_PARTIES.search(text) is not None


def _provides(sent: Sentence, agr: Item) -> list[Rel]:
    out = []
    for target in sent.items:
        if target.start <= agr.end or target.kind not in ("exercise", "facility", "site"):
            continue
        if target.kind == "site" and target.mention.subtype != "Facility":  # type: ignore[union-attr]
            continue
        gap = sent.gap(agr.end, target.start)
        if len(gap) < 90 and PROVIDE_FOR.search(gap) and ";" not in gap:
            out.append(rel(sent, "PROVIDES_FOR", agr.ref, target.ref, frequency=sent.frequency))
            break
    return out


def implicit_agreement(sent: Sentence, disc: Discourse) -> list[Rel]:
    """ "X and Y agreed to carry out exercises": an agreement described without a title."""
    out: list[Rel] = []
    if sent.of("agreement"):
        return out
    for m in AGREED_TO.finditer(sent.text):
        pos = m.start() + sent.start
        parties = subject(sent, pos, limit=20)
        if len(parties) < 2:
            continue
        proto = disc.new("agreement", surfaces=[], noun="agreement")
        agr = Item(pos, m.end() + sent.start, "agreement", proto.pid)
        for p in parties:
            proto.parties.add(p.ref)
            out.append(rel(sent, "PARTY_TO", p.ref, proto.pid))
        for target in sent.items:
            if target.start > agr.end and target.kind in ("exercise", "facility"):
                out.append(rel(sent, "PROVIDES_FOR", proto.pid, target.ref, frequency=sent.frequency))
                break
    return out
