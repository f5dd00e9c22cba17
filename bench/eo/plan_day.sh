#!/usr/bin/env bash
# A realistic tasking day: 200 requests (crates/eo/testdata/requests/caspian_day.json,
# made by bench/eo/make_requests.py) for SPOT 6 + KazEOSat-1, downlinks to the
# Azercosmos ground station near Baku and the Kazakh EO station in Astana.
# Prints the wall time of the whole command (scenario, contacts, candidates,
# search, independent check, JSON output) and the plan's figures.
#
# Usage: bench/eo/plan_day.sh [MAX_ITERATIONS=3000] [extra silkway flags...]
set -euo pipefail
cd "$(dirname "$0")/../.."
ITER="${1:-3000}"; shift || true
cargo build --release -q -p silkway-cli
mkdir -p bench/eo/out
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
start=$(date +%s.%N)
target/release/silkway eo plan --scenario caspian --requests crates/eo/testdata/requests/caspian_day.json \
  --start 2026-06-01T00:00:00Z --end 2026-06-02T00:00:00Z --sat spot-6 --sat kazeosat-1 \
  --station azercosmos-gcs --station kz-astana-eo --max-iterations "$ITER" --format json "$@" \
  > bench/eo/out/day_plan.json 2> bench/eo/out/day_plan.log
end=$(date +%s.%N)
python3 - "$start" "$end" <<'PY'
import json, sys
p = json.load(open("bench/eo/out/day_plan.json"))
s = p["solver"]
served = sum(1 for r in p["requests"] if r["covered_fraction"] > 0)
full = sum(1 for r in p["requests"] if r["covered_fraction"] > 0.999)
reachable = sum(1 for r in p["requests"] if r["candidates"] > 0)
print(f"wall {float(sys.argv[2]) - float(sys.argv[1]):.2f} s; value {p['value']:.2f} of {p['max_value']:.0f}; "
      f"requests served {served} (fully {full}) of {len(p['requests'])}, {reachable} with a candidate; "
      f"{len(p['acquisitions'])} acquisitions, {len(p['downlinks'])} downlinks, {len(p['contacts'])} contacts; "
      f"{s['candidates']} candidates ({s['candidates_s']:.2f} s), search {s['method']} {s['iterations']} it "
      f"({s['search_s']:.2f} s), check {s['check_s']:.2f} s")
PY
