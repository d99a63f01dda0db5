//! Cursor pagination: which methods can be followed page by page.
//!
//! A method is paged when
//!
//! * its request has cursor paging: a top-level param `cursorPaging`, or a
//!   param whose type has a field (or ONE-OF member) `cursorPaging`, whose type
//!   has a field `cursor` (`query.cursorPaging.cursor`);
//! * its response has `pagingMetadata.cursors.next`;
//! * its response has exactly one array-of-named-type field: the items.

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

fn request_cursor(method: &Method, types: &HashMap<&str, &NamedType>) -> Option<Vec<String>> {
    let params = || {
        method
            .path_params
            .iter()
            .chain(&method.query_params)
            .chain(&method.body_params)
    };
    let has_cursor = |f: &Field| {
        named_struct(&f.ty, types)
            .and_then(|s| field(s, "cursor"))
            .is_some_and(|c| c.ty == TypeRef::String)
    };
    if let Some(p) = params().find(|p| p.wire_name == "cursorPaging" && has_cursor(p)) {
        return Some(vec![p.wire_name.clone(), "cursor".into()]);
    }
    params().find_map(|p| {
        let paging = field(named_struct(&p.ty, types)?, "cursorPaging")?;
        has_cursor(paging).then(|| vec![p.wire_name.clone(), "cursorPaging".into(), "cursor".into()])
    })
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

/// A regular field or ONE-OF member of `s` by wire name.
fn field<'a>(s: &'a StructType, wire: &str) -> Option<&'a Field> {
    s.fields
        .iter()
        .chain(s.one_ofs.iter().flat_map(|g| g.members.iter()))
        .find(|f| f.wire_name == wire)
}
