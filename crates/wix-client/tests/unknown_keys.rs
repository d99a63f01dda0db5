//! `__object!` with an `unknown` field: keys the type does not know (and a
//! ONE-OF member after the group's first) are kept, in order, and written
//! back after the known fields; without it they are skipped.

use serde_json::json;
use wix_client::wire::unknown::UnknownKeys;

#[derive(Debug, Clone, PartialEq, Default)]
struct Inner {
    name: Option<String>,
    unknown_keys: UnknownKeys,
}
wix_client::__object!(Inner [] { name: opt = "name" } unknown unknown_keys);
wix_client::__serde_object!(Inner);

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Text(String),
    Inner(Inner),
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Outer {
    kind: Option<Kind>,
    id: Option<String>,
    inner: Option<Inner>,
    site: Option<String>,
    unknown_keys: UnknownKeys,
}
wix_client::__object!(Outer [kind => Kind { Text: opt = "text", Inner: opt = "innerMember" }] {
    id: opt = "id",
    inner: opt = "inner",
} local { site } unknown unknown_keys);
wix_client::__serde_object!(Outer);

#[derive(Debug, Clone, PartialEq, Default)]
struct Plain {
    id: Option<String>,
}
wix_client::__object!(Plain [] { id: opt = "id" });
wix_client::__serde_object!(Plain);

#[test]
fn unknown_keys_at_every_depth_are_kept_and_written_after_the_known_fields() {
    let text = r#"{"zLater":1,"innerMember":{"name":"x","deep":[{"a":null}]},"id":"7","text":"second member","inner":{"more":{"b":2},"name":"n"},"aLater":null}"#;
    let outer: Outer = serde_json::from_str(text).expect("decodes");
    assert_eq!(outer.id.as_deref(), Some("7"));
    let keys: Vec<&str> = outer.unknown_keys.iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["zLater", "text", "aLater"]);
    assert_eq!(outer.unknown_keys.get("text"), Some(&json!("second member")));
    let Some(Kind::Inner(member)) = &outer.kind else {
        panic!("the first member decides: {outer:?}")
    };
    assert_eq!(member.unknown_keys.get("deep"), Some(&json!([{ "a": null }])));
    assert_eq!(outer.inner.as_ref().map(|i| i.unknown_keys.len()), Some(1), "{outer:?}");

    let encoded = serde_json::to_string(&outer).expect("encodes");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&encoded).expect("JSON"),
        serde_json::from_str::<serde_json::Value>(text).expect("JSON")
    );
    assert_eq!(
        encoded,
        r#"{"innerMember":{"name":"x","deep":[{"a":null}]},"id":"7","inner":{"name":"n","more":{"b":2}},"zLater":1,"text":"second member","aLater":null}"#
    );
}

#[test]
fn a_repeated_unknown_key_keeps_its_last_value_once() {
    let inner: Inner = serde_json::from_str(r#"{"a":1,"name":"n","a":2}"#).expect("decodes");
    assert_eq!(inner.unknown_keys.iter().collect::<Vec<_>>(), [("a", &json!(2))]);
}

#[test]
fn unknown_keys_count_in_eq_and_show_in_debug() {
    let bare: Inner = serde_json::from_str(r#"{"name":"n"}"#).expect("decodes");
    let more: Inner = serde_json::from_str(r#"{"name":"n","extra":true}"#).expect("decodes");
    assert_eq!(
        bare,
        Inner {
            name: Some("n".into()),
            ..Default::default()
        }
    );
    assert_ne!(bare, more);
    assert!(format!("{more:?}").contains("extra"));
}

#[test]
fn a_type_without_an_unknown_field_skips_unknown_keys() {
    let plain: Plain = serde_json::from_str(r#"{"id":"1","other":{"x":[1]}}"#).expect("decodes");
    assert_eq!(serde_json::to_string(&plain).expect("encodes"), r#"{"id":"1"}"#);
}

#[test]
fn a_bad_value_of_a_known_field_is_still_an_error() {
    let err = serde_json::from_str::<Outer>(r#"{"extra":1,"id":5}"#).expect_err("id is a string");
    assert!(err.to_string().contains("invalid type"), "{err}");
}
