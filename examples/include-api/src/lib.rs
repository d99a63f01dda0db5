//! An integrator's crate: Wix API bindings generated at compile time by
//! [`wixgen_macros::include_api!`] from the pages it chooses, with
//! `wixgen-macros` and `wix-client` as its only dependencies.
//!
//! - At the root: the `inbox` package, from the workspace's `schemas/inbox`
//!   (its test calls a generated method against a mock server).
//! - [`fixtures`]: every page under the workspace's `tests/fixtures/pages`
//!   (the README there is an article and is skipped; the `.txt` seeds are not
//!   pages). That this crate builds without warnings under
//!   `cargo clippy -- -D warnings` and `cargo doc` with `-D warnings` is the
//!   check that the expansion of all of them is warning-free.
//!
//! `build.rs` makes Cargo rebuild the crate when a page is added to either
//! directory; changed and removed pages are tracked by the macro itself.

wixgen_macros::include_api!("../../schemas/inbox");

/// The packages of every page under the workspace's `tests/fixtures/pages`.
pub mod fixtures {
    wixgen_macros::include_api!("../../tests/fixtures/pages");
}
