// A page with a schema error: the error names the page, its line and column,
// the parser's message and its hint.
wixgen_macros::include_api!("include_api/schema_error");

fn main() {}
