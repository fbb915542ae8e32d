"""The FastAPI service: link analysis over the Pactgraph graph. OpenAPI docs at /docs."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app import problems
from app.middleware import SizeLimit, install_redaction
from app.routers import ROUTERS
from graph.connection import make_db, target
from graph.db import Db
from graph.read import readq
from graph.read.plans import AsyncReader
from graph.schema import apply_schema
from pactgraph import __version__
from pactgraph.errors import UnavailableError
from pactgraph.process import tune_gc
from pactgraph.settings import Settings, get_settings

log = logging.getLogger("pactgraph.api")


class _SchemaOnce:
    """Apply the schema on the first request that finds Neo4j up, so the API can start first."""

    def __init__(self, db: Db) -> None:
        self.db, self.done, self.lock = db, False, threading.Lock()

    def __call__(self) -> None:
        if self.done:
            return
        with self.lock:
            if not self.done:
                try:
                    apply_schema(self.db)
                except OSError as exc:
                    raise UnavailableError(f"Neo4j is unreachable: {exc}") from exc
                self.done = True


def create_app(settings: Settings | None = None, db: Db | None = None) -> FastAPI:
    """Build the app; tests pass their own ``db``, the server builds one from settings."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        cfg = settings or get_settings()
        own = db is None
        where = target(cfg) if own else None
        handle = db or make_db(where)  # type: ignore[arg-type]
        secrets = [
            where.password if where else None,
            cfg.neo4j_password.get_secret_value() if cfg.neo4j_password else None,
        ]
        install_redaction([s for s in secrets if s])
        app.state.settings, app.state.db = cfg, handle
        # the async driver is made here, inside the loop that serves requests, which owns its sockets
        app.state.reader = AsyncReader(handle.open_async(), handle.database) if handle.open_async else None
        readq.set_timeout(cfg.query_timeout_s)
        app.state.ensure_schema = _SchemaOnce(handle)
        try:
            app.state.ensure_schema()
        except (UnavailableError, OSError) as exc:
            log.warning("Neo4j not reachable at start (%s); will retry on first request", exc)
        except Exception as exc:  # noqa: BLE001 - the driver raises its own unavailable types
            log.warning("schema not applied at start (%s); will retry on first request", exc)
        if own:
            tune_gc(freeze=True)  # the server's process starts here (tests' apps leave it alone)
        yield
        if app.state.reader is not None:
            await app.state.reader.close()
        if own:
            handle.driver.close()

    app = FastAPI(
        title="Pactgraph",
        version=__version__,
        summary="Link analysis over a knowledge graph of security cooperation between states.",
        lifespan=lifespan,
    )
    problems.install(app)
    app.add_middleware(SizeLimit)
    for router in ROUTERS:
        app.include_router(router)
    return app
