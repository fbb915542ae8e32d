"""Ingest speed: bulk graph JSON (relationships/s), end-to-end 2 KB documents (documents/s), and
batched writes against one MERGE statement per transaction (the ratio).

Runs on a temporary Neo4j instance of its own (never the analysts' data) unless ``--configured``
says to use the server of the settings (NEO4J_URI or the local server), whose data it then
DELETES. Goals on a 2-core box: >= 20,000 rels/s bulk, >= 200 docs/s end to end, ratio >= 20.

    .venv/bin/python -m bench.bench_ingest [--rels 100000] [--docs 400] [--naive 2000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.synthetic import generate_documents, generate_graph
from graph import queries
from graph.connection import Target, make_driver, target
from graph.db import Db
from graph.ingest import Extracted, ingest_graphs
from graph.localserver import LocalNeo4j, free_ports
from graph.schema import apply_schema
from graph.store_schema import apply_store_schema
from graph.writer import GraphWriter, claim_id
from pactgraph.settings import get_settings


@contextmanager
def server(configured: bool, heap: str, pagecache: str) -> Iterator[Target]:
    settings = get_settings()
    if configured:
        yield target(settings)
        return
    with tempfile.TemporaryDirectory(prefix="pactgraph-bench-") as tmp:
        bolt, http = free_ports(2)
        local = LocalNeo4j(home=Path(tmp) / "home", lib_dir=settings.neo4j_home / "lib", bolt_port=bolt,
                           http_port=http, heap=heap, pagecache=pagecache)
        local.start(timeout=240)
        try:
            yield Target(local.uri, local.user, local.password(), "neo4j")
        finally:
            local.stop()


def bulk(db: Db, rels: int, batch: int, rows: int) -> float:
    graphs = list(generate_graph(rels, seed=1, batch=batch))
    writer = GraphWriter(db, batch_size=rows)
    began = time.perf_counter()
    for graph in graphs:
        writer.write(graph)
    took = time.perf_counter() - began
    claims = sum(1 for g in graphs for r in g.relationships if r.type != "MENTIONS")
    total = sum(len(g.relationships) for g in graphs)
    print(f"bulk graph JSON   : {claims} claims (+{total - claims} MENTIONS) in {len(graphs)} documents, "
          f"{took:.1f} s -> {claims / took:,.0f} claims/s, {total / took:,.0f} relationships/s, "
          f"{len(graphs) / took:.1f} documents/s")
    return claims / took


def end_to_end(db: Db, docs: int, size: int) -> None:
    import loaders

    texts = list(generate_documents(docs, seed=2, size_bytes=size))
    began = time.perf_counter()

    def extracted() -> Iterator[Extracted]:
        for name, text in texts:
            yield Extracted(name, loaders.extract_text(text, document_id=name))

    results = ingest_graphs(db, extracted())
    took = time.perf_counter() - began
    failed = [r for r in results if r.outcome == "failed"]
    claims = sum(r.claims for r in results)
    print(f"end to end        : {len(texts)} documents of ~{size} B (extract + load), {took:.1f} s -> "
          f"{len(texts) / took:,.1f} documents/s ({claims} claims, {len(failed)} failed)")
    again = time.perf_counter()
    second = ingest_graphs(db, extracted())
    unchanged = sum(r.outcome == "unchanged" for r in second)
    print(f"re-ingest         : {unchanged}/{len(second)} unchanged in {time.perf_counter() - again:.1f} s")


def naive(db: Db, rels: int) -> float:
    graphs = list(generate_graph(rels, seed=1, batch=1000))
    rows = []
    for graph in graphs:
        nodes = {n.id: n for n in graph.nodes}
        for rel in graph.relationships:
            if rel.type == "MENTIONS":
                continue
            a, b, ev = nodes[rel.source], nodes[rel.target], rel.evidence[0]
            rows.append({"source": a.id, "source_labels": a.labels, "source_name": a.name,
                         "target": b.id, "target_labels": b.labels, "target_name": b.name,
                         "type": rel.type, "claim_id": claim_id(rel), "evidence": ev.model_dump()})
    text = queries.load("bench_merge_one")
    began = time.perf_counter()
    with db.driver.session(database=db.database) as session:
        for row in rows[:rels]:
            session.execute_write(lambda tx, row=row: tx.run(text, row=row).consume())  # type: ignore[misc]
    took = time.perf_counter() - began
    rate = min(rels, len(rows)) / took
    print(f"one MERGE per tx  : {min(rels, len(rows))} relationships, {took:.1f} s -> "
          f"{rate:,.0f} relationships/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rels", type=int, default=100_000, help="claims in the bulk graph JSON run")
    parser.add_argument("--batch", type=int, default=5_000, help="claims per bulk document (one transaction)")
    parser.add_argument("--rows", type=int, default=5_000, help="rows per UNWIND statement")
    parser.add_argument("--docs", type=int, default=400, help="documents in the end-to-end run")
    parser.add_argument("--size", type=int, default=2_000, help="bytes per end-to-end document")
    parser.add_argument("--naive", type=int, default=2_000, help="relationships in the one-per-tx baseline")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--configured", action="store_true",
                        help="use the configured server instead of a temporary one (ITS DATA IS DELETED)")
    args = parser.parse_args()
    with server(args.configured, args.heap, args.pagecache) as where:
        driver = make_driver(where)
        try:
            db = Db(driver, where.database)
            apply_schema(db)
            apply_store_schema(db)
            db.autocommit("clear_database")
            rate = bulk(db, args.rels, args.batch, args.rows)
            db.autocommit("clear_database")
            slow = naive(db, args.naive)
            print(f"ratio             : batched {rate:,.0f} / one-per-tx {slow:,.0f} = {rate / slow:.1f}x")
            db.autocommit("clear_database")
            end_to_end(db, args.docs, args.size)
        finally:
            driver.close()


if __name__ == "__main__":
    main()
