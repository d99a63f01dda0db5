//! Type names over the 1,000-page corpus (`WIXGEN_CORPUS_PAGES=N` for another
//! size): no name ends in a counter after `Request`/`Response`, none contains
//! `Unnamed`, none repeats its method's name; and the corpus's same-named
//! methods of two services got names qualified by their service.

use std::collections::BTreeSet;
use wixgen_codegen::{Options, generate};

fn pages() -> usize {
    std::env::var("WIXGEN_CORPUS_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// `CreateRequest2` and the like.
fn ends_in_a_counter(name: &str) -> bool {
    let stem = name.trim_end_matches(|c: char| c.is_ascii_digit());
    stem.len() < name.len() && (stem.ends_with("Request") || stem.ends_with("Response"))
}

#[test]
fn corpus_type_names_have_no_counters_no_unnamed_and_no_repeated_method_name() {
    let corpus = wixgen_corpus::generate(pages());
    let tmp = tempfile::tempdir().unwrap();
    corpus.write_to(tmp.path()).unwrap();
    let options = Options {
        label: String::new(),
        ..Options::checked_in()
    };
    let generation = generate(tmp.path(), &options).unwrap();
    assert!(!generation.has_errors(), "{}", generation.report());

    let mut bad = Vec::new();
    let mut qualified = BTreeSet::new();
    let mut names_checked = 0;
    for package in &generation.api.packages {
        let mut names: Vec<String> = package.types.iter().map(|t| t.rust_name().to_owned()).collect();
        let mut methods = Vec::new();
        for service in &package.services {
            for m in &service.methods {
                names.push(m.request_rust_name.clone());
                methods.push(upper_first(&m.name));
                if m.request_rust_name != format!("{}Request", upper_first(&m.name)) {
                    qualified.insert(format!("{}: {}", package.name, m.request_rust_name));
                }
            }
            methods.extend(service.plugin_methods.iter().map(|m| upper_first(&m.name)));
        }
        for name in &names {
            names_checked += 1;
            if ends_in_a_counter(name) || name.contains("Unnamed") {
                bad.push(format!("{}: {name}", package.name));
            }
            for m in &methods {
                if name.matches(m.as_str()).count() > 1 {
                    bad.push(format!("{}: {name} repeats `{m}`", package.name));
                }
            }
        }
    }
    assert!(names_checked > 1000, "{names_checked} names");
    assert!(bad.is_empty(), "{} bad names:\n{}", bad.len(), bad.join("\n"));
    // The corpus has methods of one name in two services of a package.
    assert!(
        qualified.iter().any(|q| q.ends_with("GetPricePreviewRequest")),
        "{qualified:?}"
    );
    println!("{names_checked} type names checked; qualified requests: {qualified:?}");
}
