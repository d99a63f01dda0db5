//! How a message type travels: its `wix_client::wire::object::Object` impl.
//!
//! Generated types do not derive serde's traits, whose generated visitors
//! were most of the generated crate's compile time. Each struct instead
//! states its wire layout in one `wix_client::__object!` invocation (one line
//! per field: its Rust name, how it travels, its wire name), which expands
//! to a match arm and a statement per field, generic over the format (nothing
//! is compiled until a format uses it); the `Serialize`/`Deserialize` pair
//! comes from `wix_client::__serde_object!`. The JSON is what the derive
//! wrote: set fields only, int64 as strings, a ONE-OF group as its member's
//! key (first key wins); and unknown keys (and members after a group's
//! first) are kept in a private `unknown_keys` field and written back after
//! the known fields.

use super::ast;
use super::idents::ident;
use super::plan::{self, FieldPlan, GroupPlan, Place, Store};
use super::scope::PackageScope;
use quote::quote;
use wixgen_ir::model::TypeRef;

/// How a field travels: `opt`, `list`, `int64`, `int64_list`.
fn field_kind(ty: &TypeRef, store: Store) -> proc_macro2::Ident {
    ident(match (ty, store) {
        (TypeRef::Int64, Store::Optional) => "int64",
        (TypeRef::Array(inner), Store::List) if **inner == TypeRef::Int64 => "int64_list",
        (_, Store::List) => "list",
        (_, Store::Optional) => "opt",
    })
}

/// How a ONE-OF member travels: as a field, or `boxed` (a recursive message).
fn member_kind(ty: &TypeRef, boxed: bool) -> proc_macro2::Ident {
    if boxed {
        return ident("boxed");
    }
    ident(match ty {
        TypeRef::Int64 => "int64",
        TypeRef::Array(inner) if **inner == TypeRef::Int64 => "int64_list",
        TypeRef::Array(_) => "list",
        _ => "opt",
    })
}

/// The `wix_client::__object!` invocation of a struct with `fields` (only those
/// in its serde form travel; path params and separately sent query params
/// are still listed so that `empty` sets them) and `groups`.
pub(crate) fn object_impl(
    cx: &PackageScope,
    name: &str,
    fields: &[FieldPlan],
    groups: &[GroupPlan],
    unknown: &proc_macro2::Ident,
) -> syn::Item {
    let ty = ident(name);
    let mut group_specs = Vec::new();
    let mut field_specs = Vec::new();
    for g in groups {
        if g.side.builds() {
            let id = ident(&g.group.field_rust_name);
            let kind = ident(&g.group.rust_name);
            let members = g.members.iter().map(|m| {
                let variant = ident(&m.variant);
                let k = member_kind(&m.field.ty, m.boxed);
                let wire = &m.field.wire_name;
                quote!(#variant: #k = #wire)
            });
            group_specs.push(quote!(#id => #kind { #(#members),* }));
        } else {
            // Response-only: every member is a field of its own.
            for m in &g.members {
                let plan = plan::plan_field(cx, name, g.side, m.field, Place::Serde);
                let id = plan.ident();
                let k = field_kind(&m.field.ty, plan.store);
                let wire = &m.field.wire_name;
                field_specs.push(quote!(#id: #k = #wire));
            }
        }
    }
    // Path params and separately sent query params are no part of the JSON.
    let mut locals = Vec::new();
    for f in fields {
        let id = f.ident();
        if f.place != Place::Serde {
            locals.push(id);
            continue;
        }
        let k = field_kind(&f.field.ty, f.store);
        let wire = &f.field.wire_name;
        field_specs.push(quote!(#id: #k = #wire));
    }
    let locals = if locals.is_empty() {
        quote!()
    } else {
        quote!(local { #(#locals),* })
    };
    super::ast::macro_item(
        super::ast::path(&["wix_client", "__object"], false),
        quote!(#ty [#(#group_specs),*] { #(#field_specs),* } #locals unknown #unknown),
    )
}

/// The private field keeping the keys a struct does not know:
/// `unknown_keys`, or with `_` appended while a field of the struct has that
/// name already.
pub(crate) fn unknown_field(fields: &[FieldPlan]) -> proc_macro2::Ident {
    let taken: Vec<String> = fields.iter().map(|f| f.ident().to_string()).collect();
    let mut name = "unknown_keys".to_owned();
    while taken.contains(&name) {
        name.push('_');
    }
    ident(&name)
}

/// The doc line of `unknown_keys()`, which reads the keys the struct kept
/// because it does not know them ([`unknown_keys_method`]).
pub(crate) const UNKNOWN_KEYS_DOC: &str = "The keys of the JSON object this value was decoded from that this version of the crate does not know (fields Wix added since, a ONE-OF member it does not list), in the order they came; encoding writes them back after the known fields. None for a value built with `new`.";

/// `pub fn unknown_keys(&self) -> &UnknownKeys { &self.<field> }`.
pub(crate) fn unknown_keys_method(field: &proc_macro2::Ident) -> syn::ImplItem {
    ast::Method {
        attrs: ast::doc_attrs(&[UNKNOWN_KEYS_DOC.to_owned()]),
        public: true,
        name: ident("unknown_keys"),
        receiver: Some(ast::Receiver::Ref),
        params: Vec::new(),
        output: ast::reference(ast::unknown_keys_type()),
        body: vec![ast::tail(syn::Expr::Reference(syn::ExprReference {
            attrs: Vec::new(),
            and_token: Default::default(),
            mutability: None,
            expr: Box::new(ast::self_field(field)),
        }))],
    }
    .build()
}
