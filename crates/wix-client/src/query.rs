//! Serialization of query parameters in Wix's style.
//!
//! Nested objects become dotted names (`paging.limit=10`), arrays repeat the key
//! (`fields=a&fields=b`), `null`/`None` are skipped.

use serde::Serialize;
use serde_json::Value;

use crate::path::encode_component;

/// Flattens `query` into `(name, value)` pairs.
pub(crate) fn to_pairs<Q: Serialize + ?Sized>(query: &Q) -> Result<Vec<(String, String)>, String> {
    let value = serde_json::to_value(query).map_err(|e| format!("the query parameters do not serialize: {e}"))?;
    let mut pairs = Vec::new();
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (key, value) in map {
                flatten(key, value, &mut pairs);
            }
        }
        _ => {
            return Err("the query parameters must serialize to a struct or a map of named fields".into());
        }
    }
    Ok(pairs)
}

fn flatten(name: String, value: Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Bool(b) => pairs.push((name, b.to_string())),
        Value::Number(n) => pairs.push((name, n.to_string())),
        Value::String(s) => pairs.push((name, s)),
        Value::Array(items) => {
            for item in items {
                flatten(name.clone(), item, pairs);
            }
        }
        Value::Object(map) => {
            for (key, value) in map {
                flatten(format!("{name}.{key}"), value, pairs);
            }
        }
    }
}

/// Encodes pairs as `a=1&b=2`, percent-encoding every name and value.
pub(crate) fn encode(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&encode_component(name));
        out.push('=');
        out.push_str(&encode_component(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_arrays_and_nulls() {
        let pairs = to_pairs(&json!({
            "paging": {"limit": 10, "cursor": null},
            "fields": ["a", "b"],
            "flag": true,
            "none": null,
        }))
        .expect("query");
        assert_eq!(encode(&pairs), "fields=a&fields=b&flag=true&paging.limit=10");
    }

    #[test]
    fn non_objects_are_refused() {
        assert!(to_pairs(&json!([1, 2])).is_err());
        assert!(to_pairs(&()).expect("unit is empty").is_empty());
    }

    #[test]
    fn special_characters_are_encoded() {
        let pairs = vec![("q".to_owned(), "a&b=c d#e".to_owned())];
        assert_eq!(encode(&pairs), "q=a%26b%3Dc%20d%23e");
    }
}
