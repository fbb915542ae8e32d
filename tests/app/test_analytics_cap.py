"""Analytics says when it samples: the measures run on the whole neighbourhood up to a stated cap,
and the answer reports when the cap cut it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from graph.read import analytics


def test_a_small_cap_is_reported_as_truncation(client: TestClient) -> None:
    body = client.get("/analytics", params={"ids": ["tajikistan"], "depth": 2, "limit": 3}).json()
    assert body["truncated"] is True and body["cap"] == 3
    assert body["node_count"] <= 4 and body["sampled"] is False


def test_by_default_the_whole_neighbourhood_is_measured(client: TestClient) -> None:
    whole = client.get("/entities/tajikistan/neighbours", params={"depth": 2, "limit": 2000}).json()
    body = client.get("/analytics", params={"ids": ["tajikistan"], "depth": 2}).json()
    assert body["truncated"] is False and body["cap"] == analytics.CAP
    assert body["node_count"] == len(whole["nodes"]) > 4
    assert body["relationship_count"] > 0
    # more than the hub lies on shortest paths once the neighbourhood is whole
    assert sum(1 for n in body["nodes"] if n["betweenness"] > 0) >= 2


def test_a_cap_the_neighbourhood_fits_in_is_not_truncation(client: TestClient) -> None:
    whole = client.get("/entities/tajikistan/neighbours", params={"depth": 2, "limit": 2000}).json()
    # the cap bounds the links read per step as well (a link is seen from both of its ends)
    cap = len(whole["nodes"]) + 2 * len(whole["relationships"])
    body = client.get("/analytics", params={"ids": ["tajikistan"], "depth": 2, "limit": cap}).json()
    assert body["truncated"] is False and body["node_count"] == len(whole["nodes"])


def test_betweenness_on_a_large_subgraph_says_it_was_sampled() -> None:
    n = analytics.SAMPLE_ABOVE + 1
    data = {"nodes": [{"id": str(i), "name": str(i), "labels": []} for i in range(n)],
            "relationships": [{"id": f"r{i}", "type": "PART_OF", "source": str(i), "target": str(i + 1)}
                              for i in range(n - 1)]}
    body = analytics.measure(data, truncated=False, cap=n)
    assert body["sampled"] is True and body["betweenness_sample"] == analytics.SAMPLE_K
