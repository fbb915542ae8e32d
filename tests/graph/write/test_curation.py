"""Analyst curation against a real Neo4j: decisions hold through re-ingest, merges can be undone,
and every change is in the audit log."""

from __future__ import annotations

import pytest

from graph.db import Db
from graph.write import audit, curation, merging
from graph.write.documents import DocumentStore
from graph.write.writer import claim_id_of
from pactgraph.errors import ConflictError, InputError, NotFoundError
from tests.fixtures import ENTITIES, document_graph
from tests.graph.store_helpers import claim, dump, node_ids

PARTY = ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps")
CN_PARTY = ("gov:cn-mps", "PARTY_TO", "agreement:mvd-mps")
FUNDS = ("agreement:mvd-mps", "FUNDS", "facility:wakhan-base")


def test_a_rename_and_a_removed_alias_survive_re_ingest(db: Db) -> None:
    store = DocumentStore(db)
    store.load(document_graph("one", [PARTY], aliases={"gov:tj-mvd": ["Tajik MVD"]}), key="1")
    curation.rename(db, "gov:tj-mvd", "Tajik Interior Ministry", who="ana", why="house style")
    curation.alias(db, "gov:tj-mvd", "Tajik MVD", remove=True, who="ana", why="ambiguous")
    curation.alias(db, "gov:tj-mvd", "MVD RT", who="ana", why="seen in Russian press")
    store.load(document_graph("two", [PARTY], aliases={"gov:tj-mvd": ["Tajik MVD"]}), key="2")
    node = next(n for n in db.read("store_dump_nodes") if n["id"] == "gov:tj-mvd")
    assert node["props"]["name"] == "Tajik Interior Ministry"
    assert sorted(node["props"]["aliases"]) == sorted([ENTITIES["gov:tj-mvd"][1], "MVD RT"])
    actions = [e["action"] for e in audit.query(db, target="gov:tj-mvd", who="ana")]
    assert actions == ["entity.alias_added", "entity.alias_removed", "entity.renamed"]


def test_a_retracted_claim_does_not_come_back_when_its_documents_are_loaded_again(db: Db) -> None:
    store = DocumentStore(db)
    graph = document_graph("retractable", [PARTY, FUNDS])
    store.load(graph, key="r")
    curation.retract_claim(db, claim_id_of(*PARTY), who="ana", why="misread the source")
    store.delete(graph.nodes[0].id, who="ana")
    store.load(graph, key="r")
    store.load(document_graph("another source", [PARTY]), key="other")
    rel = claim(db, *PARTY)
    assert rel is not None
    assert (rel["status"], rel["retracted"], rel["confidence"]) == ("retracted", True, 0)
    assert rel["retracted_by"] == "ana" and rel["retracted_reason"] == "misread the source"
    assert claim(db, *FUNDS)["status"] == "reported"  # type: ignore[index]


def test_an_asserted_claim_is_manual_support_that_outlives_its_documents(db: Db) -> None:
    store = DocumentStore(db)
    graph = document_graph("source", [PARTY, CN_PARTY])
    store.load(graph, key="s")
    with pytest.raises(InputError, match="may not run"):
        curation.assert_claim(db, "agreement:mvd-mps", "PARTY_TO", "gov:tj-mvd", who="ana", why="x")
    with pytest.raises(NotFoundError):
        curation.assert_claim(db, "gov:nowhere", "PARTY_TO", "agreement:mvd-mps", who="ana", why="x")
    out = curation.assert_claim(db, "gov:cn-mps", "COOPERATES_WITH", "gov:tj-mvd", who="ana",
                                why="joint statement", credibility=2)
    store.delete(graph.nodes[0].id, who="ana")
    rel = claim(db, "gov:cn-mps", "COOPERATES_WITH", "gov:tj-mvd")
    assert rel is not None and rel["claim_id"] == out["claim_id"]
    assert (rel["method"], rel["manual"], rel["status"]) == ("manual", True, "confirmed")
    assert rel["credibility"] == 2
    assert rel["asserted_by"] == "ana" and rel["asserted_reason"] == "joint statement"
    assert rel["confidence"] == 80  # manual witness 0.8 averaged with credibility 2 (0.8)
    assert claim(db, *PARTY) is None  # only the document supported it
    assert {"gov:cn-mps", "gov:tj-mvd"} <= node_ids(db)
    event = audit.query(db, target=out["claim_id"])[0]
    assert (event["action"], event["why"], event["details"]["type"]) == (
        "claim.asserted", "joint statement", "COOPERATES_WITH")


def test_a_merge_moves_everything_holds_through_ingest_and_can_be_undone(db: Db) -> None:
    store = DocumentStore(db)
    store.load(document_graph("tj side", [PARTY, FUNDS]), key="a")
    store.load(document_graph("cn side", [CN_PARTY]), key="b")
    before = dump(db)
    out = merging.merge(db, "gov:tj-mvd", "gov:cn-mps", who="ana", why="test: pretend they are one")
    assert "gov:cn-mps" not in node_ids(db)
    rel = claim(db, *PARTY)
    assert rel is not None and len(rel["evidence_documents"]) == 2 and rel["source_count"] == 2
    survivor = next(n for n in db.read("store_dump_nodes") if n["id"] == "gov:tj-mvd")
    assert ENTITIES["gov:cn-mps"][1] in survivor["props"]["aliases"]
    # a later document about the merged-away id lands on the survivor
    late = document_graph("late cn news", [CN_PARTY])
    store.load(late, key="c")
    assert "gov:cn-mps" not in node_ids(db)
    assert late.nodes[0].id in claim(db, *PARTY)["evidence_documents"]  # type: ignore[index]
    store.delete(late.nodes[0].id, who="ana")
    merging.unmerge(db, out["record"], who="ana", why="they are not one")
    assert dump(db) == before
    with pytest.raises(ConflictError):
        merging.unmerge(db, out["record"], who="ana", why="again")
    actions = [e["action"] for e in audit.query(db, who="ana", action="entity.")]
    assert actions == ["entity.unmerged", "entity.merged"]


def test_unlike_entities_do_not_merge(db: Db) -> None:
    DocumentStore(db).load(document_graph("mixed", [PARTY, FUNDS]), key="m")
    with pytest.raises(ConflictError, match="only like entities"):
        merging.merge(db, "gov:tj-mvd", "facility:wakhan-base", who="ana", why="oops")
