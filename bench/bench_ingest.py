"""Ingest speed: bulk graph JSON (relationships/s), end-to-end 2 KB documents (documents/s), and
batched writes against one MERGE statement per transaction (the ratio).

Runs on a temporary Neo4j instance of its own (never the analysts' data) unless ``--configured``
says to use the server of the settings (NEO4J_URI or the local server), whose data it then
DELETES. Goals on a 2-core box: >= 20,000 rels/s bulk, >= 200 docs/s end to end, ratio >= 20.

The baseline writes the same claims with their ends, one MERGE statement and one transaction per
relationship, with the same static relationship type as the batched writer (an honest baseline).
End to end runs ``pactgraph ingest``'s own path on a folder of generated files (extraction in worker
processes beside the loading); extraction alone and loading alone are reported too. A warm-up load
(printed, then deleted) runs first, as a loading service is past its first compilations.

The store's floor is measured for both loads: the same entities and relationships, with the same
properties, in as many transactions, written by bare CREATE statements from rows made before the
clock starts. Nothing the writer does (merging, reading what is stored, support, fingerprints)
is in it, so it bounds what any writer reaches on this machine.

    .venv/bin/python -m bench.bench_ingest [--rels 100000] [--docs 400] [--naive 2000] [--group 500]
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction

from bench.synthetic import generate_documents, generate_graph
from graph import queries
from graph.connection import Target, make_driver, target
from graph.db import Db
from graph.schema import apply_schema
from graph.server.localserver import LocalNeo4j, free_ports
from graph.write.documents import DocumentStore, document_node_id
from graph.write.grading import SupportingDocument
from graph.write.ingest import GROUP, TX_ROWS, default_key, extract, ingest_graphs, ingest_paths
from graph.write.support import new_claim_support
from graph.write.writer import GraphWriter, _new_claim, claim_id, node_rows, relationship_rows
from pactgraph.models import GraphDocument
from pactgraph.process import tune_gc
from pactgraph.settings import get_settings

queries.add_folder(Path(__file__).resolve().parent / "cypher")  # statements only the benchmarks run

Row = dict[str, Any]


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


def warm_up(db: Db, rows: int) -> None:
    """A server just started compiles every statement and JIT-compiles its code paths on first use
    (the first 5,000-claim transaction takes several times longer); a loading service is past that,
    so a small unrelated load runs first and is deleted: graph JSON, then 200 generated documents
    through the document path (twice, so claims that exist are updated). Its time is printed."""
    began = time.perf_counter()
    writer = GraphWriter(db, batch_size=rows)
    warm = list(generate_graph(10_000, seed=99, batch=2_500))
    for graph in warm:
        writer.write(graph, refresh_search=False)
    db.autocommit("clear_database")
    floor(db, warm, rows, label="")
    db.autocommit("clear_database")
    with tempfile.TemporaryDirectory(prefix="pactgraph-warm-") as tmp:
        for name, text in generate_documents(200, seed=99, size_bytes=2_000):
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        graphs = list(extract([tmp], workers=1))
        ingest_graphs(db, graphs[:100], group=50)
        ingest_graphs(db, graphs[100:], group=50)
    db.autocommit("clear_database")
    print(f"warm-up           : 10,000 claims and 200 documents written and deleted in "
          f"{time.perf_counter() - began:.1f} s")


def bulk(db: Db, graphs: list[GraphDocument], rows: int) -> float:
    gc.freeze()  # the generated corpus lives through the run; ingest streams its files instead
    writer = GraphWriter(db, batch_size=rows)
    began = time.perf_counter()
    for graph in graphs:
        writer.write(graph, refresh_search=False)
    db.refresh_search()  # searchable at the end, as ingest leaves it
    took = time.perf_counter() - began
    claims = sum(1 for g in graphs for r in g.relationships if r.type != "MENTIONS")
    total = sum(len(g.relationships) for g in graphs)
    print(f"bulk graph JSON   : {claims} claims (+{total - claims} MENTIONS) in {len(graphs)} documents, "
          f"{took:.1f} s -> {claims / took:,.0f} claims/s, {total / took:,.0f} relationships/s, "
          f"{len(graphs) / took:.1f} documents/s")
    gc.unfreeze()
    return total / took


def floor_rows(graphs: list[GraphDocument], per_tx: int) -> list[tuple[list[Row], dict[str, list[Row]]]]:
    """The entities and relationships that loading ``graphs`` stores, as the writer's rows for new ones
    (a claim's evidence and support over every document that states it), each in the transaction of
    the first group of ``per_tx`` documents that names it; relationships by type."""
    facts = {n.id: SupportingDocument(n.id, n.properties.get("publisher"), n.properties.get("published"))
             for g in graphs for n in g.nodes if "Document" in n.labels}
    first: dict[str, int] = {}
    for i, graph in enumerate(graphs):
        for node in graph.nodes:
            first.setdefault(node.id, i // per_tx)
    out: list[tuple[list[Row], dict[str, list[Row]]]] = [([], {}) for _ in range(-(-len(graphs) // per_tx))]
    for row in node_rows(graphs, {}):
        out[first[row["id"]]][0].append(row)
    claims, mentions, _ = relationship_rows(graphs, {})
    for row in claims:
        rel = _new_claim({**row, **new_claim_support(row["documents"], row["credibility"], facts)})
        out[max(first[row["source"]], first[row["target"]])][1].setdefault(row["type"], []).append(rel)
    for row in mentions:
        out[max(first[row["source"]], first[row["target"]])][1].setdefault("MENTIONS", []).append(row)
    return out


def floor(db: Db, graphs: list[GraphDocument], rows: int, per_tx: int = 1,
          label: str = "store floor") -> float:
    """What this Neo4j on this machine takes at the least to store what loading ``graphs`` stores:
    the same entities and relationships with the same properties, in as many transactions, written
    by the barest statements from rows made beforehand: entities by CREATE, relationships by the
    writer's own CREATE statements for new ones. No merge, no read of what is stored, no support
    recomputed. Returns relationships/s."""
    prepared = floor_rows(graphs, per_tx)
    texts = {t: queries.load("create_mentions") if t == "MENTIONS"
             else queries.statement("create_claims", type=t) for _, rels in prepared for t in rels}
    nodes_text = queries.load("bench_floor_nodes")
    total = sum(len(group) for _, rels in prepared for group in rels.values())
    began = time.perf_counter()
    for nodes, rels in prepared:
        def work(tx: ManagedTransaction, nodes: list[Row] = nodes, rels: dict[str, list[Row]] = rels) -> None:
            for i in range(0, len(nodes), rows):
                tx.run(nodes_text, rows=nodes[i : i + rows]).consume()
            for rel_type, group in rels.items():
                for i in range(0, len(group), rows):
                    tx.run(texts[rel_type], rows=group[i : i + rows]).consume()
        db.write(work, refresh_search=False)
    took = time.perf_counter() - began
    if label:
        print(f"{label:<18}: the same {total:,} relationships (and entities), same properties, bare CREATE, "
              f"{len(prepared)} transactions, {took:.1f} s -> {total / took:,.0f} relationships/s, "
              f"{len(graphs) / took:,.1f} documents/s")
    return total / took


def end_to_end(db: Db, docs: int, size: int, workers: int, group: int, tx_rows: int) -> None:
    """Files in a folder through ``ingest_paths``, as ``pactgraph ingest FOLDER`` runs them
    (extraction in ``workers`` processes beside the loading); extraction alone and loading alone
    are timed too."""
    with tempfile.TemporaryDirectory(prefix="pactgraph-e2e-") as tmp:
        folder = Path(tmp)
        for name, text in generate_documents(docs, seed=2, size_bytes=size):
            (folder / name).write_text(text, encoding="utf-8")
        began = time.perf_counter()
        graphs = list(extract([folder], workers=1))
        took = time.perf_counter() - began
        claims = sum(1 for x in graphs if x.graph for r in x.graph.relationships if r.type != "MENTIONS")
        total = sum(len(x.graph.relationships) for x in graphs if x.graph)
        print(f"extract only      : {docs} documents of ~{size} B in one process, {took:.1f} s -> "
              f"{docs / took:,.1f} documents/s ({claims / docs:.1f} claims and "
              f"{(total - claims) / docs:.1f} MENTIONS per document)")
        began = time.perf_counter()
        results = ingest_graphs(db, graphs, group=group, tx_rows=tx_rows)
        took = time.perf_counter() - began
        print(f"load only         : {docs} extracted documents, {took:.1f} s -> {docs / took:,.1f} "
              f"documents/s, {total / took:,.0f} relationships/s "
              f"({sum(r.outcome == 'failed' for r in results)} failed)")
        db.autocommit("clear_database")
        store = DocumentStore(db)
        stored = [store.prepare(x.graph, document_node_id(x.graph), key=default_key(x.path, x.graph))
                  for x in graphs if x.graph]
        floor(db, stored, 5_000, per_tx=group, label="store floor")
        db.autocommit("clear_database")
        began = time.perf_counter()
        results = ingest_paths(db, [folder], group=group, tx_rows=tx_rows, workers=workers)
        took = time.perf_counter() - began
        failed = sum(r.outcome == "failed" for r in results)
        print(f"end to end        : pactgraph ingest of {docs} files ({workers} extraction processes "
              f"beside the loading), {took:.1f} s -> {docs / took:,.1f} documents/s ({failed} failed)")
        again = time.perf_counter()
        second = ingest_paths(db, [folder], group=group, tx_rows=tx_rows, workers=workers)
        unchanged = sum(r.outcome == "unchanged" for r in second)
        took = time.perf_counter() - again
        print(f"re-ingest         : {unchanged}/{len(second)} unchanged in {took:.1f} s")


def naive(db: Db, rels: int, bulk_rels: int, batch: int) -> float:
    """The same data one MERGE statement and one transaction per relationship: an evenly spaced
    sample of the bulk run's relationships (claims and MENTIONS in their proportion), each with
    its two ends."""
    graphs = list(generate_graph(bulk_rels, seed=1, batch=batch))
    every = [(graph, rel) for graph in graphs for rel in graph.relationships]
    step = max(1, len(every) // rels)
    rows = []
    for graph, rel in every[::step][:rels]:
        nodes = {n.id: n for n in graph.nodes}
        a, b = nodes[rel.source], nodes[rel.target]
        rows.append({"source": a.id, "source_labels": a.labels, "source_name": a.name,
                     "target": b.id, "target_labels": b.labels, "target_name": b.name,
                     "type": rel.type, "claim_id": claim_id(rel),
                     "documents": [e.document for e in rel.evidence],
                     "quotes": [e.quote for e in rel.evidence],
                     "starts": [e.start for e in rel.evidence], "ends": [e.end for e in rel.evidence]})
    texts = {t: queries.statement("bench_merge_one", type=t) for t in {row["type"] for row in rows}}
    began = time.perf_counter()
    with db.driver.session(database=db.database) as session:
        for row in rows:
            text = texts[row["type"]]
            session.execute_write(lambda tx, row=row, text=text: tx.run(text, row=row).consume())  # type: ignore[misc]
    took = time.perf_counter() - began
    rate = len(rows) / took
    mentions = sum(row["type"] == "MENTIONS" for row in rows)
    print(f"one MERGE per tx  : {len(rows)} relationships ({len(rows) - mentions} claims, "
          f"{mentions} MENTIONS), "
          f"{took:.1f} s -> {rate:,.0f} relationships/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rels", type=int, default=100_000, help="claims in the bulk graph JSON run")
    parser.add_argument("--batch", type=int, default=5_000, help="claims per bulk document (one transaction)")
    parser.add_argument("--rows", type=int, default=5_000, help="rows per UNWIND statement")
    parser.add_argument("--docs", type=int, default=400, help="documents in the end-to-end run")
    parser.add_argument("--size", type=int, default=2_000, help="bytes per end-to-end document")
    parser.add_argument("--naive", type=int, default=2_000, help="relationships in the one-per-tx baseline")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes in the end-to-end run")
    parser.add_argument("--group", type=int, default=GROUP, help="new documents per transaction, each atomic")
    parser.add_argument("--tx-rows", type=int, default=TX_ROWS,
                        help="about this many relationships and entities per transaction")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--configured", action="store_true",
                        help="use the configured server instead of a temporary one (ITS DATA IS DELETED)")
    args = parser.parse_args()
    tune_gc()  # as the CLI does where it starts
    with server(args.configured, args.heap, args.pagecache) as where:
        driver = make_driver(where)
        try:
            db = Db(driver, where.database)
            print(f"load average      : {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores shared)")
            apply_schema(db)
            db.autocommit("clear_database")
            warm_up(db, args.rows)
            graphs = list(generate_graph(args.rels, seed=1, batch=args.batch))
            least = floor(db, graphs, args.rows)
            db.autocommit("clear_database")
            rate = bulk(db, graphs, args.rows)
            print(f"writer vs floor   : {rate / least:.0%} of the store's floor")
            db.autocommit("clear_database")
            slow = naive(db, args.naive, args.rels, args.batch)
            print(f"ratio             : batched {rate:,.0f} / one-per-tx {slow:,.0f} relationships/s "
                  f"= {rate / slow:.1f}x")
            db.autocommit("clear_database")
            end_to_end(db, args.docs, args.size, args.workers, args.group, args.tx_rows)
            print(f"load average      : {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
        finally:
            driver.close()


if __name__ == "__main__":
    main()
