"""The page shows a claim's status on the edge and beside each quote, and each quote's source as
analysts cite it, with a link to the original when its URL is known (real Chromium, real Neo4j)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Db
from graph.write.documents import DocumentStore
from tests.fixtures import document_graph
from tests.web.conftest import LiveApi
from tests.web.test_page import pick

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]
OPERATES = ("gov:tj-mvd", "OPERATES", "facility:wakhan-base")
PARTY = ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps")
URL = "https://example.org/wakhan-denial"


def test_a_denied_claim_says_so_on_the_edge_and_beside_each_quote(
        db: Db, live_api: LiveApi, page: Any) -> None:
    text = " ".join(f"{a} {t} {b} ({i})." for i, (a, t, b) in enumerate([PARTY, OPERATES]))
    graph = document_graph(text, [PARTY, OPERATES], publisher="Asia-Plus", published="2021-11-02",
                           title="Ministry denies running the base",
                           properties={"|".join(OPERATES): {"status": "denied"}})
    graph.nodes[0].properties["url"] = URL
    DocumentStore(db).load(graph, grade="B")

    page.goto(f"{live_api.url}/")
    page.wait_for_function("window.pactgraph && document.getElementById('status').textContent === 'Ready'")
    pick(page, "search", "Ministry of Internal", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.edges().length >= 2")
    captions = page.evaluate("() => window.pactgraph.cy.edges().map(e => e.style('label'))")
    assert "OPERATES (denied)" in captions and "PARTY_TO" in captions

    page.evaluate("() => { window.pactgraph.cy.edges()"
                  ".filter(e => e.data('type') === 'OPERATES')[0].emit('tap'); }")
    page.wait_for_selector("#details .evidence button.quote")
    assert page.inner_text("#edge-status") == "Status: denied"
    assert page.locator("#details .evidence .claim-status").all_inner_texts() == ["denied"]
    source = page.inner_text("#details .evidence .source")
    assert "Ministry denies running the base" in source and "Asia-Plus" in source and "2021-11-02" in source
    assert page.get_attribute("#details .evidence .source a", "href") == URL
    assert not page.js_errors, page.js_errors


def test_a_claim_one_source_reports_and_another_denies_shows_as_disputed(
        db: Db, live_api: LiveApi, page: Any) -> None:
    store = DocumentStore(db)
    sources = (("Ministry runs the base", "reported"), ("Ministry denies running the base", "denied"))
    for title, status in sources:
        text = f"{title}: " + " ".join(f"{a} {t} {b} ({i})." for i, (a, t, b) in enumerate([PARTY, OPERATES]))
        store.load(document_graph(text, [PARTY, OPERATES], title=title,
                                  properties={"|".join(OPERATES): {"status": status}}))

    page.goto(f"{live_api.url}/")
    page.wait_for_function("window.pactgraph && document.getElementById('status').textContent === 'Ready'")
    pick(page, "search", "Ministry of Internal", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.edges().length >= 2")
    captions = page.evaluate("() => window.pactgraph.cy.edges().map(e => e.style('label'))")
    assert "OPERATES (disputed)" in captions
    page.evaluate("() => { window.pactgraph.cy.edges()"
                  ".filter(e => e.data('type') === 'OPERATES')[0].emit('tap'); }")
    page.wait_for_selector("#details .evidence button.quote")
    assert page.inner_text("#edge-status") == "Status: disputed"
    # beside each quote, what its own source says
    said = page.locator("#details .evidence .claim-status").all_inner_texts()
    assert sorted(said) == ["denied", "reported"]
    assert page.is_visible("#filter-status input[value=disputed]")
    assert not page.js_errors, page.js_errors
