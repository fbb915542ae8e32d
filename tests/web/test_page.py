"""The link-analysis page in a real headless Chromium: the seed question answered by clicks."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from graph.db import Db
from graph.write.writer import GraphWriter
from loaders import extract_path
from pactgraph.models import GraphDocument
from pactgraph.settings import PROJECT_ROOT
from tests.fixtures import seed_graph
from tests.web.conftest import ARTIFACTS, LiveApi

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

#: approximate coordinates, as the loaders' gazetteer puts them on states and sites
COORDINATES = {
    "tajikistan": (38.86, 71.28),
    "china": (35.86, 104.20),
    "afghanistan": (33.94, 67.71),
    "russia": (61.52, 105.32),
    "gbao": (38.27, 73.00),
    "wakhan_gorge": (37.00, 72.70),
    "wakhan_base": (37.05, 72.65),
    "chinese_base_2019": (37.37, 74.86),
}


def load_seed(db: Db) -> GraphDocument:
    graph = seed_graph()
    for node in graph.nodes:
        if node.id in COORDINATES:
            node.properties["lat"], node.properties["lon"] = COORDINATES[node.id]
    GraphWriter(db).write(graph)
    return graph


def pick(page: Any, box: str, words: str, expected: str) -> None:
    """Type into a search box and choose the suggestion naming ``expected`` with arrows and Enter."""
    page.fill(f"#{box}", "")
    page.type(f"#{box}", words, delay=20)
    page.wait_for_selector(f"#{box}-list li[role=option]")
    options = page.locator(f"#{box}-list li[role=option]")
    names = options.all_inner_texts()
    index = next(i for i, text in enumerate(names) if text.startswith(expected))
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def visible_names(page: Any, selector: str) -> set[str]:
    return set(
        page.evaluate(
            "(sel) => window.pactgraph.cy.$(sel).filter(e => e.style('display') !== 'none')"
            ".map(e => e.isNode() ? e.data('name') : e.data('type'))",
            selector,
        )
    )


def test_seed_question_answered_by_clicks(db: Db, live_api: LiveApi, page: Any) -> None:
    graph = load_seed(db)
    page.goto(f"{live_api.url}/")  # redirects to /ui/
    page.wait_for_function("window.pactgraph && document.getElementById('status').textContent === 'Ready'")

    pick(page, "search", "Tajik MVD", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")  # neighbours expanded
    pick(page, "target", "China MPS", "Ministry of Public Security of China")
    page.click("#find-path")
    page.wait_for_function("window.pactgraph.cy.$('.path').length > 0")
    page.wait_for_function("/path/.test(document.getElementById('status').textContent)")

    on_path = visible_names(page, "node.path")
    assert {
        "Ministry of Internal Affairs of Tajikistan",
        "Ministry of Public Security of China",
        "MVD of Tajikistan – MPS of China agreement on the Wakhan base",
        "Wakhan base",
    } <= on_path
    assert "PARTY_TO" in visible_names(page, "edge.path")

    # click a path edge that reaches the Wakhan base, on the canvas itself, where Cytoscape drew it
    edge = page.evaluate("""() => {
        const cy = window.pactgraph.cy;
        const edge = cy.$('edge.path')
            .filter(e => e.connectedNodes().some(n => n.data('name') === 'Wakhan base'))[0];
        cy.fit(edge.union(edge.connectedNodes()), 150);
        const mid = edge.renderedMidpoint(), box = cy.container().getBoundingClientRect();
        return {x: box.left + mid.x, y: box.top + mid.y, source: edge.data('source'), type: edge.data('type'),
                target: edge.data('target')};
    }""")
    page.mouse.click(edge["x"], edge["y"])
    page.wait_for_selector("#details .evidence button.quote")
    title = page.inner_text("#details-title")
    assert edge["type"] in title and "Wakhan base" in title
    gold = next(
        r
        for r in graph.relationships
        if (r.source, r.type, r.target) == (edge["source"], edge["type"], edge["target"])
    )
    quote = gold.evidence[0].quote
    assert page.inner_text("#details .evidence button.quote") == f"“{quote}”"
    assert "Confidence (0–100):" in page.inner_text("#details")  # the graph grades each claim

    page.evaluate("() => { window.pactgraph.fit('.path'); }")
    explanation = page.inner_text("#explanation")
    assert "Ministry of Internal Affairs of Tajikistan PARTY_TO" in explanation
    page.screenshot(path=str(ARTIFACTS / "page-seed-path.png"))
    assert not page.js_errors, page.js_errors

    # the quote opens the stored document with the quote highlighted at its offsets
    if "/documents/{document_id}" not in live_api.app.openapi()["paths"]:
        pytest.skip("GET /documents/{id} is not served yet (graph-store engineer); the quote viewer needs it")
    page.click("#details .evidence button.quote")
    page.wait_for_selector("#document[open]")
    page.wait_for_selector("#quote-mark")
    assert page.inner_text("#quote-mark") == quote
    page.screenshot(path=str(ARTIFACTS / "page-evidence.png"))
    page.keyboard.press("Escape")
    assert not page.is_visible("#document")


def test_edge_panel_shows_how_often_its_extraction_rule_is_right(
    db: Db, live_api: LiveApi, page: Any, seed_path: Path
) -> None:
    """An extracted claim shows the precision its rule reached on real reporting (the calibration
    table of loaders/build/calibration.py) beside its other grades, and the rules that made it."""
    extracted = extract_path(seed_path)
    GraphWriter(db).write(extracted)
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function("document.getElementById('status').textContent === 'Ready'")
    pick(page, "search", "Tajik MVD", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.edges().length > 0")
    shown = page.evaluate("""() => {
        const edge = window.pactgraph.cy.edges()[0];
        edge.emit('tap');
        return {source: edge.data('source'), type: edge.data('type'), target: edge.data('target')};
    }""")
    page.wait_for_selector("#details .grades")
    rel = next(
        r
        for r in extracted.relationships
        if (r.source, r.type, r.target) == (shown["source"], shown["type"], shown["target"])
    )
    details = page.inner_text("#details")
    assert f"Extraction rule precision (0–100): {rel.properties['extraction_confidence']}" in details
    assert rel.properties["rules"][0] in details
    assert not page.js_errors, page.js_errors


def test_a_late_entity_record_does_not_replace_a_newer_selection(
    db: Db, live_api: LiveApi, page: Any
) -> None:
    """The node panel fetches the entity's full record; if the analyst selects an edge before it
    answers, the edge stays on screen when the record arrives."""
    load_seed(db)
    # the page's fetch of an entity record waits until the test releases it
    page.add_init_script("""(() => {
        const fetchNow = window.fetch.bind(window);
        window.heldEntities = [];
        window.fetch = (url, ...rest) => /\\/entities\\/(?!search\\b)[^/?]+$/.test(String(url))
            ? new Promise((resolve) => window.heldEntities.push(() => resolve(fetchNow(url, ...rest))))
            : fetchNow(url, ...rest);
    })()""")
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function("document.getElementById('status').textContent === 'Ready'")
    pick(page, "search", "Tajik MVD", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.edges().length > 0")
    page.evaluate("() => { window.heldEntities.splice(0).forEach((go) => go()); }")
    page.evaluate("() => { window.pactgraph.cy.nodes()[0].emit('tap'); }")
    page.wait_for_function("window.heldEntities.length > 0")
    page.evaluate("() => { window.pactgraph.cy.edges()[0].emit('tap'); }")
    page.wait_for_selector("#details .grades")
    page.evaluate("() => { window.heldEntities.splice(0).forEach((go) => go()); }")
    page.wait_for_timeout(500)
    assert page.locator("#details .grades").count() == 1
    assert page.locator("#details .actions").count() == 0
    assert not page.js_errors, page.js_errors


def test_map_filters_list_and_export(db: Db, live_api: LiveApi, page: Any) -> None:
    load_seed(db)
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function("document.getElementById('status').textContent === 'Ready'")
    pick(page, "search", "Wakhan base", "Wakhan base")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 3")

    # the filters hide a relationship type, and bring it back
    assert "FUNDS" in visible_names(page, "edge")
    page.uncheck("#filter-types input[value=FUNDS]")
    assert "FUNDS" not in visible_names(page, "edge")
    page.check("#filter-types input[value=FUNDS]")

    # the list view is the keyboard's way into the graph
    page.click("#tab-list")
    assert (
        page.locator("#list-body tr").count() == len(visible_names(page, "edge"))
        or page.locator("#list-body tr").count() > 0
    )
    page.locator("#list-body button").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#details .evidence")

    # the map draws country boundaries and the located sites, with no tile server
    page.keyboard.press("Shift+Tab")
    page.click("#tab-map")
    page.wait_for_selector("#map-svg .point")
    assert page.locator("#map-svg path.country").count() > 200
    labels = page.locator("#map-svg .point").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert any(label.startswith("Wakhan base") for label in labels)
    page.locator("#map-svg .point[data-id=wakhan_base]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('details-title').textContent === 'Wakhan base'")
    page.screenshot(path=str(ARTIFACTS / "page-map.png"))

    # exports of the current view
    page.click("#tab-graph")
    for fmt, check in (("png", b"\x89PNG"), ("graphml", b"wakhan_base"), ("i2", b"wakhan_base")):
        page.select_option("#export-format", fmt)
        with page.expect_download() as download:
            page.click("#export")
        data = Path(download.value.path()).read_bytes()
        if data.startswith(b"PK"):  # the API's i2 export: a zip of entities.csv and links.csv
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(name) for name in archive.namelist())
        assert check in data, fmt
    assert not page.js_errors, page.js_errors


def test_keep_a_screenshot_for_the_readme() -> None:
    """Copy the latest artifacts into docs/screenshots when asked (PACTGRAPH_UPDATE_SCREENSHOTS=1)."""
    import os

    if os.environ.get("PACTGRAPH_UPDATE_SCREENSHOTS") != "1":
        pytest.skip("set PACTGRAPH_UPDATE_SCREENSHOTS=1 to refresh docs/screenshots from test-artifacts")
    target = PROJECT_ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    for name in (
        "page-seed-path.png",
        "page-evidence.png",
        "page-map.png",
        "page-documents.png",
        "page-workbench.png",
        "page-curation-queue.png",
        "page-curation-merge.png",
        "report-print.png",
    ):
        if (ARTIFACTS / name).exists():
            shutil.copy(ARTIFACTS / name, target / name)
