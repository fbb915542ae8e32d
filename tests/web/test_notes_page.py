"""Notes on the page beyond the Notes box, in a real headless Chromium: listed in the entity's profile,
and searchable (Find notes), a hit showing the entity or link it is on."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Db
from graph.read import subgraph
from graph.write import notes
from graph.write.writer import GraphWriter
from tests.fixtures import seed_graph
from tests.web.conftest import LiveApi
from tests.web.test_page import pick
from tests.web.test_workbench import READY

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]
MVD = "Ministry of Internal Affairs of Tajikistan"


def _search(page: Any, words: str) -> list[str]:
    page.click("#notes-search-open")
    page.wait_for_selector("#notes-search[open]")
    page.fill("#notes-q", words)
    page.press("#notes-q", "Enter")
    page.wait_for_selector("#notes-found li")
    return list(page.locator("#notes-found li").all_inner_texts())


def test_the_profile_lists_the_entitys_notes(db: Db, live_api: LiveApi, page: Any) -> None:
    GraphWriter(db).write(seed_graph())
    notes.add(db, kind="entity", target="tj_mvd", text="Check the 2016 visit", who="analyst")
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    pick(page, "search", "Tajik MVD", MVD)
    page.wait_for_selector("#details ul.profile-notes li")
    section = page.locator("#details section", has=page.locator("ul.profile-notes"))
    assert section.locator("h3").inner_text() == "Notes (1)"
    assert page.inner_text("#details ul.profile-notes li").startswith("Check the 2016 visit — analyst, 20")
    assert page.js_errors == []


def test_find_notes_shows_the_entity_or_link_a_note_is_on(db: Db, live_api: LiveApi, page: Any) -> None:
    GraphWriter(db).write(seed_graph())
    notes.add(db, kind="entity", target="wakhan_base", text="Seen on 2021 imagery", who="analyst")
    link = next(iter(subgraph.induced(db, ["tj_mvd", "tajikistan"]).relationships))
    notes.add(db, kind="relationship", target=link, text="Imagery of the ministry's compound", who="analyst")
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)

    hits = _search(page, "IMAGERY")
    assert len(hits) == 2
    assert hits[1].startswith("Wakhan base: Seen on 2021 imagery — analyst, 20")
    assert hits[0].startswith("a link not on the chart: Imagery of the ministry's compound")
    page.locator("#notes-found li button", has_text="Wakhan base").click()  # not drawn yet: drawn, selected
    page.wait_for_function("window.pactgraph.state.selected === 'wakhan_base'")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")  # with its neighbours
    assert page.inner_text("#details-title") == "Wakhan base"
    assert not page.is_visible("#notes-search")

    pick(page, "search", "Tajik MVD", MVD)
    page.wait_for_function(f"window.pactgraph.cy.getElementById({link!r}).nonempty()")
    hits = _search(page, "compound")
    assert hits == [next(h for h in hits if h.startswith(f"{MVD} PART_OF Tajikistan: Imagery"))]
    page.click("#notes-found li button")
    page.wait_for_function(f"window.pactgraph.state.selected === {link!r}")
    assert page.inner_text("#details-title") == f"{MVD} PART_OF Tajikistan"
    assert page.js_errors == []
