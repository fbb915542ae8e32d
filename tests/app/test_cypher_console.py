"""The read-only Cypher endpoint: reads run with a row cap; anything that could write is 403."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.db import Db

REFUSED = [
    "CREATE (n:Entity {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Entity) SET n.name = 'x'",
    "MERGE (n:Entity {id: 'x'})",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL dbms.security.createUser('x', 'y', false)",
    "SHOW USERS",
    "CREATE INDEX x FOR (n:Entity) ON (n.name)",
    "DROP CONSTRAINT Entity_id",
    "CALL db.createLabel('X')",
    "MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS RETURN 1",
    "MATCH (n) /* hidden */ SET n.x = 1",
    "USE system SHOW DATABASES",
    "CALL apoc.create.node(['X'], {}) YIELD node RETURN node",
]


@pytest.mark.parametrize("query", REFUSED)
def test_writes_admin_and_load_csv_are_refused_with_403(client: TestClient, seeded: Db, query: str) -> None:
    before = seeded.read("count_graph")[0]
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert seeded.read("count_graph")[0] == before


def test_reads_run_with_parameters_and_a_row_cap(client: TestClient) -> None:
    body = client.post("/cypher", json={"query": "MATCH (n:Agreement) RETURN n.id AS id ORDER BY id"}).json()
    assert body == {
        "columns": ["id"],
        "rows": [["agr_ct_exercises"], ["agr_wakhan_base"]],
        "truncated": False,
    }
    capped = client.post(
        "/cypher", json={"query": "UNWIND range(1, 50) AS i RETURN i", "max_rows": 10}
    ).json()
    assert len(capped["rows"]) == 10 and capped["truncated"] is True
    node = client.post(
        "/cypher", json={"query": "MATCH (n {id: $id}) RETURN n, labels(n)", "parameters": {"id": "tj_mvd"}}
    ).json()
    assert node["rows"][0][0]["properties"]["name"] == "Ministry of Internal Affairs of Tajikistan"
    labels = client.post("/cypher", json={"query": "CALL db.labels() YIELD label RETURN label"}).json()
    assert ["Agreement"] in labels["rows"]


def test_syntax_errors_are_422(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 422 and "syntax" in response.json()["detail"].lower()
