"""Link-analysis latency on a large synthetic graph: API (HTTP, loopback) against the bare driver.

Builds (once, kept in --home) a graph of --relationships links in its own Neo4j, then measures
p50/p95 of neighbours (depth 1) and shortest path (up to 6 hops) through the API and through the
driver running the same Cypher, their ratio, and requests/s under --clients concurrent clients.

    .venv/bin/python -m bench.bench_api                       # 1,000,000 links (a few minutes once)
    .venv/bin/python -m bench.bench_api --relationships 100000 --home var/bench/small
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from neo4j import Query, RoutingControl

from graph import readq
from graph.connection import Target, make_driver
from graph.db import Db
from graph.localserver import LocalNeo4j, free_port
from graph.readq import Filters
from graph.schema import apply_schema
from pactgraph.settings import PROJECT_ROOT

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


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        began = time.perf_counter()
        fn()
        out.append(time.perf_counter() - began)
    return out


def start_api(target: Target, port: int) -> subprocess.Popen[bytes]:
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
        ],
        env=env,
        cwd=PROJECT_ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("the API did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relationships", type=int, default=1_000_000)
    parser.add_argument("--home", type=Path, default=PROJECT_ROOT / "var" / "bench" / "neo4j")
    parser.add_argument("--samples", type=int, default=300, help="timed requests per measurement")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--concurrent-requests", type=int, default=3000)
    parser.add_argument("--keep-running", action="store_true", help="leave the bench Neo4j running")
    args = parser.parse_args()

    lib = Path(os.environ.get("PACTGRAPH_HOME", PROJECT_ROOT / "var")) / "neo4j" / "lib"
    server = LocalNeo4j(
        home=args.home.resolve(),
        lib_dir=lib,
        bolt_port=free_port(),
        http_port=free_port(),
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

        def bare(name: str, **p: Any) -> None:
            driver.execute_query(
                Query(readq.statement(name), timeout=10.0),
                {**params, **p},  # type: ignore[arg-type]
                database_="neo4j",
                routing_=RoutingControl.READ,
            )

        api_port = free_port()
        api = start_api(target, api_port)
        http = httpx.Client(base_url=f"http://127.0.0.1:{api_port}", timeout=30)
        cycle = iter(range(10**9))

        def pick(seq: list[Any]) -> Any:
            return seq[next(cycle) % len(seq)]

        # warm up both paths (plan cache, page cache)
        for i in range(50):
            http.get(f"/entities/{ids[i % len(ids)]}/neighbours").raise_for_status()
            s, t = pairs[i % len(pairs)]
            http.get("/paths", params={"source": s, "target": t, "max_hops": 6}).raise_for_status()
        results = {}
        results["neighbours API"] = timed(
            lambda: http.get(f"/entities/{pick(ids)}/neighbours").raise_for_status(), args.samples
        )
        results["neighbours driver"] = timed(
            lambda: bare("neighbours_first", id=pick(ids), skip=0, limit=200), args.samples
        )

        def api_path() -> None:
            s, t = pick(pairs)
            http.get("/paths", params={"source": s, "target": t, "max_hops": 6}).raise_for_status()

        def driver_path() -> None:
            s, t = pick(pairs)
            bare("paths_shortest", source=s, target=t, max_hops=6, limit=1)

        results["shortest path API"] = timed(api_path, args.samples)
        results["shortest path driver"] = timed(driver_path, args.samples)

        print(f"\n{'measure':<24}{'p50 ms':>9}{'p95 ms':>9}")
        for name, samples in results.items():
            p50, p95 = percentiles(samples)
            print(f"{name:<24}{p50:>9.2f}{p95:>9.2f}")
        for what in ("neighbours", "shortest path"):
            api50, api95 = percentiles(results[f"{what} API"])
            drv50, drv95 = percentiles(results[f"{what} driver"])
            print(f"{what:<24} API/driver ratio p50 {api50 / drv50:.2f}, p95 {api95 / drv95:.2f}")

        errors = 0

        def one(i: int) -> None:
            nonlocal errors
            with httpx.Client(base_url=f"http://127.0.0.1:{api_port}", timeout=30) as c:
                for j in range(i, args.concurrent_requests, args.clients):
                    if j % 2:
                        r = c.get(f"/entities/{ids[j % len(ids)]}/neighbours")
                    else:
                        s, t = pairs[j % len(pairs)]
                        r = c.get("/paths", params={"source": s, "target": t, "max_hops": 6})
                    errors += r.status_code != 200

        began = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(one, range(args.clients)))
        elapsed = time.perf_counter() - began
        print(
            f"\n{args.clients} concurrent clients: {args.concurrent_requests} requests "
            f"(half neighbours, half shortest path) in {elapsed:.1f}s = "
            f"{args.concurrent_requests / elapsed:.0f} req/s, {errors} errors"
        )
    finally:
        if api is not None:
            api.terminate()
            api.wait(10)
        driver.close()
        if not args.keep_running:
            server.stop()


if __name__ == "__main__":
    main()
