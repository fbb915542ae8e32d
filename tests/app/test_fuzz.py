"""Property-based run over the OpenAPI schema (schemathesis): no 5xx, and no write through any
parameter of a read endpoint (the graph's fingerprint is unchanged afterwards)."""

from __future__ import annotations

import hashlib
import json

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from graph.db import Db

#: read endpoints: every GET, plus the POSTs that only read (export, read-only Cypher)
READ_POSTS = ("/export/{fmt}", "/cypher")
EXAMPLES_PER_OPERATION = 12


def fingerprint(db: Db) -> str:
    row = db.read("graph_fingerprint")[0]
    return hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()


def test_fuzzing_the_read_endpoints_finds_no_5xx_and_writes_nothing(client: TestClient, seeded: Db) -> None:
    before = fingerprint(seeded)
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    reads = [
        op
        for op in operations
        if op.method.upper() == "GET" or (op.method.upper() == "POST" and op.path in READ_POSTS)
    ]
    assert len(reads) >= 15
    failures: list[str] = []
    for op in reads:
        exercise(op, failures)
    assert failures == []
    assert fingerprint(seeded) == before


def exercise(op, failures: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Call one operation with generated (valid and invalid) inputs; record any 5xx."""

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=op.as_strategy())
    def run(case) -> None:  # type: ignore[no-untyped-def]
        response = case.call()
        if response.status_code >= 500:
            failures.append(
                f"{op.method} {op.path} {case.path_parameters} {case.query} "
                f"{case.body!r}: {response.status_code} {response.text[:200]}"
            )

    run()
