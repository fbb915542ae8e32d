"""Access: API keys with roles, hashed at rest, revocable; request size limit; no credentials leak."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.middleware import RedactSecrets
from graph.db import Db
from graph.write import keys
from pactgraph.settings import Settings


@pytest.fixture
def secured(seeded: Db) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), seeded)) as client:
        yield client


def test_roles_gate_queries_curation_and_keys(secured: TestClient, seeded: Db) -> None:
    admin = {"X-API-Key": keys.create_key(seeded, "lead", "admin")}
    assert secured.get("/entities/tj_mvd").status_code == 401
    assert secured.get("/entities/tj_mvd", headers={"X-API-Key": "pg_wrong"}).status_code == 401
    made = secured.post("/keys", json={"name": "analyst", "role": "reader"}, headers=admin)
    assert made.status_code == 201
    reader = {"X-API-Key": made.json()["key"]}
    assert secured.get("/entities/tj_mvd", headers=reader).status_code == 200
    assert secured.get("/keys", headers=reader).status_code == 403
    assert (
        secured.post("/analytics/write-back", params={"ids": ["tj_mvd"]}, headers=reader).status_code == 403
    )
    editor = {"X-API-Key": keys.create_key(seeded, "curator", "editor")}
    assert (
        secured.post("/analytics/write-back", params={"ids": ["tj_mvd"]}, headers=editor).status_code == 200
    )
    listed = secured.get("/keys", headers=admin).json()
    assert {k["name"] for k in listed} == {"lead", "analyst", "curator"}
    assert all(len(k["id"]) == 12 and "hash" not in k for k in listed)
    revoked = secured.delete(f"/keys/{made.json()['id']}", headers=admin)
    assert revoked.json()["revoked"] is True
    assert secured.get("/entities/tj_mvd", headers=reader).status_code == 401


def test_the_lean_neighbours_and_paths_routes_check_the_key_like_the_others(
        secured: TestClient, seeded: Db) -> None:
    path = {"source": "tj_mvd", "target": "cn_mps"}
    for url, params in (("/entities/tj_mvd/neighbours", {}), ("/paths", path)):
        assert secured.get(url, params=params).status_code == 401
        assert secured.get(url, params=params, headers={"X-API-Key": "pg_wrong"}).status_code == 401
        reader = {"X-API-Key": keys.create_key(seeded, f"reader of {url}", "reader")}
        assert secured.get(url, params=params, headers=reader).status_code == 200
        # the key is checked before the parameters: a bad parameter without a key is still a 401
        assert secured.get(url, params={**params, "depth": 9, "k": 99}).status_code == 401
    long_id = "x" * 301
    reader = {"X-API-Key": keys.create_key(seeded, "long ids", "reader")}
    response = secured.get(f"/entities/{long_id}/neighbours", headers=reader)
    assert response.status_code == 422 and "entity_id" in response.json()["detail"]
    operation = secured.get("/openapi.json").json()["paths"]["/entities/{entity_id}/neighbours"]["get"]
    assert operation["security"] == [{"APIKeyHeader": []}]
    assert {p["name"] for p in operation["parameters"]} >= {"entity_id", "types", "depth", "limit", "skip"}


def test_keys_are_stored_only_as_hashes(secured: TestClient, seeded: Db) -> None:
    key = keys.create_key(seeded, "lead", "admin")
    rows = secured.post(
        "/cypher", json={"query": "MATCH (k:ApiKey) RETURN properties(k)"}, headers={"X-API-Key": key}
    ).json()["rows"]
    stored = rows[0][0]
    assert stored["hash"] == keys.hash_key(key)
    assert key not in {str(v) for v in stored.values()}


def test_bodies_over_the_limit_are_413(seeded: Db) -> None:
    with TestClient(create_app(Settings(PACTGRAPH_MAX_REQUEST_BYTES=1000), seeded)) as client:
        response = client.post("/cypher", json={"query": "RETURN 1 // " + "x" * 2000})
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).status_code == 200


def test_the_log_filter_never_prints_the_password() -> None:
    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(self.format(record))

    logger = logging.getLogger("pactgraph.test-redaction")
    logger.setLevel(logging.INFO)
    logger.addHandler(Keep())
    logger.addFilter(RedactSecrets(["s3cret-password"]))
    logger.info("connecting with %s", "s3cret-password")
    assert seen == ["connecting with ***"]
