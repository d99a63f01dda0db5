//! Emission from a hand-built IR (`wixgen_corpus::fixture`): shapes and safety. The
//! same IR's golden (`tests/golden/edge_cases.rs`) is compiled by trybuild.

use proc_macro2::{TokenStream, TokenTree};
use wixgen_codegen::{EmitOptions, emit, single_file};
use wixgen_codegen::{Header, crate_files::CrateOptions};
use wixgen_corpus::fixture;

fn fixture_file() -> String {
    single_file(&fixture::api(), &Header::new("fixture", "test"))
}

fn idents(tokens: TokenStream, out: &mut Vec<String>) {
    for t in tokens {
        match t {
            TokenTree::Ident(i) => out.push(i.to_string()),
            TokenTree::Group(g) => idents(g.stream(), out),
            _ => {}
        }
    }
}

#[test]
fn hostile_names_and_docs_stay_inside_identifiers_and_literals() {
    let text = fixture_file();
    let tokens: TokenStream = text.parse().expect("tokens");
    let mut all = Vec::new();
    idents(tokens, &mut all);
    assert!(!all.iter().any(|i| i == "evil"), "`evil` became an identifier");
    let file = syn::parse_file(&text).expect("parses");
    let fns = text.matches("fn evil").count();
    let doc_fns = text
        .lines()
        .filter(|l| l.trim_start().starts_with("///") && l.contains("fn evil"))
        .count();
    assert_eq!(fns, doc_fns, "`fn evil` only appears in doc comments");
    assert!(!file.items.is_empty());
    // The hostile field keeps its wire name, as a literal.
    let squeezed: String = text.split_whitespace().collect();
    assert!(squeezed.contains(r#"a_fn_evil:opt="x\";evil""#), "{text}");
}

#[test]
fn docs_are_rustdoc_safe() {
    let text = fixture_file();
    let mut in_fence = false;
    for line in text.lines() {
        let Some(doc) = line
            .trim_start()
            .strip_prefix("///")
            .or_else(|| line.trim_start().strip_prefix("//!"))
        else {
            continue;
        };
        let doc = doc.strip_prefix(' ').unwrap_or(doc);
        if doc.starts_with("```") {
            if !in_fence {
                assert_eq!(doc, "```text", "code fences are never doctests");
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        assert!(!doc.starts_with("    "), "indented code block: {line}");
        assert!(!doc.contains("<script>") && !doc.contains("<!--"), "raw HTML: {line}");
    }
    assert!(!in_fence, "unclosed fence");
    assert!(text.contains("<https://example.com/a?b=1>"), "bare URLs are wrapped");
    assert!(text.contains(r"\[not a link\]"), "stray brackets are escaped");
    assert!(!text.contains("TODO hidden"), "HTML comments are dropped");
}

#[test]
fn recursive_types_are_boxed() {
    let text = fixture_file();
    assert!(text.contains("pub child: Option<Box<Node>>"), "{text}");
    assert!(text.contains("pub children: Vec<Node>"), "arrays need no box");
    assert!(
        text.contains("pub nested: Option<Box<Node>>"),
        "response-side group member field"
    );
    assert!(text.contains("Nested(Box<Node>)"), "enum variant");
}

#[test]
fn shapes_by_side() {
    let text = fixture_file();
    // Request-only: required fields are parameters of `new`; groups are enums.
    assert!(
        text.contains("pub fn new(field_name: impl Into<String>) -> Self"),
        "{text}"
    );
    assert!(text.contains("pub selector: Option<QuerySelector>"));
    // Both: required fields decode when missing; a required group is stored as an Option.
    assert!(text.contains("pub target: Option<SharedTarget>"));
    // Every field is an `Option` (or a `Vec`), required ones too.
    assert!(text.contains("pub field_name: Option<String>"), "{text}");
    let squeezed: String = text.split_whitespace().collect();
    assert!(
        squeezed.contains(
            "pubfnnew(name:implInto<String>,order:SortOrder,total:i64,tags:Vec<String>,target:SharedTarget,)"
        )
    );
    // Response-only: members side by side, with an accessor.
    assert!(text.contains("pub fn kind(&self) -> Option<NodeKind>"));
    // int64 everywhere it can be: fields, lists, ONE-OF members.
    for field in [
        "number:int64=\"number\"",
        "counts:int64_list=\"counts\"",
        "B:int64=\"b\"",
    ] {
        assert!(squeezed.contains(field), "{field}");
    }
    // No serde derive: one `Object` impl per struct (a `__object!` call), the
    // glue once per package.
    assert!(!text.contains("serde::Serialize, serde::Deserialize"));
    assert!(squeezed.contains("wix_client::__object!(Node[]{"));
    assert!(text.contains("wix_client::__serde_object!("));
    assert!(text.contains("wix_client::__serde_open_enum!("));
    // Enum: IR variant `UnknownValue` for the wire `UNKNOWN`, catch-all `Unknown`.
    assert!(text.contains("UnknownValue,") && text.contains("Unknown(String),"));
    assert!(text.contains(r#""UNKNOWN" => Self::UnknownValue"#));
}

#[test]
fn methods_route_params() {
    let text = fixture_file();
    assert!(
        text.contains(r#".path_field(request.site_id.as_deref(), "siteId")"#),
        "{text}"
    );
    let flat: String = text.split_whitespace().collect();
    assert!(
        flat.contains(r#".path_field(request.node_number.map(|v|v.to_string()).as_deref(),"nodeNumber",)"#),
        "{text}"
    );
    assert!(
        text.contains("struct Query<'a>"),
        "query params of a body method are sent separately"
    );
    assert!(
        text.contains("send::<wix_client::reexports::serde::de::IgnoredAny>"),
        "empty response"
    );
    assert!(text.contains("pub fn query_nodes_stream("));
    // Cursor paging at other paths: `_stream` is emitted (it is left out
    // silently when the cursor path does not resolve).
    assert!(text.contains("pub fn list_nodes_stream("));
    let squeezed = flat;
    assert!(
        squeezed.contains(
            "letnext=request.paging.get_or_insert_with(<super::types::Pagingaswix_client::wire::object::Object>::empty"
        ),
        "{text}"
    );
    assert!(text.contains("pub fn search_nodes_stream("));
    assert!(
        squeezed.contains(
            "letnext=request.search.get_or_insert_with(<super::types::Searchaswix_client::wire::object::Object>::empty"
        ),
        "a missing message is created empty, required or not"
    );
    assert!(text.contains("#[deprecated]\n            pub async fn delete_node("));
}

#[test]
fn emit_is_a_pure_function_of_the_ir() {
    let options = EmitOptions {
        header: Header::checked_in(),
        krate: CrateOptions::default(),
    };
    let a = emit(&fixture::api(), &options);
    let b = emit(&fixture::api(), &options);
    assert_eq!(a, b);
    let paths: Vec<String> = a.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(
        paths,
        [
            "Cargo.toml",
            "packages/edge/Cargo.toml",
            "packages/edge/src/edge_service.rs",
            "packages/edge/src/lib.rs",
            "packages/edge/src/page_tests.rs",
            "packages/edge/src/types.rs",
            "src/lib.rs",
        ]
    );
    for (path, text) in &a {
        assert!(
            text.starts_with("// @generated by wixgen") || text.starts_with("# @generated by wixgen"),
            "{path:?}"
        );
        if path.extension().is_some_and(|e| e == "rs") {
            syn::parse_file(text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        }
    }
}

#[test]
fn prelude_names_switch_to_full_paths() {
    let mut api = fixture::api();
    let package = &mut api.packages[0];
    let wixgen_ir::model::NamedType::Struct(paging) =
        package.types.iter_mut().find(|t| t.rust_name() == "Paging").unwrap()
    else {
        panic!()
    };
    paging.name = "Option".into();
    paging.rust_name = "Option".into();
    for t in &mut package.types {
        if let wixgen_ir::model::NamedType::Struct(s) = t {
            for f in &mut s.fields {
                if f.ty == wixgen_ir::model::TypeRef::Named("Paging".into()) {
                    f.ty = wixgen_ir::model::TypeRef::Named("Option".into());
                }
            }
        }
    }
    let text = single_file(&api, &Header::new("fixture", "test"));
    syn::parse_file(&text).expect("parses");
    assert!(
        text.contains("pub cursor_paging: ::std::option::Option<Option>"),
        "{text}"
    );
    // The setter takes the generated type, not the prelude's.
    let squeezed: String = text.split_whitespace().collect();
    assert!(
        squeezed.contains("cursor_paging:impl::std::convert::Into<Option>,"),
        "{text}"
    );
}
