"""The power users' read-only Cypher: refused before it runs unless it can only read.

Three fences: words that never belong in a read (LOAD CSV, admin and schema commands, writing
clauses, CALL … IN TRANSACTIONS, USE) and procedures outside a read-only allowlist are refused
on sight; the server's own EXPLAIN must classify the query as read-only ('r'); and it then runs
in a READ-mode transaction, with a timeout and a row cap, so Neo4j itself rejects any write.
"""

from __future__ import annotations

import re
from typing import Any

from neo4j import unit_of_work
from neo4j.exceptions import ClientError, CypherSyntaxError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from graph.db import Db
from graph.subgraph import plain
from pactgraph.errors import ForbiddenError, InputError, UnavailableError

MAX_QUERY_CHARS = 20_000
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "db.info",
        "db.ping",
        "dbms.components",
    }
)
_FORBIDDEN_WORDS = (
    "LOAD",
    "CREATE",
    "MERGE",
    "DELETE",
    "DETACH",
    "SET",
    "REMOVE",
    "DROP",
    "ALTER",
    "GRANT",
    "REVOKE",
    "DENY",
    "SHOW",
    "START",
    "STOP",
    "TERMINATE",
    "USE",
    "FOREACH",
    "RENAME",
    "ENABLE",
    "DEALLOCATE",
    "REALLOCATE",
    "IMPERSONATE",
    "TRANSACTIONS",
)
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_STRING = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"")
_BACKTICK = re.compile(r"`(?:``|[^`])*`")
_CALL_ANY = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)


def code_only(query: str) -> str:
    """The query with comments, string literals and quoted names blanked, so words are keywords."""
    return _BACKTICK.sub(" `x` ", _STRING.sub(" '' ", _COMMENT.sub(" ", query)))


def screen(query: str) -> None:
    """Refuse (ForbiddenError) what could write, administer or load; InputError for empty/huge input."""
    if not query.strip():
        raise InputError("give a Cypher query", source="query")
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"the query is longer than {MAX_QUERY_CHARS} characters", source="query")
    code = code_only(query)
    words = set(re.findall(r"[A-Za-z_]+", code.upper()))
    bad = sorted(words & set(_FORBIDDEN_WORDS))
    if bad:
        raise ForbiddenError(f"this endpoint only reads; refused because of {', '.join(bad)}")
    for name in _CALL_ANY.findall(code):
        if name.lower() not in READ_PROCEDURES:
            raise ForbiddenError(
                f"procedure {name} is not on the read-only allowlist {sorted(READ_PROCEDURES)}"
            )


def value(v: Any) -> Any:
    """A result value as JSON: nodes, relationships and paths become maps."""
    if isinstance(v, Node):
        return {"element_id": v.element_id, "labels": sorted(v.labels), "properties": value(dict(v))}
    if isinstance(v, Relationship):
        return {
            "element_id": v.element_id,
            "type": v.type,
            "start": v.start_node.element_id if v.start_node else None,
            "end": v.end_node.element_id if v.end_node else None,
            "properties": value(dict(v)),
        }
    if isinstance(v, Path):
        return {"nodes": [value(n) for n in v.nodes], "relationships": [value(r) for r in v.relationships]}
    if isinstance(v, dict):
        return {k: value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [value(x) for x in v]
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, float) and v != v:  # NaN is not JSON
        return None
    return plain(v)


def run_read_only(
    db: Db, query: str, params: dict[str, Any], *, timeout: float, max_rows: int
) -> dict[str, Any]:
    """Screen, EXPLAIN (must be 'r'), then run in a READ transaction; at most ``max_rows`` rows."""
    screen(query)

    def work(tx: Any) -> dict[str, Any]:
        plan = tx.run("EXPLAIN " + query, params).consume()
        if plan.query_type != "r":
            raise ForbiddenError(f"Neo4j classifies this query as {plan.query_type!r}, not read-only ('r')")
        result = tx.run(query, params)
        keys = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append([value(x) for x in record.values()])
        return {"columns": keys, "rows": rows, "truncated": truncated}

    try:
        with db.driver.session(database=db.database, default_access_mode="READ") as session:
            return session.execute_read(unit_of_work(timeout=timeout)(work))
    except (ServiceUnavailable, SessionExpired) as exc:
        raise UnavailableError(f"Neo4j is unreachable: {type(exc).__name__}") from exc
    except CypherSyntaxError as exc:
        raise InputError(f"Cypher syntax error: {exc.message}", source="query") from exc
    except ClientError as exc:
        code = exc.code or ""
        if "AccessMode" in code or "Forbidden" in code or "Security" in code:
            raise ForbiddenError(f"refused by Neo4j: {exc.message}") from exc
        if "TransactionTimedOut" in code or "Terminated" in code:
            raise InputError(f"the query took longer than {timeout:g}s; narrow it", source="query") from exc
        raise InputError(f"Neo4j rejected the query: {exc.message}", source="query") from exc
