#!/usr/bin/env bash
# The one test command: installs what a fresh machine lacks, then runs
# formatting, lints, and every unit, integration and doc test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt"
cargo fmt --all --check

echo "== web UI build (embedded by crates/webui at compile time)"
bash scripts/web-build.sh

echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== ITU-R digital maps (installed once, cached in \${SILKWAY_DATA:-~/.local/share/silkway}/itu-maps)"
# ITU forbids redistributing the maps: they come from the itur 0.4.0 wheel on
# PyPI and are converted once into silkway's cache. Quick no-op when present.
if ! cargo run --locked -q -p silkway-cli -- data status --format json | grep -q '"installed": true'; then
  if ! { command -v pip >/dev/null || command -v pip3 >/dev/null || python3 -m pip --version >/dev/null 2>&1; }; then
    echo "pip not found: installing python3-pip from Debian"
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && apt-get install -y -qq python3-pip) >/dev/null
    else
      sudo apt-get update -qq && sudo apt-get install -y -qq python3-pip >/dev/null
    fi
  fi
  cargo run --locked -q -p silkway-cli -- data install itu-maps --from-pypi
fi

echo "== throwaway PostgreSQL for the store's conformance suite"
# The suite also runs against SQLite; here it must run against PostgreSQL
# too, so failing to start it fails the build.
source scripts/pg-throwaway.sh
pg_throwaway_start
trap pg_throwaway_stop EXIT

echo "== cargo test (unit, integration, doc)"
cargo test --workspace --locked

echo "== browser tests (Debian chromium + playwright-core)"
bash scripts/web-test.sh

# ---------------------------------------------------------------------------
# STAC catalog (crates/catalog): stac-api-validator 0.6.8 (PyPI) against the
# whole `silkway serve` (writes with an engineer's token); schema downloads
# answered offline (see the script).
# Needs python3 (+ venv, installed from Debian when missing); about a minute.
echo "== stac-api-validator (scripts/stac-validate.sh)"
bash scripts/stac-validate.sh
