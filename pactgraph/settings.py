"""Runtime settings, read from the environment (and `.env`) when asked for, never at import."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

#: the repository (or installed project) root: var/ and corpus/ live beside the packages
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Where Neo4j is and how the service behaves.

    With ``NEO4J_URI`` unset, Pactgraph uses the local server it provisions itself
    (``pactgraph neo4j start``) and reads that server's generated password from its home.
    """

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: SecretStr | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")

    home: Path = Field(default=PROJECT_ROOT / "var", validation_alias="PACTGRAPH_HOME")
    bolt_port: int = Field(default=7687, validation_alias="PACTGRAPH_BOLT_PORT")
    http_port: int = Field(default=7474, validation_alias="PACTGRAPH_HTTP_PORT")
    heap: str = Field(default="2g", validation_alias="PACTGRAPH_NEO4J_HEAP")
    pagecache: str = Field(default="2g", validation_alias="PACTGRAPH_NEO4J_PAGECACHE")

    api_host: str = Field(default="127.0.0.1", validation_alias="PACTGRAPH_API_HOST")
    api_port: int = Field(default=8000, validation_alias="PACTGRAPH_API_PORT")
    #: API keys off means every caller is an admin: fine on loopback, not on a shared host
    auth_enabled: bool = Field(default=False, validation_alias="PACTGRAPH_AUTH")
    max_request_bytes: int = Field(default=25 * 1024 * 1024, validation_alias="PACTGRAPH_MAX_REQUEST_BYTES")
    query_timeout_s: float = Field(default=10.0, validation_alias="PACTGRAPH_QUERY_TIMEOUT")
    #: the read-only Cypher console: response size (JSON bytes) and nesting of brackets/NOTs
    cypher_max_bytes: int = Field(default=4 * 1024 * 1024, ge=1024,
                                  validation_alias="PACTGRAPH_CYPHER_MAX_BYTES")
    cypher_max_nesting: int = Field(default=100, ge=1, validation_alias="PACTGRAPH_CYPHER_MAX_NESTING")

    @property
    def neo4j_home(self) -> Path:
        return self.home / "neo4j"

    @property
    def uses_local_server(self) -> bool:
        return not self.neo4j_uri


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, built on first use."""
    return Settings()
