"""API keys (admin only): create (the key is shown once), list, revoke."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field

from app.auth import AdminDep
from app.deps import DbDep
from graph.write import keys

router = APIRouter(prefix="/keys", tags=["keys"])


class KeyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, Field(min_length=1, max_length=100, description="who or what holds the key")]
    role: Literal["reader", "editor", "admin"] = "reader"


@router.post("", status_code=201)
def create(body: KeyRequest, db: DbDep, who: AdminDep) -> dict[str, Any]:
    """A new key; it is returned this once and only its hash is stored."""
    key = keys.create_key(db, body.name, body.role)
    return {"key": key, "id": keys.hash_key(key)[:12], "name": body.name, "role": body.role}


@router.get("")
def list_(db: DbDep, who: AdminDep) -> list[dict[str, Any]]:
    """Every key's id, holder, role, created and revoked dates."""
    return keys.list_keys(db)


@router.delete("/{key_id}")
def revoke(
    db: DbDep,
    who: AdminDep,
    key_id: Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[0-9a-f]+$")],
) -> dict[str, Any]:
    """Revoke a key at once: requests with it get 401 from now on."""
    return {**keys.revoke_key(db, key_id), "revoked": True}
