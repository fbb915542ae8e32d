"""Analytics Neo4j Community lacks, computed with networkx on a selected subgraph.

Degree, betweenness (sampled above SAMPLE_ABOVE nodes), PageRank, articulation points and
Louvain communities; optionally written back as ``pg_*`` properties so Browser can style by them.
The measures run on the whole neighbourhood up to a stated cap of nodes per neighbourhood; the
answer says when the cap cut it (``truncated``) and when betweenness was sampled (``sampled``).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.db import Db
from graph.read import neighbourhood
from graph.read.readq import Filters
from graph.read.subgraph import Subgraph
from pactgraph.errors import InputError

SAMPLE_ABOVE = 500
SAMPLE_K = 200
MAX_SEEDS = 10
#: nodes per neighbourhood the measures run on unless the caller states a smaller cap
CAP = neighbourhood.MAX_NODES


def link_graph(data: dict[str, Any]) -> nx.Graph:
    """A subgraph dict as the undirected, simple graph the measures run on (the exports build their
    own directed multigraph with flat attributes: graph/export)."""
    graph: nx.Graph = nx.Graph()
    for node in data["nodes"]:
        graph.add_node(node["id"], name=node["name"], labels=node["labels"])
    for rel in data["relationships"]:
        graph.add_edge(rel["source"], rel["target"], type=rel["type"])
    return graph


def select(db: Db, ids: list[str], filters: Filters, *, depth: int, limit: int) -> Subgraph:
    """The union of the neighbourhoods of ``ids``: the subgraph the measures run on."""
    unique = list(dict.fromkeys(ids))
    if not 1 <= len(unique) <= MAX_SEEDS:
        raise InputError(f"give between 1 and {MAX_SEEDS} entity ids", source="ids")
    sub = Subgraph()
    for entity_id in unique:
        part = neighbourhood.neighbours(db, entity_id, filters, depth=depth, limit=limit)
        for key, node in part.nodes.items():
            sub.nodes.setdefault(key, node)
        for key, rel in part.relationships.items():
            sub.relationships.setdefault(key, rel)
        sub.truncated = sub.truncated or part.truncated
    return sub


def measure(data: dict[str, Any], *, truncated: bool = False, cap: int | None = None) -> dict[str, Any]:
    """Centralities, articulation points and communities of a subgraph dict; ``truncated`` and
    ``cap`` say whether and where the selection was cut, and are reported as given."""
    graph = link_graph(data)
    n = graph.number_of_nodes()
    sampled = n > SAMPLE_ABOVE
    betweenness = nx.betweenness_centrality(graph, k=SAMPLE_K if sampled else None, seed=0)
    pagerank = nx.pagerank(graph) if n else {}
    articulation = sorted(nx.articulation_points(graph))
    communities = (
        sorted(
            (sorted(c) for c in nx.community.louvain_communities(graph, seed=0)), key=lambda c: (-len(c), c)
        )
        if n
        else []
    )
    member = {node: i for i, c in enumerate(communities) for node in c}
    names = nx.get_node_attributes(graph, "name")
    rows = [
        {
            "id": node,
            "name": names.get(node, node),
            "degree": graph.degree(node),
            "betweenness": round(betweenness.get(node, 0.0), 6),
            "pagerank": round(pagerank.get(node, 0.0), 6),
            "community": member.get(node),
            "articulation": node in set(articulation),
        }
        for node in graph.nodes
    ]
    rows.sort(key=lambda r: (-r["pagerank"], r["id"]))
    return {
        "nodes": rows,
        "articulation_points": articulation,
        "communities": communities,
        "sampled": sampled,
        "betweenness_sample": SAMPLE_K if sampled else None,
        "truncated": truncated,
        "cap": cap,
        "node_count": n,
        "relationship_count": graph.number_of_edges(),
    }


def write_back(db: Db, result: dict[str, Any]) -> int:
    """Store the measures on the nodes as pg_degree, pg_betweenness, pg_pagerank, pg_community."""
    rows = [
        {k: r[k] for k in ("id", "degree", "betweenness", "pagerank", "community")} for r in result["nodes"]
    ]
    done = db.run("analytics_write_back", rows=rows)
    return int(done[0]["written"]) if done else 0
