#!/usr/bin/env bash
# BENCHMARKS.md, measurement 4: compile time of the crate generated from a
# 1,000-page corpus, this checkout's generator beside the generator as it was
# when issue 9 started (commit d487d33), in one run.
#
#   benches/compile-time.sh [PAGES] [BASE_COMMIT]     (defaults: 1000 d487d33)
#   RUNS=3 (timed runs of each command), BASE_WIXGEN=path (reuse a built base generator)
#   COMMANDS="check build test" (which of the three to time), NEW_WIXGEN=path (reuse a built generator
#   of this checkout), SHARED_TARGET=1 (one target directory for both outputs: dependencies built once),
#   REUSE_OLD=1 (keep the old output and its target directory from a previous run: the base generator's
#   output does not change, and building it once takes minutes)
#
# For each generator: generate the crate, build its dependencies once, then
# time `cargo check` and `cargo build` (debug) of the generated crates only
# (`cargo clean -p` of them before each run), alternating old and new, with
# /usr/bin/time: wall seconds and peak memory (the largest rustc). Medians are
# printed. Then one `cargo test --no-run` of each (the round-trip tests that
# decode every response type: the cost moved downstream).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-1000}"
base="${2:-d487d33}"
runs="${RUNS:-3}"
commands=" ${COMMANDS:-check build test} "
work="$root/target/bench/compile-$pages"
mkdir -p "$work"
cd "$root"
export CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never

if [ -z "${NEW_WIXGEN:-}" ]; then
  cargo build --quiet --release -p wixgen
  NEW_WIXGEN="$root/target/release/wixgen"
fi
cargo xtask corpus --pages "$pages" --out "$work/corpus"

# The base generator, built from its own commit in a folder of its own.
if [ -z "${BASE_WIXGEN:-}" ]; then
  if [ ! -d "$work/base-src" ]; then
    git worktree add --detach "$work/base-src" "$base"
  fi
  cargo build --quiet --release -p wixgen --manifest-path "$work/base-src/Cargo.toml" --target-dir "$work/base-target"
  BASE_WIXGEN="$work/base-target/release/wixgen"
fi

gen() { # gen NAME WIXGEN LOCKFILE [GEN ARGS...]
  local name="$1" wixgen="$2" lock="$3"; shift 3
  rm -rf "$work/$name/crate"
  # The base generator exits 1 on the corpus's service-plugin pages (issue 8) but writes the rest.
  "$wixgen" gen --schemas "$work/corpus" --out "$work/$name/crate" "$@" >"$work/$name.gen.log" 2>&1 || true
  cp "$lock" "$work/$name/crate/Cargo.lock"
}
if [ -z "${REUSE_OLD:-}" ] || [ ! -f "$work/old/crate/Cargo.toml" ]; then
  gen old "$BASE_WIXGEN" "${BASE_LOCK:-$work/base-src/Cargo.lock}"
fi
# This generator depends on wix-client by version unless told where it is.
gen new "$NEW_WIXGEN" "$root/Cargo.lock" --runtime-path "$root/crates/wix-client"
if [ -n "${SHARED_TARGET:-}" ]; then
  mkdir -p "$work/shared-target"
  for v in old new; do rm -rf "$work/$v/target"; ln -s "$work/shared-target" "$work/$v/target"; done
fi

# The generated crates' package names: old is one crate, new one per package.
crates() {
  if [ -d "$work/$1/crate/packages" ]; then
    echo "-p wix-apis"; for d in "$work/$1/crate/packages"/*/; do echo "-p wix-apis-$(basename "$d" | tr _ -)"; done
  else
    echo "-p wix-apis"
  fi
}
cargo_in() { # cargo_in NAME ARGS...
  local name="$1"; shift
  CARGO_TARGET_DIR="$work/$name/target" cargo "$@" --manifest-path "$work/$name/crate/Cargo.toml"
}
for v in old new; do
  echo "== $v: $(find "$work/$v/crate" -name '*.rs' | xargs cat | wc -l) lines of Rust; building dependencies"
  cargo_in "$v" build --quiet --workspace --all-features
  if [[ "$commands" == *" check "* ]]; then cargo_in "$v" check --quiet --workspace --all-features; fi
done

timed() { # timed NAME LABEL ARGS... -> appends "secs kb" to $work/NAME.LABEL
  local name="$1" label="$2"; shift 2
  # shellcheck disable=SC2046
  cargo_in "$name" clean --quiet $(crates "$name")
  /usr/bin/time -f "%e %M" -o "$work/time.tmp" env CARGO_TARGET_DIR="$work/$name/target" \
    cargo "$@" --quiet --workspace --all-features --manifest-path "$work/$name/crate/Cargo.toml"
  cat "$work/time.tmp" >>"$work/$name.$label"
}
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
rm -f "$work"/{old,new}.{check,build,test}
for _ in $(seq "$runs"); do
  for v in old new; do
    if [[ "$commands" == *" check "* ]]; then timed "$v" check check; fi
    if [[ "$commands" == *" build "* ]]; then timed "$v" build build; fi
  done
done
if [[ "$commands" == *" test "* ]]; then
  for v in old new; do
    timed "$v" test test --no-run
  done
fi
printf '\n%-6s %-22s %12s %14s\n' "output" "command" "median s" "peak RSS MB"
for label in $commands; do
  for v in old new; do
    secs="$(cut -d' ' -f1 "$work/$v.$label" | median)"
    kb="$(cut -d' ' -f2 "$work/$v.$label" | median)"
    cmd="cargo $label"; [ "$label" = test ] && cmd="cargo test --no-run"
    [ "$label" = build ] && cmd="cargo build (debug)"
    printf '%-6s %-22s %12s %14d   (%s run(s))\n' "$v" "$cmd" "$secs" "$((kb / 1024))" "$(wc -l <"$work/$v.$label")"
  done
done
