#!/usr/bin/env bash
# The whole test suite against a real Neo4j, which the tests provision and start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh dev
bash scripts/ensure-compose.sh
bash scripts/ensure-chromium.sh
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/pactgraph neo4j provision >/dev/null
exec .venv/bin/pytest "$@"
