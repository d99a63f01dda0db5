//! Open enums: every known value is a variant, and any other value decodes into
//! a catch-all `Unknown(String)` variant that encodes back unchanged. Enums are
//! `#[non_exhaustive]`, so a value added to the API later breaks no `match`.
//!
//! Serde and `From<&str>` come from `wix_client::__serde_open_enum!` on top of
//! `as_str` and `from_wire`, rather than a derive, which could not keep
//! unknown values.

use super::ast;
use super::docs::{self, code_text};
use super::idents::{dedupe, ident};
use super::scope::PackageScope;
use crate::pieces::Pieces;
use quote::quote;
use syn::{Expr, Pat};
use wixgen_ir::model::EnumType;

/// The catch-all variant's name: `Unknown`, unless a value already has it.
pub(crate) fn catch_all_name(e: &EnumType) -> String {
    let mut name = "Unknown".to_owned();
    while e.variants.iter().any(|v| ident(&v.rust_name) == name.as_str()) {
        name.push_str("Value");
    }
    name
}

pub(crate) fn open_enum(cx: &PackageScope, e: &EnumType) -> Pieces {
    let name = ident(&e.rust_name);
    let unknown = ident(&catch_all_name(e));
    let mut rust_names: Vec<String> = e.variants.iter().map(|v| ident(&v.rust_name).to_string()).collect();
    dedupe(&mut rust_names);
    let variant_idents: Vec<_> = rust_names.iter().map(|n| ident(n)).collect();
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire_name.as_str()).collect();

    let mut variants: Vec<syn::Variant> = e
        .variants
        .iter()
        .zip(&variant_idents)
        .map(|(v, id)| {
            let mut lines = docs::doc_lines(&v.docs.description);
            if !lines.is_empty() {
                lines.push(String::new());
            }
            if lines.is_empty() {
                lines.push(format!("`{}`", code_text(&v.wire_name)));
            }
            ast::variant(ast::attrs(&lines, v.docs.deprecated), id, None)
        })
        .collect();

    let mut doc_lines = docs::doc_lines(&e.docs.description);
    if doc_lines.is_empty() {
        doc_lines.push(format!("The `{}` enum.", code_text(&e.name)));
    }
    doc_lines.push(String::new());
    doc_lines.push(format!(
        "Open: a value this version does not know decodes as `{unknown}` with the value as sent, and \
         encodes back unchanged. Non-exhaustive: later versions may add variants."
    ));
    let mut attrs = ast::attrs(&doc_lines, e.docs.deprecated);
    attrs.push(ast::derive_attr(quote!(Debug, Clone, PartialEq, Eq, Hash)));
    attrs.push(ast::non_exhaustive_attr());
    variants.push(ast::variant(
        ast::doc_attrs(&["A value not known to this version of the crate, as sent.".to_owned()]),
        &unknown,
        Some(cx.prelude_syn("string", "String", None)),
    ));

    // Wire values are matched first-wins, so a duplicate value (an IR defect)
    // cannot produce an unreachable pattern.
    let mut seen = std::collections::BTreeSet::new();
    let mut from_arms: Vec<(Pat, Expr)> = wires
        .iter()
        .zip(&variant_idents)
        .filter(|(w, _)| seen.insert(**w))
        .map(|(w, id)| (ast::str_pat(w), ast::path_expr(ast::self_variant(id))))
        .collect();
    let other = ident("other");
    from_arms.push((
        ast::binding_pat(&other),
        ast::call(
            ast::path_expr(ast::self_variant(&unknown)),
            [ast::method_call(ast::var(&other), "to_owned")],
        ),
    ));
    let value = ident("value");
    let mut as_str_arms: Vec<(Pat, Expr)> = variant_idents
        .iter()
        .zip(&wires)
        .map(|(id, w)| (ast::variant_pat(id), ast::str_lit(w)))
        .collect();
    as_str_arms.push((ast::variant_tuple_pat(&unknown, &value), ast::var(&value)));
    let as_str = ast::Method {
        attrs: ast::doc_attrs(&["The value as sent on the wire.".to_owned()]),
        public: true,
        name: ident("as_str"),
        receiver: Some(ast::Receiver::Ref),
        params: Vec::new(),
        output: ast::str_ty(),
        body: vec![ast::tail(ast::match_expr(ast::self_expr(), as_str_arms))],
    };
    let from_wire = ast::Method {
        attrs: Vec::new(),
        public: false,
        name: ident("from_wire"),
        receiver: None,
        params: vec![ast::param(&value, ast::str_ty())],
        output: ast::self_ty(),
        body: vec![ast::tail(ast::match_expr(ast::var(&value), from_arms))],
    };

    // `Serialize`, `Deserialize` and `From<&str>` come from
    // `wix_client::__serde_open_enum!`, invoked once per package.
    let mut code = Pieces::item(ast::enum_item(attrs, &name, variants));
    code.push_item(ast::inherent_impl(&name, vec![as_str.build(), from_wire.build()]));
    code
}
