"""The `pactgraph` command line, the composition root of the CLI: nothing imports this package.

One sub-command per module of this package; each defines ``register(subparsers)``, whose parser
sets ``func`` (``parser.set_defaults(func=run)``) taking the parsed arguments and returning an
exit code. Modules whose names start with ``_`` are helpers, not commands.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from pactgraph.errors import PactgraphError, one_line
from pactgraph.process import tune_gc


def build_parser() -> argparse.ArgumentParser:
    """Collect every sub-command: each module of this package exposes ``register``."""
    parser = argparse.ArgumentParser(
        prog="pactgraph",
        description="Security-cooperation documents into a Neo4j knowledge graph, with evidence.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    tune_gc()
    try:
        return int(args.func(args) or 0)
    except PactgraphError as exc:
        print(one_line(f"pactgraph {args.command}: {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130

