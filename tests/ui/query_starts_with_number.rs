// `starts_with` on a number field: `$startsWith` compares text only.
wixgen_macros::include_api!("include_api/queries/query-things.md");

fn main() {
    let _ = things::Thing::SIZE.starts_with("1");
}
