"""Extraction: resolution, values, status cues, the graph contract, determinism."""

from __future__ import annotations

import json
from datetime import date

from loaders import extract_text
from loaders.names.values import find_dates, find_frequency, find_money, find_status

PUB = {"published": "2022-11-21"}


def _ids(graph, label):
    return {n.id for n in graph.nodes if label in n.labels}


def test_mvd_surface_forms_are_one_node():
    text = (
        "The Ministry of Internal Affairs of Tajikistan signed a plan. Tajikistan's Ministry of "
        "Internal Affairs agreed. The Tajik MVD confirmed it."
    )
    graph = extract_text(text, document_id="t.txt", metadata=PUB)
    bodies = _ids(graph, "GovernmentBody")
    assert bodies == {"gov:tj-mvd"}
    assert any(
        r.type == "PART_OF" and r.source == "gov:tj-mvd" and r.target == "state:tajikistan"
        for r in graph.relationships
    )


def test_gbao_surface_forms_are_one_node():
    text = (
        "Gorno-Badakhshan is remote. The Gorno Badakhsahn Autonomous Oblast borders China. "
        "Gorno-Badakshan has few roads. GBAO is large."
    )
    graph = extract_text(text, document_id="t.txt")
    assert _ids(graph, "Region") == {"region:gbao"}


def test_money_dates_frequency():
    money = find_money("55 million Chinese yuan (around $8 million) or 100 million somoni")
    assert [(m.amount, m.currency) for m in money] == [(55e6, "CNY"), (8e6, "USD"), (1e8, "TJS")]
    when = find_dates("in October last year", date(2022, 11, 21))[0]
    assert (when.value, when.precision) == ("2021-10", "month")
    assert find_dates("on 21 November 2022", None)[0].value == "2022-11-21"
    assert find_frequency("exercises at least once every two years") == "at least once every two years"


def test_status_cues():
    assert find_status("Tajikistan intends to carry out exercises") == "planned"
    assert find_status("The ministry denied that China will operate the base") == "denied"
    assert find_status("The facility appears to be for Tajikistan") == "reported"
    assert find_status("Officials confirmed the delivery") == "confirmed"


def test_relationship_properties_and_evidence():
    text = (
        "In October last year, the Parliament of Tajikistan approved an agreement in which China "
        "is building a special base in the Wakhan Gorge. China provided 55 million Chinese yuan "
        "(around $8 million) for the base."
    )
    graph = extract_text(text, document_id="t.txt", metadata=PUB)
    doc = graph.nodes[0]
    assert doc.labels == ["Document"] and doc.id == f"doc:{doc.properties['hash']}"
    body = doc.properties["text"]
    rels = {(r.type, r.source, r.target): r for r in graph.relationships}
    approved = next(r for k, r in rels.items() if k[0] == "APPROVED")
    assert approved.properties["date"] == "2021-10"
    assert approved.properties["published"] == "2022-11-21"
    funds = rels[("FUNDS", "state:china", "facility:wakhan-base")]
    assert funds.properties["amount"] == 55e6 and funds.properties["currency"] == "CNY"
    assert funds.properties["amount_equivalents"] == ["8000000 USD"]
    assert ("BUILDS", "state:china", "facility:wakhan-base") in rels
    for r in graph.relationships:
        if r.type == "MENTIONS":
            assert r.source == doc.id
            continue
        assert r.evidence
        for ev in r.evidence:
            assert ev.document == doc.id and body[ev.start : ev.end] == ev.quote


def test_every_node_is_mentioned_and_output_is_deterministic():
    text = "Russia and Tajikistan signed an agreement extending the 201st military base until 2042."
    a = extract_text(text, document_id="x.txt")
    b = extract_text(text, document_id="x.txt")
    assert json.dumps(a.model_dump(mode="json")) == json.dumps(b.model_dump(mode="json"))
    mentioned = {r.target for r in a.relationships if r.type == "MENTIONS"}
    assert mentioned == {n.id for n in a.nodes[1:]}
    agreement = next(n for n in a.nodes if n.labels == ["Agreement"])
    assert agreement.id == "agreement:russia-tajikistan-facility"


def test_denial_keeps_the_fact_with_status():
    text = "Cambodia has denied that China will operate Ream Naval Base."
    graph = extract_text(text, document_id="d.txt")
    op = next(r for r in graph.relationships if r.type == "OPERATES")
    assert (op.source, op.target, op.properties["status"]) == ("state:china", "facility:ream", "denied")
