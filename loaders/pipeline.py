"""The extraction pipeline over one document's text: mentions, items, rules, resolution."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from loaders.names.dates import take_date_index
from loaders.names.gazetteer import Gazetteer, load_gazetteer
from loaders.names.mentions import SPAN, DocContext, Mention, compose
from loaders.names.people import find_people
from loaders.names.places import named_organisations, named_places, state_borders
from loaders.names.values import find_money
from loaders.read.text import sentences, slug, token_columns
from loaders.relations import BOTH, frames
from loaders.relations.agreement_rules import agreement_rules, implicit_agreement
from loaders.relations.cues import EMPTY, cue_positions, sentence_cues, token_classes
from loaders.relations.event_rules import cooperation_rules, exercise_rules
from loaders.relations.focus_pair import focus_pair_parties
from loaders.relations.frames import Discourse, Item
from loaders.relations.generic import generic_pass
from loaders.relations.party_rules import membership_rules, party_forms, provides_under
from loaders.relations.sentence import DocIndex, Rel, Sentence
from loaders.relations.site_rules import part_of_rules, site_rules
from loaders.relations.transfer_rules import (
    build_rules,
    establish_rules,
    funding_rules,
    supply_rules,
    training_rules,
)
from loaders.resolve import Resolved, resolve

_BODIES = frozenset({"GovernmentBody", "SecurityForce"})
_UNIT_PREFIX = {"GovernmentBody": "gov", "SecurityForce": "sf"}
_LEAD_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_LEAD_MODIFIER = re.compile(r"^(?:temporary|joint|permanent|new)\s+")


class Extraction:
    """Everything found in one document before it becomes a graph."""

    def __init__(self) -> None:
        self.nodes: dict[str, Mention] = {}
        self.rels: list[Rel] = []
        self.disc = Discourse()
        self.resolved: dict[str, Resolved] = {}
        #: every mention the gazetteer rules made, in every sentence (the generic pass reads them)
        self.mentions: list[Mention] = []
        #: where the rules read an unnamed facility ("a Chinese-funded base"), with its proto id
        self.facility_spans: list[tuple[int, int, str]] = []
        #: where the rules read an agreement ("the contract", "a security agreement"), with its proto id
        self.agreement_starts: list[tuple[int, str]] = []
        #: where the rules read an exercise ("joint naval drills"), with its proto id
        self.exercise_spans: list[tuple[int, int, str]] = []


def run(
    text: str,
    published: date | None,
    doc_key: str,
    gaz: Gazetteer | None = None,
    publisher_country: str | None = None,
) -> Extraction:
    """Extract mentions and relations from ``text`` sentence by sentence.

    ``publisher_country``: the ISO alpha-2 code of the government that published the document, if
    it is one (``loaders.read.header.official_country``); its officials named without a state
    ("President Biden" in a White House fact sheet) are that state's."""
    gaz = gaz or load_gazetteer()
    ex = Extraction()
    ctx = DocContext()
    tokens = token_columns(text)
    keys, starts = tokens.keys, tokens.starts
    hits = gaz.match(tokens, text)
    hit_starts = [h.i for h in hits]
    adj, known = _lookups(gaz)
    classes = token_classes(keys)
    index = DocIndex(take_date_index(text), cue_positions(classes, starts))
    for s, e in sentences(text):
        if _is_title(text, s, e):
            continue
        t0, t1 = bisect_left(starts, s), bisect_left(starts, e)
        h0, h1 = bisect_left(hit_starts, t0), bisect_left(hit_starts, t1)
        sent_hits = [h for h in hits[h0:h1] if h.j <= t1]
        cues = sentence_cues(classes, t0, t1)
        if not sent_hits and "cheap" not in cues:
            continue
        _sentence(text, s, e, sent_hits, tokens, gaz, ctx, ex, published, adj, known, cues, index)
    ex.resolved, ex.rels = resolve(ex.disc.protos, ex.rels, ex.nodes, gaz, doc_key)
    # people after every rule has run: the gazetteer rules never use them as items
    bounds = list(sentences(text))
    firsts = [a for a, _ in bounds]

    def sentence_of(m: Mention) -> tuple[int, int]:
        return bounds[max(0, bisect_left(firsts, m.start + 1) - 1)]

    home = gaz.by_iso2.get(publisher_country.lower()) if publisher_country else None
    for pid, person in find_people(text, hits, tokens, gaz, _body_start(text)).items():
        ex.nodes.setdefault(pid, person)
        state = person.props.get("country")
        if ex.nodes[pid] is not person:
            continue
        if state:  # a person is part of the state of the role they hold
            ex.rels.append(Rel("PART_OF", pid, state, sentence_of(person), {"rule": "person.role_state"}))
        elif home:  # an official the publishing government names without a state is its own
            person.props["country"] = home
            ex.rels.append(Rel("PART_OF", pid, home, sentence_of(person), {"rule": "person.publisher_state"}))
    _home_states(ex, sentence_of)
    generic_pass(text, ex, gaz, _is_title)
    focus_pair_parties(ex, bounds)
    return ex


def _home_states(ex: Extraction, sentence_of) -> None:
    """A ministry or force the reference data places in a state the document names is part of it
    ("the State Department" in a report on the United States), even where the sentence omits the state."""
    named = {m.id for m in ex.mentions if m.subtype == "State"}
    stated = {r.source for r in ex.rels if r.type == "PART_OF"}
    for m in list(ex.nodes.values()):
        home = m.home
        if home and home in named and m.subtype in _BODIES and m.id not in stated:
            ex.rels.append(Rel("PART_OF", m.id, home, sentence_of(m), {"rule": "body.home_state"}))


def _body_start(text: str) -> int:
    """Where the body starts: after a headline line (see ``_is_title``), else 0."""
    nl = text.find("\n")
    return nl if 0 < nl < 200 and _is_title(text, 0, nl) else 0


def _is_title(text: str, s: int, e: int) -> bool:
    """A headline: the first line, alone, without closing punctuation. It repeats the body in
    headline grammar ("Lawmakers Ratify Pact with Russia"), which the rules misread; skip it."""
    return s == 0 and text[e : e + 1] == "\n" and text[e - 1 : e] not in ".!?\"”'’:;" and e < 200


_LOOKUPS: dict[int, tuple[Gazetteer, dict[str, str], set[str]]] = {}


def _lookups(gaz: Gazetteer) -> tuple[dict[str, str], set[str]]:
    """State ids by demonym and the first words of every surface form, built once per gazetteer."""
    found = _LOOKUPS.get(id(gaz))
    if found is None or found[0] is not gaz:
        adj = {d: e.id for e in gaz.entries.values() if e.label == "State" for d in e.demonyms}
        found = _LOOKUPS[id(gaz)] = (gaz, adj, {k for keys in gaz.forms for k in keys[:1]})
    return found[1], found[2]


def _sentence(
    text, s, e, sent_hits, tokens, gaz, ctx, ex, published, adj, known, cues=EMPTY, index=None
) -> None:
    sent = text[s:e]
    money = find_money(sent, s) if "currency" in cues else []
    mentions = compose(sent_hits, tokens, text, gaz, ctx)
    if money:  # a mention inside an amount ("55 million Chinese yuan") is the currency, not the state
        mentions = [m for m in mentions if not any(mo.start <= m.start < mo.end for mo in money)]
    mentions += _units(sent, s, mentions) if "unit" in cues else []
    if "org" in cues:
        mentions += named_organisations(sent, s, mentions, adj)
    if "place" in cues:
        mentions += state_borders(sent, s, mentions)
        mentions += named_places(sent, s, mentions, adj)
        mentions.sort(key=SPAN)
    created = _created(sent, s) if "new_body" in cues else []
    ex.mentions.extend(mentions)
    nodes, disc = ex.nodes, ex.disc
    for m in [*mentions, *created] if created else mentions:
        if m.parent and m.parent not in nodes and m.parent in gaz.entries:
            parent = gaz.entries[m.parent]
            nodes[m.parent] = Mention(
                m.start,
                m.start,
                parent.id,
                parent.coarse,
                parent.label,
                parent.name,
                list(parent.aliases),
                dict(parent.state_props),
            )
        prev = nodes.get(m.id)
        if prev is None:
            nodes[m.id] = m
        else:
            prev.aliases = sorted(set(prev.aliases) | set(m.aliases))
            prev.parent = prev.parent or m.parent
    items = [Item(m.start, m.end, "site" if m.coarse == "Site" else "actor", m.id, m) for m in mentions]
    if created:
        items += [Item(m.start, m.end, "actor", m.id, m) for m in created]
    _state_groups(sent, s, mentions, disc)
    if "both" in cues:
        items += _both(sent, s, disc, mentions, nodes)
    if "facility" in cues:
        facilities = frames.facility_items(sent, s, disc, mentions, adj)
        items += facilities
        ex.facility_spans.extend((i.start, i.end, i.ref) for i in facilities if i.kind == "facility")
    _gazetteer_focus(items, mentions, disc)
    if "agreement" in cues:
        actors = [(m.start, m.end) for m in mentions if m.coarse == "Actor"]
        read = frames.agreement_items(sent, s, disc, actors)
        ex.agreement_starts.extend((i.start, i.ref) for i in read)
        items += read
    if "exercise" in cues:
        read = frames.exercise_items(sent, s, disc, known)
        ex.exercise_spans.extend((i.start, i.end, i.ref) for i in read)
        items += read
    items.sort(key=SPAN)
    recent = disc.recent_states
    for m in mentions:
        state = m.id if m.subtype == "State" else m.parent
        if state and state.startswith("state:") and (not recent or recent[-1] != state):
            recent.append(state)
    kinds = {i.kind for i in items}
    if "agreement" in kinds:
        agreements = [i for i in items if i.kind == "agreement"]
        for fac in (
            i
            for i in items
            if i.kind == "facility" or (i.kind == "site" and i.mention.subtype == "Facility")  # type: ignore[union-attr]
        ):
            for agr in agreements:
                disc.protos[agr.ref].facilities.add(fac.ref)
    view = Sentence(text, s, e, items, money, published, cues, index)
    rels: list[Rel] = []
    rels += _tag("frame.part_of", part_of_rules(view))
    rels += _tag("frame.membership", membership_rules(view)) if "member" in cues else []
    if "agreement" in kinds or "both" in cues:
        rels += _tag("frame.agreement", agreement_rules(view, ex.disc))
    if "agreement" in kinds:
        rels += _tag("frame.party", party_forms(view, ex.disc))
        rels += _tag("frame.provides", provides_under(view, ex.disc))
    rels += _tag("frame.agreed_to", implicit_agreement(view, ex.disc)) if "agreed_to" in cues else []
    if "exercise" in kinds or "took_part" in cues:
        rels += _tag("frame.exercise", exercise_rules(view, ex.disc))
    # each rule below finds nothing without its cue words or items (its patterns are scanned only
    # when the token cue class is present, see rulekit.cue_spans): skip the call outright
    if "coop" in cues:
        rels += _tag("frame.cooperation", cooperation_rules(view, ex.disc))
    if kinds & {"facility", "site", "exercise"}:
        rels += _tag("frame.site", site_rules(view, ex.disc))
    if money or "moneyish" in cues:
        rels += _tag("frame.funding", funding_rules(view, ex.disc))
    if "build" in cues or "operate" in cues:
        rels += _tag("frame.build", build_rules(view, ex.disc))
    if "supply_out" in cues or "supply_in" in cues:
        rels += _tag("frame.supply", supply_rules(view, ex.disc))
    if "train" in cues:
        rels += _tag("frame.training", training_rules(view, ex.disc))
    if created:
        rels += _tag(
            "frame.establish", establish_rules(view, ex.disc, [i for i in items if i.mention in created])
        )
    ex.rels.extend(rels)


def _tag(rule: str, rels: list[Rel]) -> list[Rel]:
    """Name the rule family and relation type that made each relation ("frame.agreement.party_to"),
    so that its precision can be measured and calibrated (``loaders.build.calibration``)."""
    for r in rels:
        r.props.setdefault("rule", f"{rule}.{r.type.lower()}")
    return rels


def _gazetteer_focus(items: list[Item], mentions: list[Mention], disc: Discourse) -> None:
    """ "the base" after "Ream Naval Base": point definite phrases at the named facility in focus."""
    named = [m for m in mentions if m.subtype == "Facility"]
    for it in items:
        if it.kind != "facility" or not it.definite:
            continue
        before = [m for m in named if m.end <= it.start]
        focus = before[-1] if before else disc.focus
        if focus is not None and (before or disc.focus_is_named):
            it.kind, it.ref, it.mention = "site", focus.id, focus
    facility_items = [
        i
        for i in items
        if i.kind in ("facility", "site") and (i.kind == "facility" or i.mention.subtype == "Facility")  # type: ignore[union-attr]
    ]
    if facility_items:
        last = max(facility_items, key=lambda i: i.start)
        disc.focus_is_named = last.kind == "site"
        if last.kind == "site":
            disc.focus = last.mention


def _units(sent: str, off: int, mentions: list[Mention]) -> list[Mention]:
    """ "Organized Crime Department of the MVD", "rapid response team of <unit>": PART_OF chains."""
    out: list[Mention] = []
    matches = frames.UNIT_SCAN.matches(sent)
    for m in reversed(matches):
        parent = next(
            (x for x in [*out, *mentions] if x.start == m.end() + off and x.coarse == "Actor"), None
        )
        if parent is None:
            continue
        unit = _LEAD_ARTICLE.sub("", m.group("unit"))
        start = m.start("unit") + off + (len(m.group("unit")) - len(unit))
        if parent.parent is None and parent.id.startswith("state:"):
            label, pname = "GovernmentBody", parent.name
        else:
            label = "SecurityForce" if unit[:1].islower() else "GovernmentBody"
            pname = parent.aliases[0] if parent.props.get("unit") else parent.name
        name = f"{unit} of the {pname}" if not pname.startswith("the ") else f"{unit} of {pname}"
        uid = f"{_UNIT_PREFIX.get(label, 'gov')}:{parent.id.split(':', 1)[1]}-{slug(unit)}"
        out.append(
            Mention(
                start, start + len(unit), uid, "Actor", label, name, [unit], {"unit": True}, parent=parent.id
            )
        )
    return out


def _created(sent: str, off: int) -> list[Mention]:
    """Bodies the text says are being created ("a temporary exercise control department")."""
    out = []
    for m in frames.NEW_BODY.finditer(sent):
        np = m.group("np")
        start = m.start("np") + off
        short = _LEAD_MODIFIER.sub("", np)
        out.append(
            Mention(
                start,
                start + len(np),
                f"org:{slug(np)}",
                "Actor",
                "Organization",
                np,
                [short] if short != np else [],
                {"created": True},
            )
        )
    return out


def _both(
    sent: str, off: int, disc: Discourse, mentions: list[Mention], nodes: dict[str, Mention]
) -> list[Item]:
    """ "the two countries", "both sides": the two states most recently in focus."""
    out: list[Item] = []
    pair: list[str] = []
    for st in reversed(disc.recent_states):
        if st not in pair:
            pair.append(st)
        if len(pair) == 2:
            break
    if len(pair) < 2:
        return out
    for m in BOTH.finditer(sent):
        group = disc.state_groups.get(3, []) if m.group("three") else pair
        for st in sorted(group):
            if st in nodes:
                out.append(Item(m.start() + off, m.end() + off, "actor", st, nodes[st]))
    return out


_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")


def _state_groups(sent: str, off: int, mentions: list[Mention], disc: Discourse) -> None:
    """Remember states coordinated in one list, so "the three countries" can name them later."""
    states = [m for m in mentions if m.subtype == "State"]
    group: list[Mention] = []
    for m in states:
        if group and _LIST_GAP.match(sent[group[-1].end - off : m.start - off]):
            group.append(m)
            continue
        if len(group) >= 3:
            disc.state_groups[len(group)] = [g.id for g in group]
        group = [m]
    if len(group) >= 3:
        disc.state_groups[len(group)] = [g.id for g in group]
