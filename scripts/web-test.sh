#!/usr/bin/env bash
# Browser tests of the web UI: builds web/ and the ui-serve example, starts
# it on a free loopback port, drives Debian's chromium with playwright-core
# (never a downloaded browser), stops the server. Screenshots go to
# web/test-output/. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/web-build.sh

if [ ! -x /usr/bin/chromium ]; then
  echo "== chromium not found: installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi

echo "== cargo build ui-serve"
cargo build --locked -q -p silkway-webui --example ui-serve
server_bin="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/examples/ui-serve"

token() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
SILKWAY_UI_VIEWER_TOKEN="viewer-$(token)"
SILKWAY_UI_ENGINEER_TOKEN="engineer-$(token)"
export SILKWAY_UI_VIEWER_TOKEN SILKWAY_UI_ENGINEER_TOKEN

log="$(mktemp)"
"$server_bin" --bind 127.0.0.1:0 \
  --token "viewer=$SILKWAY_UI_VIEWER_TOKEN" --token "engineer=$SILKWAY_UI_ENGINEER_TOKEN" >"$log" 2>&1 &
server_pid=$!
cleanup() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  SILKWAY_UI_URL="$(grep -o 'http://[0-9.:]*' "$log" | head -n1 || true)"
  [ -n "$SILKWAY_UI_URL" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "ui-serve exited:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$SILKWAY_UI_URL" ]; then
  echo "ui-serve did not report its address within 10 s" >&2
  cat "$log" >&2
  exit 1
fi
export SILKWAY_UI_URL
echo "== browser tests against $SILKWAY_UI_URL"

cd web
rm -rf test-output
node --test --test-concurrency=1 tests/*.test.mjs
echo "== screenshots in web/test-output/"
