//! Service plugins (`URL: null` pages): what an app implements.
//!
//! Per service with plugin methods, one file holding (see docs/CONTRACTS.md,
//! "app side"):
//!
//! - the trait `<Namespace>Plugin`, one `async` method per page, taking the
//!   request Wix sends and `wix_client::plugin::Metadata`, answering the
//!   response or a `wix_client::plugin::ApplicationError`;
//! - `<Trait>Handler<T>`, which adapts an implementation to
//!   `wix_client::plugin::ServicePlugin`, the object-safe view a dispatcher
//!   (`wix_app::ServicePlugins`) calls: it decodes the request into the
//!   method's type, calls the trait, and encodes the answer;
//! - `<Method>Errors` for pages that list application errors: one
//!   constructor per `Application Code`, with its HTTP status.
//!
//! Nothing here needs more than `wix-client`, `serde` and `serde_json`.

use super::docs;
use super::docs::code_text;
use super::idents::{bare, ident};
use super::scope::PackageScope;
use proc_macro2::TokenStream;
use quote::quote;
use wixgen_ir::model::{Package, PluginMethod, Service, TypeRef};

/// Rust names of a plugin service's items.
pub(crate) struct PluginNames {
    pub trait_name: String,
    pub handler: String,
    /// `(method rust name, errors struct)` for methods with application errors.
    pub errors: Vec<(String, String)>,
}

/// Names the items of a service's plugin file, avoiding the package's type names.
pub(crate) fn names(cx: &PackageScope, service: &Service) -> PluginNames {
    let base = if service.rust_name.ends_with("Plugin") {
        service.rust_name.clone()
    } else {
        format!("{}Plugin", service.rust_name)
    };
    let trait_name = cx.free_name(&base);
    let handler = cx.free_name(&format!("{trait_name}Handler"));
    let errors = service
        .plugin_methods
        .iter()
        .filter(|m| !application_errors(m).is_empty())
        .map(|m| (m.rust_name.clone(), cx.free_name(&format!("{}Errors", m.name))))
        .collect();
    PluginNames {
        trait_name,
        handler,
        errors,
    }
}

/// The `(status, code, description)` of each application error of a page, first mention of a code wins.
fn application_errors(m: &PluginMethod) -> Vec<(u16, &str, Option<&str>)> {
    let mut seen = std::collections::BTreeSet::new();
    m.errors
        .iter()
        .filter_map(|e| {
            let code = e.application_code.as_deref()?;
            seen.insert(code)
                .then(|| (e.http_code.unwrap_or(500), code, e.description.as_deref()))
        })
        .collect()
}

/// The method name as on the page (`getBalance`): the last part of the operation.
fn wire_method(m: &PluginMethod) -> String {
    m.operation
        .rsplit('.')
        .next()
        .filter(|s| !s.is_empty())
        .map_or_else(|| super::idents::lower_first(&m.name), str::to_owned)
}

/// The module docs and items of a service's plugin file.
pub(crate) fn service_file(
    cx: &PackageScope,
    package: &Package,
    service: &Service,
    names: &PluginNames,
) -> (Vec<String>, TokenStream) {
    let trait_id = ident(&names.trait_name);
    let handler_id = ident(&names.handler);
    let qualified = format!("{}.{}", package.name, service.name);
    let module_docs = vec![format!(
        "The `{}` service plugin of the `{}` package: implement [`{}`], wrap it in [`{}`] and hand that to a \
         dispatcher such as `wix_app::ServicePlugins`.",
        code_text(&service.name),
        code_text(&package.name),
        names.trait_name,
        names.handler
    )];

    let mut imports = std::collections::BTreeSet::new();
    let type_of = |t: &TypeRef, imports: &mut std::collections::BTreeSet<String>| -> TokenStream {
        if let TypeRef::Named(n) = t
            && cx.named(n).is_some()
        {
            imports.insert(n.clone());
        }
        cx.rust_type(t)
    };

    let mut trait_methods = Vec::new();
    let mut arms = Vec::new();
    let mut wire_names = Vec::new();
    for m in &service.plugin_methods {
        let name = ident(&m.rust_name);
        let request = type_of(&m.request, &mut imports);
        let wire = wire_method(m);
        let (response, encode) = match &m.response {
            Some(r) => (type_of(r, &mut imports), quote!()),
            // An empty response is the empty JSON object.
            None => (
                quote!(()),
                quote!(.map(|()| wix_client::reexports::serde_json::Map::new())),
            ),
        };
        let result = cx.result();
        let mut lines = docs::doc_lines(&m.docs.description);
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("Method `{}`.", code_text(&wire)));
        if let Some(link) = &m.docs_link {
            lines.push(String::new());
            lines.push(format!("Wix docs: {}", docs::doc_lines(link).join(" ")));
        }
        let doc = docs::lines_to_attrs(&lines);
        trait_methods.push(quote! {
            #doc
            fn #name(
                &self,
                request: #request,
                metadata: wix_client::plugin::Metadata,
            ) -> impl ::core::future::Future<Output = #result<#response, wix_client::plugin::ApplicationError>> + ::core::marker::Send;
        });
        arms.push(quote! {
            #wire => match wix_client::plugin::decode_request::<#request>(method, request) {
                Ok(request) => wix_client::plugin::Reply::from_result(self.0.#name(request, metadata).await #encode),
                Err(reply) => reply,
            },
        });
        wire_names.push(wire);
    }

    let errors = names.errors.iter().filter_map(|(method, errors)| {
        let m = service.plugin_methods.iter().find(|m| &m.rust_name == method)?;
        let id = ident(errors);
        let ctors = application_errors(m).into_iter().map(|(status, code, description)| {
            let f = ident(&wixgen_ir::names::snake_case(code));
            let mut line = format!("`{}` (HTTP {status})", code_text(code));
            if let Some(d) = description {
                let d = docs::doc_lines(d).join(" ");
                if !d.is_empty() {
                    line.push_str(": ");
                    line.push_str(&d);
                }
            }
            let doc = docs::lines_to_attrs(&[line]);
            quote! {
                #doc
                pub fn #f() -> wix_client::plugin::ApplicationError {
                    wix_client::plugin::ApplicationError::new(#status, #code)
                }
            }
        });
        let doc = docs::lines_to_attrs(&[format!(
            "The application errors the `{}` page lists under Possible Errors, ready to return from [`{}::{}`].",
            code_text(&wire_method(m)),
            names.trait_name,
            bare(&ident(&m.rust_name).to_string())
        )]);
        Some(quote! {
            #doc
            #[derive(Debug, Clone, Copy)]
            pub struct #id;

            impl #id {
                #(#ctors)*
            }
        })
    });

    let trait_doc = docs::lines_to_attrs(&[
        format!(
            "The `{}` service plugin: Wix calls these methods on an app that implements them.",
            code_text(&qualified)
        ),
        String::new(),
        "Implement it with `async fn`s, wrap the implementation in the handler, and register that with a \
         dispatcher; each method receives the verified request and its metadata and answers the response \
         or an `ApplicationError` (sent with its HTTP status)."
            .to_owned(),
    ]);
    let handler_doc = docs::lines_to_attrs(&[format!(
        "Adapts a [`{}`] implementation to [`wix_client::plugin::ServicePlugin`]: decodes each request into \
         its method's type (a mismatch answers 400), calls the method, encodes the answer.",
        names.trait_name
    )]);
    let imports: Vec<_> = imports.iter().map(|n| ident(n)).collect();
    let boxed = cx.boxed_ty();
    let use_types = if imports.is_empty() {
        quote!()
    } else {
        quote!(use super::types::{#(#imports),*};)
    };
    let tokens = quote! {
        #use_types

        #trait_doc
        pub trait #trait_id: ::core::marker::Send + ::core::marker::Sync + 'static {
            #(#trait_methods)*
        }

        #handler_doc
        #[derive(Debug, Clone, Default)]
        pub struct #handler_id<T>(pub T);

        impl<T: #trait_id> wix_client::plugin::ServicePlugin for #handler_id<T> {
            fn service(&self) -> &'static str {
                #qualified
            }

            fn methods(&self) -> &'static [&'static str] {
                &[#(#wire_names),*]
            }

            fn call<'a>(
                &'a self,
                method: &'a str,
                request: wix_client::reexports::serde_json::Value,
                metadata: wix_client::plugin::Metadata,
            ) -> wix_client::plugin::ReplyFuture<'a> {
                #boxed::pin(async move {
                    match method {
                        #(#arms)*
                        _ => wix_client::plugin::Reply::unknown_method(method),
                    }
                })
            }
        }

        #(#errors)*
    };
    (module_docs, tokens)
}
