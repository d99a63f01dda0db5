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
hyperfine --warmup 2 --runs 20 "cargo xtask gen"
cargo xtask gen 2>&1 | tail -n 3
changed="$(find crates/wix-apis tests/golden -type f -newer "$stamp" | wc -l)"
echo "files written by the no-op runs: $changed"
rm -f "$stamp"
[ "$changed" -eq 0 ]
