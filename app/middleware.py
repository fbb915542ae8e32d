"""Request size limit (413 as problem details) and a log filter that never prints credentials."""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.problems import problem


class BodyTooLarge(Exception):
    pass


class SizeLimit:
    """Refuse bodies over the app's ``max_request_bytes`` setting: by Content-Length up front, or
    while a chunked body streams."""

    def __init__(self, app: ASGIApp, default_max: int = 25 * 1024 * 1024) -> None:
        self.app, self.max_bytes = app, default_max

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = coding = None
        for name, value in scope["headers"]:  # ASGI header names are lower-case
            if name == b"content-length":
                length = value
            elif name == b"transfer-encoding":
                coding = value
        if length is None and coding is None:
            # no body to count (RFC 9112 6.3): the common GET takes no wrappers at all
            await self.app(scope, receive, send)
            return
        settings = getattr(getattr(scope.get("app"), "state", None), "settings", None)
        if settings is not None:
            self.max_bytes = settings.max_request_bytes
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge
            return message

        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem(
            413, "Request too large", f"send at most {self.max_bytes} bytes", scope.get("path", "")
        )
        await response(scope, receive, send)


class RedactSecrets(logging.Filter):
    """Replace every known secret (the Neo4j password) in a log record with ``***``."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 4]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(s in message for s in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "neo4j", "pactgraph", "pactgraph.api")


def install_redaction(secrets: list[str]) -> RedactSecrets:
    """Attach the filter to the loggers and their handlers the service writes through."""
    flt = RedactSecrets(secrets)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.addFilter(flt)
        for handler in logger.handlers:
            handler.addFilter(flt)
    return flt
