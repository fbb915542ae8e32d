"""How is A linked to B: shortest, all shortest or k shortest paths, each hop explained by its quotes."""

from __future__ import annotations

from typing import Any, Literal

from graph.db import Db
from graph.read.plans import Plan, Read, drive
from graph.read.readq import Filters
from graph.read.subgraph import shape_node, shape_relationship, sources_plan
from pactgraph.errors import InputError, NotFoundError

Mode = Literal["shortest", "all_shortest", "k_shortest"]
MAX_HOPS = 6
MAX_K = 10
MAX_ALL_SHORTEST = 25
#: links that say what an agreement or event on a path does; shown beside the hops
CONTEXT_TYPES = ["FUNDS", "PROVIDES_FOR", "APPROVED", "ESTABLISHES", "BUILDS"]
#: the nodes on a path whose context links are shown, and how many links each at most
CONTEXT_LABELS = ["Agreement", "Event"]
CONTEXT_PER_NODE = 10
CONTEXT_PARAMS: dict[str, Any] = {
    "context_types": CONTEXT_TYPES, "context_labels": CONTEXT_LABELS, "per_node": CONTEXT_PER_NODE
}


def explain(rel: dict[str, Any], names: dict[str, str]) -> str:
    """One hop in words: "A TYPE B: “quote” (publisher, date)", every supporting quote cited."""
    head = (
        f"{names.get(rel['source'], rel['source'])} {rel['type']} {names.get(rel['target'], rel['target'])}"
    )
    cites = []
    for e in rel["evidence"]:
        where = ", ".join(
            str(x) for x in (e.get("publisher") or e.get("title") or e["document"], e.get("published")) if x
        )
        cites.append(f"“{e['quote']}” ({where})")
    return f"{head}: " + "; ".join(cites) if cites else f"{head} (no quote recorded)"


#: the path selector of each mode (k_shortest finds ten and keeps k)
SELECTORS: dict[str, str] = {
    "shortest": "SHORTEST 1", "all_shortest": "ALL SHORTEST", "k_shortest": "SHORTEST 10",
}


def statement(mode: Mode, filters: Filters) -> tuple[str, str]:
    """The statement and path selector for ``mode``: the light form when only ``types`` is filtered
    (same paths; on a million links its search tests nothing on the relationships it expands, and
    p95 halves)."""
    return ("paths_open" if filters.only_types else "paths"), SELECTORS[mode]


def find_paths(
    db: Db,
    source: str,
    target: str,
    filters: Filters,
    *,
    mode: Mode = "shortest",
    k: int = 3,
    max_hops: int = MAX_HOPS,
) -> dict[str, Any]:
    """Paths from ``source`` to ``target`` under ``filters``; ``found`` is false when none exist."""
    return drive(db, paths_plan(source, target, filters, mode=mode, k=k, max_hops=max_hops))


def paths_plan(
    source: str,
    target: str,
    filters: Filters,
    *,
    mode: Mode = "shortest",
    k: int = 3,
    max_hops: int = MAX_HOPS,
) -> Plan[dict[str, Any]]:
    """The read plan of :func:`find_paths` (the API runs it on the async driver)."""
    if not 1 <= max_hops <= MAX_HOPS:
        raise InputError(f"max_hops must be between 1 and {MAX_HOPS}", source="max_hops")
    if not 1 <= k <= MAX_K:
        raise InputError(f"k must be between 1 and {MAX_K}", source="k")
    if source == target:
        raise InputError("source and target are the same entity; give two different ids", source="target")
    limit = {"shortest": 1, "all_shortest": MAX_ALL_SHORTEST, "k_shortest": k}[mode]
    name, selector = statement(mode, filters)
    rows = yield Read(name, {
        "source": source, "target": target, "max_hops": max_hops, "limit": limit,
        **CONTEXT_PARAMS, **filters.params(),
    }, link_types=filters.link_types, selector=selector)
    if not rows:
        known = {row["id"] for row in (yield Read("entities_exist", {"ids": [source, target]}))}
        for name, value in (("source", source), ("target", target)):
            if value not in known:  # 404 names the unknown end
                raise NotFoundError(f"no entity with id {value!r} ({name})")
    paths: list[dict[str, Any]] = []
    for row in rows:
        path: dict[str, Any] = {
            "nodes": [shape_node(n) for n in row["nodes"]],
            "relationships": [shape_relationship(r) for r in row["rels"]],
        }
        path["context"] = context(path, row["context"])
        paths.append(path)
    yield from sources_plan(  # no round trip when the statement found every evidence document itself
        [rel for path in paths for part in (path, path["context"]) for rel in part["relationships"]]
    )
    for path in paths:
        names = {n["id"]: n["name"] for part in (path, path["context"]) for n in part["nodes"]}
        path["explanation"] = [explain(rel, names) for rel in path["relationships"]]
        path["context"]["explanation"] = [explain(rel, names) for rel in path["context"]["relationships"]]
    return {"found": bool(paths), "paths": paths}


def context(path: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Links of the path's agreements and events that are not hops: what they fund, who approved them
    (the statement fetched them with the path, under the same filters but for the types)."""
    on_path = {r["id"] for r in path["relationships"]}
    nodes: dict[str, dict[str, Any]] = {}
    rels: dict[str, dict[str, Any]] = {}
    for row in rows:
        rel = shape_relationship(row["rel"])
        if rel["id"] not in on_path:
            rels.setdefault(rel["id"], rel)
            node = shape_node(row["node"])
            nodes.setdefault(node["id"], node)
    return {"nodes": list(nodes.values()), "relationships": list(rels.values())}
