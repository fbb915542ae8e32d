"""Documents: upload (extract and load), read, list, grade and withdraw."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from app.auth import EditorDep, ReaderDep
from app.deps import DbDep
from graph import grading
from graph.documents import DocumentStore, get_document, list_documents
from graph.ingest import Extracted, ingest_graphs, summary
from pactgraph.errors import InputError, PactgraphError

router = APIRouter(prefix="/documents", tags=["documents"])


class Grade(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grade: str | None = Field(description="source reliability A-F, or null to clear it")
    why: str = ""


def _extract(upload: UploadFile, folder: Path) -> Extracted:
    """Save the upload under its own name (the format is read from it) and extract it."""
    import loaders

    name = Path(upload.filename or "upload.txt").name
    target = folder / name
    target.write_bytes(upload.file.read())
    try:
        return Extracted(name, loaders.extract_path(target))
    except PactgraphError as exc:
        return Extracted(name, None, str(exc).replace(str(target), name))


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
        for upload_file in files:
            item = _extract(upload_file, Path(tmp))
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
