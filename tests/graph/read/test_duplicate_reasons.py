"""The reasons a pair of entities may or may not be one, from what the graph says around them (pure)."""

from __future__ import annotations

from graph.read.duplicates import _context_reasons


def _row(**given: object) -> dict[str, object]:
    return {"shared": [], "a_in": [], "b_in": [], "nested": False, **given}


def test_one_inside_the_other_and_different_places_tell_against() -> None:
    reasons = _context_reasons(_row(nested=True, a_in=[{"id": "r:1", "name": "Wakhan"}],
                                    b_in=[{"id": "r:2", "name": "Badakhshan"}]))
    assert [(r.kind, r.points, r.text) for r in reasons] == [
        ("different_place", -20, "in different places: Wakhan and Badakhshan"),
        ("nested", -40, "one is located in or part of the other")]


def test_a_shared_place_counts_once_and_long_lists_are_cut() -> None:
    place = {"id": "r:1", "name": "Wakhan"}
    shared = [place, *({"id": f"x:{i}", "name": f"N{i}"} for i in range(7))]
    reasons = _context_reasons(_row(shared=shared, a_in=[place], b_in=[place]))
    assert [(r.kind, r.points, r.text) for r in reasons] == [
        ("shared_neighbours", 30, "7 shared neighbours: N0, N1, N2, N3, N4 and 2 more"),
        ("same_place", 15, "both in Wakhan")]
