"""Parties and membership in the many surface forms news prose uses.

"a contract that X and Y signed", "signed in 2020 between X and Y", "<parliament> ratified an
agreement on ... with <State>", "<event> was conducted under <agreement>", "Under <agreement>,
X will build <site>", and memberships ("both countries belong to the SCO", negations excluded).
"""

from __future__ import annotations

import itertools
import re

from loaders.relations.frames import Discourse, Item
from loaders.relations.patterns import APPROVE, CUE_SCANS, SIGN
from loaders.relations.rulekit import rel
from loaders.relations.sentence import Rel, Sentence

_I = re.IGNORECASE
#: "<agreement> that|which X and Y signed"
_REL_CLAUSE = re.compile(r"^\s*,?\s*(?:that|which)\s+(?:the\s+)?(?:governments?\s+of\s+)?$", _I)
#: "<agreement>, worth ..., was signed in 2017 between X and Y"
_SIGNED_BETWEEN = re.compile(
    r"^[^;:()]{0,90}?\b(?:sign\w*|conclud\w*|inked|reached|agreed)\b[^;:()]{0,40}?\bbetween\s+"
    r"(?:the\s+)?(?:governments?\s+of\s+)?$",
    _I,
)
_WITH_FAR = re.compile(r"^[^;,.]{0,70}?\bwith\s+(?:the\s+)?$", _I)
#: "<event> was conducted under <agreement>"
_UNDER_BACK = re.compile(
    r"^[^;]{0,60}?\b(?:under|in accordance with|within the framework of|as part of|pursuant to)"
    r"\s+(?:the\s+|an?\s+|that\s+|this\s+)?$",
    _I,
)
_UNDER_FRONT = re.compile(
    r"^\s*(?:under|in accordance with|within the framework of|as part of|pursuant to)\s+"
    r"(?:the\s+|that\s+|this\s+)?$",
    _I,
)
_FUND_VERB = re.compile(r"\b(?:fund|financ|grant|pay|paid|allocat)", _I)
MEMBER_CUE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|became|become|remains?|remained)\s+(?:also\s+|both\s+|all\s+|now\s+)?"
    r"(?:a\s+|an\s+|full\s+|founding\s+)*(?:members?|member states?)\b|belongs?\s+to|belonged\s+to|"
    r"joined|as are|as is)",
    _I,
)
_NEGATION = re.compile(r"\b(?:not|never|neither|nor|non-members?|no longer|left|withdrew|suspended)\b", _I)
_APPROVE_SCAN = CUE_SCANS[APPROVE]
_CLAUSE = re.compile(r";|,\s*(?:but|while|whereas|although)\b|\bbut\b")


def party_forms(sent: Sentence, disc: Discourse) -> list[Rel]:
    """PARTY_TO and APPROVED from relative clauses, late 'between', and ratification 'with'."""
    out: list[Rel] = []
    for agr in sent.of("agreement"):
        proto = disc.protos[agr.ref]
        parties: list[Item] = []
        nxt = sent.next_item(agr.end, ("actor",), _REL_CLAUSE, limit=40)
        if nxt is not None:
            grp = sent.group_from(nxt)
            after = sent.doc[grp[-1].end : min(sent.end, grp[-1].end + 40)]
            if SIGN.search(after):
                parties = grp
        if not parties:
            nxt = sent.next_item(agr.end, ("actor",), _SIGNED_BETWEEN, limit=140)
            if nxt is not None:
                parties = sent.group_from(nxt)
        approver = _approver(sent, agr)
        if approver is not None and not parties:
            partner = _next_matching(sent, agr.end, _WITH_FAR, limit=90)
            home = approver.mention.home if approver.mention else None
            if partner is not None and home and partner.ref != home:
                parties = [partner]
                out.append(rel(sent, "PARTY_TO", home, agr.ref))
                proto.parties.add(home)
        for p in parties:
            if p.ref not in proto.parties:
                proto.parties.add(p.ref)
                out.append(rel(sent, "PARTY_TO", p.ref, agr.ref))
    return out


def _next_matching(sent: Sentence, pos: int, gap: re.Pattern[str], limit: int) -> Item | None:
    """The first actor after ``pos`` whose gap matches, skipping actors inside the gap."""
    for it in sent.items:
        if it.kind == "actor" and pos <= it.start <= pos + limit and gap.search(sent.gap(pos, it.start)):
            return it
    return None


def _approver(sent: Sentence, agr: Item) -> Item | None:
    for m in _APPROVE_SCAN.matches(sent.text):
        cue = m.start() + sent.start
        if cue < agr.start and sent.gap(cue, agr.start).count(" ") <= 3:
            it = sent.prev_item(cue, ("actor",), limit=60)
            if it is not None and it.mention is not None and it.mention.subtype == "GovernmentBody":
                return it
    return None


def provides_under(sent: Sentence, disc: Discourse) -> list[Rel]:
    """PROVIDES_FOR from "<event> was conducted under <agreement>" and "Under <agreement>, X will ..."."""
    out: list[Rel] = []
    targets = [i for i in sent.items if _target(i)]
    for agr in sent.of("agreement"):
        before = [t for t in targets if t.end <= agr.start and _UNDER_BACK.match(sent.gap(t.end, agr.start))]
        if before:
            out.append(rel(sent, "PROVIDES_FOR", agr.ref, before[-1].ref))
            continue
        if not _UNDER_FRONT.match(sent.gap(sent.start, agr.start)):
            continue
        after = [t for t in targets if t.start >= agr.end]
        if after and not _FUND_VERB.search(sent.gap(agr.end, after[0].start)):
            out.append(rel(sent, "PROVIDES_FOR", agr.ref, after[0].ref))
    return out


def _target(it: Item) -> bool:
    if it.kind in ("exercise", "facility"):
        return True
    return it.kind == "site" and it.mention is not None and it.mention.subtype == "Facility"


def membership_rules(sent: Sentence) -> list[Rel]:
    """PART_OF from members to the one organisation of a membership clause; negated clauses give none."""
    if not MEMBER_CUE.search(sent.text):
        return []
    out: list[Rel] = []
    bounds = [0, *(m.start() for m in _CLAUSE.finditer(sent.text)), len(sent.text)]
    for lo, hi in itertools.pairwise(bounds):
        clause = sent.text[lo:hi]
        cue = MEMBER_CUE.search(clause)
        if cue is None:
            continue
        s0, s1 = sent.start + lo, sent.start + hi
        items = [i for i in sent.of("actor") if s0 <= i.start < s1 and i.mention is not None]
        orgs = [i for i in items if i.ref.startswith("org:") and not i.mention.props.get("created")]  # type: ignore[union-attr]
        if len({o.ref for o in orgs}) != 1 or _NEGATION.search(clause):
            continue
        states = dict.fromkeys(i.ref for i in items if i.mention.subtype == "State")  # type: ignore[union-attr]
        out.extend(rel(sent, "PART_OF", s, orgs[0].ref) for s in states)
    return out
