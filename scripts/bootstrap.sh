#!/usr/bin/env bash
# Make .venv (Python 3.11+) and install the project into it; re-install only when pyproject changes.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "bootstrap: Python 3.11 or newer is needed as \$PYTHON or python3 (found: $("$py" --version 2>&1 || echo none))" >&2
  exit 2
fi
for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "bootstrap: '$tool' is missing; install Java 17+ and Maven (Debian: apt-get install openjdk-17-jre-headless maven)" >&2; exit 2; }
done
[ -x .venv/bin/python ] || "$py" -m venv .venv
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)${extras:+-$extras}"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
  touch "$stamp"
fi
