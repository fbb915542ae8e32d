"""Link analysis endpoints against real Neo4j, on the seed article's graph."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from graph.db import Db


def set_links(
    db: Db,
    props: dict[str, Any],
    source: str | None = None,
    type: str | None = None,
    target: str | None = None,
) -> None:
    db.run("set_link_properties_for_test", source=source, type=type, target=target, props=props)


def test_the_seed_question_is_answered_through_the_agreement_and_the_base_it_funds(
    client: TestClient,
) -> None:
    mvd = client.get("/entities/search", params={"q": "Tajik MVD"}).json()[0]["id"]
    mps = client.get("/entities/search", params={"q": "China MPS"}).json()[0]["id"]
    assert (mvd, mps) == ("tj_mvd", "cn_mps")
    body = client.get("/paths", params={"source": mvd, "target": mps}).json()
    assert body["found"] is True
    path = body["paths"][0]
    assert [n["id"] for n in path["nodes"]] == ["tj_mvd", "agr_wakhan_base", "cn_mps"]
    assert [r["type"] for r in path["relationships"]] == ["PARTY_TO", "PARTY_TO"]
    funds = [r for r in path["context"]["relationships"] if r["type"] == "FUNDS"]
    assert [(r["source"], r["target"]) for r in funds] == [("agr_wakhan_base", "wakhan_base")]
    assert (
        funds[0]["evidence"][0]["quote"]
        == "China will provide grant assistance for the construction of the base"
    )
    assert funds[0]["evidence"][0]["publisher"] == "Asia-Plus"
    assert "“an agreement between the Ministry of Internal Affairs of Tajikistan" in path["explanation"][0]
    assert any(
        "Wakhan base" in line and "grant assistance" in line for line in path["context"]["explanation"]
    )
    # the k alternatives include the route through the base itself
    k = client.get("/paths", params={"source": mvd, "target": mps, "mode": "k_shortest", "k": 10}).json()
    routes = [[n["id"] for n in p["nodes"]] for p in k["paths"]]
    assert ["tj_mvd", "wakhan_base", "agr_wakhan_base", "cn_mps"] in routes
    assert [len(r) for r in routes] == sorted(len(r) for r in routes)


def test_path_filters_steer_the_search_and_max_hops_bounds_it(client: TestClient) -> None:
    only = client.get(
        "/paths",
        params={
            "source": "tj_mvd",
            "target": "cn_mps",
            "mode": "all_shortest",
            "types": ["PART_OF", "COOPERATES_WITH"],
        },
    ).json()
    assert [[n["id"] for n in p["nodes"]] for p in only["paths"]] == [
        ["tj_mvd", "tajikistan", "china", "cn_mps"]
    ]
    short = client.get(
        "/paths",
        params={
            "source": "tj_mvd",
            "target": "cn_mps",
            "max_hops": 2,
            "types": ["PART_OF", "COOPERATES_WITH"],
        },
    ).json()
    assert short == {"found": False, "paths": []}
    no_agreements = client.get(
        "/paths", params={"source": "tj_mvd", "target": "cn_mps", "labels": ["State"]}
    ).json()
    assert [n["id"] for n in no_agreements["paths"][0]["nodes"]] == [
        "tj_mvd",
        "tajikistan",
        "china",
        "cn_mps",
    ]


def test_profile_lists_sources_counts_and_reporting_dates(client: TestClient) -> None:
    body = client.get("/entities/wakhan_base").json()
    assert body["labels"] == ["Site", "Facility"]
    assert body["relationship_counts"] == {"FUNDS": 2, "BUILDS": 1, "LOCATED_IN": 2, "OPERATES": 2}
    assert [s["id"] for s in body["sources"]] == ["doc:seed"]
    assert body["first_reported"] == body["last_reported"] == "2022-11-21"
    assert "text" not in body["properties"]


def test_unknown_entity_is_a_404_problem(client: TestClient) -> None:
    for url in ("/entities/nowhere", "/entities/nowhere/neighbours", "/entities/nowhere/timeline"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == "application/problem+json"
        assert "nowhere" in response.json()["detail"]
    response = client.get("/paths", params={"source": "tj_mvd", "target": "nowhere"})
    assert response.status_code == 404 and "target" in response.json()["detail"]


def test_bad_parameters_are_422_problems_naming_the_parameter(client: TestClient) -> None:
    cases = [
        ({"depth": 4}, "depth"),
        ({"types": ["MENTIONS"]}, "types"),
        ({"labels": ["Planet"]}, "labels"),
        ({"date_from": "2021-13"}, "date_from"),
        ({"min_confidence": 101}, "min_confidence"),
        ({"status": ["retracted"]}, "status"),
        ({"as_of": "yesterday"}, "as_of"),
    ]
    for params, name in cases:
        response = client.get("/entities/tj_mvd/neighbours", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"
        assert name in response.json()["detail"], params


def test_bad_path_parameters_are_422_problems_naming_the_parameter(client: TestClient) -> None:
    ends = {"source": "tj_mvd", "target": "cn_mps"}
    cases = [
        ({"source": "tj_mvd"}, "target"),
        ({**ends, "mode": "longest"}, "mode"),
        ({**ends, "k": 11}, "k"),
        ({**ends, "max_hops": 7}, "max_hops"),
        ({**ends, "types": ["MENTIONS"]}, "types"),
        ({**ends, "min_confidence": "high"}, "min_confidence"),
        ({**ends, "date_to": "2021-02-30"}, "date_to"),
    ]
    for params, name in cases:
        response = client.get("/paths", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"
        assert name in response.json()["detail"], params


def test_neighbours_respect_depth_types_labels_and_confidence(client: TestClient, seeded: Db) -> None:
    set_links(seeded, {"confidence": 40})
    set_links(seeded, {"confidence": 90}, "tj_mvd", "PARTY_TO", "agr_wakhan_base")
    one = client.get("/entities/tj_mvd/neighbours").json()
    assert {n["id"] for n in one["nodes"]} == {
        "tj_mvd",
        "tajikistan",
        "agr_wakhan_base",
        "wakhan_base",
        "tj_ocd",
    }
    assert all(r["type"] != "MENTIONS" for r in one["relationships"])
    assert all(r["evidence"] and r["evidence"][0]["title"] for r in one["relationships"])
    two = client.get("/entities/tj_mvd/neighbours", params={"depth": 2, "types": ["PART_OF"]}).json()
    assert {n["id"] for n in two["nodes"]} == {"tj_mvd", "tajikistan", "tj_ocd", "tj_rrt", "tj_parliament"}
    sites = client.get("/entities/tj_mvd/neighbours", params={"labels": ["Site"]}).json()
    assert {n["id"] for n in sites["nodes"]} == {"tj_mvd", "wakhan_base"}
    strong = client.get("/entities/tj_mvd/neighbours", params={"min_confidence": 70}).json()
    assert {n["id"] for n in strong["nodes"]} == {"tj_mvd", "agr_wakhan_base"}


def test_retracted_claims_never_count_and_status_filters(client: TestClient, seeded: Db) -> None:
    set_links(seeded, {"status": "retracted"}, "tj_mvd", "OPERATES", "wakhan_base")
    ids = {n["id"] for n in client.get("/entities/tj_mvd/neighbours").json()["nodes"]}
    assert "wakhan_base" not in ids
    planned = client.get("/entities/tj_mvd/neighbours", params={"status": ["planned"]}).json()
    assert [n["id"] for n in planned["nodes"]] == ["tj_mvd"]


def test_date_window_compares_at_the_stored_precision(client: TestClient) -> None:
    params = {"types": ["APPROVED"], "date_from": "2021-10-15", "date_to": "2021-12-31"}
    inside = client.get("/entities/tj_parliament/neighbours", params=params).json()
    assert {n["id"] for n in inside["nodes"]} == {"tj_parliament", "agr_wakhan_base"}
    outside = client.get(
        "/entities/tj_parliament/neighbours", params={"types": ["APPROVED"], "date_from": "2021-11"}
    ).json()
    assert [n["id"] for n in outside["nodes"]] == ["tj_parliament"]


def test_as_of_shows_the_graph_as_reported_then(client: TestClient) -> None:
    before = client.get(
        "/paths", params={"source": "tj_mvd", "target": "cn_mps", "as_of": "2022-01-01"}
    ).json()
    assert before == {"found": False, "paths": []}
    after = client.get(
        "/paths", params={"source": "tj_mvd", "target": "cn_mps", "as_of": "2022-11-21"}
    ).json()
    assert after["found"] is True
    profile = client.get("/entities/tj_mvd", params={"as_of": "2022-01-01"}).json()
    assert profile["relationship_counts"] == {} and profile["sources"] == []


def test_depth_one_neighbours_are_one_round_trip_of_the_benchmarked_statement(
    client: TestClient, monkeypatch: Any
) -> None:
    """bench/bench_api.py compares the API with the bare driver running neighbours_first once: the
    endpoint must do no more database work than that (evidence sources come in the same statement)."""
    from graph.read.plans import AsyncReader

    seen: list[str] = []
    real_read = AsyncReader.read

    async def spy(self: AsyncReader, name: str, **params: Any) -> list[dict[str, Any]]:
        seen.append(name)
        return await real_read(self, name, **params)

    monkeypatch.setattr(AsyncReader, "read", spy)
    body = client.get("/entities/tj_mvd/neighbours").json()
    assert seen == ["neighbours_first"]  # read on the async driver: no thread-pool hop either
    assert body["relationships"] and all(
        entry["title"] for rel in body["relationships"] for entry in rel["evidence"]
    )
