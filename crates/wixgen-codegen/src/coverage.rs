//! `COVERAGE.md`: what generation made of every page, beside the generated
//! crate.
//!
//! Totals first, then one section per page (in path order): the methods and
//! types generated from it, its tests (listing round trips, request examples,
//! JavaScript response examples), the examples skipped and why, its warnings,
//! and the merges and splits of types it takes part in. An article says whose
//! docs it joined.
//!
//! It is one of the generated files, so `cargo xtask gen` writes it and
//! `cargo xtask gen --check` fails when it is stale. It holds nothing that
//! changes between runs of the same pages: no timings, no absolute paths.

use crate::emit::docs::code_text;
use crate::examples::RequestOutcome;
use crate::generation::Generation;
use crate::response_examples::ResponseOutcome;
use crate::{Header, listings};
use std::collections::{BTreeSet, HashMap};
use wixgen_ir::Severity;
use wixgen_ir::load::PageStatus;
use wixgen_ir::model::ArticleSkip as Skip;
use wixgen_ir::model::{NamedType, SampleOutcome};

/// The file's path relative to the generated crate.
pub const FILE: &str = "COVERAGE.md";

/// Text safe inside a markdown code span on one line.
fn code(s: &str) -> String {
    format!("`{}`", code_text(s))
}

/// Text safe in a markdown list item on one line: no HTML, no line breaks.
fn text(s: &str) -> String {
    if !s.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'<' | b'>')) {
        return s.to_owned();
    }
    s.replace(['\n', '\r'], " ").replace('<', "&lt;").replace('>', "&gt;")
}

/// One page's share of the generation.
#[derive(Default)]
struct PageCoverage {
    methods: Vec<String>,
    types: BTreeSet<String>,
    listing_tests: usize,
    listings_skipped: Vec<String>,
    tests: Vec<String>,
    skipped: Vec<String>,
    warnings: Vec<String>,
    merges: Vec<String>,
    splits: Vec<String>,
}

/// Every page's coverage, in one pass over the generation (linear in its
/// size: at whole-API scale a pass per page would be quadratic).
fn index(g: &Generation) -> HashMap<&str, PageCoverage> {
    let mut by_page: HashMap<&str, PageCoverage> = HashMap::new();
    for package in &g.api.packages {
        for service in &package.services {
            for m in &service.methods {
                let c = by_page.entry(m.source.page.as_str()).or_default();
                c.methods.push(format!(
                    "{} → {}",
                    code(&format!("{}.{}.{}", package.name, service.name, m.name)),
                    code(&format!("{}::{}::{}", package.module, service.rust_name, m.rust_name))
                ));
                c.types.insert(m.request_rust_name.clone());
            }
            for m in &service.plugin_methods {
                by_page.entry(m.source.page.as_str()).or_default().methods.push(format!(
                    "{} (service plugin: Wix calls the app; its types only)",
                    code(&format!("{}.{}.{}", package.name, service.name, m.name))
                ));
            }
        }
        for ty in &package.types {
            let sources = match ty {
                NamedType::Struct(s) => &s.sources,
                NamedType::Enum(e) => &e.sources,
            };
            let pages: BTreeSet<&str> = sources.iter().map(|s| s.page.as_str()).collect();
            for page in pages {
                by_page.entry(page).or_default().types.insert(ty.rust_name().to_owned());
            }
        }
        for case in listings::package_cases(package) {
            let c = by_page.entry(case.page).or_default();
            match case.outcome {
                SampleOutcome::Sample(_) if case.rust_type.is_some() => c.listing_tests += 1,
                SampleOutcome::Sample(_) => {}
                SampleOutcome::Skipped(reason) => c.listings_skipped.push(format!("{}: {reason}", case.what)),
            }
        }
    }
    for e in &g.examples {
        let what = format!("line {} ({}): curl request body", e.example.line, e.example.title);
        let c = by_page.entry(e.example.page.as_str()).or_default();
        match &e.outcome {
            RequestOutcome::Test { .. } => c.tests.push(what),
            RequestOutcome::Skipped(reason) => c.skipped.push(format!("{what}: {reason}")),
            RequestOutcome::NoBody => {}
        }
    }
    for r in &g.responses {
        let what = format!(
            "line {} ({}): JavaScript example's resolved object",
            r.example.line, r.example.title
        );
        let c = by_page.entry(r.example.page.as_str()).or_default();
        match &r.outcome {
            ResponseOutcome::Test { ignored, .. } if ignored.is_empty() => c.tests.push(what),
            ResponseOutcome::Test { ignored, .. } => {
                let list: Vec<String> = ignored.iter().map(|p| code(p)).collect();
                c.tests.push(format!("{what}, keeping unknown {}", list.join(", ")));
            }
            ResponseOutcome::Skipped { line, reason } => {
                c.skipped.push(format!("line {line} ({}): {reason}", r.example.title));
            }
        }
        // Its warnings (a skip, a key not in the schema) say what the lines
        // above already do: each example is listed once, with its outcome.
    }
    for p in &g.pages {
        by_page
            .entry(p.path.as_str())
            .or_default()
            .warnings
            .extend(p.warning_lines.iter().cloned());
    }
    for d in g.lower_diagnostics.iter().filter(|d| d.severity != Severity::Note) {
        by_page
            .entry(d.primary.page.as_str())
            .or_default()
            .warnings
            .push(d.one_line());
    }
    for m in &g.types.merges {
        // Each page names at most three of the others, then a count: a
        // common type listed on N pages would otherwise cost N² entries.
        let pages: BTreeSet<&str> = m.sources.iter().map(|s| s.page.as_str()).collect();
        for page in &pages {
            let others: Vec<String> = pages.iter().filter(|p| *p != page).take(3).map(|p| code(p)).collect();
            let more = pages.len() - 1 - others.len();
            let also = match (others.is_empty(), more) {
                (true, _) => String::new(),
                (false, 0) => format!("; also listed on {}", others.join(", ")),
                (false, n) => format!("; also listed on {} and {n} more page(s)", others.join(", ")),
            };
            by_page.entry(page).or_default().merges.push(format!(
                "{} of package {}: {} listings, {}{also}",
                code(&m.rust_name),
                code(&m.package),
                m.sources.len(),
                text(&m.how)
            ));
        }
    }
    for split in &g.types.splits {
        let pages: BTreeSet<&str> = split
            .types
            .iter()
            .flat_map(|t| t.sources.iter().map(|s| s.page.as_str()))
            .collect();
        let types: Vec<String> = split.types.iter().map(|t| code(&t.rust_name)).collect();
        let line = format!(
            "{} of package {} is {} types: {}",
            code(&split.name),
            code(&split.package),
            split.types.len(),
            types.join(", ")
        );
        for page in pages {
            by_page.entry(page).or_default().splits.push(line.clone());
        }
    }
    by_page
}

/// `- title:` and one nested item per entry; nothing for no entries.
fn list(s: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    s.push_str(&format!("- {title}:\n"));
    for item in items {
        s.push_str(&format!("  - {}\n", text(item)));
    }
}

/// The whole of `COVERAGE.md`.
pub fn render(g: &Generation, header: &Header) -> String {
    let mut index = index(g);
    let pages: Vec<(&str, PageStatus, &wixgen_ir::load::PageReport, PageCoverage)> = g
        .pages
        .iter()
        .map(|p| {
            (
                p.path.as_str(),
                p.status,
                p,
                index.remove(p.path.as_str()).unwrap_or_default(),
            )
        })
        .collect();
    let count = |status: PageStatus| g.pages.iter().filter(|p| p.status == status).count();
    let services = || g.api.packages.iter().flat_map(|p| &p.services);
    let methods: usize = services().map(|s| s.methods.len()).sum();
    let plugin_methods: usize = services().map(|s| s.plugin_methods.len()).sum();
    let types: usize = g.api.packages.iter().map(|p| p.types.len()).sum::<usize>()
        + services().map(|s| s.methods.len()).sum::<usize>();
    let request_tests = g
        .examples
        .iter()
        .filter(|e| matches!(e.outcome, RequestOutcome::Test { .. }))
        .count();
    let request_skipped = g.examples.iter().filter(|e| e.skip_reason().is_some()).count();
    let response_tests = g.responses.iter().filter(|r| r.is_test()).count();
    let response_skipped = g.responses.len() - response_tests;
    let articles_used = g.articles.iter().filter(|a| a.package.is_ok()).count();
    let warnings: usize = pages.iter().map(|(_, _, _, c)| c.warnings.len()).sum::<usize>()
        + g.articles
            .iter()
            .filter(|a| matches!(a.package, Err(Skip::Unplaced(_))))
            .count();
    let merged: usize = g.types.merges.iter().map(|m| m.sources.len()).sum();

    let mut s = header.markdown_line();
    s.push_str("# Coverage\n\n");
    s.push_str(
        "What generation made of each page: methods and types, the tests generated from the page \
         (listing round trips, curl request bodies, the objects JavaScript examples resolve to), the \
         examples skipped and why, warnings, and the merges and splits of types. Written by every \
         generation; `cargo xtask gen --check` fails when it is stale.\n\n",
    );
    s.push_str("## Totals\n\n| what | count |\n| --- | ---: |\n");
    let mut row = |what: &str, n: String| s.push_str(&format!("| {what} | {n} |\n"));
    row("pages", g.pages.len().to_string());
    row("method pages generated", count(PageStatus::Parsed).to_string());
    row(
        "articles (in a package's docs / not)",
        format!("{} / {}", articles_used, g.articles.len() - articles_used),
    );
    row(
        "pages skipped for parse errors",
        count(PageStatus::ParseErrors).to_string(),
    );
    row("packages", g.api.packages.len().to_string());
    row("methods", methods.to_string());
    row("service-plugin methods", plugin_methods.to_string());
    row("types (request structs included)", types.to_string());
    row("tests from listings", listings::test_count(&g.api).to_string());
    row(
        "curl request examples: tests / skipped",
        format!("{request_tests} / {request_skipped}"),
    );
    row(
        "JavaScript response examples: tests / skipped",
        format!("{response_tests} / {response_skipped}"),
    );
    row("warnings", warnings.to_string());
    row(
        "type merges (listings merged)",
        format!("{} ({merged})", g.types.merges.len()),
    );
    row("type splits", g.types.splits.len().to_string());

    s.push_str("\n## Pages\n");
    for (path, status, report, c) in &pages {
        s.push_str(&format!("\n### {}\n\n", code(path)));
        match status {
            PageStatus::ParseErrors => {
                let errors = report.errors;
                s.push_str(&format!(
                    "- Skipped: {errors} parse error(s) (`wixgen parse` shows them); nothing generated.\n"
                ));
            }
            PageStatus::NotAMethodPage => {
                let line = match g.articles.iter().find(|a| a.path == *path).map(|a| &a.package) {
                    Some(Ok(package)) => format!("- Article: part of the docs of package {}.\n", code(package)),
                    Some(Err(Skip::Unplaced(why))) => format!("- Article, skipped (warning): {}\n", text(why)),
                    Some(Err(Skip::NoFolder)) | None => {
                        "- Not a method page, and not in a package's folder: not used.\n".to_owned()
                    }
                };
                s.push_str(&line);
            }
            PageStatus::Parsed => {}
        }
        list(&mut s, "Methods", &c.methods);
        let types: Vec<String> = c.types.iter().map(|t| code(t)).collect();
        if !types.is_empty() {
            s.push_str(&format!("- Types ({}): {}\n", types.len(), types.join(", ")));
        }
        if c.listing_tests > 0 {
            s.push_str(&format!("- Tests from listings: {}\n", c.listing_tests));
        }
        list(&mut s, "Listings not synthesized", &c.listings_skipped);
        list(&mut s, "Examples turned into tests", &c.tests);
        list(&mut s, "Examples skipped", &c.skipped);
        list(&mut s, "Warnings", &c.warnings);
        list(&mut s, "Merges", &c.merges);
        list(&mut s, "Splits", &c.splits);
    }
    s
}
