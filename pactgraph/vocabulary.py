"""The core graph vocabulary of SCHEMA.md, declared once and checked everywhere.

Loaders validate what they emit against it, the graph layer validates what it writes,
and Cypher templates may only be filled with names that appear here.
"""

from __future__ import annotations

from typing import Final

#: coarse label -> the subtype labels it allows (exactly one must be present when non-empty)
NODE_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "Actor": ("State", "GovernmentBody", "SecurityForce", "Organization", "Person"),
    "Agreement": (),
    "Site": ("Facility", "Region", "Settlement"),
    "Event": ("Exercise", "Meeting", "Construction", "Transfer", "Incident", "Other"),
    "Document": (),
}

#: every label that can be added to an entity (coarse and subtype)
ALL_LABELS: Final[frozenset[str]] = frozenset(
    [*NODE_LABELS, *(s for subs in NODE_LABELS.values() for s in subs)]
)

#: label shared by every non-Document node so one index finds any entity by id
ENTITY_LABEL: Final[str] = "Entity"

_ANY: Final[frozenset[str]] = frozenset(NODE_LABELS)

#: relationship type -> (allowed source coarse labels, allowed target coarse labels)
RELATIONSHIP_TYPES: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "PARTY_TO": (frozenset({"Actor"}), frozenset({"Agreement"})),
    "APPROVED": (frozenset({"Actor"}), frozenset({"Agreement"})),
    "PROVIDES_FOR": (frozenset({"Agreement"}), frozenset({"Event", "Site", "Actor"})),
    "ESTABLISHES": (frozenset({"Agreement", "Actor"}), frozenset({"Actor"})),
    "FUNDS": (frozenset({"Actor", "Agreement"}), frozenset({"Site", "Event", "Actor", "Agreement"})),
    "BUILDS": (frozenset({"Actor"}), frozenset({"Site"})),
    "OPERATES": (frozenset({"Actor"}), frozenset({"Site"})),
    "LOCATED_IN": (frozenset({"Site", "Event", "Actor"}), frozenset({"Site", "Actor"})),
    "PART_OF": (frozenset({"Actor"}), frozenset({"Actor"})),
    "PARTICIPATES_IN": (frozenset({"Actor"}), frozenset({"Event"})),
    "COOPERATES_WITH": (frozenset({"Actor"}), frozenset({"Actor"})),
    "SUPPLIES": (frozenset({"Actor"}), frozenset({"Actor"})),
    "TRAINS": (frozenset({"Actor"}), frozenset({"Actor"})),
    "PUBLISHED": (frozenset({"Actor"}), frozenset({"Document", "Agreement"})),
    "MENTIONS": (frozenset({"Document"}), _ANY),
}

#: relationship types whose direction carries no meaning
SYMMETRIC_TYPES: Final[frozenset[str]] = frozenset({"COOPERATES_WITH"})

#: LOCATED_IN may only point at an Actor when that Actor is a State
LOCATED_IN_ACTOR_SUBTYPES: Final[frozenset[str]] = frozenset({"State"})

#: epistemic status a relationship may carry
#: "disputed": one source reports or confirms a claim and another denies it (set from all its evidence)
STATUSES: Final[tuple[str, ...]] = ("reported", "planned", "denied", "confirmed", "disputed", "retracted")

#: ISO 8601 date precisions used with every date property
DATE_PRECISIONS: Final[tuple[str, ...]] = ("year", "month", "day")


def coarse_label(labels: list[str] | tuple[str, ...]) -> str | None:
    """Return the coarse label (Actor, Agreement, ...) among ``labels``, if any."""
    for label in labels:
        if label in NODE_LABELS:
            return label
    return None


def subtype_label(labels: list[str] | tuple[str, ...]) -> str | None:
    """Return the subtype label (State, Facility, ...) among ``labels``, if any."""
    coarse = coarse_label(labels)
    if coarse is None:
        return None
    for label in labels:
        if label in NODE_LABELS[coarse]:
            return label
    return None


def check_label(name: str) -> str:
    """Return ``name`` if it is a vocabulary label; raise ValueError otherwise."""
    if name not in ALL_LABELS and name != ENTITY_LABEL:
        raise ValueError(f"unknown label {name!r}; expected one of {sorted(ALL_LABELS)}")
    return name


def check_type(name: str) -> str:
    """Return ``name`` if it is a vocabulary relationship type; raise ValueError otherwise."""
    if name not in RELATIONSHIP_TYPES:
        raise ValueError(
            f"unknown relationship type {name!r}; expected one of {sorted(RELATIONSHIP_TYPES)}"
        )
    return name
