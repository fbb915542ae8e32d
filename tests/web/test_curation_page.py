"""Curation on the page in a real headless Chromium: the duplicate queue with its reasons, a merge after
its preview (Undo unmerges, Redo merges again), unmerge from the panel, rename and aliases, retract
and assert a relationship with a reason, and the entity's history beside its details."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Db
from graph.write import merging
from graph.write.writer import GraphWriter
from tests.fixtures import duplicates_graph
from tests.web.conftest import ARTIFACTS, LiveApi
from tests.web.test_page import pick
from tests.web.test_workbench import READY, _status_matches

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


def _open(db: Db, live_api: LiveApi, page: Any) -> None:
    GraphWriter(db).write(duplicates_graph())
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)


def _drawn(page: Any, node_id: str) -> bool:
    return bool(page.evaluate(f"window.pactgraph.cy.getElementById({node_id!r}).nonempty()"))


def _exists(db: Db, node_id: str) -> bool:
    return db.read("entities_exist", ids=[node_id]) != []


def _actions(db: Db) -> list[str]:
    return [row["action"] for row in db.read("audit_query", target=None, who=None, action=None, since=None,
                                             until=None, limit=100, skip=0)]


def _pick_entity(page: Any) -> None:
    pick(page, "search", "Ministry of Internal", "Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.nodes().length > 1")
    page.wait_for_selector("#curation-side:not([hidden]) #rename-name")


def test_the_queue_lists_likely_duplicates_with_their_reasons(db: Db, live_api: LiveApi, page: Any) -> None:
    _open(db, live_api, page)
    page.click("#tab-curation")
    page.wait_for_selector("#duplicates > li")
    items = page.locator("#duplicates > li")
    assert [(items.nth(i).get_attribute("data-a"), items.nth(i).get_attribute("data-b"))
            for i in range(items.count())] == [
        ("gov:cn-mps", "gov:cn-mps-2"), ("gov:tj-mvd", "gov:tj-mvd-2"),
        ("facility:wakhan-base", "facility:wakhan-post"), ("facility:border-post", "facility:wakhan-base")]
    assert items.nth(0).locator(".reasons li").first.inner_text().startswith("share the name or alias “MPS”")
    assert items.nth(1).locator(".reasons li").first.inner_text().startswith("names 89% alike")
    against = items.nth(2).locator(".reasons li.against").inner_text()
    assert against.startswith("in different places: Gorno-Badakhshan Autonomous Oblast and Wakhan Corridor")
    assert "4 likely duplicate pairs" in page.inner_text("#duplicates-note")
    page.screenshot(path=str(ARTIFACTS / "page-curation-queue.png"))

    items.nth(1).locator(".show-pair").click()  # both drawn, on the graph tab
    page.wait_for_function("window.pactgraph.cy.getElementById('gov:tj-mvd-2').nonempty()")
    assert _drawn(page, "gov:tj-mvd") and page.is_visible("#graph") and page.is_hidden("#curation")
    assert not page.js_errors, page.js_errors


def test_merge_after_its_preview_undo_unmerges_and_redo_merges_again(db: Db, live_api: LiveApi,
                                                                      page: Any) -> None:
    _open(db, live_api, page)
    page.click("#tab-curation")
    pair = "#duplicates > li[data-a='gov:tj-mvd'][data-b='gov:tj-mvd-2']"
    page.locator(f"{pair} .show-pair").click()
    page.wait_for_function("window.pactgraph.cy.getElementById('gov:tj-mvd-2').nonempty()")
    page.click("#tab-curation")
    page.locator(f"{pair} .merge-into-a").click()
    page.wait_for_selector("#merge-dialog[open]")
    assert page.inner_text("#merge-title") == ("Merge “Tajik Ministry of Internal Affairs” into "
                                               "“Ministry of Internal Affairs of Tajikistan”")
    assert page.inner_text("#merge-summary") == (
        "1 relationship move, 2 join the survivor's, 1 dropped (they linked the two); "
        "3 evidence entries move; mentions in 1 document move.")
    moves = page.inner_text("#merge-preview tr[data-action=moves]")
    assert moves.split("\t") == ["TRAINS", "Chinese Public Security Ministry", "moves", "1 of 1"]
    assert page.locator("#merge-preview tr[data-action=joins]").count() == 2
    assert _actions(db) == []  # the preview wrote nothing
    page.screenshot(path=str(ARTIFACTS / "page-curation-merge.png"))

    page.click("#merge-confirm")  # no reason: refused
    _status_matches(page, "Say why the two are one")
    assert page.is_visible("#merge-dialog") and _exists(db, "gov:tj-mvd-2")
    page.fill("#merge-why", "one ministry")
    page.click("#merge-confirm")
    _status_matches(page, "Merged “Tajik Ministry of Internal Affairs” into “Ministry of Internal Affairs")
    assert not _exists(db, "gov:tj-mvd-2") and _actions(db) == ["entity.merged"]
    page.wait_for_function("window.pactgraph.cy.getElementById('gov:tj-mvd-2').empty()")
    page.wait_for_selector(f"{pair}", state="detached")  # the queue follows
    assert page.evaluate("window.pactgraph.cy.edges('[type = \"TRAINS\"]').length") == 0  # cn-mps-2 not drawn

    page.click("#undo")  # calls unmerge
    _status_matches(page, "Unmerged “Tajik Ministry of Internal Affairs”")
    page.wait_for_function("window.pactgraph.cy.getElementById('gov:tj-mvd-2').nonempty()")
    assert _exists(db, "gov:tj-mvd-2") and _actions(db) == ["entity.unmerged", "entity.merged"]
    page.wait_for_selector("#redo:not([disabled])")
    page.click("#redo")  # merges again
    _status_matches(page, "into “Ministry of Internal Affairs of Tajikistan” again")
    page.wait_for_function("window.pactgraph.cy.getElementById('gov:tj-mvd-2').empty()")
    assert not _exists(db, "gov:tj-mvd-2") and _actions(db)[0] == "entity.merged"
    assert not page.js_errors, page.js_errors


def test_rename_aliases_and_the_history_beside_the_details(db: Db, live_api: LiveApi, page: Any) -> None:
    _open(db, live_api, page)
    _pick_entity(page)
    page.fill("#curation-why", "house style")
    page.fill("#rename-name", "MVD of Tajikistan")
    page.click("#rename")
    _status_matches(page, "Renamed to “MVD of Tajikistan”")
    page.wait_for_selector("#curation-history li[data-action='entity.renamed']")
    renamed = page.inner_text("#curation-history li[data-action='entity.renamed']")
    assert "local: renamed “Ministry of Internal Affairs of Tajikistan” → “MVD of Tajikistan” — house style" \
        in renamed
    name = page.evaluate("window.pactgraph.cy.getElementById('gov:tj-mvd').data('name')")
    assert name == "MVD of Tajikistan"

    page.fill("#alias-new", "MVD RT")
    page.click("#alias-add")
    page.wait_for_selector("#curation-history li[data-action='entity.alias_added']")
    assert "MVD RT" in page.locator("#curation-aliases li").all_inner_texts()[-1]
    page.click("button[aria-label='Remove alias MVD RT']")
    page.wait_for_selector("#curation-history li[data-action='entity.alias_removed']")
    assert not any("MVD RT" in a for a in page.locator("#curation-aliases li").all_inner_texts())
    assert _actions(db) == ["entity.alias_removed", "entity.alias_added", "entity.renamed"]
    page.screenshot(path=str(ARTIFACTS / "page-curation-panel.png"))
    assert not page.js_errors, page.js_errors


def test_retract_and_assert_a_relationship_with_a_reason(db: Db, live_api: LiveApi, page: Any) -> None:
    _open(db, live_api, page)
    _pick_entity(page)
    edge = page.evaluate("window.pactgraph.cy.edges('[type = \"OPERATES\"]"
                         "[target = \"facility:wakhan-base\"]').id()")
    page.evaluate(f"void window.pactgraph.cy.getElementById({edge!r}).emit('tap')")
    page.wait_for_selector("#curation-side #retract")
    page.click("#retract")  # no reason: refused
    _status_matches(page, "Say why first")
    page.fill("#curation-why", "the source withdrew it")
    page.click("#retract")
    _status_matches(page, "Retracted OPERATES")
    page.wait_for_function(f"window.pactgraph.cy.getElementById({edge!r}).empty()")
    page.wait_for_selector("#curation-history li[data-action='claim.retracted']")
    assert ("retracted Ministry of Internal Affairs of Tajikistan OPERATES Wakhan base"
            " — the source withdrew it") in page.inner_text("#curation-history")
    operates = ("OPERATES", "gov:tj-mvd", "facility:wakhan-base")
    stored = next(r for r in db.read("store_dump_relationships")
                  if (r["type"], r["source"], r["target"]) == operates)
    assert stored["props"]["status"] == "retracted"
    assert stored["props"]["retracted_reason"] == "the source withdrew it"
    assert _actions(db) == ["claim.retracted"]

    page.evaluate("void window.pactgraph.cy.getElementById('gov:tj-mvd').emit('tap')")
    page.wait_for_selector("#curation-side #assert-type")
    page.select_option("#assert-type", "TRAINS")
    page.select_option("#assert-status", "reported")
    pick(page, "assert-other", "Chinese Public", "Chinese Public Security Ministry")
    page.fill("#curation-why", "ministry statement")
    page.click("#assert")
    _status_matches(page, r"Asserted TRAINS \(reported\)")
    page.wait_for_function("window.pactgraph.cy.edges('[type = \"TRAINS\"][source = \"gov:tj-mvd\"]"
                           "[target = \"gov:cn-mps-2\"]').length === 1")
    page.wait_for_selector("#curation-history li[data-action='claim.asserted']")
    asserted = page.inner_text("#curation-history li[data-action='claim.asserted']")
    assert ("asserted Ministry of Internal Affairs of Tajikistan TRAINS Chinese Public Security Ministry"
            " (reported) — ministry statement") in asserted
    assert _actions(db) == ["claim.asserted", "claim.retracted"]
    assert page.locator("#curation-history li[data-action='claim.retracted']").count() == 1
    assert not page.js_errors, page.js_errors


def test_unmerge_from_the_survivors_panel(db: Db, live_api: LiveApi, page: Any) -> None:
    _open(db, live_api, page)
    merging.merge(db, "gov:tj-mvd", "gov:tj-mvd-2", who="analyst", why="one ministry")
    _pick_entity(page)
    page.wait_for_selector("#curation-merges li")
    assert "gov:tj-mvd-2 (analyst" in page.inner_text("#curation-merges")
    assert "merged gov:tj-mvd-2 into this — one ministry" in page.inner_text("#curation-history")
    page.fill("#curation-why", "two ministries after all")
    page.click("#curation-merges button.unmerge")
    _status_matches(page, "Unmerged gov:tj-mvd-2 from Ministry of Internal Affairs of Tajikistan")
    page.wait_for_function("window.pactgraph.cy.getElementById('gov:tj-mvd-2').nonempty()")
    assert _exists(db, "gov:tj-mvd-2")
    page.wait_for_selector("#curation-merges", state="detached")
    assert not page.js_errors, page.js_errors
