"""A claim's status comes from all its evidence (issue 12 item 5, issue 15): one document reporting
it and another denying it makes it "disputed"; no document's status overrides another's, and
withdrawing a document recomputes the status from the evidence left. Against a real Neo4j."""

from __future__ import annotations

from graph.db import Db
from graph.write.documents import DocumentStore
from graph.write.grading import combined_status
from graph.write.writer import GraphWriter
from tests.fixtures import document_graph
from tests.graph.store_helpers import claim

FUNDS = ("agreement:mvd-mps", "FUNDS", "facility:wakhan-base")
KEY = "|".join(FUNDS)


def _doc(text: str, status: str):
    return document_graph(text, [FUNDS], properties={KEY: {"status": status}})


def test_reported_then_denied_is_disputed_and_withdrawing_the_denial_restores_it(db: Db) -> None:
    store = DocumentStore(db)
    store.load(_doc("a report of the grant", "reported"), key="report")
    assert claim(db, *FUNDS)["status"] == "reported"
    denial = _doc("a denial of the grant", "denied")
    store.load(denial, key="denial")
    stored = claim(db, *FUNDS)
    assert stored["status"] == "disputed"
    assert sorted(stored["evidence_statuses"]) == ["denied", "reported"]
    store.delete(denial.nodes[0].id, who="ana")
    assert claim(db, *FUNDS)["status"] == "reported"


def test_two_documents_in_one_write_and_in_either_order_give_the_same_status(db: Db) -> None:
    # the batched path combines the documents' statuses before it writes
    db.write(lambda tx: GraphWriter(db).write_many_tx(tx, [_doc("denied first", "denied"),
                                                           _doc("reported second", "reported")]))
    assert claim(db, *FUNDS)["status"] == "disputed"


def test_the_rule_in_words() -> None:
    assert combined_status(["reported", "denied"]) == "disputed"
    assert combined_status(["planned", "denied"]) == "disputed"
    assert combined_status(["denied", "denied"]) == "denied"
    assert combined_status(["reported", "confirmed"]) == "confirmed"
    assert combined_status(["planned", "reported"]) == "reported"
    assert combined_status([]) == "reported"
