"""The writer's shortcuts change how it writes, never what is stored: relationships to entities made
in the same transaction are CREATEd, others MERGEd, and entities already stored as the row says are
not written at all."""

from __future__ import annotations

from graph.db import Db
from graph.write.writer import GraphWriter
from tests.fixtures import seed_graph
from tests.graph.store_helpers import dump


def test_created_and_merged_relationships_are_stored_alike(db: Db) -> None:
    graph = seed_graph()
    assert any(r.type == "MENTIONS" for r in graph.relationships)
    GraphWriter(db).write(graph)  # every entity new: every relationship takes the CREATE path
    all_new = dump(db)
    db.autocommit("clear_database")
    writer = GraphWriter(db)
    writer.write(graph.model_copy(update={"relationships": []}))  # the same entities, stored first
    writer.write(graph)  # now every relationship takes the MERGE path
    assert dump(db) == all_new


def test_an_entity_stored_as_the_row_says_is_not_written_again(db: Db) -> None:
    graph = seed_graph()
    writer = GraphWriter(db)
    writer.write(graph)
    before = {row["id"]: row["props"]["updated_at"] for row in db.read("store_dump_nodes")}
    writer.write(graph)
    after = {row["id"]: row["props"]["updated_at"] for row in db.read("store_dump_nodes")}
    assert after == before


def test_a_changed_entity_is_written_and_curation_is_kept(db: Db) -> None:
    from graph.write import curation

    graph = seed_graph()
    writer = GraphWriter(db)
    writer.write(graph)
    node = next(n for n in graph.nodes if "Document" not in n.labels and n.aliases)
    curation.rename(db, node.id, "Renamed by an analyst", who="ana", why="test")
    writer.write(graph)  # the fingerprint was cleared: the row is applied, the lock holds the name
    stored = next(r for r in db.read("store_dump_nodes") if r["id"] == node.id)["props"]
    assert stored["name"] == "Renamed by an analyst" and stored["upsert_fp"]
    changed = graph.model_copy(update={"nodes": [
        n.model_copy(update={"aliases": [*n.aliases, "A new alias"]}) if n.id == node.id else n
        for n in graph.nodes
    ]})
    writer.write(changed)
    stored = next(r for r in db.read("store_dump_nodes") if r["id"] == node.id)["props"]
    assert "A new alias" in stored["aliases"]


def test_an_existing_claim_takes_only_the_evidence_entries_it_lacks(db: Db) -> None:
    from pactgraph.models import Evidence

    graph = seed_graph()
    writer = GraphWriter(db)
    writer.write(graph)
    rel = next(r for r in graph.relationships if r.type != "MENTIONS" and r.evidence)
    old = rel.evidence[0]
    other = next(n.id for n in graph.nodes if "Document" in n.labels)
    added = [old,  # the same entry again: not repeated
             Evidence(document=old.document, quote="A second sentence.", start=old.end + 1, end=old.end + 19),
             Evidence(document=other + "-new", quote="Another report says so.", start=0, end=23)]
    again = graph.model_copy(update={"relationships": [rel.model_copy(update={"evidence": added})]})
    writer.write(again)  # the claim exists: its evidence is updated, not recreated
    stored = next(r for r in db.read("store_dump_relationships") if r["props"].get("claim_id")
                  and r["type"] == rel.type and r["source"] == rel.source and r["target"] == rel.target)
    entries = list(zip(stored["props"]["evidence_documents"], stored["props"]["evidence_quotes"],
                       stored["props"]["evidence_starts"], stored["props"]["evidence_ends"], strict=True))
    expected = [(e.document, e.quote, e.start, e.end) for e in rel.evidence + added[1:]]
    assert sorted(entries) == sorted(set(expected)) and len(entries) == len(set(expected))


def test_a_claim_a_later_document_corroborates_has_the_support_a_full_recount_gives(db: Db) -> None:
    from graph.write.writer import refresh_support

    graph = seed_graph()
    doc = next(n for n in graph.nodes if "Document" in n.labels)
    later = doc.model_copy(update={"id": doc.id + "-later", "properties": {
        **doc.properties, "publisher": "Another Newsroom", "published": "2023-05-02", "reliability": "B"}})

    def restated(rel):  # type: ignore[no-untyped-def]
        if rel.type == "MENTIONS":
            return rel.model_copy(update={"source": later.id})
        return rel.model_copy(update={"evidence": [e.model_copy(update={"document": later.id})
                                                   for e in rel.evidence]})

    second = graph.model_copy(update={"nodes": [later, *(n for n in graph.nodes if n.id != doc.id)],
                                      "relationships": [restated(r) for r in graph.relationships]})
    writer = GraphWriter(db)
    writer.write(graph)
    writer.write(second)  # every claim exists: its support is recomputed from the evidence it now has
    stored = db.read("store_dump_relationships")
    claims = [{"source": r["source"], "type": r["type"], "target": r["target"],
               "claim_id": r["props"]["claim_id"]} for r in stored if r["type"] != "MENTIONS"]
    assert claims and all(r["props"]["source_count"] == 2 for r in stored if r["type"] != "MENTIONS"
                          and len(set(r["props"]["evidence_documents"])) == 2)
    assert any(r["props"]["independent_source_count"] == 2 for r in stored)
    before = dump(db)
    db.write(lambda tx: refresh_support(tx, claims))
    assert dump(db) == before
