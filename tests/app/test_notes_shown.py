"""Analysts' notes beyond the Notes box: in an entity's profile and in every export (JSON, GraphML and
GEXF read back by networkx, i2 CSV, FollowTheMoney valid by FtM's own model)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from graph.export.ftm import ftm_id
from tests.app.test_export_ftm import assert_valid_ftm

pytestmark = pytest.mark.neo4j
IDS = ["tj_mvd", "china", "wakhan_base", "agr_wakhan_base"]


def _funds(client: TestClient) -> str:
    data = client.post("/export/json", json={"node_ids": ["china", "wakhan_base"]}).json()
    return next(r["id"] for r in data["relationships"] if r["type"] == "FUNDS")


@pytest.fixture
def noted(client: TestClient) -> dict[str, str]:
    """A note on an entity, one on a link and one on the seed document; their texts by target."""
    texts = {"tj_mvd": "Check the 2016 visit", _funds(client): "Amount unconfirmed",
             "doc:seed": "Translated from Russian"}
    kinds = {"tj_mvd": "entity", "doc:seed": "document"}
    for target, text in texts.items():
        made = client.post("/notes", json={"kind": kinds.get(target, "relationship"), "target": target,
                                           "text": text})
        assert made.status_code == 201, made.text
    return texts


def test_the_profile_lists_the_entitys_notes_newest_first(client: TestClient) -> None:
    assert client.get("/entities/tj_mvd").json()["notes"] == []
    for text in ("first", "second"):
        client.post("/notes", json={"kind": "entity", "target": "tj_mvd", "text": text})
    notes = client.get("/entities/tj_mvd").json()["notes"]
    assert [n["text"] for n in notes] == ["second", "first"]
    assert all(n["author"] == "local" and n["at"].startswith("20") for n in notes)


def test_json_lists_the_notes_on_its_entities_links_and_documents(client: TestClient,
                                                                   noted: dict[str, str]) -> None:
    body = client.post("/export/json", json={"node_ids": IDS}).json()
    assert {n["target"]: n["text"] for n in body["notes"]} == noted
    assert {n["kind"] for n in body["notes"]} == {"entity", "relationship", "document"}
    alone = client.post("/export/json", json={"node_ids": ["cn_mps"]}).json()
    assert alone["notes"] == []  # nothing noted in it


def test_graphml_and_gexf_carry_notes_on_nodes_and_edges(client: TestClient, noted: dict[str, str]) -> None:
    funds = next(t for t in noted if t not in {"tj_mvd", "doc:seed"})
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        graph = read(io.BytesIO(client.post(f"/export/{fmt}", json={"node_ids": IDS}).content))
        assert graph.nodes["tj_mvd"]["notes"].startswith("Check the 2016 visit (local, 20"), fmt
        assert "notes" not in graph.nodes["china"], fmt
        edges = [attrs for _, _, attrs in graph.edges(data=True) if attrs.get("claim_id") == funds]
        assert edges and edges[0]["notes"].startswith("Amount unconfirmed (local, "), fmt


def test_i2_sheets_have_a_notes_column(client: TestClient, noted: dict[str, str]) -> None:
    with zipfile.ZipFile(io.BytesIO(client.post("/export/i2", json={"node_ids": IDS}).content)) as zf:
        entities = list(csv.DictReader(io.StringIO(zf.read("entities.csv").decode())))
        links = list(csv.DictReader(io.StringIO(zf.read("links.csv").decode())))
    assert {e["Entity ID"]: e["Notes"] for e in entities}["china"] == ""
    assert {e["Entity ID"]: e["Notes"] for e in entities}["tj_mvd"].startswith("Check the 2016 visit")
    assert [x["Notes"].split(" (")[0] for x in links if x["Notes"]] == ["Amount unconfirmed"]


def test_ftm_notes_are_valid_notes_on_what_they_are_about(client: TestClient, noted: dict[str, str]) -> None:
    lines = [json.loads(x) for x in client.post("/export/ftm", json={"node_ids": IDS}).text.splitlines()]
    assert_valid_ftm(lines)
    notes = {x["properties"]["description"][0]: x["properties"] for x in lines if x["schema"] == "Note"}
    assert set(notes) == set(noted.values())
    assert notes["Check the 2016 visit"]["entity"] == [ftm_id("tj_mvd")]
    assert notes["Translated from Russian"]["entity"] == [ftm_id("doc:seed")]
    assert notes["Amount unconfirmed"]["entity"] == [ftm_id("china"), ftm_id("wakhan_base")]
    assert notes["Amount unconfirmed"]["summary"] == ["On the link China FUNDS Wakhan base"]
    assert all(n["name"] == ["Note by local"] for n in notes.values())


def test_a_search_hit_names_the_entity_or_document_it_is_on(client: TestClient,
                                                            noted: dict[str, str]) -> None:
    hits = {n["text"]: n["target_name"] for n in client.get("/notes", params={"q": "t"}).json()}
    assert hits == {"Check the 2016 visit": "Ministry of Internal Affairs of Tajikistan",
                    "Translated from Russian": "Tajikistan and China Deepen Security Cooperation",
                    "Amount unconfirmed": None}
