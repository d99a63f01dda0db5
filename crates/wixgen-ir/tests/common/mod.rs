//! Helpers shared by the integration tests: parse pages, find things in the IR.
#![allow(dead_code)]

use std::path::PathBuf;
use wixgen_ir::{EnumType, Field, IrDiagnostic, LowerOutput, Method, NamedType, Package, PageInput, StructType};

/// Where a real page lives in `tests/fixtures/pages/` of the repository.
pub fn fixture_path(name: &str) -> PathBuf {
    let dir = match name {
        "get-or-create-conversation.md" => "seeds",
        "get-conversation.md" => "reconstructed",
        _ => "real",
    };
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/pages")
        .join(dir)
        .join(name)
}

/// Parses a real page from `tests/fixtures/pages/`, failing on parse errors. The page's
/// path in diagnostics is its file name.
pub fn fixture(name: &str) -> PageInput {
    let path = fixture_path(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse(name, &bytes)
}

/// Parses a page of this repository's `schemas/` (e.g. `inbox/list-messages.md`),
/// failing on parse errors. The page's path in diagnostics is `schemas/<name>`.
pub fn schema(name: &str) -> PageInput {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../schemas")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse(&format!("schemas/{name}"), &bytes)
}

/// Parses page text, failing on parse errors.
pub fn parse(path: &str, bytes: &[u8]) -> PageInput {
    let out = wixgen_schema::parse(bytes);
    let errors: Vec<String> = out.errors().map(|d| d.one_line(path)).collect();
    assert!(errors.is_empty(), "parse errors in {path}:\n{}", errors.join("\n"));
    PageInput {
        path: path.to_string(),
        page: out.page.expect("a page"),
    }
}

pub fn lower_fixtures(names: &[&str]) -> LowerOutput {
    let pages: Vec<PageInput> = names.iter().map(|n| fixture(n)).collect();
    wixgen_ir::lower(&pages)
}

pub fn diag_lines(out: &LowerOutput) -> String {
    out.diagnostics
        .iter()
        .map(IrDiagnostic::one_line)
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn package<'a>(out: &'a LowerOutput, name: &str) -> &'a Package {
    out.api
        .packages
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no package {name}; diagnostics:\n{}", diag_lines(out)))
}

pub fn method<'a>(pkg: &'a Package, name: &str) -> &'a Method {
    pkg.services
        .iter()
        .flat_map(|s| &s.methods)
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no method {name} in {}", pkg.name))
}

pub fn named<'a>(pkg: &'a Package, rust_name: &str) -> &'a NamedType {
    pkg.types
        .iter()
        .find(|t| t.rust_name() == rust_name)
        .unwrap_or_else(|| panic!("no type {rust_name} in {}", pkg.name))
}

pub fn strukt<'a>(pkg: &'a Package, rust_name: &str) -> &'a StructType {
    match named(pkg, rust_name) {
        NamedType::Struct(s) => s,
        NamedType::Enum(_) => panic!("{rust_name} is an enum"),
    }
}

pub fn enm<'a>(pkg: &'a Package, rust_name: &str) -> &'a EnumType {
    match named(pkg, rust_name) {
        NamedType::Enum(e) => e,
        NamedType::Struct(_) => panic!("{rust_name} is a struct"),
    }
}

/// A regular field by wire name.
pub fn field<'a>(s: &'a StructType, wire: &str) -> &'a Field {
    s.fields
        .iter()
        .find(|f| f.wire_name == wire)
        .unwrap_or_else(|| panic!("no regular field {wire} in {}", s.name))
}

/// A param of a method (path, query or body) by wire name.
pub fn param<'a>(m: &'a Method, wire: &str) -> &'a Field {
    m.path_params
        .iter()
        .chain(&m.query_params)
        .chain(&m.body_params)
        .find(|f| f.wire_name == wire)
        .unwrap_or_else(|| panic!("no param {wire} in {}", m.name))
}

pub fn wire_names(fields: &[Field]) -> Vec<&str> {
    fields.iter().map(|f| f.wire_name.as_str()).collect()
}

/// A small method page in the measured layout; `rest` and `sdk` are the
/// schema block bodies (without fences).
pub fn method_page(title: &str, package: &str, namespace: &str, rest: &str, sdk: Option<&str>) -> String {
    let mut s = format!(
        "# {title}\n\n# Package: {package}\n\n# Namespace: {namespace}\n\n# Method link: https://dev.wix.com/docs/api-reference/x/{title}.md\n\n## Permission Scopes:\nManage Things: SCOPE.THINGS.MANAGE\n\n## Introduction\n\nDoes {title}.\n\n---\n\n## REST API\n\n### Schema\n\n```\n{rest}\n\n```\n\n---\n"
    );
    if let Some(sdk) = sdk {
        s.push_str(&format!(
            "\n## JavaScript SDK\n\n### Schema\n\n```\n{sdk}\n\n```\n\n---\n"
        ));
    }
    s
}
