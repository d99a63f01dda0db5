// A page whose whitespace was collapsed onto one line: refused, with the
// command that fetches the real page.
wixgen_macros::include_api!("include_api/collapsed/get-or-create-conversation.md");

fn main() {}
