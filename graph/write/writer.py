"""Write extraction output (graph JSON) into Neo4j: batched UNWIND upserts inside one transaction.

Every statement is an ``UNWIND $rows`` MERGE on stable keys, so a transaction function made of
them is safe to retry. Merge redirects are applied first (a merged-away id lands on its
survivor). Rows are merged per key in Python (many documents may share a transaction), claims
are written with one statement per relationship type, and every claim's support is computed here:
a new claim's from the evidence it brings, one that existed before from the documents it cited
(which its MERGE returns) and the new ones, and written with its evidence in one update.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from neo4j import ManagedTransaction

from graph import queries
from graph.db import Db
from graph.write import grading
from graph.write.support import (
    Redirects,
    by_type,
    document_facts,
    new_claim_support,
    refresh_support,
    resolve_redirects,
    updated_claim_support,
)
from pactgraph import vocabulary as vocab
from pactgraph.models import GraphDocument, Relationship

__all__ = ["GraphWriter", "claim_id", "claim_id_of", "refresh_support", "resolve_redirects"]

#: relationship properties the writer owns; extraction may not set them through ``properties``
_RESERVED = frozenset({
    "claim_id", "status", "method", "credibility", "retracted", "manual", "status_locked",
    "credibility_locked", "source_count", "independent_source_count", "first_reported",
    "last_reported", "confidence", "created_at", "updated_at", "evidence_documents", "evidence_statuses",
    "evidence_quotes", "evidence_starts", "evidence_ends",
})


#: derived support of a claim (graph/write/support.py computes it), stored on the claim
_SUPPORT = ("source_count", "independent_source_count", "first_reported", "last_reported", "confidence")


def claim_id_of(source: str, rel_type: str, target: str) -> str:
    """Stable id of the claim ``source -type-> target`` (direction-free for symmetric types)."""
    ends = [source, target]
    if rel_type in vocab.SYMMETRIC_TYPES:
        ends.sort()
    digest = hashlib.sha256("\x1f".join([ends[0], rel_type, ends[1]]).encode()).hexdigest()
    return f"claim:{digest[:24]}"


def claim_id(rel: Relationship) -> str:
    """Stable id of the claim a relationship makes."""
    return claim_id_of(rel.source, rel.type, rel.target)


def node_rows(graphs: Sequence[GraphDocument], redirects: dict[str, str]) -> list[dict[str, Any]]:
    """One row per node id, as if the graphs' nodes were upserted one after another, each with the
    fingerprint of its content (``fp``)."""
    rows: dict[str, dict[str, Any]] = {}
    for graph in graphs:
        for n in graph.nodes:
            into = redirects.get(n.id)
            aliases = sorted(set(n.aliases) | ({n.name} if into else set()))
            row = rows.get(into or n.id)
            if row is None:
                rows[into or n.id] = {"id": into or n.id, "labels": [] if into else list(n.labels),
                                      "name": n.name, "aliases": list(dict.fromkeys(aliases)),
                                      "properties": dict(n.properties), "keep_name": into is not None}
                continue
            row["labels"] = list(dict.fromkeys([*row["labels"], *([] if into else n.labels)]))
            row["properties"].update(n.properties)
            row["aliases"] = list(dict.fromkeys([*row["aliases"], *aliases]))
            if not into:  # the last row that names the node wins, as a later upsert would
                row["name"], row["keep_name"] = n.name, False
    for row in rows.values():
        row["fp"] = fingerprint(row)
    return list(rows.values())


def fingerprint(row: dict[str, Any]) -> str:
    """A hash of everything an upsert row would write: equal fingerprints, equal effect."""
    body = json.dumps([row["labels"], row["name"], row["aliases"], row["properties"], row["keep_name"]],
                      sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(body.encode(), digest_size=12).hexdigest()


def changed_nodes(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows that would change something: new entities, and those whose last upsert differed.

    Most entities of a document (states, ministries, sites) are already stored exactly so; skipping
    them saves their writes and, above all, the locks that make concurrent loads queue on hubs."""
    if not rows:
        return []
    asked = [{"id": row["id"], "fp": row["fp"]} for row in rows]
    changed = set(tx.run(queries.load("node_fingerprints"), rows=asked).single(strict=True)["changed"])
    return [row for row in rows if row["id"] in changed]


def _evidence(row: dict[str, Any], rel: Relationship) -> None:
    """Append the relationship's evidence entries the row lacks (an entry is document, start, end),
    each with the status its document gives the claim."""
    seen = set(zip(row["documents"], row["starts"], row["ends"], strict=True))
    status = _status_of(rel.properties)
    for e in rel.evidence:
        if (e.document, e.start, e.end) not in seen:
            seen.add((e.document, e.start, e.end))
            row["documents"].append(e.document)
            row["quotes"].append(e.quote)
            row["starts"].append(e.start)
            row["ends"].append(e.end)
            row["statuses"].append(status)


def _status_of(props: dict[str, Any]) -> str:
    """The status one document gives a claim; extraction never retracts or disputes by itself."""
    status = str(props.get("status") or "reported")
    return status if status in vocab.STATUSES and status not in ("retracted", "disputed") else "reported"



def relationship_rows(graphs: Sequence[GraphDocument], redirects: dict[str, str],
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[list[str]]]:
    """Claim rows and MENTIONS rows (one per claim id) and each graph's claim ids; self-loops made
    by a merge redirect are dropped."""
    claims: dict[str, dict[str, Any]] = {}
    mentions: dict[str, dict[str, Any]] = {}
    per_graph: list[list[str]] = []
    for graph in graphs:
        ids: list[str] = []
        for rel in graph.relationships:
            source, target = redirects.get(rel.source, rel.source), redirects.get(rel.target, rel.target)
            if source == target and rel.source != rel.target:
                continue
            if rel.type in vocab.SYMMETRIC_TYPES and target < source:
                source, target = target, source
            cid = claim_id_of(source, rel.type, target)
            table = mentions if rel.type == "MENTIONS" else claims
            row = table.get(cid)
            if row is None:
                row = table[cid] = {"claim_id": cid, "type": rel.type, "source": source, "target": target,
                                    "documents": [], "quotes": [], "starts": [], "ends": [], "statuses": []}
            _evidence(row, rel)
            if rel.type == "MENTIONS":
                continue
            ids.append(cid)
            _claim_fields(row, rel.properties)
        per_graph.append(list(dict.fromkeys(ids)))
    return list(claims.values()), list(mentions.values()), per_graph


def _claim_fields(row: dict[str, Any], props: dict[str, Any]) -> None:
    """Status (from all the row's evidence), method, credibility and extraction properties, merged as
    successive upserts would."""
    row["status"] = grading.combined_status(row["statuses"])
    row.setdefault("method", str(props.get("method") or "rule"))  # set when the claim is created
    credibility = props.get("credibility")
    checked = grading.check_credibility(credibility) if isinstance(credibility, (int, str)) else None
    row["credibility"] = checked if checked is not None else row.get("credibility")
    extra = {k: v for k, v in props.items() if k not in _RESERVED}
    if "date" in extra and "valid_from" not in extra:
        extra["valid_from"] = extra["date"]
    if "date_precision" in extra:
        extra.setdefault("valid_precision", extra["date_precision"])
    row.setdefault("properties", {}).update(extra)


def _new_claim(row: dict[str, Any]) -> dict[str, Any]:
    """A claim row as create_claims.cypher takes it: every stored property of a new claim in one map,
    as upsert_relationships.cypher sets them (the writer's own after the extraction's)."""
    props = {**row.get("properties", {}), "claim_id": row["claim_id"], "method": row["method"],
             "retracted": False, "manual": False, "status": row["status"], "credibility": row["credibility"],
             "evidence_documents": row["documents"], "evidence_quotes": row["quotes"],
             "evidence_starts": row["starts"], "evidence_ends": row["ends"],
             "evidence_statuses": row["statuses"]}
    props.update({k: row[k] for k in _SUPPORT})
    return {"source": row["source"], "target": row["target"], "props": props}


def _batches(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class GraphWriter:
    """Loads GraphDocuments; the driver comes in from outside, batch size is a knob."""

    def __init__(self, db: Db, batch_size: int = 5000) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.db = db
        self.batch_size = batch_size

    def write(self, graph: GraphDocument, *, refresh_search: bool = True) -> list[str]:
        """All of ``graph`` lands in one transaction, or none of it does; returns its claim ids."""
        return self.db.write(lambda tx: self.write_tx(tx, graph), refresh_search=refresh_search)

    def write_tx(self, tx: ManagedTransaction, graph: GraphDocument) -> list[str]:
        """Upsert ``graph`` inside the caller's transaction; returns the claim ids it supports."""
        return self.write_many_tx(tx, [graph])[0]

    def write_many_tx(self, tx: ManagedTransaction, graphs: Sequence[GraphDocument],
                      redirects: Redirects | None = None) -> list[list[str]]:
        """Upsert several graphs as if one after another, in few statements; claim ids per graph.

        Entities whose stored state already equals the row are not written; relationships with an
        end made by this transaction are CREATEd (nothing can link to it yet), the rest MERGEd."""
        redirects = redirects or Redirects(tx)
        moved = redirects.resolve({n.id for g in graphs for n in g.nodes})
        nodes = changed_nodes(tx, node_rows(graphs, moved))
        claims, mentions, per_graph = relationship_rows(graphs, moved)
        created: set[str] = set()
        for batch in _batches(nodes, self.batch_size):
            created.update(tx.run(queries.load("upsert_nodes"), rows=batch).single(strict=True)["created"])
        facts = document_facts(tx, {d for row in claims for d in row["documents"]})
        for rel_type, group in by_type(claims).items():
            fresh, rest = _split(group, created)
            for row in fresh:
                row.update(new_claim_support(row["documents"], row["credibility"], facts))
            create = queries.statement("create_claims", type=rel_type)
            self._run(tx, create, [_new_claim(row) for row in fresh])
            self._upsert_claims(tx, rel_type, rest, facts)
        fresh, rest = _split(mentions, created)
        self._run(tx, queries.load("create_mentions"), fresh)
        self._run(tx, queries.load("upsert_mentions"), rest)
        return per_graph

    def _run(self, tx: ManagedTransaction, text: str, rows: list[dict[str, Any]]) -> None:
        for batch in _batches(rows, self.batch_size):
            tx.run(text, rows=batch).consume()

    def _upsert_claims(self, tx: ManagedTransaction, rel_type: str, rows: list[dict[str, Any]],
                       facts: dict[str, grading.SupportingDocument]) -> None:
        """MERGE claims of one type; a new one is stored whole with the support of its evidence, one
        that existed takes the new evidence and its support over all of it (claim_update.cypher)."""
        text = queries.statement("upsert_relationships", type=rel_type)
        for batch in _batches(rows, self.batch_size):
            for row in batch:  # what a claim created by the MERGE stores
                row.update(new_claim_support(row["documents"], row["credibility"], facts))
            stored = {c["claim_id"]: c for c in tx.run(text, rows=batch).single(strict=True)["existing"]}
            if not stored:
                continue
            cited = {d for c in stored.values() for d in c["documents"]} - facts.keys()
            facts.update(document_facts(tx, cited))
            old = [row for row in batch if row["claim_id"] in stored]
            for row in old:
                row.update(updated_claim_support(stored[row["claim_id"]], row, facts))
                # one source's status never overrides another's: the claim's comes from all of them
                before = stored[row["claim_id"]]["statuses"]
                row["status"] = grading.combined_status([*before, *row["statuses"]])
            tx.run(queries.statement("claim_update", type=rel_type), rows=old).consume()


Rows = list[dict[str, Any]]


def _split(rows: Rows, created: set[str]) -> tuple[Rows, Rows]:
    """Rows with an end created by this transaction, and the others."""
    fresh: Rows = []
    rest: Rows = []
    for row in rows:
        (fresh if row["source"] in created or row["target"] in created else rest).append(row)
    return fresh, rest
