"""Extract documents and load them into Neo4j, many new documents per transaction yet each atomic
(a failed batch is retried one document per transaction); a result for each document, in order.

A document that fails (bad input, a rejected write) leaves nothing behind and the batch goes on.
When Neo4j itself goes away the batch stops: every document already reported as created or
updated is stored whole, and running the same ingest again resumes where it stopped.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j.exceptions import DriverError

from graph.db import Db
from graph.schema import apply_schema
from graph.write.document_batch import Item, load_batch
from graph.write.documents import DocumentResult, DocumentStore
from loaders import ExtractResult
from pactgraph.errors import InputError, UnavailableError, failure_line
from pactgraph.models import GraphDocument

__all__ = ["DocumentResult", "ExtractResult", "Source", "ingest_graphs", "ingest_paths", "summary"]

Progress = Callable[[DocumentResult], None]


@dataclass(frozen=True)
class Source:
    """A file to ingest and, when it is not to be known by its own path (an upload saved under a
    temporary name), the name it is reported and stored under and its version key."""

    path: Path
    name: str | None = None
    key: str | None = None

    @property
    def shown(self) -> str:
        return self.name or str(self.path)


@dataclass(frozen=True)
class _Named:
    """A source's extraction under its shown name, with the Document properties the name brings."""

    result: ExtractResult
    name: str
    key: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)


def default_key(path: str, graph: GraphDocument) -> str:
    """A sidecar's explicit ``key`` on the Document node wins; else the resolved source path."""
    for node in graph.nodes:
        if "Document" in node.labels and isinstance(node.properties.get("key"), str):
            return str(node.properties["key"])
    candidate = Path(path)
    return str(candidate.resolve()) if candidate.exists() else path


#: documents and rows (relationships and entities) per transaction by default. Larger groups
#: write each corroborated claim (a ministry PART_OF its state, say) once per group instead of
#: once per few documents, which is most of the cost of a corpus (bench/bench_ingest.py).
GROUP = 500
TX_ROWS = 25_000


def ingest_graphs(db: Db, items: Iterable[ExtractResult], *, grade: str | None = None,
                  key: str | None = None, who: str = "ingest", batch_size: int = 5000,
                  group: int = GROUP, tx_rows: int = TX_ROWS,
                  progress: Progress | None = None) -> list[DocumentResult]:
    """Load extracted documents, up to ``group`` new ones (and about ``tx_rows`` relationships and
    entities) per transaction, each atomic on its own, ``batch_size`` rows per statement; report
    created/updated/unchanged/failed in order."""
    named = (_Named(item, str(item.path)) for item in items)
    return _load(db, named, grade=grade, key=key, who=who, batch_size=batch_size, group=group,
                 tx_rows=tx_rows, progress=progress)


def _load(db: Db, items: Iterable[_Named], *, grade: str | None, key: str | None, who: str,
          batch_size: int, group: int, tx_rows: int, progress: Progress | None) -> list[DocumentResult]:
    """One group loads in a thread while the next is gathered, so extraction (in worker processes,
    see :func:`extract`) goes on while Neo4j writes."""
    if group < 1:
        raise InputError("group must be at least 1", source="group")
    if tx_rows < 1:
        raise InputError("tx_rows must be at least 1", source="tx_rows")
    results, whole = _ingest(db, items, grade=grade, key=key, who=who, batch_size=batch_size,
                             group=group, tx_rows=tx_rows, progress=progress)
    if whole and any(r.outcome in ("created", "updated") for r in results):
        db.refresh_search()  # batches skip the per-transaction wait; search sees them from here
    return results


def _ingest(db: Db, items: Iterable[_Named], *, grade: str | None, key: str | None, who: str,
            batch_size: int, group: int, tx_rows: int, progress: Progress | None,
            ) -> tuple[list[DocumentResult], bool]:
    """The results in order, and False when the server went away and the batch stopped."""
    apply_schema(db)
    store = DocumentStore(db, batch_size)
    results: list[DocumentResult] = []

    def report(result: DocumentResult) -> None:
        results.append(result)
        if progress is not None:
            progress(result)

    def stopped(batch: list[Item | DocumentResult], exc: Exception) -> None:
        for p in batch:
            report(p if isinstance(p, DocumentResult) else
                   DocumentResult(p.path, "failed", detail=f"{exc}; batch stopped, run it again"))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pactgraph-load") as loader:
        loading: tuple[Future[list[DocumentResult]], list[Item | DocumentResult]] | None = None

        def settle() -> Exception | None:
            """Report the group being loaded, in order; the error if the server went away."""
            nonlocal loading
            if loading is None:
                return None
            future, batch = loading
            loading = None
            try:
                loaded = iter(future.result())
            except (UnavailableError, DriverError) as exc:  # the server went away: stop, re-run to resume
                stopped(batch, exc)
                return exc
            for p in batch:
                report(p if isinstance(p, DocumentResult) else next(loaded))
            return None

        def flush(batch: list[Item | DocumentResult]) -> bool:
            """Load ``batch`` once the group before it is done; False when the server went away."""
            nonlocal loading
            if (gone := settle()) is not None:
                stopped(batch, gone)
                return False
            docs = [p for p in batch if isinstance(p, Item)]
            loading = (loader.submit(load_batch, store, docs, grade=grade, who=who), batch)
            return True

        pending: list[Item | DocumentResult] = []
        size = 0
        for item in items:
            graph = item.result.graph
            if graph is None:
                why = item.result.error or "extraction failed"
                pending.append(DocumentResult(item.name, "failed", detail=why))
            else:
                doc_key = key or item.key or default_key(item.name, graph)
                pending.append(Item(graph, doc_key, item.name, item.properties))
                size += len(graph.relationships) + len(graph.nodes)
            if len(pending) >= group or size >= tx_rows:
                batch, pending, size = pending, [], 0
                if not flush(batch):
                    return results, False
        if pending and not flush(pending):
            return results, False
        whole = settle() is None
    return results, whole


def extract(paths: Iterable[str | Path], workers: int = 1,
            task: Callable[[Path], ExtractResult] | None = None) -> Iterator[ExtractResult]:
    """The loaders' extraction of every file under ``paths``, in order.

    With ``workers`` > 1 files are extracted in that many processes while the caller loads what
    came before (extraction is CPU-bound Python; Neo4j's writes run in its own process). At most
    a few files per worker run ahead, so memory stays flat on a folder of any size. A worker that
    dies fails its file alone: the pool is made anew and the next files go on. Workers start
    from a fork server, so a script that calls this needs the usual ``if __name__ == "__main__":``
    guard of multiprocessing code (the CLI has it). ``task`` replaces the per-file extraction (a
    test's worker that dies)."""
    import loaders

    files = list(loaders.document_files(list(paths)))
    work = task or extract_one
    if workers <= 1 or len(files) < 2 * workers:
        for path in files:
            yield work(path)
        return
    yield from _pooled(files, workers, work)


def _pooled(files: list[Path], workers: int,
            work: Callable[[Path], ExtractResult]) -> Iterator[ExtractResult]:
    # forkserver: the children never inherit the parent's threads (progress bar) or sockets (driver)
    context = multiprocessing.get_context("forkserver")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context)

    queue = deque(files)
    ahead: deque[tuple[Path, Future[ExtractResult]]] = deque()
    pool = new_pool()
    try:
        while queue or ahead:
            while queue and len(ahead) < 4 * workers:
                path = queue.popleft()
                ahead.append((path, pool.submit(work, path)))
            path, future = ahead.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                # a worker died and took the pool and every file in flight with it; which file
                # killed it is unknown, so this one runs again alone in a new pool, then the rest
                pool.shutdown(wait=False, cancel_futures=True)
                queue.extendleft(reversed([p for p, _ in ahead]))
                ahead.clear()
                pool = new_pool()
                try:
                    yield pool.submit(work, path).result()
                except BrokenProcessPool as exc:
                    yield ExtractResult(path, None, failure_line(path, exc))
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
            except Exception as exc:  # noqa: BLE001 - a worker that raised fails its file, not the batch
                yield ExtractResult(path, None, failure_line(path, exc))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def extract_one(path: Path) -> ExtractResult:
    """One file's extraction (a worker process's task); a bad file is an error, never a raise."""
    import loaders

    return loaders.extract_isolated(path)


def ingest_paths(db: Db, paths: Iterable[str | Path | Source], *, grade: str | None = None,
                 key: str | None = None, who: str = "ingest", batch_size: int = 5000,
                 group: int = GROUP, tx_rows: int = TX_ROWS, progress: Progress | None = None,
                 workers: int | None = None) -> list[DocumentResult]:
    """Extract and load files and folders (the CLI's and the upload route's one way in); each
    document lands whole or not at all. Extraction runs in ``workers`` processes (default: one per
    core, at most four) beside the loading. A :class:`Source` with a name is reported and stored
    under it (its Document's ``path``), in failures too, and loaded under its own key."""
    sources = [p if isinstance(p, Source) else Source(Path(p)) for p in paths]
    for source in sources:
        if not source.path.exists():
            raise InputError("no such file or folder; check the path", source=source.shown)
    if key is not None and (len(sources) != 1 or sources[0].path.is_dir()):
        raise InputError("--key names the versions of ONE document; give a single file", source="key")
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    if workers < 1:
        raise InputError("workers must be at least 1", source="workers")
    named = {s.path: s for s in sources if s.name is not None}
    items = (_named(res, named.get(res.path)) for res in extract([s.path for s in sources], workers))
    return _load(db, items, grade=grade, key=key, who=who, batch_size=batch_size, group=group,
                 tx_rows=tx_rows, progress=progress)


def _named(res: ExtractResult, source: Source | None) -> _Named:
    """A result under its source's name: failures say the name, not the file it was saved as."""
    if source is None or source.name is None:
        return _Named(res, str(res.path))
    error = res.error.replace(str(res.path), source.name) if res.error else None
    return _Named(ExtractResult(res.path, res.graph, error), source.name, source.key, {"path": source.name})


def summary(results: list[DocumentResult]) -> str:
    """One line: how many documents were created, updated, unchanged and failed."""
    counts = Counter(r.outcome for r in results)
    parts = [f"{counts.get(k, 0)} {k}" for k in ("created", "updated", "unchanged", "failed")]
    return f"{len(results)} documents: " + ", ".join(parts)
