#!/usr/bin/env bash
# Validates silkway's STAC API with stac-api-validator (PyPI, pinned) against
# a live standalone catalog (crates/catalog/examples/stac-serve.rs) seeded
# with deterministic SPOT-like scenes. Exits non-zero on any validator error.
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

echo "== building the standalone catalog"
cargo build --locked -q -p silkway-catalog --example stac-serve
BIN="target/debug/examples/stac-serve"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" --bind "127.0.0.1:$PORT" --database "sqlite://$WORK/stac.db" --items 300 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
ROOT="http://127.0.0.1:$PORT/stac/"
for _ in $(seq 1 100); do
  if "$VENV/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$ROOT" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "stac-serve exited:"; cat "$WORK/server.log"; exit 1
  fi
  sleep 0.2
done

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
  >"$WORK/validator.log" 2>&1
STATUS=$?
set -e
cat "$WORK/validator.log"
if [ "$STATUS" -ne 0 ]; then
  echo "stac-api-validator FAILED (exit $STATUS)"
  exit "$STATUS"
fi
echo "stac-api-validator passed"
