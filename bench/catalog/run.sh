#!/usr/bin/env bash
# Load test of the STAC catalog's item search: requests/s and p99 latency of
# a bbox + datetime search sorted by -datetime (GET) on 10,000 SPOT-like
# scenes, with wrk (Debian package) against the standalone catalog on
# loopback. Fails if any request errors or answers non-2xx.
#
# Usage: bench/catalog/run.sh [PORT] [DURATION]   (defaults 18932, 20s)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-18932}"
DURATION="${2:-20s}"
ITEMS="${SILKWAY_BENCH_ITEMS:-10000}"
# release (default) or dev: the workspace's dev profile is optimised too (opt-level 1, deps 2)
PROFILE="${SILKWAY_BENCH_PROFILE:-release}"

if ! command -v wrk >/dev/null; then
  echo "wrk not found: installing it from Debian"
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null
  fi
fi

if [ "$PROFILE" = release ]; then
  cargo build --release --locked -q -p silkway-catalog --example stac-serve
  BIN=target/release/examples/stac-serve
else
  cargo build --locked -q -p silkway-catalog --example stac-serve
  BIN=target/debug/examples/stac-serve
fi
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" --bind "127.0.0.1:$PORT" --database "sqlite://$WORK/bench.db" --items "$ITEMS" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT/stac"
for _ in $(seq 1 600); do
  if curl -fs "$BASE/" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done

# Western Caspian shore (Baku to Derbent), one quarter of 2025, newest first.
QUERY="bbox=47.5,39.5,50.5,42.5&datetime=2025-01-01T00:00:00Z/2025-03-31T23:59:59Z&sortby=-properties.datetime&limit=10"
URL="$BASE/search?$QUERY"
RETURNED=$(curl -fs "$URL" | python3 -c "import json,sys; print(json.load(sys.stdin)['numberReturned'])")
echo "== $PROFILE build, $ITEMS items; query returns $RETURNED items on its first page"
echo "== GET $URL"
wrk --latency -t2 -c8 -d"$DURATION" "$URL" | tee "$WORK/wrk.txt"

# Same search through POST with a CQL2 filter (the path that checks every candidate).
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"bbox":[47.5,39.5,50.5,42.5],"datetime":"2025-01-01T00:00:00Z/2025-03-31T23:59:59Z","sortby":[{"field":"properties.datetime","direction":"desc"}],"filter-lang":"cql2-text","filter":"\\"eo:cloud_cover\\" < 30","limit":10}'
LUA
echo "== POST $BASE/search (same + filter eo:cloud_cover < 30)"
wrk --latency -t2 -c8 -d"$DURATION" -s "$WORK/post.lua" "$BASE/search" | tee "$WORK/wrk-post.txt"

for f in "$WORK/wrk.txt" "$WORK/wrk-post.txt"; do
  if grep -qE "Non-2xx|Socket errors" "$f"; then
    echo "FAILED: errors during the load test ($f)"; exit 1
  fi
done
echo "zero errors"
