"""A subgraph dict as graph JSON, GraphML, GEXF (with dates, for Gephi), an i2 Analyst's Notebook
CSV pair (zipped) or FollowTheMoney JSON lines."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any, Literal

import networkx as nx

from graph.db import Db
from graph.export.ftm import ftm_lines
from graph.write import grading, notes
from pactgraph import vocabulary as vocab

Format = Literal["json", "graphml", "gexf", "i2", "ftm"]
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "i2": "application/zip",
    "ftm": "application/x-ndjson",
}
EXTENSIONS = {"json": "json", "graphml": "graphml", "gexf": "gexf", "i2": "zip", "ftm": "ftm.json"}


def _flat(value: Any) -> str | int | float | bool:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value if isinstance(value, str | int | float | bool) else str(value)


def _full_date(value: Any) -> str | None:
    """A year or month becomes its first day, so Gephi's timeline can place it."""
    if not isinstance(value, str) or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    return "-".join([parts[0], *[*parts[1:], "01", "01"][:2]])


def _report_date(props: dict[str, Any]) -> str | None:
    return _full_date(props.get("date") or props.get("first_reported") or props.get("published"))


def add_notes(db: Db, data: dict[str, Any]) -> dict[str, Any]:
    """Give ``data`` the analysts' notes on its entities, links and cited documents, as ``notes``: a
    list of {id, kind, target, text, author, at}, each naming the item it is on (an entity or document
    id, a link's id)."""
    targets = [*(n["id"] for n in data["nodes"]), *(r["id"] for r in data["relationships"]),
               *(e["document"] for r in data["relationships"] for e in r["evidence"])]
    found = notes.on_targets(db, targets)
    data["notes"] = [note for target in dict.fromkeys(targets) for note in found.get(target, [])]
    return data


def notes_by_target(data: dict[str, Any]) -> dict[str, str]:
    """Each noted item's notes as one line: "text (author, time); …"."""
    lines: dict[str, list[str]] = {}
    for note in data.get("notes", []):
        when = str(note["at"])[:16].replace("T", " ")
        lines.setdefault(note["target"], []).append(f"{note['text']} ({note['author']}, {when})")
    return {target: "; ".join(texts) for target, texts in lines.items()}


def to_networkx(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Flat attributes (lists joined) so GraphML/GEXF writers accept them; quotes and notes kept."""
    graph = nx.MultiDiGraph(mode="dynamic")
    noted = notes_by_target(data)
    for node in data["nodes"]:
        attrs = {k: _flat(v) for k, v in node["properties"].items()}
        if node["id"] in noted:
            attrs["notes"] = noted[node["id"]]
        graph.add_node(
            node["id"],
            **attrs,
            name=node["name"],
            label=node["name"],
            labels=_flat(node["labels"]),
            aliases=_flat(node["aliases"]),
        )
    for rel in data["relationships"]:
        attrs = {k: _flat(v) for k, v in rel["properties"].items()}
        grades = grading.claim_grades(rel["properties"], rel["evidence"])
        attrs.update(
            type=rel["type"],
            label=rel["type"],
            claim_id=rel["id"],
            status=grades["status"],
            reliability=grades["reliability"] or "",
            credibility=grades["credibility"] or "",
            quotes=_flat([e["quote"] for e in rel["evidence"]]),
            sources=_flat([cite(e) for e in rel["evidence"]]),
        )
        if rel["id"] in noted:
            attrs["notes"] = noted[rel["id"]]
        graph.add_edge(rel["source"], rel["target"], key=rel["id"], **attrs)
    return graph


def graphml(data: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(to_networkx(data), out, encoding="utf-8")
    return out.getvalue()


def gexf(data: dict[str, Any]) -> bytes:
    """GEXF 1.2 in dynamic mode: each edge starts at its date (or first report) for Gephi's timeline."""
    graph = to_networkx(data)
    for _, _, attrs in graph.edges(data=True):
        attrs.pop("date", None)
        attrs.pop("start", None)
    for rel in data["relationships"]:
        start = _report_date(rel["properties"])
        if start:
            graph.edges[rel["source"], rel["target"], rel["id"]]["start"] = start
    graph.graph["timeformat"] = "date"
    out = io.BytesIO()
    nx.write_gexf(graph, out, encoding="utf-8", version="1.2draft")
    return out.getvalue()


def grade(rel: dict[str, Any]) -> str:
    """i2's 1-3 grade of a link from its Admiralty grades and status (graph/write/grading.py)."""
    return str(grading.claim_grades(rel["properties"], rel["evidence"])["i2_grade"])


def cite(entry: dict[str, Any]) -> str:
    """An evidence document as analysts cite it: title, publisher, date, URL (those known)."""
    parts = [str(entry.get("title") or entry["document"])]
    parts += [str(entry[k]) for k in ("publisher", "published", "url") if entry.get(k)]
    return ", ".join(parts)


def i2_zip(data: dict[str, Any]) -> bytes:
    """entities.csv and links.csv as i2 Analyst's Notebook imports them, with source and grade columns."""
    entities, links = io.StringIO(), io.StringIO()
    ew = csv.writer(entities)
    noted = notes_by_target(data)
    ew.writerow(["Entity ID", "Entity Type", "Subtype", "Label", "Aliases", "Description", "Notes"])
    for node in data["nodes"]:
        ew.writerow(
            [
                node["id"],
                vocab.coarse_label(node["labels"]) or "",
                vocab.subtype_label(node["labels"]) or "",
                node["name"],
                "; ".join(node["aliases"]),
                node["properties"].get("description", ""),
                noted.get(node["id"], ""),
            ]
        )
    lw = csv.writer(links)
    lw.writerow(
        [
            "Link ID",
            "From Entity ID",
            "To Entity ID",
            "Link Type",
            "Date",
            "Status",
            "Source Reliability",
            "Credibility",
            "Confidence",
            "Source",
            "Source Publisher",
            "Source Date",
            "Grade",
            "Quote",
            "Source URL",
            "Notes",
        ]
    )
    for rel in data["relationships"]:
        props, ev = rel["properties"], rel["evidence"]
        grades = grading.claim_grades(props, ev)
        lw.writerow(
            [
                rel["id"],
                rel["source"],
                rel["target"],
                rel["type"],
                props.get("date", ""),
                grades["status"],
                grades["reliability"] or "",
                grades["credibility"] or "",
                props.get("confidence", ""),
                "; ".join(str(e.get("title") or e["document"]) for e in ev),
                "; ".join(str(e.get("publisher") or "") for e in ev),
                "; ".join(str(e.get("published") or "") for e in ev),
                grades["i2_grade"],
                " | ".join(e["quote"] for e in ev),
                " | ".join(str(e.get("url") or "") for e in ev),
                noted.get(rel["id"], ""),
            ]
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("entities.csv", entities.getvalue())
        zf.writestr("links.csv", links.getvalue())
    return out.getvalue()


def render(data: dict[str, Any], fmt: str) -> bytes:
    """The bytes of ``data`` in ``fmt`` (one of MEDIA_TYPES)."""
    writers = {
        "json": lambda d: json.dumps(d, ensure_ascii=False).encode(),
        "graphml": graphml,
        "gexf": gexf,
        "i2": i2_zip,
        "ftm": ftm_lines,
    }
    return writers[fmt](data)
