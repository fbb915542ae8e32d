"""The FollowTheMoney export is valid by FtM's own model: every line read back by the
``followthemoney`` library keeps every value, references stay within the schemata's ranges."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.export import ftm as export_ftm
from graph.write.writer import GraphWriter
from pactgraph.settings import Settings

ftm = pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402
from followthemoney.types import registry  # noqa: E402


def assert_valid_ftm(lines: list[dict[str, Any]]) -> None:
    """Each entity through FtM's model keeps its id and every value; references land in range."""
    by_id = {line["id"]: line for line in lines}
    assert len(by_id) == len(lines), "two entities share an id"
    for line in lines:
        assert registry.entity.validate(line["id"]), line["id"]
        proxy = model.get_proxy(line, cleaned=False)
        assert proxy.id == line["id"]
        for prop, values in line["properties"].items():
            schema_prop = proxy.schema.get(prop)
            assert schema_prop is not None, f"{proxy.schema.name} has no property {prop}"
            kept = proxy.get(prop)
            assert len(kept) == len(set(values)), f"{line['id']} {prop}: {values} became {kept}"
            if schema_prop.type == registry.entity:
                for ref in values:
                    assert ref in by_id, f"{line['id']} {prop} points at {ref}, not exported"
                    assert model.get(by_id[ref]["schema"]).is_a(schema_prop.range), \
                        f"{line['id']} {prop}: {by_id[ref]['schema']} is not a {schema_prop.range.name}"


def read_lines(body: bytes) -> list[dict[str, Any]]:
    return [json.loads(x) for x in body.decode().splitlines()]


def test_the_schema_tables_agree_with_ftms_model() -> None:
    for schema, ancestors in export_ftm.IS_A.items():
        assert {s.name for s in model.get(schema).schemata} == set(ancestors), schema
    for schema, source_prop, source_range, target_prop, target_range in export_ftm.LINK_SCHEMA.values():
        assert model.get(schema).get(source_prop).range.name == source_range
        assert model.get(schema).get(target_prop).range.name == target_range
    assert set(export_ftm.NODE_SCHEMA.values()) <= set(export_ftm.IS_A)


@pytest.mark.parametrize("value", ["state:tajikistan", "tj_mvd", "doc:" + "a" * 64, "x", "a.b", ":odd:",
                                   "claim:" + "z" * 300, "Кыргызстан"])
def test_every_id_becomes_a_valid_ftm_id(value: str) -> None:
    assert registry.entity.validate(export_ftm.ftm_id(value))
    assert len(export_ftm.ftm_id(value)) <= 200
    assert export_ftm.ftm_id("state:tajikistan") == "state.tajikistan"


def test_funding_between_legal_entities_is_a_payment_else_a_link_keeping_both_ends() -> None:
    node = lambda i, labels: {"id": i, "name": i, "labels": labels, "aliases": [], "properties": {}}  # noqa: E731
    ev = [{"document": "doc:1", "quote": "China funds the base.", "title": "A report",
           "publisher": "Asia-Plus", "published": "2021-10-28", "url": "https://example.org/a"}]
    data = {"nodes": [node("state:china", ["Actor", "State"]), node("state:tajikistan", ["Actor", "State"]),
                      node("facility:base", ["Site", "Facility"])],
            "relationships": [
                {"id": "c:1", "type": "FUNDS", "source": "state:china", "target": "state:tajikistan",
                 "properties": {"amount": 10, "currency": "USD", "status": "reported"}, "evidence": ev},
                {"id": "c:2", "type": "FUNDS", "source": "state:china", "target": "facility:base",
                 "properties": {"amount": 5, "currency": "CNY"}, "evidence": ev}]}
    lines = read_lines(export_ftm.ftm_lines(data))
    assert_valid_ftm(lines)
    by_id = {x["id"]: x for x in lines}
    assert by_id["c.1"]["schema"] == "Payment"
    assert by_id["c.1"]["properties"]["payer"] == ["state.china"]
    assert by_id["c.1"]["properties"]["amount"] == ["10"]
    assert by_id["c.2"]["schema"] == "UnknownLink"
    assert by_id["c.2"]["properties"]["object"] == ["facility.base"]
    assert "amount 5 CNY" in by_id["c.2"]["properties"]["description"][0]
    assert by_id["doc.1"]["properties"] == {"title": ["A report"], "publisher": ["Asia-Plus"],
                                            "publishedAt": ["2021-10-28"],
                                            "sourceUrl": ["https://example.org/a"]}
    assert by_id["c.1"]["properties"]["publisher"] == ["Asia-Plus"]
    assert by_id["c.1"]["properties"]["proof"] == ["doc.1"]


def test_the_seed_neighbourhood_exports_valid_ftm(client: TestClient) -> None:
    body = client.get("/entities/tj_mvd/neighbours/export/ftm", params={"depth": 2}).content
    lines = read_lines(body)
    assert_valid_ftm(lines)
    links = [x for x in lines if x["schema"] in {"UnknownLink", "Membership", "Payment"}]
    assert len(links) >= 5
    assert all(x["properties"]["publisher"] == ["Asia-Plus"] for x in links)  # a publisher, not a title
    documents = [x for x in lines if x["schema"] == "Document"]
    titles = [d["properties"]["title"] for d in documents]
    assert titles == [["Tajikistan and China Deepen Security Cooperation"]]


@pytest.fixture
def extracted(db: Db, seed_path: Path) -> Iterator[TestClient]:
    loaders = pytest.importorskip("loaders")
    GraphWriter(db).write(loaders.extract_path(seed_path))
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=False), db)) as test_client:
        yield test_client


def test_the_extracted_seeds_neighbourhood_exports_valid_ftm(extracted: TestClient) -> None:
    mvd = extracted.get("/entities/search", params={"q": "Tajik MVD"}).json()[0]["id"]
    lines = read_lines(extracted.get(f"/entities/{mvd}/neighbours/export/ftm", params={"depth": 2}).content)
    assert_valid_ftm(lines)
    links = [x for x in lines if "subject" in x["properties"] or "payer" in x["properties"]
             or "member" in x["properties"]]
    assert len(links) >= 10
    assert all(len(x["properties"].get("subject", x["properties"].get("member", ["-"]))) == 1 for x in links)
