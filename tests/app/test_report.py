"""The cited report: a path, a selection or a saved investigation as an HTML brief (each link in words
with its quotes, status and grades, numbered sources, the chart) and as a PDF that pypdf reads back."""

from __future__ import annotations

import base64
import io
import re
import struct
import zlib
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from pypdf import PdfReader

from app.main import create_app
from graph.db import Db
from graph.write import keys
from pactgraph.settings import Settings

pytestmark = pytest.mark.neo4j
TITLE = "Tajikistan and China Deepen Security Cooperation"
MVD, MPS = "Ministry of Internal Affairs of Tajikistan", "Ministry of Public Security of China"
AGREEMENT = "MVD of Tajikistan – MPS of China agreement on the Wakhan base"
LINKS, NODES = './/ol[@class="links"]/li', './/g[@class="node"]'
PATH = {"source": "tj_mvd", "target": "cn_mps", "mode": "shortest"}


def first(element: Any, css_class: str) -> Any:
    """The first element below ``element`` with class ``css_class``."""
    return element.xpath(f'.//*[@class="{css_class}"]')[0]


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid grey PNG made by hand (what cy.png() sends, in small)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def page(response: Any) -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return lxml_html.fromstring(response.text)


def text(element: Any) -> str:
    return " ".join(element.text_content().split())


def claim_id(client: TestClient, source: str, rel_type: str, target: str) -> str:
    data = client.post("/export/json", json={"node_ids": [source, target]}).json()
    return next(r["id"] for r in data["relationships"]
                if (r["source"], r["type"], r["target"]) == (source, rel_type, target))


def test_a_path_report_gives_each_link_in_words_with_quotes_grades_and_numbered_sources(
        client: TestClient) -> None:
    doc = page(client.get("/report/html", params=PATH))
    assert text(doc.get_element_by_id("brief").find("h1")) == f"How {MVD} is linked to {MPS}"
    links = doc.xpath(LINKS)
    claims = [text(first(li, "claim")) for li in links]
    assert f"{MVD} party to {AGREEMENT} ({MVD} PARTY_TO {AGREEMENT})" in claims
    assert f"{MPS} party to {AGREEMENT} ({MPS} PARTY_TO {AGREEMENT})" in claims
    for li in links:
        grades = text(first(li, "grades"))
        assert "Status: reported" in grades and "Source reliability:" in grades
        assert "Information credibility: not graded" in grades and "i2 grade: 3" in grades
        assert re.search(r"Confidence: \d+", grades)
        quotes = li.xpath(".//blockquote")
        assert quotes and all(q.xpath(".//a")[0].get("href") == "#source-1" for q in quotes)
        assert "[1]" in text(quotes[0])
    sources = doc.xpath('.//ol[@class="sources"]/li')
    assert len(sources) == 1 and sources[0].get("id") == "source-1"
    assert text(sources[0]).startswith(f"{TITLE}, Asia-Plus, 20")
    # the server's drawing of the chart: one circle per entity, each named
    svg = doc.xpath(".//figure//svg")[0]
    assert sorted(g.get("data-name") for g in svg.xpath(NODES)) == sorted([MVD, MPS, AGREEMENT])
    assert len(svg.xpath(".//circle")) == 3


def test_a_selection_report_keeps_only_the_chosen_links_and_their_ends(client: TestClient) -> None:
    funds = claim_id(client, "china", "FUNDS", "wakhan_base")
    doc = page(client.post("/report/html", json={"relationship_ids": [funds], "title": "Who pays"}))
    assert text(doc.find(".//h1")) == "Who pays"
    assert [text(first(li, "claim")) for li in doc.xpath(LINKS)] == \
        ["China funds Wakhan base (China FUNDS Wakhan base)"]
    # entities alone: every link among them
    doc = page(client.post("/report/html", json={"node_ids": ["tj_mvd", "tajikistan", "agr_wakhan_base"]}))
    assert sorted(text(first(li, "type")) for li in doc.xpath(LINKS)) == [
        f"({MVD} PARTY_TO {AGREEMENT})", f"({MVD} PART_OF Tajikistan)"]


def test_an_investigation_report_draws_the_chart_as_saved_with_its_notes(client: TestClient) -> None:
    state = {"nodes": [{"id": "tj_mvd", "x": 500, "y": 0}, {"id": "cn_mps", "x": -500, "y": 0},
                       {"id": "agr_wakhan_base", "x": 0, "y": 300},
                       {"id": "china", "x": 0, "y": 0, "hidden": True}],
             "notes": "Who <b>staffs</b> the posts?"}
    made = client.post("/investigations", json={"name": "Wakhan posts", "state": state}).json()
    doc = page(client.get("/report/html", params={"investigation": made["id"]}))
    assert text(doc.find(".//h1")) == "Wakhan posts"
    assert text(first(doc, "investigation-notes")) == "Who <b>staffs</b> the posts?"  # escaped
    assert "version 1 of 1" in text(first(doc, "meta"))
    svg = doc.xpath(".//figure//svg")[0]
    places = {g.get("data-name"): float(g.find("circle").get("cx")) for g in svg.xpath(NODES)}
    assert places[MPS] < places[AGREEMENT] < places[MVD]  # where the analyst left them
    assert "China" not in places  # hidden on the saved chart
    assert len(doc.xpath(LINKS)) == 2


def test_the_pdf_parses_and_cites_the_sources(client: TestClient) -> None:
    response = client.get("/report/pdf", params=PATH)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="pactgraph-report.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    words = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in (f"How {MVD} is linked to {MPS}", TITLE, "Asia-Plus", f"{MVD} party to",
                     "Status: reported", "i2 grade: 3", "Sources"):
        assert expected in words, expected
    assert reader.metadata is not None and reader.metadata.title == f"How {MVD} is linked to {MPS}"


def test_the_chart_as_drawn_on_the_page_goes_into_both_forms(client: TestClient) -> None:
    png = tiny_png()
    body = {**PATH, "chart_png": "data:image/png;base64," + base64.b64encode(png).decode()}
    doc = page(client.post("/report/html", json=body))
    image = doc.xpath(".//figure//img")[0]
    assert base64.b64decode(image.get("src").split(",", 1)[1]) == png
    assert not doc.xpath(".//figure//svg")
    pdf = client.post("/report/pdf", json=body)
    reader = PdfReader(io.BytesIO(pdf.content))
    assert [(i.image.width, i.image.height) for i in reader.pages[0].images] == [(4, 3)]


def test_notes_on_links_and_entities_are_in_the_report(client: TestClient) -> None:
    funds = claim_id(client, "china", "FUNDS", "wakhan_base")
    client.post("/notes", json={"kind": "relationship", "target": funds, "text": "Amount unconfirmed"})
    client.post("/notes", json={"kind": "entity", "target": "wakhan_base", "text": "Seen on 2021 imagery"})
    doc = page(client.post("/report/html", json={"relationship_ids": [funds]}))
    assert text(first(first(doc, "links"), "notes")).startswith("Note: Amount unconfirmed — local, 20")
    assert text(first(doc, "entity-notes")).startswith("Wakhan base: Seen on 2021 imagery — local")
    pdf = client.post("/report/pdf", json={"relationship_ids": [funds]})
    words = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "Note: Amount unconfirmed" in words and "Seen on 2021 imagery" in words


def test_bad_requests_are_problem_details(client: TestClient) -> None:
    def problem(response: Any, status: int, detail: str) -> None:
        assert response.status_code == status, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert detail in response.text

    problem(client.get("/report/html"), 422, "give one of")
    both = {"source": "tj_mvd", "investigation": "inv_x"}
    problem(client.post("/report/pdf", json=both), 422, "give one of")
    problem(client.get("/report/html", params={"source": "tj_mvd"}), 422, "needs both source and target")
    problem(client.post("/report/html", json={"node_ids": ["tj_mvd"], "chart_png": "aGVsbG8="}), 422,
            "chart_png")
    problem(client.get("/report/html", params={"investigation": "inv_none"}), 404, "inv_none")
    problem(client.get("/report/html", params={"source": "tj_mvd", "target": "nobody"}), 404, "nobody")
    problem(client.post("/report/html", json={"node_ids": ["nobody"]}), 404, "none of the chosen")
    assert client.get("/report/docx", params={"node_ids": ["tj_mvd"]}).status_code == 422


def test_readers_may_ask_for_reports(seeded: Db) -> None:
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), seeded)) as client:
        reader = {"X-API-Key": keys.create_key(seeded, "analyst", "reader")}
        params = {"node_ids": ["tj_mvd"]}
        assert client.get("/report/html", params=params).status_code == 401
        assert client.get("/report/html", params=params, headers=reader).status_code == 200
