"""Assemble a validated GraphDocument from an extraction: nodes, evidence, implied facts."""

from __future__ import annotations

import hashlib

from loaders.models import DocumentMeta
from loaders.pipeline import Extraction
from loaders.sentence import Rel
from pactgraph import vocabulary as vocab
from pactgraph.models import Evidence, GraphDocument, Node, Relationship

EXTRACTOR_VERSION = "loaders-rules-1"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_node(text: str, meta: DocumentMeta, digest: str, *, with_text: bool = True) -> Node:
    props: dict = {k: v for k, v in meta.model_dump().items() if v is not None}
    props.update({"hash": digest, "chars": len(text)})
    if with_text:
        props["text"] = text
    name = meta.title or meta.path or f"document {digest[:12]}"
    return Node(id=f"doc:{digest}", labels=["Document"], name=name, properties=props)


def build_graph(text: str, meta: DocumentMeta, ex: Extraction, digest: str) -> GraphDocument:
    """Nodes for every mention and resolved proto; relationships merged with their evidence."""
    doc = document_node(text, meta, digest)
    nodes: dict[str, Node] = {}
    for m in ex.nodes.values():
        nodes[m.id] = Node(
            id=m.id,
            labels=["Actor" if m.coarse == "Actor" else "Site", m.subtype],
            name=m.name,
            aliases=_aliases(m.name, m.aliases),
            properties={k: v for k, v in m.props.items() if k not in {"unit", "created"}},
        )
    for r in ex.resolved.values():
        if r.id not in nodes:
            nodes[r.id] = Node(
                id=r.id, labels=r.labels, name=r.name, aliases=_aliases(r.name, r.aliases), properties=r.props
            )
    ident = {pid: r.id for pid, r in ex.resolved.items()}
    rels = [*ex.rels, *_implied(ex.rels, ident, nodes)]
    _add_implied_states(rels, nodes)
    merged: dict[tuple[str, str, str], Relationship] = {}
    seen_ev: set[tuple[tuple[str, str, str], int]] = set()
    for rel in rels:
        src, tgt = ident.get(rel.source, rel.source), ident.get(rel.target, rel.target)
        if (
            src == tgt
            or src not in nodes
            or tgt not in nodes
            or not _allowed(rel.type, nodes[src], nodes[tgt])
        ):
            continue
        if rel.type in vocab.SYMMETRIC_TYPES:
            src, tgt = sorted((src, tgt))
        key = (rel.type, src, tgt)
        ev = Evidence(
            document=doc.id, quote=text[rel.span[0] : rel.span[1]], start=rel.span[0], end=rel.span[1]
        )
        props = _props(rel, meta)
        cur = merged.get(key)
        if cur is None:
            merged[key] = Relationship(type=rel.type, source=src, target=tgt, properties=props, evidence=[ev])
            seen_ev.add((key, ev.start))
        else:
            for k, v in props.items():
                if k not in {"status", "date", "date_precision"}:
                    cur.properties.setdefault(k, v)
            if (key, ev.start) not in seen_ev:
                seen_ev.add((key, ev.start))
                cur.evidence.append(ev)
    relationships = sorted(merged.values(), key=lambda r: (r.type, r.source, r.target))
    for r in relationships:
        r.evidence.sort(key=lambda e: e.start)
    out_nodes = [doc, *sorted(nodes.values(), key=lambda n: n.id)]
    mentions = [Relationship(type="MENTIONS", source=doc.id, target=n.id) for n in out_nodes[1:]]
    return GraphDocument(nodes=out_nodes, relationships=[*mentions, *relationships])


def _add_implied_states(rels: list[Rel], nodes: dict[str, Node]) -> None:
    """A state a rule named without a mention ("the Jogorku Kenesh ratified ... with Russia": Kyrgyzstan)."""
    from loaders.gazetteer import load_gazetteer

    entries = load_gazetteer().entries
    for rel in rels:
        for end in (rel.source, rel.target):
            entry = entries.get(end)
            if end not in nodes and entry is not None and entry.label == "State":
                props = {k: v for k, v in (("iso2", entry.iso2), ("lat", entry.lat), ("lon", entry.lon)) if v}
                nodes[end] = Node(
                    id=end,
                    labels=["Actor", "State"],
                    name=entry.name,
                    aliases=_aliases(entry.name, entry.aliases),
                    properties=props,
                )


def _aliases(name: str, aliases: list[str]) -> list[str]:
    return sorted({a for a in aliases if a and a != name})


def _allowed(typ: str, src: Node, tgt: Node) -> bool:
    allowed_src, allowed_tgt = vocab.RELATIONSHIP_TYPES[typ]
    if src.coarse not in allowed_src or tgt.coarse not in allowed_tgt:
        return False
    if typ == "LOCATED_IN" and tgt.coarse == "Actor":
        return tgt.subtype in vocab.LOCATED_IN_ACTOR_SUBTYPES
    return True


def _props(rel: Rel, meta: DocumentMeta) -> dict:
    props = dict(rel.props)
    if rel.type in {"PART_OF", "LOCATED_IN"}:
        props.pop("status", None)
    if meta.published:
        props["published"] = meta.published
    props["method"] = "rule"
    props["extractor_version"] = EXTRACTOR_VERSION
    return props


def _implied(rels: list[Rel], ident: dict[str, str], nodes: dict[str, Node]) -> list[Rel]:
    """Parties of an agreement take part in the exercises it provides for."""
    parties: dict[str, list[str]] = {}
    for r in rels:
        if r.type == "PARTY_TO":
            parties.setdefault(ident.get(r.target, r.target), []).append(r.source)
    out = []
    for r in rels:
        if r.type != "PROVIDES_FOR" or not r.target.startswith("@e"):
            continue
        for p in sorted(set(parties.get(ident.get(r.source, r.source), []))):
            node = nodes.get(p)
            if node is not None and node.subtype in {"State", "SecurityForce"}:
                out.append(Rel("PARTICIPATES_IN", p, r.target, r.span, dict(r.props)))
    return out
