#!/usr/bin/env bash
# Generate a crate from every method page under shared/ (seeds and fixtures),
# then build, test and document it with warnings denied.
#
#   tests/gen-shared.sh [SHARED_DIR] [OUT_DIR]
#
# SHARED_DIR defaults to ../shared beside the repository, OUT_DIR to
# target/gen-shared/crate. The generated crate gets the workspace's Cargo.lock
# (same dependency versions) and builds into target/gen-shared/target.
# Exit status: non-zero if generation reports a page error or the crate fails
# to build, test or document without warnings.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared}"
out="${2:-$root/target/gen-shared/crate}"
target="$root/target/gen-shared/target"

cargo run --quiet --manifest-path "$root/Cargo.toml" -p wixgen -- gen --schemas "$shared" --out "$out"
[ -f "$out/Cargo.lock" ] || cp "$root/Cargo.lock" "$out/Cargo.lock"

export CARGO_TARGET_DIR="$target" RUSTFLAGS=-Dwarnings RUSTDOCFLAGS=-Dwarnings
cargo test --manifest-path "$out/Cargo.toml"
cargo clippy --manifest-path "$out/Cargo.toml" --all-targets -- -D warnings
cargo doc --manifest-path "$out/Cargo.toml" --no-deps
echo "gen-shared: ok ($out)"
