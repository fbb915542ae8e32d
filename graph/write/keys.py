"""API keys in Neo4j: random tokens shown once, stored only as their SHA-256 (``:ApiKey`` nodes,
outside the entity vocabulary), each with a holder and a role. Who may do what with a role is the
API's business (app/auth.py); storing, listing and revoking keys is this module's."""

from __future__ import annotations

import hashlib
import re
import secrets

from graph.db import Db
from pactgraph.errors import InputError, NotFoundError

#: the roles a key may hold, weakest first: reader (queries, exports) < editor (ingest, curation) < admin
ROLES: tuple[str, ...] = ("reader", "editor", "admin")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(db: Db, name: str, role: str) -> str:
    """Store a new key's hash and return the key itself (the only time it is seen)."""
    if role not in ROLES:
        raise InputError(f"role must be one of {list(ROLES)}", source="role")
    key = "pg_" + secrets.token_urlsafe(32)
    db.run("api_key_create", hash=hash_key(key), holder=name, role=role)
    return key


def list_keys(db: Db) -> list[dict[str, str | None]]:
    """Every key's short id, holder, role and dates (never the hash or the key)."""
    return db.read("api_key_list")


def revoke_key(db: Db, key_id: str) -> dict[str, str]:
    """Revoke the one key whose short id (hash prefix, 8+ characters) is ``key_id``."""
    if not re.fullmatch(r"[0-9a-f]{8,64}", key_id):
        raise InputError("give the key's id as `keys list` shows it (8 or more hex digits)", source="id")
    matches = db.read("api_key_match", id=key_id)
    if not matches:
        raise NotFoundError(f"no API key with id {key_id!r}")
    if len(matches) > 1:
        raise InputError(f"{len(matches)} keys start with {key_id!r}; give more of the id", source="id")
    return db.run("api_key_revoke", id=key_id)[0]


def lookup(db: Db, key: str) -> tuple[str, str] | None:
    """The holder and role of an active key, or None when it is unknown or revoked."""
    rows = db.read("api_key_lookup", hash=hash_key(key))
    return (rows[0]["name"], rows[0]["role"]) if rows else None
