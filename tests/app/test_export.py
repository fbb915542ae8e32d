"""Exports of a subgraph: JSON, GraphML, GEXF with dates, i2 CSV zip, FollowTheMoney lines."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from xml.etree import ElementTree

import networkx as nx
from fastapi.testclient import TestClient

from graph.export.ftm import ftm_id

IDS = ["tj_mvd", "cn_mps", "agr_wakhan_base", "wakhan_base", "tj_parliament"]


def test_json_export_is_the_induced_subgraph_with_evidence(client: TestClient) -> None:
    body = client.post("/export/json", json={"node_ids": IDS}).json()
    assert {n["id"] for n in body["nodes"]} == set(IDS)
    assert len(body["relationships"]) == 5  # 2 PARTY_TO, FUNDS, OPERATES, APPROVED
    assert all(r["evidence"][0]["publisher"] == "Asia-Plus" for r in body["relationships"])


def test_graphml_and_gexf_load_in_networkx_with_dates(client: TestClient) -> None:
    graphml = client.post("/export/graphml", json={"node_ids": IDS})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    g = nx.read_graphml(io.BytesIO(graphml.content))
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 5
    gexf = client.post("/export/gexf", json={"node_ids": IDS}).content
    root = ElementTree.fromstring(gexf)
    ns = {"g": root.tag.split("}")[0].strip("{")}
    assert root.find("g:graph", ns).get("mode") == "dynamic"
    starts = {e.get("start") for e in root.iter(f"{{{ns['g']}}}edge")}
    assert {"2021-10-01", "2022-11-21"} <= starts


def test_i2_zip_has_entity_and_link_sheets_with_source_and_grade(client: TestClient) -> None:
    response = client.post("/export/i2", json={"node_ids": IDS})
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        entities = list(csv.DictReader(io.StringIO(zf.read("entities.csv").decode())))
        links = list(csv.DictReader(io.StringIO(zf.read("links.csv").decode())))
    assert {e["Entity ID"] for e in entities} == set(IDS)
    assert all(link["Source"] and link["Grade"] in {"1", "2", "3"} and link["Quote"] for link in links)


def test_ftm_lines_keep_funding_with_its_amount_and_cite_the_document(client: TestClient) -> None:
    lines = [json.loads(x) for x in client.post("/export/ftm", json={"node_ids": IDS}).text.splitlines()]
    funds = [x for x in lines if x["properties"].get("role") == ["FUNDS"]]  # a Contract pays no one in FtM
    assert funds[0]["properties"]["subject"] == [ftm_id("agr_wakhan_base")]
    assert "CNY" in funds[0]["properties"]["description"][0]
    assert funds[0]["properties"]["publisher"] == ["Asia-Plus"]
    assert {x["schema"] for x in lines} >= {"PublicBody", "Contract", "RealEstate", "UnknownLink", "Document"}


def test_neighbourhood_export(client: TestClient) -> None:
    response = client.get("/entities/tj_mvd/neighbours/export/graphml", params={"types": ["PART_OF"]})
    g = nx.read_graphml(io.BytesIO(response.content))
    assert set(g.nodes) == {"tj_mvd", "tajikistan", "tj_ocd"}
    assert client.post("/export/pdf", json={"node_ids": IDS}).status_code == 422
