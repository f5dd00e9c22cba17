#!/usr/bin/env bash
# The one test command: installs what a fresh machine lacks, then runs
# formatting, lints, and every unit, integration and doc test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt"
cargo fmt --all --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test (unit, integration, doc)"
cargo test --workspace --locked
