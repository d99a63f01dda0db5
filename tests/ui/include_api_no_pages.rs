// A directory without a single `*.md` page.
wixgen_macros::include_api!("include_api/no_pages");

fn main() {}
