//! `wire` serde helpers: 64-bit integers as JSON strings.

use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Sizes {
    #[serde(with = "wix_client::wire::int64")]
    size: i64,
    #[serde(default, with = "wix_client::wire::option_int64")]
    total: Option<i64>,
    #[serde(default, with = "wix_client::wire::vec_int64")]
    ids: Vec<i64>,
}

#[test]
fn int64_encodes_as_a_string() {
    let value = Sizes {
        size: i64::MAX,
        total: Some(-5),
        ids: vec![1, i64::MIN],
    };
    assert_eq!(
        serde_json::to_value(&value).expect("serialize"),
        json!({
            "size": "9223372036854775807",
            "total": "-5",
            "ids": ["1", "-9223372036854775808"],
        })
    );
}

#[test]
fn int64_decodes_from_a_string_or_a_number() {
    let from_strings: Sizes = serde_json::from_value(json!({
        "size": "9223372036854775807", "total": "7", "ids": ["1", "2"],
    }))
    .expect("strings");
    let from_numbers: Sizes = serde_json::from_value(json!({
        "size": 9223372036854775807_i64, "total": 7, "ids": [1, 2],
    }))
    .expect("numbers");
    assert_eq!(from_strings, from_numbers);
    let mixed: Sizes = serde_json::from_str(r#"{"size": 3.0, "ids": [1, "2"]}"#).expect("mixed");
    assert_eq!(mixed.size, 3);
    assert_eq!(mixed.ids, [1, 2]);
}

#[test]
fn option_decodes_from_missing_and_null() {
    let missing: Sizes = serde_json::from_str(r#"{"size": "1"}"#).expect("missing");
    assert_eq!(missing.total, None);
    assert!(missing.ids.is_empty());
    let null: Sizes = serde_json::from_str(r#"{"size": "1", "total": null, "ids": null}"#).expect("null");
    assert_eq!(null.total, None);
    assert!(null.ids.is_empty());
    assert_eq!(serde_json::to_value(&null).expect("serialize")["total"], json!(null));
}

#[test]
fn bad_values_are_refused_with_a_clear_message() {
    for bad in [
        r#"{"size": "12abc"}"#,
        r#"{"size": 1.5}"#,
        r#"{"size": 18446744073709551615}"#,
        r#"{"size": true}"#,
        r#"{"size": "1", "total": "x"}"#,
        r#"{"size": "1", "ids": ["1", "y"]}"#,
        r#"{"total": "1"}"#,
    ] {
        let err = serde_json::from_str::<Sizes>(bad).expect_err(bad);
        let text = err.to_string();
        assert!(
            text.contains("64-bit integer") || text.contains("missing field"),
            "{bad}: {text}"
        );
    }
}
