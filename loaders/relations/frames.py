"""Things the gazetteer cannot list: unnamed facilities, agreements, exercises, units, new bodies.

Each noun phrase becomes an ``Item`` in its sentence; facilities, agreements and exercises are
first collected as ``Proto`` objects that coreference ("the base", "the agreement") links and
``resolve`` later merges into nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.names.dates import MONTH_WORDS
from loaders.names.mentions import Mention
from loaders.read.scan import Anchored, literals
from loaders.read.text import may_hold, slug

_FACILITY_NOUN = (
    r"air ?bases?|naval bases?|military bases?|bases?|facilit(?:y|ies)|outposts?|"
    r"installations?|garrisons?|border posts?|training cent(?:er|re)s?|plants?|factor(?:y|ies)|depots?|"
    r"airfields?|testing grounds?|test sites?|radar stations?|checkpoints?|forts?"
)
FACILITY = re.compile(
    r"\b(?:(?P<det>(?i:an?|the|this|that|its|their|another))\s+)?"
    r"(?P<mods>(?:(?:new|special|secret|joint|permanent|temporary|military|naval|air|police|border|"
    r"training|logistics|logistical|counter-?terrorism|anti-?terrorist|foreign|[A-Z][a-z]+|"
    r"(?(det)(?!(?:and|or|of|to|for|in|on|at|by|with|from|that|which|is|was|be|been)\s)[a-z][a-z-]{2,}|(?!)))\s+){0,3})"
    rf"(?P<noun>{_FACILITY_NOUN})\b"
)
#: a part of every facility noun: a determiner and three modifiers come before the noun, and the
#: part may lie in its second word ("air base")
_FACILITY_SCAN = Anchored(
    FACILITY,
    literals(
        "base|facilit|post|installation|garrison|cent|plant|factor|depot|airfield|ground|site|station|"
        "checkpoint|fort"
    ),
    words=5,
)
NUMBERED_BASE = re.compile(
    r"\b(?P<num>\d+(?:st|nd|rd|th))\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?"
    r"(?P<kind>military|air|naval|motor[- ]rifle)?\s*base\b"
)
_AGREEMENT_NOUN = (
    r"agreements?|treat(?:y|ies)|memorand(?:um|a)(?: of understanding)?|MoUs?|accords?|"
    r"protocols?|contracts?|deals?|pacts?|roadmaps?|grants?(?!\s+(?:assistance|aid|funding|money|of))"
)
AGREEMENT = re.compile(
    r"\b(?:(?P<det>(?i:an?|the|this|that|its|their|such))\s+)?"
    r"(?P<mods>(?:(?:cooperation|intergovernmental|inter-governmental|bilateral|trilateral|defen[cs]e|"
    r"security|military|military-technical|lease|leasing|framework|strategic|partnership|new|recent|"
    r"arms|supply|basing|border|training|technical|loan|grant|construction|counterterrorism|secret|"
    r"previous|earlier|landmark|original|extension|basic|main)\s+){0,2})"
    rf"(?P<noun>{_AGREEMENT_NOUN})\b"
)
#: a titled agreement: "the Shusha Declaration", "the Treaty of Eternal Friendship"
_TITLE_NOUN = r"Declaration|Treaty|Accord|Pact|Charter"
NAMED_AGREEMENT = re.compile(rf"\b(?P<name>(?:[A-Z][a-z]+\s+){{1,3}}(?:{_TITLE_NOUN}))\b")
#: a determiner and two modifiers, or three title words, before the noun
_AGREEMENT_SCAN = Anchored(
    AGREEMENT,
    literals("agreement|treat|memorand|MoU|accord|protocol|contract|deal|pact|roadmap|grant"),
    words=3,
)
_NAMED_AGREEMENT_SCAN = Anchored(NAMED_AGREEMENT, literals(_TITLE_NOUN), words=3)
AGREED_TO = re.compile(
    r"\b(?:have |has |had )?(?:agreed|agree|agreeing|signed (?:a |an )?(?:deal|agreement) |"
    r"reached (?:an )?agreement |договариваются)\s*(?:to|on)\b"
)
EXERCISE = re.compile(
    r"\b(?P<mods>(?:(?:joint|biennial|annual|regular|large-scale|military|counter-?terrorism|"
    r"counter-?terrorist|anti-?terrorist|anti-?terrorism|command-?staff|command-?post|tactical|naval|border|"
    r"special|bilateral|trilateral|multilateral|combined|air|peacekeeping|future|the|these|those|"
    r"its|their|an?)\s+){0,4})"
    r"(?P<noun>exercises?|drills?|war ?games|manoeuvres|maneuvers)\b"
)
NAMED_EXERCISE = re.compile(
    r"(?:[“\"‘'](?P<q>[A-Z][\w -]{2,40}?)[”\"’']\s+(?:joint\s+|military\s+|command-staff\s+)*"
    r"(?:exercises?|drills?|manoeuvres|maneuvers))"
    r"|\b(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})[-‐–\s](?P<year>(?:19|20)\d{2})\b"
)
#: a part of every exercise noun ("war games": in its second word), after four modifiers at most
_EXERCISE_SCAN = Anchored(EXERCISE, ("exercise", "drill", "game", "manoeuvre", "maneuver"), words=5)
#: a quoted name starts with its quote; "Name-2021" ends with a year, three words at most after the name
_NAMED_EXERCISE_SCAN = Anchored(NAMED_EXERCISE, ("“", '"', "‘", "'", "19", "20"), words=3)
_UNIT_HEAD = (
    r"Department|Directorate|Division|Brigade|Regiment|Battalion|"
    r"Command|Detachment|Unit|Centre|Center|Academy|School|Group|Team"
)
_UNIT_GROUP = r"teams?|units?|detachments?|groups?|squads?|compan(?:y|ies)|battalions?|forces?"
UNIT = re.compile(
    rf"(?P<unit>(?:[A-Z][a-z]+\s+){{1,4}}(?:{_UNIT_HEAD})"
    r"|(?:rapid[ -]response|special[ -]purpose|quick[ -]reaction|rapid[ -]reaction|mobile|tactical|"
    rf"counter-?terrorism|anti-?terror(?:ist)?|special)\s+(?:{_UNIT_GROUP}))\s+of\s+(?:the\s+)?"
)
#: four name words before the head noun
UNIT_SCAN = Anchored(UNIT, rf"(?:{_UNIT_HEAD}|{_UNIT_GROUP})\s+of\s", words=4)
NEW_BODY = re.compile(
    r"\b(?:an?|the)\s+(?P<np>(?:(?:temporary|joint|permanent|new|special|interagency|bilateral)\s+)?"
    r"(?:[a-z-]+\s+){0,3}?(?:department|committee|commission|headquarters|working group|cent(?:er|re)|"
    r"council|task force|secretariat))\s+(?:is|was|will be|are|were|has been|have been|would be)\s+"
    r"(?:being\s+)?(?:created|established|set up|formed)"
)
NEGATED = re.compile(
    r"\b(?:not|no|never|nor)\s+(?:an?\s+|another\s+|any\s+)?$"
    r"|\b(?:no|not)\s+(?:(?!plans?\b)\w+\s+){0,3}?(?:has|have|had|hosts?|hosted)\s+(?:an?\s+|any\s+)?$",
    re.I,
)
#: what every NEGATED match holds, one of them: a sentence without any has no negated phrase
_NEGATION_WORDS = ("no", "never")
_APPOSED = re.compile(r",\s*(?:(?:an?|the)\s+)?(?:[a-z-]+\s+){0,3}")
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "such"})
_SKIP_MODS = frozenset({"The", "A", "An", "This", "That", "New", "In", "For", "As", "It"})


@dataclass
class Proto:
    """A facility, agreement or exercise before merging: attributes gathered from its mentions."""

    pid: str
    kind: str
    surfaces: list[str] = field(default_factory=list)
    noun: str = ""
    name: str | None = None
    fixed_id: str | None = None
    operators: set[str] = field(default_factory=set)
    regions: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    topic: str = ""
    facilities: set[str] = field(default_factory=set)
    cost: tuple[float, str] | None = None
    terms: set[str] = field(default_factory=set)
    frequency: str | None = None


@dataclass(slots=True)
class Item:
    """Something a rule can point at, at [start, end) of the document text."""

    start: int
    end: int
    kind: str
    ref: str
    mention: Mention | None = None
    definite: bool = False


@dataclass
class Discourse:
    """Document-level state for coreference across sentences."""

    protos: dict[str, Proto] = field(default_factory=dict)
    last: dict[str, str] = field(default_factory=dict)
    named: dict[str, str] = field(default_factory=dict)
    recent_states: list[str] = field(default_factory=list)
    #: the last states named together, by group size ("Russia, Belarus and Kazakhstan" -> 3)
    state_groups: dict[int, list[str]] = field(default_factory=dict)
    focus: Mention | None = None
    focus_is_named: bool = False

    def new(self, kind: str, **attrs) -> Proto:
        pid = f"@{kind[0]}{len(self.protos)}"
        proto = Proto(pid, kind, **attrs)
        self.protos[pid] = proto
        self.last[kind] = pid
        return proto

    def refer(self, kind: str, definite: bool, **attrs) -> Proto:
        """A definite phrase refers back to the last one of its kind; otherwise a new one."""
        if definite and kind in self.last:
            return self.protos[self.last[kind]]
        return self.new(kind, **attrs)


def taken(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def facility_items(
    sent: str, off: int, disc: Discourse, mentions: list[Mention], states_by_adj: dict[str, str]
) -> list[Item]:
    """Unnamed and numbered bases and facilities ("a special base", "the 201st base").

    The pipeline calls this only for sentences with a facility cue token (loaders.relations.cues)."""
    out: list[Item] = []
    negation = may_hold(sent, _NEGATION_WORDS)
    site_spans = [(m.start, m.end) for m in mentions if m.coarse == "Site"]
    for m in NUMBERED_BASE.finditer(sent):
        s, e = m.start() + off, m.end() + off
        if taken(site_spans, s, e):
            continue
        adj = f"{m.group('adj')} " if m.group("adj") else ""
        name = f"{m.group('num')} {adj}{m.group('kind') or 'military'} base"
        proto = disc.new(
            "facility", name=name, fixed_id=f"facility:{slug(name)}", noun="base", surfaces=[m.group()]
        )
        out.append(Item(s, e, "facility", proto.pid))
    for m in _FACILITY_SCAN.matches(sent):
        s, e = m.start() + off, m.end() + off
        if taken(site_spans, m.start("noun") + off, e) or any(i.start <= s < i.end for i in out):
            continue
        if (negation and NEGATED.search(sent, 0, m.start())) or sent[m.end() : m.end() + 4] == " of ":
            continue
        inner = [x for x in mentions if x.coarse == "Site" and s <= x.start < e]
        if inner:
            s = inner[-1].end + 1
        det = (m.group("det") or "").lower()
        mods = [
            w for w in sent[max(s - off, m.start("mods")) : m.start("noun")].split() if w not in _SKIP_MODS
        ]
        if inner:
            mods = []
        adj_states = [states_by_adj[w] for w in mods if w in states_by_adj]
        if any(w[:1].isupper() and w not in states_by_adj for w in mods):
            continue  # a capitalised name we do not know: leave it to the gazetteer
        noun = "base" if "base" in m.group("noun") else m.group("noun").split()[-1].rstrip("s")
        definite = det in _DEFINITE and not adj_states and not inner
        proto = disc.refer("facility", definite, noun=noun)
        proto.surfaces.append(" ".join([*(w for w in mods if w.lower() != "new"), m.group("noun")]).strip())
        proto.adjectives.extend(adj_states)
        proto.regions.extend(x.id for x in inner)
        out.append(Item(s, e, "facility", proto.pid, definite=definite))
    return out


def agreement_items(
    sent: str, off: int, disc: Discourse, names: list[tuple[int, int]] | None = None
) -> list[Item]:
    """Agreements named by a title ("the Shusha Declaration") or a noun ("a memorandum").

    ``names``: spans of actors already named, whose words are no agreement ("the Collective Security
    Treaty Organization"). The pipeline calls this only for sentences with an agreement cue token
    (loaders.relations.cues)."""
    out: list[Item] = []
    inside = names or []
    for m in _NAMED_AGREEMENT_SCAN.matches(sent):
        if taken(inside, m.start() + off, m.end() + off):
            continue
        name = " ".join(w for w in m.group("name").split() if w not in _SKIP_MODS)
        if len(name.split()) < 2:
            continue
        pid = disc.named.get(name.casefold())
        if pid is None:
            proto = disc.new("agreement", name=name, surfaces=[name], noun=name.split()[-1].lower())
            disc.named[name.casefold()] = proto.pid
        else:
            disc.last["agreement"] = pid
            proto = disc.protos[pid]
        out.append(Item(m.end() + off - len(name), m.end() + off, "agreement", proto.pid, definite=True))
    for m in _AGREEMENT_SCAN.matches(sent):
        if any(i.start <= m.start("noun") + off < i.end for i in out):
            continue
        if taken(inside, m.start("noun") + off, m.end("noun") + off):
            continue
        det = (m.group("det") or "").lower()
        mods = m.group("mods").strip()
        definite = det in _DEFINITE and not set(mods.split()) - {"cooperation", "new", "bilateral"}
        prev = out[-1] if out else None
        if prev is not None and _APPOSED.fullmatch(sent[prev.end - off : m.start()]):
            proto = disc.protos[prev.ref]  # apposition: "the Shusha Declaration, an alliance agreement"
        else:
            proto = disc.refer("agreement", definite)
        proto.surfaces.append(" ".join(x for x in (mods, m.group("noun")) if x))
        proto.noun = proto.noun or m.group("noun").lower().rstrip("s")
        start = m.start("mods") if mods else m.start("noun")
        out.append(Item(start + off, m.end() + off, "agreement", proto.pid, definite=definite))
    return out


def exercise_items(sent: str, off: int, disc: Discourse, known: set[str]) -> list[Item]:
    """Named exercises ("Peace Mission-2021") and exercise phrases ("joint exercises")."""
    out: list[Item] = []
    phrases = _EXERCISE_SCAN.matches(sent)
    if not phrases:
        return out
    for m in _NAMED_EXERCISE_SCAN.matches(sent):
        name = m.group("q") or f"{m.group('name')}-{m.group('year')}"
        head = (m.group("q") or m.group("name") or "").split()[0]
        if head in MONTH_WORDS or head.casefold() in known or name.casefold() in known:
            continue
        fixed = f"event:{slug(name)}"
        pid = disc.named.get(fixed)
        proto = disc.protos[pid] if pid else disc.new("exercise", name=name, fixed_id=fixed, surfaces=[name])
        disc.named[fixed] = disc.last["exercise"] = proto.pid
        out.append(Item(m.start() + off, m.end() + off, "exercise", proto.pid))
    for m in phrases:
        s, e = m.start("noun") + off, m.end() + off
        if any(i.start <= s < i.end + 12 for i in out):
            continue
        words = m.group("mods").split()
        det = words[0].lower() if words else ""
        mods = [
            w
            for w in words
            if w.lower() not in {"the", "these", "those", "its", "their", "a", "an", "future"}
        ]
        definite = det in {"the", "these", "those", "its", "their"} or not mods
        named = [i for i in out if i.mention is None and disc.protos[i.ref].fixed_id]
        named_refs = {i.ref for i in named}
        # "a joint exercise, "Name-2019"": one event, named
        proto = disc.protos[named[0].ref] if len(named_refs) == 1 else disc.refer("exercise", definite)
        if mods:
            proto.surfaces.append(" ".join([*mods, m.group("noun")]))
        if any("terror" in w for w in mods):
            proto.topic = "counterterrorism"
        start = m.start("mods") + off if mods else s
        out.append(Item(start, e, "exercise", proto.pid, definite=definite))
    return out
