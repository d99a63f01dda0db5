//! What a page's own examples show under each field name: evidence for the
//! type a bare reference means when its short name stands for several types
//! of the package (W117).
//!
//! The examples are the page's curl request bodies (JSON, REST names) and its
//! JavaScript `/* Promise resolves to: */` objects (JSON5, SDK names, mapped
//! to REST names by the rule reconciliation uses, [`crate::sdk_names`]:
//! `_id` → `id`, `_owner` → `owner`).
//! Every value found under a key is recorded under that key and the key of
//! the object holding it (`""` for the top-level object; array elements count
//! as the array's key): an object by its keys, a string by its text. A message
//! fits an object whose keys are all its fields; an enum fits a string that is
//! one of its values. Examples that do not parse are left out here (code
//! generation reports them).
//!
//! The holder's key matters: a page's `status` of a staff member and `status`
//! of its address are different enums, and only the values under `address`
//! say anything about the second.

use crate::sdk_names::rest_name_of_sdk;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use wixgen_schema::Page;
use wixgen_schema::promise_comments::promise_comments;

/// One value an example shows under a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seen {
    /// An object with these keys (REST names); never empty.
    Object(BTreeSet<String>),
    /// A string.
    Text(String),
}

/// `(key of the holding object, field wire name)` → every value the page's
/// examples show there (`""`: the top-level object).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ExampleShapes {
    by_parent: HashMap<(String, String), Vec<Seen>>,
}

impl ExampleShapes {
    /// The shapes of every example on `page` that parses.
    pub(crate) fn of(page: &Page) -> Self {
        let mut shapes = ExampleShapes::default();
        for section in page.rest.iter().chain(page.sdk.iter()) {
            for e in &section.examples {
                if let Some(body) = e.curl.as_ref().and_then(|c| c.body.as_ref())
                    && let Ok(v) = serde_json::from_str::<Value>(&body.value)
                {
                    shapes.walk("", &v);
                }
                for (_, text) in promise_comments(&e.code.value) {
                    if let Ok(v) = json5::from_str::<Value>(&text) {
                        shapes.walk("", &rest_names(v));
                    }
                }
            }
        }
        shapes
    }

    /// What the examples show under `wire_name` in objects held under one of
    /// `parents` (`""`: the top-level object).
    pub(crate) fn under_parents<'s>(
        &'s self,
        parents: impl IntoIterator<Item = &'s str>,
        wire_name: &str,
    ) -> Vec<&'s Seen> {
        parents
            .into_iter()
            .flat_map(|p| {
                self.by_parent
                    .get(&(p.to_owned(), wire_name.to_owned()))
                    .into_iter()
                    .flatten()
            })
            .collect()
    }

    /// Records the fields of `v` (an object held under `parent`), and below.
    fn walk(&mut self, parent: &str, v: &Value) {
        match v {
            Value::Object(map) => {
                for (key, child) in map {
                    self.record(parent, key, child);
                    self.walk(key, child);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| self.walk(parent, i)),
            _ => {}
        }
    }

    fn record(&mut self, parent: &str, key: &str, v: &Value) {
        let seen = match v {
            Value::Object(map) if !map.is_empty() => Seen::Object(map.keys().cloned().collect()),
            Value::String(s) => Seen::Text(s.clone()),
            Value::Array(items) => {
                items.iter().for_each(|i| self.record(parent, key, i));
                return;
            }
            _ => return,
        };
        self.by_parent
            .entry((parent.to_owned(), key.to_owned()))
            .or_default()
            .push(seen);
    }
}

/// `v` with every object key an SDK name mapped to its REST name.
fn rest_names(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, child)| (rest_name_of_sdk(&k).to_owned(), rest_names(child)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(rest_names).collect()),
        other => other,
    }
}

/// A type as the examples can tell it apart: its fields or its values.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fits {
    pub is_enum: bool,
    /// Wire names of every field (ONE-OF members too), or enum values.
    pub names: BTreeSet<String>,
}

impl Fits {
    /// Whether the type can be what `seen` shows.
    pub(crate) fn fits(&self, seen: &Seen) -> bool {
        match seen {
            Seen::Object(keys) => !self.is_enum && keys.is_subset(&self.names),
            Seen::Text(s) => self.is_enum && self.names.contains(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shapes(v: Value, sdk: bool) -> ExampleShapes {
        let mut s = ExampleShapes::default();
        s.walk("", &if sdk { rest_names(v) } else { v });
        s
    }

    #[test]
    fn values_are_recorded_under_their_keys_and_holders() {
        let s = shapes(
            json!({"order": {"lineItems": [{"itemType": {"preset": "PHYSICAL"}}], "status": "PAID",
                   "address": {"status": "VERIFIED"}}}),
            false,
        );
        assert_eq!(
            s.under_parents([""], "order"),
            [&Seen::Object(
                ["address".into(), "lineItems".into(), "status".into()].into()
            )]
        );
        assert_eq!(
            s.under_parents(["lineItems"], "itemType"),
            [&Seen::Object(["preset".into()].into())]
        );
        assert_eq!(
            s.under_parents(["itemType"], "preset"),
            [&Seen::Text("PHYSICAL".into())]
        );
        assert_eq!(
            s.under_parents(["order"], "lineItems").len(),
            1,
            "array elements count as the array's key"
        );
        // Same name, different holders: each holder's own values.
        assert_eq!(s.under_parents(["order"], "status"), [&Seen::Text("PAID".into())]);
        assert_eq!(s.under_parents(["address"], "status"), [&Seen::Text("VERIFIED".into())]);
        assert_eq!(s.under_parents(["order", "address"], "status").len(), 2);
        assert!(s.under_parents(["order"], "preset").is_empty());
    }

    #[test]
    fn sdk_keys_are_mapped_to_rest_names() {
        let s = shapes(
            json!({"conversation": {"_id": "x", "_createdDate": "y", "_owner": {"_id": "z"}}}),
            true,
        );
        assert_eq!(
            s.under_parents([""], "conversation"),
            [&Seen::Object(
                ["createdDate".into(), "id".into(), "owner".into()].into()
            )]
        );
        // `_owner` is the field `owner` here too, as it is for reconciliation and the response tests.
        assert_eq!(
            s.under_parents(["conversation"], "owner"),
            [&Seen::Object(["id".into()].into())]
        );
    }

    #[test]
    fn messages_fit_objects_of_their_fields_and_enums_their_values() {
        let message = Fits {
            is_enum: false,
            names: ["a".into(), "b".into()].into(),
        };
        let en = Fits {
            is_enum: true,
            names: ["X".into()].into(),
        };
        assert!(message.fits(&Seen::Object(["a".into()].into())));
        assert!(!message.fits(&Seen::Object(["a".into(), "c".into()].into())));
        assert!(!message.fits(&Seen::Text("X".into())));
        assert!(en.fits(&Seen::Text("X".into())));
        assert!(!en.fits(&Seen::Text("Y".into())));
        assert!(!en.fits(&Seen::Object(["a".into()].into())));
    }
}
