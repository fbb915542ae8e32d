"""`pactgraph neo4j provision|start|stop|status`: the project's own local Neo4j server."""

from __future__ import annotations

import argparse
import time

from graph.connection import local_server
from graph.server.localserver import provision_lib
from pactgraph.errors import InputError
from pactgraph.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("neo4j", help="provision, start, stop or inspect the local Neo4j")
    parser.add_argument("action", choices=["provision", "start", "stop", "status", "password"])
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for Bolt")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    if not settings.uses_local_server:
        raise InputError("NEO4J_URI is set, so Pactgraph uses that server and manages none itself",
                         source="NEO4J_URI")
    server = local_server(settings)
    began = time.monotonic()
    if args.action == "provision":
        provision_lib(server.lib_dir, quiet=False)
        print(f"Neo4j jars ready in {server.lib_dir} ({time.monotonic() - began:.1f}s)")
    elif args.action == "start":
        already = server.running()
        server.start(timeout=args.timeout)
        verb = "already running" if already else f"started in {time.monotonic() - began:.1f}s"
        print(f"Neo4j {verb}: Bolt {server.uri}, Browser {server.browser_url} "
              f"(user neo4j, password: `pactgraph neo4j password`)")
    elif args.action == "stop":
        print("Neo4j stopped" if server.stop() else "Neo4j was not running")
    elif args.action == "status":
        if server.running():
            print(f"running (pid {server.pid()}): Bolt {server.uri}, Browser {server.browser_url}")
        else:
            print("stopped")
            return 3
    elif args.action == "password":
        print(server.password())
    return 0
