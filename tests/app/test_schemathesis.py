"""Schemathesis over every operation of the OpenAPI schema, writes included, with an admin key:
no generated input, valid or not, gets a 5xx (issue 14).

Each operation starts from the seed graph on an otherwise empty database (laid again after any
operation that may write), so what one operation wrote or deleted (a merge, a withdrawn document,
a revoked key) never shapes the next one's answers, and the database is emptied at the end for
the tests after this one. Generation is derandomized: the same cases run on every machine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import suppress

import pytest
import schemathesis
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from app.main import create_app
from graph.db import Db
from graph.write import keys
from graph.write.writer import GraphWriter
from pactgraph.settings import Settings
from tests.fixtures import SEED_DOC, seed_graph

pytestmark = pytest.mark.neo4j

#: cases per operation and mode: about 380 in all, which take 30-45 s against the session's Neo4j
POSITIVE, NEGATIVE, KNOWN_IDS = 6, 5, 5
#: path parameters that name something in the seed graph: random ids only ever reach the 404,
#: these reach the code behind it (a profile, a merge, a withdrawal)
KNOWN = {"entity_id": "tj_mvd", "document_id": SEED_DOC}
#: the key is sent with every case; left to the generator, negative cases would drop it and
#: spend themselves on the 401 that test_access already covers
CONFIG = schemathesis.Config.from_dict({"generation": {"with-security-parameters": False}})


@pytest.fixture
def secured(db: Db) -> Iterator[TestClient]:
    """The app with API keys on, over the session's Neo4j; the database is emptied afterwards."""
    with TestClient(create_app(Settings(PACTGRAPH_AUTH=True), db)) as client:
        yield client
    db.autocommit("clear_database")


def reset(db: Db) -> dict[str, str]:
    """The seed graph alone, and a fresh admin key (a previous operation may have revoked it)."""
    db.autocommit("clear_database")
    GraphWriter(db).write(seed_graph())
    return {"X-API-Key": keys.create_key(db, "schemathesis", "admin")}


def declared_operations(client: TestClient) -> set[tuple[str, str]]:
    """(METHOD, path) of every route the app publishes in its schema, read from the app itself."""
    found = set()
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, APIRoute) and route.include_in_schema:
            found |= {(method, route.path) for method in (route.methods or set()) - {"HEAD", "OPTIONS"}}
    return found


def test_every_operation_answers_every_generated_input_without_a_5xx(secured: TestClient, db: Db) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", secured.app, config=CONFIG)
    # an operation schemathesis cannot read is an Err, which has no ok(): the test stops there
    operations = sorted((result.ok() for result in schema.get_all_operations()),  # type: ignore[union-attr]
                        key=lambda op: (op.path, op.method))
    covered = {(op.method.upper(), op.path) for op in operations}
    assert covered >= declared_operations(secured), "an operation of the app is missing from the run"
    assert {"POST", "PUT", "DELETE"} <= {method for method, _ in covered}
    failures: list[str] = []
    calls, headers, dirty = 0, reset(db), False
    for op in operations:
        if dirty:
            headers, dirty = reset(db), False
        known = {name: KNOWN[name] for name in re.findall(r"{(\w+)", op.path) if name in KNOWN}
        calls += exercise(op, op.as_strategy(generation_mode=GenerationMode.POSITIVE), POSITIVE,
                          headers, failures)
        calls += exercise(op, op.as_strategy(generation_mode=GenerationMode.NEGATIVE), NEGATIVE,
                          headers, failures)
        if known:
            calls += exercise(op, op.as_strategy(path_parameters=known), KNOWN_IDS, headers, failures)
        # a GET never writes (test_fuzz checks it); anything else may have changed the graph
        dirty = op.method.upper() != "GET"
    assert failures == [], "\n".join(failures)
    assert calls >= 5 * len(operations), f"only {calls} cases ran over {len(operations)} operations"


def exercise(op, strategy, examples: int, headers: dict[str, str],  # type: ignore[no-untyped-def]
             failures: list[str]) -> int:
    """Send up to ``examples`` cases of one operation from ``strategy``; record each 5xx. Returns
    how many ran (a negative run has none for an operation with no input to get wrong)."""
    ran = 0

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def run(case) -> None:  # type: ignore[no-untyped-def]
        nonlocal ran
        ran += 1
        where = f"{op.method.upper()} {op.path} {case.path_parameters} {case.query} {case.body!r}"[:500]
        try:
            response = case.call(headers=headers)
        except Exception as exc:  # noqa: BLE001 - an exception the app let out is the 500 a client sees
            failures.append(f"{where}: raised {type(exc).__name__}: {exc}")
            return
        if response.status_code >= 500:
            failures.append(f"{where}: {response.status_code} {response.text[:300]}")

    with suppress(Unsatisfiable):  # nothing in this operation's schema can be broken: no negative case
        run()
    return ran
