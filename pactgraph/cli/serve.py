"""`pactgraph serve`: the FastAPI service under uvicorn."""

from __future__ import annotations

import argparse

from pactgraph.errors import InputError
from pactgraph.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="serve the link-analysis API (docs at /docs)")
    parser.add_argument("--host", default=None, help="default: PACTGRAPH_API_HOST or 127.0.0.1")
    parser.add_argument("--port", type=int, default=None, help="default: PACTGRAPH_API_PORT or 8000")
    parser.add_argument("--workers", type=int, default=1,
                        help="worker processes (one per core is sensible; each holds its own driver)")
    parser.add_argument("--no-access-log", action="store_true", help="skip the per-request log line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    if args.workers < 1:
        raise InputError("give at least 1 worker", source="--workers")
    uvicorn.run("app.main:create_app", factory=True, host=args.host or settings.api_host,
                port=args.port or settings.api_port, log_level="info", workers=args.workers,
                access_log=not args.no_access_log)
    return 0
