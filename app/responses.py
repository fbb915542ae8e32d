"""A JSON response that skips FastAPI's per-field re-validation of large, already-plain results.

Subgraphs are built from Neo4j values already made JSON-ready (graph/subgraph.py), so encoding
them once with the standard library is all that is needed; it keeps the API close to the driver.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse


class PlainJSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def plain_json(content: Any) -> PlainJSON:
    return PlainJSON(content)
