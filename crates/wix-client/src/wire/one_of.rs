//! Decoding ONE-OF groups held in a `#[serde(flatten)]` field.
//!
//! A ONE-OF group is an enum with one newtype variant per member, named by the
//! member's wire name. Serde's own handling of a flattened `Option<Enum>`
//! turns a member that is present but does not decode into `None`: the data
//! disappears without an error. These functions decode the group from the
//! object's remaining keys instead: the first key that names a member is
//! decoded as that member, and a member that does not decode is an error
//! naming the member; other keys (further members, unknown fields) are
//! ignored.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! use wix_client::wire::one_of::{self, OneOf};
//!
//! #[derive(Debug, PartialEq, Serialize, Deserialize)]
//! enum Kind {
//!     #[serde(rename = "memberId")]
//!     MemberId(String),
//!     #[serde(rename = "count")]
//!     Count(i32),
//! }
//! impl OneOf for Kind {
//!     const MEMBERS: &'static [&'static str] = &["memberId", "count"];
//! }
//!
//! #[derive(Debug, PartialEq, Serialize, Deserialize)]
//! struct Holder {
//!     name: String,
//!     #[serde(flatten, deserialize_with = "one_of::optional")]
//!     kind: Option<Kind>,
//! }
//!
//! let h: Holder = serde_json::from_str(r#"{"name": "a", "count": 3}"#)?;
//! assert_eq!(h.kind, Some(Kind::Count(3)));
//! let h: Holder = serde_json::from_str(r#"{"name": "a"}"#)?;
//! assert_eq!(h.kind, None);
//! let err = serde_json::from_str::<Holder>(r#"{"name": "a", "count": "x"}"#).unwrap_err();
//! assert!(err.to_string().contains("ONE-OF member `count`"), "{err}");
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess, VariantAccess, Visitor};

/// Implemented by generated ONE-OF enums: the wire names of the members, in
/// the order the page lists them.
pub trait OneOf: Sized {
    /// Wire names of the members.
    const MEMBERS: &'static [&'static str];
}

/// Decodes an optional group: `None` when no key names a member.
pub fn optional<'de, D, K>(deserializer: D) -> Result<Option<K>, D::Error>
where
    D: Deserializer<'de>,
    K: OneOf + de::Deserialize<'de>,
{
    deserializer.deserialize_map(GroupVisitor(PhantomData))
}

/// Decodes a required group: an error when no key names a member.
pub fn required<'de, D, K>(deserializer: D) -> Result<K, D::Error>
where
    D: Deserializer<'de>,
    K: OneOf + de::Deserialize<'de>,
{
    optional(deserializer)?.ok_or_else(|| {
        de::Error::custom(format!(
            "missing ONE-OF group: one of {} is required",
            K::MEMBERS
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

struct GroupVisitor<K>(PhantomData<K>);

impl<'de, K: OneOf + de::Deserialize<'de>> Visitor<'de> for GroupVisitor<K> {
    type Value = Option<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object holding at most one ONE-OF member")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<K>, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match K::MEMBERS.iter().find(|m| **m == key) {
                Some(member) if found.is_none() => {
                    let value = map
                        .next_value_seed(MemberSeed::<K> {
                            member,
                            marker: PhantomData,
                        })
                        .map_err(|e| de::Error::custom(format!("ONE-OF member `{member}`: {e}")))?;
                    found = Some(value);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }
}

/// Decodes the value of member `member` as the variant of that name.
struct MemberSeed<K> {
    member: &'static str,
    marker: PhantomData<K>,
}

impl<'de, K: de::Deserialize<'de>> DeserializeSeed<'de> for MemberSeed<K> {
    type Value = K;

    fn deserialize<D: Deserializer<'de>>(self, value: D) -> Result<K, D::Error> {
        K::deserialize(Entry {
            member: self.member,
            value,
        })
    }
}

/// A `(member, value)` pair presented to an enum's `Deserialize` as an
/// externally tagged variant.
struct Entry<D> {
    member: &'static str,
    value: D,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Entry<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, D: Deserializer<'de>> EnumAccess<'de> for Entry<D> {
    type Error = D::Error;
    type Variant = Content<D>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Content<D>), D::Error> {
        let tag = seed.deserialize(de::value::StrDeserializer::<D::Error>::new(self.member))?;
        Ok((tag, Content(self.value)))
    }
}

/// The variant's content is the member's value.
struct Content<D>(D);

impl<'de, D: Deserializer<'de>> VariantAccess<'de> for Content<D> {
    type Error = D::Error;

    fn unit_variant(self) -> Result<(), D::Error> {
        IgnoredAny::deserialize(self.0).map(|_| ())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, D::Error> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }
}
