//! Typed queries in generated code: a queried entity gets its field table and
//! its query method the typed forms; a package without query methods gets nothing.

use std::path::Path;
use wixgen_codegen::{Generation, Options, generate};

fn schemas(package: &str) -> Generation {
    generate(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../schemas")
            .join(package),
        &Options::checked_in(),
    )
    .expect("generate")
}

/// `text` without whitespace and without the trailing commas prettyplease adds.
fn squeezed(text: &str) -> String {
    text.split_whitespace()
        .collect::<String>()
        .replace(",)", ")")
        .replace(",>", ">")
}

#[test]
fn a_package_without_query_methods_pays_nothing() {
    let g = schemas("inbox");
    assert!(!g.has_errors(), "{}", g.report());
    assert!(!g.files.is_empty());
    for (path, text) in &g.files {
        assert!(!text.contains("wql"), "{} mentions wql", path.display());
        assert!(!text.contains("_typed"), "{} has a typed method", path.display());
    }
}

#[test]
fn query_resource_types_gets_fields_and_typed_methods() {
    let g = schemas("resources");
    assert!(!g.has_errors(), "{}", g.report());
    let types = squeezed(&g.files[Path::new("packages/resources/src/types.rs")]);
    for (name, ty, path) in [
        ("ID", "String", "id"),
        ("NAME", "String", "name"),
        ("CREATED_DATE", "wix_client::wql::Timestamp", "createdDate"),
        (
            "EXTENDED_FIELDS_NAMESPACES",
            "wix_client::wql::Json",
            "extendedFields.namespaces",
        ),
    ] {
        let expected =
            format!("pubconst{name}:wix_client::wql::Field<Self,{ty}>=wix_client::wql::Field::new(\"{path}\");");
        assert!(types.contains(&expected), "{expected} in {types}");
    }
    let service = squeezed(&g.files[Path::new("packages/resources/src/resource_types_service.rs")]);
    assert!(
        service.contains(
            "pubasyncfnquery_resource_types_typed(&self,query:&wix_client::wql::Query<super::types::ResourceType>)"
        ),
        "{service}"
    );
    assert!(service.contains(".json(&query.body(\"query\"))?"), "{service}");
    assert!(service.contains("pubfnquery_resource_types_typed_stream("), "{service}");
    assert!(
        service.contains(
            "|query:&mutwix_client::wql::Query<super::types::ResourceType>,cursor:String|query.next_page(cursor)"
        ),
        "{service}"
    );
}
