"""Rules for money, construction, operation, supplies, training and newly created bodies."""

from __future__ import annotations

import re

from loaders.read.text import may_hold
from loaders.relations.frames import Discourse
from loaders.relations.patterns import AS_PART, BUILD, COST, FUND, OPERATE, SUPPLY_IN, SUPPLY_OUT, TRAIN
from loaders.relations.rulekit import cue_spans, rel, subject
from loaders.relations.sentence import Rel, Sentence

_TO = re.compile(r"\bto\s+(?:the\s+)?$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_BYP = re.compile(r"^\s*by\s+(?:the\s+)?$", re.I)
_FOR_ACTOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
_ARTICLE = re.compile(r"^(?:an?|the|some|its|their|new)\s+", re.I)
_AS_PART_WORDS = ("part of", "under", "accordance", "framework", "pursuant")
_STRONG_FUND = re.compile(r"fund|financ|allocat", re.I)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")
_LEASE = re.compile(r"lease|rent", re.I)
_CREATE_VERB = re.compile(r"\b(?:creat|establish|set up|form)")


def _money_props(sent: Sentence) -> dict:
    if not sent.money:
        return {}
    first = sent.money[0]
    props: dict = {"amount": first.amount, "currency": first.currency}
    others = [m.label() for m in sent.money[1:] if m.currency != first.currency]
    if others:
        props["amount_equivalents"] = others
    return props


def funding_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """FUNDS from "X provided <money> for <site>", "X will fund ...", "as part of <agreement>"."""
    out: list[Rel] = []
    text = sent.text
    if not (sent.money or "moneyish" in sent.cues):
        return out
    for cue_s, cue_e in cue_spans(FUND, sent):
        funders = subject(sent, cue_s, limit=60)
        target = _next_target(sent, cue_e)
        passive = _passive_funder(sent, cue_s, cue_e)
        if passive is not None and (back := _prev_target(sent, cue_s)) is not None:
            # "a border post ..., funded by a grant from China", "a centre, built with EU funds"
            funders, target = [passive], back
        strong = _STRONG_FUND.match(sent.doc[cue_s:cue_e]) is not None
        if target is None and (sent.money or strong) and funders:
            target = sent.next_item(cue_e, ("actor",), _FOR_ACTOR, limit=110)
            # "agreed to give Pakistan a grant of 300 million dollars": the recipient right after the verb
            target = target or sent.next_item(cue_e, ("actor",), _DATIVE, limit=6)
        if target is None or not funders:
            continue
        money = _money_props(sent)
        for f in funders:
            out.append(rel(sent, "FUNDS", f.ref, target.ref, **money))
        for agr in sent.of("agreement"):
            lead = sent.gap(sent.start, agr.start)[-40:]
            if may_hold(lead, _AS_PART_WORDS) and AS_PART.search(lead):
                out.append(rel(sent, "FUNDS", agr.ref, target.ref, **money))
        break
    if sent.money and COST.search(text):
        for fac in sent.of("facility"):
            disc.protos[fac.ref].cost = (sent.money[0].amount, sent.money[0].currency)
    return out


_DATIVE = re.compile(r"^\s+(?:the\s+)?$")
_NEAR_GAP = re.compile(r"^[\s\w-]{0,25}$")
_FOR_OF = re.compile(r"\b(?:for|of)\s+(?:the\s+)?$")
_TRAILING_TO = re.compile(r"\s+(?:to|from)(?:\s+the)?$", re.I)
_BY_FROM = re.compile(r"^\s*(?:by|from)\s+(?:(?:the|an?)\s+)?(?:[\w-]+\s+(?:from|of)\s+(?:the\s+)?)?$", re.I)


def _is_target(it) -> bool:
    if it.kind in ("facility", "exercise"):
        return True
    return it.kind == "site" and it.mention is not None and it.mention.subtype == "Facility"


def _next_target(sent: Sentence, pos: int):
    for it in sent.items:
        if it.start >= pos and _is_target(it):
            return it if it.start - pos <= 160 else None
    return None


def _prev_target(sent: Sentence, pos: int):
    before = [it for it in sent.items if it.end <= pos and _is_target(it)]
    return before[-1] if before and pos - before[-1].end <= 150 else None


def _passive_funder(sent: Sentence, cue_s: int, cue_e: int):
    """The funder after a passive cue ("funded by X", "a grant from X") or before "funds" ("with X funds")."""
    nxt = sent.next_item(cue_e, ("actor",), _BY_FROM, limit=40)
    if nxt is not None:
        return nxt
    prev = sent.prev_item(cue_s, ("actor",), limit=3)
    if prev is not None and _WITH_BEFORE.search(sent.doc[max(sent.start, prev.start - 9) : prev.start]):
        return prev
    return None


def build_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """BUILDS ("China is building a base") and OPERATES ("Russia operates the base")."""
    out: list[Rel] = []
    for pattern, typ in ((BUILD, "BUILDS"), (OPERATE, "OPERATES")):
        for cue_s, cue_e in cue_spans(pattern, sent):
            target = sent.next_item(cue_e, ("facility", "site"), None, limit=40)
            if target is None or (target.kind == "site" and target.mention.subtype != "Facility"):  # type: ignore[union-attr]
                by = sent.next_item(cue_e, ("actor",), _BYP, limit=10)
                prev = _prev_facility(sent, cue_s, limit=100)
                if by and prev:
                    out.append(rel(sent, typ, by.ref, prev.ref))
                continue
            actors = subject(sent, cue_s, limit=70)
            if typ == "OPERATES" and _LEASE.match(sent.doc[cue_s:cue_e]):
                lessee = sent.next_item(target.end, ("actor",), _TO, limit=20)
                actors = [lessee] if lessee else actors
            for a in actors:
                if a.mention and a.mention.subtype in {
                    "State",
                    "GovernmentBody",
                    "SecurityForce",
                    "Organization",
                }:
                    out.append(rel(sent, typ, a.ref, target.ref))
                    if typ == "OPERATES" and target.kind == "facility":
                        disc.protos[target.ref].operators.add(a.ref)
    return out


def _prev_facility(sent: Sentence, pos: int, limit: int):
    """The nearest facility before ``pos`` ("The Kant air base, east of Bishkek, is operated by")."""
    best = None
    for it in sent.items:
        site = it.kind == "site" and it.mention is not None and it.mention.subtype == "Facility"
        if it.end <= pos and (it.kind == "facility" or site):
            best = it
    if best is None or pos - best.end > limit or ";" in sent.gap(best.end, pos):
        return None
    return best


def supply_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """SUPPLIES with the item: "X delivered N rifles to Y", "Y bought frigates from X"."""
    out: list[Rel] = []
    for cue_s, cue_e in cue_spans(SUPPLY_OUT, sent):
        givers = subject(sent, cue_s, limit=60)
        rec = sent.next_item(cue_e, ("actor",), _TO, limit=140)
        by = sent.next_item(rec.end if rec else cue_e, ("actor",), _BYP, limit=10)
        if by is not None:
            givers = [by]
            if rec is None:
                agents = [a for a in sent.agents() if a.end <= cue_s]
                rec = agents[0] if agents else None
            if rec is not None and rec.ref != by.ref:
                out.append(rel(sent, "SUPPLIES", by.ref, rec.ref, item=_item(sent.doc[cue_e : rec.start])))
            break
        if not givers or rec is None:
            continue
        item = _item(sent.doc[cue_e : rec.start])
        if not item or (sent.money and all(m.start >= cue_e and m.end <= rec.start for m in sent.money[:1])):
            continue
        for g in givers:
            if g.ref != rec.ref:
                out.append(rel(sent, "SUPPLIES", g.ref, rec.ref, item=item))
        break
    for cue_s, cue_e in cue_spans(SUPPLY_IN, sent):
        buyers = subject(sent, cue_s, limit=60)
        src = sent.next_item(cue_e, ("actor",), _FROM, limit=140)
        if not buyers or src is None:
            continue
        item = _item(sent.doc[cue_e : src.start])
        for b in buyers:
            if b.ref != src.ref:
                out.append(rel(sent, "SUPPLIES", src.ref, b.ref, item=item))
        break
    return out


def _item(span: str) -> str:
    span = _TRAILING_TO.sub("", span.strip())
    span = _ARTICLE.sub("", span.strip(" ,")).strip()
    return span if 0 < len(span) <= 80 and "," not in span[:3] else ""


def training_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """TRAINS: "X trains Y", "Y trained by X", "training for Y provided by X"."""
    out: list[Rel] = []
    for cue_s, cue_e in cue_spans(TRAIN, sent):
        trainers = subject(sent, cue_s, limit=60)
        by = sent.next_item(cue_e, ("actor",), _BYP, limit=10)
        if by is not None:
            trainees = trainers
            trainers = [by]
        else:
            obj = sent.next_item(cue_e, ("actor",), _NEAR_GAP, limit=30)
            if obj is None:
                obj = sent.next_item(cue_e, ("actor",), _FOR_OF, 60)
            trainees = sent.group_from(obj) if obj else []
        for t in trainers:
            for s in trainees:
                if t.ref != s.ref:
                    out.append(rel(sent, "TRAINS", t.ref, s.ref))
        if out:
            break
    return out


def establish_rules(sent: Sentence, disc: Discourse, created: list) -> list[Rel]:
    """ESTABLISHES: a body "is being created" under the current agreement, or by its subject."""
    out: list[Rel] = []
    for item in created:
        subj = subject(sent, item.start, limit=50)
        if subj and _CREATE_VERB.search(sent.doc[subj[-1].end : item.start]):
            out.extend(rel(sent, "ESTABLISHES", s.ref, item.ref) for s in subj)
        elif "agreement" in disc.last:
            out.append(rel(sent, "ESTABLISHES", disc.last["agreement"], item.ref))
    return out
