#!/usr/bin/env bash
# Extract and score, with ../shared/eval/score.py, three corpora on separate lines: the seed, the
# project's own annotated briefs (corpus/eval, corpus/heldout) and the real articles written by
# others (../shared/corpus/real). Per-document JSON lines go to stderr with --verbose.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="../shared"
[ -f "$shared/eval/score.py" ] || { echo "score_corpus: $shared/eval/score.py not found (clone shared/ beside the repo)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
score() {  # NAME GOLD...: extract each gold's document, print the macro line prefixed with NAME
  local name="$1"; shift
  local args=()
  for gold in "$@"; do
    doc="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$gold")"
    case "$gold" in
      "$shared"/corpus/real/*) doc="$shared/corpus/real/docs/$(basename "$gold" .gold.json).txt" ;;
      "$shared"/*) doc="$shared/$doc" ;;
    esac
    pred="$out/$name-$(basename "$gold" .gold.json).json"
    .venv/bin/pactgraph extract "$doc" > "$pred"
    args+=("$gold" "$pred")
  done
  printf '%-5s ' "$name"
  python3 "$shared/eval/score.py" "${args[@]}" | tail -n 1
}
score seed "$shared/eval/seed.gold.json"
score own corpus/eval/*.gold.json corpus/heldout/*.gold.json
[ -d "$shared/corpus/real/gold" ] && score real "$shared/corpus/real/gold"/*.gold.json
