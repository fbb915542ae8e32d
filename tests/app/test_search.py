"""Entity search as an analyst types it, over the project's corpus and the real documents loaded
into a real Neo4j: exact names first, stop words and apostrophes handled, input never Lucene syntax."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from graph.connection import Target, make_async_driver
from graph.db import Db
from graph.server.localserver import LocalNeo4j
from graph.write.ingest import ingest_paths
from pactgraph.settings import PROJECT_ROOT, Settings
from tests.conftest import SEED, SHARED

pytestmark = pytest.mark.neo4j
REAL = SHARED / "corpus" / "real" / "docs"


@pytest.fixture(scope="module")
def client(driver: Driver, neo4j_server: tuple[Target, LocalNeo4j | None]) -> Iterator[TestClient]:
    """The corpus, the seed and the real documents, loaded once for the module's read-only tests."""
    where = neo4j_server[0]
    db = Db(driver, where.database, open_async=partial(make_async_driver, where))
    db.autocommit("clear_database")
    paths = [PROJECT_ROOT / "corpus" / "sample", PROJECT_ROOT / "corpus" / "eval", SEED]
    if REAL.exists():
        paths.append(REAL)
    results = ingest_paths(db, [p for p in paths if p.exists()], workers=1)
    assert not [r for r in results if r.outcome == "failed"]
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=False), db)) as test_client:
        yield test_client
    db.autocommit("clear_database")


def hits(client: TestClient, q: str, **params: object) -> list[dict]:
    response = client.get("/entities/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(("query", "top"), [
    ("Ministry of Public Security", "gov:cn-mps"),
    ("ministry of public security of china", "gov:cn-mps"),
    ("Kyrgyzstan", "state:kyrgyzstan"),
    ("Russia", "state:russia"),
    ("China", "state:china"),
    ("Tajikistan", "state:tajikistan"),
    ("Kyrgyz Republic", "state:kyrgyzstan"),  # an alias, exactly
    ("Kyrgyzst", "state:kyrgyzstan"),  # still typing: prefix
    ("Ministry of Defence of Russia", "gov:ru-mod"),
    ("Tajik MVD", "gov:tj-mvd"),
    ("China MPS", "gov:cn-mps"),
    ("Таджикистан", "state:tajikistan"),  # Cyrillic alias
    ("Tadzhikistan", "state:tajikistan"),  # transliteration
    ("Kyrgyzstn", "state:kyrgyzstan"),  # misspelt: fuzzy
    ("Russian Ministry of Defence", "gov:ru-mod"),  # words, not in that order, one misspelt
])
def test_ordinary_queries_find_the_expected_entity_first(client: TestClient, query: str, top: str) -> None:
    assert hits(client, query)[0]["id"] == top


def test_apostrophes_and_stop_words_do_not_hide_names(client: TestClient) -> None:
    if not REAL.exists():
        pytest.skip("the real documents are not beside the repo")
    assert hits(client, "People's Liberation Army")[0]["id"] == "sf:cn-pla"
    assert hits(client, "People’s Liberation Army")[0]["id"] == "sf:cn-pla"
    assert hits(client, "Peoples Liberation Army")[0]["id"] == "sf:cn-pla"
    assert hits(client, "People's Liberation Army Navy")[0]["id"] == "sf:cn-plan"


def test_a_name_shared_as_an_alias_ranks_those_exact_matches_first(client: TestClient) -> None:
    found = hits(client, "Ministry of Defence")
    exact = {h["id"] for h in found if "Ministry of Defence" in [h["name"], *h["aliases"]]}
    assert len(exact) >= 2
    assert {h["id"] for h in found[: len(exact)]} == exact
    prefixed = found[len(exact)]  # then the names that start with the words
    assert prefixed["name"].startswith("Ministry of Defence")


def test_a_state_comes_before_its_own_agencies(client: TestClient) -> None:
    found = [h["id"] for h in hits(client, "Kyrgyz")]
    assert found[0] == "state:kyrgyzstan"  # "Kyrgyz Republic": prefix, and a state
    assert "sf:kg-border-service" in found


@pytest.mark.parametrize("query", ["OR", "AND", "NOT", "NOT china", "china AND", "(china", 'china"',
                                   "china~", "china^3", "c*", "ministry:defence", "a && b || c",
                                   "[a TO z]", "{x}", "the of", "'s", "a/b", "x\\y"])
def test_lucene_operators_and_special_characters_are_plain_text(client: TestClient, query: str) -> None:
    response = client.get("/entities/search", params={"q": query})
    assert response.status_code == 200, response.text
    assert isinstance(response.json(), list)


def test_operators_are_words_not_logic(client: TestClient) -> None:
    assert hits(client, "NOT china")[0]["id"] == "state:china"  # "not" is a stop word, not negation
    # "and" is a word too: what names China and Russia comes first, both states are found
    both = hits(client, "China AND Russia")
    assert "china" in both[0]["name"].lower() or "russia" in both[0]["name"].lower()
    assert {"state:china", "state:russia"} <= {h["id"] for h in both}


@pytest.mark.parametrize("query", ["?!*", "\\", "/", "!", "&&", '"'])
def test_a_query_of_no_letters_is_a_422_naming_q(client: TestClient, query: str) -> None:
    response = client.get("/entities/search", params={"q": query})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("q: ")


def test_label_filter_and_paging_apply_after_ranking(client: TestClient) -> None:
    assert all("State" in h["labels"] for h in hits(client, "Kyrgyz", label="State"))
    first_two = [h["id"] for h in hits(client, "Ministry of Defence", limit=2)]
    next_two = [h["id"] for h in hits(client, "Ministry of Defence", limit=2, skip=2)]
    all_four = [h["id"] for h in hits(client, "Ministry of Defence", limit=4)]
    assert first_two + next_two == all_four
