"""The document list (search, filters, pages), its publishers, and every quote the graph took from
one document: what the page's Documents panel reads."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph.db import Db, plain
from graph.read.readq import _iso
from pactgraph.errors import NotFoundError

#: what the reliability filter takes: the Admiralty grades of grading.py and documents with none
UNGRADED = "ungraded"
#: (a Literal, so OpenAPI lists the values; a test keeps it in step with grading.RELIABILITY_WEIGHT)
ReliabilityFilter = Literal["A", "B", "C", "D", "E", "F", "ungraded"]


class DocumentFilter(BaseModel):
    """The list's search and filters, checked before any reaches Cypher."""

    model_config = ConfigDict(extra="forbid")
    q: Annotated[str | None, Field(max_length=200, description="words in the title or publisher")] = None
    publisher: Annotated[str | None, Field(max_length=200, description="exactly this publisher")] = None
    date_from: Annotated[str | None, Field(description="published on or after (ISO date or prefix)")] = None
    date_to: Annotated[str | None, Field(description="published on or before (ISO date or prefix)")] = None
    reliability: list[ReliabilityFilter] = Field(default_factory=list,
                                                 description="any of these grades; 'ungraded' for none")
    limit: Annotated[int, Field(ge=1, le=500)] = 50
    skip: Annotated[int, Field(ge=0, le=1_000_000)] = 0

    @field_validator("date_from", "date_to")
    @classmethod
    def _date(cls, value: str | None, info: object) -> str | None:
        return _iso(value or None, getattr(info, "field_name", "date"))

    @field_validator("q", "publisher")
    @classmethod
    def _blank(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None


class DocumentSummary(BaseModel):
    """A stored document without its text."""

    id: str
    key: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    reliability: str | None = Field(default=None, description="source reliability A-F, or none")
    url: str | None = None
    chars: int | None = None
    ingested_at: str | None = None
    mentions: int = Field(default=0, description="how many nodes the document speaks of")


class DocumentPage(BaseModel):
    """One page of the documents matching a filter, and how many match in all."""

    items: list[DocumentSummary]
    total: int
    limit: int
    skip: int


class Publisher(BaseModel):
    publisher: str
    documents: int


class Quote(BaseModel):
    """One evidence entry a claim took from the document: the quote and where it stands in the text
    (offsets in characters, when the extraction kept them)."""

    claim_id: str | None
    type: str
    source: str
    source_name: str | None = None
    target: str
    target_name: str | None = None
    quote: str | None
    start: int | None = None
    end: int | None = None
    status: str
    confidence: float | None = None


class DocumentQuotes(BaseModel):
    document: str
    quotes: list[Quote]


def find(db: Db, where: DocumentFilter) -> DocumentPage:
    """The documents matching ``where``, newest ingest first, one page."""
    row = db.read("document_search", q=where.q.lower() if where.q else None, publisher=where.publisher,
                  date_from=where.date_from, date_to=where.date_to, reliability=where.reliability,
                  limit=where.limit, skip=where.skip)[0]
    items = [DocumentSummary(**{k: plain(v) for k, v in item.items()}) for item in row["items"]]
    return DocumentPage(items=items, total=row["total"], limit=where.limit, skip=where.skip)


def publishers(db: Db) -> list[Publisher]:
    return [Publisher(**row) for row in db.read("document_publishers")]


def quotes(db: Db, doc_id: str) -> DocumentQuotes:
    """Every quote the graph took from a document, in reading order."""
    rows = db.read("document_quotes", id=doc_id)
    if not rows:
        raise NotFoundError(f"no document with id {doc_id!r}")
    return DocumentQuotes(document=doc_id, quotes=[Quote(**q) for q in rows[0]["quotes"]])
