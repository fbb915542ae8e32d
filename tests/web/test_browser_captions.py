"""Neo4j Browser's captions in full: Browser fits a caption into its node's circle and cuts what does
not fit with "…" ("Ministry Inter…"), so the GraSS sizes must leave room for the names the graph holds.

``fit_caption`` follows Browser's own fitting (neo4j-browser's graph geometry: lines of width given by
the circle at each baseline, at most diameter / font-size lines); glyph widths are estimated on the
wide side for a sans-serif face, so a name that passes here has room on screen.
"""

from __future__ import annotations

import math
import re

from pactgraph.settings import PROJECT_ROOT
from tests.fixtures import ENTITIES, seed_graph

GRASS = PROJECT_ROOT / "browser" / "pactgraph.grass"
#: width of a character in em (capitals and wide letters at their own width; others generously)
WIDE = {**dict.fromkeys("MW", 0.9), **dict.fromkeys("mw", 0.85), **dict.fromkeys("ABCDEGHKNOQRSUVXYZ", 0.72)}


def rules() -> list[tuple[str, dict[str, str]]]:
    """(label or "" for the plain node rule, properties) in file order."""
    found = re.findall(r"^node(?:\.(\w+))? \{((?:[^{}]|\{\w+\})*)\}", GRASS.read_text(encoding="utf-8"), re.M)
    return [(label, dict(re.findall(r"([\w-]+): (.*?);", body))) for label, body in found]


def style_for(labels: list[str]) -> dict[str, str]:
    """Browser's cascade: every rule the node's labels match, later rules overriding earlier ones."""
    style: dict[str, str] = {}
    for label, props in rules():
        if not label or label in labels:
            style.update(props)
    return style


def width(text: str, font_size: float) -> float:
    return sum(WIDE.get(ch, 0.62) for ch in text) * font_size


def fit_caption(caption: str, diameter: float, font_size: float) -> list[str]:
    """The lines Browser draws; the last ends in "…" when words were left over."""
    radius = diameter / 2
    words = caption.split(" ")
    line_height = font_size

    def line_width(count: int, i: int) -> float:
        baseline = (1 + i - count / 2) * line_height
        containing = baseline - line_height if i < count / 2 else baseline
        return 2 * math.sqrt(max(radius**2 - containing**2, 0))

    best: list[str] = []
    for count in range(1, int(diameter / font_size) + 1):
        lines: list[str] = []
        used = 0
        for i in range(count):
            room, line = line_width(count, i), ""
            while used < len(words) and width((line + " " + words[used]).strip(), font_size) <= room:
                line = (line + " " + words[used]).strip()
                used += 1
            lines.append(line)
        if all(lines):
            best = lines if used == len(words) else [*lines[:-1], lines[-1] + "…"]
        if used == len(words) and all(lines):
            return best
    return best or ["…"]


def names_by_labels() -> list[tuple[list[str], str]]:
    seed = [(node.labels, node.name or "") for node in seed_graph().nodes if "Document" not in node.labels]
    return seed + list(ENTITIES.values())


def test_caption_fitting_cuts_a_long_name_in_a_small_circle() -> None:
    assert fit_caption("Ministry of Internal Affairs of Tajikistan", 50, 10)[-1].endswith("…")
    assert fit_caption("China", 50, 10) == ["China"]


def test_every_seed_name_fits_its_node_in_browser() -> None:
    cut = []
    for labels, name in names_by_labels():
        style = style_for(labels)
        caption = style["caption"].strip("'").replace("{name}", name)
        diameter, font_size = (float(style[key].rstrip("px")) for key in ("diameter", "font-size"))
        lines = fit_caption(caption, diameter, font_size)
        if " ".join(lines) != caption:
            cut.append((labels, " / ".join(lines)))
    assert cut == []
