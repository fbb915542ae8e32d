"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import DbDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(db: DbDep) -> dict[str, str]:
    """Ready when Neo4j answers a query."""
    db.read("ping")
    return {"status": "ok"}
