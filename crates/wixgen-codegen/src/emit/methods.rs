//! Service clients: one struct per service, one `async fn` per method, and a
//! `<method>_stream` for cursor-paginated methods.
//!
//! A method builds a `wix_client::ApiRequest`: the path literal with path
//! params through `path_param` (one percent-encoded segment each), query params
//! through `query`, body params as the JSON body (the request struct's serde
//! form, which leaves path params out), then the service's `RequestOptions`.

use super::docs::{self, code_text};
use super::idents::{bare, ident};
use super::plan::sends_body;
use super::plan::{self, FieldPlan, Place, Store};
use super::scope::{PackageScope, Side};
use super::slots::{Slot, find_in_struct, set_cursor_body, split_body, struct_of};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;
use wixgen_ir::model::{HttpMethod, Method, NamedType, Package, PathParam, PathSegment, Service, TypeRef};

/// The doc lines of the service module and the module's items.
pub(crate) fn service(
    cx: &PackageScope,
    package: &Package,
    service: &Service,
    struct_name: &str,
) -> (Vec<String>, TokenStream) {
    let name = ident(struct_name);
    let module_docs = vec![format!(
        "The `{}` service of the `{}` package: [`{}`].",
        code_text(&service.name),
        code_text(&package.name),
        name
    )];

    // Types used by the methods, imported by name (sorted, unique).
    let mut used: BTreeSet<String> = BTreeSet::new();
    for m in &service.methods {
        used.insert(ident(&m.request_rust_name).to_string());
        if let Some(TypeRef::Named(n)) = &m.response
            && cx.named(n).is_some()
        {
            used.insert(ident(n).to_string());
        }
        if let Some(p) = &m.pagination {
            collect_named(cx, &p.item, &mut used);
        }
        if sends_body(m) {
            for f in &m.query_params {
                collect_named(cx, &f.ty, &mut used);
            }
        }
    }
    let imports = used.iter().map(|n| ident(n));

    let methods = service.methods.iter().map(|m| method(cx, m));
    let streams = service.methods.iter().filter_map(|m| stream_method(cx, m));

    let doc = docs::lines_to_attrs(&[
        format!(
            "Client of the Wix `{}` service (`{}` package).",
            code_text(&service.name),
            code_text(&package.name)
        ),
        String::new(),
        "Cheap to clone: it shares the underlying [`wix_client::Client`].".to_owned(),
    ]);
    let imports: Vec<_> = imports.collect();
    let use_types = if imports.is_empty() {
        quote!()
    } else {
        quote!(use super::types::{#(#imports),*};)
    };
    let tokens = quote! {
        #use_types

        #doc
        #[derive(Clone)]
        pub struct #name {
            client: wix_client::Client,
            options: wix_client::RequestOptions,
        }

        impl #name {
            /// Creates the service client on top of a configured [`wix_client::Client`].
            pub fn new(client: wix_client::Client) -> Self {
                Self { client, options: wix_client::RequestOptions::default() }
            }

            /// A copy of this client that sends every request with `options`
            /// (extra headers, timeout, retries of non-idempotent methods).
            pub fn with_options(&self, options: wix_client::RequestOptions) -> Self {
                Self { client: self.client.clone(), options }
            }

            #(#methods)*
            #(#streams)*
        }
    };
    (module_docs, tokens)
}

fn collect_named(cx: &PackageScope, ty: &TypeRef, out: &mut BTreeSet<String>) {
    match ty {
        TypeRef::Named(n) if cx.named(n).is_some() => {
            out.insert(ident(n).to_string());
        }
        TypeRef::Array(inner) => collect_named(cx, inner, out),
        _ => {}
    }
}

fn method_doc_lines(m: &Method) -> Vec<String> {
    let mut lines = docs::doc_lines(&m.docs.description);
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!(
        "`{} {}`",
        plan::verb(m.http_method),
        code_text(&plan::path_text(m))
    ));
    if !m.permission_scopes.is_empty() {
        lines.push(String::new());
        lines.push("Permission scopes:".to_owned());
        lines.push(String::new());
        for s in &m.permission_scopes {
            let mut item = docs::doc_lines(&s.display_name).join(" ");
            item.push_str(&format!(" (`{}`)", code_text(&s.id)));
            lines.push(format!("- {item}"));
        }
    }
    if !m.errors.is_empty() {
        lines.push(String::new());
        lines.push("Possible errors:".to_owned());
        lines.push(String::new());
        for e in &m.errors {
            let mut codes = Vec::new();
            if let Some(h) = e.http_code {
                codes.push(h.to_string());
            }
            codes.extend(e.status_code.iter().cloned());
            codes.extend(e.application_code.iter().cloned());
            let mut item = format!("- `{}`", code_text(&codes.join(" ")));
            if let Some(d) = &e.description {
                let d = docs::doc_lines(d)
                    .into_iter()
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !d.is_empty() {
                    item.push_str(": ");
                    item.push_str(&d);
                }
            }
            lines.push(item);
        }
    }
    if let Some(link) = &m.docs_link {
        lines.push(String::new());
        let link = docs::doc_lines(link).join(" ");
        lines.push(format!("Wix docs: {link}"));
    }
    lines.push(String::new());
    lines.push(format!("Operation `{}`.", code_text(&m.operation)));
    lines
}

fn http_method(m: HttpMethod) -> TokenStream {
    match m {
        HttpMethod::Get => quote!(wix_client::HttpMethod::Get),
        HttpMethod::Post => quote!(wix_client::HttpMethod::Post),
        HttpMethod::Put => quote!(wix_client::HttpMethod::Put),
        HttpMethod::Patch => quote!(wix_client::HttpMethod::Patch),
        HttpMethod::Delete => quote!(wix_client::HttpMethod::Delete),
    }
}

fn method(cx: &PackageScope, m: &Method) -> TokenStream {
    let name = ident(&m.rust_name);
    let request_ty = ident(&m.request_rust_name);
    let verb = http_method(m.http_method);
    let op = &m.operation;
    let doc = docs::lines_to_attrs(&method_doc_lines(m));
    let deprecated = plan::deprecated(&m.docs);
    let result = cx.result();

    // Path: literals and params in order.
    let mut steps: Vec<TokenStream> = Vec::new();
    for segment in &m.path {
        match segment {
            PathSegment::Literal(l) => {
                if !l.is_empty() {
                    steps.push(quote!(.path(#l)));
                }
            }
            PathSegment::Param(ph) => steps.push(path_step(cx, m, ph)),
        }
    }
    let uses_request = !m.path_params.is_empty() || !m.query_params.is_empty() || !m.body_params.is_empty();
    let unused = if uses_request {
        quote!()
    } else {
        // A method with no params still takes its (empty) request, so adding a
        // param later breaks no caller.
        quote!(let _ = request;)
    };

    let mut local_query = quote!();
    if sends_body(m) {
        if !m.query_params.is_empty() {
            let (decl, value) = separate_query(cx, m);
            local_query = decl;
            steps.push(quote!(.query(&#value)?));
        }
        steps.push(quote!(.json(request)?));
    } else if !m.query_params.is_empty() || !m.body_params.is_empty() {
        steps.push(quote!(.query(request)?));
    }

    let (ret, send) = match &m.response {
        Some(ty) => {
            let t = cx.rust_type(ty);
            (t, quote!(self.client.send(api_request).await))
        }
        None => (
            quote!(()),
            quote!(
                self.client
                    .send::<wix_client::reexports::serde::de::IgnoredAny>(api_request)
                    .await
                    .map(|_| ())
            ),
        ),
    };

    quote! {
        #doc
        #deprecated
        pub async fn #name(&self, request: &#request_ty) -> #result<#ret, wix_client::Error> {
            #unused
            #local_query
            let api_request = wix_client::ApiRequest::new(#verb, #op)
                #(#steps)*
                .options(&self.options);
            #send
        }
    }
}

/// The builder step for one placeholder: `{name}` from the path param
/// (`path_param`, one segment), `{name=**}` likewise as several segments
/// (`path_segments`), `{a.b}` from the field inside the body or query param
/// (`path_field`, which fails the request when the field is unset).
fn path_step(cx: &PackageScope, m: &Method, ph: &PathParam) -> TokenStream {
    let literal = || {
        // Lowering binds every placeholder; one it could not is kept visibly literal.
        let text = format!("{{{}}}", ph.template);
        quote!(.path(#text))
    };
    if let [wire] = ph.field_path.as_slice() {
        let Some(f) = m.path_params.iter().find(|f| &f.wire_name == wire) else {
            return literal();
        };
        let id = ident(&f.rust_name);
        let value = match &f.ty {
            TypeRef::String | TypeRef::Timestamp => quote!(request.#id.as_deref()),
            TypeRef::Named(n) if matches!(cx.named(n), Some(NamedType::Enum(_))) => {
                quote!(request.#id.as_ref().map(|v| v.as_str()))
            }
            _ => quote!(request.#id.map(|v| v.to_string()).as_deref()),
        };
        let name = &f.wire_name;
        return if ph.multi_segment {
            quote!(.path_field_segments(#value, #name))
        } else {
            quote!(.path_field(#value, #name))
        };
    }
    match nested_value(cx, m, &ph.field_path) {
        Some(value) => {
            let name = ph.field_path.join(".");
            quote!(.path_field(#value, #name))
        }
        None => literal(),
    }
}

/// An `Option<&str>` expression for the field at `path` (wire names) inside
/// the request: `request.badge.id.as_deref()`, through optional messages.
fn nested_value(cx: &PackageScope, m: &Method, path: &[String]) -> Option<TokenStream> {
    let (first, rest) = path.split_first()?;
    let param = m
        .query_params
        .iter()
        .chain(&m.body_params)
        .find(|f| &f.wire_name == first)?;
    let plan = plan::plan_field(cx, &m.request_rust_name, Side::Request, param, Place::Serde);
    let id = plan.ident();
    let mut expr = match plan.store {
        Store::Optional => quote!(request.#id.as_ref()),
        Store::List => return None,
    };
    let mut ty = &param.ty;
    for wire in rest {
        let s = struct_of(cx, ty)?;
        let Slot::Field(plan) = find_in_struct(cx, s, wire)? else {
            return None;
        };
        let id = plan.ident();
        expr = match plan.store {
            Store::Optional => quote!(#expr.and_then(|v| v.#id.as_ref())),
            Store::List => return None,
        };
        ty = &plan.field.ty;
    }
    Some(match ty {
        TypeRef::String | TypeRef::Timestamp => quote!(#expr.map(|v| v.as_str())),
        TypeRef::Int32 | TypeRef::Int64 => quote!(#expr.map(|v| v.to_string()).as_deref()),
        _ => return None,
    })
}

/// For a method that sends a body and query params: a borrowed struct of the
/// query params (declared inside the method) and the expression building it.
fn separate_query(cx: &PackageScope, m: &Method) -> (TokenStream, TokenStream) {
    let fields: Vec<FieldPlan> = m
        .query_params
        .iter()
        .map(|f| plan::plan_field(cx, &m.request_rust_name, Side::Request, f, Place::SeparateQuery))
        .collect();
    let decls = fields.iter().map(|f| {
        let id = f.ident();
        let ty = plan::stored_type(cx, f);
        let wire = &f.field.wire_name;
        let rename = if bare(&id.to_string()) == wire.as_str() {
            quote!()
        } else {
            quote!(#[serde(rename = #wire)])
        };
        quote!(#rename #id: &'a #ty,)
    });
    let inits = fields.iter().map(|f| {
        let id = f.ident();
        quote!(#id: &request.#id,)
    });
    (
        quote! {
            #[derive(wix_client::reexports::serde::Serialize)]
            #[serde(crate = "wix_client::reexports::serde")]
            struct Query<'a> {
                #(#decls)*
            }
        },
        quote!(Query { #(#inits)* }),
    )
}

/// `<method>_stream` for a paginated method, when the cursor paths resolve.
fn stream_method(cx: &PackageScope, m: &Method) -> Option<TokenStream> {
    let p = m.pagination.as_ref()?;
    let request_ty = ident(&m.request_rust_name);
    let response_ty = match &m.response {
        Some(TypeRef::Named(n)) => n,
        _ => return None,
    };
    let NamedType::Struct(response) = cx.named(response_ty)? else {
        return None;
    };

    let set_cursor = set_cursor_body(cx, m, &p.request_cursor)?;
    let (reset, reset_doc) = super::queries::raw_stream_reset(cx, m).unzip();
    let (items_expr, next_expr) = split_body(cx, response, &p.items_field, &p.item, &p.response_next_cursor)?;
    let item_ty = cx.rust_type(&p.item);
    let response_ident = ident(&response.rust_name);
    let name = ident(&m.rust_name);
    let stream_name = ident(&format!("{}_stream", bare(&name.to_string())));
    let result = cx.result();
    let string = cx.string();
    let mut doc_lines = vec![
        format!("Every item of [`Self::{}`], page after page.", bare(&name.to_string())),
        String::new(),
        format!(
            "Sends `request`, then the same request with `{}` set to each next cursor \
             (`{}` of the response) until there is none, yielding each of `{}` once. \
             An error ends the stream after it is yielded.",
            code_text(&p.request_cursor.join(".")),
            code_text(&p.response_next_cursor.join(".")),
            code_text(&p.items_field),
        ),
    ];
    doc_lines.extend(reset_doc.into_iter().flat_map(|d| [String::new(), d]));
    let doc = docs::lines_to_attrs(&doc_lines);
    let deprecated = plan::deprecated(&m.docs);
    Some(quote! {
        #doc
        #deprecated
        pub fn #stream_name(
            &self,
            request: &#request_ty,
        ) -> impl wix_client::reexports::futures::Stream<Item = #result<#item_ty, wix_client::Error>> + use<> {
            let service = self.clone();
            wix_client::paginate::cursor_stream(
                request.clone(),
                move |request: #request_ty| {
                    let service = service.clone();
                    async move { service.#name(&request).await }
                },
                |request: &mut #request_ty, cursor: #string| {
                    #reset
                    #set_cursor
                },
                |response: #response_ident| {
                    let next = #next_expr;
                    (#items_expr, next)
                },
            )
        }
    })
}
