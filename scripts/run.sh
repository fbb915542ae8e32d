#!/usr/bin/env bash
# One command from a fresh clone: install, provision and start Neo4j, load the sample corpus,
# serve the API on :8000; Neo4j Browser is on :7474. Ctrl-C stops the API; Neo4j keeps running
# (`.venv/bin/pactgraph neo4j stop` stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/pactgraph up "$@"
