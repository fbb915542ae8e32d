"""A cited report: the links of a path, a selection or a saved investigation in words, each with its
quotes, status and grades, every quote numbered to the source it comes from (title, publisher, date,
URL), and the chart's nodes with their places. graph/export/report_*.py render it as HTML and PDF."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from graph.db import Db
from graph.read import paths, subgraph
from graph.read.readq import Filters
from graph.write import grading, notes
from graph.write import investigations as inv
from pactgraph import vocabulary as vocab
from pactgraph.errors import InputError, NotFoundError

Kind = Literal["path", "selection", "investigation"]
#: the most links one report holds (a brief, not an export)
MAX_LINKS = 500


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    """A document cited by number: how analysts cite it."""

    number: int
    id: str
    title: str
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    reliability: str | None = None


class Quote(_Strict):
    text: str
    source: int
    status: str | None = None


class Note(_Strict):
    text: str
    author: str
    at: str


class Link(_Strict):
    """One relationship in words, with what grades it and the quotes that support it."""

    number: int
    id: str
    source: str
    source_name: str
    type: str
    words: str
    target: str
    target_name: str
    date: str | None = None
    status: str
    reliability: str | None = None
    credibility: int | None = None
    confidence: int | float | None = None
    i2_grade: str
    quotes: list[Quote] = []
    notes: list[Note] = []


class Node(_Strict):
    """An entity on the chart; x and y as drawn on the page when known."""

    id: str
    name: str
    label: str
    x: float | None = None
    y: float | None = None
    notes: list[Note] = []


class Brief(_Strict):
    kind: Kind
    title: str
    subtitle: str
    made_at: str
    made_by: str
    nodes: list[Node]
    links: list[Link]
    sources: list[Source]
    notes: str = ""
    truncated: bool = False


def words(rel_type: str) -> str:
    """A relationship type as a phrase: PARTY_TO -> "party to"."""
    return rel_type.replace("_", " ").lower()


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def build(db: Db, kind: Kind, *, title: str, subtitle: str, who: str, nodes: list[dict[str, Any]],
          rels: list[dict[str, Any]], places: dict[str, tuple[float | None, float | None]] | None = None,
          notes_text: str = "") -> Brief:
    """Number the links and their sources in reading order; attach analysts' notes to each item."""
    truncated = len(rels) > MAX_LINKS
    rels = rels[:MAX_LINKS]
    names = {n["id"]: n["name"] for n in nodes}
    noted = notes.on_targets(db, [*names, *(r["id"] for r in rels)])

    def notes_on(target: str) -> list[Note]:
        return [Note(text=n["text"], author=n["author"], at=str(n["at"])[:16].replace("T", " "))
                for n in noted.get(target, [])]

    sources: dict[str, Source] = {}
    links: list[Link] = []
    for number, rel in enumerate(rels, start=1):
        quotes = []
        for entry in rel["evidence"]:
            doc = entry["document"]
            if doc not in sources:
                sources[doc] = Source(
                    number=len(sources) + 1, id=doc, title=str(entry.get("title") or doc),
                    publisher=_str(entry.get("publisher")), published=_str(entry.get("published")),
                    url=_str(entry.get("url")), reliability=_str(entry.get("reliability")))
            quotes.append(Quote(text=entry["quote"], source=sources[doc].number,
                                status=_str(entry.get("status"))))
        grades = grading.claim_grades(rel["properties"], rel["evidence"])
        links.append(Link(
            number=number, id=rel["id"], type=rel["type"], words=words(rel["type"]),
            source=rel["source"], source_name=names.get(rel["source"], rel["source"]),
            target=rel["target"], target_name=names.get(rel["target"], rel["target"]),
            date=_str(rel["properties"].get("date")), status=grades["status"],
            reliability=grades["reliability"], credibility=grades["credibility"],
            confidence=grades["confidence"], i2_grade=grades["i2_grade"], quotes=quotes,
            notes=notes_on(rel["id"])))
    places = places or {}
    chart = [Node(id=n["id"], name=n["name"], label=vocab.coarse_label(n["labels"]) or "",
                  x=places.get(n["id"], (None, None))[0], y=places.get(n["id"], (None, None))[1],
                  notes=notes_on(n["id"]))
             for n in nodes]
    return Brief(kind=kind, title=title, subtitle=subtitle, made_by=who,
                 made_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), nodes=chart, links=links,
                 sources=list(sources.values()), notes=notes_text, truncated=truncated)


def for_path(db: Db, source: str, target: str, *, who: str, mode: paths.Mode = "k_shortest", k: int = 3,
             filters: Filters | None = None) -> Brief:
    """The paths from ``source`` to ``target`` (as GET /paths finds them), hop by hop."""
    found = paths.find_paths(db, source, target, filters or Filters(), mode=mode, k=k)
    nodes: dict[str, dict[str, Any]] = {}
    rels: dict[str, dict[str, Any]] = {}
    for path in found["paths"]:
        for node in path["nodes"]:
            nodes.setdefault(node["id"], node)
        for rel in path["relationships"]:
            rels.setdefault(rel["id"], rel)
    names = {n["id"]: n["name"] for n in nodes.values()}
    if not names:  # no path: the ends' names for the title
        names = {n["id"]: n["name"] for n in subgraph.induced(db, [source, target]).nodes.values()}
    count, a, b = len(found["paths"]), names.get(source, source), names.get(target, target)
    subtitle = (f"{count} path{'s' if count != 1 else ''} from {a} to {b}" if count
                else f"No path from {a} to {b} under these filters")
    return build(db, "path", title=f"How {a} is linked to {b}", subtitle=subtitle, who=who,
                 nodes=list(nodes.values()), rels=list(rels.values()))


def for_selection(db: Db, node_ids: list[str], relationship_ids: list[str], *, who: str,
                  title: str = "") -> Brief:
    """Chosen entities and links: every link among the entities, or only the chosen links when any
    are named (their ends join the chart)."""
    if not node_ids and not relationship_ids:
        raise InputError("name at least one entity or relationship", source="node_ids")
    nodes: dict[str, dict[str, Any]] = {}
    rels: list[dict[str, Any]] = []
    if relationship_ids:
        sub = subgraph.Subgraph()
        for row in db.read("report_links", ids=list(dict.fromkeys(relationship_ids))):
            sub.add_node(row["source"])
            sub.add_node(row["target"])
            sub.add_relationship(row["rel"])
        order = {rid: i for i, rid in enumerate(relationship_ids)}
        rels = sorted(sub.to_dict(db)["relationships"], key=lambda r: order.get(r["id"], len(order)))
        nodes.update(sub.nodes)
    if node_ids:
        induced = subgraph.induced(db, list(dict.fromkeys(node_ids))).to_dict(db)
        nodes = {n["id"]: n for n in induced["nodes"]} | nodes
        if not relationship_ids:
            rels = induced["relationships"]
    if not nodes:
        raise NotFoundError("none of the chosen entities or relationships is in the graph")
    subtitle = f"{len(nodes)} entities and {len(rels)} links chosen on the chart"
    return build(db, "selection", title=title or "Selected links", subtitle=subtitle, who=who,
                 nodes=list(nodes.values()), rels=rels)


def for_investigation(db: Db, investigation: str, *, who: str, version: int | None = None) -> Brief:
    """A saved investigation's chart as saved: its nodes where the analyst put them, the links among
    them but the hidden ones, and the investigation's notes."""
    opened = inv.open_(db, investigation, version)
    shown = [n for n in opened.state.nodes if not n.hidden]
    data: dict[str, Any] = {"nodes": [], "relationships": []}
    if shown:
        data = subgraph.induced(db, [n.id for n in shown]).to_dict(db)
    hidden = set(opened.state.hidden_edges)
    rels = [r for r in data["relationships"] if r["id"] not in hidden]
    places = {n.id: (n.x, n.y) for n in shown}
    subtitle = f"Investigation version {opened.version} of {opened.head}, saved by {opened.saved_by} " \
               f"at {opened.saved_at[:16].replace('T', ' ')}"
    return build(db, "investigation", title=opened.name, subtitle=subtitle, who=who, nodes=data["nodes"],
                 rels=rels, places=places, notes_text=opened.state.notes)
