"""Who is calling and what their role allows: reader (queries, exports) < editor (ingest,
curation) < admin (keys). The keys themselves are stored by graph/write/keys.py. With
``PACTGRAPH_AUTH`` off (the default for a loopback-only install) every caller acts as a local admin.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

from graph.db import Db
from graph.write import keys
from pactgraph.errors import AuthError, ForbiddenError


class Role(IntEnum):
    """The roles of graph/write/keys.py (``keys.ROLES``, weakest first); a higher one admits more."""

    reader = 1
    editor = 2
    admin = 3


@dataclass(frozen=True)
class Principal:
    name: str
    role: Role


_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an API key (see `pactgraph keys`)")


async def principal(request: Request, key: Annotated[str | None, Depends(_header)]) -> Principal:
    """Who is calling. Async so the common no-auth case costs no thread-pool hop."""
    if not request.app.state.settings.auth_enabled:
        return Principal("local", Role.admin)
    if not key:
        raise AuthError("send an API key in the X-API-Key header")
    db: Db = request.app.state.db
    found = await run_in_threadpool(keys.lookup, db, key)
    if found is None:
        raise AuthError("unknown or revoked API key")
    return Principal(found[0], Role[found[1]])


def _admit(who: Principal, role: Role) -> Principal:
    if who.role < role:
        raise ForbiddenError(f"this needs the {role.name} role; your key has {who.role.name}")
    return who


def require(role: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that admits callers holding ``role`` or a higher one."""

    async def check(who: Annotated[Principal, Depends(principal)]) -> Principal:
        return _admit(who, role)

    return check


ReaderDep = Annotated[Principal, Depends(require(Role.reader))]
EditorDep = Annotated[Principal, Depends(require(Role.editor))]
AdminDep = Annotated[Principal, Depends(require(Role.admin))]
