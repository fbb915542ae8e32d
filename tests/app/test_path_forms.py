"""The light path statement (no filter but types) finds what the full one finds, context included;
and reads take their time limit from the settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from graph.db import Db
from graph.read import paths, readq
from graph.read.readq import Filters
from pactgraph.settings import Settings

#: a filter that keeps everything in the seed graph but forces the full statement
NO_OP = {"date_from": "1900"}


def test_the_light_form_is_chosen_only_when_no_filter_but_types_is_set() -> None:
    assert paths.statement("shortest", Filters()) == ("paths_open", "SHORTEST 1")
    assert paths.statement("k_shortest", Filters(types=["PARTY_TO"])) == ("paths_open", "SHORTEST 10")
    for filters in (Filters(min_confidence=1), Filters(labels=["State"]), Filters(as_of="2022"),
                    Filters(status=["planned"]), Filters(date_to="2030")):
        assert paths.statement("all_shortest", filters) == ("paths", "ALL SHORTEST")


@pytest.mark.parametrize("mode", ["shortest", "all_shortest", "k_shortest"])
def test_light_and_full_forms_answer_alike(client: TestClient, mode: str) -> None:
    for types in ([], ["PARTY_TO", "PART_OF", "COOPERATES_WITH"]):
        params = {"source": "tj_mvd", "target": "cn_mps", "mode": mode, "k": 10, "types": types}
        light = client.get("/paths", params=params).json()
        full = client.get("/paths", params={**params, **NO_OP}).json()
        assert light["found"] is True
        assert light == full


@pytest.mark.parametrize("mode", ["shortest", "all_shortest", "k_shortest"])
def test_the_light_form_never_walks_a_retracted_claim(client: TestClient, seeded: Db, mode: str) -> None:
    params = {"source": "tj_mvd", "target": "cn_mps", "mode": mode, "k": 10}
    before = client.get("/paths", params=params).json()
    # retract a hop of what the light search finds first, so its second search must run
    assert ["tj_mvd", "PARTY_TO", "agr_wakhan_base"] in [
        [r["source"], r["type"], r["target"]] for p in before["paths"] for r in p["relationships"]]
    seeded.run("set_link_properties_for_test", source="tj_mvd", type="PARTY_TO", target="agr_wakhan_base",
               props={"status": "retracted"})
    light = client.get("/paths", params=params).json()
    assert light == client.get("/paths", params={**params, **NO_OP}).json()
    hops = [(r["source"], r["type"], r["target"]) for p in light["paths"] for r in p["relationships"]]
    assert hops and ("tj_mvd", "PARTY_TO", "agr_wakhan_base") not in hops


def test_context_links_come_with_the_path_in_one_statement(client: TestClient) -> None:
    body = client.get("/paths", params={"source": "tj_mvd", "target": "cn_mps"}).json()
    context = body["paths"][0]["context"]
    assert {n["id"] for n in context["nodes"]} >= {"wakhan_base"}
    assert all(r["type"] in paths.CONTEXT_TYPES for r in context["relationships"])
    assert all(e.get("publisher") for r in context["relationships"] for e in r["evidence"])


@pytest.fixture
def slow_settings_client(seeded: Db) -> Iterator[TestClient]:
    settings = Settings(PACTGRAPH_AUTH=False, PACTGRAPH_QUERY_TIMEOUT=3.5)
    try:
        with TestClient(create_app(settings, seeded)) as test_client:
            yield test_client
    finally:
        readq.set_timeout(readq.DEFAULT_TIMEOUT_S)


def test_reads_take_their_time_limit_from_the_settings(slow_settings_client: TestClient) -> None:
    assert readq.current_timeout() == 3.5
    assert slow_settings_client.get("/entities/tj_mvd/neighbours").status_code == 200
