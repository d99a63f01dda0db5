//! Walking a dotted wire path through the plans of a request or response
//! struct: where each step lands (a field, or a member of a ONE-OF group),
//! setting the request's cursor there, and reading the response's items and
//! next cursor. Shared by the service clients (`methods`) and the typed query
//! methods (`queries`); it imports only the plans below it.

use super::idents::ident;
use super::plan::{self, FieldPlan, Place, Store};
use super::scope::{PackageScope, Side};
use proc_macro2::TokenStream;
use quote::quote;
use wixgen_ir::model::{Field, Method, NamedType, StructType, TypeRef};

/// Where a step of a path lands: a plain field or a member of a ONE-OF group.
pub(crate) enum Slot<'a> {
    Field(FieldPlan<'a>),
    Member {
        group_field: proc_macro2::Ident,
        kind: TokenStream,
        variant: proc_macro2::Ident,
        boxed: bool,
        field: &'a Field,
    },
}

pub(crate) fn find_in_struct<'a>(cx: &PackageScope, s: &'a StructType, wire: &str) -> Option<Slot<'a>> {
    let side = cx.side(s);
    if let Some(f) = s.fields.iter().find(|f| f.wire_name == wire) {
        return Some(Slot::Field(plan::plan_field(cx, &s.rust_name, side, f, Place::Serde)));
    }
    for g in &s.one_ofs {
        if let Some(f) = g.members.iter().find(|f| f.wire_name == wire) {
            if side.builds() {
                let plan = plan::plan_group(cx, &s.rust_name, side, g);
                let member = plan.members.iter().find(|mp| mp.field.wire_name == wire)?;
                return Some(Slot::Member {
                    group_field: ident(&g.field_rust_name),
                    kind: {
                        let kind = ident(&g.rust_name);
                        quote!(super::types::#kind)
                    },
                    variant: ident(&member.variant),
                    boxed: member.boxed,
                    field: f,
                });
            }
            return Some(Slot::Field(plan::plan_field(cx, &s.rust_name, side, f, Place::Serde)));
        }
    }
    None
}

pub(crate) fn struct_of<'a>(cx: &PackageScope<'a>, ty: &TypeRef) -> Option<&'a StructType> {
    match ty {
        TypeRef::Named(n) => match cx.named(n)? {
            NamedType::Struct(s) => Some(s),
            NamedType::Enum(_) => None,
        },
        _ => None,
    }
}

/// Statements that store `cursor` at `path` inside `request`, creating the
/// missing optional messages and ONE-OF members on the way (those must be
/// `Default`; required ones are always there and need not be).
pub(crate) fn set_cursor_body(cx: &PackageScope, m: &Method, path: &[String]) -> Option<TokenStream> {
    let (first, rest) = path.split_first()?;
    let field = m
        .query_params
        .iter()
        .chain(&m.body_params)
        .find(|f| &f.wire_name == first)?;
    let plan = plan::plan_field(cx, &m.request_rust_name, Side::Request, field, Place::Serde);
    set_in_slot(cx, quote!(request), Slot::Field(plan), rest)
}

pub(crate) fn set_in_slot(cx: &PackageScope, place: TokenStream, slot: Slot, rest: &[String]) -> Option<TokenStream> {
    // A message missing on the way is created empty.
    let empty = |ty: &TypeRef, boxed: bool| -> Option<TokenStream> {
        let s = struct_of(cx, ty)?;
        let t = ident(&s.rust_name);
        let value = quote!(<super::types::#t as wix_client::wire::object::Object>::empty());
        Some(if boxed {
            let b = cx.boxed_ty();
            quote!(|| #b::new(#value))
        } else {
            quote!(<super::types::#t as wix_client::wire::object::Object>::empty)
        })
    };
    match slot {
        Slot::Field(plan) => {
            let id = plan.ident();
            if plan.store == Store::List {
                return None;
            }
            if rest.is_empty() {
                return matches!(plan.field.ty, TypeRef::String).then(|| quote!(#place.#id = Some(cursor);));
            }
            let s = struct_of(cx, &plan.field.ty)?;
            let created = empty(&plan.field.ty, plan.boxed)?;
            let next = find_in_struct(cx, s, &rest[0])?;
            let inner = set_in_slot(cx, quote!(next), next, &rest[1..])?;
            Some(quote! {
                let next = #place.#id.get_or_insert_with(#created);
                #inner
            })
        }
        Slot::Member {
            group_field,
            kind,
            variant,
            boxed,
            field,
        } => {
            if rest.is_empty() {
                return matches!(field.ty, TypeRef::String)
                    .then(|| quote!(#place.#group_field = Some(#kind::#variant(cursor));));
            }
            let s = struct_of(cx, &field.ty)?;
            let created = empty(&field.ty, boxed)?;
            let next = find_in_struct(cx, s, &rest[0])?;
            let inner = set_in_slot(cx, quote!(next), next, &rest[1..])?;
            Some(quote! {
                if !matches!(#place.#group_field, Some(#kind::#variant(_))) {
                    #place.#group_field = Some(#kind::#variant((#created)()));
                }
                if let Some(#kind::#variant(next)) = &mut #place.#group_field {
                    #inner
                }
            })
        }
    }
}

/// The items expression and the next-cursor expression (an `Option<String>`,
/// empty cursors treated as none) over `response`.
pub(crate) fn split_body(
    cx: &PackageScope,
    response: &StructType,
    items_field: &str,
    item: &TypeRef,
    next_path: &[String],
) -> Option<(TokenStream, TokenStream)> {
    let Slot::Field(items) = find_in_struct(cx, response, items_field)? else {
        return None;
    };
    if items.store != Store::List || items.field.ty != TypeRef::Array(Box::new(item.clone())) {
        return None;
    }
    let items_id = items.ident();

    // Walk the next-cursor path as an `Option<&T>` chain.
    let mut expr: Option<TokenStream> = None;
    let mut current = response;
    for (i, wire) in next_path.iter().enumerate() {
        let Slot::Field(plan) = find_in_struct(cx, current, wire)? else {
            return None;
        };
        let id = plan.ident();
        let last = i + 1 == next_path.len();
        expr = Some(match (expr, plan.store) {
            (None, Store::Optional) => quote!(response.#id.as_ref()),
            (Some(e), Store::Optional) => quote!(#e.and_then(|v| v.#id.as_ref())),
            (_, Store::List) => return None,
        });
        if last {
            if plan.field.ty != TypeRef::String {
                return None;
            }
        } else {
            current = struct_of(cx, &plan.field.ty)?;
        }
    }
    let expr = expr?;
    Some((
        quote!(response.#items_id),
        quote!(#expr.filter(|cursor| !cursor.is_empty()).cloned()),
    ))
}
