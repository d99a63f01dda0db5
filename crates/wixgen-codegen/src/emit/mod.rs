//! The code emitters of one package: IR → token streams. [`package_code`]
//! builds the package's types (`structs`, `enums`, `one_of`, with their
//! serde glue, `wire`), a client per service (`methods`) and a trait per
//! service plugin (`plugins`), over the plans they share (`plan`,
//! `scope`). [`crate::layout`] turns them into files; the same token streams
//! back the one-file form of goldens and `include_api!`, so they cannot
//! disagree.

pub(crate) mod ast;
pub mod docs;
mod enums;
pub mod idents;
pub(crate) mod methods;
mod one_of;
pub(crate) mod plan;
mod plugins;
mod queries;
pub(crate) mod scope;
mod slots;
pub(crate) mod structs;
mod wire;

use crate::pieces::Pieces;
use docs::code_text;
use plan::{TESTS_MODULE, package_allows};
use proc_macro2::TokenStream;
use quote::quote;
use scope::PackageScope;
use std::collections::BTreeMap;
use wixgen_ir::model::{NamedType, Package, Service, TypeRef};

/// The code of one package, as tokens.
pub struct PackageCode {
    /// Module name (`inbox`).
    pub module: String,
    docs: TokenStream,
    types: Pieces,
    types_docs: TokenStream,
    pub(crate) services: Vec<ServiceCode>,
}

pub(crate) struct ServiceCode {
    pub(crate) module: String,
    /// The items `mod.rs` re-exports: the client struct, or a plugin's trait, handler and errors.
    exports: Vec<String>,
    docs: TokenStream,
    tokens: TokenStream,
}

impl ServiceCode {
    pub(crate) fn file(&self) -> TokenStream {
        let docs = &self.docs;
        let tokens = &self.tokens;
        quote!(#docs #tokens)
    }
}

impl PackageCode {
    fn mod_items(&self) -> TokenStream {
        let services = self.services.iter().map(|s| {
            let module = idents::ident(&s.module);
            let names = s.exports.iter().map(|n| idents::ident(n));
            quote!(pub use self::#module::{#(#names),*};)
        });
        quote!(
            pub use self::types::*;
            #(#services)*
        )
    }

    /// The `lib.rs` of the package's crate.
    pub(crate) fn lib_rs_file(&self) -> TokenStream {
        let docs = &self.docs;
        let decls = std::iter::once(idents::ident("types"))
            .chain(self.services.iter().map(|s| idents::ident(&s.module)))
            .map(|m| quote!(pub mod #m;));
        let items = self.mod_items();
        let tests = idents::ident(TESTS_MODULE);
        quote! {
            #docs
            #![allow(deprecated, clippy::too_many_arguments, clippy::large_enum_variant)]
            #(#decls)*
            #[cfg(test)]
            mod #tests;
            #items
        }
    }

    pub(crate) fn types_file(&self) -> Pieces {
        let mut file = Pieces::from(self.types_docs.clone());
        file.append(self.types.clone());
        file
    }

    /// `pub mod <package> { ... }` with every file inline.
    pub fn inline(&self) -> TokenStream {
        let module = idents::ident(&self.module);
        let docs = &self.docs;
        let types = self.types_file().to_tokens();
        let services = self.services.iter().map(|s| {
            let m = idents::ident(&s.module);
            let file = s.file();
            quote!(pub mod #m { #file })
        });
        let items = self.mod_items();
        let allows = package_allows();
        quote! {
            #allows
            pub mod #module {
                #docs
                pub mod types { #types }
                #(#services)*
                #items
            }
        }
    }
}

/// Build the tokens of a package.
pub fn package_code(package: &Package) -> PackageCode {
    package_code_documented(package, &[])
}

/// [`package_code`], with `more_docs` (rustdoc-safe lines: the package's
/// articles) after the generated module docs.
pub fn package_code_documented(package: &Package, more_docs: &[String]) -> PackageCode {
    let cx = PackageScope::new(package);
    let module = idents::ident(&package.module).to_string();
    let mut doc_lines = vec![
        format!("The `{}` package of the Wix APIs.", code_text(&package.name)),
        String::new(),
        format!("Enabled by the Cargo feature `{}`.", code_text(&package.feature)),
    ];
    doc_lines.extend(plugin_doc_lines(package));
    doc_lines.extend(more_docs.iter().cloned());
    let docs = docs::inner_attrs(&doc_lines);
    let types_docs = docs::inner_attrs(&[format!(
        "Request, response and shared types of the `{}` package.",
        code_text(&package.name)
    )]);

    // Every item of types.rs, sorted by Rust name so output is deterministic.
    let mut items: BTreeMap<String, Pieces> = BTreeMap::new();
    for ty in &package.types {
        let tokens = match ty {
            NamedType::Struct(s) => structs::named_struct(&cx, s),
            NamedType::Enum(e) => enums::open_enum(&cx, e),
        };
        insert_unique(&mut items, ty.rust_name(), tokens);
    }
    for service in &package.services {
        for method in &service.methods {
            insert_unique(
                &mut items,
                &method.request_rust_name,
                structs::request_struct(&cx, service, method),
            );
        }
    }
    // One invocation each for the serde glue of every struct and every enum.
    let mut structs_list: Vec<proc_macro2::Ident> = Vec::new();
    let mut enums_list: Vec<proc_macro2::Ident> = Vec::new();
    for ty in &package.types {
        match ty {
            NamedType::Struct(s) => structs_list.push(idents::ident(&s.rust_name)),
            NamedType::Enum(e) => enums_list.push(idents::ident(&e.rust_name)),
        }
    }
    for service in &package.services {
        for method in &service.methods {
            structs_list.push(idents::ident(&method.request_rust_name));
        }
    }
    structs_list.sort_by_key(|i| i.to_string());
    structs_list.dedup_by_key(|i| i.to_string());
    enums_list.sort_by_key(|i| i.to_string());
    let mut types = Pieces::new();
    for item in items.into_values() {
        types.append(item);
    }
    if !structs_list.is_empty() {
        types.push_tokens(quote!(wix_client::__serde_object!(#(#structs_list),*);));
    }
    if !enums_list.is_empty() {
        types.push_tokens(quote!(wix_client::__serde_open_enum!(#(#enums_list),*);));
    }
    types.push_tokens(queries::field_tables(&cx, package));

    // A file per service with REST methods (its client) and per service with
    // service-plugin methods (what an app implements); a service with only
    // plugin methods has nothing to call, so no client.
    enum File<'s> {
        Client(&'s Service, String),
        Plugin(&'s Service, plugins::PluginNames),
    }
    let mut files: Vec<File> = Vec::new();
    for service in &package.services {
        if !service.methods.is_empty() {
            files.push(File::Client(service, cx.service_name(&service.rust_name)));
        }
        if !service.plugin_methods.is_empty() {
            files.push(File::Plugin(service, plugins::names(&cx, service)));
        }
    }
    let mut module_names: Vec<String> = ["types".to_owned(), TESTS_MODULE.to_owned()]
        .into_iter()
        .chain(files.iter().map(|f| match f {
            File::Client(s, _) => idents::snake(&s.rust_name),
            File::Plugin(_, names) => idents::snake(&names.trait_name),
        }))
        .collect();
    idents::dedupe(&mut module_names);
    let services = files
        .into_iter()
        .zip(module_names.into_iter().skip(2))
        .map(|(file, module)| {
            let (exports, (docs, tokens)) = match file {
                File::Client(service, struct_name) => {
                    let mut code = methods::service(&cx, package, service, &struct_name);
                    code.1
                        .extend(queries::service_methods(&cx, package, service, &struct_name));
                    (vec![struct_name], code)
                }
                File::Plugin(service, names) => {
                    let code = plugins::service_file(&cx, package, service, &names);
                    let mut exports = vec![names.trait_name.clone(), names.handler.clone()];
                    exports.extend(names.errors.iter().map(|(_, e)| e.clone()));
                    (exports, code)
                }
            };
            ServiceCode {
                module,
                exports,
                docs: docs::inner_attrs(&docs),
                tokens,
            }
        })
        .collect();
    PackageCode {
        module,
        docs,
        types,
        types_docs,
        services,
    }
}

/// Package docs listing the service-plugin methods (`URL: null` pages): Wix
/// calls them on an app, so only their types are generated.
fn plugin_doc_lines(package: &Package) -> Vec<String> {
    let mut lines = Vec::new();
    for service in &package.services {
        for m in &service.plugin_methods {
            if lines.is_empty() {
                lines.push(String::new());
                lines.push("# Service plugins".to_owned());
                lines.push(String::new());
                lines.push(
                    "Methods Wix calls on an app that implements them (their pages say `URL: null`): \
                     the request Wix sends and the response the app answers with."
                        .to_owned(),
                );
                lines.push(String::new());
            }
            let name = |t: &TypeRef| match t {
                TypeRef::Named(n) => format!("[`{n}`]"),
                _ => "free-form JSON".to_owned(),
            };
            let response = m.response.as_ref().map_or_else(|| "nothing".to_owned(), name);
            lines.push(format!(
                "- `{}.{}`: request {}, response {}.",
                code_text(&service.name),
                code_text(&m.name),
                name(&m.request),
                response
            ));
        }
    }
    lines
}

/// Items are unique by name; a second item of the same name (an IR defect) is
/// dropped rather than emitted twice, which could not compile.
fn insert_unique(items: &mut BTreeMap<String, Pieces>, name: &str, code: Pieces) {
    items.entry(idents::ident(name).to_string()).or_insert(code);
}
