// An enum field compared with a string: `status` takes `ThingStatus` variants.
wixgen_macros::include_api!("include_api/queries/query-things.md");

fn main() {
    let _ = things::Thing::STATUS.eq("ACTIVE");
}
