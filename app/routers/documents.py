"""Documents: upload (extract and load), read, list, grade and withdraw."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from app.auth import EditorDep, ReaderDep
from app.deps import DbDep
from graph import grading
from graph.documents import DocumentStore, get_document, list_documents
from graph.ingest import Extracted, ingest_graphs, summary
from pactgraph.errors import InputError, one_line

router = APIRouter(prefix="/documents", tags=["documents"])


class Grade(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grade: str | None = Field(description="source reliability A-F, or null to clear it")
    why: str = ""


#: the longest upload file name kept (in results and as the document's path)
MAX_NAME = 200
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")


def upload_name(filename: str | None) -> str:
    """The name an upload is reported and stored under: its last path segment, escaped to one
    line, at most MAX_NAME characters with its extension kept; ``upload`` when nothing usable is
    left (``/``, ``..``)."""
    name = one_line(PurePosixPath((filename or "").replace("\\", "/")).name, limit=10 * MAX_NAME)
    if not name.strip(". "):
        return "upload"
    if len(name) > MAX_NAME:
        suffix = PurePosixPath(name).suffix
        suffix = suffix if _SUFFIX.fullmatch(suffix) else ""
        name = name[: MAX_NAME - len(suffix) - 1] + "…" + suffix
    return name


def _extract(upload: UploadFile, folder: Path, index: int) -> Extracted:
    """Save the upload under a name of our own that keeps its extension (the format is read from
    it) and extract it; any failure is this file's one line, never the request's."""
    import loaders

    name = upload_name(upload.filename)
    suffix = PurePosixPath(name).suffix
    target = folder / f"upload-{index}{suffix if _SUFFIX.fullmatch(suffix) else ''}"
    target.write_bytes(upload.file.read())
    result = loaders.extract_isolated(target)
    if result.error is not None:
        return Extracted(name, None, result.error.replace(str(target), name))
    return Extracted(name, result.graph)


@router.post("")
def upload(
    db: DbDep,
    who: EditorDep,
    files: Annotated[list[UploadFile], File(description="one or more documents (txt, html, pdf, docx...)")],
    grade: Annotated[str | None, Form(description="source reliability A-F of these documents")] = None,
    key: Annotated[str | None, Form(description="version key of ONE document (default upload:NAME)")] = None,
) -> dict[str, Any]:
    """Extract and load each file in its own transaction; a result per document and a summary."""
    grade = grading.check_reliability(grade)
    if key and len(files) != 1:
        raise InputError("a key names the versions of ONE document; upload a single file", source="key")
    results = []
    with tempfile.TemporaryDirectory(prefix="pactgraph-upload-") as tmp:
        for index, upload_file in enumerate(files):
            item = _extract(upload_file, Path(tmp), index)
            doc_key = key or f"upload:{item.path}"
            graph = item.graph
            if graph is not None:
                doc = next(n for n in graph.nodes if "Document" in n.labels)
                graph = graph.model_copy(
                    update={
                        "nodes": [
                            n.model_copy(update={"properties": {**n.properties, "path": item.path}})
                            if n.id == doc.id
                            else n
                            for n in graph.nodes
                        ]
                    }
                )
            results.extend(
                ingest_graphs(
                    db, [Extracted(item.path, graph, item.error)], grade=grade, key=doc_key, who=who.name
                )
            )
    return {"results": [r.__dict__ for r in results], "summary": summary(results)}


@router.get("")
def index(
    db: DbDep,
    _: ReaderDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    skip: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[dict[str, Any]]:
    """Stored documents (without their text), most recently loaded first."""
    return list_documents(db, limit=limit, skip=skip)


@router.get("/{document_id}")
def show(db: DbDep, _: ReaderDep, document_id: str) -> dict[str, Any]:
    """One document with its metadata, reliability grade and full stored text."""
    return get_document(db, document_id)


@router.delete("/{document_id}")
def delete(
    db: DbDep, who: EditorDep, document_id: str, why: Annotated[str, Query(max_length=500)] = ""
) -> dict[str, Any]:
    """Withdraw a document: its evidence goes, and every claim or entity left with no support."""
    return DocumentStore(db).delete(document_id, who=who.name, why=why)


@router.put("/{document_id}/grade")
def grade_document(db: DbDep, who: EditorDep, document_id: str, body: Grade) -> dict[str, Any]:
    """Set the source reliability (A-F); the confidence of what it supports is recomputed."""
    refreshed = DocumentStore(db).set_reliability(document_id, body.grade, who=who.name, why=body.why)
    return {
        "document": document_id,
        "reliability": grading.check_reliability(body.grade),
        "claims_refreshed": refreshed,
    }
