"""Merge coreferent facilities, agreements and exercises, and give each a stable id and name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from loaders.names.gazetteer import Gazetteer
from loaders.names.mentions import Mention
from loaders.read.text import slug
from loaders.relations.frames import Proto
from loaders.relations.sentence import Rel


@dataclass
class Resolved:
    """A proto's final node: id, labels, name, aliases, properties."""

    id: str
    labels: list[str]
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict = field(default_factory=dict)


class _Union:
    def __init__(self, keys) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=_order)] = min(ra, rb, key=_order)


def _order(pid: str) -> int:
    return int(pid[2:])


def resolve(
    protos: dict[str, Proto], rels: list[Rel], nodes: dict[str, Mention], gaz: Gazetteer, doc_key: str
) -> tuple[dict[str, Resolved], list[Rel]]:
    """Return the node of every proto id, and the relationships with party sets cleaned."""
    parents = {m.id: m.parent for m in nodes.values() if m.parent}
    uf = _Union(protos)
    _merge_facilities(protos, rels, parents, gaz, uf)
    _merge_agreements(protos, rels, parents, uf)
    _merge_exercises(protos, rels, uf)
    groups: dict[str, list[Proto]] = {}
    for pid, proto in protos.items():
        groups.setdefault(uf.find(pid), []).append(proto)
    out: dict[str, Resolved] = {}
    # what the agreement namer needs from every relationship, gathered in one pass, not per group
    agreement = partial(_agreement, parents=parents, provides=_provides_for(rels, uf))
    namers: dict[str, Callable[..., Resolved]] = {
        "facility": _facility,
        "agreement": agreement,
        "exercise": _exercise,
    }
    for root, members in groups.items():
        node = namers[protos[root].kind](members, rels, nodes, gaz, uf, root, doc_key)
        for m in members:
            out[m.pid] = node
    return out, _clean_parties(rels, uf, parents, nodes, out)


def _closure(ids: set[str], parents: dict[str, str]) -> set[str]:
    out = set(ids)
    for i in ids:
        cur, n = i, 0
        while cur in parents and n < 6:
            cur, n = parents[cur], n + 1
            out.add(cur)
    return {i for i in out if not i.startswith("state:")}


def _merge_facilities(protos, rels, parents, gaz, uf) -> None:
    facs = [p for p in protos.values() if p.kind == "facility"]
    funding: dict[str, Rel] = {}  # the first FUNDS with an amount, by target
    for r in (r for r in rels if r.type == "FUNDS" and "amount" in r.props):
        funding.setdefault(r.target, r)
    for p in (p for p in facs if p.cost is None and p.pid in funding):
        p.cost = (funding[p.pid].props["amount"], funding[p.pid].props["currency"])
    by_fixed: dict[str, str] = {}
    for p in facs:
        if p.fixed_id:
            if p.fixed_id in by_fixed:
                uf.join(by_fixed[p.fixed_id], p.pid)
            by_fixed.setdefault(p.fixed_id, p.pid)
    # loose facilities merge when they share an operator or a cost and their regions fit: only such
    # pairs are tried, through an index by operator and cost of the facilities so far (not all
    # pairs; joins fix the partition whatever their order: a component's root is its first proto)
    so_far: dict[tuple, list[Proto]] = {}
    for b in (p for p in facs if not p.fixed_id):
        keys = [("op", o) for o in _closure(b.operators, parents)]
        if b.cost is not None:
            keys.append(("cost", b.cost))
        partners = {a.pid: a for key in keys for a in so_far.get(key, ())}
        for a in partners.values():
            if _regions_fit(a.regions, b.regions, gaz):
                uf.join(a.pid, b.pid)
        for key in keys:
            so_far.setdefault(key, []).append(b)


def _regions_fit(a: list[str], b: list[str], gaz: Gazetteer) -> bool:
    if not a or not b:
        return True
    return any(x == y or _inside(x, y, gaz) or _inside(y, x, gaz) for x in a for y in b)


def _inside(inner: str, outer: str, gaz: Gazetteer) -> bool:
    cur, n = gaz.entries.get(inner), 0
    while cur is not None and n < 6:
        nxt = cur.inside or cur.state
        if nxt == outer:
            return True
        cur, n = gaz.entries.get(nxt) if nxt else None, n + 1
    return False


def _linked_facilities(protos, rels, uf) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in protos.values():
        if p.kind == "agreement":
            out[p.pid] = {uf.find(f) if f in uf.parent else f for f in p.facilities}
    return out


def _final_parties(p: Proto, parents: dict[str, str]) -> frozenset[str]:
    """The parties without the states whose own bodies are parties too."""
    owners = {parents[y] for y in p.parties if y in parents}
    return frozenset(x for x in p.parties if x not in owners)


def _merge_agreements(protos, rels, parents, uf) -> None:
    agrs = [p for p in protos.values() if p.kind == "agreement"]
    links = _linked_facilities(protos, rels, uf)
    # a pair (a before b) merges when it links a common facility, or when a has parties, a or b
    # links none and both have the same final parties: joined by facility and by party set, not
    # over all pairs (joins fix the partition whatever their order)
    by_facility: dict[str, str] = {}
    by_parties: dict[frozenset[str], list[Proto]] = {}
    for a in agrs:
        for f in links[a.pid]:
            uf.join(by_facility.setdefault(f, a.pid), a.pid)
        by_parties.setdefault(_final_parties(a, parents), []).append(a)
    for group in by_parties.values():
        _join_same_parties(group, links, uf)
    roots: dict[str, Proto] = {}
    for a in agrs:
        root = protos[uf.find(a.pid)]
        if root is not a:
            root.parties |= a.parties
            root.facilities |= a.facilities
            root.terms |= a.terms
            root.surfaces += a.surfaces
        roots[root.pid] = root


def _join_same_parties(group: list[Proto], links: dict[str, set[str]], uf: _Union) -> None:
    """Join x and y (x first) of ``group`` when x has parties and x or y links no facility."""
    first_unlinked = None  # the first with parties and no facility: every later one joins it
    linked: list[str] = []  # before that one: those with parties and facilities (one per component)
    for y in group:
        if first_unlinked is not None:
            uf.join(first_unlinked, y.pid)
        if not links[y.pid]:  # y links none: it joins every earlier one with parties
            for x in linked:
                uf.join(x, y.pid)
            linked = [y.pid] if linked else []  # they now share y's component
            if y.parties and first_unlinked is None:
                first_unlinked, linked = y.pid, []
        elif y.parties and first_unlinked is None:
            linked.append(y.pid)


def _merge_exercises(protos, rels, uf) -> None:
    exs = [p for p in protos.values() if p.kind == "exercise" and not p.fixed_id]
    clusters: list[tuple[str, set[str]]] = []
    for p in exs:
        part = set(p.participants)
        for root, members in clusters:
            if not part or not members or part <= members or members <= part:
                uf.join(root, p.pid)
                members |= part
                break
        else:
            clusters.append((p.pid, part))
    named: dict[str, str] = {}
    for p in protos.values():
        if p.kind == "exercise" and p.fixed_id:
            if p.fixed_id in named:
                uf.join(named[p.fixed_id], p.pid)
            named.setdefault(p.fixed_id, p.pid)


def _names(ids, nodes) -> list[str]:
    return [nodes[i].name for i in sorted(ids) if i in nodes]


def _provides_for(rels, uf) -> dict[str, set[str]]:
    """What each merged proto provides for, by the proto's root."""
    found: dict[str, set[str]] = {}
    for r in rels:
        if r.type == "PROVIDES_FOR" and r.source.startswith("@"):
            found.setdefault(uf.find(r.source), set()).add(r.target)
    return found


def _facility(members, rels, nodes, gaz, uf, root, doc_key) -> Resolved:
    fixed = next((m for m in members if m.fixed_id), None)
    noun = next((m.noun for m in members if m.noun == "base"), members[0].noun or "facility")
    surfaces = sorted({s for m in members for s in m.surfaces if len(s.split()) >= 2})
    if fixed:
        return Resolved(fixed.fixed_id, ["Site", "Facility"], fixed.name or fixed.fixed_id, surfaces)
    regions = [r for m in members for r in m.regions]
    operators = {o for m in members for o in m.operators}
    adjectives = {a for m in members for a in m.adjectives}
    if not regions and len(adjectives) == 1:
        # "the Russian air base" where the text names Kant air base, run by Russia: one site
        known = [n for n in nodes.values() if (e := gaz.entries.get(n.id)) and e.operator in adjectives]
        if len(known) == 1:
            return Resolved(known[0].id, ["Site", "Facility"], known[0].name, surfaces)
    name, place_key = None, None
    for reg in regions[::-1]:
        entry = gaz.entries.get(reg)
        short = entry.short if entry and entry.short else None
        if short:
            # two places may share a short name (Tajikistan's Wakhan, Afghanistan's Wakhan Corridor):
            # the name reads as the text does, the id keeps the places apart
            name, place_key = f"{short} {noun}", f"{reg.split(':', 1)[1]}-{noun}"
            break
    if name is None:
        home = {gaz.state_of(r) for r in regions} - {None}
        foreign = [
            o
            for o in sorted(operators | {a for m in members for a in m.adjectives})
            if o.startswith("state:") and o not in home
        ]
        if foreign and gaz.entries[foreign[0]].demonyms:
            name = f"{gaz.entries[foreign[0]].demonyms[0]} {noun}"
        elif regions and regions[-1] in gaz.entries:
            name = f"{noun} in {gaz.entries[regions[-1]].name}"
        else:  # named from its own words ("Chinese-funded base"), never from a hash
            worded = sorted((x for x in surfaces if len(x.split()) >= 2), key=len)
            name = worded[-1] if worded else noun
    aliases = [s for s in surfaces if s.lower() != name.lower()]
    aliases += [
        f"{noun} for {nodes[o].name}" for o in sorted(operators) if o in nodes and not o.startswith("state:")
    ]
    props = {}
    if regions and (entry := gaz.entries.get(regions[-1])) and entry.lat is not None:
        props = {"lat": entry.lat, "lon": entry.lon, "approximate": True}
    if place_key:
        fid = f"facility:{slug(place_key)}"
    elif name != noun:
        fid = f"facility:{slug(name)}"
    else:
        fid = f"facility:{slug(noun)}-{doc_key[:8]}-{root[2:]}"
    return Resolved(fid, ["Site", "Facility"], name, sorted(set(aliases)), props)


def _agreement(members, rels, nodes, gaz, uf, root, doc_key, *, parents, provides) -> Resolved:
    head = members[0]
    parties = sorted(_final_parties(head, parents))
    facs = {uf.find(f) if f in uf.parent else f for m in members for f in m.facilities}
    targets = provides.get(root, set())
    topic, topic_key = "", "cooperation"
    if any(t.startswith("@e") for t in targets):
        topic, topic_key = "on joint exercises", "exercises"
    elif facs or any(t.startswith(("@f", "facility:")) for t in targets):
        topic, topic_key = "on a facility", "facility"
    noun = next((m.noun for m in members if m.noun), "agreement")
    names = _names(parties, nodes)
    name = f"{'–'.join(names)} {noun} {topic}".strip()
    key = "-".join(p.split(":", 1)[1] for p in parties) or doc_key[:12]
    aliases = sorted({s for m in members for s in m.surfaces if len(s.split()) >= 2})
    props = {"terms": sorted({t for m in members for t in m.terms})} if any(m.terms for m in members) else {}
    return Resolved(f"agreement:{key}-{topic_key}", ["Agreement"], name, aliases, props)


def _exercise(members, rels, nodes, gaz, uf, root, doc_key) -> Resolved:
    fixed = next((m for m in members if m.fixed_id), None)
    if fixed:
        return Resolved(fixed.fixed_id, ["Event", "Exercise"], fixed.name or fixed.fixed_id, [])
    parts = sorted({p for m in members for p in m.participants})
    topic = next((m.topic for m in members if m.topic), "")
    states = [p for p in parts if p.startswith("state:")] or parts
    label = "–".join(_names(states, nodes))
    name = " ".join(x for x in (label, "joint", topic, "exercises") if x)
    key = "-".join(p.split(":", 1)[1] for p in states) or doc_key[:12]
    aliases = sorted({s for m in members for s in m.surfaces if len(s.split()) >= 2})
    freq = next((m.frequency for m in members if m.frequency), None)
    props = {"frequency": freq} if freq else {}
    return Resolved(
        f"event:exercise-{key}{'-' + topic if topic else ''}", ["Event", "Exercise"], name, aliases, props
    )


def _clean_parties(rels, uf, parents, nodes, out) -> list[Rel]:
    """Drop a state as party when one of its own bodies signed for it."""
    keep = []
    by_agr: dict[str, set[str]] = {}
    for r in rels:
        if r.type == "PARTY_TO" and r.target.startswith("@"):
            by_agr.setdefault(uf.find(r.target), set()).add(r.source)
    # the states whose bodies signed, by agreement
    owners = {agr: {parents.get(s) for s in signers} for agr, signers in by_agr.items()}
    for r in rels:
        if r.type == "PARTY_TO" and r.target.startswith("@") and r.source in owners[uf.find(r.target)]:
            continue
        keep.append(r)
    return keep
