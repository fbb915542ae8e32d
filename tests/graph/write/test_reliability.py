"""Crash safety: kill Neo4j in the middle of a multi-document ingest, restart it, run the ingest
again, and end with exactly the graph of an uninterrupted run; and a corpus loaded twice."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from bench.synthetic import generate_graph
from graph.db import Db
from graph.schema import apply_schema
from graph.server.localserver import LocalNeo4j, free_port
from graph.write.documents import DocumentResult
from graph.write.ingest import ExtractResult, ingest_graphs, ingest_paths
from pactgraph.settings import PROJECT_ROOT
from tests.fixtures import extracted
from tests.graph.store_helpers import dump

DOCUMENTS = 12


def corpus() -> list[ExtractResult]:
    return [extracted(f"synthetic/doc-{i:02d}", g)
            for i, g in enumerate(generate_graph(DOCUMENTS * 150, seed=7, batch=150))]


@pytest.fixture
def own_server(tmp_path: Path) -> LocalNeo4j:
    lib = Path(os.environ.get("PACTGRAPH_HOME", PROJECT_ROOT / "var")) / "neo4j" / "lib"
    server = LocalNeo4j(home=tmp_path / "neo4j", lib_dir=lib, bolt_port=free_port(), http_port=free_port(),
                        heap="512m", pagecache="256m")
    server.start(timeout=240)
    yield server  # type: ignore[misc]
    server.stop()


@pytest.mark.slow  # two starts of a dedicated Neo4j: ~100 s on a busy 2-core box
def test_a_crash_mid_ingest_then_a_rerun_gives_the_graph_of_an_uninterrupted_run(
        db: Db, own_server: LocalNeo4j) -> None:
    reference = ingest_graphs(db, corpus())
    assert [r.outcome for r in reference] == ["created"] * DOCUMENTS
    expected = dump(db)

    def connect() -> Db:
        driver = GraphDatabase.driver(own_server.uri, auth=(own_server.user, own_server.password()),
                                      max_transaction_retry_time=1.0, connection_timeout=2.0)
        handle = Db(driver, "neo4j")
        apply_schema(handle)
        return handle

    crashed = connect()
    killer: list[threading.Thread] = []

    def kill_after_four(result: DocumentResult) -> None:
        if len(killer) == 0 and result.outcome == "created" and result.path.endswith("03"):
            killer.append(threading.Thread(target=own_server.kill))
            killer[0].start()  # races the next document's transaction

    # two documents per transaction: the kill lands in (or before) a batch, which must vanish whole
    first = ingest_graphs(crashed, corpus(), group=2, progress=kill_after_four)
    killer[0].join()
    crashed.driver.close()
    created = [r for r in first if r.outcome == "created"]
    assert 4 <= len(created) < DOCUMENTS and first[-1].outcome == "failed"
    assert "run it again" in first[-1].detail

    own_server.start(timeout=240)
    resumed = connect()
    try:
        second = ingest_graphs(resumed, corpus())
        assert {r.outcome for r in second[: len(created)]} == {"unchanged"}
        assert all(r.outcome in ("created", "unchanged") for r in second)
        assert dump(resumed) == expected
    finally:
        resumed.driver.close()


def test_a_corpus_ingested_twice_leaves_the_graph_exactly_as_it_was(db: Db) -> None:
    sample = PROJECT_ROOT / "corpus" / "sample"
    first = ingest_paths(db, [sample])
    assert first and all(r.outcome == "created" for r in first), [r.detail for r in first]
    before = {"nodes": db.read("store_dump_nodes"), "rels": db.read("store_dump_relationships")}
    second = ingest_paths(db, [sample])
    assert [r.outcome for r in second] == ["unchanged"] * len(first)
    after = {"nodes": db.read("store_dump_nodes"), "rels": db.read("store_dump_relationships")}
    assert after == before  # timestamps included: nothing was written
