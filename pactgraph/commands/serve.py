"""`pactgraph serve`: the FastAPI service under uvicorn."""

from __future__ import annotations

import argparse

from pactgraph.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="serve the link-analysis API (docs at /docs)")
    parser.add_argument("--host", default=None, help="default: PACTGRAPH_API_HOST or 127.0.0.1")
    parser.add_argument("--port", type=int, default=None, help="default: PACTGRAPH_API_PORT or 8000")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    uvicorn.run("app.main:create_app", factory=True, host=args.host or settings.api_host,
                port=args.port or settings.api_port, log_level="info")
    return 0
