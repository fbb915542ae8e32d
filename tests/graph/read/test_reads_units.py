"""Pure parts of the read side: filter validation, statements and their slots, the Cypher screen,
export helpers."""

from __future__ import annotations

import pytest

from graph import export, queries
from graph.read import cypher_guard
from graph.read.readq import Filters
from pactgraph.errors import InputError


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("types", ["MENTIONS"]),
        ("labels", ["Planet"]),
        ("status", ["retracted"]),
        ("date_from", "2021-02-30"),
        ("date_to", "21-10"),
        ("as_of", "2021-1"),
    ],
)
def test_filters_refuse_what_is_not_in_the_vocabulary_or_not_a_date(field: str, value: object) -> None:
    with pytest.raises(InputError, match=field):
        Filters(**{field: value})


def test_filters_default_to_every_link_type_but_mentions() -> None:
    params = Filters().params()
    assert "MENTIONS" not in params["types"] and "PARTY_TO" in params["types"]
    assert Filters(date_from="2021", as_of="2022-11-21").params()["date_from"] == "2021"


def test_every_read_statement_carries_the_filters_as_written_once() -> None:
    assert queries.out_of_step() == []  # every copy of a shared part equals its source
    for name in ("neighbours_first", "neighbours_step", "paths", "connecting_network",
                 "common_neighbours", "agreements_between", "actor_sites", "timeline"):
        text = queries.statement(name)
        assert "/*<relationship_filter" in text, name
        assert "coalesce(r1.confidence, 50)" in text or "coalesce(r.confidence, 50)" in text, name


def test_path_patterns_name_only_vocabulary_link_types_in_vocabulary_order() -> None:
    asked = Filters(types=["PARTY_TO", "FUNDS"]).link_types
    assert asked == Filters(types=["FUNDS", "PARTY_TO"]).link_types  # one statement text per set
    text = queries.statement("paths_open", link_types=asked)
    assert f"-[:/*link_types*/{asked[0]}|{asked[1]}]-" in text
    assert "MENTIONS" not in queries.statement("paths_open")
    for bad in (("MENTIONS",), ("FUNDS]-(x) DETACH DELETE x //",), ()):
        with pytest.raises(InputError, match="types"):
            queries.statement("paths", link_types=bad)


def test_slots_take_only_vocabulary_names_and_known_selectors() -> None:
    assert "CREATE CONSTRAINT /*label*/Actor_id" in queries.statement("schema_unique_id", label="Actor")
    assert "SHORTEST 1 (a)" in queries.load("paths")  # as written, it runs
    assert queries.statement("paths", selector="ALL SHORTEST").count("/*selector*/ALL SHORTEST") == 1
    for bad in ({"label": "Actor) DETACH DELETE (n"}, {"type": "FUNDS|PARTY_TO"}, {"selector": "ANY 1"}):
        with pytest.raises(ValueError):
            queries.statement("schema_unique_id" if "label" in bad else "paths", **bad)
    with pytest.raises(ValueError, match="needs a type"):
        queries.statement("upsert_relationships")


def test_the_screen_bounds_size_and_nesting_but_leaves_keywords_to_neo4j() -> None:
    cypher_guard.screen("MATCH (n {name: 'CREATE ((('}) // DELETE (((\nRETURN n.name AS `set(((`")
    cypher_guard.screen("RETURN " + "(" * 50 + "NOT " * 50 + "true" + ")" * 50)
    for query in ("   ", "x" * 20_001, "RETURN " + "(" * 101 + "1" + ")" * 101,
                  "RETURN " + "(NOT " * 51 + "true" + ")" * 51, "RETURN 1 /* open"):
        with pytest.raises(InputError):
            cypher_guard.screen(query)


def test_export_dates_and_grades() -> None:
    assert export._full_date("2021-10") == "2021-10-01"
    assert export._full_date("2021") == "2021-01-01"
    assert export._full_date("unknown") is None
    # i2's grade comes from the Admiralty grades, not from confidence alone; a denial is never 1
    a_source = [{"document": "d", "quote": "q", "reliability": "A"}]
    links = [({"confidence": 90, "credibility": 2}, a_source), ({"confidence": 90}, a_source),
             ({"confidence": 99}, []), ({"credibility": 1, "status": "denied"}, a_source)]
    assert [export.grade({"properties": p, "evidence": e}) for p, e in links] == ["1", "2", "3", "3"]
