"""A timeline of events, agreements and reported facts for an actor, site or region."""

from __future__ import annotations

from typing import Any

from graph.db import Db
from graph.read import readq
from graph.read.paths import explain
from graph.read.readq import Filters
from graph.read.reads import require_entities
from graph.read.subgraph import Subgraph
from graph.write import grading

MAX_ITEMS = 1000


def _kind(labels: list[list[str]]) -> str:
    flat = {label for ls in labels for label in ls}
    if "Event" in flat:
        return "event"
    if "Agreement" in flat:
        return "agreement"
    return "fact"


def timeline(db: Db, entity_id: str, filters: Filters, *, limit: int = 100, skip: int = 0) -> dict[str, Any]:
    """Dated items, oldest first (undated last); a region's timeline includes what lies in it."""
    require_entities(db, id=entity_id)
    sub = Subgraph()
    rows = readq.read(db, "timeline", id=entity_id, limit=MAX_ITEMS, **filters.params())
    pending = []
    for row in rows:
        ends = [sub.add_node(n) for n in row["nodes"]]
        rel = sub.add_relationship(row["rel"])
        pending.append((rel, ends))
    data = sub.to_dict(db)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    items: list[dict[str, Any]] = []
    for rel, ends in pending:
        props = rel["properties"]
        event_date = next(
            (
                sub.nodes[e]["properties"].get("date")
                for e in ends
                if "Event" in sub.nodes[e]["labels"] and sub.nodes[e]["properties"].get("date")
            ),
            None,
        )
        when = props.get("date") or event_date or props.get("first_reported") or props.get("published")
        items.append(
            {
                "date": str(when) if when else None,
                "date_is_report": not (props.get("date") or event_date),
                "kind": _kind([sub.nodes[e]["labels"] for e in ends]),
                "summary": explain(rel, names),
                **grading.claim_grades(props, rel["evidence"]),
                "relationship": rel,
            }
        )
    items.sort(key=lambda i: (i["date"] is None, i["date"] or "", i["relationship"]["id"]))
    return {
        "entity": entity_id,
        "total": len(items),
        "items": items[skip : skip + limit],
        "nodes": data["nodes"],
    }
