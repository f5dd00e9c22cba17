#!/usr/bin/env bash
# Load test of `silkway serve` on loopback with wrk (Debian's `wrk`,
# installed when missing): requests/s, p99 latency and errors for
#   1. listing satellites     GET /api/satellites
#   2. fetching one resource  GET /api/assignments/az-baku-uplink-6g
# against a fresh SQLite database with the built-in caspian scenario.
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

work=$(mktemp -d)
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

failed=0
for target in "/api/satellites" "/api/assignments/az-baku-uplink-6g"; do
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$work/report.lua" "http://127.0.0.1:$PORT$target" | grep '^RESULT')
  echo "GET $target  ${line#RESULT }"
  case "$line" in *"errors=0") ;; *) failed=1 ;; esac
done
exit $failed
