#!/usr/bin/env bash
# Validates silkway's STAC API with stac-api-validator (PyPI, pinned) against
# the whole service, `silkway serve`, on a fresh SQLite database holding the
# built-in scenario and deterministic SPOT-like scenes (loaded first by the
# catalog's stac-serve example into the same file). The transaction checks
# write with an engineer's token (`silkway admin create-token`), as the
# server requires. Exits non-zero on any validator error.
#
# Offline: the validator's schema downloads are answered locally by
# scripts/stac_validate_offline.py (STAC 1.1.0 core + GeoJSON schemas from the
# pystac wheel; STAC *extension* schemas are not on any reachable registry and
# are accepted unvalidated -- the run lists each one as "offline-schema:").
#
# Usage: scripts/stac-validate.sh [PORT]      (default port 18931)
# Env:   SILKWAY_STAC_VALIDATOR_VENV  venv to install the validator into
#        SILKWAY_TEST_POSTGRES_URL   not used: the validator runs on SQLite
set -euo pipefail
cd "$(dirname "$0")/.."

VALIDATOR_VERSION=0.6.8
PORT="${1:-18931}"
VENV="${SILKWAY_STAC_VALIDATOR_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/silkway/stac-api-validator-$VALIDATOR_VERSION}"

echo "== stac-api-validator $VALIDATOR_VERSION (venv $VENV)"
if ! "$VENV/bin/python" -c "import stac_api_validator, importlib.metadata as m; assert m.version('stac-api-validator') == '$VALIDATOR_VERSION'" 2>/dev/null; then
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" 2>/dev/null; then
    echo "python3 venv support missing: installing python3-venv from Debian"
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null
    else
      sudo apt-get update -qq && sudo apt-get install -y -qq python3-venv >/dev/null
    fi
  fi
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "stac-api-validator==$VALIDATOR_VERSION"
fi

echo "== building silkway and the catalog's sample loader"
cargo build --locked -q -p silkway-cli
cargo build --locked -q -p silkway-catalog --example stac-serve
TARGET="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
BIN="$TARGET/debug/silkway"
SEED_BIN="$TARGET/debug/examples/stac-serve"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
DB="sqlite://$WORK/stac.db"

wait_for() { # URL PID LOG
  for _ in $(seq 1 300); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$1" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$2" 2>/dev/null; then
      echo "server exited:"; cat "$3"; exit 1
    fi
    sleep 0.2
  done
  echo "no answer from $1 within 60 s"; cat "$3"; exit 1
}

echo "== loading 300 sample scenes"
"$SEED_BIN" --bind "127.0.0.1:$PORT" --database "$DB" --items 300 >"$WORK/seed.log" 2>&1 &
SERVER_PID=$!
wait_for "http://127.0.0.1:$PORT/stac/" "$SERVER_PID" "$WORK/seed.log"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

TOKEN="$("$BIN" admin create-token --database "$DB" --org azercosmos --role engineer --name stac-validate 2>"$WORK/admin.log")" \
  || { cat "$WORK/admin.log"; exit 1; }

echo "== silkway serve"
"$BIN" serve --bind "127.0.0.1:$PORT" --database "$DB" --public-url "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
ROOT="http://127.0.0.1:$PORT/stac/"
wait_for "$ROOT" "$SERVER_PID" "$WORK/server.log"

# The server refuses catalog writes without an engineer's token.
if [ "$(python3 -c "
import urllib.request, urllib.error, sys
req = urllib.request.Request(sys.argv[1] + 'collections/spot6-7/items', data=b'{}', method='POST', headers={'Content-Type': 'application/json'})
try:
    urllib.request.urlopen(req); print(200)
except urllib.error.HTTPError as e:
    print(e.code)
" "$ROOT")" != 401 ]; then
  echo "an unauthenticated catalog write was not refused with 401"; exit 1
fi

echo "== validating $ROOT"
# A footprint over Baku and the Absheron peninsula for the intersects tests.
GEOMETRY='{"type":"Polygon","coordinates":[[[49.0,39.5],[51.5,39.5],[51.5,41.5],[49.0,41.5],[49.0,39.5]]]}'
set +e
"$VENV/bin/python" scripts/stac_validate_offline.py \
  --root-url "$ROOT" \
  --conformance core \
  --conformance collections \
  --conformance features \
  --conformance item-search \
  --conformance filter \
  --conformance item-search#sort \
  --conformance item-search#fields \
  --conformance features#sort \
  --conformance features#fields \
  --conformance transaction \
  --collection spot6-7 \
  --transaction-collection spot6-7 \
  --fields-nested-property properties.gsd \
  --geometry "$GEOMETRY" \
  --validate-pagination \
  --auth-bearer-token "$TOKEN" \
  >"$WORK/validator.log" 2>&1
STATUS=$?
set -e
cat "$WORK/validator.log"
if [ "$STATUS" -ne 0 ]; then
  echo "stac-api-validator FAILED (exit $STATUS)"
  exit "$STATUS"
fi
echo "stac-api-validator passed"
