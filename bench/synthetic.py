"""A synthetic corpus in the domain's language: documents built from the gazetteer and invented
names, of any size, for benchmarks and scale tests. Deterministic for a given seed.

``generate_documents`` yields (name, text) articles for end-to-end ingest; ``generate_graph``
yields bulk graph JSON (one synthetic document per batch) for the writer alone.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pactgraph.models import GraphDocument

DATA = Path(__file__).resolve().parent.parent / "loaders" / "data"
PUBLISHERS = ("Asia-Plus", "Eurasianet", "RFE/RL", "TASS", "Xinhua", "AKIpress", "Kun.uz", "Dawn",
              "The Diplomat", "Nikkei Asia", "Kazinform", "Avesta")
TOPICS = ("border security", "counter-terrorism", "drug trafficking", "joint patrols",
          "information exchange", "the training of special forces", "cyber security")
ITEMS = ("armoured vehicles", "night-vision equipment", "drones", "communications equipment",
         "patrol boats", "small arms", "uniforms")
#: sentences that name no entity and state no relation: the context, quotes and background that
#: make up much of real reporting
BACKGROUND = (
    "Officials declined to give further details of the talks.",
    "Analysts said the move reflects concern about instability along the southern frontier.",
    "The announcement came after several days of closed-door consultations.",
    "Neither side disclosed the value of the arrangement or its duration.",
    "Critics have questioned whether the commitments will be carried out in full.",
    "Local media carried only a brief statement on the meeting.",
    "The security situation in the area has deteriorated over the past year, residents say.",
    "Observers expect further announcements before the end of the year.",
)
#: share of sentences that are background: it brings the density of claims near that of the
#: hand-annotated documents (corpus/eval and the seed: about 26 claims and 25 MENTIONS per 2 KB;
#: generated 2 KB articles: about 28 and 34). Relational sentences only would give 45 and 51
BACKGROUND_SHARE = 0.5
_SYLLABLES = ("kar", "tal", "dun", "vesh", "ora", "min", "zar", "bek", "nov", "sar", "tem", "ul")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[dict[str, Any]]]:
    """States, bodies and sites from loaders/data (the curated reference lists)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, key in (("states", "states"), ("bodies", "bodies"), ("sites", "sites"),
                      ("organizations", "organizations")):
        path = DATA / f"{name}.yaml"
        out[key] = yaml.safe_load(path.read_text(encoding="utf-8"))[key] if path.exists() else []
    return out


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _day(rng: random.Random) -> date:
    return date(2015, 1, 1) + timedelta(days=rng.randrange(3650))


def _sentence(rng: random.Random) -> str:
    g = gazetteer()
    bodies = [b["name"] for b in g["bodies"]] or ["Ministry of Defence of Tajikistan"]
    states = [s["name"] for s in g["states"]] or ["Tajikistan"]
    sites = [s["name"] for s in g["sites"]] or ["Wakhan Gorge"]
    a, b = rng.sample(bodies, 2)
    when = _day(rng).strftime("%-d %B %Y")
    name = _invented(rng)
    templates = (
        f"{a} and {b} signed an agreement on {rng.choice(TOPICS)} on {when}.",
        f"Under the agreement, {b} will fund the construction of a new base in {rng.choice(sites)}.",
        f"{a} and {b} held a joint exercise, codenamed {name}-{rng.randint(2016, 2025)}, "
        f"in {rng.choice(sites)} in {_day(rng).strftime('%B %Y')}.",
        f"{rng.choice(states)} delivered {rng.choice(ITEMS)} to {a} in {_day(rng).year}.",
        f"Instructors from {a} trained officers of {b} at the {name} training centre.",
        f"The parliament of {rng.choice(states)} approved the agreement with {b} on {when}.",
        f"Officials of the {name} Border Detachment met counterparts from {a} "
        f"to discuss {rng.choice(TOPICS)}.",
    )
    return rng.choice(templates)


def generate_documents(n: int, seed: int = 0, size_bytes: int = 2000) -> Iterator[tuple[str, str]]:
    """``n`` articles of about ``size_bytes`` UTF-8 bytes each, as (file name, text)."""
    rng = random.Random(seed)
    for i in range(n):
        published = _day(rng)
        lines = [f"{_invented(rng)} security talks: report {i}",
                 f"{rng.choice(PUBLISHERS)}, {published.isoformat()}", ""]
        body: list[str] = []
        while len(" ".join(body).encode()) < size_bytes - 120:
            body.append(rng.choice(BACKGROUND) if rng.random() < BACKGROUND_SHARE else _sentence(rng))
        yield f"synthetic-{seed}-{i:06d}.txt", "\n".join(lines) + " ".join(body) + "\n"


def _pool(rng: random.Random, n: int) -> list[dict[str, Any]]:
    kinds = ((["Actor", "GovernmentBody"], "gov", "Ministry of {} Affairs"),
             (["Actor", "SecurityForce"], "sf", "{} Border Guard"),
             (["Agreement"], "agreement", "{} Accord"),
             (["Site", "Facility"], "facility", "{} Outpost"),
             (["Site", "Region"], "region", "{} Valley"))
    nodes = []
    for i in range(n):
        labels, prefix, pattern = kinds[i % len(kinds)]
        name = pattern.format(f"{_invented(rng)} {i}")
        nodes.append({"id": f"{prefix}:synthetic-{i}", "labels": labels, "name": name,
                      "aliases": [name.upper()]})
    return nodes


_SHAPES = (("Actor", "PARTY_TO", "Agreement"), ("Actor", "COOPERATES_WITH", "Actor"),
           ("Actor", "TRAINS", "Actor"), ("Actor", "OPERATES", "Site"), ("Actor", "FUNDS", "Site"),
           ("Site", "LOCATED_IN", "Site"), ("Agreement", "PROVIDES_FOR", "Site"))


def generate_graph(n_relationships: int, seed: int = 0, batch: int = 1000) -> Iterator[GraphDocument]:
    """Bulk graph JSON: ``n_relationships`` claims in batches, each batch one synthetic document
    (a Document node, the nodes it names, claims with evidence, MENTIONS)."""
    rng = random.Random(seed)
    pool = _pool(rng, max(50, n_relationships // 2))
    by_coarse: dict[str, list[dict[str, Any]]] = {}
    for node in pool:
        by_coarse.setdefault(node["labels"][0], []).append(node)
    made = 0
    while made < n_relationships:
        size = min(batch, n_relationships - made)
        doc_id = "doc:" + hashlib.sha256(f"{seed}-{made}".encode()).hexdigest()
        nodes: dict[str, dict[str, Any]] = {}
        rels, offset = [], 0
        for _ in range(size):
            src_label, rel_type, tgt_label = rng.choice(_SHAPES)
            src, tgt = rng.choice(by_coarse[src_label]), rng.choice(by_coarse[tgt_label])
            while tgt["id"] == src["id"]:
                tgt = rng.choice(by_coarse[tgt_label])
            nodes[src["id"]], nodes[tgt["id"]] = src, tgt
            quote = f"{src['name']} {rel_type.lower().replace('_', ' ')} {tgt['name']}."
            rels.append({"type": rel_type, "source": src["id"], "target": tgt["id"],
                         "properties": {"date": _day(rng).isoformat(), "date_precision": "day"},
                         "evidence": [{"document": doc_id, "quote": quote, "start": offset,
                                       "end": offset + len(quote)}]})
            offset += len(quote) + 1
        doc = {"id": doc_id, "labels": ["Document"], "name": f"Synthetic batch {made}",
               "properties": {"title": f"Synthetic batch {made}", "publisher": rng.choice(PUBLISHERS),
                              "published": _day(rng).isoformat(), "language": "en", "hash": doc_id[4:]}}
        mentions = [{"type": "MENTIONS", "source": doc_id, "target": node_id} for node_id in nodes]
        yield GraphDocument.model_validate({"nodes": [doc, *nodes.values()],
                                            "relationships": rels + mentions})
        made += size
