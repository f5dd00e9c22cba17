#!/usr/bin/env bash
# SPOT5 benchmark: solve every instance with a time limit, check each
# solution with the independent checker, and tabulate our profit against
# the best known (the profit of the reference solution, recomputed: some
# reference headers under-report their own profit).
#
# Usage: bench/eo/run.sh [TIME_LIMIT_S] [DATA_DIR] [SEED]
#   TIME_LIMIT_S  per instance (default 60)
#   DATA_DIR      folder of *.spot and *.spot_sol.txt (default: the
#                 project's shared data, ../shared/data/spot5 beside the repo)
#   SEED          default 0
# Prints a Markdown table on stdout; solver progress goes to bench/eo/out/.
set -euo pipefail
cd "$(dirname "$0")/../.."
LIMIT="${1:-60}"
DATA="${2:-../shared/data/spot5}"
SEED="${3:-0}"
[ -d "$DATA" ] || { echo "no SPOT5 data in $DATA (pass the folder as 2nd argument)" >&2; exit 1; }
cargo build --release -q -p silkway-cli
BIN=target/release/silkway
OUT=bench/eo/out
mkdir -p "$OUT"

echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), shared); time limit ${LIMIT} s; seed ${SEED}; threads $(nproc)"
echo
echo "| instance | kind | photos | best known | ours | ours / best | proven optimal | time (s) | time to best (s) | valid |"
echo "|---|---|---:|---:|---:|---:|---|---:|---:|---|"
for spot in $(ls "$DATA"/*.spot | sort -V); do
  id=$(basename "$spot" .spot)
  ref="$DATA/$id.spot_sol.txt"
  n=$(head -1 "$spot" | tr -d '[:space:]')
  if [ "$id" -gt 1000 ]; then kind=multi; else kind=single; fi
  best=$("$BIN" eo spot5 check "$spot" "$ref" --format json | sed -n 's/.*"profit": \([0-9]*\).*/\1/p')
  start=$(date +%s.%N)
  "$BIN" eo spot5 solve "$spot" --time-limit "$LIMIT" --seed "$SEED" --out "$OUT/$id.spot_sol.txt" \
    --format json > "$OUT/$id.json" 2> "$OUT/$id.log"
  end=$(date +%s.%N)
  ours=$(sed -n 's/.*"profit": \([0-9]*\).*/\1/p' "$OUT/$id.json")
  proven=$(sed -n 's/.*"proven_optimal": \([a-z]*\).*/\1/p' "$OUT/$id.json")
  if "$BIN" eo spot5 check "$spot" "$OUT/$id.spot_sol.txt" > "$OUT/$id.check" 2>&1; then valid=yes; else valid=NO; fi
  ratio=$(awk -v a="$ours" -v b="$best" 'BEGIN { printf "%.2f %%", 100 * a / b }')
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  # First progress line reporting the final profit (solver's own clock).
  tbest=$(grep -m1 "profit $ours " "$OUT/$id.log" | sed -n 's/^\[ *\([0-9.]*\) s\].*/\1/p')
  echo "| $id | $kind | $n | $best | $ours | $ratio | $proven | $secs | ${tbest:-?} | $valid |"
done
