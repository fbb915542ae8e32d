"""Saved investigations against a real Neo4j: versions, stale saves kept, restore, and a chart
naming merged or deleted entities opening with what still exists."""

from __future__ import annotations

import pytest

from graph.db import Db
from graph.write import investigations as inv
from graph.write import merging
from graph.write.documents import DocumentStore
from graph.write.investigations import ChartNode, ChartState
from pactgraph.errors import NotFoundError
from tests.fixtures import document_graph

PARTY = ("gov:tj-mvd", "PARTY_TO", "agreement:mvd-mps")
CN_PARTY = ("gov:cn-mps", "PARTY_TO", "agreement:mvd-mps")


def _chart(*ids: str, notes: str = "") -> ChartState:
    return ChartState(nodes=[ChartNode(id=i, x=float(n), y=2.0, pinned=n == 0) for n, i in enumerate(ids)],
                      notes=notes, filters={"min_confidence": 40}, hidden_edges=["e1"])


def test_each_save_is_a_version_and_a_stale_one_is_kept_beside_the_newer(db: Db) -> None:
    made = inv.save(db, who="ana", state=_chart("a", notes="first"), name="Wakhan")
    assert made["version"] == 1 and not made["stale"]
    ident = made["id"]
    ana = inv.save(db, who="ana", state=_chart("a", notes="ana's"), investigation=ident, base=1)
    bob = inv.save(db, who="bob", state=_chart("a", notes="bob's"), investigation=ident, base=1)
    assert (ana["version"], ana["stale"]) == (2, False)
    assert (bob["version"], bob["stale"]) == (3, True)
    assert [v["version"] for v in inv.versions(db, ident)] == [3, 2, 1]
    assert inv.open_(db, ident, 2).state.notes == "ana's"
    assert inv.open_(db, ident).state.notes == "bob's"
    restored = inv.restore(db, ident, 1, "ana")
    assert restored["version"] == 4
    again = inv.open_(db, ident)
    assert again.state.notes == "first" and again.state.filters == {"min_confidence": 40}
    assert again.state.hidden_edges == ["e1"] and again.deleted == ["a"]  # no entity "a" here


def test_rename_list_and_delete(db: Db) -> None:
    ident = inv.save(db, who="ana", state=_chart(), name="one")["id"]
    inv.rename(db, ident, "two", "ana")
    assert [(i["id"], i["name"], i["head"]) for i in inv.list_all(db)] == [(ident, "two", 1)]
    inv.delete(db, ident)
    assert inv.list_all(db) == []
    assert db.read("investigation_versions", id=ident) == []
    with pytest.raises(NotFoundError):
        inv.open_(db, ident)
    with pytest.raises(NotFoundError):
        inv.save(db, who="ana", state=_chart(), investigation=ident, base=1)


def test_a_chart_opens_with_what_still_exists_and_says_what_is_gone(db: Db) -> None:
    DocumentStore(db).load(document_graph("one", [PARTY, CN_PARTY]), key="1")
    ident = inv.save(db, who="ana", state=_chart("gov:tj-mvd", "gov:cn-mps", "agreement:mvd-mps",
                                                 "gov:nowhere"), name="merged")["id"]
    merging.merge(db, "gov:tj-mvd", "gov:cn-mps", who="ana", why="test: pretend they are one")
    opened = inv.open_(db, ident)
    assert [n.id for n in opened.state.nodes] == ["gov:tj-mvd", "agreement:mvd-mps"]
    assert opened.merged == [{"id": "gov:cn-mps", "into": "gov:tj-mvd"}]
    assert opened.deleted == ["gov:nowhere"]
