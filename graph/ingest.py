"""Extract documents and load them into Neo4j, many new documents per transaction yet each atomic
(a failed batch is retried one document per transaction); a result for each document, in order.

A document that fails (bad input, a rejected write) leaves nothing behind and the batch goes on.
When Neo4j itself goes away the batch stops: every document already reported as created or
updated is stored whole, and running the same ingest again resumes where it stopped.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from neo4j.exceptions import DriverError

from graph.db import Db
from graph.document_batch import Item, load_batch
from graph.documents import DocumentResult, DocumentStore
from graph.store_schema import apply_store_schema
from pactgraph.errors import InputError, UnavailableError, failure_line
from pactgraph.models import GraphDocument

__all__ = ["DocumentResult", "Extracted", "bulk_gc", "ingest_graphs", "ingest_paths", "summary"]

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


class _BulkGc:
    """Fewer cyclic garbage collections while loads run (see :func:`bulk_gc`)."""

    #: the youngest generation is collected after this many net allocations instead of 700
    THRESHOLD = (50_000, 20, 100)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._saved: tuple[int, int, int] | None = None

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._users == 0:
                self._saved = gc.get_threshold()
                gc.set_threshold(*self.THRESHOLD)
            self._users += 1
        try:
            yield
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0 and self._saved is not None:
                    gc.set_threshold(*self._saved)


#: A load builds rows by the hundred thousand (dicts and lists, none in a cycle) and the collector
#: walks them again and again at CPython's default thresholds: a third of the writer's Python time
#: on bench_ingest's bulk run. Loads that overlap (API uploads) share one raised setting, and the
#: process's own comes back when the last one ends.
bulk_gc = _BulkGc()


#: documents and rows (relationships and entities) per transaction by default. Larger groups
#: write each corroborated claim (a ministry PART_OF its state, say) once per group instead of
#: once per few documents, which is most of the cost of a corpus (bench/bench_ingest.py).
GROUP = 500
TX_ROWS = 25_000


def ingest_graphs(db: Db, items: Iterable[Extracted], *, grade: str | None = None,
                  key: str | None = None, who: str = "ingest", batch_size: int = 5000,
                  group: int = GROUP, tx_rows: int = TX_ROWS,
                  progress: Progress | None = None) -> list[DocumentResult]:
    """Load extracted documents, up to ``group`` new ones (and about ``tx_rows`` relationships and
    entities) per transaction, each atomic on its own, ``batch_size`` rows per statement; report
    created/updated/unchanged/failed in order.

    One group loads in a thread while the next is gathered, so extraction (in worker processes,
    see :func:`extract`) goes on while Neo4j writes."""
    if group < 1:
        raise InputError("group must be at least 1", source="group")
    if tx_rows < 1:
        raise InputError("tx_rows must be at least 1", source="tx_rows")
    with bulk_gc():
        results, whole = _ingest(db, items, grade=grade, key=key, who=who, batch_size=batch_size,
                                 group=group, tx_rows=tx_rows, progress=progress)
    if whole and any(r.outcome in ("created", "updated") for r in results):
        db.refresh_search()  # batches skip the per-transaction wait; search sees them from here
    return results


def _ingest(db: Db, items: Iterable[Extracted], *, grade: str | None, key: str | None, who: str,
            batch_size: int, group: int, tx_rows: int, progress: Progress | None,
            ) -> tuple[list[DocumentResult], bool]:
    """The results in order, and False when the server went away and the batch stopped."""
    apply_store_schema(db)
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
            if item.graph is None:
                pending.append(DocumentResult(item.path, "failed", detail=item.error or "extraction failed"))
            else:
                pending.append(Item(item.graph, key or default_key(item.path, item.graph), item.path))
                size += len(item.graph.relationships) + len(item.graph.nodes)
            if len(pending) >= group or size >= tx_rows:
                batch, pending, size = pending, [], 0
                if not flush(batch):
                    return results, False
        if pending and not flush(pending):
            return results, False
        whole = settle() is None
    return results, whole


def extract(paths: Iterable[str | Path], workers: int = 1) -> Iterator[Extracted]:
    """The loaders' extraction of every file under ``paths``, as Extracted items, in order.

    With ``workers`` > 1 files are extracted in that many processes while the caller loads what
    came before (extraction is CPU-bound Python; Neo4j's writes run in its own process). At most
    a few files per worker run ahead, so memory stays flat on a folder of any size. Workers start
    from a fork server, so a script that calls this needs the usual ``if __name__ == "__main__":``
    guard of multiprocessing code (the CLI has it)."""
    import loaders

    files = list(loaders.document_files(list(paths)))
    if workers <= 1 or len(files) < 2 * workers:
        for res in loaders.extract_paths(files):
            yield Extracted(str(res.path), res.graph, res.error)
        return
    # forkserver: the children never inherit the parent's threads (progress bar) or sockets (driver)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        ahead: deque[tuple[Path, Future[Extracted]]] = deque()
        for path in files:
            ahead.append((path, pool.submit(extract_one, path)))
            if len(ahead) >= 4 * workers:
                yield _outcome(*ahead.popleft())
        while ahead:
            yield _outcome(*ahead.popleft())


def _outcome(path: Path, future: Future[Extracted]) -> Extracted:
    """A worker's extraction, or the file's failure when the worker itself died or raised."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a lost worker fails its file, not the batch
        return Extracted(str(path), None, failure_line(path, exc))


def extract_one(path: Path) -> Extracted:
    """One file's extraction (a worker process's task); a bad file is an error, never a raise."""
    import loaders

    res = next(iter(loaders.extract_paths([path])))
    return Extracted(str(res.path), res.graph, res.error)


def ingest_paths(db: Db, paths: Iterable[str | Path], *, grade: str | None = None,
                 key: str | None = None, who: str = "ingest", batch_size: int = 5000,
                 group: int = GROUP, tx_rows: int = TX_ROWS, progress: Progress | None = None,
                 workers: int | None = None) -> list[DocumentResult]:
    """Extract and load files and folders; each document lands whole or not at all. Extraction runs
    in ``workers`` processes (default: one per core, at most four) beside the loading."""
    paths = list(paths)
    for path in paths:
        if not Path(path).exists():
            raise InputError("no such file or folder; check the path", source=str(path))
    if key is not None and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise InputError("--key names the versions of ONE document; give a single file", source="key")
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    if workers < 1:
        raise InputError("workers must be at least 1", source="workers")
    return ingest_graphs(db, extract(paths, workers), grade=grade, key=key, who=who, batch_size=batch_size,
                         group=group, tx_rows=tx_rows, progress=progress)


def summary(results: list[DocumentResult]) -> str:
    """One line: how many documents were created, updated, unchanged and failed."""
    counts = Counter(r.outcome for r in results)
    parts = [f"{counts.get(k, 0)} {k}" for k in ("created", "updated", "unchanged", "failed")]
    return f"{len(results)} documents: " + ", ".join(parts)
