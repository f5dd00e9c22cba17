#!/usr/bin/env bash
# Browser tests of the web UI against the real server: builds web/ and
# silkway-cli, creates a fresh SQLite database in a temporary folder with
# a viewer, an engineer and an admin token (`silkway admin create-token`,
# which loads the built-in scenario into the empty database), starts
# `silkway serve` on a free loopback port, drives Debian's chromium with
# playwright-core (never a downloaded browser), stops the server.
# Screenshots go to web/test-output/. Exits non-zero on any failure.
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

echo "== cargo build -p silkway-cli"
cargo build --locked -q -p silkway-cli
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
silkway="$target_dir/debug/silkway"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export SILKWAY_DATABASE="sqlite://$work/silkway.db"
make_token() { # role [org]
  "$silkway" admin create-token --org "${2:-az-admin}" --role "$1" --name web-test 2>>"$work/admin.log" ||
    { cat "$work/admin.log" >&2; exit 1; }
}
SILKWAY_UI_VIEWER_TOKEN="$(make_token viewer)"
SILKWAY_UI_ENGINEER_TOKEN="$(make_token engineer)"
SILKWAY_UI_ADMIN_TOKEN="$(make_token admin)"
# The other party of the coordination tests: Iran's administration.
SILKWAY_UI_IR_ENGINEER_TOKEN="$(make_token engineer ir-admin)"
export SILKWAY_UI_VIEWER_TOKEN SILKWAY_UI_ENGINEER_TOKEN SILKWAY_UI_ADMIN_TOKEN SILKWAY_UI_IR_ENGINEER_TOKEN

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
SILKWAY_UI_URL="http://127.0.0.1:$port"
log="$work/serve.log"
"$silkway" serve --bind "127.0.0.1:$port" >"$log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 200); do
  if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
    "$SILKWAY_UI_URL/api/scenario/geojson" 2>/dev/null; then
    ready=1
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "silkway serve exited:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "silkway serve did not answer on $SILKWAY_UI_URL within 20 s" >&2
  cat "$log" >&2
  exit 1
fi
export SILKWAY_UI_URL
echo "== browser tests against silkway serve at $SILKWAY_UI_URL"

cd web
rm -rf test-output
status=0
node --test --test-concurrency=1 tests/*.test.mjs || status=$?
if [ "$status" != 0 ]; then
  echo "== server log (last 40 lines)" >&2
  tail -n 40 "$log" >&2
fi
echo "== screenshots in web/test-output/"
exit "$status"
