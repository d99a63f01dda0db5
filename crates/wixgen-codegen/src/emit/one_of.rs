//! ONE-OF groups.
//!
//! Every group gets an enum `<Struct>Kind` (named by the IR) with one variant
//! per member. How the struct holds the group depends on its [`Side`]:
//!
//! - request types hold the enum in an `Option<Kind>` field, so two members
//!   cannot both be set (a required group is a parameter of `new`). When
//!   decoding (see [`super::wire`]), the first key of the JSON object that
//!   names a member decides; further members are kept as unknown keys, no member gives
//!   `None`, and a member that is present but does not decode is an error.
//! - response-only types keep every member as its own `Option` field, so a
//!   response that sets none or several members decodes losslessly, and offer
//!   an accessor returning the group as the enum (first member set wins).

use super::ast;
use super::docs::{self, code_text};
use super::idents::{bare, ident};
use super::plan::{self, FieldPlan, GroupPlan, Place, Store};
use super::scope::{PackageScope, Side};
use proc_macro2::TokenStream;
use quote::quote;
use wixgen_ir::model::TypeRef;

fn member_names(g: &GroupPlan) -> String {
    g.members
        .iter()
        .map(|m| format!("`{}`", code_text(&m.field.wire_name)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The struct fields that hold a group.
pub(crate) fn group_fields(cx: &PackageScope, owner: &str, g: &GroupPlan) -> TokenStream {
    if g.side.builds() {
        let id = ident(&g.group.field_rust_name);
        let kind = ident(&g.group.rust_name);
        let option = cx.option();
        let required = if g.group.required { "Required. " } else { "" };
        let lines = vec![
            format!(
                "ONE-OF group: one of {} is sent, so two cannot both be set.",
                member_names(g)
            ),
            String::new(),
            format!(
                "{required}When decoded, the first key of the JSON object that names a member wins and \
                 other members are kept as unknown keys; an object with no member gives `None`, and a member that \
                 does not decode is an error."
            ),
        ];
        let doc = docs::lines_to_attrs(&lines);
        quote! {
            #doc
            pub #id: #option<#kind>,
        }
    } else {
        let fields = g.members.iter().map(|m| {
            let plan = plan::plan_field(cx, owner, Side::Response, m.field, Place::Serde);
            member_field(cx, owner, g, &plan)
        });
        quote!(#(#fields)*)
    }
}

/// A member kept as its own field on a response-only type.
fn member_field(cx: &PackageScope, owner: &str, g: &GroupPlan, plan: &FieldPlan) -> TokenStream {
    let id = plan.ident();
    let ty = plan::stored_type(cx, plan);
    let mut lines = plan::field_doc_lines(plan.field, false);
    lines.push(String::new());
    lines.push(format!(
        "Member of the ONE-OF group `{}` ({}): at most one is meant to be set; see [`{}::{}`].",
        bare(&g.group.field_rust_name),
        member_names(g),
        ident(owner),
        ident(&g.group.field_rust_name),
    ));
    let doc = docs::lines_to_attrs(&lines);
    let dep = plan::deprecated(&plan.field.docs);
    quote! {
        #doc
        #dep
        pub #id: #ty,
    }
}

/// `with_<group>(kind)` for an optional group of a request type.
pub(crate) fn group_setter(g: &GroupPlan) -> syn::ImplItem {
    let id = ident(&g.group.field_rust_name);
    let kind = ident(&g.group.rust_name);
    let doc = ast::doc_attrs(&[format!(
        "Sets the ONE-OF group `{}`, replacing any member set before.",
        bare(&id.to_string())
    )]);
    ast::setter(doc, &id, ast::named_type(&kind), ast::some(ast::var(&id)))
}

/// The accessor returning a response-only type's group as its enum.
pub(crate) fn accessor(cx: &PackageScope, owner: &str, g: &GroupPlan) -> TokenStream {
    let id = ident(&g.group.field_rust_name);
    let kind = ident(&g.group.rust_name);
    let option = cx.option();
    let mut chain: Option<TokenStream> = None;
    for m in &g.members {
        let plan = plan::plan_field(cx, owner, Side::Response, m.field, Place::Serde);
        let field = plan.ident();
        let variant = ident(&m.variant);
        let step = match plan.store {
            Store::List => quote!((!self.#field.is_empty()).then(|| #kind::#variant(self.#field.clone()))),
            _ if matches!(
                m.field.ty,
                TypeRef::Int32 | TypeRef::Int64 | TypeRef::Float64 | TypeRef::Bool
            ) =>
            {
                quote!(self.#field.map(#kind::#variant))
            }
            _ => quote!(self.#field.clone().map(#kind::#variant)),
        };
        chain = Some(match chain {
            None => step,
            Some(prev) => quote!(#prev.or_else(|| #step)),
        });
    }
    let body = chain.unwrap_or_else(|| quote!(None));
    let doc = docs::lines_to_attrs(&[
        format!(
            "The member of the ONE-OF group `{}` that is set, as a [`{}`].",
            bare(&id.to_string()),
            kind
        ),
        String::new(),
        format!(
            "Each member is kept in its own field, so responses decode whatever they carry: this returns \
             `None` when no member is set and, when several are, the first set in the order {}.",
            member_names(g)
        ),
    ]);
    quote! {
        #doc
        pub fn #id(&self) -> #option<#kind> {
            #body
        }
    }
}

/// The enum of a group. It has no serde impls of its own: the struct holding
/// it writes and reads the member as one of its keys.
pub(crate) fn kind_enum(cx: &PackageScope, owner: &str, g: &GroupPlan) -> syn::Item {
    let kind = ident(&g.group.rust_name);
    let variants = g.members.iter().map(|m| {
        let variant = ident(&m.variant);
        let ty = plan::value_syn_type(cx, &m.field.ty, m.boxed);
        let mut lines = docs::doc_lines(&m.field.docs.description);
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("Wire name: `{}`.", code_text(&m.field.wire_name)));
        ast::variant(ast::attrs(&lines, m.field.docs.deprecated), &variant, Some(ty))
    });
    let mut attrs = ast::doc_attrs(&[
        format!(
            "The ONE-OF group `{}` of [`{}`]: one of {}.",
            bare(&g.group.field_rust_name),
            ident(owner),
            member_names(g)
        ),
        String::new(),
        "Non-exhaustive: a later version of the API may add members.".to_owned(),
    ]);
    attrs.push(ast::derive_attr(quote!(Debug, Clone, PartialEq)));
    attrs.push(ast::non_exhaustive_attr());
    ast::enum_item(attrs, &kind, variants.collect())
}
