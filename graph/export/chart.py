"""The report's chart when the page sends no picture of its own: the nodes where the analyst left them
(a saved investigation keeps its positions) or, without positions, a seeded spring layout; drawn as
SVG for the HTML brief and as the same shapes in the PDF (graph/export/report_pdf.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

import networkx as nx

from graph.read.report import Brief

#: the page's colours per coarse label (app/static/model.js, browser/pactgraph.grass)
COLOURS = {"Actor": "#0891b2", "Agreement": "#d97706", "Site": "#65a30d", "Event": "#db2777",
           "Document": "#6b7280"}
STATUS_COLOURS = {"denied": "#ef4444", "disputed": "#d97706", "retracted": "#9ca3af"}
WIDTH, HEIGHT, MARGIN, RADIUS = 760.0, 460.0, 70.0, 9.0
_QUOTE = {'"': "&quot;"}


@dataclass(frozen=True)
class Dot:
    id: str
    name: str
    colour: str
    x: float
    y: float


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    number: int
    colour: str
    dashed: bool


def _positions(brief: Brief) -> dict[str, tuple[float, float]]:
    if brief.nodes and all(n.x is not None and n.y is not None for n in brief.nodes):
        return {n.id: (float(n.x or 0), float(n.y or 0)) for n in brief.nodes}
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in brief.nodes)
    graph.add_edges_from((link.source, link.target) for link in brief.links)
    placed = nx.spring_layout(graph, seed=7) if len(graph) > 1 else {n: (0.0, 0.0) for n in graph}
    return {node: (float(xy[0]), float(-xy[1])) for node, xy in placed.items()}


def layout(brief: Brief) -> tuple[list[Dot], list[Line]]:
    """Nodes and links fitted into a WIDTH x HEIGHT box, each link labelled with its number."""
    where = _positions(brief)
    if not where:
        return [], []
    xs, ys = [p[0] for p in where.values()], [p[1] for p in where.values()]
    span = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    scale = min((WIDTH - 2 * MARGIN) / span[0], (HEIGHT - 2 * MARGIN) / span[1])
    left = (WIDTH - scale * span[0]) / 2 if len(where) > 1 else WIDTH / 2
    top = (HEIGHT - scale * span[1]) / 2 if len(where) > 1 else HEIGHT / 2
    fit = {k: (left + (x - min(xs)) * scale, top + (y - min(ys)) * scale) for k, (x, y) in where.items()}
    dots = [Dot(n.id, n.name, COLOURS.get(n.label, "#0891b2"), *fit[n.id]) for n in brief.nodes]
    lines = [Line(*fit[link.source], *fit[link.target], link.number,
                  STATUS_COLOURS.get(link.status, "#9ca3af"), link.status in STATUS_COLOURS)
             for link in brief.links if link.source in fit and link.target in fit]
    return dots, lines


def short(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def svg(brief: Brief) -> str:
    """The chart as an SVG element (every text escaped), arrows towards each link's target."""
    dots, lines = layout(brief)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" role="img" '
           f'aria-label="Chart of {len(dots)} entities and {len(lines)} links" class="chart">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280"/>'
           "</marker></defs>"]
    for line in lines:
        length = math.hypot(line.x2 - line.x1, line.y2 - line.y1) or 1.0
        # stop at the target's rim so the arrow shows
        x2 = line.x2 - (line.x2 - line.x1) * RADIUS / length
        y2 = line.y2 - (line.y2 - line.y1) * RADIUS / length
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        out.append(f'<line x1="{line.x1:.1f}" y1="{line.y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{line.colour}" stroke-width="2"{dash} marker-end="url(#arrow)"/>')
        mx, my = (line.x1 + line.x2) / 2, (line.y1 + line.y2) / 2
        out.append(f'<text x="{mx:.1f}" y="{my:.1f}" class="link-number" font-size="11" '
                   f'text-anchor="middle" fill="#374151">{line.number}</text>')
    for dot in dots:
        ident, name = escape(dot.id, _QUOTE), escape(dot.name, _QUOTE)
        out.append(f'<g class="node" data-id="{ident}" data-name="{name}">'
                   f'<circle cx="{dot.x:.1f}" cy="{dot.y:.1f}" r="{RADIUS}" fill="{dot.colour}"/>'
                   f'<text x="{dot.x:.1f}" y="{dot.y + RADIUS + 13:.1f}" font-size="12" text-anchor="middle" '
                   f'fill="#111827">{escape(short(dot.name))}</text></g>')
    out.append("</svg>")
    return "".join(out)
