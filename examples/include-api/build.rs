//! Rebuild when a page is added under a directory `include_api!` reads: the
//! macro's own tracking sees changed and removed pages, not new ones (see the
//! `wixgen-macros` docs). Cargo compares the modification times of everything
//! under a watched directory.

fn main() {
    println!("cargo::rerun-if-changed=../../schemas/inbox");
    println!("cargo::rerun-if-changed=../../tests/fixtures/pages");
    println!("cargo::rerun-if-changed=tests/pages");
}
