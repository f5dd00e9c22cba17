#!/usr/bin/env bash
# Load test of `silkway serve` on loopback with wrk (Debian's `wrk`,
# installed when missing): requests/s, p99 latency and errors for
#   1. listing satellites     GET /api/satellites
#   2. fetching one resource  GET /api/assignments/az-baku-uplink-6g
#   3. catalog search         GET /stac/search (bbox + datetime + sort, ITEMS archive scenes)
#   4. a pass query           POST /api/analyses/orbit/passes (SPOT 6 over Baku, one day)
# against a fresh SQLite database with the built-in caspian scenario, the
# catalog's sample archive loaded first by the catalog's stac-serve example
# into the same database.
# Any non-2xx response or socket error fails the run.
#
#   bash bench/server/run.sh            # release build, 4 connections, 10 s each
#   DURATION=30s CONNECTIONS=16 bash bench/server/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
PORT=${PORT:-18781}
BIN=${BIN:-target/release/silkway}

if ! command -v wrk >/dev/null; then
  echo "wrk not found: installing Debian's wrk"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
[ -x "$BIN" ] || cargo build --release -p silkway-cli
SEED_BIN=${SEED_BIN:-target/release/examples/stac-serve}
[ -x "$SEED_BIN" ] || cargo build --release -p silkway-catalog --example stac-serve
ITEMS=${ITEMS:-10000}

work=$(mktemp -d)
# Load the sample archive (ITEMS scenes) into the database, then stop.
"$SEED_BIN" --bind "127.0.0.1:$((PORT + 1))" --database "sqlite://$work/bench.db" --items "$ITEMS" >/dev/null 2>&1 &
seed=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$((PORT + 1))/stac/" >/dev/null && break; sleep 0.2; done
kill -TERM $seed; wait $seed 2>/dev/null || true
"$BIN" serve --bind "127.0.0.1:$PORT" --database "sqlite://$work/bench.db" >"$work/out.log" 2>"$work/err.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
LUA

token=$(grep -o 'swt_[A-Za-z0-9_]*' "$work/err.log" | head -1)
cat "$work/report.lua" >"$work/passes.lua"
cat >>"$work/passes.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = '{"satellites": ["spot-6"], "stations": [{"name": "Baku", "lat_deg": 40.41, "lon_deg": 49.87}], "start": "2026-05-31T00:00:00Z", "end": "2026-06-01T00:00:00Z", "min_elevation_deg": 10}'
LUA

failed=0
run() { # label script path
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$2" "http://127.0.0.1:$PORT$3" | grep '^RESULT')
  echo "$1  ${line#RESULT }"
  case "$line" in *"errors=0") ;; *) failed=1 ;; esac
}
run "GET /api/satellites" "$work/report.lua" "/api/satellites"
run "GET /api/assignments/az-baku-uplink-6g" "$work/report.lua" "/api/assignments/az-baku-uplink-6g"
run "GET /stac/search (bbox+datetime+sortby, $ITEMS items)" "$work/report.lua" \
  "/stac/search?bbox=44,38,52,43&datetime=2025-01-01T00:00:00Z/..&sortby=-properties.datetime&limit=10"
run "POST /api/analyses/orbit/passes (SPOT 6, Baku, 1 day)" "$work/passes.lua" "/api/analyses/orbit/passes"
exit $failed
