"""Site and structure rules: where sites lie, who a facility is for, institutions' parents."""

from __future__ import annotations

import re

from loaders.relations.frames import Discourse
from loaders.relations.patterns import FOR, IN, OF, POSS
from loaders.relations.rulekit import rel
from loaders.relations.sentence import Rel, Sentence

_COMPASS = (
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
)
_VERB_IN = re.compile(
    r"^[^;]{0,80}?\b(?:opened|inaugurated|located|situated|based|built|constructed|lies|stands|sits)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:in|at)\s+(?:the\s+)?{_COMPASS}$",
    re.I,
)
_SERVES = re.compile(
    r"^[^;]{0,80}?\b(?:serves|served|hosts|hosted|is home to|was home to|houses|housed)\s+(?:the\s+)?$", re.I
)
_PRESENCE = re.compile(r"\bpresence\s+in\s+(?:the\s+)?$", re.I)
_POSS_GAP = re.compile(r"^['’]s\s+$")


def _is_facility(it) -> bool:
    if it.kind == "facility":
        return True
    return it.kind == "site" and it.mention is not None and it.mention.subtype == "Facility"


def site_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """LOCATED_IN ("base in the Wakhan Gorge", "Wakhan Gorge of GBAO", "Tajikistan's region")
    and OPERATES from "a facility for X"."""
    out: list[Rel] = []
    for it in sent.items:
        if it.kind not in ("facility", "site", "exercise"):
            continue
        end = it.end
        if it.kind == "facility":
            op = sent.next_item(end, ("actor",), FOR, limit=12)
            if op:
                out.append(rel(sent, "OPERATES", op.ref, it.ref))
                disc.protos[it.ref].operators.add(op.ref)
                end = op.end
        place = sent.next_item(end, ("site", "actor"), IN, limit=20)
        if place is None and it.kind == "site":
            place = sent.next_item(end, ("site",), OF, limit=10)
        if _is_facility(it):
            if op := sent.next_item(end, ("actor",), _SERVES, limit=100):
                out.append(rel(sent, "OPERATES", op.ref, it.ref))  # "<base> ... serves the Navy"
            if place is None:
                # "A new centre ..., built with EU funds, opened in Osh"
                place = sent.next_item(end, ("site",), _VERB_IN, limit=110)
        if place is None:
            continue
        if place.kind == "actor" and place.mention.subtype == "State":  # type: ignore[union-attr]
            region = sent.next_item(place.end, ("site",), POSS, limit=4)
            if region:
                out.append(rel(sent, "LOCATED_IN", region.ref, place.ref))
                place = region
        if place.kind == "actor" and place.mention.subtype != "State":  # type: ignore[union-attr]
            continue
        out.append(rel(sent, "LOCATED_IN", it.ref, place.ref))
        if it.kind == "facility":
            disc.protos[it.ref].regions.append(place.ref)
    for st in sent.of("actor"):
        if st.mention.subtype != "State":  # type: ignore[union-attr]
            continue
        if _PRESENCE.search(sent.doc[max(sent.start, st.start - 30) : st.start]):
            # "the only foreign military presence in <State> is ...: the <X> air base"
            out.extend(
                rel(sent, "LOCATED_IN", f.ref, st.ref)
                for f in sent.items
                if f.start > st.end and _is_facility(f)
            )
        region = sent.next_item(st.end, ("site",), _POSS_GAP, limit=4)
        if region and region.mention and region.mention.subtype == "Region":
            out.append(rel(sent, "LOCATED_IN", region.ref, st.ref))
    return out


def part_of_rules(sent: Sentence) -> list[Rel]:
    """PART_OF for institutions named with their state or parent unit."""
    return [
        rel(sent, "PART_OF", it.ref, it.mention.parent)
        for it in sent.of("actor")
        if it.mention and it.mention.parent
    ]
