"""Documents as units of provenance: load one (created / updated / unchanged), replace a version,
withdraw one. Each runs in one managed transaction whose function is safe to retry.

A document's id is its content hash; its *key* (source path, URL or an explicit key) ties the
versions of one document together. A new version (same key, new hash) takes over: the old
version's evidence is withdrawn, whatever is left with no support goes, and the change is
reported as a diff of claims added, removed and kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from graph import queries
from graph.db import Db, plain
from graph.write import audit, grading
from graph.write.writer import GraphWriter, refresh_support
from pactgraph.errors import InputError, NotFoundError
from pactgraph.models import GraphDocument


@dataclass(frozen=True)
class DocumentResult:
    """What happened to one document: created, updated, unchanged or failed (and why)."""

    path: str
    outcome: str
    document_id: str | None = None
    detail: str = ""
    diff: dict[str, list[str]] = field(default_factory=dict)
    claims: int = 0


def document_node_id(graph: GraphDocument, *, source: str = "document") -> str:
    """The id of the graph's single Document node; anything else is an input error."""
    docs = [n for n in graph.nodes if "Document" in n.labels]
    if len(docs) != 1:
        raise InputError(f"extraction output must hold exactly one Document node, found {len(docs)}",
                         source=source)
    return docs[0].id


def _with_document_properties(graph: GraphDocument, doc_id: str, extra: dict[str, Any]) -> GraphDocument:
    nodes = [n.model_copy(update={"properties": {**n.properties, **extra}}) if n.id == doc_id else n
             for n in graph.nodes]
    return graph.model_copy(update={"nodes": nodes})


def withdraw_tx(tx: ManagedTransaction, doc_id: str, batch_size: int = 1000) -> dict[str, Any]:
    """Remove a document, its evidence and whatever is left with no support; nothing else."""
    touched = tx.run(queries.load("withdraw_evidence"), id=doc_id).data()
    dropped = [row["ref"] for row in touched if row["unsupported"]]
    candidates: set[str] = set()
    for i in range(0, len(dropped), batch_size):
        for row in tx.run(queries.load("delete_relationships"), refs=dropped[i : i + batch_size]):
            candidates.update((row["source"], row["target"]))
    refresh_support(tx, [row["ref"] for row in touched if not row["unsupported"]], batch_size)
    gone = tx.run(queries.load("delete_document_node"), id=doc_id).single()
    if gone is not None:
        candidates.update(gone["mentioned"])
    removed_nodes: list[str] = []
    ordered = sorted(candidates)
    for i in range(0, len(ordered), batch_size):
        result = tx.run(queries.load("delete_orphans"), ids=ordered[i : i + batch_size])
        removed_nodes.extend(record["id"] for record in result)
    return {
        "claims": sorted({row["claim_id"] for row in touched}),
        "claims_removed": sorted({row["claim_id"] for row in touched if row["unsupported"]}),
        "nodes_removed": sorted(removed_nodes),
    }


class DocumentStore:
    """Loads, replaces and withdraws documents; one transaction per document."""

    def __init__(self, db: Db, batch_size: int = 5000) -> None:
        self.db = db
        self.writer = GraphWriter(db, batch_size)

    def prepare(self, graph: GraphDocument, doc_id: str, *, key: str | None = None, grade: str | None = None,
                properties: dict[str, Any] | None = None) -> GraphDocument:
        """The graph with what the store adds to its Document node: key, grade, ingest time."""
        extra: dict[str, Any] = {**(properties or {}),
                                 "ingested_at": datetime.now(UTC).isoformat(timespec="seconds")}
        if key:
            extra["key"] = key
        if grade:
            extra["reliability"] = grade
        publishers = [str(n.properties.get("publisher") or "") for n in graph.nodes if n.id == doc_id]
        if any(grading.is_sample(p) for p in publishers):
            extra["reliability"] = grading.SAMPLE_RELIABILITY  # demonstration briefs: never better than F
        return _with_document_properties(graph, doc_id, extra)

    def load(self, graph: GraphDocument, *, key: str | None = None, grade: str | None = None,
             who: str = "ingest", path: str = "", properties: dict[str, Any] | None = None,
             ) -> DocumentResult:
        """Load one extracted document; the same document again changes nothing.

        ``properties`` override the Document node's (e.g. an upload's original file name)."""
        grade = grading.check_reliability(grade)
        doc_id = document_node_id(graph, source=path or "document")
        graph = self.prepare(graph, doc_id, key=key, grade=grade, properties=properties)
        event_id = audit.new_event_id()

        def work(tx: ManagedTransaction) -> DocumentResult:
            state = tx.run(queries.load("document_state"), id=doc_id, key=key).single()
            assert state is not None
            if state["exists"]:
                return DocumentResult(path, "unchanged", doc_id, "already stored")
            claims = self.writer.write_tx(tx, graph)
            previous: set[str] = set()
            for old in state["older"]:
                previous.update(withdraw_tx(tx, old, self.writer.batch_size)["claims"])
            new = set(claims)
            diff = {"added": sorted(new - previous), "removed": sorted(previous - new),
                    "kept": sorted(new & previous)} if state["older"] else {}
            outcome = "updated" if state["older"] else "created"
            detail = (f"new version of {', '.join(state['older'])}: +{len(diff['added'])} "
                      f"-{len(diff['removed'])} ={len(diff['kept'])} claims") if diff else ""
            audit.record(tx, who=who, action=f"document.{outcome}", target=doc_id, why=path,
                         details={"key": key, "claims": len(claims), "replaced": state["older"],
                                  "diff": diff}, event_id=event_id)
            return DocumentResult(path, outcome, doc_id, detail, diff, len(claims))

        return self.db.write(work)

    def delete(self, doc_id: str, *, who: str, why: str = "") -> dict[str, Any]:
        """Withdraw a document: its evidence and every node or claim left unsupported go."""
        event_id = audit.new_event_id()

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            state = tx.run(queries.load("document_state"), id=doc_id, key=None).single()
            if state is None or not state["exists"]:
                raise NotFoundError(f"no document with id {doc_id!r}")
            summary = withdraw_tx(tx, doc_id, self.writer.batch_size)
            audit.record(tx, who=who, action="document.deleted", target=doc_id, why=why,
                         details={k: len(v) for k, v in summary.items()}, event_id=event_id)
            return {"document": doc_id, **summary}

        return self.db.write(work)

    def set_reliability(self, doc_id: str, grade: str | None, *, who: str, why: str = "") -> int:
        """Grade a stored document A-F; the confidence of every claim it supports follows."""
        grade = grading.check_reliability(grade)
        event_id = audit.new_event_id()

        def work(tx: ManagedTransaction) -> int:
            rows = tx.run(queries.load("document_reliability"), id=doc_id, grade=grade).data()
            exists = tx.run(queries.load("document_state"), id=doc_id, key=None).single()
            if exists is None or not exists["exists"]:
                raise NotFoundError(f"no document with id {doc_id!r}")
            refresh_support(tx, [r["ref"] for r in rows], self.writer.batch_size)
            audit.record(tx, who=who, action="document.graded", target=doc_id, why=why,
                         details={"reliability": grade}, event_id=event_id)
            return len(rows)

        return self.db.write(work)




def get_document(db: Db, doc_id: str) -> dict[str, Any]:
    rows = db.read("document_get", id=doc_id)
    if not rows:
        raise NotFoundError(f"no document with id {doc_id!r}")
    doc = {k: plain(v) for k, v in rows[0]["document"].items() if k != "upsert_fp"}  # the writer's own
    doc["mentions"] = rows[0]["mentions"]
    return doc


def list_documents(db: Db, *, limit: int = 50, skip: int = 0) -> list[dict[str, Any]]:
    return db.read("document_list", limit=limit, skip=skip)
