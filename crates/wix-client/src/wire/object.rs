//! Serde for generated message types, in little code per type.
//!
//! A derived `Deserialize` is a field-identifier enum with its own
//! `Deserialize`, a visitor with `visit_seq` and `visit_map`, a local per
//! field and the missing-field checks; across a whole API that was most of the
//! compile time of the generated crate and of every crate decoding its types.
//! Instead, a generated struct implements [`Object`]: one match over the wire
//! names that decodes one field ([`Object::decode_field`]), and one call per
//! field that writes it if set ([`Object::encode_fields`], into [`Fields`]:
//! the first error is kept and ends the writing, so the generated code has no
//! `?` to type-check per field). Both are
//! generic over the format, so nothing is compiled in the generated crate
//! until a format uses it; the `Serialize`/`Deserialize` impls are one line
//! each, calling [`serialize`] and [`deserialize`] here.
//!
//! The JSON is the same as serde's derive would write and read: an object
//! with one key per set field (unset `Option`s and empty lists are left
//! out), `null` read as unset. A ONE-OF group is written as its member's
//! key; when decoding, the first key that names a member decides. A key the
//! type does not know is skipped, unless the type keeps unknown keys (an
//! [`UnknownKeys`](super::unknown::UnknownKeys) field, see
//! [`__object!`](crate::__object)): then it is kept and written back after the known
//! fields. Errors keep their JSON path.
//!
//! ```
//! use serde::{Deserializer, ser::SerializeMap};
//! use wix_client::wire::object::{self, Fields, Object};
//!
//! #[derive(Debug, PartialEq)]
//! struct Item { name: Option<String>, size: Option<i64>, tags: Vec<String> }
//!
//! impl Object for Item {
//!     const NAME: &'static str = "Item";
//!     fn empty() -> Self { Item { name: None, size: None, tags: Vec::new() } }
//!     fn decode_field<'de, D: Deserializer<'de>>(&mut self, key: &str, v: D) -> Result<(), D::Error> {
//!         match key {
//!             "name" => object::set(v, &mut self.name),
//!             "size" => object::set_int64(v, &mut self.size),
//!             "tags" => object::set_list(v, &mut self.tags),
//!             _ => object::skip(v),
//!         }
//!     }
//!     fn encode_fields<M: SerializeMap>(&self, out: &mut Fields<'_, M>) {
//!         object::put(out, "name", &self.name);
//!         object::put_int64(out, "size", &self.size);
//!         object::put_list(out, "tags", &self.tags);
//!     }
//! }
//! impl serde::Serialize for Item {
//!     fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { object::serialize(self, s) }
//! }
//! impl<'de> serde::Deserialize<'de> for Item {
//!     fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> { object::deserialize(d) }
//! }
//!
//! let item: Item = serde_json::from_str(r#"{"name": "a", "size": "9007199254740993", "other": [1]}"#)?;
//! assert_eq!(item, Item { name: Some("a".into()), size: Some(9_007_199_254_740_993), tags: vec![] });
//! assert_eq!(serde_json::to_string(&item)?, r#"{"name":"a","size":"9007199254740993"}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Implemented by generated message types.
pub trait Object: Sized {
    /// The type's name, for "expected" messages.
    const NAME: &'static str;

    /// The value with no field set: what decoding starts from.
    fn empty() -> Self;

    /// Decodes the field `key` from `value` into `self`; an unknown key is
    /// kept (see [`super::unknown`]) or [`skip`]ped.
    fn decode_field<'de, D: Deserializer<'de>>(&mut self, key: &str, value: D) -> Result<(), D::Error>;

    /// Writes every set field into `out`, in declaration order.
    fn encode_fields<M: SerializeMap>(&self, out: &mut Fields<'_, M>);
}

// Decoding, one call per `decode_field` arm.

/// Decodes `value` as `T` into `slot` (`Option<T>` reads `null` as `None`).
pub fn set<'de, D: Deserializer<'de>, T: Deserialize<'de>>(value: D, slot: &mut T) -> Result<(), D::Error> {
    *slot = T::deserialize(value)?;
    Ok(())
}

/// Decodes a list into `slot`; `null` reads as empty.
pub fn set_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(value: D, slot: &mut Vec<T>) -> Result<(), D::Error> {
    *slot = Option::<Vec<T>>::deserialize(value)?.unwrap_or_default();
    Ok(())
}

/// Decodes an optional `int64` (a JSON string or number) into `slot`.
pub fn set_int64<'de, D: Deserializer<'de>>(value: D, slot: &mut Option<i64>) -> Result<(), D::Error> {
    *slot = super::option_int64::deserialize(value)?;
    Ok(())
}

/// Decodes a list of `int64`s into `slot`; `null` reads as empty.
pub fn set_int64_list<'de, D: Deserializer<'de>>(value: D, slot: &mut Vec<i64>) -> Result<(), D::Error> {
    *slot = super::vec_int64::deserialize(value)?;
    Ok(())
}

/// A ONE-OF member: decodes `value` into the group `slot` as `wrap(value)`,
/// unless a member was set before: the first member key decides, a later one
/// is kept in `later` (the type's unknown keys) or skipped when the type keeps
/// none.
pub fn set_member<'de, D: Deserializer<'de>, T: Deserialize<'de>, K>(
    value: D,
    key: &str,
    slot: &mut Option<K>,
    wrap: fn(T) -> K,
    later: Option<&mut super::unknown::UnknownKeys>,
) -> Result<(), D::Error> {
    first_member(value, key, slot, later, |v| T::deserialize(v).map(wrap))
}

/// A ONE-OF member that is a list (`null` reads as empty).
pub fn set_member_list<'de, D: Deserializer<'de>, T: Deserialize<'de>, K>(
    value: D,
    key: &str,
    slot: &mut Option<K>,
    wrap: fn(Vec<T>) -> K,
    later: Option<&mut super::unknown::UnknownKeys>,
) -> Result<(), D::Error> {
    first_member(value, key, slot, later, |v| {
        Option::<Vec<T>>::deserialize(v).map(|list| wrap(list.unwrap_or_default()))
    })
}

/// A ONE-OF member that is an `int64`.
pub fn set_member_int64<'de, D: Deserializer<'de>, K>(
    value: D,
    key: &str,
    slot: &mut Option<K>,
    wrap: fn(i64) -> K,
    later: Option<&mut super::unknown::UnknownKeys>,
) -> Result<(), D::Error> {
    first_member(value, key, slot, later, |v| super::int64::deserialize(v).map(wrap))
}

/// A ONE-OF member that is a list of `int64`s.
pub fn set_member_int64_list<'de, D: Deserializer<'de>, K>(
    value: D,
    key: &str,
    slot: &mut Option<K>,
    wrap: fn(Vec<i64>) -> K,
    later: Option<&mut super::unknown::UnknownKeys>,
) -> Result<(), D::Error> {
    first_member(value, key, slot, later, |v| super::vec_int64::deserialize(v).map(wrap))
}

/// What every `set_member*` does: `decode` into `slot` when the group is
/// unset, else keep or skip the later member.
fn first_member<'de, D: Deserializer<'de>, K>(
    value: D,
    key: &str,
    slot: &mut Option<K>,
    later: Option<&mut super::unknown::UnknownKeys>,
    decode: impl FnOnce(D) -> Result<K, D::Error>,
) -> Result<(), D::Error> {
    if slot.is_some() {
        return keep_or_skip(value, key, later);
    }
    *slot = Some(decode(value)?);
    Ok(())
}

/// Keeps `value` under `key` in `keys`, or ignores it when there are none
/// (a type that does not keep unknown keys).
pub fn keep_or_skip<'de, D: Deserializer<'de>>(
    value: D,
    key: &str,
    keys: Option<&mut super::unknown::UnknownKeys>,
) -> Result<(), D::Error> {
    match keys {
        Some(keys) => super::unknown::keep(value, key, keys),
        None => skip(value),
    }
}

/// Ignores `value` (an unknown key).
pub fn skip<'de, D: Deserializer<'de>>(value: D) -> Result<(), D::Error> {
    IgnoredAny::deserialize(value).map(|_| ())
}

// Encoding, one call per field in `encode_fields`.

/// The fields of one object being written: the map they go into and the first
/// error, after which nothing more is written (and [`serialize`] returns it).
pub struct Fields<'a, M: SerializeMap> {
    out: &'a mut M,
    error: Option<M::Error>,
}

impl<M: SerializeMap> Fields<'_, M> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        if self.error.is_none()
            && let Err(error) = self.out.serialize_entry(key, value)
        {
            self.error = Some(error);
        }
    }
}

/// An optional field: written when set.
pub fn put<M: SerializeMap, T: Serialize>(out: &mut Fields<'_, M>, key: &'static str, value: &Option<T>) {
    if let Some(v) = value {
        out.entry(key, v);
    }
}

/// A list: written when not empty.
pub fn put_list<M: SerializeMap, T: Serialize>(out: &mut Fields<'_, M>, key: &'static str, value: &[T]) {
    if !value.is_empty() {
        out.entry(key, value);
    }
}

/// An optional `int64`, written as a JSON string.
pub fn put_int64<M: SerializeMap>(out: &mut Fields<'_, M>, key: &'static str, value: &Option<i64>) {
    if let Some(v) = value {
        out.entry(key, &Int64(*v));
    }
}

/// A list of `int64`s, written as JSON strings; left out when empty.
pub fn put_int64_list<M: SerializeMap>(out: &mut Fields<'_, M>, key: &'static str, value: &[i64]) {
    if !value.is_empty() {
        out.entry(key, &Int64List(value));
    }
}

/// A ONE-OF member (always written: it is the member that is set).
pub fn put_member<M: SerializeMap, T: Serialize + ?Sized>(out: &mut Fields<'_, M>, key: &'static str, value: &T) {
    out.entry(key, value);
}

/// A ONE-OF member that is an `int64`.
pub fn put_member_int64<M: SerializeMap>(out: &mut Fields<'_, M>, key: &'static str, value: &i64) {
    out.entry(key, &Int64(*value));
}

/// A ONE-OF member that is a list of `int64`s.
pub fn put_member_int64_list<M: SerializeMap>(out: &mut Fields<'_, M>, key: &'static str, value: &[i64]) {
    out.entry(key, &Int64List(value));
}

/// The keys the type does not know, written back after its known fields.
pub fn put_unknown<M: SerializeMap>(out: &mut Fields<'_, M>, keys: &super::unknown::UnknownKeys) {
    for (key, value) in keys.iter() {
        out.entry(key, value);
    }
}

/// An `int64` as Wix writes it: a JSON string.
struct Int64(i64);

impl Serialize for Int64 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

struct Int64List<'a>(&'a [i64]);

impl Serialize for Int64List<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|v| Int64(*v)))
    }
}

/// `Serialize` for an [`Object`]: a map of its set fields.
pub fn serialize<T: Object, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    let mut fields = Fields {
        out: &mut map,
        error: None,
    };
    value.encode_fields(&mut fields);
    match fields.error {
        Some(error) => Err(error),
        None => map.end(),
    }
}

/// `Deserialize` for an [`Object`]: from a map, field by field.
pub fn deserialize<'de, T: Object, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::empty();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            map.next_value_seed(FieldSeed {
                out: &mut out,
                key: &key,
            })?;
        }
        Ok(out)
    }
}

struct FieldSeed<'a, T> {
    out: &'a mut T,
    key: &'a str,
}

impl<'de, T: Object> DeserializeSeed<'de> for FieldSeed<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.out.decode_field(self.key, deserializer)
    }
}

/// Reads a JSON string (borrowed when it can be), for open enums.
pub fn deserialize_str<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Cow<'de, str>, D::Error> {
    Cow::<'de, str>::deserialize(deserializer)
}

/// The [`Object`] impl of a generated struct, from its wire layout: ONE-OF
/// groups (held as an `Option<Kind>`) in brackets, then every other field,
/// each with how it travels (`opt`: an `Option<T>`; `list`: a `Vec<T>`;
/// `int64` / `int64_list`: the same holding int64s written as JSON strings;
/// for group members also `boxed`: a `Box<T>`), in declaration order;
/// optionally the `local` fields that are no part of the JSON (a request's
/// path params); and optionally the `unknown` field, an
/// [`UnknownKeys`](super::unknown::UnknownKeys) that keeps every key the type
/// does not know (and a ONE-OF member after the group's first) and writes
/// them back after the known fields (without it, such keys are skipped):
///
/// ```text
/// wix_client::__object!(Node [kind => NodeKind { Text: opt = "text", Child: boxed = "child" }] {
///     id: opt = "id",
///     revision: int64 = "revision",
///     tags: list = "tags",
/// } local { site_id } unknown unknown_keys);
/// ```
///
/// The generated code stays small and readable; the expansion is what a
/// hand-written [`Object`] impl would be.
#[doc(hidden)]
#[macro_export]
macro_rules! __object {
    (
        $name:ident
        [ $( $group:ident => $Kind:ident { $( $Variant:ident : $mk:ident = $mwire:literal ),* $(,)? } ),* $(,)? ]
        { $( $field:ident : $fk:ident = $fwire:literal ),* $(,)? }
        $( local { $( $local:ident ),* $(,)? } )?
        $( unknown $unknown:ident )?
    ) => {
        impl $crate::wire::object::Object for $name {
            const NAME: &'static str = ::core::stringify!($name);

            fn empty() -> Self {
                Self {
                    $( $group: ::core::option::Option::None, )*
                    $( $field: ::core::default::Default::default(), )*
                    $( $( $local: ::core::default::Default::default(), )* )?
                    $( $unknown: ::core::default::Default::default(), )?
                }
            }

            #[allow(unused_variables, clippy::match_single_binding)]
            fn decode_field<'de, D: $crate::reexports::serde::Deserializer<'de>>(
                &mut self,
                key: &str,
                value: D,
            ) -> ::core::result::Result<(), D::Error> {
                let later = $crate::__object_later!(self $(, $unknown)?);
                match key {
                    $( $(
                        $mwire => $crate::__object_member_set!($mk, value, key, &mut self.$group, $Kind::$Variant, later),
                    )* )*
                    $( $fwire => $crate::__object_field_set!($fk, value, &mut self.$field), )*
                    _ => $crate::wire::object::keep_or_skip(value, key, later),
                }
            }

            #[allow(unused_variables)]
            fn encode_fields<M: $crate::reexports::serde::ser::SerializeMap>(
                &self,
                out: &mut $crate::wire::object::Fields<'_, M>,
            ) {
                $(
                    if let ::core::option::Option::Some(kind) = &self.$group {
                        match kind {
                            $( $Kind::$Variant(v) => $crate::__object_member_put!($mk, out, $mwire, v), )*
                        }
                    }
                )*
                $( $crate::__object_field_put!($fk, out, $fwire, &self.$field); )*
                $( $crate::wire::object::put_unknown(out, &self.$unknown); )?
            }
        }
    };
}

/// Where a key the type does not know goes, and a ONE-OF member after the
/// group's first: the type's unknown keys when it keeps them, nowhere
/// (skipped) otherwise.
#[doc(hidden)]
#[macro_export]
macro_rules! __object_later {
    ($self:ident) => {
        ::core::option::Option::None
    };
    ($self:ident, $unknown:ident) => {
        ::core::option::Option::Some(&mut $self.$unknown)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __object_field_set {
    (opt, $v:expr, $slot:expr) => {
        $crate::wire::object::set($v, $slot)
    };
    (list, $v:expr, $slot:expr) => {
        $crate::wire::object::set_list($v, $slot)
    };
    (int64, $v:expr, $slot:expr) => {
        $crate::wire::object::set_int64($v, $slot)
    };
    (int64_list, $v:expr, $slot:expr) => {
        $crate::wire::object::set_int64_list($v, $slot)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __object_field_put {
    (opt, $o:expr, $k:expr, $v:expr) => {
        $crate::wire::object::put($o, $k, $v)
    };
    (list, $o:expr, $k:expr, $v:expr) => {
        $crate::wire::object::put_list($o, $k, $v)
    };
    (int64, $o:expr, $k:expr, $v:expr) => {
        $crate::wire::object::put_int64($o, $k, $v)
    };
    (int64_list, $o:expr, $k:expr, $v:expr) => {
        $crate::wire::object::put_int64_list($o, $k, $v)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __object_member_set {
    (opt, $v:expr, $key:expr, $slot:expr, $wrap:path, $later:expr) => {
        $crate::wire::object::set_member($v, $key, $slot, $wrap, $later)
    };
    (list, $v:expr, $key:expr, $slot:expr, $wrap:path, $later:expr) => {
        $crate::wire::object::set_member_list($v, $key, $slot, $wrap, $later)
    };
    (int64, $v:expr, $key:expr, $slot:expr, $wrap:path, $later:expr) => {
        $crate::wire::object::set_member_int64($v, $key, $slot, $wrap, $later)
    };
    (int64_list, $v:expr, $key:expr, $slot:expr, $wrap:path, $later:expr) => {
        $crate::wire::object::set_member_int64_list($v, $key, $slot, $wrap, $later)
    };
    (boxed, $v:expr, $key:expr, $slot:expr, $wrap:path, $later:expr) => {
        $crate::wire::object::set_member($v, $key, $slot, |v| $wrap(::std::boxed::Box::new(v)), $later)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __object_member_put {
    (int64, $o:expr, $k:expr, $v:expr) => {
        $crate::wire::object::put_member_int64($o, $k, $v)
    };
    (int64_list, $o:expr, $k:expr, $v:expr) => {
        $crate::wire::object::put_member_int64_list($o, $k, $v)
    };
    ($other:ident, $o:expr, $k:expr, $v:expr) => {
        $crate::wire::object::put_member($o, $k, $v)
    };
}

/// `Serialize` and `Deserialize` for generated types that implement [`Object`],
/// each a call into this module.
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_object {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::reexports::serde::Serialize for $t {
            fn serialize<S: $crate::reexports::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::wire::object::serialize(self, s)
            }
        }
        impl<'de> $crate::reexports::serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::reexports::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                $crate::wire::object::deserialize(d)
            }
        }
    )*};
}

/// `Serialize`, `Deserialize` and `From<&str>` for generated open enums, from
/// their `as_str` and their `from_wire` (which maps unknown values to the
/// catch-all variant).
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_open_enum {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::reexports::serde::Serialize for $t {
            fn serialize<S: $crate::reexports::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> $crate::reexports::serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::reexports::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                $crate::wire::object::deserialize_str(d).map(|v| Self::from_wire(&v))
            }
        }
        impl ::core::convert::From<&str> for $t {
            fn from(value: &str) -> Self {
                Self::from_wire(value)
            }
        }
    )*};
}
