"""Name similarity for the duplicate queue (pure: rapidfuzz over names and aliases, no database)."""

from __future__ import annotations

import pytest

from graph.read import names_alike
from graph.read.names_alike import Names, alike


def test_equal_similar_and_unlike_names_within_one_coarse_label() -> None:
    found = alike([
        Names("a", "Actor", "Ministry of Internal Affairs of Tajikistan", ("MVD",)),
        Names("b", "Actor", "Tajik Ministry of Internal Affairs"),
        Names("c", "Actor", "Ministry of Public Security of China", ("MPS",)),
        Names("d", "Actor", "Chinese Public Security Ministry", ("mps",)),
        Names("e", "Site", "Ministry of Internal Affairs of Tajikistan"),  # another coarse label
        Names("f", "Actor", "PLA"), Names("g", "Actor", "PLAN"),  # short names count only when equal
    ])
    assert [(m.a, m.b, m.similarity, m.names) for m in found] == [("c", "d", 100, False),
                                                                   ("a", "b", 89, True)]
    assert (found[0].a_text, found[0].b_text) == ("MPS", "mps")
    assert (found[1].a_text, found[1].b_text) == ("Ministry of Internal Affairs of Tajikistan",
                                                  "Tajik Ministry of Internal Affairs")


def test_pairs_are_found_across_chunks_of_the_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names_alike, "CHUNK", 2)
    entities = [Names(f"x{i}", "Site", f"Outpost number {i}") for i in range(5)]
    entities.append(Names("y", "Site", "Outpost number 4"))
    assert [(m.a, m.b) for m in alike(entities, cutoff=100)] == [("x4", "y")]
