//! The `serde` feature: the lowering output serialises, with the shapes its
//! attributes give (upper-case verbs, path segments tagged by kind).

mod common;

use common::*;

#[test]
fn the_lowering_output_serialises_with_tagged_path_segments() {
    let out = lower_fixtures(&["get-or-create-conversation.md"]);
    let json = serde_json::to_value(&out).expect("the lowering output serialises");
    let method = &json["api"]["packages"][0]["services"][0]["methods"][0];
    assert_eq!(method["name"], "GetOrCreateConversation");
    assert_eq!(method["http_method"], "POST");
    assert_eq!(
        method["path"],
        serde_json::json!([{ "kind": "literal", "value": "/inbox/v2/conversations" }])
    );
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}
