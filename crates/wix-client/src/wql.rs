//! Typed queries in the Wix API Query Language: filters, sorting and paging
//! checked at compile time.
//!
//! Query and search methods take a `query` (or `search`) object holding a
//! `filter` in the Query Language (MongoDB-style operators such as `$eq`,
//! `$startsWith`, `$hasSome`, combined with `$and`, `$or`, `$not`), a `sort`
//! list of `{"fieldName", "order"}` and `cursorPaging` or `paging`. This module
//! builds that JSON from typed fields: generated code gives each queried
//! entity a table of [`Field`] constants (`ResourceType::NAME`, its REST path
//! `name`; nested fields have dotted paths such as `info.name.first`), and the
//! field's value type decides which operators it offers and what they take:
//!
//! | field holds | operators |
//! | --- | --- |
//! | anything | [`Field::eq`], [`Field::ne`], [`Field::in_`], [`Field::nin`], [`Field::exists`] |
//! | `String` | also [`Field::starts_with`] |
//! | `String`, numbers, [`Timestamp`] | also [`Field::gt`], [`Field::gte`], [`Field::lt`], [`Field::lte`] |
//! | `Vec<T>` | also [`Field::has_some`], [`Field::has_all`], [`Field::is_empty`] |
//! | an enum | values of that enum only, not strings |
//!
//! 64-bit integers are sent as JSON strings, as everywhere else in the crate.
//! [`Filter::and`], [`Filter::or`] and [`Filter::not`] combine conditions;
//! [`Filter::raw`] takes a JSON condition the generator could not type, and
//! mixes with typed ones. Which fields a method can filter and sort by is
//! Wix's decision, documented on each method's page: a field it does not
//! support is refused by the server, whose error names the field.
//!
//! ```
//! use wix_client::wql::{Field, Filter, Query};
//!
//! struct Item; // an entity; generated code uses the real response type
//! const NAME: Field<Item, String> = Field::new("name");
//! const SIZE: Field<Item, i64> = Field::new("details.size");
//!
//! let query = Query::new()
//!     .filter(NAME.starts_with("meeting").or(SIZE.gte(100)))
//!     .filter(Filter::raw(serde_json::json!({"custom": {"$exists": true}})))
//!     .sort(NAME.asc())
//!     .limit(10);
//! assert_eq!(
//!     serde_json::to_string(&query)?,
//!     r#"{"filter":{"$and":[{"$or":[{"name":{"$startsWith":"meeting"}},{"details.size":{"$gte":"100"}}]},{"custom":{"$exists":true}}]},"sort":[{"fieldName":"name","order":"ASC"}],"cursorPaging":{"cursor":null,"limit":10}}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

/// A field of the entity `E` that holds values of type `T`, by its REST path
/// (`name`, `info.name.first`).
///
/// Generated code declares one constant per field of each queried entity;
/// [`Field::new`] also declares fields the generator does not know.
pub struct Field<E, T> {
    path: &'static str,
    marker: PhantomData<fn() -> (E, T)>,
}

// Manual impls: `E` and `T` need not be `Clone`, `Copy` or `Debug`.
impl<E, T> Clone for Field<E, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<E, T> Copy for Field<E, T> {}
impl<E, T> fmt::Debug for Field<E, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Field").field(&self.path).finish()
    }
}

/// A date-time field: compared with `YYYY-MM-DDThh:mm:ss.sssZ` text.
#[derive(Debug, Clone, Copy)]
pub enum Timestamp {}

/// A free-form JSON field: compared with [`serde_json::Value`]s.
#[derive(Debug, Clone, Copy)]
pub enum Json {}

/// A value that can be compared with a field holding `T`.
#[diagnostic::on_unimplemented(
    message = "a query field holding `{T}` cannot be compared with `{Self}`",
    label = "this is `{Self}`, the field holds `{T}`",
    note = "give a `{T}` (an enum field takes its enum's variants, not strings); `Filter::raw` takes JSON the builder cannot type"
)]
pub trait Operand<T> {
    /// The value as the Query Language sends it.
    fn to_json(&self) -> Value;
}

/// Field types [`Field::starts_with`] applies to: strings.
#[diagnostic::on_unimplemented(
    message = "`starts_with` needs a string field, and this query field holds `{Self}`",
    label = "this field holds `{Self}`, not `String`",
    note = "`starts_with` ($startsWith) compares text; compare numbers with `eq`, `gt`, `gte`, `lt` or `lte`"
)]
pub trait Text {}

/// Field types [`Field::gt`], [`Field::gte`], [`Field::lt`] and [`Field::lte`]
/// apply to: numbers, dates and strings.
#[diagnostic::on_unimplemented(
    message = "`gt`, `gte`, `lt` and `lte` need a number, date or string field, and this query field holds `{Self}`",
    label = "this field holds `{Self}`"
)]
pub trait Ordered {}

/// Generated enums that fields of queried entities hold: compared with their
/// own variants, sent as their wire names.
pub trait EnumValue: Serialize {}

impl Text for String {}
impl Ordered for String {}
impl Ordered for Timestamp {}
impl Ordered for i32 {}
impl Ordered for i64 {}
impl Ordered for f64 {}

impl Operand<String> for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}
impl Operand<String> for &str {
    fn to_json(&self) -> Value {
        Value::String((*self).to_owned())
    }
}
impl Operand<Timestamp> for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}
impl Operand<Timestamp> for &str {
    fn to_json(&self) -> Value {
        Value::String((*self).to_owned())
    }
}
impl Operand<i32> for i32 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}
/// 64-bit integers travel as JSON strings (protobuf JSON mapping).
impl Operand<i64> for i64 {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}
impl Operand<i64> for i32 {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}
impl Operand<f64> for f64 {
    fn to_json(&self) -> Value {
        // NaN and infinities have no JSON form: sent as `null`, as serde_json writes them.
        Value::from(*self)
    }
}
impl Operand<f64> for i32 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}
impl Operand<bool> for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}
impl Operand<Json> for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}
impl<T: EnumValue> Operand<T> for T {
    fn to_json(&self) -> Value {
        // Generated enums serialize as their wire-name string, which cannot fail.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}
impl<I, V: Operand<I>> Operand<Vec<I>> for Vec<V> {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(Operand::to_json).collect())
    }
}

impl<E, T> Field<E, T> {
    /// The field at the REST path `path` (dotted for nested fields).
    pub const fn new(path: &'static str) -> Self {
        Field {
            path,
            marker: PhantomData,
        }
    }

    /// The REST path, as `filter` keys and `sort` field names write it.
    pub const fn path(self) -> &'static str {
        self.path
    }

    fn op(self, op: &str, value: Value) -> Filter<E> {
        let mut inner = Map::new();
        inner.insert(op.to_owned(), value);
        let mut outer = Map::new();
        outer.insert(self.path.to_owned(), Value::Object(inner));
        Filter::from_json(Value::Object(outer))
    }

    fn list<V: Operand<T>>(values: impl IntoIterator<Item = V>) -> Value {
        Value::Array(values.into_iter().map(|v| v.to_json()).collect())
    }

    /// `{"path": {"$eq": value}}`: the field equals `value`.
    pub fn eq<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.op("$eq", value.to_json())
    }

    /// `{"path": {"$ne": value}}`: the field differs from `value`.
    pub fn ne<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.op("$ne", value.to_json())
    }

    /// `{"path": {"$in": [values]}}`: the field equals one of `values`.
    pub fn in_<V: Operand<T>>(self, values: impl IntoIterator<Item = V>) -> Filter<E> {
        self.op("$in", Self::list(values))
    }

    /// `{"path": {"$nin": [values]}}`: the field equals none of `values`.
    pub fn nin<V: Operand<T>>(self, values: impl IntoIterator<Item = V>) -> Filter<E> {
        self.op("$nin", Self::list(values))
    }

    /// `{"path": {"$exists": exists}}`: the field is set (`true`) or not (`false`).
    pub fn exists(self, exists: bool) -> Filter<E> {
        self.op("$exists", Value::Bool(exists))
    }

    /// `{"path": {"$startsWith": prefix}}`: the string field starts with `prefix`.
    pub fn starts_with(self, prefix: impl Into<String>) -> Filter<E>
    where
        T: Text,
    {
        self.op("$startsWith", Value::String(prefix.into()))
    }

    /// `{"path": {"$gt": value}}`: the field is greater than `value`.
    pub fn gt<V: Operand<T>>(self, value: V) -> Filter<E>
    where
        T: Ordered,
    {
        self.op("$gt", value.to_json())
    }

    /// `{"path": {"$gte": value}}`: the field is greater than or equal to `value`.
    pub fn gte<V: Operand<T>>(self, value: V) -> Filter<E>
    where
        T: Ordered,
    {
        self.op("$gte", value.to_json())
    }

    /// `{"path": {"$lt": value}}`: the field is less than `value`.
    pub fn lt<V: Operand<T>>(self, value: V) -> Filter<E>
    where
        T: Ordered,
    {
        self.op("$lt", value.to_json())
    }

    /// `{"path": {"$lte": value}}`: the field is less than or equal to `value`.
    pub fn lte<V: Operand<T>>(self, value: V) -> Filter<E>
    where
        T: Ordered,
    {
        self.op("$lte", value.to_json())
    }

    /// Sorts by this field, ascending: `{"fieldName": "path", "order": "ASC"}`.
    pub fn asc(self) -> Sort<E> {
        Sort::new(self.path, Order::Asc)
    }

    /// Sorts by this field, descending: `{"fieldName": "path", "order": "DESC"}`.
    pub fn desc(self) -> Sort<E> {
        Sort::new(self.path, Order::Desc)
    }
}

impl<E, I> Field<E, Vec<I>> {
    /// `{"path": {"$hasSome": [values]}}`: the array field holds at least one of `values`.
    pub fn has_some<V: Operand<I>>(self, values: impl IntoIterator<Item = V>) -> Filter<E> {
        self.op(
            "$hasSome",
            Value::Array(values.into_iter().map(|v| v.to_json()).collect()),
        )
    }

    /// `{"path": {"$hasAll": [values]}}`: the array field holds every one of `values`.
    pub fn has_all<V: Operand<I>>(self, values: impl IntoIterator<Item = V>) -> Filter<E> {
        self.op(
            "$hasAll",
            Value::Array(values.into_iter().map(|v| v.to_json()).collect()),
        )
    }

    /// `{"path": {"$isEmpty": empty}}`: the array field is empty (`true`) or not (`false`).
    pub fn is_empty(self, empty: bool) -> Filter<E> {
        self.op("$isEmpty", Value::Bool(empty))
    }
}

/// A condition on entities `E`: the `filter` object of a query.
pub struct Filter<E> {
    json: Value,
    marker: PhantomData<fn() -> E>,
}

impl<E> Clone for Filter<E> {
    fn clone(&self) -> Self {
        Filter::from_json(self.json.clone())
    }
}
impl<E> fmt::Debug for Filter<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Filter").field(&self.json).finish()
    }
}
impl<E> PartialEq for Filter<E> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl<E> Filter<E> {
    fn from_json(json: Value) -> Self {
        Filter {
            json,
            marker: PhantomData,
        }
    }

    /// A condition written in the Query Language by hand, for what the typed
    /// fields do not cover: `Filter::raw(json!({"extendedFields.namespaces.app.x": {"$eq": 1}}))`.
    /// Combines with typed conditions like any other.
    pub fn raw(condition: Value) -> Self {
        Filter::from_json(condition)
    }

    /// `{"$and": [self, other]}`: both hold. Nested `$and`s are flattened.
    pub fn and(self, other: Filter<E>) -> Self {
        self.join("$and", other)
    }

    /// `{"$or": [self, other]}`: either holds. Nested `$or`s are flattened.
    pub fn or(self, other: Filter<E>) -> Self {
        self.join("$or", other)
    }

    /// `{"$not": self}`: the condition does not hold.
    #[allow(clippy::should_implement_trait)] // `!filter` would read worse in a chain than `.not()`
    pub fn not(self) -> Self {
        let mut map = Map::new();
        map.insert("$not".to_owned(), self.json);
        Filter::from_json(Value::Object(map))
    }

    /// Every one of `filters` holds: `{"$and": [...]}`; `None` when there are none.
    pub fn all(filters: impl IntoIterator<Item = Filter<E>>) -> Option<Self> {
        filters.into_iter().reduce(Filter::and)
    }

    /// At least one of `filters` holds: `{"$or": [...]}`; `None` when there are none.
    pub fn any(filters: impl IntoIterator<Item = Filter<E>>) -> Option<Self> {
        filters.into_iter().reduce(Filter::or)
    }

    /// The Query Language JSON.
    pub fn to_json(&self) -> &Value {
        &self.json
    }

    fn join(self, op: &str, other: Filter<E>) -> Self {
        let mut items = Vec::new();
        for part in [self.json, other.json] {
            match part {
                Value::Object(mut map) if map.len() == 1 && map.get(op).is_some_and(Value::is_array) => {
                    if let Some(Value::Array(inner)) = map.remove(op) {
                        items.extend(inner);
                    }
                }
                other => items.push(other),
            }
        }
        let mut map = Map::new();
        map.insert(op.to_owned(), Value::Array(items));
        Filter::from_json(Value::Object(map))
    }
}

impl<E> Serialize for Filter<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.json.serialize(serializer)
    }
}

/// Sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `ASC`
    Asc,
    /// `DESC`
    Desc,
}

impl Order {
    /// The wire name: `ASC` or `DESC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Asc => "ASC",
            Order::Desc => "DESC",
        }
    }
}

/// One entry of a query's `sort`: `{"fieldName": "path", "order": "ASC"}`.
pub struct Sort<E> {
    field_name: String,
    order: Order,
    marker: PhantomData<fn() -> E>,
}

impl<E> Clone for Sort<E> {
    fn clone(&self) -> Self {
        Sort::new(self.field_name.clone(), self.order)
    }
}
impl<E> fmt::Debug for Sort<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sort")
            .field("field_name", &self.field_name)
            .field("order", &self.order)
            .finish()
    }
}

impl<E> Sort<E> {
    fn new(field_name: impl Into<String>, order: Order) -> Self {
        Sort {
            field_name: field_name.into(),
            order,
            marker: PhantomData,
        }
    }

    /// Sorting by a field name the typed fields do not cover.
    pub fn raw(field_name: impl Into<String>, order: Order) -> Self {
        Sort::new(field_name, order)
    }
}

impl<E> Serialize for Sort<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("fieldName", &self.field_name)?;
        map.serialize_entry("order", self.order.as_str())?;
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Paging {
    /// `cursorPaging`: `{"cursor": cursor-or-null, "limit": n}`.
    Cursor(Option<String>),
    /// `paging`: `{"limit": n, "offset": n}`.
    Offset(u64),
}

/// A query on entities `E`: `filter`, `sort`, paging, and for search methods
/// the free-text `search`.
///
/// Serializes as the method's `query` (or `search`) object, keys in this
/// order: `filter`, `sort`, `search`, then `cursorPaging` or `paging`. Paging
/// is by cursor unless [`Query::offset`] is called; `cursorPaging` is written
/// when a limit or a cursor is set, its `cursor` `null` on the first page as
/// the Wix pages write it. Which paging a method offers is on its page.
pub struct Query<E> {
    filter: Option<Filter<E>>,
    sort: Vec<Sort<E>>,
    search: Option<Value>,
    limit: Option<u32>,
    paging: Paging,
}

impl<E> Clone for Query<E> {
    fn clone(&self) -> Self {
        Query {
            filter: self.filter.clone(),
            sort: self.sort.clone(),
            search: self.search.clone(),
            limit: self.limit,
            paging: self.paging.clone(),
        }
    }
}
impl<E> fmt::Debug for Query<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query")
            .field("filter", &self.filter)
            .field("sort", &self.sort)
            .field("search", &self.search)
            .field("limit", &self.limit)
            .field("paging", &self.paging)
            .finish()
    }
}
impl<E> Default for Query<E> {
    fn default() -> Self {
        Query::new()
    }
}

impl<E> Query<E> {
    /// Everything, in the server's default order and page size.
    pub fn new() -> Self {
        Query {
            filter: None,
            sort: Vec::new(),
            search: None,
            limit: None,
            paging: Paging::Cursor(None),
        }
    }

    /// Adds a condition; several calls must all hold (`$and`).
    pub fn filter(mut self, filter: Filter<E>) -> Self {
        self.filter = Some(match self.filter.take() {
            Some(previous) => previous.and(filter),
            None => filter,
        });
        self
    }

    /// Adds a sort key after the ones already given.
    pub fn sort(mut self, sort: Sort<E>) -> Self {
        self.sort.push(sort);
        self
    }

    /// The page size (`limit`).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The page at `cursor` (`cursorPaging.cursor`, from the previous
    /// response's `pagingMetadata.cursors`). Wix reads only the cursor and
    /// the limit then: the cursor carries the filter and sort of the first request.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.paging = Paging::Cursor(Some(cursor.into()));
        self
    }

    /// Offset paging (`paging.offset`), for methods whose page offers `paging` instead of `cursorPaging`.
    pub fn offset(mut self, offset: u64) -> Self {
        self.paging = Paging::Offset(offset);
        self
    }

    /// Free-text search, for search methods: `"search": {"expression": text}`.
    pub fn search(mut self, expression: impl Into<String>) -> Self {
        let mut map = Map::new();
        map.insert("expression".to_owned(), Value::String(expression.into()));
        self.search = Some(Value::Object(map));
        self
    }

    /// Free-text search with the other `SearchDetails` of the method's page
    /// (`mode`, `fields`, `fuzzy`), as JSON: `json!({"expression": "x", "fuzzy": true})`.
    pub fn search_raw(mut self, search: Value) -> Self {
        self.search = Some(search);
        self
    }

    /// The request for the page after this one: the cursor and the page size
    /// only, as the pages ask ("Following requests use the cursor token and
    /// not `filter` or `sort`"). What `*_stream` methods send after the first page.
    pub fn next_page(&mut self, cursor: String) {
        self.filter = None;
        self.sort.clear();
        self.search = None;
        self.paging = Paging::Cursor(Some(cursor));
    }

    /// `{key: query}`: the request body of a method whose only param is the
    /// query, named `key` (`query`, `search`) on its page.
    pub fn body<'a>(&'a self, key: &'static str) -> impl Serialize + 'a {
        Body { key, query: self }
    }
}

impl<E> Serialize for Query<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(filter) = &self.filter {
            map.serialize_entry("filter", filter)?;
        }
        if !self.sort.is_empty() {
            map.serialize_entry("sort", &self.sort)?;
        }
        if let Some(search) = &self.search {
            map.serialize_entry("search", search)?;
        }
        match &self.paging {
            Paging::Cursor(cursor) if cursor.is_some() || self.limit.is_some() => {
                map.serialize_entry(
                    "cursorPaging",
                    &CursorPaging {
                        cursor: cursor.as_deref(),
                        limit: self.limit,
                    },
                )?;
            }
            Paging::Cursor(_) => {}
            Paging::Offset(offset) => {
                map.serialize_entry(
                    "paging",
                    &OffsetPaging {
                        limit: self.limit,
                        offset: *offset,
                    },
                )?;
            }
        }
        map.end()
    }
}

struct CursorPaging<'a> {
    cursor: Option<&'a str>,
    limit: Option<u32>,
}

impl Serialize for CursorPaging<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("cursor", &self.cursor)?;
        if let Some(limit) = self.limit {
            map.serialize_entry("limit", &limit)?;
        }
        map.end()
    }
}

struct OffsetPaging {
    limit: Option<u32>,
    offset: u64,
}

impl Serialize for OffsetPaging {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(limit) = self.limit {
            map.serialize_entry("limit", &limit)?;
        }
        map.serialize_entry("offset", &self.offset)?;
        map.end()
    }
}

struct Body<'a, E> {
    key: &'static str,
    query: &'a Query<E>,
}

impl<E> Serialize for Body<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.key, self.query)?;
        map.end()
    }
}
