"""The foundation against a real Neo4j: schema, idempotent writes, search and paths."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from graph.db import Db
from graph.read import reads
from graph.schema import apply_schema, constraint_labels
from graph.write.writer import GraphWriter
from pactgraph.errors import NotFoundError
from pactgraph.models import GraphDocument


def small_graph() -> GraphDocument:
    quote = "Tajikistan's Ministry of Internal Affairs"
    ev = {"document": "doc:1", "quote": quote, "start": 0, "end": len(quote)}
    return GraphDocument.model_validate({
        "nodes": [
            {"id": "state:tajikistan", "labels": ["Actor", "State"], "name": "Tajikistan",
             "aliases": ["Таджикистан"]},
            {"id": "gov:tj-mvd", "labels": ["Actor", "GovernmentBody"],
             "name": "Ministry of Internal Affairs of Tajikistan", "aliases": ["Tajik MVD"]},
            {"id": "region:gbao", "labels": ["Site", "Region"],
             "name": "Gorno-Badakhshan Autonomous Oblast", "aliases": ["GBAO", "Gorno-Badakshan"]},
        ],
        "relationships": [
            {"type": "PART_OF", "source": "gov:tj-mvd", "target": "state:tajikistan",
             "evidence": [ev]},
            {"type": "LOCATED_IN", "source": "region:gbao", "target": "state:tajikistan",
             "evidence": [ev]},
        ],
    })


def counts(db: Db) -> tuple[int, int]:
    row = db.read("count_graph")[0]
    return row["nodes"], row["relationships"]


def test_schema_has_a_unique_id_constraint_for_every_label_and_a_fulltext_index(db: Db) -> None:
    apply_schema(db)  # a second application is a no-op
    constraints = {row["label"] for row in db.read("show_constraint_labels")}
    fulltext = [row["name"] for row in db.read("show_fulltext_indexes")]
    assert set(constraint_labels()) <= constraints
    assert fulltext == ["entity_search"]


def test_the_id_constraint_rejects_a_second_node_with_the_same_key(db: Db) -> None:
    db.run("create_bare_node_for_test", id="x")
    with pytest.raises(ConstraintError):
        db.run("create_bare_node_for_test", id="x")


def test_writing_the_same_graph_twice_changes_nothing(db: Db) -> None:
    writer = GraphWriter(db)
    writer.write(small_graph())
    first = counts(db)
    writer.write(small_graph())
    assert counts(db) == first == (3, 2)
    rel = db.read("relationship_evidence")[0]
    assert rel["quotes"] == ["Tajikistan's Ministry of Internal Affairs"]


def test_search_tolerates_a_misspelling_and_finds_aliases(db: Db) -> None:
    GraphWriter(db).write(small_graph())
    hits = reads.search_entities(db, "Gorno Badakhsahn")
    assert hits[0]["id"] == "region:gbao"
    assert reads.search_entities(db, "Таджикистан")[0]["id"] == "state:tajikistan"
    assert reads.search_entities(db, "MVD", label="GovernmentBody")[0]["id"] == "gov:tj-mvd"


def test_shortest_path_explains_each_hop_with_its_quote(db: Db) -> None:
    GraphWriter(db).write(small_graph())
    path = reads.shortest_path(db, "gov:tj-mvd", "region:gbao")
    assert path is not None
    assert [n["id"] for n in path["nodes"]] == ["gov:tj-mvd", "state:tajikistan", "region:gbao"]
    assert [h["type"] for h in path["hops"]] == ["PART_OF", "LOCATED_IN"]
    assert all(h["quotes"] for h in path["hops"])


def test_path_to_an_unknown_entity_is_not_found(db: Db) -> None:
    GraphWriter(db).write(small_graph())
    with pytest.raises(NotFoundError, match="nowhere"):
        reads.shortest_path(db, "gov:tj-mvd", "nowhere")
