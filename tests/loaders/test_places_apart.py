"""Places that share a name are different entities: a denial about Afghanistan's Wakhan Corridor
never touches a claim about the base in Tajikistan's Wakhan Gorge (issue 12, resolution)."""

from __future__ import annotations

from pathlib import Path

from loaders import extract_path

TAJIK = """SOURCE: https://example.org/tajik-base
TITLE: Tajik parliament approves base
DATE: 2021-10-28

Tajikistan's parliament approved the construction of a Chinese-funded base in the Wakhan Gorge.
"""
AFGHAN = """SOURCE: https://example.org/afghan-denial
TITLE: Taliban deny base
DATE: 2022-01-10

The Taliban denied reports that China is building a base in the Wakhan Corridor of Afghanistan.
"""


def _claims(path: Path) -> dict[tuple[str, str, str], dict]:
    graph = extract_path(path)
    return {(r.source, r.type, r.target): r.properties for r in graph.relationships if r.type != "MENTIONS"}


def test_same_name_in_different_places_stays_apart(tmp_path: Path) -> None:
    (tmp_path / "tajik.txt").write_text(TAJIK, encoding="utf-8")
    (tmp_path / "afghan.txt").write_text(AFGHAN, encoding="utf-8")
    tajik, afghan = _claims(tmp_path / "tajik.txt"), _claims(tmp_path / "afghan.txt")
    tajik_base = {s for s, t, o in tajik if s.startswith("facility:") and t == "LOCATED_IN"}
    afghan_base = {s for s, t, o in afghan if s.startswith("facility:") and t == "LOCATED_IN"}
    assert tajik_base and afghan_base
    assert not tajik_base & afghan_base, "two bases in two countries got one id"
    assert ("facility:wakhan-base", "LOCATED_IN", "region:wakhan") in tajik
    assert any(k[2] == "region:wakhan-corridor" for k in afghan if k[1] == "LOCATED_IN")
    denied = [k for k, props in afghan.items() if props.get("status") == "denied"]
    assert denied and all(k not in tajik for k in denied), "the denial reaches the other base's claims"


def test_hard_wrapped_prose_reads_as_whole_sentences(tmp_path: Path) -> None:
    """Text wrapped at a fixed width (mail, PDF extracts) keeps its sentences whole across lines."""
    one_line = "a Chinese-funded base in the Wakhan Gorge."
    wrapped = TAJIK.replace(one_line, one_line.replace("the Wakhan", "the\nWakhan"))
    assert "the\nWakhan" in wrapped
    (tmp_path / "one-line.txt").write_text(TAJIK, encoding="utf-8")
    (tmp_path / "wrapped.txt").write_text(wrapped, encoding="utf-8")
    assert _claims(tmp_path / "wrapped.txt").keys() == _claims(tmp_path / "one-line.txt").keys()
