//! Cursor pagination: which methods can be followed page by page.
//!
//! A method is paged when
//!
//! * its request has cursor paging: a query or body param, or a field (or
//!   ONE-OF member) of a param's message, whose type is a *cursor paging
//!   type*, whatever its name: `paging.cursor` (ListMessages, a GET, sends it
//!   in the query string), `cursorPaging.cursor`, `query.cursorPaging.cursor`;
//! * its response has `pagingMetadata.cursors.next`, a string;
//! * its response has exactly one array-of-named-type field: the items.
//!
//! A cursor paging type is a message with a string field `cursor` that is
//! either named `CursorPaging` on the page, or has exactly the regular fields
//! `limit` (an integer) and `cursor` and no ONE-OF.
//!
//! The search is deterministic: params are looked at before their fields, and
//! the request cursor is taken from the shallowest level that has cursor
//! paging. When that level has more than one candidate the method is ambiguous
//! and gets no pagination rather than one picked by order.

use crate::model::{Field, Method, NamedType, Pagination, StructType, TypeRef};
use std::collections::HashMap;

/// The pagination of `method`, if it has one. `types` are the package's
/// types by `rust_name`.
pub(crate) fn detect(method: &Method, types: &HashMap<&str, &NamedType>) -> Option<Pagination> {
    let request_cursor = request_cursor(method, types)?;
    let response = named_struct(method.response.as_ref()?, types)?;
    let metadata = field(response, "pagingMetadata")?;
    let cursors = field(named_struct(&metadata.ty, types)?, "cursors")?;
    let next = field(named_struct(&cursors.ty, types)?, "next")?;
    if next.ty != TypeRef::String {
        return None;
    }
    let mut arrays = response.fields.iter().filter_map(|f| match &f.ty {
        TypeRef::Array(inner) if matches!(**inner, TypeRef::Named(_)) => Some((f, inner.as_ref())),
        _ => None,
    });
    let (items, item) = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    Some(Pagination {
        request_cursor,
        items_field: items.wire_name.clone(),
        item: item.clone(),
        response_next_cursor: vec!["pagingMetadata".into(), "cursors".into(), "next".into()],
    })
}

/// The wire-name path of the request cursor: `[param, "cursor"]` or
/// `[param, field, "cursor"]`. Path params are strings in the URL, never
/// messages, so only query and body params are searched.
fn request_cursor(method: &Method, types: &HashMap<&str, &NamedType>) -> Option<Vec<String>> {
    let params = || method.query_params.iter().chain(&method.body_params);
    let is_paging = |f: &Field| named_struct(&f.ty, types).is_some_and(is_cursor_paging);

    let direct: Vec<Vec<String>> = params()
        .filter(|p| is_paging(p))
        .map(|p| vec![p.wire_name.clone(), "cursor".into()])
        .collect();
    if !direct.is_empty() {
        return single(direct);
    }
    let nested: Vec<Vec<String>> = params()
        .filter_map(|p| Some((p, named_struct(&p.ty, types)?)))
        .flat_map(|(p, s)| {
            all_fields(s)
                .filter(|f| is_paging(f))
                .map(move |f| vec![p.wire_name.clone(), f.wire_name.clone(), "cursor".into()])
        })
        .collect();
    single(nested)
}

/// The only element of `candidates`; none when there are none or several.
fn single(mut candidates: Vec<Vec<String>>) -> Option<Vec<String>> {
    if candidates.len() == 1 { candidates.pop() } else { None }
}

/// Whether `s` is a cursor paging type (see the module docs).
fn is_cursor_paging(s: &StructType) -> bool {
    let Some(cursor) = s.fields.iter().find(|f| f.wire_name == "cursor") else {
        return false;
    };
    if cursor.ty != TypeRef::String {
        return false;
    }
    if s.name == "CursorPaging" {
        return true;
    }
    let limit_ok = |f: &Field| f.wire_name == "limit" && matches!(f.ty, TypeRef::Int32 | TypeRef::Int64);
    s.one_ofs.is_empty() && s.fields.len() == 2 && s.fields.iter().any(limit_ok)
}

fn named_struct<'a>(ty: &TypeRef, types: &HashMap<&str, &'a NamedType>) -> Option<&'a StructType> {
    match ty {
        TypeRef::Named(n) => match types.get(n.as_str()) {
            Some(NamedType::Struct(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Regular fields, then ONE-OF members, of `s`, in page order.
fn all_fields(s: &StructType) -> impl Iterator<Item = &Field> {
    s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| g.members.iter()))
}

/// A regular field or ONE-OF member of `s` by wire name.
fn field<'a>(s: &'a StructType, wire: &str) -> Option<&'a Field> {
    all_fields(s).find(|f| f.wire_name == wire)
}
