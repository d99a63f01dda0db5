//! Serde helpers for generated code.
//!
//! Wix encodes 64-bit integers as JSON strings (protobuf JSON mapping), but
//! some endpoints answer with plain numbers. These modules write strings and
//! read both.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, PartialEq, Debug)]
//! struct Item {
//!     #[serde(with = "wix_client::wire::int64")]
//!     size: i64,
//!     #[serde(default, with = "wix_client::wire::option_int64")]
//!     total: Option<i64>,
//!     #[serde(default, with = "wix_client::wire::vec_int64")]
//!     ids: Vec<i64>,
//! }
//!
//! let item: Item = serde_json::from_str(r#"{"size": "9007199254740993", "ids": [1, "2"]}"#)?;
//! assert_eq!(item, Item { size: 9_007_199_254_740_993, total: None, ids: vec![1, 2] });
//! assert_eq!(
//!     serde_json::to_string(&item)?,
//!     r#"{"size":"9007199254740993","total":null,"ids":["1","2"]}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use serde::de::{self, Visitor};

/// Reads an `i64` from a JSON string or number.
struct Int64Visitor;

impl Visitor<'_> for Int64Visitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a 64-bit integer as a string or a number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom(format!("{v} is out of range for a 64-bit integer")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        // Accept integral floats such as `3.0`, refuse fractions and out-of-range values.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63
        if v.fract() == 0.0 && (-LIMIT..LIMIT).contains(&v) {
            Ok(v as i64)
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        v.trim()
            .parse::<i64>()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// `#[serde(with = "wix_client::wire::int64")]` for `i64` fields: written as a
/// JSON string, read from a string or a number.
pub mod int64 {
    use serde::{Deserializer, Serializer};

    /// Writes the value as a JSON string.
    pub fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    /// Reads the value from a JSON string or number.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(super::Int64Visitor)
    }
}

/// `#[serde(default, with = "wix_client::wire::option_int64")]` for `Option<i64>`
/// fields: `None` is written as `null`; read from a string, a number or `null`,
/// and (thanks to `#[serde(default)]`) from a missing field.
pub mod option_int64 {
    use std::fmt;

    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    /// Writes `Some` as a JSON string and `None` as `null`.
    pub fn serialize<S: Serializer>(value: &Option<i64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.collect_str(v),
            None => serializer.serialize_none(),
        }
    }

    /// Reads `null` as `None`, a string or number as `Some`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
        deserializer.deserialize_option(OptionVisitor)
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<i64>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("null or a 64-bit integer as a string or a number")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            super::int64::deserialize(d).map(Some)
        }
    }
}

/// `#[serde(default, with = "wix_client::wire::vec_int64")]` for `Vec<i64>`
/// fields: written as an array of JSON strings; read from an array of strings
/// and/or numbers (`null` reads as an empty list).
pub mod vec_int64 {
    use std::fmt;

    use serde::de::{self, SeqAccess, Visitor};
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the values as an array of JSON strings.
    pub fn serialize<S: Serializer>(values: &[i64], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(values.len()))?;
        for value in values {
            seq.serialize_element(&value.to_string())?;
        }
        seq.end()
    }

    /// Reads an array of strings and/or numbers, or `null` as an empty list.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<i64>, D::Error> {
        deserializer.deserialize_option(VecVisitor)
    }

    struct Element(i64);

    impl<'de> Deserialize<'de> for Element {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            super::int64::deserialize(d).map(Element)
        }
    }

    struct VecVisitor;

    impl<'de> Visitor<'de> for VecVisitor {
        type Value = Vec<i64>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an array of 64-bit integers as strings or numbers")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_seq(VecVisitor)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(Element(value)) = seq.next_element()? {
                values.push(value);
            }
            Ok(values)
        }
    }
}

pub mod object;
pub mod unknown;
