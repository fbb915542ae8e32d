#!/usr/bin/env bash
# Make `docker compose` available for validating docker-compose.yml on machines without Docker's
# own packages: build the Compose v2 CLI plugin from the Go module proxy (once; Go caches it).
set -euo pipefail
if docker compose version >/dev/null 2>&1; then exit 0; fi
command -v docker >/dev/null || { echo "ensure-compose: no docker CLI; compose checks will be skipped" >&2; exit 0; }
command -v go >/dev/null || { echo "ensure-compose: no Go toolchain; compose checks will be skipped" >&2; exit 0; }
version="v2.29.7"
GOFLAGS=-mod=mod go install "github.com/docker/compose/v2/cmd@${version}"
mkdir -p "$HOME/.docker/cli-plugins"
cp "$(go env GOPATH)/bin/cmd" "$HOME/.docker/cli-plugins/docker-compose"
docker compose version
