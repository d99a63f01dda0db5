#!/usr/bin/env bash
# BENCHMARKS.md, measurement 3: `cargo xtask gen` when nothing changed.
#
#   benches/noop-gen.sh                (needs hyperfine)
#
# Brings the checked-in crate up to date once, then times the no-op run (the
# xtask binary already built, so cargo only checks freshness) and proves it
# writes nothing: no file under crates/wix-apis or tests/golden is newer than
# a stamp taken before the timed runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cargo xtask gen >/dev/null 2>&1
stamp="$(mktemp)"
sleep 1
touch "$stamp"
sleep 1
# Through cargo (what a contributor types: cargo checks that the xtask binary
# is fresh first) and the xtask binary alone (the generator's own share).
hyperfine --warmup 2 --runs 20 --export-json "$stamp.json" "cargo xtask gen" "target/debug/xtask gen"
python3 -c "import json,sys; [print(f\"median {r['median']*1000:.0f} ms: {r['command']}\") for r in json.load(open(sys.argv[1]))['results']]" "$stamp.json"
rm -f "$stamp.json"
cargo xtask gen 2>&1 | tail -n 3
changed="$(find crates/wix-apis tests/golden -type f -newer "$stamp" | wc -l)"
echo "files written by the no-op runs: $changed"
rm -f "$stamp"
[ "$changed" -eq 0 ]
