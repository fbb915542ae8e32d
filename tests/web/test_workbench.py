"""The workbench in a real headless Chromium: undo and redo of chart actions, save an investigation,
reload and reopen it from its URL, and restore an earlier version."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Db
from graph.write.writer import GraphWriter
from tests.fixtures import seed_graph
from tests.web.conftest import ARTIFACTS, LiveApi
from tests.web.test_page import pick

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

READY = "window.pactgraph && document.getElementById('status').textContent === 'Ready'"


def _count(page: Any) -> int:
    return int(page.evaluate("window.pactgraph.cy.nodes().length"))


def _status_matches(page: Any, pattern: str) -> None:
    try:
        page.wait_for_function(f"/{pattern}/.test(document.getElementById('status').textContent)",
                               timeout=10_000)
    except Exception as exc:  # Playwright's TimeoutError: say what the page said instead
        raise AssertionError(f"status is {page.inner_text('#status')!r}, {page.js_errors}") from exc


def save_new_investigation(page: Any, title: str) -> None:
    """Save the chart as a new investigation named ``title`` through the page's dialog."""
    page.click("#save-investigation")
    page.wait_for_selector("#save-dialog[open]")
    page.fill("#investigation-title", title)
    page.click("#save-confirm")
    _status_matches(page, f"Saved “{title}” version 1")


def test_undo_redo_save_reload_reopen_and_restore(db: Db, live_api: LiveApi, page: Any) -> None:
    GraphWriter(db).write(seed_graph())
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    assert page.is_disabled("#undo") and page.is_disabled("#redo")
    pick(page, "search", "Tajik MVD", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")
    expanded = _count(page)

    page.click("#undo")  # the expansion goes, the picked entity stays
    assert _count(page) == 1
    page.click("#redo")
    assert _count(page) == expanded
    page.click("#relayout")
    page.keyboard.press("Control+z")  # undo the layout: same elements
    assert _count(page) == expanded and not page.is_disabled("#redo")

    page.evaluate("void window.pactgraph.cy.getElementById('tj_mvd').position({x: 123, y: 456})")
    page.fill("#investigation-notes", "first look")
    save_new_investigation(page, "Wakhan posts")
    assert "investigation=inv_" in page.url
    url = page.url

    page.reload()  # the URL names the investigation: it opens again
    _status_matches(page, "Opened “Wakhan posts” version 1 of 1")
    assert _count(page) == expanded
    assert page.evaluate("window.pactgraph.cy.getElementById('tj_mvd').position()") == {"x": 123, "y": 456}
    assert page.evaluate("window.pactgraph.cy.getElementById('tj_mvd').hasClass('pinned')")
    assert page.input_value("#investigation-notes") == "first look"

    page.fill("#investigation-notes", "second look")
    page.click("#save-investigation")
    _status_matches(page, "Saved “Wakhan posts” version 2")

    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    assert _count(page) == 0
    page.goto(url)
    _status_matches(page, "Opened “Wakhan posts” version 2 of 2")
    assert page.input_value("#investigation-notes") == "second look"

    page.click("#open-investigations")
    page.wait_for_selector("#investigations-list li")
    assert "Wakhan posts (v2" in page.inner_text("#investigations-list")
    page.click("#investigations-list button:text('Versions')")
    page.wait_for_selector("#investigations-list ol.versions li")
    page.locator("#investigations-list ol.versions li").last.locator("button").click()  # version 1
    _status_matches(page, "Opened “Wakhan posts” version 3 of 3")
    assert page.input_value("#investigation-notes") == "first look"
    page.screenshot(path=str(ARTIFACTS / "page-workbench.png"))
    assert not page.js_errors, page.js_errors


def test_notes_beside_the_selected_item(db: Db, live_api: LiveApi, page: Any) -> None:
    GraphWriter(db).write(seed_graph())
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    assert page.is_hidden("#notes")
    pick(page, "search", "Tajik MVD", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")
    page.evaluate("void window.pactgraph.cy.getElementById('tj_mvd').emit('tap')")
    page.wait_for_selector("#notes:not([hidden])")
    page.fill("#note-text", "Who signed for the ministry?")
    page.click("#note-add")
    page.wait_for_selector("#notes-list li")
    assert "Who signed for the ministry? — local" in page.inner_text("#notes-list")
    edge = page.evaluate("window.pactgraph.cy.edges()[0].id()")
    page.evaluate(f"void window.pactgraph.cy.getElementById({edge!r}).emit('tap')")
    page.wait_for_function("document.querySelectorAll('#notes-list li').length === 0")
    page.evaluate("void window.pactgraph.cy.getElementById('tj_mvd').emit('tap')")  # the note is kept
    page.wait_for_selector("#notes-list li")
    assert not page.js_errors, page.js_errors


def test_a_link_taken_off_the_chart_stays_off_when_the_investigation_reopens(
    db: Db, live_api: LiveApi, page: Any
) -> None:
    GraphWriter(db).write(seed_graph())
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    pick(page, "search", "Tajik MVD", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.edges().length > 1")
    gone = page.evaluate(
        "() => { const e = window.pactgraph.cy.edges()[0]; const id = e.id(); e.remove(); return id; }"
    )
    edges = int(page.evaluate("window.pactgraph.cy.edges().length"))
    save_new_investigation(page, "Without one link")
    page.reload()
    _status_matches(page, "Opened “Without one link” version 1 of 1")
    assert page.evaluate(f"window.pactgraph.cy.getElementById({gone!r}).empty()")
    assert int(page.evaluate("window.pactgraph.cy.edges().length")) == edges
    assert not page.js_errors, page.js_errors
