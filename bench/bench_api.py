"""Link-analysis latency on a large synthetic graph: API (HTTP, loopback) against the bare driver.

Builds (once, kept in --home) a graph of --relationships links in its own Neo4j, then measures
p50/p95 of neighbours (depth 1) and shortest path (up to 6 hops) through the API and through the
bare driver running the same Cypher with the same parameters (the two arms alternate request by
request), their ratio, and requests/s under --clients concurrent keep-alive clients. The API runs
as deployed: uvicorn, one worker by default (--workers), uvloop + httptools, on loopback.

    .venv/bin/python -m bench.bench_api                       # 1,000,000 links (a few minutes once)
    .venv/bin/python -m bench.bench_api --relationships 100000 --home var/bench/small
    .venv/bin/python -m bench.bench_api --bolt-port 17987 --keep-running   # reuse a running bench Neo4j
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from neo4j import READ_ACCESS, Query

from bench.api_timing import REQUEST_ERRORS, Client, concurrent, interleaved, load, percentiles
from graph import queries
from graph.connection import Target, make_driver
from graph.db import Db
from graph.read import paths, readq
from graph.read.readq import Filters
from graph.schema import apply_schema
from graph.server.localserver import LocalNeo4j, free_port
from pactgraph.settings import PROJECT_ROOT

queries.add_folder(Path(__file__).resolve().parent / "cypher")  # statements only the benchmarks run

LABELS = [
    ["Actor", "State"],
    ["Actor", "GovernmentBody"],
    ["Actor", "SecurityForce"],
    ["Actor", "Organization"],
    ["Agreement"],
    ["Site", "Facility"],
    ["Site", "Region"],
    ["Event", "Exercise"],
]
TYPES = [
    "COOPERATES_WITH",
    "PART_OF",
    "SUPPLIES",
    "TRAINS",
    "PARTY_TO",
    "FUNDS",
    "OPERATES",
    "LOCATED_IN",
    "PARTICIPATES_IN",
    "BUILDS",
]
DOCS = 1000
BATCH = 20_000


def generate(db: Db, relationships: int, seed: int = 0) -> None:
    """Nodes (one per ten links) and links, created in batched UNWIND transactions."""
    rng = random.Random(seed)
    n_nodes = max(relationships // 10, 100)
    began = time.monotonic()
    docs = [{"id": f"doc:{i}", "labels": ["Document"], "name": f"Synthetic report {i}"} for i in range(DOCS)]
    nodes = docs + [
        {"id": f"n{i}", "labels": LABELS[i % len(LABELS)], "name": f"Entity {i}"} for i in range(n_nodes)
    ]
    for i in range(0, len(nodes), BATCH):
        db.run("bench_create_nodes", rows=nodes[i : i + BATCH])
    for i in range(0, relationships, BATCH):
        rows = []
        for j in range(i, min(i + BATCH, relationships)):
            s, t = rng.randrange(n_nodes), rng.randrange(n_nodes)
            rows.append(
                {
                    "s": f"n{s}",
                    "t": f"n{t if t != s else (t + 1) % n_nodes}",
                    "type": TYPES[j % len(TYPES)],
                    "claim": f"claim:{j}",
                    "confidence": rng.randrange(30, 100),
                    "date": f"20{rng.randrange(10, 25)}-{rng.randrange(1, 13):02d}-15",
                    "doc": f"doc:{rng.randrange(DOCS)}",
                }
            )
        db.run("bench_create_links", rows=rows)
        done = min(i + BATCH, relationships)
        print(f"\r  links {done:,}/{relationships:,} ({time.monotonic() - began:.0f}s)", end="", flush=True)
    print()


def start_api(target: Target, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NEO4J_URI": target.uri,
        "NEO4J_USER": target.user,
        "NEO4J_PASSWORD": target.password,
        "PACTGRAPH_AUTH": "false",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
            "--workers",
            str(workers),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
        ],
        env=env,
        cwd=PROJECT_ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Client(port).get("/health") == 200:
                return proc
        except REQUEST_ERRORS:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("the API did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relationships", type=int, default=1_000_000)
    parser.add_argument("--home", type=Path, default=PROJECT_ROOT / "var" / "bench" / "neo4j")
    parser.add_argument("--samples", type=int, default=1000, help="timed requests per measurement")
    parser.add_argument("--warmup", type=int, default=1000, help="untimed rounds of every arm first")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--concurrent-requests", type=int, default=3000)
    parser.add_argument("--max-seconds", type=float, default=120, help="bound on the concurrent phase")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes of the API")
    parser.add_argument("--bolt-port", type=int, default=0, help="fixed Bolt port (for --keep-running)")
    parser.add_argument("--keep-running", action="store_true", help="leave the bench Neo4j running")
    args = parser.parse_args()

    lib = Path(os.environ.get("PACTGRAPH_HOME", PROJECT_ROOT / "var")) / "neo4j" / "lib"
    bolt = args.bolt_port or free_port()
    server = LocalNeo4j(
        home=args.home.resolve(),
        lib_dir=lib,
        bolt_port=bolt,
        http_port=bolt + 1 if args.bolt_port else free_port(),
        heap="2g",
        pagecache="2g",
    )
    print(f"starting the bench Neo4j in {args.home}")
    server.start(timeout=300)
    target = Target(server.uri, server.user, server.password(), "neo4j")
    driver = make_driver(target)
    api = None
    try:
        db = Db(driver)
        apply_schema(db)
        have = db.read("count_graph")[0]
        if have["relationships"] < args.relationships:
            if have["nodes"]:
                db.autocommit("clear_database")
            print(f"generating {args.relationships:,} links")
            generate(db, args.relationships)
            have = db.read("count_graph")[0]
        print(f"graph: {have['nodes']:,} nodes, {have['relationships']:,} relationships")
        n_nodes = max(args.relationships // 10, 100)
        rng = random.Random(1)
        ids = [f"n{rng.randrange(n_nodes)}" for _ in range(args.samples)]
        pairs = [(f"n{rng.randrange(n_nodes)}", f"n{rng.randrange(n_nodes)}") for _ in range(args.samples)]
        params = Filters().params()
        # the very statements the API runs for these requests, with the same parameters and limit
        neighbours_query = Query(queries.statement("neighbours_first"), timeout=readq.current_timeout())
        name, selector = paths.statement("shortest", Filters())
        path_query = Query(queries.statement(name, link_types=Filters().link_types, selector=selector),
                           timeout=readq.current_timeout())

        def bare(query: Query, **p: Any) -> None:
            """The bare driver: one auto-commit read, records fetched, nothing else."""
            with driver.session(database="neo4j", default_access_mode=READ_ACCESS) as session:
                list(session.run(query, {**params, **p}))

        api_port = free_port()
        print(
            f"API: uvicorn app.main:create_app, {args.workers} worker(s), uvloop + httptools, no access log; "
            "clients: minimal HTTP/1.1 keep-alive (httptools parser) on loopback; "
            f"query timeout {readq.current_timeout():g}s"
        )
        api = start_api(target, api_port, args.workers)
        client = Client(api_port)

        def api_neighbours(i: int) -> None:
            client.ok(f"/entities/{ids[i % len(ids)]}/neighbours")

        def driver_neighbours(i: int) -> None:
            bare(neighbours_query, id=ids[i % len(ids)], skip=0, limit=200)

        def api_path(i: int) -> None:
            s, t = pairs[i % len(pairs)]
            client.ok("/paths", source=s, target=t, max_hops=6)

        def driver_path(i: int) -> None:
            s, t = pairs[i % len(pairs)]
            bare(path_query, source=s, target=t, max_hops=6, limit=1, **paths.CONTEXT_PARAMS)

        # warm up both arms as a long-running server is warm: JIT, plan and page caches, pools
        for i in range(args.warmup):
            for fn in (api_neighbours, driver_neighbours, api_path, driver_path):
                fn(i)
        print(load())
        arms = {"neighbours API": api_neighbours, "neighbours driver": driver_neighbours}
        results = interleaved(arms, args.samples)
        arms = {"shortest path API": api_path, "shortest path driver": driver_path}
        results |= interleaved(arms, args.samples)
        print(f"\n{'measure':<24}{'p50 ms':>9}{'p95 ms':>9}")
        for name, samples in results.items():
            p50, p95 = percentiles(samples)
            print(f"{name:<24}{p50:>9.2f}{p95:>9.2f}")
        for what in ("neighbours", "shortest path"):
            api50, api95 = percentiles(results[f"{what} API"])
            drv50, drv95 = percentiles(results[f"{what} driver"])
            print(f"{what:<24} API/driver ratio p50 {api50 / drv50:.2f}, p95 {api95 / drv95:.2f}")
        print(load())
        concurrent(args, api_port, ids, pairs)
        print(load())
    finally:
        if api is not None:
            api.terminate()
            api.wait(10)
        driver.close()
        if not args.keep_running:
            server.stop()


if __name__ == "__main__":
    main()
