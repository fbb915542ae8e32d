"""Admiralty grading and the one formula that turns a claim's support into a 0-100 confidence.

Source reliability (A-F) belongs to a document, information credibility (1-6) to a claim.
Confidence is computed here and nowhere else, and recomputed whenever a claim's support changes.

The formula, in words: each *independent* source (a publisher, else the document itself)
counts with the reliability of its best-graded document; independent sources combine as
independent witnesses, ``support = 1 - Π(1 - w)``. A credibility grade other than 6 ("cannot
be judged") is averaged in; an analyst's manual assertion is one more witness of weight 0.8.
A retracted claim has confidence 0. An ungraded single source scores 50 (the API's default).

Demonstration briefs written for this project (publisher ``SAMPLE_PUBLISHER``, reliability F)
never corroborate real reporting: they count in no independent-source figure, and weigh in a
claim's confidence only when nothing else supports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pactgraph.errors import InputError

#: A completely reliable ... F reliability cannot be judged (treated as a coin toss)
RELIABILITY_WEIGHT: dict[str, float] = {"A": 0.9, "B": 0.75, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
#: 1 confirmed by other sources ... 6 truth cannot be judged (None in the formula)
CREDIBILITY_WEIGHT: dict[int, float | None] = {1: 0.95, 2: 0.8, 3: 0.6, 4: 0.35, 5: 0.15, 6: None}
MANUAL_WEIGHT = 0.8
#: the publisher of the shipped demonstration briefs (corpus/sample/*.meta.yaml)
SAMPLE_PUBLISHER = "Pactgraph sample"
SAMPLE_RELIABILITY = "F"


def is_sample(publisher: str | None) -> bool:
    """Whether a document is one of the project's own demonstration briefs."""
    return (publisher or "").strip().casefold() == SAMPLE_PUBLISHER.casefold()


def check_reliability(grade: str | None, *, source: str = "grade") -> str | None:
    """Return the grade upper-cased, or raise an InputError naming ``source``."""
    if grade is None or grade == "":
        return None
    value = grade.strip().upper()
    if value not in RELIABILITY_WEIGHT:
        raise InputError(f"source reliability must be one of A-F, got {grade!r}", source=source)
    return value


def check_credibility(value: int | str | None, *, source: str = "credibility") -> int | None:
    """Return the credibility as an int 1-6, or raise an InputError naming ``source``."""
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number not in CREDIBILITY_WEIGHT:
        raise InputError(f"information credibility must be 1-6, got {value!r}", source=source)
    return number


@dataclass(frozen=True)
class SupportingDocument:
    """What the formula needs to know about one supporting document."""

    id: str
    publisher: str | None = None
    published: str | None = None
    reliability: str | None = None


@dataclass(frozen=True)
class Support:
    """Derived fields of a claim, written back onto the relationship."""

    source_count: int
    independent_source_count: int
    first_reported: str | None
    last_reported: str | None
    confidence: int


def support(docs: Iterable[SupportingDocument], *, credibility: int | None = None,
            manual: bool = False, retracted: bool = False) -> Support:
    """Counts, first/last reported and confidence of a claim from its supporting documents."""
    unique = {d.id: d for d in docs}
    real = [doc for doc in unique.values() if not is_sample(doc.publisher)]
    best: dict[str, float] = {}
    for doc in real:
        origin = (doc.publisher or "").strip().casefold() or doc.id
        weight = RELIABILITY_WEIGHT[doc.reliability or "F"]
        best[origin] = max(best.get(origin, 0.0), weight)
    independent = len(best)
    if not real and unique:  # only demonstration briefs: they speak as one coin-toss witness
        best[SAMPLE_PUBLISHER] = RELIABILITY_WEIGHT[SAMPLE_RELIABILITY]
    doubt = 1.0
    for weight in best.values():
        doubt *= 1.0 - weight
    if manual:
        doubt *= 1.0 - MANUAL_WEIGHT
    score = 1.0 - doubt if (best or manual) else 0.0
    cred = CREDIBILITY_WEIGHT.get(credibility) if credibility is not None else None
    if cred is not None:
        score = (score + cred) / 2
    dates = sorted(d.published for d in unique.values() if d.published)
    return Support(
        source_count=len(unique),
        independent_source_count=independent,
        first_reported=dates[0] if dates else None,
        last_reported=dates[-1] if dates else None,
        confidence=0 if retracted else round(100 * score),
    )


def combined_status(statuses: Sequence[str]) -> str:
    """A claim's status from all its evidence: reported (or confirmed, or planned) by one source and
    denied by another is "disputed"; otherwise confirmed beats reported beats planned beats denied."""
    found = set(statuses)
    if "denied" in found and found & {"reported", "confirmed", "planned"}:
        return "disputed"
    for status in ("confirmed", "reported", "planned", "denied"):
        if status in found:
            return status
    return "reported"


#: statuses that say the reporting is contested or withdrawn: never the top i2 grade
_DOUBTED = frozenset({"denied", "disputed", "retracted"})  # a claim some source denies
_RELIABILITY_ORDER = "ABCDEF"


def claim_grades(properties: dict[str, Any], evidence: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """What an analyst reads beside a claim: its status, the best reliability (A-F) of its
    sources, its credibility (1-6), its confidence, and the i2 grade these give."""
    grades = [str(e["reliability"]) for e in evidence if e.get("reliability") in RELIABILITY_WEIGHT]
    reliability = min(grades, key=_RELIABILITY_ORDER.index) if grades else None
    credibility = check_credibility(properties.get("credibility"))
    status = str(properties.get("status") or "reported")
    return {"status": status, "reliability": reliability, "credibility": credibility,
            "confidence": properties.get("confidence"),
            "i2_grade": i2_grade(status, reliability, credibility)}


def i2_grade(status: str, reliability: str | None, credibility: int | None) -> str:
    """i2's 1-3 grade from the Admiralty grades: 1 a reliable source (A/B) with confirmed or probably
    true information (1/2); 3 a denied or retracted claim, an unreliable source (D-F, or ungraded)
    or doubtful information (4-5); 2 otherwise."""
    if status in _DOUBTED:
        return "3"
    if reliability in {"A", "B"} and credibility in {1, 2}:
        return "1"
    if reliability in {"A", "B", "C"} and credibility not in {4, 5}:
        return "2"
    return "3"
