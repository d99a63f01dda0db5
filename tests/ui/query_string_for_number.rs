// A string compared with a number field: `size` holds an integer.
wixgen_macros::include_api!("include_api/queries/query-things.md");

fn main() {
    let _ = things::Thing::SIZE.eq("5");
}
