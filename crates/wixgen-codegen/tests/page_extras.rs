//! What generation makes of a page besides its types: the JavaScript examples'
//! resolved objects as tests, articles as package docs, and `COVERAGE.md`.

use std::path::{Path, PathBuf};
use wixgen_codegen::response_examples::ResponseOutcome;
use wixgen_codegen::{Generation, Options, generate};

fn seed_page() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/inbox/get-or-create-conversation.md")
}

/// Generate from `pages` (`(path under the schemas dir, text)`).
fn generate_from(pages: &[(&str, String)]) -> Generation {
    let dir = tempfile::tempdir().expect("tempdir");
    for (rel, text) in pages {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    generate(dir.path(), &Options::checked_in()).expect("generate")
}

fn file<'g>(g: &'g Generation, rel: &str) -> &'g str {
    g.files.get(Path::new(rel)).map(String::as_str).unwrap_or_default()
}

#[test]
fn fields_the_schema_lacks_are_warnings_and_the_test_checks_they_are_kept() {
    // Alone, the seed page's `Conversation` has no `channels` (get-conversation.md lists it).
    let seed = std::fs::read_to_string(seed_page()).expect("seed page");
    let g = generate_from(&[("inbox/get-or-create-conversation.md", seed)]);
    assert!(!g.has_errors(), "{}", g.report());
    let tests: Vec<_> = g.responses.iter().filter(|r| r.is_test()).collect();
    assert_eq!(tests.len(), 4);
    for t in &tests {
        let ResponseOutcome::Test {
            input,
            expected,
            ignored,
        } = &t.outcome
        else {
            unreachable!()
        };
        assert_eq!(ignored, &["conversation.channels"]);
        assert!(
            input["conversation"]["channels"].is_array(),
            "the input keeps what Wix sends"
        );
        assert_eq!(
            expected["conversation"]["channels"], input["conversation"]["channels"],
            "kept as an unknown key and encoded back: {expected}"
        );
        assert!(
            expected["conversation"]["id"].is_string(),
            "`_id` is `id` on the wire: {expected}"
        );
    }
    let report = g.report();
    assert!(
        report.contains("schemas/inbox/get-or-create-conversation.md:232: warning: JavaScript example (Get or create a conversation from a contact (with elevated permissions)): `conversation.channels` is not in the schema"),
        "{report}"
    );
    let page_tests = file(&g, "packages/inbox/src/page_tests.rs");
    assert!(
        page_tests.contains("Not in the schema, so kept as unknown keys and encoded back: `conversation.channels`.")
    );
    let responses = page_tests.split("mod responses {").nth(1).unwrap_or_default();
    let differing = tests
        .iter()
        .filter(|t| matches!(&t.outcome, ResponseOutcome::Test { input, expected, .. } if input != expected))
        .count();
    assert_eq!(
        responses.matches("Some(").count(),
        differing,
        "an expected JSON is written only where encoding differs from the input"
    );
    // COVERAGE.md lists each example once, with its outcome: a skipped one
    // under "Examples skipped", not again as a warning.
    let coverage = file(&g, "COVERAGE.md");
    assert_eq!(
        coverage.matches("(Get or create a conversation from a member)").count(),
        1,
        "{coverage}"
    );
    assert!(
        coverage.contains("- line 192 (Get or create a conversation from a member): the object does not parse"),
        "{coverage}"
    );
    assert!(
        coverage.contains("- line 232 (Get or create a conversation from a contact (with elevated permissions)): JavaScript example's resolved object, keeping unknown `conversation.channels`"),
        "{coverage}"
    );
    assert!(
        report.contains("schemas/inbox/get-or-create-conversation.md:192: warning: JavaScript example skipped"),
        "the report still warns: {report}"
    );
}

#[test]
fn an_article_without_method_pages_beside_it_is_a_warning_not_a_failure() {
    let seed = std::fs::read_to_string(seed_page()).expect("seed page");
    let g = generate_from(&[
        ("inbox/get-or-create-conversation.md", seed),
        ("lonely/about.md", "# About\n\nNo method page here.\n".to_owned()),
        ("README.md", "# Notes\n".to_owned()),
    ]);
    assert!(!g.has_errors(), "{}", g.report());
    let report = g.report();
    assert!(
        report.contains("schemas/lonely/about.md: warning: article skipped: no method page of `schemas/lonely/`"),
        "{report}"
    );
    assert!(
        report.contains("schemas/README.md: note: not a method page"),
        "{report}"
    );
    let coverage = file(&g, "COVERAGE.md");
    assert!(
        coverage.contains("| articles (in a package's docs / not) | 0 / 2 |"),
        "{coverage}"
    );
    assert!(
        coverage.contains("- Article, skipped (warning): no method page of `schemas/lonely/`"),
        "{coverage}"
    );
    assert!(!file(&g, "packages/inbox/src/lib.rs").contains("About"));
}

#[test]
fn article_text_cannot_become_code() {
    let seed = std::fs::read_to_string(seed_page()).expect("seed page");
    let article = "## Article: Hostile\n\n## Article Content:\n\nText \"]; fn evil() {} //\n\n```rust\nfn also_evil() {}\n```\n\n    fn indented_evil() {}\n\n<script>alert(1)</script>\n\n*/ #![no_std] /*\n";
    let g = generate_from(&[
        ("inbox/get-or-create-conversation.md", seed),
        ("inbox/hostile.md", article.to_owned()),
    ]);
    let lib = file(&g, "packages/inbox/src/lib.rs");
    let file = syn::parse_file(lib).expect("lib.rs parses");
    let fns = file.items.iter().filter(|i| matches!(i, syn::Item::Fn(_))).count();
    assert_eq!(fns, 0, "{lib}");
    assert!(!file.attrs.iter().any(|a| a.path().is_ident("no_std")), "{lib}");
    let docs: Vec<&str> = lib.lines().filter_map(|l| l.strip_prefix("//!")).collect();
    assert!(docs.contains(&" # Hostile"), "{docs:?}");
    assert!(
        docs.contains(&" ```text"),
        "code blocks are text, never doctests: {docs:?}"
    );
    assert!(
        !docs.iter().any(|l| l.starts_with("     ")),
        "no indented code block: {docs:?}"
    );
    assert!(!lib.contains("<script>"), "{lib}");
    for evil in ["fn evil", "fn also_evil", "fn indented_evil"] {
        assert!(
            lib.lines().filter(|l| l.contains(evil)).all(|l| l.starts_with("//!")),
            "{evil} outside the docs:\n{lib}"
        );
    }
}
