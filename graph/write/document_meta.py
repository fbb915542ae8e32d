"""Editing a stored document's metadata (title, publisher, published date, URL, reliability grade):
one audited transaction, and the claims it supports re-graded when what their support reads changed."""

from __future__ import annotations

import re
from typing import Annotated, Any

from neo4j import ManagedTransaction
from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph import queries
from graph.db import Db, plain
from graph.read.readq import _iso
from graph.write import audit, grading
from graph.write.writer import refresh_support
from loaders.read.metadata import SIDECAR_LIMITS
from pactgraph.errors import InputError, NotFoundError

#: what a claim's support reads of its documents (grading.SupportingDocument): changing one re-grades
SUPPORT_FIELDS = frozenset({"publisher", "published", "reliability"})
_PRECISION = {4: "year", 7: "month", 10: "day"}
_URL = re.compile(r"https?://[^\s<>\"]+", re.I)


class DocumentEdit(BaseModel):
    """The fields to change; a field left out stays as it is, null (or "") clears it."""

    model_config = ConfigDict(extra="forbid")
    title: Annotated[str | None, Field(max_length=SIDECAR_LIMITS["title"])] = None
    publisher: Annotated[str | None, Field(max_length=SIDECAR_LIMITS["publisher"])] = None
    published: Annotated[str | None, Field(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None
    url: Annotated[str | None, Field(max_length=2000, description="http(s) address of the original")] = None
    reliability: Annotated[str | None, Field(description="source reliability A-F")] = None
    why: Annotated[str, Field(max_length=500, description="kept in the audit log")] = ""

    @field_validator("title", "publisher", "url")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = " ".join(value.split())  # one line: these are shown in lists and citations
        return value or None

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        return _iso(value.strip() or None, "published") if value is not None else None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not _URL.fullmatch(value):
            raise InputError("write the original's address as http:// or https://…", source="url")
        return value

    @field_validator("reliability")
    @classmethod
    def _reliability(cls, value: str | None) -> str | None:
        return grading.check_reliability(value, source="reliability")

    def changes(self) -> dict[str, Any]:
        """The properties to set on the Document node (``None`` removes one)."""
        given = self.model_fields_set - {"why"}
        out: dict[str, Any] = {name: getattr(self, name) for name in given}
        if "published" in given:
            out["published_precision"] = _PRECISION[len(self.published)] if self.published else None
        if self.title:
            out["name"] = self.title  # the node's name is its title (search, captions)
        return out


def edit(db: Db, doc_id: str, change: DocumentEdit, *, who: str, batch_size: int = 1000) -> dict[str, Any]:
    """Apply ``change`` to a stored document in one transaction with its audit event; return the
    fields that changed (before and after) and how many claims were re-graded."""
    if not change.model_fields_set - {"why"}:
        raise InputError("say what to change: title, publisher, published, url or reliability", source="body")
    wanted = change.changes()
    event_id = audit.new_event_id()

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        row = tx.run(queries.load("document_metadata_set"), id=doc_id, changes=wanted).single()
        if row is None:
            raise NotFoundError(f"no document with id {doc_id!r}")
        before = {k: plain(v) for k, v in row["before"].items()}
        changed = {k: [before.get(k), v] for k, v in wanted.items()
                   if k in before and before.get(k) != v}
        regraded = 0
        if SUPPORT_FIELDS & changed.keys():
            refresh_support(tx, row["refs"], batch_size)
            regraded = len(row["refs"])
        audit.record(tx, who=who, action="document.edited", target=doc_id, why=change.why,
                     details={"changed": changed, "claims_regraded": regraded}, event_id=event_id)
        return {"document": doc_id, "changed": changed, "claims_regraded": regraded}

    return db.write(work)
