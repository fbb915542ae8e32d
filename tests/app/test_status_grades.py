"""Status and Admiralty grades are carried where analysts read claims: an actor's sites, the
timeline, the exports and the i2 Grade column; a denied claim is never graded 1."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.write import grading
from graph.write.documents import DocumentStore
from pactgraph.settings import Settings
from tests.fixtures import document_graph

pytestmark = pytest.mark.neo4j
FUNDS = ("agreement:mvd-mps", "FUNDS", "facility:wakhan-base")
OPERATES = ("gov:tj-mvd", "OPERATES", "facility:wakhan-base")
PARTY = ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps")


@pytest.fixture
def graded(db: Db) -> Iterator[TestClient]:
    """One A-graded report: China funds the base (credibility 2), Tajikistan denies it operates it."""
    text = " ".join(f"{a} {t} {b} ({i})." for i, (a, t, b) in enumerate([PARTY, FUNDS, OPERATES]))
    graph = document_graph(text, [PARTY, FUNDS, OPERATES], publisher="Asia-Plus", published="2021-10-28",
                           title="Base approved", properties={
                               "|".join(FUNDS): {"credibility": 2, "date": "2021-10"},
                               "|".join(OPERATES): {"status": "denied", "credibility": 2, "date": "2021-11"}})
    DocumentStore(db).load(graph, grade="A")
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=False), db)) as client:
        yield client


def test_sites_carry_status_and_admiralty_grades(graded: TestClient) -> None:
    roles = {r["role"]: r for r in graded.get("/entities/gov:tj-mvd/sites").json()["sites"][0]["roles"]}
    assert roles["OPERATES"]["status"] == "denied"
    assert roles["OPERATES"]["reliability"] == "A" and roles["OPERATES"]["credibility"] == 2
    assert roles["OPERATES"]["i2_grade"] == "3"
    assert roles["FUNDS"]["status"] == "reported" and roles["FUNDS"]["i2_grade"] == "1"


def test_the_timeline_carries_status_and_grades(graded: TestClient) -> None:
    items = graded.get("/entities/facility:wakhan-base/timeline").json()["items"]
    denied = next(i for i in items if i["relationship"]["type"] == "OPERATES")
    assert (denied["status"], denied["reliability"], denied["credibility"]) == ("denied", "A", 2)
    assert all("status" in i and "reliability" in i for i in items)


def test_i2_grade_comes_from_the_admiralty_grades_and_a_denial_is_never_1(graded: TestClient) -> None:
    ids = ["gov:tj-mvd", "agreement:mvd-mps", "facility:wakhan-base"]
    body = graded.post("/export/i2", json={"node_ids": ids}).content
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        links = {r["Link Type"]: r for r in csv.DictReader(io.StringIO(zf.read("links.csv").decode()))}
    assert links["OPERATES"]["Status"] == "denied" and links["OPERATES"]["Grade"] == "3"
    assert links["OPERATES"]["Source Reliability"] == "A" and links["OPERATES"]["Credibility"] == "2"
    assert links["FUNDS"]["Grade"] == "1"  # A source, credibility 2
    assert links["PARTY_TO"]["Grade"] == "2"  # A source, credibility not judged
    graphml = graded.post("/export/graphml", json={"node_ids": ids}).content
    edges = {d["type"]: d for _, _, d in nx.read_graphml(io.BytesIO(graphml)).edges(data=True)}
    assert edges["OPERATES"]["status"] == "denied" and edges["OPERATES"]["reliability"] == "A"
    assert "Asia-Plus" in edges["OPERATES"]["sources"] and "2021-10-28" in edges["OPERATES"]["sources"]


@pytest.mark.parametrize("status", ["denied", "disputed", "retracted"])
def test_no_doubted_claim_is_graded_1_whatever_its_grades(status: str) -> None:
    for reliability in [None, *grading.RELIABILITY_WEIGHT]:
        for credibility in [None, *grading.CREDIBILITY_WEIGHT]:
            assert grading.i2_grade(status, reliability, credibility) == "3"
    assert grading.i2_grade("confirmed", "B", 1) == "1"
    assert grading.i2_grade("reported", None, 1) == "3"  # an ungraded source earns no grade 1 or 2
