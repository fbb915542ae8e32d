"""Every error leaves the API as RFC 9457 problem details, mapped here and nowhere else."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from pactgraph.errors import (
    AuthError,
    ConflictError,
    ForbiddenError,
    InputError,
    NotFoundError,
    PactgraphError,
    QueryTimeoutError,
    UnavailableError,
)

log = logging.getLogger("pactgraph.api")

STATUS: list[tuple[type[Exception], int, str]] = [
    (InputError, 422, "Invalid input"),
    (NotFoundError, 404, "Not found"),
    (ConflictError, 409, "Conflict"),
    (AuthError, 401, "Unauthorized"),
    (ForbiddenError, 403, "Forbidden"),
    (UnavailableError, 503, "Graph database unavailable"),
    (QueryTimeoutError, 504, "Query timed out"),
]


def problem(status: int, title: str, detail: str, instance: str, **extra: object) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    headers = {"Retry-After": "5"} if status == 503 else None
    return JSONResponse(body, status_code=status, media_type="application/problem+json", headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(PactgraphError)
    async def _domain(request: Request, exc: PactgraphError) -> JSONResponse:
        for kind, status, title in STATUS:
            if isinstance(exc, kind):
                return problem(status, title, str(exc), request.url.path)
        log.error("unmapped error on %s: %s", request.url.path, exc)
        return problem(500, "Internal error", "the server failed; see its log", request.url.path)

    @app.exception_handler(ServiceUnavailable)
    @app.exception_handler(SessionExpired)
    async def _neo4j_down(request: Request, exc: Exception) -> JSONResponse:
        return problem(
            503,
            "Graph database unavailable",
            "Neo4j cannot be reached right now; retry shortly",
            request.url.path,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        names = ", ".join(".".join(e["loc"]) for e in errors)
        return problem(
            422, "Invalid input", f"check these parameters: {names}", request.url.path, errors=errors
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), str(exc.detail), request.url.path)
