"""Typing a state's name and Enter on the page picks the state, not one of its agencies
(real Chromium over a real Neo4j loaded with the project's corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Db
from graph.write.ingest import ingest_paths
from pactgraph.settings import PROJECT_ROOT
from tests.web.conftest import LiveApi

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]


@pytest.mark.parametrize(("typed", "expected"), [("Kyrgyzstan", "Kyrgyzstan"),
                                                  ("Ministry of Public Security",
                                                   "Ministry of Public Security of China")])
def test_typing_a_name_and_enter_picks_that_entity(db: Db, live_api: LiveApi, page: Any,
                                                   typed: str, expected: str) -> None:
    ingest_paths(db, [PROJECT_ROOT / "corpus" / "eval", PROJECT_ROOT / "corpus" / "sample"], workers=1)
    page.goto(f"{live_api.url}/")
    page.wait_for_function("window.pactgraph && document.getElementById('status').textContent === 'Ready'")
    page.type("#search", typed, delay=10)
    page.keyboard.press("Enter")
    page.wait_for_function("(name) => document.getElementById('details-title')?.textContent === name",
                           arg=expected)
    assert not page.js_errors, page.js_errors
