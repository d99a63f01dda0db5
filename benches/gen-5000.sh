#!/usr/bin/env bash
# BENCHMARKS.md, measurement 1: end-to-end `wixgen gen` on a 5,000-page corpus.
#
#   benches/gen-5000.sh [PAGES]        (default 5000; needs hyperfine)
#
# Prints hyperfine's median wall time over fresh writes (output directory
# removed before each run), the peak memory of one run (/usr/bin/time -v), and
# that run's `--timings` line (MB/s and the share of parse, lower, emit,
# format and write).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-5000}"
work="$root/target/bench/gen-$pages"
mkdir -p "$work"
cd "$root"
cargo build --quiet --release -p wixgen
cargo xtask corpus --pages "$pages" --out "$work/corpus"
wixgen="$root/target/release/wixgen"
out="$work/out"
echo "== $pages pages: $(du -sb "$work/corpus" | cut -f1) bytes of pages"
hyperfine --warmup 1 --runs 5 --prepare "rm -rf '$out'" \
  "'$wixgen' gen --schemas '$work/corpus' --out '$out' 2>/dev/null"
rm -rf "$out"
/usr/bin/time -v "$wixgen" gen --schemas "$work/corpus" --out "$out" --timings 2>"$work/run.log" >/dev/null
grep -E "page\(s\) found|^timings:|Elapsed|Maximum resident" "$work/run.log"
