#!/usr/bin/env bash
# Monte Carlo aggregate-interference throughput of `silkway spectrum montecarlo`
# on the example configuration (20 potential interferers, activity 0.3,
# F.699 patterns, free-space path loss), on 1 thread and on all cores.
# Prints events/s; the probability must be identical on every line (same seed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
events="${EVENTS:-1000000}"
cargo build --release -q -p silkway-cli --manifest-path "$root/Cargo.toml"
bin="$root/target/release/silkway"
cfg="$root/crates/spectrum/examples/montecarlo_border.toml"
printf '%-8s %-10s %-14s %-12s %s\n' threads events events_per_s elapsed_s probability
for t in 1 "$(nproc)"; do
  "$bin" spectrum montecarlo "$cfg" --events "$events" --threads "$t" --format json |
    python3 -c 'import json,sys; r=json.load(sys.stdin); print("%-8d %-10d %-14.0f %-12.3f %.6f +- %.6f" % (r["threads"], r["events"], r["events_per_s"], r["elapsed_s"], r["probability"], r["standard_error"]))'
done
