"""A JSON response that skips FastAPI's per-field re-validation of large, already-plain results.

Subgraphs are built from Neo4j values already made JSON-ready (graph/read/subgraph.py), so encoding
them once is all that is needed. orjson encodes a neighbourhood about four times faster than the
standard library, which keeps the API close to the bare driver (bench/bench_api.py).
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse

# non-string keys (counts by year, say) become strings as the standard library would make them
_OPTIONS = orjson.OPT_NON_STR_KEYS


class PlainJSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=_OPTIONS)


def plain_json(content: Any) -> PlainJSON:
    return PlainJSON(content)
