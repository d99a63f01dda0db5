//! Typed queries: for each entity a query or search method returns, a table of
//! `wix_client::wql::Field` constants (in `types.rs`), and for each such
//! method `<method>_typed` and `<method>_typed_stream`, which take a
//! `wix_client::wql::Query` of the entity (in the service's file).
//!
//! The operators live once in `wix_client::wql`; a package pays one constant
//! per field of a queried entity, one empty impl per enum such a field holds,
//! and two methods per query method. A package without query methods gets nothing.
//! Methods are recognized by [`wixgen_ir::queries::query_method`].

use super::docs;
use super::docs::code_text;
use super::idents::{self, bare, ident};
use super::scope::PackageScope;
use super::slots;
use heck::ToShoutySnakeCase;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;
use wixgen_ir::model::{HttpMethod, Method, NamedType, Package, PathSegment, Service, StructType, TypeRef};
use wixgen_ir::queries::{QueryMethod, query_method};

/// How deep nested messages are followed: `a.b.c.d` at most.
const MAX_DEPTH: usize = 4;

/// Every query method of the package, with the method.
fn query_methods(package: &Package) -> impl Iterator<Item = (&Service, &Method, QueryMethod<'_>)> {
    package.services.iter().flat_map(move |service| {
        service
            .methods
            .iter()
            .filter_map(move |m| Some((service, m, query_method(m, package)?)))
    })
}

/// The field tables of every queried entity of the package, and the
/// `EnumValue` impls of the enums their fields hold: items of `types.rs`.
pub(crate) fn field_tables(cx: &PackageScope, package: &Package) -> TokenStream {
    let mut entities: Vec<(&StructType, Vec<String>)> = Vec::new();
    for (_, m, q) in query_methods(package) {
        let name = match typed_parts(cx, m, &q) {
            Some(_) => format!(
                "`{}` (typed: `{}_typed`)",
                code_text(bare(&m.rust_name)),
                bare(&m.rust_name)
            ),
            None => format!("`{}`", code_text(bare(&m.rust_name))),
        };
        match entities.iter_mut().find(|(e, _)| e.rust_name == q.entity.rust_name) {
            Some((_, methods)) => methods.push(name),
            None => entities.push((q.entity, vec![name])),
        }
    }
    entities.sort_by(|a, b| a.0.rust_name.cmp(&b.0.rust_name));
    let mut enums: BTreeSet<String> = BTreeSet::new();
    let mut out = TokenStream::new();
    for (entity, methods) in &entities {
        let mut fields = Vec::new();
        collect(
            cx,
            entity,
            "",
            1,
            &mut vec![entity.rust_name.as_str()],
            &mut fields,
            &mut enums,
        );
        if fields.is_empty() {
            continue;
        }
        let mut names: Vec<String> = fields.iter().map(|(path, _)| const_name(path)).collect();
        idents::dedupe(&mut names);
        let entity_id = ident(&entity.rust_name);
        let paths: Vec<String> = fields.iter().map(|(p, _)| format!("`{}`", code_text(p))).collect();
        let consts = fields.iter().zip(&names).map(|((path, ty), name)| {
            let id = ident(name);
            let doc = format!(" `{}`", code_text(path));
            quote! {
                #[doc = #doc]
                pub const #id: wix_client::wql::Field<Self, #ty> = wix_client::wql::Field::new(#path);
            }
        });
        let doc = docs::lines_to_attrs(&[
            format!(
                "Fields of [`{entity_id}`] for typed queries ([`wix_client::wql`]), by REST path: {}.",
                paths.join(", ")
            ),
            String::new(),
            format!(
                "Returned by {}. Wix decides which of these fields each method can filter and sort by \
                 (see the method's page); a field it does not support is refused by the server, \
                 whose error names the field.",
                methods.join(", ")
            ),
        ]);
        out.extend(quote! {
            #doc
            impl #entity_id {
                #(#consts)*
            }
        });
    }
    for e in enums {
        let id = ident(&e);
        out.extend(quote!(impl wix_client::wql::EnumValue for #id {}));
    }
    out
}

/// `info.name.first` → `INFO_NAME_FIRST`.
fn const_name(path: &str) -> String {
    path.split('.')
        .map(|s| s.to_shouty_snake_case())
        .collect::<Vec<_>>()
        .join("_")
}

/// The queryable fields of `s` under `prefix`: `(REST path, value type)`.
fn collect<'a>(
    cx: &PackageScope<'a>,
    s: &'a StructType,
    prefix: &str,
    depth: usize,
    visiting: &mut Vec<&'a str>,
    out: &mut Vec<(String, TokenStream)>,
    enums: &mut BTreeSet<String>,
) {
    let fields = s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| g.members.iter()));
    for f in fields {
        let path = format!("{prefix}{}", f.wire_name);
        if let TypeRef::Named(n) = &f.ty
            && let Some(NamedType::Struct(inner)) = cx.named(n)
        {
            if depth < MAX_DEPTH && !visiting.contains(&inner.rust_name.as_str()) {
                visiting.push(&inner.rust_name);
                collect(cx, inner, &format!("{path}."), depth + 1, visiting, out, enums);
                visiting.pop();
            }
            continue;
        }
        if let Some(ty) = value_type(cx, &f.ty, enums) {
            out.push((path, ty));
        }
    }
}

/// The `T` of `Field<E, T>` for a field of type `ty`; `None` for what the
/// Query Language cannot compare (arrays of messages, nested arrays).
fn value_type(cx: &PackageScope, ty: &TypeRef, enums: &mut BTreeSet<String>) -> Option<TokenStream> {
    Some(match ty {
        TypeRef::String => cx.string(),
        TypeRef::Timestamp => quote!(wix_client::wql::Timestamp),
        TypeRef::Int32 => quote!(i32),
        TypeRef::Int64 => quote!(i64),
        TypeRef::Float64 => quote!(f64),
        TypeRef::Bool => quote!(bool),
        TypeRef::Json => quote!(wix_client::wql::Json),
        TypeRef::Named(n) => match cx.named(n)? {
            NamedType::Enum(e) => {
                enums.insert(e.rust_name.clone());
                let id = ident(&e.rust_name);
                quote!(#id)
            }
            NamedType::Struct(_) => return None,
        },
        TypeRef::Array(inner) => {
            if matches!(**inner, TypeRef::Array(_)) {
                return None;
            }
            let inner = value_type(cx, inner, enums)?;
            let vec = cx.vec();
            quote!(#vec<#inner>)
        }
    })
}

/// `<method>_typed` and `<method>_typed_stream` for the service's query
/// methods whose request is the query alone: an `impl` block of the service's
/// client (`struct_name`), or nothing.
pub(crate) fn service_methods(
    cx: &PackageScope,
    package: &Package,
    service: &Service,
    struct_name: &str,
) -> TokenStream {
    let methods: Vec<TokenStream> = query_methods(package)
        .filter(|(s, _, _)| std::ptr::eq(*s, service))
        .filter_map(|(_, m, q)| typed_methods(cx, m, &q))
        .collect();
    if methods.is_empty() {
        return TokenStream::new();
    }
    let name = ident(struct_name);
    quote! {
        impl #name {
            #(#methods)*
        }
    }
}

/// The URL path and the response message of a query method that gets typed
/// forms: a POST whose body is the query alone, with a literal path and a
/// message response.
fn typed_parts<'a>(cx: &PackageScope<'a>, m: &Method, q: &QueryMethod) -> Option<(String, &'a StructType)> {
    if m.http_method != HttpMethod::Post || !q.query_is_whole_body(m) {
        return None;
    }
    let mut path = String::new();
    for segment in &m.path {
        match segment {
            PathSegment::Literal(l) => path.push_str(l),
            PathSegment::Param(_) => return None,
        }
    }
    match &m.response {
        Some(TypeRef::Named(n)) => match cx.named(n)? {
            NamedType::Struct(s) => Some((path, s)),
            NamedType::Enum(_) => None,
        },
        _ => None,
    }
}

fn typed_methods(cx: &PackageScope, m: &Method, q: &QueryMethod) -> Option<TokenStream> {
    let (path, response) = typed_parts(cx, m, q)?;
    let result = cx.result();
    let raw = bare(&m.rust_name);
    let typed = ident(&format!("{raw}_typed"));
    let entity = ident(&q.entity.rust_name);
    let response_id = ident(&response.rust_name);
    let op = m.operation.clone();
    let key = &q.param.wire_name;
    let query_ty = quote!(wix_client::wql::Query<super::types::#entity>);
    let paging = match (q.cursor_paging, q.offset_paging) {
        (true, true) => "by cursor (`cursorPaging`) or offset (`paging`)",
        (true, false) => "by cursor (`cursorPaging`)",
        _ => "by offset (`paging`: use `Query::offset`)",
    };
    let doc = docs::lines_to_attrs(&[
        format!(
            "[`Self::{raw}`] with a typed query of `{entity}` ([its fields](super::types::{entity})), sent as `{}`.",
            code_text(key)
        ),
        String::new(),
        format!(
            "Filter and sort with the field constants of `{entity}` \
             (one associated constant per field); this method pages {paging}{}. Wix decides which fields it \
             can filter and sort by: a field it does not support is refused with an error naming it.",
            if q.search {
                " and searches free text (`Query::search`)"
            } else {
                ""
            }
        ),
    ]);
    let mut out = quote! {
        #doc
        pub async fn #typed(&self, query: &#query_ty) -> #result<super::types::#response_id, wix_client::Error> {
            let api_request = wix_client::ApiRequest::new(wix_client::HttpMethod::Post, #op)
                .path(#path)
                .json(&query.body(#key))?
                .options(&self.options);
            self.client.send(api_request).await
        }
    };
    if let Some(stream) = typed_stream(cx, m, q, response, &typed, &query_ty) {
        out.extend(stream);
    }
    Some(out)
}

/// `<method>_typed_stream`: when the method pages by `cursorPaging` and its
/// response has the cursor and items the method's pagination names.
fn typed_stream(
    cx: &PackageScope,
    m: &Method,
    q: &QueryMethod,
    response: &StructType,
    typed: &proc_macro2::Ident,
    query_ty: &TokenStream,
) -> Option<TokenStream> {
    let p = m.pagination.as_ref()?;
    if !q.cursor_paging || p.request_cursor != [q.param.wire_name.as_str(), "cursorPaging", "cursor"] {
        return None;
    }
    let (items_expr, next_expr) = slots::split_body(cx, response, &p.items_field, &p.item, &p.response_next_cursor)?;
    let item_ty = cx.rust_type(&p.item);
    let result = cx.result();
    let string = cx.string();
    let response_id = ident(&response.rust_name);
    let stream = ident(&format!("{}_stream", bare(&typed.to_string())));
    let doc = docs::lines_to_attrs(&[
        format!("Every item of [`Self::{typed}`], page after page."),
        String::new(),
        format!(
            "Sends `query`, then only the next cursor (`{}` of the response) and the page size, \
             as the pages ask (\"Following requests use the cursor token and not `filter` or `sort`\"), \
             until there is no next cursor, yielding each of `{}` once. An error ends the stream after it is yielded.",
            code_text(&p.response_next_cursor.join(".")),
            code_text(&p.items_field),
        ),
    ]);
    Some(quote! {
        #doc
        pub fn #stream(
            &self,
            query: &#query_ty,
        ) -> impl wix_client::reexports::futures::Stream<Item = #result<#item_ty, wix_client::Error>> + use<> {
            let service = self.clone();
            wix_client::paginate::cursor_stream(
                query.clone(),
                move |query: #query_ty| {
                    let service = service.clone();
                    async move { service.#typed(&query).await }
                },
                |query: &mut #query_ty, cursor: #string| query.next_page(cursor),
                |response: super::types::#response_id| {
                    let next = #next_expr;
                    (#items_expr, next)
                },
            )
        }
    })
}

/// For the raw `<method>_stream` of a query method that pages by a regular
/// `cursorPaging` field: a statement that drops everything but
/// `cursorPaging` (the cursor and the page size) from the query before the
/// cursor is set, so that the requests after the first carry no `filter` or
/// `sort`, as the pages ask; and the doc sentence saying so. Nothing for other methods.
pub(crate) fn raw_stream_reset(cx: &PackageScope, m: &Method) -> Option<(TokenStream, String)> {
    let p = m.pagination.as_ref()?;
    let q = query_method(m, cx.package)?;
    if !q.cursor_paging || p.request_cursor != [q.param.wire_name.as_str(), "cursorPaging", "cursor"] {
        return None;
    }
    let paging = q.query_type.fields.iter().find(|f| f.wire_name == "cursorPaging")?;
    let param = ident(&q.param.rust_name);
    let paging_id = ident(&paging.rust_name);
    let query_ty = ident(&q.query_type.rust_name);
    let tokens = quote! {
        if let Some(query) = request.#param.as_mut() {
            // A fresh value (no filter, sort or unknown keys) with the paging
            // moved over: the struct's unknown keys are private to its module.
            let mut next = <super::types::#query_ty as wix_client::wire::object::Object>::empty();
            next.#paging_id = query.#paging_id.take();
            *query = next;
        }
    };
    let doc = format!(
        "The requests after the first keep only `{}.cursorPaging` (the cursor and the page size): \
         \"Following requests use the cursor token and not `filter` or `sort`\".",
        code_text(&q.param.wire_name),
    );
    Some((tokens, doc))
}
