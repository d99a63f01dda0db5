//! IR → Rust: a pure function of the IR and the options.
//!
//! Everything here builds `quote!` token streams; [`format_file`] turns them
//! into text with `prettyplease`. The same token streams back the file tree of
//! the generated crate ([`emit`]), the one-file form used by goldens
//! ([`single_file`]) and the expansion of `include_api!`
//! ([`crate::inline::expand`]), so they can never disagree.

pub mod docs;
mod enums;
pub mod idents;
pub(crate) mod methods;
mod one_of;
mod plugins;
pub(crate) mod structs;
mod wire;

use crate::articles::{self, PlacedArticle};
use crate::cpu_clock::CpuClock;
use crate::crate_files;
use crate::examples::{self, RequestExample};
use crate::format_cache::FormatCache;
use crate::response_examples::{self, CheckedResponse, ResponseExample};
use crate::{GeneratedFiles, Header};
use proc_macro2::TokenStream;
use quote::quote;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;
use wixgen_ir::model::{Api, NamedType, Package, Service, StructType, TypeRef};

pub use crate::crate_files::{CrateOptions, Runtime};

/// What to emit besides the API itself.
#[derive(Debug, Clone)]
pub struct EmitOptions {
    /// The first line of every generated file.
    pub header: Header,
    /// Cargo.toml and lib.rs of the generated crate.
    pub krate: CrateOptions,
    /// REST request examples; the usable ones become tests in `src/page_tests.rs`.
    pub examples: Vec<RequestExample>,
    /// The JavaScript examples' `/* Promise resolves to: */` objects; the
    /// usable ones become tests in `src/page_tests.rs`.
    pub responses: Vec<ResponseExample>,
    /// Article pages, placed with their packages: part of those packages' docs.
    pub articles: Vec<PlacedArticle>,
}

/// Lints allowed on each package module: generated code may use its own
/// deprecated items, and some API shapes (many required params, one large
/// ONE-OF member) are as the API defines them.
pub(crate) fn package_allows() -> TokenStream {
    quote!(#[allow(deprecated, clippy::too_many_arguments, clippy::large_enum_variant)])
}

/// The whole generated crate: the facade (`Cargo.toml`, `src/lib.rs`), one
/// crate per package under `packages/` (its own crate, so that it compiles on
/// its own and in parallel with the others, and only when its feature is
/// enabled), and `tests/`. Paths are relative to the facade's root.
pub fn emit(api: &Api, options: &EmitOptions) -> GeneratedFiles {
    emit_timed(api, options, &EmitClock::default())
}

/// CPU time spent building token streams (`emit`) and formatting them
/// (`format`), summed over the threads that did it.
#[derive(Debug, Default)]
pub struct EmitClock {
    emit: CpuClock,
    format: CpuClock,
    cache: Option<FormatCache>,
}

impl EmitClock {
    /// A clock whose files are formatted through `cache` (files whose tokens
    /// it knows are not formatted again).
    pub fn with_cache(cache: FormatCache) -> Self {
        EmitClock {
            cache: Some(cache),
            ..EmitClock::default()
        }
    }

    /// The format cache, when there is one.
    pub fn cache(&self) -> Option<&FormatCache> {
        self.cache.as_ref()
    }

    /// Time spent building tokens.
    pub fn emit(&self) -> Duration {
        self.emit.get()
    }

    /// Time spent formatting.
    pub fn format(&self) -> Duration {
        self.format.get()
    }

    /// Builds a file's tokens with `build`, then formats them, timing both.
    fn file(&self, header: &Header, build: impl FnOnce() -> TokenStream) -> String {
        let tokens = self.emit.time(build);
        self.format.time(|| match &self.cache {
            Some(cache) => {
                let line = header.rust_line();
                let body = cache.render(skip_rustfmt(tokens), format_file);
                line + &body
            }
            None => render(header, tokens),
        })
    }
}

/// [`emit`], timing its two halves in `clock`. Packages are emitted in
/// parallel (token streams stay on the thread that builds and formats them).
pub fn emit_timed(api: &Api, options: &EmitOptions, clock: &EmitClock) -> GeneratedFiles {
    let checked = examples::check_examples(api, &options.examples);
    let responses = response_examples::check_responses(api, &options.responses);
    emit_checked(api, options, clock, &checked, &responses)
}

/// [`emit_timed`] with the examples of `options` already checked against
/// `api` (by [`examples::check_examples`] and
/// [`response_examples::check_responses`]), for a caller that keeps the checks
/// for its report.
pub fn emit_checked(
    api: &Api,
    options: &EmitOptions,
    clock: &EmitClock,
    checked: &[examples::CheckedExample],
    responses: &[CheckedResponse],
) -> GeneratedFiles {
    let header = &options.header;
    let package_files = || -> Vec<(PathBuf, String)> {
        api.packages
            .par_iter()
            .flat_map_iter(|package| {
                let code = clock.emit.time(|| {
                    package_code_documented(package, &articles::package_doc_lines(&options.articles, &package.name))
                });
                let dir = PathBuf::from(crate_files::PACKAGES_DIR).join(&code.module);
                let src = dir.join("src");
                let mut out = vec![
                    (
                        dir.join("Cargo.toml"),
                        crate_files::package_cargo_toml(package, &options.krate, header),
                    ),
                    (src.join("lib.rs"), clock.file(header, || code.lib_rs_file())),
                    (src.join("types.rs"), clock.file(header, || code.types_file())),
                ];
                for service in &code.services {
                    out.push((
                        src.join(format!("{}.rs", service.module)),
                        clock.file(header, || service.file()),
                    ));
                }
                out.push((
                    src.join(format!("{TESTS_MODULE}.rs")),
                    clock.file(header, || package_tests_file(package, checked, responses)),
                ));
                out
            })
            .collect()
    };
    let packages = package_files();
    let mut files = GeneratedFiles::new();
    files.insert(
        PathBuf::from("Cargo.toml"),
        crate_files::cargo_toml(api, &options.krate, header),
    );
    files.insert(
        PathBuf::from("src/lib.rs"),
        crate_files::lib_rs(api, &options.krate, header),
    );
    files.extend(packages);
    files
}

/// The module of a package crate holding the tests generated from its pages.
pub(crate) const TESTS_MODULE: &str = "page_tests";

/// `src/page_tests.rs` of a package crate: its listing-derived round trips,
/// its request examples and its response examples, each decoding JSON into a
/// generated type and encoding it back.
fn package_tests_file(
    package: &Package,
    checked: &[examples::CheckedExample],
    responses: &[CheckedResponse],
) -> TokenStream {
    let module = idents::ident(&package.module).to_string();
    let (listings, not_synthesized) = crate::listings::package_tests(package);
    let (examples, skipped) = examples::package_tests(checked, &module);
    let (responses, responses_skipped) = response_examples::package_tests(responses, &module);
    let mut lines = vec![
        format!(
            "Tests generated from the pages of the `{}` package: each decodes JSON into a generated type \
             and encodes it back.",
            code_text(&package.name)
        ),
        String::new(),
        "- `listings`: JSON synthesized from each page's own listings (every field present, an enum's \
         first value, one member of each ONE-OF, int64 as strings); each response also with a key no \
         listing names in every listed object, which must be kept and encoded back."
            .to_owned(),
        "- `examples`: the request bodies of the pages' curl examples that agree with the schema.".to_owned(),
        "- `responses`: the objects the pages' JavaScript examples resolve to (`/* Promise resolves to: */`), \
         SDK names mapped to wire names, decoded into the response type; fields the schema does not have \
         must be kept and encoded back."
            .to_owned(),
    ];
    let mut list = |title: &str, items: &[String]| {
        if !items.is_empty() {
            lines.push(String::new());
            lines.push(title.to_owned());
            lines.push(String::new());
            lines.extend(items.iter().map(|s| format!("- {}", docs::doc_lines(s).join(" "))));
        }
    };
    list("Listings not synthesized:", &not_synthesized);
    list("Examples skipped, as they do not agree with the schema:", &skipped);
    list(
        "JavaScript examples skipped, as they do not parse or do not agree with the schema:",
        &responses_skipped,
    );
    let docs = docs::inner_attrs(&lines);
    let module_of = |name: &str, tests: &[TokenStream]| {
        let id = idents::ident(name);
        if tests.is_empty() {
            quote!()
        } else {
            quote! {
                mod #id {
                    use super::round_trip;
                    #(#tests)*
                }
            }
        }
    };
    let helper = if listings.is_empty() && examples.is_empty() && responses.is_empty() {
        quote!()
    } else {
        quote! {
            /// Decodes `input` as `T`, encodes it again, and compares with `expected` (`input` when `None`).
            fn round_trip<T>(input: &str, expected: Option<&str>)
            where
                T: wix_client::reexports::serde::de::DeserializeOwned + wix_client::reexports::serde::Serialize,
            {
                use wix_client::reexports::serde_json;
                let decoded: T = match serde_json::from_str(input) {
                    Ok(value) => value,
                    Err(e) => panic!("does not decode: {e}\n{input}"),
                };
                let encoded = serde_json::to_value(&decoded).expect("encodes");
                let expected: serde_json::Value = serde_json::from_str(expected.unwrap_or(input)).expect("expected JSON");
                assert_eq!(encoded, expected);
            }
        }
    };
    let listings = module_of("listings", &listings);
    let examples = module_of("examples", &examples);
    let responses = module_of("responses", &responses);
    quote! {
        #docs
        #helper
        #listings
        #examples
        #responses
    }
}

/// The API as one Rust file: each package an inline module (no features),
/// followed by `fn main() {}` so that the file is a complete program. Used for
/// goldens (which trybuild compiles); `include_api!` expands to the same
/// modules ([`crate::inline::expand`]).
pub fn single_file(api: &Api, header: &Header) -> String {
    let packages = api.packages.iter().map(|package| package_code(package).inline());
    let tokens = quote! {
        #(#packages)*
        fn main() {}
    };
    render_single(header, tokens)
}

/// A file of the generated crate: header line, then the formatted tokens,
/// marked so that `cargo fmt` leaves it as generated (rustfmt and prettyplease
/// disagree on details, and `cargo xtask gen --check` compares bytes).
pub(crate) fn render(header: &Header, tokens: TokenStream) -> String {
    format!("{}{}", header.rust_line(), format_file(skip_rustfmt(tokens)))
}

/// `tokens` behind the inner attribute that keeps `cargo fmt` off the file.
fn skip_rustfmt(tokens: TokenStream) -> TokenStream {
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #tokens
    }
}

/// The one-file form: header line and formatted tokens.
fn render_single(header: &Header, tokens: TokenStream) -> String {
    format!("{}{}", header.rust_line(), format_file(tokens))
}

/// Format tokens as a file with `prettyplease`.
///
/// # Panics
/// If the tokens do not parse as a file: that is a bug in this crate, since
/// page text only ever enters the tokens as identifiers (checked) and literals.
/// Top-level items are separated by a blank line.
pub fn format_file(tokens: TokenStream) -> String {
    let mut file = match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => file,
        Err(e) => panic!("wixgen-codegen produced invalid Rust ({e}):\n{tokens}"),
    };
    let items = std::mem::take(&mut file.items);
    let mut out = prettyplease::unparse(&file);
    file.attrs.clear();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 || !out.is_empty() {
            out.push('\n');
        }
        file.items = vec![item];
        out.push_str(&prettyplease::unparse(&file));
    }
    out
}

/// The code of one package, as tokens.
pub struct PackageCode {
    /// Module name (`inbox`).
    pub module: String,
    /// Cargo feature (`inbox`).
    pub feature: String,
    docs: TokenStream,
    types: TokenStream,
    types_docs: TokenStream,
    services: Vec<ServiceCode>,
}

pub(crate) struct ServiceCode {
    module: String,
    /// The items `mod.rs` re-exports: the client struct, or a plugin's trait, handler and errors.
    exports: Vec<String>,
    docs: TokenStream,
    tokens: TokenStream,
}

impl ServiceCode {
    fn file(&self) -> TokenStream {
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
    fn lib_rs_file(&self) -> TokenStream {
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

    fn types_file(&self) -> TokenStream {
        let docs = &self.types_docs;
        let types = &self.types;
        quote!(#docs #types)
    }

    /// `pub mod <package> { ... }` with every file inline.
    pub fn inline(&self) -> TokenStream {
        let module = idents::ident(&self.module);
        let docs = &self.docs;
        let types = self.types_file();
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
    let cx = Cx::new(package);
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
    let mut items: BTreeMap<String, TokenStream> = BTreeMap::new();
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
    let mut types = items.into_values().collect::<TokenStream>();
    if !structs_list.is_empty() {
        types.extend(quote!(wix_client::__serde_object!(#(#structs_list),*);));
    }
    if !enums_list.is_empty() {
        types.extend(quote!(wix_client::__serde_open_enum!(#(#enums_list),*);));
    }

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
                    let code = methods::service(&cx, package, service, &struct_name);
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
        feature: package.feature.clone(),
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
fn insert_unique(items: &mut BTreeMap<String, TokenStream>, name: &str, tokens: TokenStream) {
    items.entry(idents::ident(name).to_string()).or_insert(tokens);
}

/// Text to be shown inside a markdown code span: backticks removed.
pub(crate) fn code_text(s: &str) -> String {
    s.replace('`', "'").replace(['\n', '\r'], " ")
}

/// Whether a struct is used in requests, responses or both: decides its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Built by users only: required fields are plain, ONE-OFs are enums.
    Request,
    /// Built by users and decoded from responses: as `Request`, but every
    /// field decodes when missing.
    Both,
    /// Decoded only: every field optional, ONE-OF members kept side by side.
    Response,
}

impl Side {
    pub(crate) fn builds(self) -> bool {
        self != Side::Response
    }
}

fn collect_named_refs<'t>(ty: &'t TypeRef, out: &mut Vec<&'t str>) {
    match ty {
        TypeRef::Named(n) => out.push(n),
        TypeRef::Array(inner) => collect_named_refs(inner, out),
        _ => {}
    }
}

/// Names of the prelude items generated code uses in type position. When a
/// package defines a type with one of these names, the package's code spells
/// them with full paths instead.
const PRELUDE_TYPES: &[&str] = &["Option", "String", "Vec", "Box", "Result", "Into", "From", "Default"];

/// Per-package facts the emitters need.
pub(crate) struct Cx<'a> {
    pub(crate) package: &'a Package,
    types: BTreeMap<&'a str, &'a NamedType>,
    /// Structs users build: reachable from a method's params (or a service
    /// plugin's response) through fields that are not read-only. (A type reachable only through read-only fields,
    /// like a message's `sender`, is never sent, so it keeps the lossless
    /// response shape.)
    built: BTreeSet<String>,
    /// `(struct, field rust name)` edges that must be boxed to break a cycle.
    boxed: BTreeSet<(String, String)>,
    /// Spell prelude types with full paths.
    full_paths: bool,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(package: &'a Package) -> Self {
        let types: BTreeMap<&str, &NamedType> = package.types.iter().map(|t| (t.rust_name(), t)).collect();
        let full_paths = package.types.iter().any(|t| PRELUDE_TYPES.contains(&t.rust_name()))
            || package.services.iter().any(|s| {
                s.methods
                    .iter()
                    .any(|m| PRELUDE_TYPES.contains(&m.request_rust_name.as_str()))
            });
        let mut cx = Cx {
            package,
            types,
            built: BTreeSet::new(),
            boxed: BTreeSet::new(),
            full_paths,
        };
        cx.built = cx.built_types();
        cx.boxed = cx.cycle_edges();
        cx
    }

    /// The shape of a struct: see [`Side`].
    pub(crate) fn side(&self, s: &StructType) -> Side {
        match (self.built.contains(&s.rust_name), s.usage.response) {
            (true, true) => Side::Both,
            (true, false) => Side::Request,
            (false, _) => Side::Response,
        }
    }

    fn built_types(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut work: Vec<&str> = Vec::new();
        for service in &self.package.services {
            for m in &service.methods {
                for f in m.path_params.iter().chain(&m.query_params).chain(&m.body_params) {
                    collect_named_refs(&f.ty, &mut work);
                }
            }
            // An app builds what it answers a service plugin with.
            for m in &service.plugin_methods {
                if let Some(r) = &m.response {
                    collect_named_refs(r, &mut work);
                }
            }
        }
        while let Some(name) = work.pop() {
            let Some(NamedType::Struct(s)) = self.named(name) else {
                continue;
            };
            if !out.insert(s.rust_name.clone()) {
                continue;
            }
            for f in s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| g.members.iter())) {
                if !f.read_only {
                    collect_named_refs(&f.ty, &mut work);
                }
            }
        }
        out
    }

    pub(crate) fn named(&self, rust_name: &str) -> Option<&'a NamedType> {
        self.types.get(rust_name).copied()
    }

    /// The Rust name of a service's client struct: its IR name, unless a type
    /// of the package already has it (then `<Name>Client`).
    pub(crate) fn service_name(&self, rust_name: &str) -> String {
        let taken = |n: &str| {
            self.types.contains_key(n)
                || self
                    .package
                    .services
                    .iter()
                    .any(|s| s.methods.iter().any(|m| m.request_rust_name == n))
        };
        let mut name = rust_name.to_owned();
        while taken(&name) {
            name.push_str("Client");
        }
        name
    }

    /// `base`, or `base` with `Items` appended until it names no type,
    /// request struct or service of the package: for items codegen adds.
    pub(crate) fn free_name(&self, base: &str) -> String {
        let taken = |n: &str| {
            self.types.contains_key(n)
                || self
                    .package
                    .services
                    .iter()
                    .any(|s| s.rust_name == n || s.methods.iter().any(|m| m.request_rust_name == n))
        };
        let mut name = base.to_owned();
        while taken(&name) {
            name.push_str("Items");
        }
        name
    }

    pub(crate) fn is_boxed(&self, owner: &str, field: &str) -> bool {
        self.boxed.contains(&(owner.to_owned(), field.to_owned()))
    }

    /// Struct-to-struct edges stored inline (not behind a `Vec`) that lie on a
    /// cycle: those fields are boxed so the types have a finite size.
    fn cycle_edges(&self) -> BTreeSet<(String, String)> {
        let mut edges: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
        for t in &self.package.types {
            if let NamedType::Struct(s) = t {
                let fields = s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| g.members.iter()));
                for f in fields {
                    if let TypeRef::Named(target) = &f.ty
                        && let Some(NamedType::Struct(_)) = self.named(target)
                    {
                        edges.entry(&s.rust_name).or_default().push((&f.rust_name, target));
                    }
                }
            }
        }
        let reaches = |from: &str, to: &str| {
            let mut seen = BTreeSet::new();
            let mut stack = vec![from];
            while let Some(n) = stack.pop() {
                if n == to {
                    return true;
                }
                if seen.insert(n)
                    && let Some(next) = edges.get(n)
                {
                    stack.extend(next.iter().map(|(_, t)| *t));
                }
            }
            false
        };
        let mut out = BTreeSet::new();
        for (owner, list) in &edges {
            for (field, target) in list {
                if reaches(target, owner) {
                    out.insert(((*owner).to_owned(), (*field).to_owned()));
                }
            }
        }
        out
    }

    // Prelude spellings.

    /// A prelude name, spelled with its full `::std` path when a generated
    /// type of the same name would shadow it.
    fn prelude(&self, full: TokenStream, short: TokenStream) -> TokenStream {
        if self.full_paths { full } else { short }
    }

    pub(crate) fn option(&self) -> TokenStream {
        self.prelude(quote!(::std::option::Option), quote!(Option))
    }
    pub(crate) fn string(&self) -> TokenStream {
        self.prelude(quote!(::std::string::String), quote!(String))
    }
    pub(crate) fn vec(&self) -> TokenStream {
        self.prelude(quote!(::std::vec::Vec), quote!(Vec))
    }
    pub(crate) fn boxed_ty(&self) -> TokenStream {
        self.prelude(quote!(::std::boxed::Box), quote!(Box))
    }
    pub(crate) fn result(&self) -> TokenStream {
        self.prelude(quote!(::std::result::Result), quote!(Result))
    }
    pub(crate) fn trait_into(&self) -> TokenStream {
        self.prelude(quote!(::std::convert::Into), quote!(Into))
    }
    pub(crate) fn trait_from(&self) -> TokenStream {
        self.prelude(quote!(::std::convert::From), quote!(From))
    }

    /// The Rust type of a value of `ty` (no `Option`, no `Box`).
    pub(crate) fn rust_type(&self, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::String | TypeRef::Timestamp => self.string(),
            TypeRef::Int32 => quote!(i32),
            TypeRef::Int64 => quote!(i64),
            TypeRef::Float64 => quote!(f64),
            TypeRef::Bool => quote!(bool),
            TypeRef::Json => quote!(wix_client::reexports::serde_json::Value),
            TypeRef::Array(inner) => {
                let vec = self.vec();
                let inner = self.rust_type(inner);
                quote!(#vec<#inner>)
            }
            TypeRef::Named(name) => match self.named(name) {
                Some(t) => {
                    let id = idents::ident(t.rust_name());
                    quote!(#id)
                }
                // A reference the IR could not resolve: keep the data as JSON
                // rather than emit a name that does not exist.
                None => quote!(wix_client::reexports::serde_json::Value),
            },
        }
    }

    /// Whether a value of `ty` is stored as a `String` and so accepted as
    /// `impl Into<String>` by constructors and setters.
    pub(crate) fn takes_into(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::String | TypeRef::Timestamp => true,
            TypeRef::Named(n) => matches!(self.named(n), Some(NamedType::Struct(_))),
            _ => false,
        }
    }
}
