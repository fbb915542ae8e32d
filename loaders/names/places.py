"""Named sites and organisations the gazetteer does not list: "the Sary-Shagan testing ground",
"the Zebak district", "the Saudi Fund for Development", "the Frontier Corps". Each becomes a
mention with a stable id, so later sentences and other documents meet the same node."""

from __future__ import annotations

import re

from loaders.names.mentions import Mention
from loaders.read.scan import Anchored, literals
from loaders.read.text import slug

_NAME = r"(?P<name>(?:[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*\s+){1,3})"
_FACILITY_NOUN = (
    r"air ?bases?|naval bases?|military bases?|bases?|testing grounds?|test sites?|"
    r"firing ranges?|ranges?|airfields?|air fields?|radar stations?|training cent(?:er|re)s?|"
    r"depots?|plants?|factor(?:y|ies)|camps?|outposts?|garrisons?|airports?|ports?"
)
_REGION_NOUN = (
    r"region|district|province|valley|gorge|corridor|pass|oblast|governorate|county|prefecture|plateau"
)
NAMED_FACILITY = re.compile(rf"\b{_NAME}(?P<noun>(?i:{_FACILITY_NOUN}))\b")
NAMED_REGION = re.compile(rf"\b{_NAME}(?P<noun>(?i:{_REGION_NOUN}))\b")
#: a part of every (case-insensitive) noun: up to three name words come before the noun, and the part
#: may lie in its second word ("air base")
_FACILITY_PARTS = literals(
    "base|ground|site|range|field|station|cent|depot|plant|factor|camp|outpost|garrison|port"
)
_NAMED_SCANS = (
    (Anchored(NAMED_FACILITY, _FACILITY_PARTS, words=4, fold=True), "Facility", "facility"),
    (Anchored(NAMED_REGION, literals(_REGION_NOUN), words=3, fold=True), "Region", "region"),
)
_CAP = r"[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*"
NAMED_ORG = re.compile(
    rf"\b(?P<name>(?:{_CAP}\s+(?:(?:for|of|and|on)\s+)?){{1,5}}?"
    r"(?:(?P<head>Fund|Agency|Bank|Corporation|Company|Coalition|Organi[sz]ation|Institute|Foundation)"
    rf"(?:\s+(?:for|of|on)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})?"
    rf"|(?P<corps>Corps)(?:\s+{_CAP}(?:\s+{_CAP})?)?))"
)
#: capitalised words that describe rather than name ("the Military Base", "Border Region")
_GENERIC = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "Its",
        "Their",
        "In",
        "On",
        "At",
        "For",
        "From",
        "Under",
        "With",
        "New",
        "Air",
        "Naval",
        "Military",
        "Border",
        "Joint",
        "Special",
        "Secret",
        "Training",
        "Police",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "Defence",
        "Defense",
        "Ministry",
        "National",
        "State",
        "Federal",
        "Central",
        "Eastern",
        "Western",
        "Northern",
        "Southern",
        "Autonomous",
        "Foreign",
        "Chinese",
        "Russian",
    ]
)


def named_places(
    sent: str, off: int, mentions: list[Mention], states_by_adj: dict[str, str]
) -> list[Mention]:
    """Site mentions for capitalised names before a facility or region noun, outside known mentions."""
    rest = sent[1:]
    # no capital after the first character: no name (in ASCII, lower() changes only capitals)
    if not (rest != rest.lower() if rest.isascii() else any(map(str.isupper, rest))):
        return []
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for scan, label, prefix in _NAMED_SCANS:
        for m in scan.matches(sent):
            words = m.group("name").split()
            while words and (words[0] in _GENERIC or words[0] in states_by_adj):
                words.pop(0)
            if not words or any(w in _GENERIC or w in states_by_adj for w in words):
                continue
            name_start = m.start("name") + m.group("name").index(words[0])
            s, e = name_start + off, m.end() + off
            if any(a < e and s < b for a, b in taken):
                continue
            name = f"{' '.join(words)} {m.group('noun')}"
            out.append(Mention(s, e, f"{prefix}:{slug(name)}", "Site", label, name))
            taken.append((s, e))
    return out


BORDER = re.compile(r"\b(?P<a>[A-Z][a-z]+)\s*[-–/]\s*(?P<b>[A-Z][a-z]+)\s+(?P<noun>border|frontier)\b")
#: two names (and the dash between, with or without spaces) before the noun
_BORDER_SCAN = Anchored(BORDER, ("border", "frontier"), words=3)


def state_borders(sent: str, off: int, mentions: list[Mention]) -> list[Mention]:
    """ "the Pakistan-Afghanistan border": a Region, not two states acting in the sentence."""
    out: list[Mention] = []
    for m in _BORDER_SCAN.matches(sent):
        s, e = m.start() + off, m.end() + off
        inside = [x for x in mentions if s <= x.start and x.end <= e]
        if len(inside) != 2 or any(x.subtype != "State" for x in inside):
            continue
        for x in inside:
            mentions.remove(x)
        name = f"{inside[0].name}-{inside[1].name} {m.group('noun')}"
        out.append(Mention(s, e, f"region:{slug(name)}", "Site", "Region", name, [m.group()]))
    return out


#: the heads: up to five name words, each perhaps followed by "for", "of", "and" or "on", before one
_NAMED_ORG_SCAN = Anchored(
    NAMED_ORG,
    literals(
        "Fund|Agency|Bank|Corporation|Company|Coalition|Organisation|Organization|Institute|Foundation|Corps"
    ),
    words=10,
)


def named_organisations(
    sent: str, off: int, mentions: list[Mention], states_by_adj: dict[str, str]
) -> list[Mention]:
    """Organisations named by a capitalised phrase with an institutional head ("... Fund for Development").

    A leading state adjective ("Saudi") becomes the parent, and its own state mention is dropped."""
    out: list[Mention] = []
    for m in _NAMED_ORG_SCAN.matches(sent):
        words = m.group("name").split()
        if words[0] in _GENERIC and len(words) > 1:
            words = words[1:]
        if len(words) < 2 or words[0] in {"The", "A", "An"}:
            continue
        name = " ".join(words)
        s = m.start() + off + m.group().index(words[0])
        e = m.end() + off
        inside = [x for x in mentions if s <= x.start and x.end <= e]
        if any(x.start < e and s < x.end for x in mentions if x not in inside):
            continue
        if any(x.subtype != "State" for x in inside):
            continue  # a known body or organisation inside: the gazetteer's reading wins
        parent = inside[0].id if inside and inside[0].start == s else None
        for x in inside:
            mentions.remove(x)
        label = "SecurityForce" if m.group("corps") else "Organization"
        prefix = "sf" if label == "SecurityForce" else "org"
        out.append(Mention(s, e, f"{prefix}:{slug(name)}", "Actor", label, name, parent=parent, home=parent))
    return out
