"""Analyst notes against a real Neo4j: on entities, relationships and documents; searchable."""

from __future__ import annotations

import pytest

from graph.db import Db
from graph.write import notes
from graph.write.documents import DocumentStore
from graph.write.writer import claim_id_of
from pactgraph.errors import InputError, NotFoundError
from tests.fixtures import document_graph

PARTY = ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps")


def test_notes_on_each_kind_of_item_listed_and_searched(db: Db) -> None:
    graph = document_graph("one", [PARTY])
    DocumentStore(db).load(graph, key="1")
    document = next(n.id for n in graph.nodes if "Document" in n.labels)
    claim = claim_id_of(*PARTY)
    on_entity = notes.add(db, kind="entity", target="gov:tj-mvd", text="Ask the desk about the MVD",
                          who="ana")
    notes.add(db, kind="relationship", target=claim, text="Second source needed", who="bob")
    notes.add(db, kind="document", target=document, text="Translated from Russian", who="ana")
    assert on_entity["author"] == "ana" and on_entity["at"][:4] >= "2024"
    assert [n["text"] for n in notes.find(db, target="gov:tj-mvd")] == ["Ask the desk about the MVD"]
    assert [n["kind"] for n in notes.find(db, target=claim)] == ["relationship"]
    assert [n["target"] for n in notes.find(db, q="RUSSIAN")] == [document]
    assert len(notes.find(db)) == 3
    notes.delete(db, on_entity["id"])
    assert notes.find(db, target="gov:tj-mvd") == []
    with pytest.raises(NotFoundError):
        notes.delete(db, on_entity["id"])


def test_a_note_needs_an_existing_item_and_some_text(db: Db) -> None:
    DocumentStore(db).load(document_graph("one", [PARTY]), key="1")
    with pytest.raises(NotFoundError):
        notes.add(db, kind="entity", target="gov:nowhere", text="x", who="ana")
    with pytest.raises(NotFoundError):
        notes.add(db, kind="document", target="gov:tj-mvd", text="x", who="ana")  # an entity, not a document
    with pytest.raises(NotFoundError):
        notes.add(db, kind="relationship", target="no-such-claim", text="x", who="ana")
    with pytest.raises(InputError):
        notes.add(db, kind="entity", target="gov:tj-mvd", text="   ", who="ana")
