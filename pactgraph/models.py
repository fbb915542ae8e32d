"""Typed graph JSON (the interchange format of SCHEMA.md) passed from loaders to graph to app."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pactgraph import vocabulary as vocab

Scalar = str | int | float | bool | None
#: Neo4j stores scalars and homogeneous lists of scalars as properties; nothing nested
PropertyValue = Scalar | list[str] | list[int] | list[float] | list[bool]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
    """The exact sentence (and where it stands) that supports a relationship."""

    document: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _span(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} lies before start {self.start}")
        return self


@lru_cache(maxsize=256)
def _label_problem(labels: tuple[str, ...]) -> str | None:
    """What is wrong with a node's label set, or None (few distinct sets exist, so cached)."""
    unknown = [label for label in labels if label not in vocab.ALL_LABELS]
    if unknown:
        return f"unknown labels {unknown}; expected some of {sorted(vocab.ALL_LABELS)}"
    coarse = [label for label in labels if label in vocab.NODE_LABELS]
    if len(coarse) != 1:
        return f"a node needs exactly one of {list(vocab.NODE_LABELS)}; got {list(labels)}"
    subtypes = vocab.NODE_LABELS[coarse[0]]
    chosen = [label for label in labels if label in subtypes]
    if subtypes and len(chosen) != 1:
        return f"{coarse[0]} needs exactly one subtype of {list(subtypes)}; got {list(labels)}"
    stray = [label for label in labels if label not in subtypes and label != coarse[0]]
    if stray:
        return f"labels {stray} do not belong with {coarse[0]}"
    return None


@lru_cache(maxsize=256)
def _coarse_subtype(labels: tuple[str, ...]) -> tuple[str, str | None]:
    """Coarse label and subtype of a validated label set (few distinct sets exist, so cached)."""
    coarse = vocab.coarse_label(labels)
    assert coarse is not None  # guaranteed by Node's label validator
    return coarse, vocab.subtype_label(labels)


class Node(_Strict):
    id: str = Field(min_length=1)
    labels: list[str]
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, PropertyValue] = Field(default_factory=dict)

    @field_validator("labels")
    @classmethod
    def _labels(cls, labels: list[str]) -> list[str]:
        problem = _label_problem(tuple(labels))
        if problem:
            raise ValueError(problem)
        return labels

    @property
    def coarse(self) -> str:
        label = vocab.coarse_label(self.labels)
        assert label is not None  # guaranteed by the validator
        return label

    @property
    def subtype(self) -> str | None:
        return vocab.subtype_label(self.labels)


class Relationship(_Strict):
    type: str
    source: str = Field(min_length=1)
    target: str = Field(min_length=1)
    properties: dict[str, PropertyValue] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)

    @field_validator("type")
    @classmethod
    def _type(cls, value: str) -> str:
        return vocab.check_type(value)


class GraphDocument(_Strict):
    """A whole extraction result: nodes and the relationships between them."""

    nodes: list[Node] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)

    @model_validator(mode="after")
    def _endpoints(self) -> GraphDocument:
        # (coarse, subtype) per node id, computed once: a node is the end of many relationships
        by_id: dict[str, tuple[str, str | None]] = {}
        for node in self.nodes:
            if node.id in by_id:
                raise ValueError(f"node id {node.id!r} appears twice")
            by_id[node.id] = _coarse_subtype(tuple(node.labels))
        problems: list[str] = []
        types = vocab.RELATIONSHIP_TYPES
        for i, rel in enumerate(self.relationships):
            src, tgt = by_id.get(rel.source), by_id.get(rel.target)
            if src is None or tgt is None:
                missing = rel.source if src is None else rel.target
                problems.append(f"relationships[{i}] {rel.type}: no node with id {missing!r}")
                continue
            allowed_src, allowed_tgt = types[rel.type]
            if src[0] not in allowed_src or tgt[0] not in allowed_tgt:
                problems.append(f"relationships[{i}] {rel.type} may not run {src[0]} -> {tgt[0]}")
            elif (
                rel.type == "LOCATED_IN"
                and tgt[0] == "Actor"
                and tgt[1] not in vocab.LOCATED_IN_ACTOR_SUBTYPES
            ):
                problems.append(f"relationships[{i}] LOCATED_IN may point at a State, not {tgt[1]}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)


def dump_json_ready(model: BaseModel) -> dict[str, Any]:
    """Plain JSON-ready dict of a model (for stdout and files)."""
    return model.model_dump(mode="json")
