"""Documents: upload (extract and load), list (search, filters, pages), read with every quote the
graph took, edit metadata and grade, withdraw."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from app.auth import EditorDep, ReaderDep
from app.deps import DbDep
from graph.read import documents as library
from graph.read.documents import DocumentFilter, DocumentPage, DocumentQuotes, Publisher, ReliabilityFilter
from graph.write import document_meta, grading
from graph.write.document_meta import DocumentEdit
from graph.write.documents import DocumentResult, DocumentStore, get_document
from graph.write.ingest import Source, ingest_paths, summary
from pactgraph.errors import InputError, failure_line, one_line

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


def _save(upload: UploadFile, folder: Path, index: int, name: str) -> Source | DocumentResult:
    """Save the upload under a name of our own that keeps its extension (the format is read from
    it); one over the file size cap is refused by its byte count before any of it is read."""
    from loaders.read.readers import MAX_BYTES

    if upload.size is not None and upload.size > MAX_BYTES:
        error = InputError(f"file is {upload.size / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB "
                           "limit; split it into smaller documents", source=name)
        return DocumentResult(name, "failed", detail=failure_line(name, error))
    suffix = PurePosixPath(name).suffix
    target = folder / f"upload-{index}{suffix if _SUFFIX.fullmatch(suffix) else ''}"
    with target.open("wb") as out:
        shutil.copyfileobj(upload.file, out)
    return Source(target, name)


class UploadOutcome(BaseModel):
    """What happened to one uploaded file."""

    path: str = Field(description="the file's name as uploaded (one line, escaped)")
    outcome: Literal["created", "updated", "unchanged", "failed"]
    document_id: str | None = None
    detail: str = Field("", description="why it failed, or what a new version changed")
    diff: dict[str, list[str]] = Field(default_factory=dict, description="claims added, removed, kept")
    claims: int = 0


class UploadReport(BaseModel):
    results: list[UploadOutcome]
    summary: str


class EditResult(BaseModel):
    document: str
    changed: dict[str, list[Any]] = Field(description="each changed field: [before, after]")
    claims_regraded: int = Field(description="claims whose support was recomputed")


@router.post("", response_model=UploadReport)
def upload(
    db: DbDep,
    who: EditorDep,
    files: Annotated[list[UploadFile], File(description="one or more documents (txt, html, pdf, docx...)")],
    grade: Annotated[str | None, Form(description="source reliability A-F of these documents")] = None,
    key: Annotated[str | None, Form(description="version key of ONE document (default upload:NAME)")] = None,
) -> dict[str, Any]:
    """Extract and load each file, each atomic on its own (the CLI's ingest path); a result per
    document and a summary."""
    grade = grading.check_reliability(grade)
    if key and len(files) != 1:
        raise InputError("a key names the versions of ONE document; upload a single file", source="key")
    with tempfile.TemporaryDirectory(prefix="pactgraph-upload-") as tmp:
        saved: list[Source | DocumentResult] = []
        for index, upload_file in enumerate(files):
            name = upload_name(upload_file.filename)
            saved.append(_save(upload_file, Path(tmp), index, name))
        sources = [Source(s.path, s.name, key or f"upload:{s.name}") for s in saved if isinstance(s, Source)]
        loaded = iter(ingest_paths(db, sources, grade=grade, who=who.name, workers=1) if sources else [])
        results = [s if isinstance(s, DocumentResult) else next(loaded) for s in saved]
    return {"results": [r.__dict__ for r in results], "summary": summary(results)}


@router.get("", response_model=DocumentPage)
def index(
    db: DbDep,
    _: ReaderDep,
    q: Annotated[str | None, Query(max_length=200, description="words in the title or publisher")] = None,
    publisher: Annotated[str | None, Query(max_length=200, description="exactly this publisher")] = None,
    date_from: Annotated[str | None, Query(max_length=10, description="published on or after (ISO)")] = None,
    date_to: Annotated[str | None, Query(max_length=10, description="published on or before (ISO)")] = None,
    reliability: Annotated[list[ReliabilityFilter], Query(description="any of these grades")] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    skip: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> DocumentPage:
    """Stored documents (without their text), most recently loaded first: one page of those matching
    the search and filters, and how many match in all."""
    return library.find(db, DocumentFilter(q=q, publisher=publisher, date_from=date_from, date_to=date_to,
                                           reliability=reliability, limit=limit, skip=skip))


@router.get("/publishers", response_model=list[Publisher])
def publishers(db: DbDep, _: ReaderDep) -> list[Publisher]:
    """Every publisher of the stored documents, with how many each published."""
    return library.publishers(db)


@router.get("/{document_id}")
def show(db: DbDep, _: ReaderDep, document_id: str) -> dict[str, Any]:
    """One document with its metadata, reliability grade and full stored text."""
    return get_document(db, document_id)


@router.get("/{document_id}/quotes", response_model=DocumentQuotes)
def document_quotes(db: DbDep, _: ReaderDep, document_id: str) -> DocumentQuotes:
    """Every quote the graph took from the document, each with its claim and its offsets in the
    stored text, in reading order: what the reader highlights."""
    return library.quotes(db, document_id)


@router.patch("/{document_id}", response_model=EditResult)
def edit(db: DbDep, who: EditorDep, document_id: str, body: DocumentEdit) -> dict[str, Any]:
    """Change title, publisher, published date, URL or reliability grade (fields left out stay, null
    clears); audited, and the claims it supports are re-graded when publisher, date or grade change."""
    return document_meta.edit(db, document_id, body, who=who.name)


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
