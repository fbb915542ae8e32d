"""The `pactgraph` command line: one sub-command per module in pactgraph/commands/."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from pactgraph import commands
from pactgraph.errors import PactgraphError, one_line


def build_parser() -> argparse.ArgumentParser:
    """Collect every sub-command: each module of pactgraph.commands exposes ``register``."""
    parser = argparse.ArgumentParser(
        prog="pactgraph",
        description="Security-cooperation documents into a Neo4j knowledge graph, with evidence.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except PactgraphError as exc:
        print(one_line(f"pactgraph {args.command}: {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
