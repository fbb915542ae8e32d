#!/usr/bin/env bash
# Extract the seed and every annotated document (corpus/eval, corpus/heldout) and score them all
# with ../shared/eval/score.py: one JSON line per document, then the macro averages.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="../shared"
[ -f "$shared/eval/score.py" ] || { echo "score_corpus: $shared/eval/score.py not found (clone shared/ beside the repo)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
args=()
for gold in "$shared/eval/seed.gold.json" corpus/eval/*.gold.json corpus/heldout/*.gold.json; do
  doc="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$gold")"
  case "$gold" in "$shared"/*) doc="$shared/$doc" ;; esac
  pred="$out/$(basename "$gold" .gold.json).json"
  .venv/bin/pactgraph extract "$doc" > "$pred"
  args+=("$gold" "$pred")
done
python3 "$shared/eval/score.py" "${args[@]}" "$@"
