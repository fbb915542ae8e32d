"""Connecting network, common neighbours, brokers, domain questions, timeline and analytics."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_connecting_network_joins_every_pair(client: TestClient) -> None:
    body = client.get(
        "/network/connecting", params={"ids": ["tj_mvd", "cn_mps", "gbao"], "max_hops": 3}
    ).json()
    ids = {n["id"] for n in body["nodes"]}
    assert {"tj_mvd", "cn_mps", "gbao", "agr_wakhan_base", "wakhan_base"} <= ids
    ends = {(r["source"], r["target"]) for r in body["relationships"]}
    assert ("wakhan_base", "gbao") in ends and ("tj_mvd", "agr_wakhan_base") in ends
    assert client.get("/network/connecting", params={"ids": ["tj_mvd"]}).status_code == 422


def test_common_neighbours_and_brokers(client: TestClient) -> None:
    common = client.get("/network/common", params={"a": "tajikistan", "b": "china"}).json()
    assert common["common"] == ["agr_ct_exercises", "ct_exercises"]
    assert all(r["evidence"] for r in common["relationships"])
    brokers = client.get("/network/brokers", params={"ids": ["tj_mvd", "cn_mps", "gbao"]}).json()
    assert brokers["brokers"][0]["id"] == "agr_wakhan_base"
    assert all(b["id"] not in {"tj_mvd", "cn_mps", "gbao"} for b in brokers["brokers"])


def test_agreements_between_states_include_those_signed_by_their_ministries(client: TestClient) -> None:
    body = client.get("/agreements", params={"parties": ["tajikistan", "china"]}).json()
    by_id = {a["id"]: a for a in body["agreements"]}
    assert set(by_id) == {"agr_ct_exercises", "agr_wakhan_base"}
    assert {p["party"]: p["via"] for p in by_id["agr_wakhan_base"]["parties"]} == {
        "tajikistan": "tj_mvd",
        "china": "cn_mps",
    }
    only = client.get("/agreements", params={"parties": ["tj_mvd", "cn_mps"]}).json()
    assert [a["id"] for a in only["agreements"]] == ["agr_wakhan_base"]


def test_sites_of_an_actor_through_bodies_and_agreements(client: TestClient) -> None:
    mvd = client.get("/entities/tj_mvd/sites").json()
    assert [s["id"] for s in mvd["sites"]] == ["wakhan_base"]
    roles = {(r["role"], r["by"]) for r in mvd["sites"][0]["roles"]}
    assert roles == {("OPERATES", "tj_mvd"), ("OPERATES", "tj_rrt"), ("FUNDS", "agr_wakhan_base")}
    funded = client.get("/entities/china/sites", params={"roles": ["FUNDS"]}).json()
    assert [s["id"] for s in funded["sites"]] == ["wakhan_base"]


def test_exercises_an_actor_took_part_in(client: TestClient) -> None:
    body = client.get("/entities/tajikistan/exercises").json()
    assert [e["id"] for e in body["exercises"]] == ["ct_exercises"]
    assert {"type": "PARTICIPATES_IN", "by": "tajikistan"} in body["exercises"][0]["via"]


def test_timeline_of_a_region_includes_what_lies_in_it_in_date_order(client: TestClient) -> None:
    body = client.get("/entities/gbao/timeline").json()
    summaries = [i["summary"] for i in body["items"]]
    assert any(s.startswith("Parliament of Tajikistan APPROVED") for s in summaries)
    dates = [i["date"] for i in body["items"]]
    assert dates[0] == "2021-10" and dates == sorted(dates)
    assert {i["kind"] for i in body["items"]} >= {"agreement", "fact"}


def test_analytics_measures_and_write_back(client: TestClient) -> None:
    body = client.get("/analytics", params={"ids": ["tj_mvd"], "depth": 2}).json()
    assert body["node_count"] == len(body["nodes"]) > 5
    assert "tajikistan" in body["articulation_points"]
    assert sum(len(c) for c in body["communities"]) == body["node_count"]
    assert abs(sum(n["pagerank"] for n in body["nodes"]) - 1) < 0.01
    written = client.post("/analytics/write-back", params={"ids": ["tj_mvd"], "depth": 2}).json()
    assert written["written"] == body["node_count"]
    rows = client.post(
        "/cypher", json={"query": "MATCH (n:Entity {id: 'tajikistan'}) RETURN n.pg_degree"}
    ).json()
    assert rows["rows"] == [[next(n["degree"] for n in body["nodes"] if n["id"] == "tajikistan")]]
