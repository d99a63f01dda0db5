#!/usr/bin/env bash
# BENCHMARKS.md, measurement 1: end-to-end `wixgen gen` on a 5,000-page corpus.
#
#   benches/gen-5000.sh [PAGES]        (default 5000; needs hyperfine and python3)
#
# Four cases, medians of 5 runs each, side by side in one run:
#   - into a new directory (every file created): one new directory per run;
#   - into the previous output when nothing changed (every file read and
#     compared, none written);
#   - the same two with a warm format cache (`--format-cache`: files whose
#     code did not change are not formatted again; filled by one run before).
# Then one run under /usr/bin/time -v for peak memory, with `--timings` (MB/s
# and the share of parse, lower, emit, format and write), without and with
# the cache.
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
# The previous run's output directories go first. ext4 does not hand out an
# inode freed less than about 30 s ago while it can find another, and with
# thousands just freed its search for a free one costs seconds of kernel
# time (`recently_deleted` in the inode allocator): the first case below
# measured that rather than the generator (5.12 s against 4.62 s into a new
# directory, 2026-12-07, write stage 0.92 s against 0.51 s). So wait it out.
if compgen -G "$work/out-*" >/dev/null; then
  rm -rf "$work"/out-*
  sync
  sleep 35
fi
rm -rf "$work/format-cache"
wixgen="$root/target/release/wixgen"
cache="$work/format-cache"
echo "== $pages pages: $(du -sb "$work/corpus" | cut -f1) bytes of pages"
hyperfine --runs 1 --parameter-scan run 1 5 --export-json "$work/new.json" \
  "'$wixgen' gen --schemas '$work/corpus' --out '$work/out-{run}' 2>/dev/null" >/dev/null
"$wixgen" gen --schemas "$work/corpus" --out "$work/out-cache-0" --format-cache "$cache" 2>/dev/null
hyperfine --runs 1 --parameter-scan run 1 5 --export-json "$work/new-cached.json" \
  "'$wixgen' gen --schemas '$work/corpus' --out '$work/out-cache-{run}' --format-cache '$cache' 2>/dev/null" >/dev/null
hyperfine --runs 5 --export-json "$work/same.json" \
  "'$wixgen' gen --schemas '$work/corpus' --out '$work/out-1' 2>/dev/null" \
  "'$wixgen' gen --schemas '$work/corpus' --out '$work/out-1' --format-cache '$cache' 2>/dev/null" >/dev/null
python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
def times(path, i=None):
    results = json.load(open(path))["results"]
    if i is not None:
        results = [results[i]]
    return [t for r in results for t in r["times"]]
for label, ts in [
    ("into a new directory, no cache", times(f"{work}/new.json")),
    ("into a new directory, warm format cache", times(f"{work}/new-cached.json")),
    ("into the previous output, nothing changed, no cache", times(f"{work}/same.json", 0)),
    ("into the previous output, nothing changed, warm format cache", times(f"{work}/same.json", 1)),
]:
    print(f"{label}: median {statistics.median(ts):.2f} s (min {min(ts):.2f}, max {max(ts):.2f}, {len(ts)} runs)")
PY
/usr/bin/time -v "$wixgen" gen --schemas "$work/corpus" --out "$work/out-time" --timings 2>"$work/run.log" >/dev/null
echo "-- no cache:"
grep -E "page\(s\) found|^timings:|Elapsed|Maximum resident" "$work/run.log"
/usr/bin/time -v "$wixgen" gen --schemas "$work/corpus" --out "$work/out-time-cached" --timings --format-cache "$cache" 2>"$work/run-cached.log" >/dev/null
echo "-- warm format cache:"
grep -E "format cache|^timings:|Elapsed|Maximum resident" "$work/run-cached.log"
