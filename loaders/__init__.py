"""Loaders: documents in; actors, agreements, sites, events and their links out, with evidence.

Offline, deterministic, CPU only. Public API: ``extract_path``, ``extract_paths``,
``extract_text``, ``read_document``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from loaders.models import DocumentMeta, ExtractResult, LoadedDocument
from pactgraph.errors import InputError, failure_line
from pactgraph.models import GraphDocument

__all__ = [
    "DocumentMeta",
    "ExtractResult",
    "LoadedDocument",
    "document_files",
    "extract_isolated",
    "extract_path",
    "extract_paths",
    "extract_text",
    "read_document",
]


def read_document(path: str | Path, *, sidecar: dict | None = None) -> LoadedDocument:
    """Read one file (any supported format) into normalised text plus metadata."""
    from loaders.read.header import split_header
    from loaders.read.metadata import extract_meta, load_sidecar
    from loaders.read.readers import check_text_size, read_raw, sidecar_for
    from loaders.read.text import normalise_text

    path = Path(path)
    raw, fmt, file_meta = read_raw(path)
    check_text_size(raw, str(path))
    header, text = split_header(normalise_text(raw))
    if not text:
        raise InputError("file has no text once whitespace is removed; nothing to extract", source=str(path))
    if sidecar is None and (side := sidecar_for(path)) is not None:
        sidecar = load_sidecar(side)
    meta = extract_meta(text, {**header, **file_meta}, sidecar, str(path))
    return LoadedDocument(text=text, meta=meta, format=fmt)


def extract_text(text: str, *, document_id: str | None = None, metadata: dict | None = None) -> GraphDocument:
    """Extract a graph from text (an upload or a test); ``document_id`` becomes the path."""
    from loaders.read.header import split_header
    from loaders.read.metadata import extract_meta
    from loaders.read.readers import check_text_size
    from loaders.read.text import normalise_text

    check_text_size(text, document_id)
    header, text = split_header(normalise_text(text))
    if not text:
        raise InputError("document is empty; nothing to extract", source=document_id)
    meta = extract_meta(text, header, {k: str(v) for k, v in (metadata or {}).items()}, document_id)
    return _graph(text, meta)


def extract_path(path: str | Path, *, sidecar: dict | None = None) -> GraphDocument:
    """Extract the graph of one file."""
    doc = read_document(path, sidecar=sidecar)
    return _graph(doc.text, doc.meta)


def extract_paths(paths: Iterable[str | Path]) -> Iterator[ExtractResult]:
    """Extract every supported file under ``paths``; a bad file yields an error, never raises."""
    from loaders.read.readers import is_supported

    for path in _expand(paths, is_supported):
        yield extract_isolated(path)


def extract_isolated(path: str | Path, *, sidecar: dict | None = None) -> ExtractResult:
    """``extract_path`` that never raises: any failure (a reader, a parser library, a sidecar, the
    pipeline) becomes the file's one escaped line, and its ``error`` is a plain, picklable str."""
    path = Path(path)
    try:
        return ExtractResult(path, extract_path(path, sidecar=sidecar), None)
    except Exception as exc:  # noqa: BLE001 - isolation is the point: the batch goes on
        return ExtractResult(path, None, failure_line(path, exc))


def document_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files ``extract_paths`` would read, in its order: files as given, folders walked."""
    from loaders.read.readers import is_supported

    return _expand(paths, is_supported)


def _expand(paths: Iterable[str | Path], keep) -> Iterator[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and keep(f))
        else:
            yield p


def _graph(text: str, meta: DocumentMeta) -> GraphDocument:
    from loaders.build import build_graph, content_hash
    from loaders.pipeline import run
    from loaders.read.header import official_country
    from loaders.read.metadata import published_date

    digest = content_hash(text)
    # the collector is tuned once where the process starts (pactgraph.process.tune_gc)
    ex = run(text, published_date(meta), digest, publisher_country=official_country(meta.url))
    return build_graph(text, meta, ex, digest)
