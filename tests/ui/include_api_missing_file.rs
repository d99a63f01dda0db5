// A path that does not exist (relative to CARGO_MANIFEST_DIR).
wixgen_macros::include_api!("pages/does-not-exist.md");

fn main() {}
