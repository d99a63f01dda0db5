//! The layout step: every file of the generated crate, assembled from the
//! emitters. The facade (`Cargo.toml`, `src/lib.rs`, [`crate::crate_files`]),
//! then per package its `Cargo.toml`, `lib.rs` and `types.rs` and a file per
//! service ([`mod@crate::emit`]), and `page_tests.rs` (the tests from listings,
//! [`crate::listings`], from curl examples, [`crate::examples`], and from
//! JavaScript examples, [`crate::response_examples`]). Adding an emitter means
//! adding its file and a line here.

use crate::articles;
use crate::crate_files::{self, CrateOptions};
use crate::emit::ast;
use crate::emit::docs::{self, code_text};
use crate::emit::idents;
use crate::emit::plan::TESTS_MODULE;
use crate::emit::{package_code, package_code_documented};
use crate::examples::{self, CheckedExample};
use crate::pieces::Pieces;
use crate::render::{FileRenderer, render_single};
use crate::response_examples::{self, CheckedResponse};
use crate::{GeneratedFiles, Header};
use quote::quote;
use rayon::prelude::*;
use std::path::PathBuf;
use wixgen_ir::model::{Api, Package};

/// How to emit the API: everything else (the examples on each method, the
/// articles on each package) is in the model.
#[derive(Debug, Clone)]
pub struct EmitOptions {
    /// The first line of every generated file.
    pub header: Header,
    /// Cargo.toml and lib.rs of the generated crate.
    pub krate: CrateOptions,
}

/// The whole generated crate: the facade (`Cargo.toml`, `src/lib.rs`), one
/// crate per package under `packages/` (its own crate, so that it compiles on
/// its own and in parallel with the others, and only when its feature is
/// enabled), and `tests/`. Paths are relative to the facade's root.
pub fn emit(api: &Api, options: &EmitOptions) -> GeneratedFiles {
    emit_timed(api, options, &FileRenderer::default())
}

/// [`emit`], timing its two halves in `clock`. Packages are emitted in
/// parallel (token streams stay on the thread that builds and formats them).
pub fn emit_timed(api: &Api, options: &EmitOptions, clock: &FileRenderer) -> GeneratedFiles {
    let (checked, responses) = check(api);
    emit_files(api, options, clock, &checked, &responses)
}

/// The checks of the model's examples ([`examples::check_examples`] and
/// [`response_examples::check_responses`], side by side), for a caller that
/// needs them before the files ([`emit_files`]).
pub fn check(api: &Api) -> (Vec<CheckedExample>, Vec<CheckedResponse>) {
    rayon::join(
        || examples::check_examples(api),
        || response_examples::check_responses(api),
    )
}

/// The files of [`emit_timed`], from checks already made ([`check`]): for a
/// caller that also reports the checks.
pub fn emit_files(
    api: &Api,
    options: &EmitOptions,
    clock: &FileRenderer,
    checked: &[CheckedExample],
    responses: &[CheckedResponse],
) -> GeneratedFiles {
    let header = &options.header;
    // The largest packages start first, one task each, so that no large
    // package is left to build and format alone on one core at the end (the
    // files' order is the map's, not the tasks').
    let mut packages: Vec<&Package> = api.packages.iter().collect();
    packages.sort_by_key(|package| std::cmp::Reverse(package_weight(package)));
    let package_files = || -> Vec<(PathBuf, String)> {
        packages
            .par_iter()
            .with_max_len(1)
            .flat_map_iter(|package| {
                let code = clock
                    .emit
                    .time(|| package_code_documented(package, &articles::package_doc_lines(package)));
                let dir = PathBuf::from(crate_files::PACKAGES_DIR).join(&code.module);
                let src = dir.join("src");
                // Token streams are not `Send`: a package's files are built
                // and formatted on the thread that built its code.
                let mut out = vec![
                    (
                        dir.join("Cargo.toml"),
                        crate_files::package_cargo_toml(package, &options.krate, header),
                    ),
                    (src.join("lib.rs"), clock.file(header, || code.lib_rs_file().into())),
                    (src.join("types.rs"), clock.file(header, || code.types_file())),
                ];
                for service in &code.services {
                    out.push((
                        src.join(format!("{}.rs", service.module)),
                        clock.file(header, || service.file().into()),
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

/// A package's size, roughly in proportion to the time its files take to
/// build and format: its types and methods.
fn package_weight(package: &Package) -> usize {
    package.types.len()
        + package
            .services
            .iter()
            .map(|s| 2 * (s.methods.len() + s.plugin_methods.len()))
            .sum::<usize>()
}

/// `src/page_tests.rs` of a package crate: its listing-derived round trips,
/// its request examples and its response examples, each decoding JSON into a
/// generated type and encoding it back.
pub(crate) fn package_tests_file(
    package: &Package,
    checked: &[CheckedExample],
    responses: &[CheckedResponse],
) -> Pieces {
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
    let mut file = Pieces::from(quote! {
        #docs
        #helper
    });
    // The tests are syntax trees already ([`crate::emit::ast`]): a module
    // each for listings, examples and responses, when it has any.
    for (name, tests) in [("listings", listings), ("examples", examples), ("responses", responses)] {
        if !tests.is_empty() {
            file.push_item(ast::test_module(&idents::ident(name), tests));
        }
    }
    file
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
