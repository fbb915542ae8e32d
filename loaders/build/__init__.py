"""Assemble a validated GraphDocument from an extraction: nodes, evidence, implied facts."""

from __future__ import annotations

import hashlib
from operator import itemgetter

from loaders.build import calibration
from loaders.names.gazetteer import load_gazetteer
from loaders.models import DocumentMeta
from loaders.pipeline import Extraction
from loaders.relations.sentence import Rel
from pactgraph import vocabulary as vocab
from pactgraph.models import GraphDocument

EXTRACTOR_VERSION = "loaders-rules-2"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_node(text: str, meta: DocumentMeta, digest: str, *, with_text: bool = True) -> dict:
    props: dict = {k: v for k, v in meta.model_dump().items() if v is not None}
    props.update({"hash": digest, "chars": len(text)})
    if with_text:
        props["text"] = text
    name = meta.title or meta.path or f"document {digest[:12]}"
    return {"id": f"doc:{digest}", "labels": ["Document"], "name": name, "aliases": [], "properties": props}


def _node(id_: str, labels: list[str], name: str, aliases: list[str], props: dict) -> dict:
    return {
        "id": id_,
        "labels": labels,
        "name": name,
        "aliases": _aliases(name, aliases),
        "properties": props,
    }


def build_graph(text: str, meta: DocumentMeta, ex: Extraction, digest: str) -> GraphDocument:
    """Nodes for every mention and resolved proto; relationships merged with their evidence.

    Built as plain dicts and validated once, at the end, into a GraphDocument: one pydantic pass
    per document instead of one per node, relationship and quote.
    """
    doc = document_node(text, meta, digest)
    doc_id = doc["id"]
    nodes: dict[str, dict] = {}
    for m in ex.nodes.values():
        props = m.props  # read, never changed here; validation copies it into the graph
        if "unit" in props or "created" in props:  # the pipeline's own marks stay out of the graph
            props = {k: v for k, v in props.items() if k not in {"unit", "created"}}
        labels = [m.coarse] if m.coarse == "Agreement" else [m.coarse, m.subtype]
        nodes[m.id] = _node(m.id, labels, m.name, m.aliases, props)
    for r in ex.resolved.values():
        if r.id not in nodes:
            nodes[r.id] = _node(r.id, list(r.labels), r.name, r.aliases, dict(r.props))
    ident = {pid: r.id for pid, r in ex.resolved.items()}
    rels = [*ex.rels, *_implied(ex.rels, ident, nodes)]
    _add_implied_states(rels, nodes)
    merged: dict[tuple[str, str, str], dict] = {}
    seen_ev: set[tuple[tuple[str, str, str], int]] = set()
    tail = _props_tail(meta)
    for rel in rels:
        src, tgt = ident.get(rel.source, rel.source), ident.get(rel.target, rel.target)
        if (
            src == tgt
            or src not in nodes
            or tgt not in nodes
            or not _allowed(rel.type, nodes[src]["labels"], nodes[tgt]["labels"])
        ):
            continue
        if rel.type in vocab.SYMMETRIC_TYPES:
            src, tgt = sorted((src, tgt))
        key = (rel.type, src, tgt)
        start, end = rel.span
        ev = {"document": doc_id, "quote": text[start:end], "start": start, "end": end}
        props = {**rel.props, **tail}
        props["extraction_confidence"] = calibration.confidence(props.get("rule"))
        props["rules"] = [props["rule"]] if props.get("rule") else []
        if rel.type in {"PART_OF", "LOCATED_IN"}:
            props.pop("status", None)
        cur = merged.get(key)
        if cur is None:
            merged[key] = {
                "type": rel.type,
                "source": src,
                "target": tgt,
                "properties": props,
                "evidence": [ev],
            }
            seen_ev.add((key, start))
        else:
            for k, v in props.items():
                if k not in {"status", "date", "date_precision"}:
                    cur["properties"].setdefault(k, v)
            # several rules agreeing: each is kept, and the best-calibrated one gives the confidence
            cur_props = cur["properties"]
            if props.get("rule") and props["rule"] not in cur_props["rules"]:
                cur_props["rules"] = sorted([*cur_props["rules"], props["rule"]])
            cur_props["extraction_confidence"] = max(
                cur_props["extraction_confidence"], props["extraction_confidence"]
            )
            if (key, start) not in seen_ev:
                seen_ev.add((key, start))
                cur["evidence"].append(ev)
    relationships = [merged[k] for k in sorted(merged)]
    for merged_rel in relationships:
        if len(merged_rel["evidence"]) > 1:
            merged_rel["evidence"].sort(key=itemgetter("start"))
    out_nodes = [doc, *(nodes[k] for k in sorted(nodes))]
    mentions = [
        {"type": "MENTIONS", "source": doc_id, "target": n["id"], "properties": {}, "evidence": []}
        for n in out_nodes[1:]
    ]
    return GraphDocument.model_validate({"nodes": out_nodes, "relationships": [*mentions, *relationships]})


def _add_implied_states(rels: list[Rel], nodes: dict[str, dict]) -> None:
    """A state a rule named without a mention ("the Jogorku Kenesh ratified ... with Russia": Kyrgyzstan)."""
    entries = load_gazetteer().entries
    for rel in rels:
        for end in (rel.source, rel.target):
            if end in nodes:  # nearly always: look nothing up
                continue
            entry = entries.get(end)
            if entry is not None and entry.label == "State":
                props = {k: v for k, v in (("iso2", entry.iso2), ("lat", entry.lat), ("lon", entry.lon)) if v}
                nodes[end] = _node(end, ["Actor", "State"], entry.name, entry.aliases, props)


def _aliases(name: str, aliases: list[str]) -> list[str]:
    return sorted({a for a in aliases if a and a != name})


def _allowed(typ: str, src: list[str], tgt: list[str]) -> bool:
    """Whether the vocabulary lets ``typ`` run between nodes with these labels (coarse label first)."""
    allowed_src, allowed_tgt = vocab.RELATIONSHIP_TYPES[typ]
    if src[0] not in allowed_src or tgt[0] not in allowed_tgt:
        return False
    if typ == "LOCATED_IN" and tgt[0] == "Actor":
        return vocab.subtype_label(tgt) in vocab.LOCATED_IN_ACTOR_SUBTYPES
    return True


def _props_tail(meta: DocumentMeta) -> dict:
    """The properties every relationship of the document ends with."""
    tail = {"published": meta.published} if meta.published else {}
    tail["method"] = "rule"
    tail["extractor_version"] = EXTRACTOR_VERSION
    return tail


def _implied(rels: list[Rel], ident: dict[str, str], nodes: dict[str, dict]) -> list[Rel]:
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
            if node is not None and node["labels"][-1] in {"State", "SecurityForce"}:
                out.append(Rel("PARTICIPATES_IN", p, r.target, r.span, dict(r.props)))
    out += _for_the_state(rels, ident, nodes)
    return out


def _for_the_state(rels: list[Rel], ident: dict[str, str], nodes: dict[str, dict]) -> list[Rel]:
    """A ministry that sells, funds or trains for another state acts for its own: "Denmark's defence
    ministry is selling jets to Argentina" is Denmark supplying Argentina, and the two cooperate."""
    home: dict[str, str] = {}
    for r in rels:
        if r.type == "PART_OF" and ident.get(r.target, r.target).startswith("state:"):
            home.setdefault(ident.get(r.source, r.source), ident.get(r.target, r.target))
    out = []
    for r in rels:
        if r.type not in ("SUPPLIES", "FUNDS", "TRAINS"):
            continue
        src, tgt = ident.get(r.source, r.source), ident.get(r.target, r.target)
        body, target = nodes.get(src), nodes.get(tgt)
        state = home.get(src)
        if body is None or target is None or state is None or state == tgt:
            continue
        if body["labels"][-1] == "GovernmentBody" and target["labels"][-1] == "State":
            props = {**r.props, "rule": "transfer.body_state"}
            out.append(Rel(r.type, state, tgt, r.span, props))
            out.append(Rel("COOPERATES_WITH", state, tgt, r.span, {**props, "rule": "transfer.pair"}))
    return out
