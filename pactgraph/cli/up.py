"""`pactgraph up`: start Neo4j, apply the schema, load the sample corpus, serve the API."""

from __future__ import annotations

import argparse
import time

from pactgraph.settings import PROJECT_ROOT, get_settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("up", help="everything: Neo4j, schema, sample corpus, API")
    parser.add_argument("--corpus", default=str(PROJECT_ROOT / "corpus" / "sample"),
                        help="documents to load first (default: the shipped sample corpus)")
    parser.add_argument("--no-serve", action="store_true", help="stop after loading")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.connection import local_server, make_driver, target
    from graph.db import Db
    from graph.schema import apply_schema
    from graph.write.ingest import ingest_paths

    settings = get_settings()
    if settings.uses_local_server:
        server = local_server(settings)
        began = time.monotonic()
        server.start()
        print(f"Neo4j up in {time.monotonic() - began:.1f}s: Browser {server.browser_url} "
              f"(connect to {server.uri}, user neo4j, password from `pactgraph neo4j password`)")
    driver = make_driver(target(settings))
    try:
        db = Db(driver, settings.neo4j_database)
        apply_schema(db)
        results = ingest_paths(db, [args.corpus])
        for res in results:
            if res.outcome == "failed":
                print(f"  failed: {res.path}: {res.detail}")
        loaded = sum(r.outcome != "failed" for r in results)
        print(f"loaded {loaded} of {len(results)} documents from {args.corpus}")
    finally:
        driver.close()
    if args.no_serve:
        return 0
    from pactgraph.cli import serve

    print(f"API on http://{settings.api_host}:{settings.api_port} (docs at /docs)")
    return serve.run(argparse.Namespace(host=None, port=None, workers=1, no_access_log=False))
