"""Neo4j Browser made ready for analysts: the guide's queries answer on the seed graph, and a real
server started with graph.server.browser_config's settings serves Browser and points it at the API."""

from __future__ import annotations

import html
import json
import re
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from neo4j import GraphDatabase

from graph.db import Db
from graph.read import subgraph
from graph.server import browser_guides
from graph.server.browser_config import browser_settings
from graph.server.localserver import LocalNeo4j, free_port
from graph.write import notes
from graph.write.writer import GraphWriter
from pactgraph.settings import PROJECT_ROOT, Settings
from tests.fixtures import seed_graph
from tests.web.conftest import LiveApi

pytestmark = pytest.mark.neo4j
_RUNNABLE = re.compile(r'<pre mode="cypher" class="runnable">(.*?)</pre>', re.DOTALL)


def guide_steps(page: str) -> list[str]:
    return [html.unescape(text).strip() for text in _RUNNABLE.findall(page)]


def run_guide(db: Db, page: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Run the guide's queries in order as an analyst would: each :param line sets a parameter."""
    params: dict[str, Any] = {}
    results = []
    for step in guide_steps(page):
        if step.startswith(":param"):
            name, value = step.removeprefix(":param").split("=>", 1)
            # Browser evaluates a :param value as a Cypher expression; so does the test
            records, _, _ = db.driver.execute_query(f"RETURN {value.strip()} AS v", database_=db.database)
            params[name.strip()] = records[0]["v"]
        elif not step.startswith(":"):
            records, _, _ = db.driver.execute_query(step, params, database_=db.database)
            results.append((step, [r.data() for r in records]))
    return results


def _get_when_up(url: str, seconds: float = 60) -> str:
    """HTTP may start listening a moment after Bolt answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return str(response.read().decode())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _note_the_seed(db: Db) -> None:
    """Analysts' notes on the seed: one on the MVD, one on its agreement link (the notes slide lists them)."""
    notes.add(db, kind="entity", target="tj_mvd", text="Check the 2016 visit", who="analyst")
    link = next(iter(subgraph.induced(db, ["tj_mvd", "agr_wakhan_base"]).relationships))
    notes.add(db, kind="relationship", target=link, text="Signed in Dushanbe?", who="analyst")


def test_every_guide_query_answers_on_the_seed_graph(db: Db) -> None:
    GraphWriter(db).write(seed_graph())
    _note_the_seed(db)
    results = run_guide(db, browser_guides.render_guide("http://127.0.0.1:8000"))
    assert len(results) >= 9
    for query, rows in results:
        assert rows, f"the guide's query found nothing on the seed graph:\n{query}"
    flat = json.dumps([rows for _, rows in results], default=str, ensure_ascii=False)
    # the seed question's answer: their agreement, the base it funds, and the quotes
    for fact in ("MVD of Tajikistan – MPS of China agreement on the Wakhan base", "Wakhan base",
                 "China will provide grant assistance for the construction of the base"):
        assert fact in flat


def test_the_guides_notes_slide_lists_notes_with_what_they_are_on(db: Db) -> None:
    GraphWriter(db).write(seed_graph())
    _note_the_seed(db)
    results = run_guide(db, browser_guides.render_guide("http://127.0.0.1:8000"))
    latest = next(rows for query, rows in results if query.startswith("MATCH (n:Note)\n"))
    assert [(r["note"], r["on"], r["author"]) for r in latest] == [
        ("Signed in Dushanbe?", "Ministry of Internal Affairs of Tajikistan PARTY_TO "
         "MVD of Tajikistan – MPS of China agreement on the Wakhan base", "analyst"),
        ("Check the 2016 visit", "Ministry of Internal Affairs of Tajikistan", "analyst")]
    on_one = next(rows for query, rows in results if "CALL (e)" in query and "Note" in query)
    assert {r["note"] for r in on_one} == {"Check the 2016 visit", "Signed in Dushanbe?"}
    found = next(rows for query, rows in results if "CONTAINS toLower($words)" in query)
    assert [r["note"] for r in found] == ["Check the 2016 visit"]


def test_the_guides_quotes_carry_status_and_cite_their_source(db: Db) -> None:
    GraphWriter(db).write(seed_graph())
    results = run_guide(db, browser_guides.render_guide("http://127.0.0.1:8000"))
    quoted = [rows for query, rows in results if "AS quote" in query]
    assert quoted and quoted[0]
    for row in quoted[0]:
        assert {"status", "quote", "document", "publisher", "published", "url", "reliability",
                "credibility"} <= set(row)
        assert row["status"] and row["document"] and row["publisher"] == "Asia-Plus" and row["published"]
    sentences = next(rows for query, rows in results if "AS evidence" in query)
    assert all(row["status"] for row in sentences)


def test_favourites_run_with_their_param_examples(db: Db) -> None:
    GraphWriter(db).write(seed_graph())
    page = browser_guides.render_favourites()
    for query, _rows in run_guide(db, page):
        assert query  # each ran without a Cypher error (params from its own :param lines)


def test_browser_opens_with_the_style_and_guide(live_api: LiveApi, tmp_path: Path) -> None:
    settings = Settings(PACTGRAPH_API_PORT=live_api.port)  # type: ignore[call-arg]
    lib = PROJECT_ROOT / "var" / "neo4j" / "lib"
    server = LocalNeo4j(home=tmp_path / "neo4j", lib_dir=lib, bolt_port=free_port(), http_port=free_port(),
                        heap="512m", pagecache="64m", extra_config=browser_settings(settings))
    server.start(timeout=180)  # strict config validation would refuse an undeclared setting here
    try:
        page = _get_when_up(server.browser_url)
        assert "Neo4j Browser" in page
        with GraphDatabase.driver(server.uri, auth=(server.user, server.password())) as drv:
            records, _, _ = drv.execute_query("CALL dbms.clientConfig() YIELD name, value RETURN name, value")
        config = {r["name"]: r["value"] for r in records}
        commands = [c.strip() for c in config["browser.post_connect_cmd"].split(";")]
        assert "127.0.0.1" in config["browser.remote_content_hostname_whitelist"].split(",")
        # each command's URL answers, readable from Browser's origin
        origin = f"http://127.0.0.1:{server.http_port}"
        for command in commands:
            verb, url = command.split(" ", 1)
            assert verb in ("style", "play")
            request = urllib.request.Request(url, headers={"Origin": origin})
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200
                assert response.headers["Access-Control-Allow-Origin"] in ("*", origin)
                body = response.read().decode()
            assert ("node.State" in body) if verb == "style" else ("<slide" in body)
    finally:
        server.stop()
