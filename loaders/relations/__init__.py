"""Relations from clause structure: who signs, takes part, supplies, funds, trains, builds, operates.

Each sentence is a row of items (names, states, sites, events) and the words between them. A
relation is read from the lexicon word that states it (``data/lexicon/relations.yaml``) and the
roles its arguments take around it: the agent before an active verb or after "by" in a passive,
the recipient after "to"/"for"/"with", the parties of a list ("A, B and C took part"). Every
relation names the rule that made it (``props["rule"]``), so its precision can be measured.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from loaders.names import COARSE, Name
from loaders.names.gazetteer import DATA_DIR
from loaders.names.values import Money
from loaders.read.text import slug
from loaders.relations.sentence import Rel

AGENTS = frozenset({"State", "GovernmentBody", "SecurityForce", "Organization", "Person"})
PARTY_KINDS = frozenset({"State", "GovernmentBody", "Organization", "Person", "SecurityForce"})
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|throughout|within|on|to|into|off)\s+(?:the\s+)?$", re.I
)
_OF_BEFORE = re.compile(r"\b(?:of|against|from)\s+(?:the\s+)?$", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^–—]{0,60}?\s[–—-]+\s")
_NEGATION = re.compile(r"\b(?:not|never|no longer|nor|non)\b", re.I)
_CLAUSE = re.compile(r"[;]|\b(?:which|who|while|whereas|but)\b")


@dataclass(frozen=True)
class Lex:
    patterns: dict[str, re.Pattern[str]]
    modifiers: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lex:
    with (DATA_DIR / "lexicon" / "relations.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    pats: dict[str, re.Pattern[str]] = {}
    modifiers = frozenset(data.get("modifiers") or [])
    for group, parts in data.items():
        if not isinstance(parts, dict):
            continue
        for role, words in parts.items():
            alts = sorted({re.escape(w) for w in words}, key=len, reverse=True)
            pats[f"{group}.{role}"] = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)
    return Lex(pats, modifiers)


@dataclass
class Discourse:
    """What earlier sentences established: the agreement and exercise in focus, states seen."""

    agreement: Name | None = None
    exercise: Name | None = None
    #: the gazetteer rules already made an agreement / an exercise from this sentence
    legacy_agreement: bool = False
    legacy_exercise: bool = False
    created: dict[str, Name] = field(default_factory=dict)
    #: the last two states named together in one sentence ("both countries" refers to them)
    pair: list[Name] = field(default_factory=list)


def relate(text: str, s: int, e: int, items: list[Name], money: list[Money], disc: Discourse) -> list[Rel]:
    """The relations one sentence states between ``items`` (sorted by position)."""
    lx = lexicon().patterns
    sent = text[s:e]
    span = (s, e)
    out: list[Rel] = []

    def rel(typ: str, a: Name, b: Name, rule: str, **props) -> None:
        if a.id != b.id:
            out.append(Rel(typ, a.id, b.id, span, {"rule": rule, **props}))

    def hits(key: str) -> list[re.Match[str]]:
        return list(lx[key].finditer(sent))

    def before(it: Name) -> str:
        return sent[max(0, it.start - s - 40) : it.start - s]

    dateline = _DATELINE.match(sent)
    if dateline:  # "DUSHANBE, April 18, 2016, Asia-Plus –": the wire service is no actor here
        items = [it for it in items if it.start - s >= dateline.end() or it.subtype in ("Settlement",)]
    located = [it for it in items if _LOCATIVE_BEFORE.search(before(it))]
    actors = [it for it in items if it.subtype in AGENTS]
    free_actors = [it for it in actors if it not in located]
    states = _unique([it for it in free_actors if it.subtype == "State"])
    named_states = _unique([it for it in items if it.subtype == "State"])
    if len(named_states) == 2:
        disc.pair = named_states

    # names that carry their owner: "Indian Navy", "CSTO Secretary-General ..."
    for it in items:
        if it.state and it.subtype in ("GovernmentBody", "SecurityForce", "Person"):
            rel("PART_OF", it, _state_item(it.state, it), "name.owner_state")
        if it.owner and it.subtype == "Person":
            rel("PART_OF", it, _stub(it.owner), "name.owner_org")
        if it.state and COARSE.get(it.subtype) == "Site":
            rel("LOCATED_IN", it, _state_item(it.state, it), "name.container_state")

    # "X in Y", "X at Y", "X, Y": sites and events in their containers
    for a, b in itertools.pairwise(items):
        gap = sent[a.end - s : b.start - s]
        if (
            COARSE.get(a.subtype) in ("Site", "Event")
            and b.subtype
            in (
                "State",
                "Region",
                "Settlement",
                "Facility",
            )
            and re.fullmatch(r"\s*(?:,|in|at|near|outside|of|on)\s*(?:the\s+)?", gap, re.I)
        ):
            rel("LOCATED_IN", a, b, "site.in")

    # agreements: named ones, or a noun with its parties ("signed a defence agreement with Finland")
    # an agreement noun inside an actor's name ("Collective Security Treaty Organization") is none
    agr_nouns = [
        m
        for m in hits("agreement.nouns")
        if not any(it.start <= s + m.start() < it.end for it in items if COARSE.get(it.subtype) == "Actor")
    ]
    signs = hits("agreement.sign")
    approves = hits("agreement.approve")
    agreements = [it for it in items if it.subtype == "Agreement"]
    if not agreements and agr_nouns:
        noun = agr_nouns[0]
        definite = re.search(r"\b(?:the|this|that|its|their)\s+(?:\w+\s+){0,3}$", sent[: noun.start()], re.I)
        parties = _parties(free_actors, sent, s, signs)
        if definite and disc.agreement is not None and len(parties) < 2:
            agreements = [disc.agreement]
        elif (
            len([p for p in parties if p.subtype in ("State", "Organization")]) >= 2
            and not disc.legacy_agreement
        ):
            agreements = [_new_agreement(sent, s, noun, parties, disc)]
    elif (
        not agreements
        and signs
        and not disc.legacy_agreement
        and re.search(r"\bagreed\s+(?:to|on|that)\b", sent, re.I)
    ):
        parties = _parties(free_actors, sent, s, signs)
        if len([p for p in parties if p.subtype == "State"]) >= 2:
            noun = re.search(r"\bagreed\b", sent, re.I)  # type: ignore[assignment]  # the condition above found it
            agreements = [_new_agreement(sent, s, noun, parties, disc)]
    for agr in agreements:
        disc.agreement = agr
        parties = _parties(free_actors, sent, s, signs) if (signs or agr_nouns) else []
        # "the U.S.-India Roadmap", "a Russia–DPRK treaty": the states the name itself joins
        for p in _name_parties(sent, s, agr, items):
            rel("PARTY_TO", p, agr, "agreement.name_parties")
            parties = [*parties, p] if p not in parties else parties
        # "both countries signed", "an agreement between the two countries": the pair in focus
        if (
            len([p for p in parties if p.subtype == "State"]) < 2
            and (both := BOTH.search(sent)) is not None
            and not both.group("three")
            and len(disc.pair) == 2
        ):
            for p in disc.pair:
                rel("PARTY_TO", p, agr, "agreement.both")
            parties = _unique([*parties, *disc.pair])
        approvers = []
        if approves:
            approvers = [
                p
                for p in free_actors
                if p.subtype in ("GovernmentBody", "State") and p.start - s < approves[0].start()
            ]
            for p in approvers:
                rel("APPROVED", p, agr, "agreement.approve")
        for p in parties:
            if p in approvers and not signs:
                continue
            if p.subtype == "Person" and not signs:
                continue
            if p.subtype == "SecurityForce":
                continue
            rel("PARTY_TO", p, agr, "agreement.party")
        st = _unique([p for p in parties if p.subtype == "State"])
        if len(st) == 2:
            rel("COOPERATES_WITH", st[0], st[1], "agreement.bilateral")
        for it in items:
            if (
                COARSE.get(it.subtype) in ("Site", "Event") and it.subtype not in ("Settlement", "Region")
            ) and (it.start > agr.start or re.search(r"\bunder\b", sent, re.I)):
                rel("PROVIDES_FOR", agr, it, "agreement.provides")

    # exercises: named, or "a joint exercise" with its participants
    ex_nouns = hits("exercise.nouns")
    exercises = [it for it in items if it.subtype == "Exercise"]
    takes = hits("exercise.take_part")
    if not exercises and ex_nouns:
        definite = re.search(r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}$", sent[: ex_nouns[0].start()], re.I)
        cands = [a for a in free_actors if a.subtype in ("State", "SecurityForce", "Organization")]
        if disc.exercise is not None and (definite or takes):  # the exercise in focus, described again
            exercises = [disc.exercise]
        elif cands and (takes or len(cands) >= 2) and not disc.legacy_exercise:
            exercises = [_new_event(sent, s, ex_nouns[0], cands, disc, "Exercise")]
    elif not exercises and takes and disc.exercise is not None and len(states) >= 2:
        exercises = [disc.exercise]  # "Participants included Australia, France and Japan."
    for ex in exercises:
        disc.exercise = ex
        if takes or len(exercises) == 1:
            parts = [
                a
                for a in actors
                if a.subtype in ("State", "SecurityForce", "Organization", "Person") and a not in located
            ]
            if not takes:
                parts = [a for a in parts if a.subtype != "Person"]
            for a in parts:
                rel("PARTICIPATES_IN", a, ex, "exercise.participant")
            st = _unique([a for a in parts if a.subtype == "State"])
            if len(st) == 2:
                rel("COOPERATES_WITH", st[0], st[1], "exercise.bilateral")
        for loc in located if s <= ex.start < e else []:  # where it is, only beside its own name
            if loc.subtype in ("State", "Region", "Settlement", "Facility") and loc.start > ex.start - 200:
                rel("LOCATED_IN", ex, loc, "exercise.in")

    # meetings with a name ("the Camp David summit"): who attended, where
    for mt in (it for it in items if it.subtype == "Meeting"):
        for a in actors:
            if a not in located and a.subtype in ("Person", "State"):
                rel("PARTICIPATES_IN", a, mt, "meeting.participant")
        for loc in located:
            if loc.subtype in ("Settlement", "Facility", "State") and loc.start > mt.start:
                rel("LOCATED_IN", mt, loc, "meeting.in")

    if not any(it.subtype == "Meeting" for it in items):
        _unnamed_meeting(sent, s, items, actors, located, hits, disc, rel)

    _verb_relations(sent, s, items, actors, located, money, hits, rel)
    _aid_for(sent, s, items, actors, located, money, rel)

    # membership: "CSTO member states Armenia, Belarus ...", "NATO allies", "joined the alliance"
    orgs = [it for it in items if it.subtype == "Organization"]
    for m in hits("membership.nouns") if orgs else []:
        at = s + m.start()
        org = min(orgs, key=lambda o: abs(o.start - at))
        for st_item in states:
            lo, hi = sorted((st_item.end - s, m.start()))
            between = sent[lo:hi]
            if _NEGATION.search(between) or not _clause_ok(sent, lo, hi) or re.search(r",\s*but\b", between):
                continue
            rel("PART_OF", st_item, org, "membership.member")

    # cooperation between two states, or each pair of three or four named together
    group = len(states) == 3 and re.search(r"\b(?:trilateral|between|among)\b", sent, re.I)
    if (len(states) == 2 or group) and hits("cooperation.nouns"):
        rule = "cooperation.pair" if len(states) == 2 else "cooperation.group"
        for a, b in itertools.combinations(states, 2):
            rel("COOPERATES_WITH", a, b, rule)
    # a supply, grant or training between two states is their cooperation
    for r in list(out):
        states_both = r.source.startswith("state:") and r.target.startswith("state:")
        if r.type in ("SUPPLIES", "FUNDS", "TRAINS") and states_both:
            out.append(Rel("COOPERATES_WITH", r.source, r.target, span, {"rule": "transfer.pair"}))
    return out


_PLACES = ("Settlement", "State", "Region", "Facility")
_LEAD_THE = re.compile(r"^the\s+", re.I)
_ACRONYM_GAP = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,8}\))?\s*")


def _unnamed_meeting(sent, s, items, actors, located, hits, disc, rel) -> None:
    """A visit or a meeting the text describes without naming it: "Lecornu's visit to Armenia",
    "Putin met Lukashenko in Minsk". It is named from its people and place, as an analyst would
    ("Lecornu's visit to Armenia", "Putin–Lukashenko meeting"), and its people take part in it."""
    # "the SCO summit in Tashkent", "a NATO summit": a summit named by the organisation that holds it
    for m in hits("meeting.summit"):
        org = next(
            (
                o
                for o in items
                if o.subtype == "Organization"
                and o.end <= s + m.start()
                and _ACRONYM_GAP.fullmatch(sent[o.end - s : m.start()])
            ),
            None,
        )
        if org is None:
            continue
        acronym = re.search(r"\(([A-Z][A-Za-z]{1,8})\)", sent[org.end - s : m.start()])
        name = f"{acronym.group(1) if acronym else sent[org.start - s : org.end - s]} summit"
        summit = _created(disc, Name(org.start, s + m.end(), f"event:{slug(name)}", "Meeting", name))
        rel("PARTICIPATES_IN", org, summit, "meeting.summit_of")
        place = next((it for it in located if it.start > s + m.end() and it.subtype in _PLACES), None)
        if place is not None:
            rel("LOCATED_IN", summit, place, "meeting.in")
        for a in actors:
            if a not in located and a.subtype in ("Person", "State"):
                rel("PARTICIPATES_IN", a, summit, "meeting.participant")
        return
    people = [a for a in actors if a.subtype == "Person" and a not in located]
    if not people:
        return
    mt: Name | None = None
    for m in hits("meeting.visit"):
        at = s + m.start()
        visitor = _last_before(people, at, ("Actor",), sent, s) or _first_after(people, s + m.end(), sent, s)
        dest = next((it for it in located if it.start >= s + m.end() and it.subtype in _PLACES), None)
        if visitor is not None and dest is not None:
            place = sent[dest.start - s : dest.end - s] if dest.subtype == "State" else dest.name
            name = f"{_surname(visitor)}'s visit to {_LEAD_THE.sub('', place)}"
            mt = _created(disc, Name(at, s + m.end(), f"event:{slug(name)}", "Meeting", name))
            rel("LOCATED_IN", mt, dest, "meeting.visit_to")
            break
    if mt is None:
        found = hits("meeting.met")
        two = _unique(people)
        if not found or len(two) < 2:
            return
        a, b = s + found[0].start(), s + found[0].end()
        noun = "talks" if "talk" in found[0].group().lower() else "meeting"
        name = f"{_surname(two[0])}–{_surname(two[1])} {noun}"
        mt = _created(disc, Name(a, b, f"event:{slug(name)}", "Meeting", name))
        place = next((it for it in located if it.start > a and it.subtype in _PLACES), None)
        if place is not None:
            rel("LOCATED_IN", mt, place, "meeting.in")
    for p in _unique(people):
        rel("PARTICIPATES_IN", p, mt, "meeting.person")


#: words that name states already named: "both countries", "the two sides", "all three countries"
#: (group ``three``); the gazetteer rules (loaders.pipeline) and the lexicon rules share it
BOTH = re.compile(
    r"\b(?:(?:both|the two) (?:countries|sides|states|nations|governments|parties)|between the countries"
    r"|the parties|(?P<three>(?:all|the) three (?:countries|states)))\b",
    re.I,
)


def _name_parties(sent: str, s: int, agr: Name, items: list[Name]) -> list[Name]:
    """States written just before an agreement's name and joined by dashes: "U.S.-India", "Russia–DPRK"."""
    before = sorted(
        (it for it in items if it.subtype == "State" and it.end <= agr.start), key=lambda it: -it.end
    )
    out: list[Name] = []
    edge = agr.start
    for st in before:
        gap = sent[st.end - s : edge - s]
        if re.fullmatch(r"\s*" if not out else r"\s*[-–—/]\s*", gap) or (
            not out and re.fullmatch(r"[-–—]\s*", gap)
        ):
            out.append(st)
            edge = st.start
        else:
            break
    return _unique(out) if len(_unique(out)) >= 2 else []


def _surname(p: Name) -> str:
    return p.name.split()[-1] if p.subtype == "Person" else p.name


def _verb_relations(sent, s, items, actors, located, money, hits, rel) -> None:
    """SUPPLIES, FUNDS, TRAINS, BUILDS, OPERATES, ESTABLISHES from their verbs and argument roles."""
    specs = (
        ("SUPPLIES", "supplies", ("Actor",)),
        ("FUNDS", "funds", ("Actor", "Site", "Event", "Agreement")),
        ("TRAINS", "trains", ("Actor",)),
        ("BUILDS", "builds", ("Facility",)),
        ("OPERATES", "operates", ("Facility",)),
        ("ESTABLISHES", "establishes", ("GovernmentBody", "SecurityForce", "Organization")),
    )
    lx = lexicon().patterns
    for typ, group, targets in specs:
        for m in hits(f"{group}.passive") if f"{group}.passive" in lx else []:
            agent = _first_after(actors, s + m.end(), sent, s)
            thing = _last_before(
                [it for it in items if _fits(it, targets)],
                s + m.start(),
                ("Actor", "Site", "Event", "Agreement"),
                sent,
                s,
            )
            if agent and thing:
                rel(typ, agent, thing, f"{group}.passive", **_amount(typ, money))
        for m in hits(f"{group}.compound") if f"{group}.compound" in lx else []:
            dash = sent[: m.start()]
            if not dash.endswith(("-", "–")):
                continue
            agent = _last_before(
                [a for a in actors if a.subtype == "State"], s + m.start() + 1, ("Actor",), sent, s
            )
            thing = _first_after([it for it in items if _fits(it, targets)], s + m.end(), sent, s)
            if agent and thing and agent.end >= s + m.start() - 2:
                rel(typ, agent, thing, f"{group}.compound", **_amount(typ, money))
        for m in hits(f"{group}.active"):
            if sent[m.end() : m.end() + 3] == " by":
                continue
            agent = _last_before(actors, s + m.start(), ("Actor",), sent, s)
            if agent is None or agent in located:
                continue
            rest = [it for it in items if it.start >= s + m.end()]
            if typ in ("SUPPLIES", "FUNDS", "TRAINS"):
                # the recipient after "to", or an object right after the verb ("trained Afghan forces");
                # "for" states a purpose ("grant assistance for the construction of ...")
                near = [it for it in rest if _fits(it, targets) and it.start - s - m.end() <= 25]
                target = _after_prep(rest, sent, s, ("to",)) or _first_after(near, s + m.end(), sent, s)
            else:
                target = _first_after([it for it in rest if _fits(it, targets)], s + m.end(), sent, s)
            if target is not None and _fits(target, targets) and target is not agent:
                rel(typ, agent, target, f"{group}.active", **_amount(typ, money))
        for m in hits(f"{group}.with_money") if f"{group}.with_money" in lx and money else []:
            agent = _last_before(actors, s + m.start(), ("Actor",), sent, s)
            if agent is None or agent in located:
                continue
            rest = [it for it in items if it.start >= s + m.end()]
            target = _after_prep(rest, sent, s, ("to",))
            if target is not None and target is not agent:
                rel(typ, agent, target, f"{group}.with_money", **_amount(typ, money))
        if f"{group}.receive" in lx:
            for m in hits(f"{group}.receive"):
                recipient = _last_before(actors, s + m.start(), ("Actor",), sent, s)
                source = _after_prep([it for it in items if it.start >= s + m.end()], sent, s, ("from",))
                if recipient and source and source.subtype in AGENTS:
                    rel(typ, source, recipient, f"{group}.receive")
                elif recipient and source is None:
                    # "Mali received a batch of Turkish combat drones": the goods' state supplied them
                    origin = next(
                        (
                            it
                            for it in items
                            if it.subtype == "State"
                            and 0 <= it.start - (s + m.end()) < 60
                            and _MODIFIES_NOUN.match(sent, it.end - s)
                        ),
                        None,
                    )
                    if origin is not None and origin.id != recipient.id:
                        rel(typ, origin, recipient, f"{group}.receive_origin")


#: a state's name or adjective used before a noun ("Turkish combat drones", "U.S. military equipment")
_MODIFIES_NOUN = re.compile(r"\s+(?:-\s*)?[a-z][a-z-]+")

_AID = re.compile(
    r"\s*(?:in\s+)?(?:[\w-]+\s+){0,3}?(?:aid|assistance|support|funding|grants?|financing|loans?)"
    r"\s+(?:for|to)\s+(?:the\s+)?$|\s*(?:in\s+)?(?:[\w-]+\s+){0,3}?(?:aid|assistance|support|funding|grants?"
    r"|financing|loans?)\s+(?:for|to)\s+(?:the\s+)?(?=[A-Z])",
    re.I,
)
_SUPPORT_TO = re.compile(
    r"\b(?:financial|budget|budgetary|military|security)\s+(?:aid|assistance|support)\s+(?:for|to)\s+(?:the\s+)?$",
    re.I,
)


def _aid_for(sent, s, items, actors, located, money, rel) -> None:
    """Grants stated as a sum and its purpose: "$139 million in bilateral assistance for Ghana",
    "100 million yuan in aid to Kyrgyzstan", "provide financial support to the Afghan National Army"."""
    spans = [(mo.end, _amount("FUNDS", [mo])) for mo in money]
    for target in items:
        if not (target.subtype in AGENTS or COARSE.get(target.subtype) == "Site"):
            continue
        gap_start = max(0, target.start - s - 90)
        found = None
        for end, amount in spans:
            if end <= target.start and _AID.fullmatch(sent[end - s : target.start - s]):
                found = (end, amount)
        if found is None and _SUPPORT_TO.search(sent[gap_start : target.start - s]):
            found = (target.start - 1, {})
        if found is None:
            continue
        agent = _last_before([a for a in actors if a not in located], found[0], ("Actor",), sent, s)
        if agent is not None and agent is not target and agent.id != target.id:
            rel("FUNDS", agent, target, "funds.aid_for", **found[1])


def _fits(it: Name, targets: tuple[str, ...]) -> bool:
    return COARSE.get(it.subtype) in targets or it.subtype in targets


def _amount(typ: str, money: list[Money]) -> dict:
    if typ != "FUNDS" or not money:
        return {}
    return {"amount": money[0].amount, "currency": money[0].currency}


def _clause_ok(sent: str, a: int, b: int) -> bool:
    return _CLAUSE.search(sent[a:b]) is None


def _last_before(items: list[Name], pos: int, coarse: tuple[str, ...], sent: str, s: int) -> Name | None:
    cands = [it for it in items if it.end <= pos and COARSE.get(it.subtype) in coarse]
    if not cands:
        return None
    it = max(cands, key=lambda x: x.end)
    return it if _clause_ok(sent, it.end - s, pos - s) and pos - it.end < 160 else None


def _first_after(items: list[Name], pos: int, sent: str, s: int) -> Name | None:
    cands = [it for it in items if it.start >= pos]
    if not cands:
        return None
    it = min(cands, key=lambda x: x.start)
    return it if _clause_ok(sent, pos - s, it.start - s) and it.start - pos < 120 else None


def _after_prep(rest: list[Name], sent: str, s: int, preps: tuple[str, ...]) -> Name | None:
    for it in rest:
        gap = sent[max(0, it.start - s - 30) : it.start - s].lower()
        if re.search(r"\b(?:" + "|".join(preps) + r")\s+(?:the\s+)?(?:\w+\s+){0,2}$", gap):
            return it if it.subtype in AGENTS else None
    return None


def _parties(actors: list[Name], sent: str, s: int, signs: list[re.Match[str]]) -> list[Name]:
    """Who agreed: the agents of the signing verb and those it was signed with or between."""
    out = [
        a
        for a in actors
        if a.subtype in PARTY_KINDS and not _OF_BEFORE.search(sent[max(0, a.start - s - 12) : a.start - s])
    ]
    return _unique(out)


def _unique(items: list[Name]) -> list[Name]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it.id not in seen:
            seen.add(it.id)
            out.append(it)
    return out


def _nearest(cands: list[Name], it: Name) -> Name:
    return min(cands, key=lambda c: abs(c.start - it.start))


def _stub(id_: str) -> Name:
    return Name(0, 0, id_, "Organization", id_)


def _state_item(state: str, near: Name) -> Name:
    return Name(near.start, near.end, state, "State", state)


_WORD = re.compile(r"[\w'’-]+")


def _phrase(sent: str, noun: re.Match[str]) -> str:
    """The noun with the modifiers written just before it ("bilateral defence cooperation agreement")."""
    mods = lexicon().modifiers
    kept: list[str] = []
    for w in reversed(_WORD.findall(sent[max(0, noun.start() - 80) : noun.start()])[-4:]):
        if w.lower() not in mods:
            break
        kept.insert(0, w.lower())
    return " ".join([*kept, noun.group().lower()])


def _new_agreement(sent: str, s: int, noun: re.Match[str], parties: list[Name], disc: Discourse) -> Name:
    names = [p.name for p in parties if p.subtype in ("State", "Organization")] or [p.name for p in parties]
    phrase = _phrase(sent, noun) if noun.group().lower() not in ("agreed", "agree") else "agreement"
    if phrase in ("agreed", "agree"):
        phrase = "agreement"
    name = f"{phrase[:1].upper()}{phrase[1:]} between {_and(names)}" if names else phrase
    sides = sorted(p.id.split(":")[-1] for p in parties if p.subtype == "State")
    key = f"agr:{slug(phrase)}-{slug('-'.join(sides))}"
    return _created(disc, Name(s + noun.start(), s + noun.end(), key, "Agreement", name))


def _new_event(
    sent: str, s: int, noun: re.Match[str], parts: list[Name], disc: Discourse, subtype: str
) -> Name:
    phrase = _phrase(sent, noun)
    names = [p.name for p in parts if p.subtype == "State"] or [p.name for p in parts]
    name = f"{phrase[:1].upper()}{phrase[1:]} of {_and(names)}"
    key = f"event:{slug(phrase)}-{slug('-'.join(sorted(p.id.split(':')[-1] for p in parts)))}"
    return _created(disc, Name(s + noun.start(), s + noun.end(), key, subtype, name))


def _created(disc: Discourse, n: Name) -> Name:
    prev = disc.created.get(n.id)
    if prev is None:
        disc.created[n.id] = n
        return n
    return Name(n.start, n.end, prev.id, prev.subtype, prev.name, prev.aliases)


def _and(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
