"""The documents panel's API over a real Neo4j: the list's search, filters and pages; metadata and
grade edits (audited, validated, re-grading what the document supports); every quote of a document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import get_args

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.read.documents import UNGRADED, ReliabilityFilter
from graph.write import grading, keys
from graph.write.documents import DocumentStore
from pactgraph.settings import Settings
from tests.fixtures import SEED_DOC, document_graph

pytestmark = pytest.mark.neo4j

FUNDS = ("gov:cn-mps", "FUNDS", "facility:wakhan-base")


def _doc(text: str, claims: list[tuple[str, str, str]], **meta: str) -> str:
    return document_graph(text, claims, **meta).nodes[0].id


@pytest.fixture
def library(db: Db) -> dict[str, str]:
    """Three documents: two publishers, three dates, graded B, E and not at all."""
    store = DocumentStore(db)
    made = {}
    for name, text, meta, grade in [
        ("wakhan", "Ministry of Public Security of China FUNDS Wakhan base (0). More text.",
         {"publisher": "Khovar", "published": "2021-10-28", "title": "Wakhan base funded"}, "B"),
        ("parliament", "Parliament of Tajikistan APPROVED MVD–MPS agreement (0).",
         {"publisher": "Khovar", "published": "2022-03", "title": "Parliament approves"}, "E"),
        ("radio", "Tajikistan PARTY_TO MVD–MPS agreement (0).",
         {"publisher": "Radio Ozodi", "published": "2019-05-02", "title": "Old agreement story"}, None),
    ]:
        claims = {"wakhan": [FUNDS], "parliament": [("gov:tj-parliament", "APPROVED", "agreement:mvd-mps")],
                  "radio": [("state:tajikistan", "PARTY_TO", "agreement:mvd-mps")]}[name]
        graph = document_graph(text, claims, **meta)
        made[name] = store.load(graph, grade=grade, key=f"test:{name}").document_id or ""
    return made


@pytest.fixture
def auth_client(db: Db) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), db)) as c:
        yield c


def _ids(client: TestClient, **params: object) -> list[str]:
    response = client.get("/documents", params=params)
    assert response.status_code == 200, response.text
    return [d["id"] for d in response.json()["items"]]


def test_the_reliability_filter_takes_every_grade_and_ungraded() -> None:
    assert set(get_args(ReliabilityFilter)) == {*grading.RELIABILITY_WEIGHT, UNGRADED}


def test_the_list_searches_filters_and_pages(client: TestClient, library: dict[str, str]) -> None:
    everything = client.get("/documents").json()
    assert everything["total"] == 4 and len(everything["items"]) == 4  # the seed article too
    assert set(_ids(client, q="WAKHAN")) == {library["wakhan"]}  # title, any case
    assert set(_ids(client, q="ozodi")) == {library["radio"]}  # publisher text
    assert set(_ids(client, publisher="Khovar")) == {library["wakhan"], library["parliament"]}
    assert set(_ids(client, date_from="2021-01-01", date_to="2021-12-31")) == {library["wakhan"]}
    # a month-precise date lies in a window that starts within that month
    assert set(_ids(client, date_from="2022-03-15", date_to="2022-10")) == {library["parliament"]}
    assert set(_ids(client, reliability=["B", "E"])) == {library["wakhan"], library["parliament"]}
    assert set(_ids(client, reliability=["ungraded"], publisher="Radio Ozodi")) == {library["radio"]}
    first = client.get("/documents", params={"limit": 2}).json()
    second = client.get("/documents", params={"limit": 2, "skip": 2}).json()
    assert first["total"] == second["total"] == 4 and (first["limit"], second["skip"]) == (2, 2)
    assert len({d["id"] for d in first["items"] + second["items"]}) == 4
    publishers = client.get("/documents/publishers").json()
    assert {"publisher": "Khovar", "documents": 2} in publishers
    assert {"publisher": "Asia-Plus", "documents": 1} in publishers  # the seed article
    assert {"publisher": "Radio Ozodi", "documents": 1} in publishers


def test_bad_list_filters_are_422_naming_the_parameter(client: TestClient) -> None:
    for params, name in [({"date_from": "2021-13"}, "date_from"), ({"date_to": "last week"}, "date_to"),
                         ({"reliability": "Z"}, "reliability"), ({"limit": 0}, "limit")]:
        response = client.get("/documents", params=params)
        assert response.status_code == 422, params
        assert name in response.text


def test_an_edit_changes_metadata_is_audited_and_regrades_supported_claims(
    auth_client: TestClient, db: Db, library: dict[str, str]
) -> None:
    editor = {"X-API-Key": keys.create_key(db, "curator", "editor")}
    reader = {"X-API-Key": keys.create_key(db, "analyst", "reader")}
    doc = library["parliament"]  # graded E: its claim's confidence is low
    before = auth_client.get(f"/documents/{doc}/quotes", headers=reader).json()["quotes"][0]["confidence"]
    body = {"title": "Parliament ratifies", "publisher": "Akhbor", "published": "2022-03-04",
            "url": "https://akhbor.example/ratified", "reliability": "a", "why": "checked the original"}
    assert auth_client.patch(f"/documents/{doc}", json=body, headers=reader).status_code == 403
    response = auth_client.patch(f"/documents/{doc}", json=body, headers=editor)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["changed"]["reliability"] == ["E", "A"]
    assert result["changed"]["title"][1] == "Parliament ratifies"
    assert result["changed"]["published"] == ["2022-03", "2022-03-04"]
    assert result["claims_regraded"] == 1
    stored = auth_client.get(f"/documents/{doc}", headers=reader).json()
    assert (stored["title"], stored["name"], stored["publisher"], stored["published"], stored["url"],
            stored["reliability"], stored["published_precision"]) == (
        "Parliament ratifies", "Parliament ratifies", "Akhbor", "2022-03-04", "https://akhbor.example/ratified",
        "A", "day")
    after = auth_client.get(f"/documents/{doc}/quotes", headers=reader).json()["quotes"][0]["confidence"]
    assert after > before
    event = auth_client.get("/curation/audit", params={"target": doc}, headers=reader).json()[0]
    assert (event["action"], event["who"]) == ("document.edited", "curator")
    assert event["why"] == "checked the original"
    assert event["details"]["changed"]["publisher"] == ["Khovar", "Akhbor"]
    # a field left out stays; null clears
    cleared = auth_client.patch(f"/documents/{doc}", json={"url": None}, headers=editor).json()
    assert cleared["changed"] == {"url": ["https://akhbor.example/ratified", None]}
    assert cleared["claims_regraded"] == 0
    stored = auth_client.get(f"/documents/{doc}", headers=reader).json()
    assert "url" not in stored and stored["reliability"] == "A"


def test_bad_edits_are_refused_and_change_nothing(client: TestClient, library: dict[str, str]) -> None:
    doc = library["wakhan"]
    for body, name in [({"reliability": "Z"}, "reliability"), ({"published": "2021-02-30"}, "published"),
                       ({"url": "javascript:alert(1)"}, "url"), ({"title": "x" * 501}, "title"),
                       ({"colour": "red"}, "colour"), ({"why": "nothing"}, "body")]:
        response = client.patch(f"/documents/{doc}", json=body)
        assert response.status_code == 422, (body, response.text)
        assert name in response.text, (body, response.text)
    assert client.patch("/documents/doc:nope", json={"title": "x"}).status_code == 404
    stored = client.get(f"/documents/{doc}").json()
    assert (stored["title"], stored["reliability"], stored["published"]) == \
        ("Wakhan base funded", "B", "2021-10-28")


def test_every_quote_of_a_document_with_offsets_into_its_text(client: TestClient) -> None:
    response = client.get(f"/documents/{SEED_DOC}/quotes")
    assert response.status_code == 200, response.text
    quotes = response.json()["quotes"]
    text = client.get(f"/documents/{SEED_DOC}").json()["text"]
    assert len(quotes) >= 10
    assert [q["start"] for q in quotes] == sorted(q["start"] for q in quotes)  # reading order
    for q in quotes:
        assert text[q["start"]:q["end"]] == q["quote"], q
        assert q["type"] != "MENTIONS" and q["source_name"] and q["target_name"] and q["claim_id"]
    assert client.get("/documents/doc:nope/quotes").status_code == 404
    retracted = client.post("/curation/retract", json={"claim_id": quotes[0]["claim_id"], "why": "withdrawn"})
    assert retracted.status_code == 200, retracted.text
    after = client.get(f"/documents/{SEED_DOC}/quotes").json()["quotes"]
    assert {q["status"] for q in after if q["claim_id"] == quotes[0]["claim_id"]} == {"retracted"}
    assert len(after) == len(quotes)  # a retracted claim's quotes stay, marked as such
