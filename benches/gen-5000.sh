#!/usr/bin/env bash
# BENCHMARKS.md, measurement 1: end-to-end `wixgen gen` on a 5,000-page corpus.
#
#   benches/gen-5000.sh [PAGES]        (default 5000; needs hyperfine and python3)
#
# Two cases, medians of 5 runs each:
#   - into a new directory (every file created): one new directory per run;
#   - into the previous output when nothing changed (every file read and
#     compared, none written).
# Then one run under /usr/bin/time -v for peak memory, with `--timings` (MB/s
# and the share of parse, lower, emit, format and write).
# Output directories are not deleted between runs: on ext4, creating thousands
# of files right after deleting thousands costs seconds of kernel time
# (`recently_deleted` in the inode allocator), which is the file system's, not
# the generator's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-5000}"
work="$root/target/bench/gen-$pages"
cd "$root"
cargo build --quiet --release -p wixgen
cargo xtask corpus --pages "$pages" --out "$work/corpus"
rm -rf "$work"/out-*
sync
wixgen="$root/target/release/wixgen"
echo "== $pages pages: $(du -sb "$work/corpus" | cut -f1) bytes of pages"
hyperfine --runs 1 --parameter-scan run 1 5 --export-json "$work/new.json" \
  "'$wixgen' gen --schemas '$work/corpus' --out '$work/out-{run}' 2>/dev/null" >/dev/null
hyperfine --runs 5 --export-json "$work/same.json" \
  "'$wixgen' gen --schemas '$work/corpus' --out '$work/out-1' 2>/dev/null" >/dev/null
python3 - "$work/new.json" "$work/same.json" <<'PY'
import json, statistics, sys
for label, path in [("into a new directory", sys.argv[1]), ("into the previous output, nothing changed", sys.argv[2])]:
    times = [t for r in json.load(open(path))["results"] for t in r["times"]]
    print(f"{label}: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)")
PY
/usr/bin/time -v "$wixgen" gen --schemas "$work/corpus" --out "$work/out-time" --timings 2>"$work/run.log" >/dev/null
grep -E "page\(s\) found|^timings:|Elapsed|Maximum resident" "$work/run.log"
