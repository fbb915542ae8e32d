"""Shared builders of graph JSON for tests: small documents that make chosen claims."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from loaders import ExtractResult
from pactgraph.models import GraphDocument

#: a few entities (id -> labels, name) that test documents can speak of
ENTITIES: dict[str, tuple[list[str], str]] = {
    "state:tajikistan": (["Actor", "State"], "Tajikistan"),
    "state:china": (["Actor", "State"], "China"),
    "gov:tj-mvd": (["Actor", "GovernmentBody"], "Ministry of Internal Affairs of Tajikistan"),
    "gov:cn-mps": (["Actor", "GovernmentBody"], "Ministry of Public Security of China"),
    "gov:tj-parliament": (["Actor", "GovernmentBody"], "Parliament of Tajikistan"),
    "agreement:mvd-mps": (["Agreement"], "MVD–MPS agreement"),
    "region:gbao": (["Site", "Region"], "Gorno-Badakhshan Autonomous Oblast"),
    "facility:wakhan-base": (["Site", "Facility"], "Wakhan base"),
}


def document_graph(text: str, claims: list[tuple[str, str, str]], *, publisher: str | None = None,
                   published: str | None = None, title: str | None = None,
                   aliases: dict[str, list[str]] | None = None,
                   properties: dict[str, dict[str, Any]] | None = None) -> GraphDocument:
    """One document (id = hash of ``text``) making ``claims`` (source, TYPE, target), each quoted
    by a sentence of its own, with MENTIONS to every node it names."""
    doc_id = "doc:" + hashlib.sha256(text.encode()).hexdigest()
    ids = sorted({end for s, _, t in claims for end in (s, t)})
    doc_props: dict[str, Any] = {"title": title or text[:40], "hash": doc_id[4:], "text": text,
                                 "language": "en", "chars": len(text)}
    if publisher:
        doc_props["publisher"] = publisher
    if published:
        doc_props["published"] = published
    nodes: list[dict[str, Any]] = [{"id": doc_id, "labels": ["Document"], "name": doc_props["title"],
                                    "properties": doc_props}]
    for node_id in ids:
        labels, name = ENTITIES[node_id]
        nodes.append({"id": node_id, "labels": labels, "name": name,
                      "aliases": (aliases or {}).get(node_id, [])})
    rels: list[dict[str, Any]] = []
    for i, (source, rel_type, target) in enumerate(claims):
        quote = f"{ENTITIES[source][1]} {rel_type} {ENTITIES[target][1]} ({i})."
        start = text.find(quote)
        start = start if start >= 0 else i * 10
        rels.append({"type": rel_type, "source": source, "target": target,
                     "properties": dict((properties or {}).get(f"{source}|{rel_type}|{target}", {})),
                     "evidence": [{"document": doc_id, "quote": quote, "start": start,
                                   "end": start + len(quote)}]})
    for node_id in ids:
        rels.append({"type": "MENTIONS", "source": doc_id, "target": node_id})
    return GraphDocument.model_validate({"nodes": nodes, "relationships": rels})


# --- the seed article's hand annotation as a graph (API engineer) ---

SEED_DOC = "doc:seed"


def seed_graph() -> GraphDocument:
    """The seed article's hand annotation (shared/eval/seed.gold.json) as a graph: one Document,
    MENTIONS from it to every entity, each relationship's evidence at its real offset."""
    import json

    from pactgraph.settings import PROJECT_ROOT

    shared = PROJECT_ROOT.parent / "shared"
    gold = json.loads((shared / "eval" / "seed.gold.json").read_text(encoding="utf-8"))
    text_path = shared / "corpus" / "seed" / "tajikistan-china-security-cooperation.txt"
    text = text_path.read_text(encoding="utf-8") if text_path.exists() else ""
    title = "Tajikistan and China Deepen Security Cooperation"
    nodes: list[dict[str, Any]] = [{
        "id": SEED_DOC, "labels": ["Document"], "name": title,
        "properties": {"title": title, "publisher": "Asia-Plus", "published": gold["published"],
                       "language": "en", "text": text},
    }]
    for ent in gold["entities"]:
        labels = [ent["label"], *([ent["subtype"]] if ent.get("subtype") else [])]
        nodes.append({"id": ent["id"], "labels": labels, "name": ent["name"], "aliases": ent["aliases"]})
    rels: list[dict[str, Any]] = []
    for rel in gold["relations"]:
        quote = rel["evidence"]
        start = max(text.find(quote), 0)
        props: dict[str, Any] = {"status": "reported", "published": gold["published"],
                                 "first_reported": gold["published"],
                                 "confidence": 80 if rel["required"] else 60}
        props.update({k: rel[k] for k in ("date", "amount", "currency") if k in rel})
        rels.append({"type": rel["type"], "source": rel["source"], "target": rel["target"],
                     "properties": props,
                     "evidence": [{"document": SEED_DOC, "quote": quote, "start": start,
                                   "end": start + len(quote)}]})
    rels.extend({"type": "MENTIONS", "source": SEED_DOC, "target": ent["id"]} for ent in gold["entities"])
    return GraphDocument.model_validate({"nodes": nodes, "relationships": rels})


def extracted(path: str, graph: GraphDocument | None, error: str | None = None) -> ExtractResult:
    """A file's extraction as the loaders hand it to ingest: its graph, or why there is none."""
    return ExtractResult(Path(path), graph, error)


# --- likely duplicates for the curation queue (issue 16) ---

#: id -> (labels, name, aliases): three pairs that share a name, an alias or most of a name, and
#: a pair of posts alike only in their neighbours
DUPLICATE_ENTITIES: dict[str, tuple[list[str], str, list[str]]] = {
    "state:tajikistan": (["Actor", "State"], "Tajikistan", []),
    "state:china": (["Actor", "State"], "China", []),
    "agreement:mvd-mps": (["Agreement"], "MVD–MPS agreement", []),
    "gov:tj-mvd": (["Actor", "GovernmentBody"], "Ministry of Internal Affairs of Tajikistan", ["MVD"]),
    "gov:tj-mvd-2": (["Actor", "GovernmentBody"], "Tajik Ministry of Internal Affairs", []),
    "gov:cn-mps": (["Actor", "GovernmentBody"], "Ministry of Public Security of China", ["MPS"]),
    "gov:cn-mps-2": (["Actor", "GovernmentBody"], "Chinese Public Security Ministry", ["MPS"]),
    "region:gbao": (["Site", "Region"], "Gorno-Badakhshan Autonomous Oblast", []),
    "region:wakhan-corridor": (["Site", "Region"], "Wakhan Corridor", []),
    "facility:wakhan-base": (["Site", "Facility"], "Wakhan base", []),
    "facility:wakhan-post": (["Site", "Facility"], "Wakhan Base", []),
    "facility:border-post": (["Site", "Facility"], "Border post 12", []),
}
DUPLICATE_CLAIMS: list[tuple[str, str, str]] = [
    ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps"), ("gov:tj-mvd-2", "PARTY_TO", "agreement:mvd-mps"),
    ("gov:cn-mps", "PARTY_TO", "agreement:mvd-mps"),
    ("gov:tj-mvd", "LOCATED_IN", "state:tajikistan"), ("gov:tj-mvd-2", "LOCATED_IN", "state:tajikistan"),
    ("gov:cn-mps", "LOCATED_IN", "state:china"), ("gov:cn-mps-2", "LOCATED_IN", "state:china"),
    ("gov:tj-mvd", "COOPERATES_WITH", "gov:tj-mvd-2"), ("gov:tj-mvd-2", "TRAINS", "gov:cn-mps-2"),
    ("region:gbao", "LOCATED_IN", "state:tajikistan"),
    ("facility:wakhan-base", "LOCATED_IN", "region:gbao"),
    ("facility:border-post", "LOCATED_IN", "region:gbao"),
    ("facility:wakhan-post", "LOCATED_IN", "region:wakhan-corridor"),
    ("gov:tj-mvd", "OPERATES", "facility:wakhan-base"), ("gov:tj-mvd", "OPERATES", "facility:border-post"),
    ("gov:cn-mps", "FUNDS", "facility:wakhan-base"), ("gov:cn-mps", "FUNDS", "facility:border-post"),
]


def duplicates_graph() -> GraphDocument:
    """One report making DUPLICATE_CLAIMS, each quoted by a sentence of its own, mentioning every entity."""
    names = {i: name for i, (_, name, _) in DUPLICATE_ENTITIES.items()}
    sentences = [f"{names[s]} {t} {names[o]}." for s, t, o in DUPLICATE_CLAIMS]
    text = " ".join(sentences)
    doc_id = "doc:" + hashlib.sha256(text.encode()).hexdigest()
    props = {"title": "Duplicates report", "text": text, "language": "en"}
    nodes: list[dict[str, Any]] = [{"id": doc_id, "labels": ["Document"], "name": props["title"],
                                    "properties": props}]
    nodes += [{"id": i, "labels": labels, "name": name, "aliases": aliases}
              for i, (labels, name, aliases) in DUPLICATE_ENTITIES.items()]
    rels: list[dict[str, Any]] = []
    for (source, rel_type, target), quote in zip(DUPLICATE_CLAIMS, sentences, strict=True):
        start = text.find(quote)
        evidence = {"document": doc_id, "quote": quote, "start": start, "end": start + len(quote)}
        rels.append({"type": rel_type, "source": source, "target": target,
                     "properties": {"status": "reported"}, "evidence": [evidence]})
    rels += [{"type": "MENTIONS", "source": doc_id, "target": i} for i in DUPLICATE_ENTITIES]
    return GraphDocument.model_validate({"nodes": nodes, "relationships": rels})
