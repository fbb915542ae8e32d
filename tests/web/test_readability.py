"""Issue 15 item 7, in Chromium at 1366×768: captions that do not overlap, expansions in portions,
the timeline above the fold, and fonts for every glyph and Chinese alias the page prints."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Db
from graph.write.writer import GraphWriter
from pactgraph.models import GraphDocument
from tests.web.conftest import LiveApi
from tests.web.test_page import load_seed, pick

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

#: pairs of nodes whose caption boxes (labels only, as Cytoscape measures them) intersect
OVERLAPS = """() => {
    const cy = window.pactgraph.cy;
    const shown = cy.nodes().filter(n => n.style('display') !== 'none');
    const boxes = shown.map(n => [n.data('name'), n.boundingBox({includeLabels: true, includeNodes: false})]);
    const hits = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, p] = boxes[i], [b, q] = boxes[j];
        if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) hits.push([a, b]);
    }
    return hits;
}"""


def ready(page: Any, live_api: LiveApi) -> None:
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function("window.pactgraph && document.getElementById('status').textContent === 'Ready'")


def test_no_two_captions_overlap_on_the_seed_path_view(db: Db, live_api: LiveApi, page: Any) -> None:
    load_seed(db)
    ready(page, live_api)
    pick(page, "search", "Tajik MVD", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")
    pick(page, "target", "China MPS", "Ministry of Public Security of China")
    page.click("#find-path")
    page.wait_for_function("/path/.test(document.getElementById('status').textContent)")
    assert page.evaluate("window.pactgraph.cy.nodes().length") >= 4
    assert page.evaluate(OVERLAPS) == []
    assert not page.js_errors, page.js_errors


def test_no_two_map_captions_overlap_around_tajikistan(db: Db, live_api: LiveApi, page: Any) -> None:
    load_seed(db)
    ready(page, live_api)
    pick(page, "search", "Tajikistan", "Tajikistan")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 3")
    page.select_option("#depth", "2")
    page.click("#expand")
    page.wait_for_function("/Tajikistan: /.test(document.getElementById('status').textContent)")
    page.click("#tab-map")
    page.wait_for_selector("#map-svg .point")
    assert page.locator("#map-svg .point").count() >= 4  # Tajikistan, GBAO, the Wakhan bases, China …
    hits = page.evaluate("""() => {
        const boxes = [...document.querySelectorAll('#map-svg .point text')]
            .map(t => [t.textContent, t.getBoundingClientRect()]);
        const hits = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [a, p] = boxes[i], [b, q] = boxes[j];
            const meet = p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
            if (meet) hits.push([a, b]);
        }
        return hits;
    }""")
    assert hits == []
    assert not page.js_errors, page.js_errors


def hub_graph(spokes: int) -> GraphDocument:
    """Tajikistan with ``spokes`` ministries PART_OF it, all from one document."""
    text = " ".join(f"Ministry {i} is part of Tajikistan." for i in range(spokes))
    doc = "doc:hub"
    nodes: list[dict[str, Any]] = [
        {"id": doc, "labels": ["Document"], "name": "Hub", "properties": {"title": "Hub", "text": text}},
        {"id": "state:tajikistan", "labels": ["Actor", "State"], "name": "Tajikistan"},
    ]
    rels: list[dict[str, Any]] = []
    for i in range(spokes):
        quote = f"Ministry {i} is part of Tajikistan."
        start = text.find(quote)
        nodes.append({"id": f"gov:hub-{i}", "labels": ["Actor", "GovernmentBody"], "name": f"Ministry {i}"})
        rels.append({"type": "PART_OF", "source": f"gov:hub-{i}", "target": "state:tajikistan",
                     "properties": {"status": "reported", "confidence": 80},
                     "evidence": [{"document": doc, "quote": quote, "start": start,
                                   "end": start + len(quote)}]})
    return GraphDocument.model_validate({"nodes": nodes, "relationships": rels})


def test_a_hub_expands_in_portions_per_label_and_type_with_show_more(
        db: Db, live_api: LiveApi, page: Any) -> None:
    GraphWriter(db).write(hub_graph(20))
    ready(page, live_api)
    pick(page, "search", "Tajikistan", "Tajikistan")
    page.wait_for_selector("#more button.show-more")
    per_group = page.evaluate("""() => window.pactgraph.cy.nodes('[subtype = "GovernmentBody"]').length""")
    assert 0 < per_group <= 6
    button = page.locator("#more button.show-more").first
    assert "GovernmentBody · PART_OF" in button.inner_text()
    assert f"Show {20 - per_group} more" in button.inner_text()
    button.click()
    page.wait_for_function("() => window.pactgraph.cy.nodes('[subtype = \"GovernmentBody\"]').length === 20")
    # the rest arrive linked to the hub, and the control is gone
    assert page.evaluate("window.pactgraph.cy.getElementById('state:tajikistan').degree()") >= 20
    assert page.locator("#more button.show-more").count() == 0
    assert not page.js_errors, page.js_errors


def test_timeline_slider_is_above_the_fold_at_1366x768(db: Db, live_api: LiveApi, page: Any) -> None:
    ready(page, live_api)
    assert page.viewport_size == {"width": 1366, "height": 768}
    box = page.locator("#timeline").bounding_box()
    assert box is not None and box["width"] > 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= 768
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1366


#: draws each character alone and compares it with U+10FFFD (no font has it: the .notdef "tofu" box)
TOFU = """([text, font]) => {
    const draw = (ch) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 48;
        const ctx = canvas.getContext('2d');
        ctx.font = font;
        ctx.textBaseline = 'top';
        ctx.fillText(ch, 4, 4);
        return [ctx.measureText(ch).width, ctx.getImageData(0, 0, 48, 48).data.join(',')];
    };
    const [, missing] = draw(String.fromCodePoint(0x10FFFD));
    return [...text].filter(ch => ch !== ' ').filter(ch => {
        const [width, pixels] = draw(ch);
        return !(width > 0) || pixels === missing;
    });
}"""


def test_chinese_aliases_and_label_glyphs_render_not_as_tofu(db: Db, live_api: LiveApi, page: Any) -> None:
    ready(page, live_api)
    glyphs = page.evaluate("import('./model.js').then(m => Object.values(m.LOOK).map(l => l[2]).join(''))")
    assert "⛨" in glyphs  # the security force's shield
    chinese = "中华人民共和国公安部"  # the Ministry of Public Security's name as Chinese sources print it
    fonts = [
        "16px " + page.evaluate("getComputedStyle(document.body).fontFamily"),
        # Cytoscape draws captions in its own default family
        "16px " + page.evaluate("""() => { const cy = window.pactgraph.cy;
            const n = cy.add({data: {id: 'probe', caption: 'x', color: '#000', shape: 'ellipse'}});
            const family = n.style('font-family'); n.remove(); return family; }"""),
    ]
    for font in fonts:
        assert page.evaluate(TOFU, [glyphs + chinese, font]) == [], font
