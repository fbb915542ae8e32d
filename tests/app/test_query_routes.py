"""The neighbours and paths routes are plain FastAPI routes taking their query string as one
pydantic model: a bad filter is a 422 naming it, unknown keys are ignored, the vocabulary shows in
OpenAPI, and the routes' dependencies can be overridden like any other's."""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi.testclient import TestClient

from app.deps import get_reader


def test_a_bad_filter_is_a_422_naming_it_and_unknown_keys_are_ignored(client: TestClient) -> None:
    bad = client.get("/entities/tj_mvd/neighbours", params={"types": "MENTIONS"})
    assert bad.status_code == 422 and "types" in bad.text
    bad = client.get("/paths", params={"source": "tj_mvd", "target": "cn_mps", "max_hops": 9})
    assert bad.status_code == 422 and "max_hops" in bad.text
    ok = client.get("/entities/tj_mvd/neighbours", params={"depth": 1, "whatever": "x"})
    assert ok.status_code == 200, ok.text


def test_openapi_names_the_vocabulary_of_the_filters(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/paths"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert {"source", "target", "mode", "types", "labels", "status"} <= params.keys()
    assert "PARTY_TO" in params["types"]["schema"]["items"]["enum"]
    assert "MENTIONS" not in params["types"]["schema"]["items"]["enum"]


def test_the_reader_dependency_can_be_overridden(client: TestClient) -> None:
    asked: list[Any] = []

    class Recorder:
        async def drive(self, plan: Any) -> Any:
            asked.append(next(plan))
            raise LookupError("stop here")

    client.app.dependency_overrides[get_reader] = Recorder  # type: ignore[attr-defined]
    try:
        with contextlib.suppress(LookupError):
            client.get("/entities/tj_mvd/neighbours")
    finally:
        client.app.dependency_overrides.clear()  # type: ignore[attr-defined]
    assert asked and asked[0].name == "neighbours_first"
