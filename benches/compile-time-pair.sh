#!/usr/bin/env bash
# BENCHMARKS.md, measurement 7: `cargo build` (debug) of two already generated
# crates side by side (for example the 1,000-page corpus crate of the generator
# before an issue and after it), alternating OLD and NEW, each in its own
# target directory with its dependencies built once beforehand; only the
# generated crates are cleaned before each timed run.
#
#   benches/compile-time-pair.sh OLD_CRATE NEW_CRATE      RUNS=3 (timed runs of each)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="$1" new="$2" runs="${RUNS:-3}"
work="$root/target/bench/compile-pair"
mkdir -p "$work"
export CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never CARGO_PROFILE_DEV_DEBUG=false
dir() { if [ "$1" = old ]; then echo "$old"; else echo "$new"; fi; }
crates() {
  echo "-p wix-apis"; for d in "$(dir "$1")/packages"/*/; do echo "-p wix-apis-$(basename "$d" | tr _ -)"; done
}
cargo_in() { # cargo_in NAME ARGS...
  local name="$1"; shift
  CARGO_TARGET_DIR="$work/$name-target" cargo "$@" --manifest-path "$(dir "$name")/Cargo.toml"
}
for v in old new; do
  [ -f "$(dir "$v")/Cargo.lock" ] || cp "$root/Cargo.lock" "$(dir "$v")/Cargo.lock"
  echo "== $v: $(find "$(dir "$v")" -name '*.rs' -print0 | xargs -0 cat | wc -l) lines of Rust; building once"
  cargo_in "$v" build --quiet --workspace --all-features
done
rm -f "$work"/{old,new}.build
for _ in $(seq "$runs"); do
  for v in old new; do
    # shellcheck disable=SC2046
    cargo_in "$v" clean --quiet $(crates "$v")
    /usr/bin/time -f "%e %M" -o "$work/time.tmp" env CARGO_TARGET_DIR="$work/$v-target" \
      cargo build --quiet --workspace --all-features --manifest-path "$(dir "$v")/Cargo.toml"
    cat "$work/time.tmp" >>"$work/$v.build"
    echo "$v: $(cat "$work/time.tmp") (s, KB)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
for v in old new; do
  printf '%-4s cargo build: median %s s; runs %s\n' "$v" "$(cut -d' ' -f1 "$work/$v.build" | median)" \
    "$(cut -d' ' -f1 "$work/$v.build" | tr '\n' ' ')"
done
