"""API keys with roles: reader (queries, exports) < editor (ingest, curation) < admin (keys).

Keys are random tokens shown once; only their SHA-256 is stored (in Neo4j, as ``:ApiKey``
nodes, outside the entity vocabulary). With ``PACTGRAPH_AUTH`` off (the default for a
loopback-only install) every caller acts as a local admin.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import IntEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from graph.db import Db
from pactgraph.errors import AuthError, ForbiddenError, InputError


class Role(IntEnum):
    reader = 1
    editor = 2
    admin = 3


@dataclass(frozen=True)
class Principal:
    name: str
    role: Role


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(db: Db, name: str, role: str) -> str:
    """Store a new key's hash and return the key itself (the only time it is seen)."""
    if role not in Role.__members__:
        raise InputError(f"role must be one of {list(Role.__members__)}", source="role")
    key = "pg_" + secrets.token_urlsafe(32)
    db.run("api_key_create", hash=hash_key(key), name=name, role=role)
    return key


_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an API key (see `pactgraph keys`)")


def principal(request: Request, key: Annotated[str | None, Depends(_header)]) -> Principal:
    if not request.app.state.settings.auth_enabled:
        return Principal("local", Role.admin)
    if not key:
        raise AuthError("send an API key in the X-API-Key header")
    db: Db = request.app.state.db
    rows = db.read("api_key_lookup", hash=hash_key(key))
    if not rows:
        raise AuthError("unknown or revoked API key")
    return Principal(rows[0]["name"], Role[rows[0]["role"]])


def require(role: Role):  # type: ignore[no-untyped-def]
    """A dependency that admits callers holding ``role`` or a higher one."""

    def check(who: Annotated[Principal, Depends(principal)]) -> Principal:
        if who.role < role:
            raise ForbiddenError(f"this needs the {role.name} role; your key has {who.role.name}")
        return who

    return check


ReaderDep = Annotated[Principal, Depends(require(Role.reader))]
EditorDep = Annotated[Principal, Depends(require(Role.editor))]
AdminDep = Annotated[Principal, Depends(require(Role.admin))]
