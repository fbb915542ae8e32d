"""Derived support of claims (source counts, first/last reported, confidence) and merge redirects,
as the writer needs them inside its transaction.

A claim created by this write is supported only by the evidence it brings, so its support is
computed here in Python and written with it; a claim that existed is computed over the documents it
cited (read by the writer's MERGE) and the new ones. Other changes (withdrawal, curation) re-read
their claims from Neo4j (``refresh_support``). Statements are rendered per relationship type so
each expands only that type from the index-found ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from neo4j import ManagedTransaction

from graph import queries
from graph.write import grading

_MAX_REDIRECT_HOPS = 20


def by_type(refs: Iterable[dict[str, Any]], key: str = "type") -> dict[str, list[dict[str, Any]]]:
    """Group rows by relationship type, keeping their order within each group."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for ref in refs:
        groups.setdefault(ref[key], []).append(ref)
    return groups


def fields(s: grading.Support) -> dict[str, Any]:
    """The stored property names of a claim's support."""
    return {"source_count": s.source_count, "independent_source_count": s.independent_source_count,
            "first_reported": s.first_reported, "last_reported": s.last_reported,
            "confidence": s.confidence}


def refresh_support(tx: ManagedTransaction, refs: Sequence[dict[str, str]], batch_size: int = 1000) -> None:
    """Recompute source counts, first/last reported, confidence and status of the given claims (the
    status from every evidence entry's, unless an analyst retracted or locked it).

    A claim is named by a ref ``{source, type, target, claim_id}`` so that it is found from its
    ends through the id index, never by scanning relationships. MENTIONS carry no support."""
    unique = {(r["source"], r["type"], r["target"], r["claim_id"]): r
              for r in refs if r["type"] != "MENTIONS"}
    for rel_type, group in by_type(unique.values()).items():
        inputs, writes = queries.statement("claim_support_inputs", type=rel_type), \
            queries.statement("claim_support_set", type=rel_type)
        for i in range(0, len(group), batch_size):
            batch = [{"source": r["source"], "target": r["target"], "claim_id": r["claim_id"]}
                     for r in group[i : i + batch_size]]
            out = []
            for row in tx.run(inputs, refs=batch):
                docs = [grading.SupportingDocument(d["id"], d.get("publisher"), d.get("published"),
                                                   d.get("reliability")) for d in row["docs"]]
                s = grading.support(docs, credibility=row["credibility"], manual=row["manual"],
                                    retracted=row["retracted"])
                status = row["status"]
                if not (row["retracted"] or row["status_locked"]) and row["statuses"]:
                    status = grading.combined_status(row["statuses"])
                out.append({"ref": row["ref"], **fields(s), "status": status})
            tx.run(writes, rows=out).consume()


def updated_claim_support(stored: dict[str, Any], row: dict[str, Any],
                          facts: dict[str, grading.SupportingDocument]) -> dict[str, Any]:
    """Support of a stored claim (as upsert_relationships.cypher returns it: documents, credibility,
    credibility_locked, manual, retracted) once ``row`` adds its evidence: the same as
    :func:`refresh_support` would compute after the update. ``facts`` covers every document."""
    documents = dict.fromkeys([*stored["documents"], *row["documents"]])
    credibility = stored["credibility"] if stored["credibility_locked"] else \
        (row["credibility"] if row["credibility"] is not None else stored["credibility"])
    docs = [facts.get(d) or grading.SupportingDocument(d) for d in documents]
    return fields(grading.support(docs, credibility=credibility, manual=stored["manual"],
                                  retracted=stored["retracted"]))


def document_facts(tx: ManagedTransaction, ids: Iterable[str]) -> dict[str, grading.SupportingDocument]:
    """Publisher, publication date and reliability of stored documents, as the formula reads them."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {row["id"]: grading.SupportingDocument(row["id"], row["publisher"], row["published"],
                                                  row["reliability"])
            for row in tx.run(queries.load("document_support_facts"), ids=wanted)}


def new_claim_support(documents: Sequence[str], credibility: int | None,
                      facts: dict[str, grading.SupportingDocument]) -> dict[str, Any]:
    """Support of a claim that this write creates: its own evidence documents are all it has."""
    docs = [facts.get(d) or grading.SupportingDocument(d) for d in documents]
    return fields(grading.support(docs, credibility=credibility))


class Redirects:
    """Merge redirects in force, looked up once per transaction and skipped when no merge exists."""

    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx = tx
        self.any: bool | None = None

    def resolve(self, ids: Iterable[str]) -> dict[str, str]:
        if self.any is None:
            self.any = bool(self.tx.run(queries.load("merge_records_active")).single(strict=True)["active"])
        return resolve_redirects(self.tx, ids) if self.any else {}


def resolve_redirects(tx: ManagedTransaction, ids: Iterable[str]) -> dict[str, str]:
    """Map every id that was merged away to its final survivor (following chains of merges)."""
    pending, found = set(ids), dict[str, str]()
    for _ in range(_MAX_REDIRECT_HOPS):
        if not pending:
            break
        rows = tx.run(queries.load("resolve_redirects"), ids=sorted(pending)).data()
        step = {r["from_id"]: r["into_id"] for r in rows}
        for origin, into in list(found.items()):
            if into in step:
                found[origin] = step[into]
        for origin, into in step.items():
            found.setdefault(origin, into)
        pending = set(step.values())
    return found
