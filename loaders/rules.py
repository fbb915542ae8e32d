"""Cue-word relation rules over one sentence. Each rule reads item order and the gaps between."""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.frames import Discourse, Item
from loaders.sentence import Rel, Sentence

_I = re.IGNORECASE
BETWEEN = re.compile(r"^[\w\s-]{0,40}?\bbetween\s+(?:the\s+)?(?:governments?\s+of\s+)?$", _I)
WITH = re.compile(r"^[\w\s-]{0,25}?\bwith\s+(?:the\s+)?$", _I)
BY = re.compile(r"^[\w\s,-]{0,30}?\bby\s+(?:the\s+)?(?:governments?\s+of\s+)?$", _I)
POSS = re.compile(r"^(?:['’]s)?\s*$")
ADJ = re.compile(r"^\s*[-–—/]?\s*$")
FOR = re.compile(r"^\s+for\s+(?:the\s+)?$", _I)
IN = re.compile(
    r"^\s*,?\s*(?:(?:is |are |was |were )?(?:located|situated|based|stationed)\s+)?"
    r"(?:in|at|on)\s+(?:the\s+)?$",
    _I,
)
OF = re.compile(r"^\s+of\s+(?:the\s+)?$", _I)
SIGN = re.compile(r"\b(?:sign(?:ed|s|ing)?|conclud(?:ed|es|e)|ink(?:ed|s)?|agreed|reached)\b", _I)
APPROVE = re.compile(
    r"\b(?:approv(?:ed|es|e|al)|ratif(?:ied|ies|y|ication)|endors(?:ed|es|e)|"
    r"adopted|passed)\b",
    _I,
)
PROVIDE_FOR = re.compile(
    r"\b(?:calls? for|call(?:ed|ing) for|provides? for|provided for|envisag\w+|"
    r"stipulat\w+|foresees?|covers?|extend\w*|on the (?:use|lease|presence)|allows?(?: for)?|"
    r"to (?:carry out|conduct|"
    r"hold|build|construct|establish|lease|deploy)|on (?:joint|the|conducting|"
    r"holding|building)|for (?:joint|holding))\b",
    _I,
)
FUND = re.compile(
    r"\b(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|grant(?:s|ed)?|allocat(?:e|es|ed|ing)|"
    r"provid(?:e|es|ed|ing)|paid|pay(?:s|ing)?|donat(?:e|es|ed)|invest(?:s|ed|ing)?|"
    r"gave|give|gives)\b",
    _I,
)
MONEYISH = re.compile(r"\b(?:grant|fund|financ|assistance|aid|loan|credit)", _I)
BUILD = re.compile(
    r"\b(?:build(?:s|ing)?|built|construct(?:s|ed|ing)?|erect(?:s|ed|ing)?|"
    r"upgrad(?:e|es|ed|ing)|renovat(?:e|es|ed|ing)|refurbish(?:ed|es|ing)?)\b",
    _I,
)
OPERATE = re.compile(
    r"\b(?:operat(?:e|es|ed|ing)|runs?|running|station(?:s|ed)?|deploy(?:s|ed)?|"
    r"maintain(?:s|ed)?|establish(?:ed|es)?|set up|open(?:ed|s)?|us(?:e|es|ed|ing)|"
    r"lease[sd]?|leasing|rent(?:s|ed)?|control(?:s|led)?|garrison(?:ed|s)?)\b",
    _I,
)
AS_PART = re.compile(
    r"\b(?:as part of|under|in accordance with|within the framework of|pursuant to)"
    r"\s+(?:the\s+)?$",
    _I,
)
SUPPLY_OUT = re.compile(
    r"\b(?:deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|hand(?:ed|s)? over|"
    r"donat(?:e|es|ed|ing)|transferr?(?:ed|s|ing)?|sold|sells?|selling|"
    r"export(?:s|ed|ing)?|provid(?:e|es|ed|ing)|gave|gives?|gift(?:ed|s)?)\b",
    _I,
)
SUPPLY_IN = re.compile(
    r"\b(?:purchas(?:e|ed|es|ing)|bought|buys?|buying|acquir(?:e|ed|es|ing)|"
    r"order(?:ed|s)?|receiv(?:e|ed|es|ing)|took delivery)\b",
    _I,
)
TRAIN = re.compile(
    r"\b(?:train(?:s|ed|ing)?|instruct(?:s|ed|ing)?|advis(?:e|es|ed|ing)|"
    r"mentor(?:s|ed|ing)?)\b",
    _I,
)
COOP = re.compile(
    r"\b(?:partnership|cooperation|co-operation|cooperat(?:e|es|ed|ing)|"
    r"collaborat\w*|alliance|allies|ties)\b",
    _I,
)
PUBLISH = re.compile(r"\b(?:publish(?:ed|es)?|released|issued|posted)\b", _I)
COST = re.compile(r"\b(?:cost|worth|valued at|price|budget)\b", _I)
TERMS = [
    (re.compile(r"\b(?:secrecy|confidential\w*|classified|not disclose)\b", _I), "secrecy"),
    (re.compile(r"\b(?:rent-free|free of charge|without payment|no rent)\b", _I), "rent-free"),
    (re.compile(r"\bimmunit\w+\b", _I), "immunity"),
    (re.compile(r"\bautomatic(?:ally)? (?:renew|extend|prolong)\w*\b", _I), "automatic renewal"),
    (re.compile(r"\bexclusive\w*\b", _I), "exclusive use"),
]
EX_VERB = re.compile(
    r"\b(?:carr(?:y|ied|ies|ying) out|conduct\w*|hold(?:s|ing)?|held|stag(?:e|ed|es|ing)|"
    r"t(?:ake|ook|aking) part|participat\w*|join\w*|launch\w*|organi[sz]\w*|host\w*)\b",
    _I,
)
_TOOK_PART = re.compile(
    r"\b(?:t(?:ake|ook|aking) part|participat(?:ed|es|e|ing)|joined the (?:drills|exercises?))\b", _I
)
EXERCISE_ACTORS = frozenset({"State", "SecurityForce", "GovernmentBody", "Organization"})


def _rel(sent: Sentence, typ: str, src: str, tgt: str, **extra) -> Rel:
    props = sent.props()
    props.update({k: v for k, v in extra.items() if v not in (None, [], "")})
    return Rel(typ, src, tgt, (sent.start, sent.end), props)


_CUE_CACHE: dict[re.Pattern[str], tuple[str, list[int], list[tuple[int, int]]]] = {}


def _cues(pattern: re.Pattern[str], sent: Sentence) -> list[tuple[int, int]]:
    """Cue spans in the sentence; each pattern scans a document once, not once per sentence."""
    cached = _CUE_CACHE.get(pattern)
    if cached is None or cached[0] is not sent.doc:
        spans = [m.span() for m in pattern.finditer(sent.doc)]
        cached = (sent.doc, [a for a, _ in spans], spans)
        _CUE_CACHE[pattern] = cached
    _, starts, spans = cached
    lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
    return [sp for sp in spans[lo:hi] if sp[1] <= sent.end]


_APPOSITION = re.compile(r"^,\s+(?:the|a|an)\s+[\w\s'’-]{0,50}$")


def _subject(sent: Sentence, pos: int, limit: int = 110) -> list[Item]:
    """The actor group acting at ``pos``: nearest actors before, not objects of for/of/in."""
    it = sent.prev_item(pos, ("actor",), limit=limit)
    if it is None or it.mention is None:
        return []
    if sent.doc[it.end : pos].lstrip().startswith(","):
        # "X, the lower house of Y's parliament, ratified": the head before the apposition acts
        head = sent.prev_item(it.start, ("actor",), limit=60)
        if head is not None and _APPOSITION.match(sent.gap(head.end, it.start)):
            it = head
    before = sent.doc[max(sent.start, it.start - 5) : it.start].lower()
    if re.search(r"\b(?:for|of|in|to|on|by|from|with|at)\s+(?:the\s+)?\(?$", before):
        return []
    return sent.group_before(it)


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
        nxt = sent.next_item(agr.end, ("actor",), BY, limit=50)
        if nxt and SIGN.search(sent.gap(agr.end, nxt.start)):
            parties = sent.group_from(nxt)
        for cue_s, _ in _cues(SIGN, sent):
            if cue_s < agr.start and not parties:
                parties = _subject(sent, cue_s, limit=40)
                with_ = sent.next_item(agr.end, ("actor",), WITH, limit=30)
                if parties and with_:
                    parties.append(with_)
        for p in parties:
            proto.parties.add(p.ref)
            out.append(_rel(sent, "PARTY_TO", p.ref, agr.ref))
        for cue_s, _ in _cues(APPROVE, sent):
            if cue_s < agr.start and sent.gap(cue_s, agr.start).count(" ") <= 3:
                for a in _subject(sent, cue_s, limit=30):
                    out.append(_rel(sent, "APPROVED", a.ref, agr.ref))
        out.extend(_provides(sent, agr))
        for cue_s, cue_e in _cues(PUBLISH, sent):
            if cue_s > agr.end:
                pub = sent.next_item(cue_e, ("actor",), limit=70)
                if pub and pub.mention and pub.mention.subtype != "State":
                    out.append(_rel(sent, "PUBLISHED", pub.ref, agr.ref))
    if sent.of("agreement") or re.search(r"\b(?:the parties|both sides|the two sides)\b", sent.text, _I):
        last = disc.last.get("agreement")
        if last:
            for pattern, term in TERMS:
                if pattern.search(sent.text):
                    disc.protos[last].terms.add(term)
    return out


def _provides(sent: Sentence, agr: Item) -> list[Rel]:
    out = []
    for target in sent.items:
        if target.start <= agr.end or target.kind not in ("exercise", "facility", "site"):
            continue
        if target.kind == "site" and target.mention.subtype != "Facility":
            continue
        gap = sent.gap(agr.end, target.start)
        if len(gap) < 90 and PROVIDE_FOR.search(gap) and not re.search(r"[;]", gap):
            out.append(_rel(sent, "PROVIDES_FOR", agr.ref, target.ref, frequency=sent.frequency))
            break
    return out


def implicit_agreement(sent: Sentence, disc: Discourse) -> list[Rel]:
    """ "X and Y agreed to carry out exercises": an agreement described without a title."""
    from loaders.frames import AGREED_TO

    out: list[Rel] = []
    if sent.of("agreement"):
        return out
    for m in AGREED_TO.finditer(sent.text):
        pos = m.start() + sent.start
        parties = _subject(sent, pos, limit=20)
        if len(parties) < 2:
            continue
        proto = disc.new("agreement", surfaces=[], noun="agreement")
        agr = Item(pos, m.end() + sent.start, "agreement", proto.pid)
        for p in parties:
            proto.parties.add(p.ref)
            out.append(_rel(sent, "PARTY_TO", p.ref, proto.pid))
        for target in sent.items:
            if target.start > agr.end and target.kind in ("exercise", "facility"):
                out.append(_rel(sent, "PROVIDES_FOR", proto.pid, target.ref, frequency=sent.frequency))
                break
    return out


def exercise_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """PARTICIPATES_IN: subjects, "between X and Y", "with Y", "joint X-Y exercises"."""
    out: list[Rel] = []
    exercises = sent.of("exercise")
    if not exercises and "exercise" in disc.last and (m := _TOOK_PART.search(sent.text)):
        # "Troops from A, B and C took part." after an exercise: the exercise in focus
        pos = m.start() + sent.start
        exercises = [Item(pos, pos, "exercise", disc.last["exercise"])]
    for ex in exercises:
        group: list[Item] = []
        if nxt := sent.next_item(ex.end, ("actor",), BETWEEN, limit=50):
            group += sent.group_from(nxt)
        if nxt := sent.next_item(ex.end, ("actor",), WITH, limit=30):
            group += sent.group_from(nxt)
        prev = sent.prev_item(ex.start, ("actor",), limit=3, stop=",;")
        if (prev and ADJ.match(sent.gap(prev.end, ex.start))) or (
            prev and re.match(r"^\s*(?:joint|military)?\s*$", sent.gap(prev.end, ex.start))
        ):
            group += sent.group_before(prev)
            for a in list(group):
                p2 = sent.prev_item(a.start, ("actor",), limit=3, stop=",;")
                if p2 and ADJ.match(sent.gap(p2.end, a.start)) and p2 not in group:
                    group.append(p2)
        subj = _subject(sent, ex.start, limit=90)
        if subj and not EX_VERB.search(sent.gap(subj[-1].end, ex.start)):
            subj = []
        if subj and not any(s.kind == "agreement" for s in sent.items if subj[-1].end <= s.start < ex.start):
            group += subj
            if nxt := sent.next_item(ex.end, ("actor",), WITH, limit=60):
                group += sent.group_from(nxt)
        seen = set()
        for a in group:
            if (
                a.ref in seen
                or not a.mention
                or a.mention.subtype not in EXERCISE_ACTORS
                or a.mention.props.get("created")
            ):
                continue
            seen.add(a.ref)
            disc.protos[ex.ref].participants.add(a.ref)
            out.append(_rel(sent, "PARTICIPATES_IN", a.ref, ex.ref, frequency=sent.frequency))
        if sent.frequency:
            disc.protos[ex.ref].frequency = sent.frequency
    return out


def cooperation_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """COOPERATES_WITH between the two actors a partnership or cooperation cue links."""
    pairs: list[tuple[str, str]] = []
    for cue_s, cue_e in _cues(COOP, sent):
        if any(i.start <= cue_s < i.end for i in sent.items if i.kind == "actor"):
            continue
        if nxt := sent.next_item(cue_e, ("actor",), BETWEEN, limit=40):
            grp = sent.group_from(nxt)
            if len(grp) >= 2:
                pairs.append((grp[0].ref, grp[1].ref))
                continue
        if nxt := sent.next_item(cue_e, ("actor",), WITH, limit=20):
            subj = sent.prev_item(cue_s, ("actor",), limit=60)
            if subj:
                pairs.append((subj.ref, nxt.ref))
                continue
        prev = sent.prev_item(cue_s, ("actor",), limit=25, stop=",;")
        if prev:
            grp = sent.group_before(prev)
            p2 = sent.prev_item(prev.start, ("actor",), limit=3, stop=",;")
            if p2 and ADJ.match(sent.gap(p2.end, prev.start)):
                pairs.append((p2.ref, prev.ref))
                continue
            if len(grp) >= 2:
                pairs.append((grp[0].ref, grp[1].ref))
                continue
        states = sorted({i.ref for i in sent.agents() if i.mention.subtype == "State"})
        if len(states) == 2:
            pairs.append((states[0], states[1]))
    out = []
    for a, b in dict.fromkeys(pairs):
        if a != b:
            out.append(_rel(sent, "COOPERATES_WITH", *sorted((a, b))))
    return out


def site_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """LOCATED_IN ("base in the Wakhan Gorge", "Wakhan Gorge of GBAO", "Tajikistan's region")
    and OPERATES from "a facility for X"."""
    out: list[Rel] = []
    for it in sent.items:
        if it.kind not in ("facility", "site", "exercise"):
            continue
        end = it.end
        if it.kind == "facility":
            op = sent.next_item(end, ("actor",), FOR, limit=8)
            if op:
                out.append(_rel(sent, "OPERATES", op.ref, it.ref))
                disc.protos[it.ref].operators.add(op.ref)
                end = op.end
        place = sent.next_item(end, ("site", "actor"), IN, limit=20)
        if place is None and it.kind == "site":
            place = sent.next_item(end, ("site",), OF, limit=10)
        if place is None:
            continue
        if place.kind == "actor" and place.mention.subtype == "State":
            region = sent.next_item(place.end, ("site",), POSS, limit=4)
            if region:
                out.append(_rel(sent, "LOCATED_IN", region.ref, place.ref))
                place = region
        if place.kind == "actor" and place.mention.subtype != "State":
            continue
        out.append(_rel(sent, "LOCATED_IN", it.ref, place.ref))
        if it.kind == "facility":
            disc.protos[it.ref].regions.append(place.ref)
    for st in sent.of("actor"):
        if st.mention.subtype != "State":
            continue
        region = sent.next_item(st.end, ("site",), re.compile(r"^['’]s\s+$"), limit=4)
        if region and region.mention and region.mention.subtype == "Region":
            out.append(_rel(sent, "LOCATED_IN", region.ref, st.ref))
    return out


def part_of_rules(sent: Sentence) -> list[Rel]:
    """PART_OF for institutions named with their state or parent unit."""
    return [
        _rel(sent, "PART_OF", it.ref, it.mention.parent)
        for it in sent.of("actor")
        if it.mention and it.mention.parent
    ]
