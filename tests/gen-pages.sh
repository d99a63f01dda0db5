#!/usr/bin/env bash
# Generate a crate from every method page under a directory, then build, test,
# lint and document it with warnings denied.
#
#   tests/gen-pages.sh [PAGES_DIR] [OUT_DIR]
#
# PAGES_DIR defaults to tests/fixtures/pages (the real and reconstructed pages
# kept in this repository); any directory of pages works, `../shared` too.
# OUT_DIR defaults to target/gen-pages/<name of PAGES_DIR>/crate. The generated
# crate gets the workspace's Cargo.lock (same dependency versions) and builds
# into target/gen-pages/target.
# Exit status: non-zero if generation reports a page error or the crate fails
# to build, test, lint or document without warnings.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-$root/tests/fixtures/pages}"
out="${2:-$root/target/gen-pages/$(basename "$pages")/crate}"
target="$root/target/gen-pages/target"

# The generation report goes to a file beside the crate (at corpus scale it is
# thousands of lines); on failure it is printed whole, else its summary.
mkdir -p "$(dirname "$out")"
report="$out.report.txt"
if ! cargo run --quiet --manifest-path "$root/Cargo.toml" -p wixgen -- gen --schemas "$pages" --out "$out" --runtime-path "$root/crates/wix-client" >"$report" 2>&1; then
  cat "$report"
  echo "gen-pages: generation failed ($pages)"; exit 1
fi
grep -E "page\(s\) found|^types:|file\(s\) written" "$report" || tail -n 5 "$report"
[ -f "$out/Cargo.lock" ] || cp "$root/Cargo.lock" "$out/Cargo.lock"

export CARGO_TARGET_DIR="$target" RUSTFLAGS=-Dwarnings RUSTDOCFLAGS=-Dwarnings
# The facade and every package crate, every package enabled.
cargo test --manifest-path "$out/Cargo.toml" --workspace --all-features
cargo clippy --manifest-path "$out/Cargo.toml" --workspace --all-targets --all-features -- -D warnings
cargo doc --manifest-path "$out/Cargo.toml" --workspace --all-features --no-deps
echo "gen-pages: ok ($pages -> $out)"
