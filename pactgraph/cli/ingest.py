"""`pactgraph ingest PATH...`: extract documents and load them, one transaction each."""

from __future__ import annotations

import argparse
import sys

from pactgraph.cli._db import open_db, who_default
from pactgraph.errors import one_line

MARK = {"created": "+", "updated": "~", "unchanged": "=", "failed": "!"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("ingest", help="extract documents (files, folders) and load them")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents")
    parser.add_argument("--grade", help="source reliability A-F of these documents (Admiralty)")
    parser.add_argument("--key", help="version key of ONE document (default: its resolved path)")
    parser.add_argument("--who", default=None, help="recorded in the audit log (default cli:<user>)")
    parser.add_argument("--batch-size", type=int, default=5000, help="rows per UNWIND statement")
    parser.add_argument("--group", type=int, default=None,
                        help="new documents per transaction, each still atomic (default 500)")
    parser.add_argument("--workers", type=int, default=None,
                        help="extraction processes beside the loading (default: one per core, at most 4)")
    parser.add_argument("--quiet", action="store_true", help="only the summary line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph.write import grading
    from graph.write.ingest import ingest_paths, summary

    grade = grading.check_reliability(args.grade, source="--grade")
    err, out = Console(stderr=True), Console(highlight=False)
    with open_db() as db, Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                   TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("documents", total=None)

        def progress(result) -> None:  # type: ignore[no-untyped-def]
            bar.advance(task)
            if not args.quiet:
                why = f": {result.detail}" if result.detail else ""
                line = f"{MARK[result.outcome]} {result.outcome:<9} {result.path}{why}"
                out.print(one_line(line), markup=False, soft_wrap=True)

        results = ingest_paths(db, args.paths, grade=grade, key=args.key,  # type: ignore[arg-type]
                               who=args.who or who_default(), batch_size=args.batch_size,
                               progress=progress, workers=args.workers,
                               **({"group": args.group} if args.group is not None else {}))
    out.print(summary(results), markup=False)
    sys.stdout.flush()
    return 1 if any(r.outcome == "failed" for r in results) else 0
