"""`pactgraph extract PATH...`: print the graph JSON of documents to stdout, no database needed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pactgraph.errors import InputError
from pactgraph.models import GraphDocument, Node, Relationship


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract the graph JSON of documents (files or folders) to stdout",
        description="Read documents and print their graph JSON (SCHEMA.md) to stdout.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("--sidecar", type=Path, help="metadata file (JSON/YAML) for a single input")
    parser.add_argument("--no-text", action="store_true", help="leave the document text out")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from loaders import extract_isolated, extract_paths
    from loaders.read.metadata import load_sidecar

    sidecar = load_sidecar(args.sidecar) if args.sidecar else None
    graphs: list[GraphDocument] = []
    failed = 0
    results = extract_paths(args.paths) if sidecar is None else _one(args.paths, sidecar, extract_isolated)
    for res in _progress(results):
        if res.error:
            failed += 1
            print(f"pactgraph extract: {res.error}", file=sys.stderr)
        elif res.graph is not None:
            graphs.append(res.graph)
    if not graphs:
        if not failed:
            print("pactgraph extract: no supported files found (.txt .md .html .pdf .docx)", file=sys.stderr)
        return 2
    graph = graphs[0] if len(graphs) == 1 else merge(graphs)
    if args.no_text:
        for node in graph.nodes:
            node.properties.pop("text", None)
    json.dump(
        graph.model_dump(mode="json"),
        sys.stdout,
        ensure_ascii=False,
        indent=2 if args.pretty else None,
        sort_keys=False,
    )
    sys.stdout.write("\n")
    print(
        f"pactgraph extract: {len(graphs)} document(s), {failed} failed, "
        f"{len(graph.nodes)} nodes, {len(graph.relationships)} relationships",
        file=sys.stderr,
    )
    return 1 if failed else 0


def _one(paths, sidecar, extract_isolated):
    if len(paths) != 1:
        raise InputError("--sidecar applies to exactly one input file", source="--sidecar")
    yield extract_isolated(Path(paths[0]), sidecar=sidecar)


def _progress(results):
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
        task = bar.add_task("extracting")
        for res in results:
            bar.update(task, description=f"extracted {res.path.name}")
            yield res


def merge(graphs: list[GraphDocument]) -> GraphDocument:
    """Union nodes by id (aliases unioned), concatenate relationships."""
    nodes: dict[str, Node] = {}
    rels: list[Relationship] = []
    for g in graphs:
        for n in g.nodes:
            cur = nodes.get(n.id)
            if cur is None:
                nodes[n.id] = n.model_copy(deep=True)
            else:
                cur.aliases = sorted(set(cur.aliases) | set(n.aliases) | ({n.name} - {cur.name}))
                for k, v in n.properties.items():
                    cur.properties.setdefault(k, v)
        rels.extend(g.relationships)
    return GraphDocument(nodes=list(nodes.values()), relationships=rels)
