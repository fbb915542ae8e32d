"""Many new documents in one transaction, each still atomic: a failed batch is retried one
transaction per document, so a bad document fails alone and leaves nothing behind.

Only documents that are new and have no older version (nor a twin in the batch) share the batch
transaction, and documents already stored are reported unchanged from it; any other is loaded on
its own afterwards by DocumentStore.load, which handles versions.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError

from graph import queries
from graph.write import audit, grading
from graph.write.documents import DocumentResult, DocumentStore, document_node_id
from graph.write.support import Redirects
from pactgraph.errors import InputError, PactgraphError, UnavailableError
from pactgraph.models import GraphDocument


@dataclass(frozen=True)
class Item:
    """One document to load: its graph, version key, the path it is reported under and what its
    Document node gets besides (an upload's original name as ``path``)."""

    graph: GraphDocument
    key: str | None
    path: str
    properties: dict[str, Any] = field(default_factory=dict)


def load_batch(store: DocumentStore, items: list[Item], *, grade: str | None = None,
               who: str = "ingest") -> list[DocumentResult]:
    """Load ``items`` (in order) with as few transactions as atomicity per document allows."""
    grade = grading.check_reliability(grade)
    if not who.strip():
        raise InputError("say who is making the change", source="who")
    results: list[DocumentResult | None] = [None] * len(items)
    prepared: list[tuple[int, GraphDocument, str, str]] = []
    for i, item in enumerate(items):
        try:
            doc_id = document_node_id(item.graph, source=item.path or "document")
            graph = store.prepare(item.graph, doc_id, key=item.key, grade=grade, properties=item.properties)
            prepared.append((i, graph, doc_id, audit.new_event_id()))  # event ids made before the tx
        except PactgraphError as exc:
            results[i] = DocumentResult(item.path, "failed", detail=str(exc))
    if len(prepared) > 1:
        try:
            for i, result in store.db.write(
                lambda tx: _batch_tx(tx, store, items, prepared, who), refresh_search=False
            ).items():
                results[i] = result
        except (UnavailableError, DriverError):
            raise
        except (PactgraphError, Neo4jError):
            pass  # one of them is bad: the batch wrote nothing; each goes alone below
    for i, item in enumerate(items):
        if results[i] is None:
            try:
                results[i] = store.load(item.graph, key=item.key, grade=grade, who=who, path=item.path,
                                        properties=item.properties)
            except (UnavailableError, DriverError):
                raise
            except (PactgraphError, Neo4jError) as exc:
                results[i] = DocumentResult(item.path, "failed", detail=str(exc))
    return [r for r in results if r is not None]


def _batch_tx(tx: ManagedTransaction, store: DocumentStore, items: list[Item],
              prepared: list[tuple[int, GraphDocument, str, str]], who: str) -> dict[int, DocumentResult]:
    """Write the batch's new, version-free documents and report those already stored; the rest
    (new versions, twins in the batch) is left for one-by-one loading."""
    docs = [{"id": doc_id, "key": items[i].key} for i, _, doc_id, _ in prepared]
    states = {row["id"]: row for row in tx.run(queries.load("document_states"), docs=docs)}
    ids = Counter(doc_id for _, _, doc_id, _ in prepared)
    keys = Counter(items[i].key for i, _, _, _ in prepared if items[i].key)
    # a document stored exactly so (its id is its content's hash) is unchanged, as DocumentStore.load
    # would find it: a re-run over a folder costs one read, not a transaction per document
    done = {i: DocumentResult(items[i].path, "unchanged", doc_id, "already stored")
            for i, _, doc_id, _ in prepared if states[doc_id]["exists"]}
    fresh = [p for p in prepared
             if not states[p[2]]["exists"] and not states[p[2]]["older"] and ids[p[2]] == 1
             and (not items[p[0]].key or keys[items[p[0]].key] == 1)]
    if not fresh:
        return done
    per_graph = store.writer.write_many_tx(tx, [graph for _, graph, _, _ in fresh], Redirects(tx))
    events: list[dict[str, Any]] = []
    for (i, _, doc_id, event_id), claims in zip(fresh, per_graph, strict=True):
        details: dict[str, Any] = {"key": items[i].key, "claims": len(claims), "replaced": [], "diff": {}}
        events.append({"id": event_id, "who": who, "action": "document.created",
                       "target": doc_id, "why": items[i].path or "",
                       "details_json": json.dumps(details, sort_keys=True, default=str)})
        done[i] = DocumentResult(items[i].path, "created", doc_id, "", {}, len(claims))
    tx.run(queries.load("audit_record_many"), events=events).consume()
    return done
