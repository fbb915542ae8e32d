"""Who connects these: the connecting network of several entities, common neighbours, brokers."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from graph.db import Db
from graph.read import readq
from graph.read.readq import Filters
from graph.read.reads import require_entities
from graph.read.subgraph import Subgraph
from pactgraph.errors import InputError

MAX_ENTITIES = 10
PER_PAIR = 10


def _check_ids(ids: list[str]) -> list[str]:
    unique = list(dict.fromkeys(ids))
    if not 2 <= len(unique) <= MAX_ENTITIES:
        raise InputError(f"give between 2 and {MAX_ENTITIES} different entity ids", source="ids")
    return unique


def connecting_network(db: Db, ids: list[str], filters: Filters, *, max_hops: int = 4) -> Subgraph:
    """Union of all shortest paths (under ``filters``) between every pair of ``ids``."""
    unique = _check_ids(ids)
    if not 1 <= max_hops <= 6:
        raise InputError("max_hops must be between 1 and 6", source="max_hops")
    require_entities(db, **{f"ids[{i}]": v for i, v in enumerate(unique)})
    sub = Subgraph()
    for row in readq.read(db, "entity_brief_many", ids=unique):
        sub.add_node(row["node"])
    rows = readq.read(
        db,
        "connecting_network",
        pairs=[list(p) for p in combinations(unique, 2)],
        max_hops=max_hops,
        per_pair=PER_PAIR,
        **filters.params(),
    )
    for row in rows:
        for node in row["nodes"]:
            sub.add_node(node)
        for rel in row["rels"]:
            sub.add_relationship(rel)
    return sub


def common_neighbours(
    db: Db, a: str, b: str, filters: Filters, *, limit: int = 50, skip: int = 0
) -> dict[str, Any]:
    """Entities one hop from both ``a`` and ``b``, with the links that join them."""
    if a == b:
        raise InputError("give two different entities", source="b")
    require_entities(db, a=a, b=b)
    sub = Subgraph()
    for row in readq.read(db, "entity_brief_many", ids=[a, b]):
        sub.add_node(row["node"])
    common = []
    for row in readq.read(db, "common_neighbours", a=a, b=b, limit=limit, skip=skip, **filters.params()):
        common.append(sub.add_node(row["node"]))
        for rel in row["rels"]:
            sub.add_relationship(rel)
    return {"common": common, **sub.to_dict(db)}


def brokers(
    db: Db, ids: list[str], filters: Filters, *, max_hops: int = 4, limit: int = 20
) -> dict[str, Any]:
    """Entities that lie on the most shortest paths between the given ones (subset betweenness)."""
    import networkx as nx

    from graph.read.analytics import link_graph

    sub = connecting_network(db, ids, filters, max_hops=max_hops)
    data = sub.to_dict(db)
    graph = link_graph(data)
    seeds = [i for i in dict.fromkeys(ids) if i in graph]
    scores = nx.betweenness_centrality_subset(graph, sources=seeds, targets=seeds, normalized=True)
    ranked = sorted(
        ((s, n) for n, s in scores.items() if n not in seeds and s > 0), key=lambda t: (-t[0], t[1])
    )
    return {
        "brokers": [{"id": n, "name": sub.nodes[n]["name"], "score": round(s, 6)} for s, n in ranked[:limit]],
        **data,
    }
