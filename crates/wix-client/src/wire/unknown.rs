//! The keys of a JSON object that its generated type does not know.
//!
//! Wix adds fields to its objects over time. A generated struct keeps every
//! key it does not know (a field added since the crate was generated, a
//! ONE-OF member it does not list, a second member of a group whose first
//! member was decoded) in an [`UnknownKeys`], in the order they came, and
//! writes them back after its known fields. So decoding and then encoding any
//! object Wix sends loses nothing, and an app that gets an entity, changes a
//! field and sends it back does not erase what it could not read.
//!
//! A value built with `new` has none. `Debug` and `PartialEq` see them.
//!
//! ```
//! use wix_client::wire::unknown::UnknownKeys;
//!
//! let mut keys = UnknownKeys::default();
//! assert!(keys.is_empty());
//! keys.push("addedLater", serde_json::json!({"a": 1}));
//! assert_eq!(keys.get("addedLater"), Some(&serde_json::json!({"a": 1})));
//! assert_eq!(keys.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["addedLater"]);
//! ```

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Keys of a JSON object that its type does not know, with their values, in
/// the order they were decoded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnknownKeys(Vec<(String, Value)>);

impl UnknownKeys {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The value of `key`, when it was kept.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Each key and its value, in the order they were decoded.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Adds `key` (replacing its value when it is there already: JSON keys
    /// are unique, the last one counts).
    pub fn push(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// Removes every key.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// Decodes `value` (whatever JSON it is) and keeps it under `key`.
pub fn keep<'de, D: Deserializer<'de>>(value: D, key: &str, keys: &mut UnknownKeys) -> Result<(), D::Error> {
    keys.push(key, Value::deserialize(value)?);
    Ok(())
}
