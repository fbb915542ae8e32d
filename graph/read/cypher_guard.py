"""The power users' read-only Cypher, decided with Neo4j's own knowledge rather than text matching.

Before Neo4j sees the query: its size and nesting (brackets and chained NOTs, which overflow
Neo4j's parser and leave it silent for minutes) are bounded by one linear scan, no regex.
Then Neo4j's own ``EXPLAIN`` says what the query is: it must be a read ('r'); its plan may not
load CSV, run administration commands or call a procedure off the allow-list (names as Neo4j
resolved them, however they were quoted); and a non-admin's plan may not touch the internal
labels (API keys, audit events, merge records) nor scan every node (the only way to reach them
unnamed: they have no relationships). The query then runs in a READ transaction with a
server-side timeout, and the same timeout on the client side: a query Neo4j never answers ends
there, its connection killed. Rows are capped in number and in JSON bytes.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from neo4j import READ_ACCESS, AsyncDriver, AsyncManagedTransaction, unit_of_work
from neo4j.exceptions import (
    ClientError,
    CypherSyntaxError,
    Neo4jError,
)
from neo4j.graph import Node, Path, Relationship

from graph.db import plain, unavailable
from pactgraph.errors import ForbiddenError, InputError, QueryTimeoutError

MAX_QUERY_CHARS = 20_000
#: brackets and chained NOTs: Neo4j 5.26's parser hangs from about 400 chained NOTs or 1000 brackets
MAX_NESTING = 100
MAX_ROWS = 1000
MAX_RESPONSE_BYTES = 4 * 1024 * 1024
#: the procedures a reader may call (lower-case, fully qualified)
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
#: labels of the service's own bookkeeping, never entities: only admins may read them
INTERNAL_LABELS = frozenset(
    {"ApiKey", "AuditEvent", "MergeRecord", "Investigation", "InvestigationVersion", "Note"}
)
#: plan operators that produce nodes without naming a label (a non-admin must name one)
UNANCHORED = frozenset(
    {"allnodesscan", "partitionedallnodesscan", "nodebyidseek", "nodebyelementidseek",
     "subtractionnodebylabelsscan"}
)
#: plan operators that are commands, not queries (SHOW TRANSACTIONS lists others' parameters)
_COMMAND_PREFIXES = ("show", "terminate", "create", "drop", "alter", "grant", "deny", "revoke",
                     "start", "stop", "enable", "rename")
_PROCEDURE_OPERATORS = frozenset({"procedurecall", "eagerprocedurecall"})
_INTERNAL = re.compile(r"\b(?:" + "|".join(sorted(INTERNAL_LABELS)) + r")\b")


def screen(query: str, *, max_chars: int = MAX_QUERY_CHARS, max_nesting: int = MAX_NESTING) -> None:
    """Refuse (InputError) an empty, oversized, unterminated or too deeply nested query.

    One pass over the characters, skipping strings, quoted names and comments as Cypher does."""
    if not query.strip():
        raise InputError("give a Cypher query", source="query")
    if len(query) > max_chars:
        raise InputError(f"the query is longer than {max_chars} characters", source="query")
    depth = chained = 0
    nots = [0]  # chained NOTs at each open bracket; ``chained`` is their sum
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c in "'\"`":
            i = _skip_quoted(query, i)
            continue
        if c == "/" and query.startswith("//", i):
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c == "/" and query.startswith("/*", i):
            end = query.find("*/", i + 2)
            if end < 0:
                raise InputError("a /* comment is never closed with */", source="query")
            i = end + 2
            continue
        i += 1
        if c in "([{":
            depth += 1
            nots.append(0)
        elif c in ")]}":
            depth = max(0, depth - 1)
            if len(nots) > 1:
                chained -= nots.pop()
        elif c.isalpha() or c == "_":
            start = i - 1
            while i < n and (query[i].isalnum() or query[i] == "_"):
                i += 1
            if i - start == 3 and query[start:i].upper() == "NOT":
                nots[-1] += 1
                chained += 1
            else:
                chained -= nots[-1]
                nots[-1] = 0
        elif not c.isspace():
            chained -= nots[-1]
            nots[-1] = 0
        if depth + chained > max_nesting:
            raise InputError(
                f"the query nests deeper than {max_nesting} levels (brackets and chained NOTs); "
                "flatten it or pass values as parameters",
                source="query",
            )


def _skip_quoted(query: str, start: int) -> int:
    """The index just after the string or quoted name opening at ``start``."""
    quote = query[start]
    i = start + 1
    while True:
        end = query.find(quote, i)
        if end < 0:
            kind = "quoted name" if quote == "`" else "string"
            raise InputError(f"a {kind} opened with {quote} is never closed", source="query")
        if quote == "`":
            if query.startswith("``", end):  # a doubled backtick is one backtick in the name
                i = end + 2
                continue
            return end + 1
        backslashes = 0
        k = end - 1
        while k > start and query[k] == "\\":
            backslashes += 1
            k -= 1
        if backslashes % 2 == 0:
            return end + 1
        i = end + 1


def operators(plan: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every operator of an EXPLAIN plan as (lower-case name without the @database, details)."""
    stack = [plan]
    while stack:
        op = stack.pop()
        name = str(op.get("operatorType", "")).split("@", 1)[0].lower()
        details = str((op.get("args") or {}).get("Details", ""))
        yield name, details
        stack.extend(op.get("children") or [])


def check_plan(plan: Mapping[str, Any] | None, *, admin: bool) -> None:
    """Refuse (ForbiddenError) what the plan shows the query would do beyond reading entities."""
    if plan is None:
        raise ForbiddenError("Neo4j gave no plan for this query, so it cannot be checked; rephrase it")
    for name, details in operators(plan):
        if name == "loadcsv":
            raise ForbiddenError("LOAD CSV is refused here: this endpoint reads the graph, nothing else")
        if name.startswith("transaction"):  # CALL { ... } IN TRANSACTIONS commits as it goes
            raise ForbiddenError("CALL { ... } IN TRANSACTIONS is refused here: this endpoint only reads")
        if name.startswith(_COMMAND_PREFIXES):
            raise ForbiddenError(f"administration commands are refused here (plan has {name})")
        if name in _PROCEDURE_OPERATORS:
            procedure = details.split("(", 1)[0].strip()
            if procedure.lower() not in READ_PROCEDURES:
                raise ForbiddenError(
                    f"procedure {procedure or '(unknown)'} is not on the read-only allowlist "
                    f"{sorted(READ_PROCEDURES)}"
                )
        if admin:
            continue
        if _INTERNAL.search(details):
            raise ForbiddenError(
                f"the labels {sorted(INTERNAL_LABELS)} are the service's own records; only admins read them"
            )
        if name in UNANCHORED:
            raise ForbiddenError(
                "start every node pattern from a label, e.g. (n:Entity) or (d:Document): "
                "unlabelled node scans and lookups by id are for admins"
            )


def value(v: Any, *, hidden: frozenset[str] = frozenset()) -> Any:
    """A result value as JSON: nodes, relationships and paths become maps. A node carrying one of
    ``hidden`` labels is refused (ForbiddenError)."""
    if isinstance(v, Node):
        if hidden and not hidden.isdisjoint(v.labels):
            raise ForbiddenError("the result holds the service's own records; only admins read them")
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
        return {
            "nodes": [value(n, hidden=hidden) for n in v.nodes],
            "relationships": [value(r) for r in v.relationships],
        }
    if isinstance(v, dict):
        return {k: value(x, hidden=hidden) for k, x in v.items()}
    if isinstance(v, list):
        return [value(x, hidden=hidden) for x in v]
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, float) and v != v:  # NaN is not JSON
        return None
    return plain(v)


async def run_read_only(
    driver: AsyncDriver,
    database: str,
    query: str,
    params: dict[str, Any],
    *,
    timeout: float,
    max_rows: int = MAX_ROWS,
    max_bytes: int = MAX_RESPONSE_BYTES,
    max_nesting: int = MAX_NESTING,
    admin: bool = False,
) -> dict[str, Any]:
    """Screen, EXPLAIN and check the plan, then run in a READ transaction: at most ``max_rows``
    rows and about ``max_bytes`` of JSON (``truncated`` says when more was left), within
    ``timeout`` seconds on the server and on the client (QueryTimeoutError)."""
    screen(query, max_nesting=max_nesting)
    hidden = frozenset() if admin else INTERNAL_LABELS

    async def work(tx: AsyncManagedTransaction) -> dict[str, Any]:
        explained = await (await tx.run("EXPLAIN " + query, params)).consume()  # type: ignore[arg-type]
        if explained.query_type != "r":
            raise ForbiddenError(
                f"Neo4j classifies this query as {explained.query_type!r}, not read-only ('r')"
            )
        check_plan(explained.plan, admin=admin)
        result = await tx.run(query, params)  # type: ignore[arg-type]
        keys = list(result.keys())
        rows: list[list[Any]] = []
        size, truncated = 2, False
        async for record in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            row = [value(x, hidden=hidden) for x in record.values()]
            size += len(json.dumps(row, ensure_ascii=False, default=str)) + 1
            if size > max_bytes:
                truncated = True
                break
            rows.append(row)
        return {"columns": keys, "rows": rows, "truncated": truncated}

    try:
        with unavailable():
            # the client's own clock: Neo4j's timeout does not cover a parser that never answers.
            # Cancelling the driver's work mid-read kills that connection instead of returning it.
            async with asyncio.timeout(timeout + 0.5):
                async with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
                    return await session.execute_read(unit_of_work(timeout=timeout)(work))
    except TimeoutError as exc:
        raise QueryTimeoutError(
            f"the query did not finish within {timeout:g}s and was abandoned; narrow it"
        ) from exc
    except CypherSyntaxError as exc:
        raise InputError(f"Cypher syntax error: {_first_line(exc)}", source="query") from exc
    except ClientError as exc:
        code = exc.code or ""
        if "AccessMode" in code or "Forbidden" in code or "Security" in code:
            raise ForbiddenError(f"refused by Neo4j: {_first_line(exc)}") from exc
        if "ProcedureNotFound" in code:  # what Neo4j does not know is not on the allowlist either
            raise ForbiddenError(
                f"refused: only the read-only procedures {sorted(READ_PROCEDURES)} run here "
                f"({_first_line(exc)})"
            ) from exc
        if "TransactionTimedOut" in code or "Terminated" in code:
            raise QueryTimeoutError(f"the query took longer than {timeout:g}s; narrow it") from exc
        raise InputError(f"Neo4j rejected the query: {_first_line(exc)}", source="query") from exc
    except Neo4jError as exc:  # DatabaseError, TransientError: still about this query
        raise InputError(f"Neo4j could not run the query: {_first_line(exc)}", source="query") from exc


def _first_line(exc: Neo4jError) -> str:
    text = (exc.message or exc.code or type(exc).__name__).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__
