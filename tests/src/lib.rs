//! Cross-crate tests of wixgen. The tests live in `tests/tests/`:
//!
//! - `golden.rs`: the checked-in goldens match a fresh rendering of their page;
//! - `trybuild.rs`: the goldens compile (`pass`), and misuse of the generated
//!   API fails to compile with the errors recorded in `ui/*.stderr`;
//! - `checked_in.rs`: `crates/wix-apis` is what `cargo xtask gen` would write;
//! - `one_of_serde.rs`: how generated ONE-OF types decode unusual responses;
//! - `forward_compat.rs`: code written against one generation compiles against
//!   the next after an optional field and an enum value are added;
//! - `install_cli.rs`: `cargo install --path crates/wixgen` into a temporary
//!   root, `wixgen gen` outside the checkout, and the crate builds with only a
//!   `[patch.crates-io]` for `wix-client` (slow on a cold target directory).
//!
//! - the README's Rust examples are doctests of this crate (`ReadmeDoctests`).
//!
//! `gen-pages.sh` generates, builds and tests a crate from a directory of pages
//! (`tests/fixtures/pages` by default).

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// The README's Rust examples, compiled as doctests so the README stays true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
