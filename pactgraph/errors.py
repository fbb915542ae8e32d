"""One exception root for Pactgraph; app/ maps these to HTTP problem details in one place."""

from __future__ import annotations


class PactgraphError(Exception):
    """Root of every error the product raises on purpose."""


class InputError(PactgraphError):
    """Bad input from a user: a file, a parameter or a document. The message says what to do."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class NotFoundError(PactgraphError):
    """A named entity, document or claim does not exist."""


class ConflictError(PactgraphError):
    """The request conflicts with the graph's current state."""


class UnavailableError(PactgraphError):
    """Neo4j (or another required service) cannot be reached right now."""


class ProvisioningError(PactgraphError):
    """The local Neo4j server could not be provisioned or started."""


class ForbiddenError(PactgraphError):
    """The caller may not do this (role, or a write through a read-only endpoint)."""


class AuthError(PactgraphError):
    """Missing or unknown API key."""


class QueryTimeoutError(PactgraphError):
    """A query ran past its time limit and was abandoned (the server's or the client's clock)."""


#: characters that break a line or reorder what a terminal shows (controls, line separators,
#: bidirectional overrides and isolates), and the visible escape each one is printed as
_UNSAFE: dict[int, str] = {
    **{c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]},
    0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r",
    **{c: f"\\u{c:04x}" for c in [0x061C, 0x200E, 0x200F, 0x2028, 0x2029,
                                   *range(0x202A, 0x202F), *range(0x2066, 0x206A)]},
}


def one_line(text: str, limit: int = 2000) -> str:
    """``text`` safe to print as one line: line breaks, control and bidi characters escaped."""
    out = text.translate(_UNSAFE)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def failure_line(source: object, exc: BaseException) -> str:
    """One escaped line saying why ``source`` (a file) failed, whatever raised: our own errors keep
    their message; anything else (a parser library, a bug) is named by its type."""
    if isinstance(exc, InputError):
        return one_line(str(exc))
    detail = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return one_line(f"{source}: could not be processed ({what}); the file was skipped, check or re-save it")
