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
