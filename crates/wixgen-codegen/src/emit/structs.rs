//! Message types and request structs.
//!
//! Shape by [`Side`]:
//!
//! - request types (`Request`, `Both`): `#[non_exhaustive]`, pub fields,
//!   `new(required...)` and `with_*` setters for optional fields, so a required
//!   field cannot be left out and a new optional field breaks no caller;
//!   ONE-OF groups are enums (see [`super::one_of`]);
//! - response-only types (`Response`): `#[non_exhaustive]`, pub fields, `Default`.
//!
//! Every field is stored as an `Option` (or a `Vec`), required ones too: a
//! response may leave anything out, and what was absent is not encoded
//! again. `new` is what makes required fields required. Serde goes through
//! [`super::wire`]; unknown keys are kept when decoding.

use super::ast;
use super::docs::{self, code_text};
use super::idents::{bare, ident};
use super::one_of;
use super::plan::{self, FieldPlan, Place, Store};
use super::plan::{GroupPlan, derives_default, field_doc_lines, plan_field, verb};
use super::scope::{PackageScope, Side};
use crate::pieces::Pieces;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Expr, ImplItem, Type};
use wixgen_ir::model::{Method, OneOfGroup, Service, StructType};

/// A struct to emit: a named message type or a method's request.
pub(crate) struct StructPlan<'a> {
    pub rust_name: &'a str,
    pub doc_lines: Vec<String>,
    pub deprecated: bool,
    pub side: Side,
    pub default: bool,
    pub groups: &'a [OneOfGroup],
    pub fields: Vec<FieldPlan<'a>>,
}

/// A named message type of a package, with its ONE-OF enums.
pub(crate) fn named_struct(cx: &PackageScope, s: &StructType) -> Pieces {
    let side = cx.side(s);
    let mut doc_lines = docs::doc_lines(&s.docs.description);
    if doc_lines.is_empty() {
        doc_lines.push(format!("The `{}` type.", code_text(&s.name)));
    }
    doc_lines.push(String::new());
    doc_lines.push(
        match side {
            Side::Request => "Sent in requests: build it with `new` and the `with_*` setters.",
            Side::Both => "Sent in requests (build it with `new` and the `with_*` setters) and returned in responses.",
            Side::Response => "Returned in responses: every field is optional, so partial responses decode.",
        }
        .to_owned(),
    );
    let plan = StructPlan {
        rust_name: &s.rust_name,
        doc_lines,
        deprecated: s.docs.deprecated,
        side,
        default: derives_default(side, s),
        groups: &s.one_ofs,
        fields: s
            .fields
            .iter()
            .map(|f| plan_field(cx, &s.rust_name, side, f, Place::Serde))
            .collect(),
    };
    emit_struct(cx, &plan)
}

/// The request struct of a method: path, query and body params as fields.
pub(crate) fn request_struct(cx: &PackageScope, service: &Service, method: &Method) -> Pieces {
    let side = Side::Request;
    let separate_query = plan::sends_body(method) && !method.query_params.is_empty();
    let owner = method.request_rust_name.as_str();
    let mut fields = Vec::new();
    for f in &method.path_params {
        fields.push(plan_field(cx, owner, side, f, Place::Path));
    }
    for f in &method.query_params {
        let place = if separate_query {
            Place::SeparateQuery
        } else {
            Place::Serde
        };
        fields.push(plan_field(cx, owner, side, f, place));
    }
    for f in &method.body_params {
        fields.push(plan_field(cx, owner, side, f, Place::Serde));
    }
    let service_name = cx.service_name(&service.rust_name);
    let method_name = ident(&method.rust_name).to_string();
    let mut doc_lines = vec![format!(
        "Request of [`{service_name}::{m}`](super::{service_name}::{m}): `{verb} {path}`.",
        m = bare(&method_name),
        verb = verb(method.http_method),
        path = code_text(&plan::path_text(method)),
    )];
    doc_lines.push(String::new());
    doc_lines.push("Build it with `new` (required params) and the `with_*` setters (optional params).".to_owned());
    let mut wire = Vec::new();
    if !method.path_params.is_empty() {
        wire.push("Path params go into the URL and are not part of the serde form.");
    }
    if separate_query {
        wire.push("Query params go into the query string and are not part of the serde form.");
    }
    if !wire.is_empty() {
        doc_lines.push(String::new());
        doc_lines.push(wire.join(" "));
    }
    let default = !fields.iter().any(|f| f.in_new);
    let plan = StructPlan {
        rust_name: owner,
        doc_lines,
        deprecated: method.docs.deprecated,
        side,
        default,
        groups: &[],
        fields,
    };
    emit_struct(cx, &plan)
}

fn emit_struct(cx: &PackageScope, plan: &StructPlan) -> Pieces {
    let name = ident(plan.rust_name);
    let mut attrs = ast::attrs(&plan.doc_lines, plan.deprecated);
    attrs.push(ast::derive_attr(if plan.default {
        quote!(Debug, Clone, PartialEq, Default,)
    } else {
        quote!(Debug, Clone, PartialEq,)
    }));
    attrs.push(ast::non_exhaustive_attr());

    let groups: Vec<GroupPlan> = plan
        .groups
        .iter()
        .map(|g| plan::plan_group(cx, plan.rust_name, plan.side, g))
        .collect();

    let mut fields: Vec<syn::Field> = Vec::new();
    for g in &groups {
        fields.extend(ast::parse_fields(one_of::group_fields(cx, plan.rust_name, g)));
    }
    for f in &plan.fields {
        fields.push(ast::field(
            ast::attrs(&field_doc_lines(f.field, plan.side.builds()), f.field.docs.deprecated),
            true,
            &f.ident(),
            plan::stored_syn_type(cx, f),
        ));
    }
    let unknown = super::wire::unknown_field(&plan.fields);
    fields.push(ast::field(Vec::new(), false, &unknown, ast::unknown_keys_type()));

    let impl_block = impl_block(cx, plan, &groups, &unknown);
    let enums = groups.iter().map(|g| one_of::kind_enum(cx, plan.rust_name, g));
    let object = super::wire::object_impl(cx, plan.rust_name, &plan.fields, &groups, &unknown);

    let mut code = Pieces::item(ast::named_struct(attrs, &name, fields));
    code.append(impl_block);
    code.push_item(object);
    for e in enums {
        code.push_item(e);
    }
    code
}

/// `new`, the setters (request sides) or the ONE-OF accessors (response
/// side), and `unknown_keys`: built as a syntax tree ([`super::ast`]).
fn impl_block(cx: &PackageScope, plan: &StructPlan, groups: &[GroupPlan], unknown: &proc_macro2::Ident) -> Pieces {
    let name = ident(plan.rust_name);
    let mut items: Vec<ImplItem> = vec![super::wire::unknown_keys_method(unknown)];
    if plan.side.builds() {
        items.push(constructor(cx, plan, groups));
        for f in plan.fields.iter().filter(|f| !f.in_new) {
            items.push(setter(cx, f));
        }
        for g in groups.iter().filter(|g| !g.required) {
            items.push(one_of::group_setter(g));
        }
    } else {
        for g in groups {
            items.push(ast::parse(one_of::accessor(cx, plan.rust_name, g)));
        }
    }
    let mut code = Pieces::item(ast::inherent_impl(&name, items));
    if plan.side.builds() {
        code.push_tokens(from_kind_impl(cx, plan, groups));
    }
    code
}

/// `impl From<Kind> for Struct` when the struct's only required part is one
/// ONE-OF group, so `Request::new(Kind::Member(..))` works through `Into`.
fn from_kind_impl(cx: &PackageScope, plan: &StructPlan, groups: &[GroupPlan]) -> TokenStream {
    let required_groups: Vec<&GroupPlan> = groups.iter().filter(|g| g.required).collect();
    if required_groups.len() != 1 || plan.fields.iter().any(|f| f.in_new) {
        return quote!();
    }
    let g = required_groups[0];
    let name = ident(plan.rust_name);
    let kind = ident(&g.group.rust_name);
    let from = cx.trait_from();
    quote! {
        impl #from<#kind> for #name {
            fn from(value: #kind) -> Self {
                Self::new(value)
            }
        }
    }
}

/// A parameter of `new` / a setter: `impl Into<T>` for strings and message
/// types. Its type, and the value stored (`None`: the parameter itself).
fn param_type(cx: &PackageScope, f: &FieldPlan) -> (Type, Option<Expr>) {
    let id = f.ident();
    let value_ty = cx.syn_type(&f.field.ty);
    let boxed = |value: Expr| ast::call(ast::path_expr(cx.prelude_fn("boxed", "Box", "new")), [value]);
    if f.store != Store::List && cx.takes_into(&f.field.ty) {
        let into = cx.prelude_syn("convert", "Into", None);
        let value = ast::method_call(ast::var(&id), "into");
        let value = if f.boxed { boxed(value) } else { value };
        (ast::impl_trait(into, value_ty), Some(value))
    } else if f.boxed {
        (value_ty, Some(boxed(ast::var(&id))))
    } else {
        (value_ty, None)
    }
}

fn constructor(cx: &PackageScope, plan: &StructPlan, groups: &[GroupPlan]) -> ImplItem {
    let mut params = Vec::new();
    let mut inits = Vec::new();
    // Path params first, in path order, then required fields, then groups.
    let ordered = plan
        .fields
        .iter()
        .filter(|f| f.place == Place::Path)
        .chain(plan.fields.iter().filter(|f| f.place != Place::Path));
    for f in ordered.filter(|f| f.in_new) {
        let id = f.ident();
        let (ty, value) = param_type(cx, f);
        params.push(ast::param(&id, ty));
        inits.push(match (f.store, value) {
            (Store::Optional, value) => {
                let value = value.unwrap_or_else(|| ast::var(&id));
                (id, Some(ast::some(value)))
            }
            (Store::List, None) => (id, None),
            (Store::List, Some(value)) => (id, Some(value)),
        });
    }
    for g in groups.iter().filter(|g| g.required) {
        let id = ident(&g.group.field_rust_name);
        let kind = ident(&g.group.rust_name);
        params.push(ast::param(&id, ast::named_type(&kind)));
        inits.push((id.clone(), Some(ast::some(ast::var(&id)))));
    }
    let required: Vec<String> = plan
        .fields
        .iter()
        .filter(|f| f.in_new)
        .map(|f| format!("`{}`", bare(&f.ident().to_string())))
        .chain(
            groups
                .iter()
                .filter(|g| g.required)
                .map(|g| format!("`{}`", bare(&g.group.field_rust_name))),
        )
        .collect();
    let doc = if required.is_empty() {
        format!("Creates a `{}` with no optional field set.", plan.rust_name)
    } else {
        format!(
            "Creates a `{}` from its required {}: {}.",
            plan.rust_name,
            if required.len() == 1 { "part" } else { "parts" },
            required.join(", ")
        )
    };
    // The unknown keys are never set by `new`, so `empty` fills them.
    ast::Method {
        attrs: ast::doc_attrs(&[doc]),
        public: true,
        name: ident("new"),
        receiver: None,
        params,
        output: ast::self_ty(),
        body: vec![ast::tail(ast::self_with_rest(inits))],
    }
    .build()
}

fn setter(cx: &PackageScope, f: &FieldPlan) -> ImplItem {
    let id = f.ident();
    let (ty, value) = param_type(cx, f);
    let value = value.unwrap_or_else(|| ast::var(&id));
    let assign = match f.store {
        Store::Optional => ast::some(value),
        Store::List => value,
    };
    ast::setter(
        ast::attrs(&[format!("Sets `{}`.", bare(&id.to_string()))], f.field.docs.deprecated),
        &id,
        ty,
        assign,
    )
}
