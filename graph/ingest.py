"""Extract documents and load each into Neo4j in its own transaction; a result for each document.

A document that fails (bad input, a rejected write) leaves nothing behind and the batch goes on.
When Neo4j itself goes away the batch stops: every document already reported as created or
updated is stored whole, and running the same ingest again resumes where it stopped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from neo4j.exceptions import DriverError, Neo4jError

from graph.db import Db
from graph.documents import DocumentResult, DocumentStore
from graph.store_schema import apply_store_schema
from pactgraph.errors import InputError, PactgraphError, UnavailableError
from pactgraph.models import GraphDocument

__all__ = ["DocumentResult", "Extracted", "ingest_graphs", "ingest_paths", "summary"]

Progress = Callable[[DocumentResult], None]


@dataclass(frozen=True)
class Extracted:
    """One document's extraction: its graph, or why there is none."""

    path: str
    graph: GraphDocument | None
    error: str | None = None


def default_key(path: str, graph: GraphDocument) -> str:
    """A sidecar's explicit ``key`` on the Document node wins; else the resolved source path."""
    for node in graph.nodes:
        if "Document" in node.labels and isinstance(node.properties.get("key"), str):
            return str(node.properties["key"])
    candidate = Path(path)
    return str(candidate.resolve()) if candidate.exists() else path


def ingest_graphs(db: Db, items: Iterable[Extracted], *, grade: str | None = None,
                  key: str | None = None, who: str = "ingest", batch_size: int = 1000,
                  progress: Progress | None = None) -> list[DocumentResult]:
    """Load extracted documents one transaction each; report created/updated/unchanged/failed."""
    apply_store_schema(db)
    store = DocumentStore(db, batch_size)
    results: list[DocumentResult] = []

    def report(result: DocumentResult) -> None:
        results.append(result)
        if progress is not None:
            progress(result)

    for item in items:
        if item.graph is None:
            report(DocumentResult(item.path, "failed", detail=item.error or "extraction failed"))
            continue
        try:
            report(store.load(item.graph, key=key or default_key(item.path, item.graph), grade=grade,
                              who=who, path=item.path))
        except (UnavailableError, DriverError) as exc:  # the server went away: stop, re-run to resume
            report(DocumentResult(item.path, "failed", detail=f"{exc}; batch stopped, run it again"))
            break
        except (PactgraphError, Neo4jError) as exc:
            report(DocumentResult(item.path, "failed", detail=str(exc)))
    return results


def extract(paths: Iterable[str | Path]) -> Iterator[Extracted]:
    """The loaders' extraction of every file under ``paths``, as Extracted items."""
    import loaders

    for res in loaders.extract_paths(list(paths)):
        yield Extracted(str(res.path), res.graph, res.error)


def ingest_paths(db: Db, paths: Iterable[str | Path], *, grade: str | None = None,
                 key: str | None = None, who: str = "ingest", batch_size: int = 1000,
                 progress: Progress | None = None) -> list[DocumentResult]:
    """Extract and load files and folders; each document lands whole or not at all."""
    paths = list(paths)
    for path in paths:
        if not Path(path).exists():
            raise InputError("no such file or folder; check the path", source=str(path))
    if key is not None and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise InputError("--key names the versions of ONE document; give a single file", source="key")
    return ingest_graphs(db, extract(paths), grade=grade, key=key, who=who, batch_size=batch_size,
                         progress=progress)


def summary(results: list[DocumentResult]) -> str:
    """One line: how many documents were created, updated, unchanged and failed."""
    counts = Counter(r.outcome for r in results)
    parts = [f"{counts.get(k, 0)} {k}" for k in ("created", "updated", "unchanged", "failed")]
    return f"{len(results)} documents: " + ", ".join(parts)
