// A directory without a single `*.md` page.
wixgen_macros::include_api!("../../../../tests/ui/include_api/no_pages");

fn main() {}
