#!/usr/bin/env bash
# BENCHMARKS.md, measurement 5: an app that enables one package of the crate
# generated from a 1,000-page corpus compiles that package and no other.
#
#   benches/one-package.sh [PAGES] [FEATURE]      (defaults: 1000 inbox)
#
# Writes an app crate depending on the generated facade with one feature,
# builds its dependencies except wix-apis*, then times `cargo build --timings`
# of the app and lists every wix-apis crate cargo compiled (from cargo's own
# `Compiling` lines). The HTML report of `--timings` is left under the app's
# target/cargo-timings/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-1000}"
feature="${2:-inbox}"
work="$root/target/bench/one-package-$pages"
mkdir -p "$work"
cd "$root"
export CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never
cargo build --quiet --release -p wixgen
cargo xtask corpus --pages "$pages" --out "$work/corpus"
rm -rf "$work/crate"
target/release/wixgen gen --schemas "$work/corpus" --out "$work/crate" --runtime-path "$root/crates/wix-client" >/dev/null 2>&1
app="$work/app"
mkdir -p "$app/src"
cat >"$app/Cargo.toml" <<TOML
[package]
name = "one-package-app"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
wix-apis = { path = "$work/crate", default-features = false, features = ["$feature"] }
wix-client = { path = "$root/crates/wix-client" }

[workspace]
TOML
module="$(echo "$feature" | tr - _)"
first_type="$(grep -m1 -oE 'pub struct [A-Za-z0-9_]+' "$work/crate/packages/$module/src/types.rs" | cut -d' ' -f3)"
cat >"$app/src/main.rs" <<RS
use wix_apis::$module as package;

fn main() {
    println!("{}", std::any::type_name::<package::$first_type>());
}
RS
cp "$root/Cargo.lock" "$app/Cargo.lock"
export CARGO_TARGET_DIR="$app/target"
cargo build --quiet --manifest-path "$app/Cargo.toml" 2>/dev/null || true
cargo clean --quiet --manifest-path "$app/Cargo.toml" -p one-package-app -p wix-apis -p "wix-apis-$feature"
start=$(date +%s.%N)
cargo build --timings --manifest-path "$app/Cargo.toml" 2>"$work/build.log"
end=$(date +%s.%N)
echo "packages in the generated crate: $(ls "$work/crate/packages" | wc -l)"
echo "wix-apis crates compiled by the app's build:"
grep -E "Compiling wix-apis" "$work/build.log" | sed 's/^ */  /'
echo "wix-apis libraries in the app's target directory (every build it ever ran): $(ls "$app"/target/debug/deps/ | grep -cE '^libwix_apis.*\.rlib$')"
echo "app build (wix-apis facade + one package + the app): $(echo "$end - $start" | bc) s"
ls "$app"/target/cargo-timings/cargo-timing-*.html | tail -n 1
