"""Extract documents and load each into Neo4j in its own transaction; report per document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.db import Db
from graph.writer import GraphWriter


@dataclass(frozen=True)
class DocumentResult:
    path: str
    outcome: str  # "loaded" or "failed"
    document_id: str | None = None
    detail: str = ""


def ingest_paths(db: Db, paths: Iterable[str | Path]) -> list[DocumentResult]:
    """Each document lands whole or not at all; one failure does not stop the batch."""
    import loaders

    writer = GraphWriter(db)
    results = []
    for res in loaders.extract_paths(paths):
        if res.graph is None:
            results.append(DocumentResult(str(res.path), "failed", detail=res.error or "unknown"))
            continue
        doc = next(n for n in res.graph.nodes if "Document" in n.labels)
        writer.write(res.graph)
        results.append(DocumentResult(str(res.path), "loaded", doc.id))
    return results
