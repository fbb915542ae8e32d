"""The Report button in a real headless Chromium: the brief for the path drawn (with the chart as drawn),
for the view or for the open investigation; printing the page prints the brief alone; the PDF link
downloads a PDF that pypdf reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from graph.db import Db
from graph.write.writer import GraphWriter
from tests.fixtures import seed_graph
from tests.web.conftest import ARTIFACTS, LiveApi
from tests.web.test_page import pick
from tests.web.test_workbench import READY, _status_matches, save_new_investigation

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]
MVD, MPS = "Ministry of Internal Affairs of Tajikistan", "Ministry of Public Security of China"
TITLE = "Tajikistan and China Deepen Security Cooperation"


def _open_report(page: Any) -> None:
    page.click("#report-open")
    page.wait_for_selector("#report:not([hidden]) #brief")
    page.wait_for_selector("#report-pdf[href]")


def _display(page: Any, selector: str) -> str:
    return str(page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).display"))


def test_the_path_report_prints_alone_and_downloads_as_pdf(db: Db, live_api: LiveApi, page: Any) -> None:
    GraphWriter(db).write(seed_graph())
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    pick(page, "search", "Tajik MVD", MVD)
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")
    pick(page, "target", "China MPS", MPS)
    page.click("#find-path")
    page.wait_for_function("window.pactgraph.cy.$('.path').length > 0")
    _open_report(page)

    assert page.inner_text("#brief h1") == f"How {MVD} is linked to {MPS}"
    assert page.get_attribute("#brief figure img", "src").startswith("data:image/png;base64,")
    assert page.evaluate("document.querySelector('#brief figure img').naturalWidth") > 100  # the drawn chart
    claims = page.locator("#brief ol.links .claim").all_inner_texts()
    assert any(c.startswith(f"{MVD} party to MVD of Tajikistan") for c in claims)
    assert page.locator("#brief blockquote").count() >= len(claims)
    assert page.inner_text("#brief ol.sources li").startswith(f"{TITLE}, Asia-Plus")

    page.emulate_media(media="print")  # printing the page gives the brief, without the app around it
    assert _display(page, "header") == "none" and _display(page, "main") == "none"
    assert _display(page, ".report-tools") == "none"
    assert page.is_visible("#brief h1") and page.is_visible("#brief ol.sources")
    page.screenshot(path=str(ARTIFACTS / "report-print.png"), full_page=True)
    page.emulate_media(media="screen")

    with page.expect_download() as info:
        page.click("#report-pdf")
    download = info.value
    assert download.suggested_filename == "pactgraph-report.pdf"
    reader = PdfReader(download.path())
    words = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert TITLE in words and f"How {MVD} is linked to {MPS}" in words
    assert reader.pages[0].images  # the chart as drawn on the page

    page.click("#report-close")
    assert page.is_hidden("#report") and _display(page, "header") != "none"
    assert page.js_errors == []


def test_reports_on_the_view_and_on_the_open_investigation(db: Db, live_api: LiveApi, page: Any,
                                                           tmp_path: Path) -> None:
    GraphWriter(db).write(seed_graph())
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    page.click("#report-open")  # nothing drawn yet: says what to do
    _status_matches(page, "Draw something first")
    pick(page, "search", "Tajik MVD", MVD)
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")
    _open_report(page)
    assert page.inner_text("#brief h1") == "Links in view"
    in_view = int(page.evaluate("window.pactgraph.cy.edges().filter((e) => e.visible()).length"))
    assert page.locator("#brief ol.links > li").count() == in_view
    page.click("#report-close")

    page.fill("#investigation-notes", "who staffs the posts?")
    save_new_investigation(page, "Wakhan posts")
    _open_report(page)
    assert page.inner_text("#brief h1") == "Wakhan posts"
    assert page.inner_text("#brief .investigation-notes") == "who staffs the posts?"
    page.keyboard.press("Escape")
    assert page.is_hidden("#report")
    assert page.js_errors == []
