"""The Documents tab in a real headless Chromium: upload by file picker and by drag-and-drop with each
file's outcome, the list's search, filters and pages, the metadata and grade edit, and the reader
that highlights every quote the graph took from a document."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Db
from graph.write.documents import DocumentStore
from graph.write.writer import GraphWriter
from tests.fixtures import SEED_DOC, document_graph, seed_graph
from tests.web.conftest import ARTIFACTS, LiveApi

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

READY = "window.pactgraph && document.getElementById('status').textContent === 'Ready'"
FIRST = b"Kazakhstan and Turkey signed a memorandum on military-technical cooperation in Astana."
SECOND = b"Tajikistan and China agreed to build a base in the Wakhan Gorge of Gorno-Badakhshan."


def _open_tab(page: Any, live_api: LiveApi) -> None:
    page.goto(f"{live_api.url}/ui/")
    page.wait_for_function(READY)
    page.click("#tab-documents")
    assert page.is_visible("#documents") and not page.is_visible("#graph")
    page.wait_for_function("document.getElementById('doc-count').textContent !== ''")


def _outcomes(page: Any, count: int) -> list[tuple[str, str]]:
    """(outcome, line) of each upload once none is pending any more."""
    page.wait_for_function(
        f"document.querySelectorAll('#doc-outcomes li').length === {count} && "
        "!document.querySelector('#doc-outcomes .outcome-pending')", timeout=60_000)
    items = page.query_selector_all("#doc-outcomes li")
    return [(li.get_attribute("data-outcome"), li.inner_text()) for li in items]


def _listed(page: Any) -> list[str]:
    return [b.inner_text() for b in page.query_selector_all("#doc-list .doc-open")]


def _wait_listed(page: Any, titles: list[str]) -> None:
    try:
        page.wait_for_function(
            "want => JSON.stringify([...document.querySelectorAll('#doc-list .doc-open')]"
            ".map(b => b.textContent).sort()) === JSON.stringify(want)", arg=sorted(titles), timeout=10_000)
    except Exception as exc:  # Playwright's TimeoutError: say what the list showed instead
        raise AssertionError(f"listed {_listed(page)}, wanted {sorted(titles)}; {page.js_errors}") from exc


def test_the_file_picker_uploads_several_files_each_with_its_outcome(
    live_api: LiveApi, page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loaders.read import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 4096)  # the server's file cap, small enough for a test
    _open_tab(page, live_api)
    assert page.inner_text("#doc-count") == "No documents match"
    page.select_option("#doc-upload-grade", "B")
    page.set_input_files("#doc-files", files=[
        {"name": "first.txt", "mimeType": "text/plain", "buffer": FIRST},
        {"name": "first-copy.txt", "mimeType": "text/plain", "buffer": FIRST},
        {"name": "notes.xyz", "mimeType": "application/octet-stream", "buffer": b"whatever"},
        {"name": "huge.txt", "mimeType": "text/plain", "buffer": FIRST * 100},
    ])
    lines = _outcomes(page, 4)
    assert [outcome for outcome, _ in lines] == ["created", "unchanged", "failed", "failed"]
    assert lines[0][1].startswith("first.txt: created (") and "claim" in lines[0][1]
    assert lines[1][1] == "first-copy.txt: unchanged — already stored"
    assert lines[2][1].startswith("notes.xyz: failed — ") and "unsupported file type" in lines[2][1]
    assert lines[3][1].startswith("huge.txt: failed — file is ") and "limit" in lines[3][1]
    page.wait_for_function("/Uploaded 4 files: 1 created, 1 unchanged, 2 failed/"
                           ".test(document.getElementById('status').textContent)")
    page.wait_for_function("document.getElementById('doc-count').textContent === '1–1 of 1 document'")
    assert "reliability B" in page.inner_text("#doc-list li")

    # a changed file under the same name is a new version of that document
    page.set_input_files("#doc-files", files=[
        {"name": "first.txt", "mimeType": "text/plain", "buffer": FIRST + b" " + SECOND}])
    [(outcome, line)] = _outcomes(page, 1)
    assert outcome == "updated" and line.startswith("first.txt: updated (") and "new version of doc:" in line
    page.wait_for_function("document.getElementById('doc-count').textContent === '1–1 of 1 document'")
    assert page.js_errors == []


def test_files_dropped_on_the_zone_are_uploaded(live_api: LiveApi, page: Any) -> None:
    _open_tab(page, live_api)
    page.evaluate("""([first, second]) => {
        const data = new DataTransfer();
        data.items.add(new File([first], "dropped-one.txt", {type: "text/plain"}));
        data.items.add(new File([second], "dropped-two.md", {type: "text/markdown"}));
        const zone = document.getElementById("doc-drop");
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
        void zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }""", [FIRST.decode(), SECOND.decode()])
    lines = _outcomes(page, 2)
    assert [(o, line.split(":")[0]) for o, line in lines] == [("created", "dropped-one.txt"),
                                                               ("created", "dropped-two.md")]
    page.wait_for_function("document.getElementById('doc-count').textContent === '1–2 of 2 documents'")
    assert page.js_errors == []


def _library(db: Db) -> None:
    store = DocumentStore(db)
    for i, (title, publisher, published, grade) in enumerate([
        ("Wakhan base funded", "Khovar", "2021-10-28", "B"),
        ("Parliament approves the agreement", "Khovar", "2022-03-04", "E"),
        ("Old agreement story", "Radio Ozodi", "2019-05-02", None),
    ]):
        graph = document_graph(f"{title}. Ministry of Public Security of China FUNDS Wakhan base ({i}).",
                               [("gov:cn-mps", "FUNDS", "facility:wakhan-base")],
                               title=title, publisher=publisher, published=published)
        store.load(graph, grade=grade, key=f"test:{i}")


def test_the_list_searches_filters_and_pages(db: Db, live_api: LiveApi, page: Any) -> None:
    _library(db)
    store = DocumentStore(db)
    for i in range(25):  # enough for a second page
        store.load(document_graph(f"Filler brief number {i}.", [], title=f"Filler {i:02}",
                                  publisher="Filler Wire", published="2010-01-01"), key=f"filler:{i}")
    _open_tab(page, live_api)
    assert page.inner_text("#doc-count") == "1–25 of 28 documents" and len(_listed(page)) == 25
    page.click("#doc-next")
    page.wait_for_function("document.getElementById('doc-count').textContent === '26–28 of 28 documents'")
    assert page.is_disabled("#doc-next") and not page.is_disabled("#doc-prev")

    page.fill("#doc-q", "AGREEMENT")  # a search starts again from the first page
    _wait_listed(page, ["Parliament approves the agreement", "Old agreement story"])
    assert page.inner_text("#doc-count") == "1–2 of 2 documents"
    page.fill("#doc-q", "ozodi")  # the publisher's name too
    _wait_listed(page, ["Old agreement story"])
    page.fill("#doc-q", "")
    page.select_option("#doc-publisher", "Khovar")
    _wait_listed(page, ["Wakhan base funded", "Parliament approves the agreement"])
    assert "Khovar (2)" in page.inner_text("#doc-publisher")
    page.fill("#doc-from", "2022-01-01")
    page.dispatch_event("#doc-from", "change")
    _wait_listed(page, ["Parliament approves the agreement"])
    page.fill("#doc-from", "")
    page.dispatch_event("#doc-from", "change")
    page.select_option("#doc-publisher", "")
    page.fill("#doc-to", "2015-12-31")
    page.dispatch_event("#doc-to", "change")
    _wait_listed(page, [f"Filler {i:02}" for i in range(25)])
    page.fill("#doc-to", "2020-12-31")
    page.dispatch_event("#doc-to", "change")
    page.wait_for_function("document.getElementById('doc-count').textContent === '1–25 of 26 documents'")
    page.fill("#doc-to", "")
    page.dispatch_event("#doc-to", "change")
    page.select_option("#doc-reliability", "B")
    _wait_listed(page, ["Wakhan base funded"])
    page.select_option("#doc-reliability", "ungraded")
    page.select_option("#doc-publisher", "Radio Ozodi")
    _wait_listed(page, ["Old agreement story"])
    assert page.js_errors == []


def test_metadata_and_grade_are_edited_from_the_reader(db: Db, live_api: LiveApi, page: Any) -> None:
    _library(db)
    _open_tab(page, live_api)
    page.click("#doc-list .doc-open:text('Parliament approves the agreement')")
    page.wait_for_selector("#doc-edit-open")
    assert "reliability E" in page.inner_text("#doc-meta")
    assert page.is_hidden("#doc-edit")
    page.click("#doc-edit-open")
    assert page.input_value("#doc-edit-title") == "Parliament approves the agreement"
    page.fill("#doc-edit-title", "Parliament ratifies the agreement")
    page.fill("#doc-edit-url", "https://khovar.example/ratified")
    page.select_option("#doc-edit-reliability", "A")
    page.fill("#doc-edit-why", "checked the original")
    page.click("#doc-edit-save")
    page.wait_for_function("/Saved title, url, reliability \\(1 claim re-graded\\)/"
                           ".test(document.getElementById('status').textContent)")
    page.wait_for_function("document.getElementById('doc-reader-title').textContent === "
                           "'Parliament ratifies the agreement'")
    assert "reliability A" in page.inner_text("#doc-meta")
    assert page.get_attribute("#doc-meta a", "href") == "https://khovar.example/ratified"
    _wait_listed(page, ["Wakhan base funded", "Parliament ratifies the agreement", "Old agreement story"])
    stored = db.read("document_search", q="ratifies", publisher=None, date_from=None, date_to=None,
                     reliability=[], limit=5, skip=0)[0]["items"]
    assert [(d["title"], d["reliability"], d["url"]) for d in stored] == [
        ("Parliament ratifies the agreement", "A", "https://khovar.example/ratified")]

    page.click("#doc-edit-open")  # a bad date is refused with the server's reason, and nothing changes
    page.fill("#doc-edit-published", "2022-02-30")
    page.click("#doc-edit-save")
    page.wait_for_function("document.getElementById('status').classList.contains('error')")
    assert "published" in page.inner_text("#status")
    assert page.js_errors == []


def test_the_reader_highlights_every_quote_of_a_document(db: Db, live_api: LiveApi, page: Any) -> None:
    graph = seed_graph()
    GraphWriter(db).write(graph)
    quotes = [e.quote for r in graph.relationships for e in r.evidence]
    _open_tab(page, live_api)
    page.click("#doc-list .doc-open")
    page.wait_for_selector("#doc-text mark.doc-quote")
    listed = page.eval_on_selector_all("#doc-quotes button.quote", "bs => bs.map(b => b.textContent)")
    assert sorted(listed) == sorted(f"“{q}”" for q in quotes)
    assert page.inner_text("#doc-quote-count") == f"{len(quotes)} quotes the graph took from it"
    # each quote is exactly the run of marks that name it, in the stored text
    covered = page.evaluate("""n => [...Array(n).keys()].map(i =>
        [...document.querySelectorAll('#doc-text mark.doc-quote')]
          .filter(m => m.dataset.quotes.split(' ').includes(String(i))).map(m => m.textContent).join(''))""",
                            len(quotes))
    texts = [text[1:-1] for text in listed]  # without the quotation marks
    assert covered == texts
    assert SEED_DOC not in page.inner_text("#doc-reader-title")
    # choosing a quote brings its highlight forward
    page.click("#doc-quotes li:nth-child(3) button.quote")
    focused = page.evaluate("""() => { const m = document.activeElement;
        return m.matches('mark.doc-quote.current') ? m.dataset.quotes.split(' ') : null; }""")
    assert focused is not None and "2" in focused
    assert page.evaluate("document.scrollingElement.scrollTop") == 0  # only the reader's boxes scroll
    page.screenshot(path=str(ARTIFACTS / "page-documents.png"))  # the README's, see test_page.py
    assert page.js_errors == []
