//! The plans every emitter of types shares: how each field is stored and
//! where it goes on the wire ([`FieldPlan`]), how a ONE-OF group becomes an
//! enum ([`GroupPlan`]), and the small facts of a method that several
//! emitters spell (its verb, its path, whether it sends a body). Plain data
//! and the functions that make it; the emitters stand above this file.

use super::docs::{self, code_text};
use super::idents::{bare, dedupe, ident, upper_camel};
use super::scope::{PackageScope, Side};
use proc_macro2::TokenStream;
use quote::quote;
use wixgen_ir::model::{Docs, Field, HttpMethod, Method, OneOfGroup, StructType, TypeRef};
use wixgen_schema::ValidationRule;

/// Lints allowed on each package module: generated code may use its own
/// deprecated items, and some API shapes (many required params, one large
/// ONE-OF member) are as the API defines them.
pub(crate) fn package_allows() -> TokenStream {
    quote!(#[allow(deprecated, clippy::too_many_arguments, clippy::large_enum_variant)])
}

/// The module of a package crate holding the tests generated from its pages.
pub(crate) const TESTS_MODULE: &str = "page_tests";

/// Whether the HTTP method carries a JSON body.
pub(crate) fn sends_body(method: &Method) -> bool {
    matches!(
        method.http_method,
        HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch
    )
}

/// Whether a named struct derives `Default`: response-only types always; request
/// types only when nothing is required (otherwise `Default` would bypass `new`).
pub(crate) fn derives_default(side: Side, s: &StructType) -> bool {
    match side {
        Side::Response => true,
        Side::Request | Side::Both => {
            !s.fields.iter().any(effectively_required) && !s.one_ofs.iter().any(|g| g.required)
        }
    }
}

/// Required on a request: `required` and not set by the server.
pub(crate) fn effectively_required(f: &Field) -> bool {
    f.required && !f.read_only
}

/// How a field is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Store {
    /// `Option<T>` (required fields too: `new` requires them).
    Optional,
    /// `Vec<T>` (arrays, required or not).
    List,
}

/// Where a request field goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Part of the type's serde form (a body param, a query param of a GET, a message field).
    Serde,
    /// A path param: not part of the serde form.
    Path,
    /// A query param of a method that also sends a body: sent separately.
    SeparateQuery,
}

pub(crate) struct FieldPlan<'a> {
    pub field: &'a Field,
    pub store: Store,
    pub boxed: bool,
    pub place: Place,
    /// Required in `new` (request sides only).
    pub in_new: bool,
}

impl FieldPlan<'_> {
    pub(crate) fn ident(&self) -> proc_macro2::Ident {
        ident(&self.field.rust_name)
    }
}

pub(crate) fn plan_field<'a>(
    cx: &PackageScope,
    owner: &str,
    side: Side,
    field: &'a Field,
    place: Place,
) -> FieldPlan<'a> {
    let list = matches!(field.ty, TypeRef::Array(_));
    let required = match place {
        Place::Path => true,
        _ => side.builds() && effectively_required(field),
    };
    let store = if list { Store::List } else { Store::Optional };
    let boxed = !list && cx.is_boxed(owner, &field.rust_name);
    FieldPlan {
        field,
        store,
        boxed,
        place,
        in_new: required,
    }
}

/// The stored type of a field: `T`, `Box<T>`, `Option<T>`, `Vec<T>`.
pub(crate) fn stored_type(cx: &PackageScope, plan: &FieldPlan) -> TokenStream {
    let inner = value_type(cx, &plan.field.ty, plan.boxed);
    match plan.store {
        Store::Optional => {
            let option = cx.option();
            quote!(#option<#inner>)
        }
        Store::List => inner,
    }
}

/// [`stored_type`] as a syntax tree.
pub(crate) fn stored_syn_type(cx: &PackageScope, plan: &FieldPlan) -> syn::Type {
    let inner = value_syn_type(cx, &plan.field.ty, plan.boxed);
    match plan.store {
        Store::Optional => cx.prelude_syn("option", "Option", Some(inner)),
        Store::List => inner,
    }
}

/// [`value_type`] as a syntax tree.
pub(crate) fn value_syn_type(cx: &PackageScope, ty: &TypeRef, boxed: bool) -> syn::Type {
    let t = cx.syn_type(ty);
    if boxed {
        cx.prelude_syn("boxed", "Box", Some(t))
    } else {
        t
    }
}

/// `T` or `Box<T>`.
pub(crate) fn value_type(cx: &PackageScope, ty: &TypeRef, boxed: bool) -> TokenStream {
    let t = cx.rust_type(ty);
    if boxed {
        let b = cx.boxed_ty();
        quote!(#b<#t>)
    } else {
        t
    }
}

/// Doc lines of a field: its description plus what the page says about it.
pub(crate) fn field_doc_lines(field: &Field, required_note: bool) -> Vec<String> {
    let mut lines = docs::doc_lines(&field.docs.description);
    let mut notes = Vec::new();
    if required_note && field.required && !field.read_only {
        notes.push("Required.".to_owned());
    }
    if field.read_only {
        notes.push("Read-only (set by Wix).".to_owned());
    }
    if !field.validation.is_empty() {
        let rules: Vec<String> = field.validation.iter().map(|r| format!("`{}`", rule_text(r))).collect();
        notes.push(format!("Validation: {}.", rules.join(", ")));
    }
    if bare(&ident(&field.rust_name).to_string()) != field.wire_name {
        notes.push(format!("Wire name: `{}`.", code_text(&field.wire_name)));
    }
    if !notes.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(notes.join(" "));
    }
    lines
}

fn rule_text(rule: &ValidationRule) -> String {
    let text = match rule {
        ValidationRule::Format(f) => format!("format {f}"),
        ValidationRule::Bound { keyword, value } => format!("{keyword} {value}"),
        ValidationRule::Json { keyword, json } => format!("{keyword} {json}"),
        ValidationRule::Flag(f) => f.clone(),
    };
    code_text(&text)
}

/// `#[deprecated]` when the docs say so.
pub(crate) fn deprecated(d: &Docs) -> TokenStream {
    if d.deprecated { quote!(#[deprecated]) } else { quote!() }
}

pub(crate) fn verb(m: HttpMethod) -> &'static str {
    match m {
        HttpMethod::Get => "GET",
        HttpMethod::Post => "POST",
        HttpMethod::Put => "PUT",
        HttpMethod::Patch => "PATCH",
        HttpMethod::Delete => "DELETE",
    }
}

/// The path template as text: `/inbox/v2/conversations/{conversationId}`.
pub(crate) fn path_text(method: &Method) -> String {
    use wixgen_ir::model::PathSegment;
    method
        .path
        .iter()
        .map(|s| match s {
            PathSegment::Literal(l) => l.clone(),
            PathSegment::Param(p) => format!("{{{}}}", p.template),
        })
        .collect()
}

pub(crate) struct GroupPlan<'a> {
    pub group: &'a OneOfGroup,
    pub side: Side,
    /// A parameter of `new`.
    pub required: bool,
    pub members: Vec<MemberPlan<'a>>,
}

pub(crate) struct MemberPlan<'a> {
    pub field: &'a Field,
    pub variant: String,
    pub boxed: bool,
}

pub(crate) fn plan_group<'a>(cx: &PackageScope, owner: &str, side: Side, group: &'a OneOfGroup) -> GroupPlan<'a> {
    // The IR names the variants; names are recomputed only if it did not.
    let mut variants: Vec<String> = if group.variant_rust_names.len() == group.members.len() {
        group.variant_rust_names.iter().map(|v| ident(v).to_string()).collect()
    } else {
        group.members.iter().map(|m| upper_camel(&m.rust_name)).collect()
    };
    dedupe(&mut variants);
    let members = group
        .members
        .iter()
        .zip(variants)
        .map(|(field, variant)| MemberPlan {
            field,
            variant,
            boxed: !matches!(field.ty, TypeRef::Array(_)) && cx.is_boxed(owner, &field.rust_name),
        })
        .collect();
    let required = side.builds() && group.required;
    GroupPlan {
        group,
        side,
        required,
        members,
    }
}
