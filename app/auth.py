"""API keys with roles: reader (queries, exports) < editor (ingest, curation) < admin (keys).

Keys are random tokens shown once; only their SHA-256 is stored (in Neo4j, as ``:ApiKey``
nodes, outside the entity vocabulary). With ``PACTGRAPH_AUTH`` off (the default for a
loopback-only install) every caller acts as a local admin.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

from graph.db import Db
from pactgraph.errors import AuthError, ForbiddenError, InputError, NotFoundError


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


_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an API key (see `pactgraph keys`)")


async def principal(request: Request, key: Annotated[str | None, Depends(_header)]) -> Principal:
    """Who is calling. Async so the common no-auth case costs no thread-pool hop."""
    if not request.app.state.settings.auth_enabled:
        return Principal("local", Role.admin)
    if not key:
        raise AuthError("send an API key in the X-API-Key header")
    db: Db = request.app.state.db
    rows = await run_in_threadpool(db.read, "api_key_lookup", hash=hash_key(key))
    if not rows:
        raise AuthError("unknown or revoked API key")
    return Principal(rows[0]["name"], Role[rows[0]["role"]])


def _admit(who: Principal, role: Role) -> Principal:
    if who.role < role:
        raise ForbiddenError(f"this needs the {role.name} role; your key has {who.role.name}")
    return who


def require(role: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that admits callers holding ``role`` or a higher one."""

    async def check(who: Annotated[Principal, Depends(principal)]) -> Principal:
        return _admit(who, role)

    return check


async def authorize(request: Request, role: Role) -> Principal:
    """``require(role)`` as one call, for the routes that take only the request (app/query.py)."""
    return _admit(await principal(request, request.headers.get(_header.model.name)), role)


#: what an operation that needs a key says in OpenAPI (the scheme the dependencies declare)
SECURITY: list[dict[str, list[str]]] = [{_header.scheme_name: []}]


ReaderDep = Annotated[Principal, Depends(require(Role.reader))]
EditorDep = Annotated[Principal, Depends(require(Role.editor))]
AdminDep = Annotated[Principal, Depends(require(Role.admin))]
