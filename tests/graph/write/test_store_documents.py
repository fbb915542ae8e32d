"""The graph store against a real Neo4j: idempotent, atomic per document, corroboration,
versions with a diff, and withdrawal that removes exactly what is left unsupported."""

from __future__ import annotations

import pytest
from neo4j.exceptions import Neo4jError

from graph.db import Db
from graph.write import audit
from graph.write.documents import DocumentStore, get_document, list_documents
from graph.write.ingest import ExtractResult, ingest_graphs
from graph.write.writer import claim_id_of
from pactgraph.models import GraphDocument, Node
from tests.fixtures import document_graph, extracted
from tests.graph.store_helpers import claim, dump, node_ids

PARTY = ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps")
FUNDS = ("agreement:mvd-mps", "FUNDS", "facility:wakhan-base")
LOCATED = ("facility:wakhan-base", "LOCATED_IN", "region:gbao")
APPROVED = ("gov:tj-parliament", "APPROVED", "agreement:mvd-mps")


def test_the_same_document_twice_is_unchanged_and_writes_nothing(db: Db) -> None:
    graph = document_graph("first text", [PARTY, FUNDS], publisher="Asia-Plus", published="2022-11-21")
    store = DocumentStore(db)
    assert store.load(graph, key="a.txt").outcome == "created"
    before = dump(db)
    events = len(audit.query(db))
    again = store.load(graph, key="a.txt")
    assert again.outcome == "unchanged"
    assert dump(db) == before  # timestamps included in the comparison would differ on any write
    assert len(audit.query(db)) == events


def test_a_document_lands_whole_or_not_at_all_and_the_batch_goes_on(db: Db) -> None:
    good = document_graph("good text", [PARTY])
    bad = document_graph("bad text", [FUNDS, LOCATED])
    # a label Neo4j rejects, on the last node: earlier batches of the same transaction already ran
    broken = Node.model_construct(id="site:broken", labels=["Site", ""], name="broken", aliases=[],
                                  properties={})
    bad = GraphDocument.model_construct(nodes=[*bad.nodes, broken], relationships=bad.relationships)
    with pytest.raises(Neo4jError):
        DocumentStore(db, batch_size=1).load(bad, key="bad.txt")
    assert node_ids(db) == set()
    results = ingest_graphs(db, [extracted("bad.txt", bad), extracted("missing.txt", None, "unreadable"),
                                 extracted("good.txt", good)], batch_size=1)
    assert [r.outcome for r in results] == ["failed", "failed", "created"]
    assert "unreadable" in results[1].detail
    assert node_ids(db) == {good.nodes[0].id, "gov:tj-mvd", "agreement:mvd-mps"}


def test_corroborating_documents_share_one_relationship_with_all_their_evidence(db: Db) -> None:
    store = DocumentStore(db)
    store.load(document_graph("one", [PARTY], publisher="Asia-Plus", published="2022-11-21"), key="1")
    single = claim(db, *PARTY)
    assert single is not None
    store.load(document_graph("two", [PARTY], publisher="Asia-Plus", published="2021-10-01"), key="2")
    store.load(document_graph("three", [PARTY], publisher="RFE/RL", published="2023-01-05"), key="3",
               grade="A")
    rel = claim(db, *PARTY)
    assert rel is not None
    assert len(rel["evidence_documents"]) == len(rel["evidence_quotes"]) == 3
    assert rel["source_count"] == 3
    assert rel["independent_source_count"] == 2  # two of the three share a publisher
    assert (rel["first_reported"], rel["last_reported"]) == ("2021-10-01", "2023-01-05")
    assert rel["claim_id"] == claim_id_of(*PARTY)
    assert rel["status"] == "reported" and rel["method"] == "rule"
    assert rel["confidence"] > single["confidence"] == 50
    assert rel["created_at"] < rel["updated_at"]


def test_grading_a_document_moves_the_confidence_of_what_it_supports(db: Db) -> None:
    graph = document_graph("graded", [PARTY])
    store = DocumentStore(db)
    store.load(graph, key="g")
    assert claim(db, *PARTY)["confidence"] == 50  # type: ignore[index]
    store.set_reliability(graph.nodes[0].id, "E", who="analyst")
    assert claim(db, *PARTY)["confidence"] == 20  # type: ignore[index]


def test_a_new_version_replaces_the_old_one_and_reports_the_diff(db: Db) -> None:
    store = DocumentStore(db)
    v1 = document_graph("version one", [PARTY, FUNDS, LOCATED])
    v2 = document_graph("version two", [PARTY, APPROVED])
    other = document_graph("another source", [FUNDS])
    store.load(v1, key="brief.txt")
    store.load(other, key="other.txt")
    result = store.load(v2, key="brief.txt")
    assert result.outcome == "updated"
    assert result.diff == {"added": [claim_id_of(*APPROVED)],
                           "removed": sorted([claim_id_of(*FUNDS), claim_id_of(*LOCATED)]),
                           "kept": [claim_id_of(*PARTY)]}
    assert claim(db, *LOCATED) is None  # supported only by the old version
    funds = claim(db, *FUNDS)
    assert funds is not None and funds["evidence_documents"] == [other.nodes[0].id]
    assert funds["source_count"] == 1
    assert claim(db, *PARTY)["evidence_documents"] == [v2.nodes[0].id]  # type: ignore[index]
    ids = node_ids(db)
    assert v1.nodes[0].id not in ids and "region:gbao" not in ids
    assert "facility:wakhan-base" in ids  # still mentioned by the other source


def test_deleting_a_document_removes_its_support_and_only_what_is_left_unsupported(db: Db) -> None:
    store = DocumentStore(db)
    first = document_graph("first", [PARTY, LOCATED], publisher="A")
    second = document_graph("second", [PARTY], publisher="B")
    store.load(first, key="first")
    store.load(second, key="second")
    before = claim(db, *PARTY)
    summary = store.delete(first.nodes[0].id, who="analyst", why="duplicate feed")
    assert summary["claims_removed"] == [claim_id_of(*LOCATED)]
    assert sorted(summary["nodes_removed"]) == ["facility:wakhan-base", "region:gbao"]
    after = claim(db, *PARTY)
    assert after is not None and after["evidence_documents"] == [second.nodes[0].id]
    assert after["source_count"] == 1 < before["source_count"]  # type: ignore[index]
    assert node_ids(db) == {second.nodes[0].id, "gov:tj-mvd", "agreement:mvd-mps"}
    event = audit.query(db, target=first.nodes[0].id, action="document.deleted")[0]
    assert (event["who"], event["why"]) == ("analyst", "duplicate feed")


def test_documents_can_be_read_back_and_listed(db: Db) -> None:
    graph = document_graph("readable text", [PARTY], publisher="Asia-Plus", published="2022-11-21")
    DocumentStore(db).load(graph, key="r.txt", grade="b")
    doc = get_document(db, graph.nodes[0].id)
    assert (doc["text"], doc["publisher"], doc["reliability"], doc["key"]) == (
        "readable text", "Asia-Plus", "B", "r.txt")
    assert doc["mentions"] == 2
    listed = list_documents(db)
    assert [d["id"] for d in listed] == [graph.nodes[0].id] and "text" not in listed[0]


def test_a_batch_with_a_bad_document_loads_the_others_and_leaves_nothing_of_the_bad_one(db: Db) -> None:
    one = document_graph("batch one", [PARTY, FUNDS], publisher="Asia-Plus", published="2022-11-21")
    two = document_graph("batch two", [PARTY], publisher="RFE/RL", published="2023-01-05")
    bad = document_graph("batch bad", [LOCATED])
    broken = Node.model_construct(id="site:broken", labels=["Site", ""], name="broken", aliases=[],
                                  properties={})
    bad = GraphDocument.model_construct(nodes=[*bad.nodes, broken], relationships=bad.relationships)
    items = [extracted("one.txt", one), extracted("bad.txt", bad), extracted("two.txt", two)]
    results = ingest_graphs(db, items)
    assert [r.outcome for r in results] == ["created", "failed", "created"]
    assert "region:gbao" not in node_ids(db) and bad.nodes[0].id not in node_ids(db)
    assert len(audit.query(db, action="document.created")) == 2


def test_documents_loaded_in_one_batch_give_the_graph_of_loading_them_one_by_one(db: Db) -> None:
    docs = [extracted(f"{i}.txt", document_graph(f"doc {i}", claims, publisher=pub, published=day))
            for i, (claims, pub, day) in enumerate([
                ([PARTY, FUNDS], "Asia-Plus", "2022-11-21"), ([PARTY, LOCATED], "Asia-Plus", "2021-10-01"),
                ([FUNDS, APPROVED], "RFE/RL", "2023-01-05"), ([PARTY], None, None)])]
    batched = ingest_graphs(db, docs, grade="B")
    assert [r.outcome for r in batched] == ["created"] * 4
    assert [r.claims for r in batched] == [2, 2, 2, 1]
    together = dump(db)
    db.autocommit("clear_database")
    alone = ingest_graphs(db, docs, grade="B", group=1)
    assert [r.outcome for r in alone] == ["created"] * 4
    assert dump(db) == together
    rel = claim(db, *PARTY)
    assert rel is not None and rel["source_count"] == 3 and rel["independent_source_count"] == 2
    assert [r.outcome for r in ingest_graphs(db, docs)] == ["unchanged"] * 4


def test_groups_load_one_after_another_and_report_every_document_in_order(db: Db) -> None:
    reported: list[str] = []
    docs: list[ExtractResult] = []
    for i, claims in enumerate([[PARTY], [FUNDS], [LOCATED], [APPROVED], [PARTY, FUNDS]]):
        docs.append(extracted(f"{i}.txt", document_graph(f"grouped {i}", claims)))
        if i == 2:
            docs.append(extracted("unreadable.pdf", None, "no text layer"))
    # groups of two: the next group is gathered while the one before it loads
    results = ingest_graphs(db, docs, group=2, progress=lambda r: reported.append(r.path))
    assert [r.path for r in results] == reported == [str(d.path) for d in docs]
    assert [r.outcome for r in results] == ["created"] * 3 + ["failed"] + ["created"] * 2
    assert results[3].detail == "no text layer"
    rel = claim(db, *PARTY)
    assert rel is not None and rel["source_count"] == 2  # the later group updated the earlier claim
