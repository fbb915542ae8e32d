"""Typed results the loaders hand to the rest of Pactgraph."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pactgraph.models import GraphDocument


class DocumentMeta(BaseModel):
    """Metadata of one document; unknown fields stay None and are omitted from the graph."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    published_precision: str | None = None
    language: str | None = None
    path: str | None = None


class LoadedDocument(BaseModel):
    """A document read from disk: its normalised text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    meta: DocumentMeta
    format: str


@dataclass(frozen=True)
class ExtractResult:
    """The outcome for one file of a batch: a graph, or a one-line error."""

    path: Path
    graph: GraphDocument | None
    error: str | None
