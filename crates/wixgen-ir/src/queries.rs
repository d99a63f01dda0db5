//! Query and search methods: which methods take a query in the Wix API Query
//! Language, and which entity they return.
//!
//! Recognized by the shape of a param, whatever the method or param is named
//! (`query` of QueryResourceTypes, `search` of SearchBookings): a query or
//! body param whose message type has
//!
//! * `filter`, free-form JSON (`object` on the page),
//! * `sort`, an array of a message with a string `fieldName` (`Sorting`),
//! * paging: `cursorPaging` (a message with a string `cursor`) or `paging`
//!   (a message with an integer `offset` or `limit`), as a regular field or a
//!   ONE-OF member;
//!
//! optionally `search` (a message with a string `expression`: the free-text
//! part of search methods). Exactly one param may have that shape. The
//! entity is the named message of the response's only array of named
//! messages (`resourceTypes: array<ResourceType>`).

use crate::model::{Field, Method, NamedType, Package, StructType, TypeRef};

/// A query or search method, as recognized from its params.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QueryMethod<'a> {
    /// The param holding the query (`query`, `search`).
    pub param: &'a Field,
    /// Its message type (`CursorQuery`).
    pub query_type: &'a StructType,
    /// The response's array of entities (`resourceTypes`).
    pub items: &'a Field,
    /// The entity (`ResourceType`): what the filter and sort fields belong to.
    pub entity: &'a StructType,
    /// The query has `cursorPaging`.
    pub cursor_paging: bool,
    /// The query has offset `paging`.
    pub offset_paging: bool,
    /// The query has a free-text `search` (search methods).
    pub search: bool,
}

impl QueryMethod<'_> {
    /// The query is the request's only param and goes in a POST body: the
    /// request is exactly `{param: query}`, so a typed query can be sent as is.
    pub fn query_is_whole_body(&self, method: &Method) -> bool {
        method.path_params.is_empty()
            && method.query_params.is_empty()
            && method.body_params.len() == 1
            && std::ptr::eq(&method.body_params[0], self.param)
    }
}

/// The query shape of `method` in `package`, when it has one (see the module docs).
pub fn query_method<'a>(method: &'a Method, package: &'a Package) -> Option<QueryMethod<'a>> {
    let mut found = method
        .query_params
        .iter()
        .chain(&method.body_params)
        .filter_map(|p| Some((p, named_struct(&p.ty, package)?)))
        .filter_map(|(p, s)| Some((p, s, query_shape(s, package)?)));
    let (param, query_type, (cursor_paging, offset_paging, search)) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let response = named_struct(method.response.as_ref()?, package)?;
    let mut arrays = all_fields(response).filter_map(|f| match &f.ty {
        TypeRef::Array(inner) => Some((f, named_struct(inner, package)?)),
        _ => None,
    });
    let (items, entity) = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    Some(QueryMethod {
        param,
        query_type,
        items,
        entity,
        cursor_paging,
        offset_paging,
        search,
    })
}

/// `(cursor paging, offset paging, search)` when `s` is a query message.
fn query_shape(s: &StructType, package: &Package) -> Option<(bool, bool, bool)> {
    if field(s, "filter")?.ty != TypeRef::Json {
        return None;
    }
    let TypeRef::Array(sorting) = &field(s, "sort")?.ty else {
        return None;
    };
    let sorting = named_struct(sorting, package)?;
    if !field(sorting, "fieldName").is_some_and(|f| f.ty == TypeRef::String) {
        return None;
    }
    let message_with = |name: &str, test: &dyn Fn(&StructType) -> bool| {
        field(s, name)
            .and_then(|f| named_struct(&f.ty, package))
            .is_some_and(test)
    };
    let cursor = message_with("cursorPaging", &|p| {
        field(p, "cursor").is_some_and(|f| f.ty == TypeRef::String)
    });
    let offset = message_with("paging", &|p| {
        ["offset", "limit"]
            .iter()
            .any(|n| field(p, n).is_some_and(|f| matches!(f.ty, TypeRef::Int32 | TypeRef::Int64)))
    });
    if !cursor && !offset {
        return None;
    }
    let search = message_with("search", &|p| {
        field(p, "expression").is_some_and(|f| f.ty == TypeRef::String)
    });
    Some((cursor, offset, search))
}

fn named_struct<'a>(ty: &TypeRef, package: &'a Package) -> Option<&'a StructType> {
    let TypeRef::Named(name) = ty else { return None };
    package.types.iter().find_map(|t| match t {
        NamedType::Struct(s) if s.rust_name == *name => Some(s),
        _ => None,
    })
}

/// Regular fields, then ONE-OF members, of `s`.
fn all_fields(s: &StructType) -> impl Iterator<Item = &Field> {
    s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| g.members.iter()))
}

fn field<'a>(s: &'a StructType, wire: &str) -> Option<&'a Field> {
    all_fields(s).find(|f| f.wire_name == wire)
}
