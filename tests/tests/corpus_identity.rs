//! Type identity against the corpus's ground truth: generate the corpus
//! (`wixgen-corpus`, 1,000 pages; `WIXGEN_CORPUS_PAGES=N` for another size), lower it, and compare every listing's type
//! with the full type name the corpus says the listing stands for.
//!
//! Two errors are counted, per package: a generated type holding listings of
//! different merge classes (a false merge: types that cannot decode each
//! other's JSON conflated), and a merge class spread over several generated
//! types (a false split: one type of the API generated twice).
//!
//! And the guesses: every bare reference lowering warns about (W117: a short
//! name standing for several types, the page not showing which) is checked
//! against the type the corpus says it names; the count of wrong choices is
//! printed, per rule that chose.

use std::collections::{BTreeMap, BTreeSet};
use wixgen_codegen::{Options, generate};
use wixgen_ir::{NamedType, codes};

/// 1,000 pages by default; `WIXGEN_CORPUS_PAGES` checks another size.
fn pages() -> usize {
    std::env::var("WIXGEN_CORPUS_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

#[test]
fn lowering_merges_and_splits_as_the_ground_truth_says() {
    let corpus = wixgen_corpus::generate(pages());
    let tmp = tempfile::tempdir().unwrap();
    corpus.write_to(tmp.path()).unwrap();
    let options = Options {
        label: String::new(),
        ..Options::checked_in()
    };
    let generation = generate(tmp.path(), &options).unwrap();
    assert!(!generation.has_errors(), "{}", generation.report());

    // (page, line) → merge class, for every line that lists a type's fields or values.
    let mut truth: BTreeMap<(String, usize), String> = BTreeMap::new();
    let mut rest_listings = 0;
    for (page, entry) in &corpus.manifest.pages {
        for l in entry.listings.iter().filter(|l| l.expanded) {
            if l.section == "rest" {
                rest_listings += 1;
            }
            let class = corpus.manifest.types[&l.full].merge_class.clone();
            truth.insert((page.clone(), l.line), class);
        }
    }

    let mut false_merges = Vec::new();
    let mut split_classes: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut matched = 0;
    for package in &generation.api.packages {
        for ty in &package.types {
            let (sources, is_enum) = match ty {
                NamedType::Struct(s) => (&s.sources, false),
                NamedType::Enum(e) => (&e.sources, true),
            };
            let mut classes = BTreeSet::new();
            for s in sources {
                let line = s.span.line as usize;
                // An enum's listing is its values, on the line after the field.
                let key_line = if is_enum { line - 1 } else { line };
                if let Some(class) = truth
                    .get(&(s.page.clone(), key_line))
                    .or_else(|| truth.get(&(s.page.clone(), line)))
                {
                    matched += 1;
                    classes.insert(class.clone());
                    split_classes
                        .entry((package.name.clone(), class.clone()))
                        .or_default()
                        .insert(ty.rust_name().to_owned());
                }
            }
            if classes.len() > 1 {
                false_merges.push(format!("{}::{} holds {classes:?}", package.name, ty.rust_name()));
            }
        }
    }
    // The W117 guesses: the reference's true class against the chosen one's.
    let mut bare: BTreeMap<(String, usize), String> = BTreeMap::new();
    for (page, entry) in &corpus.manifest.pages {
        for l in entry.listings.iter().filter(|l| !l.expanded && l.section == "rest") {
            bare.insert(
                (page.clone(), l.line),
                corpus.manifest.types[&l.full].merge_class.clone(),
            );
        }
    }
    // rule → (choices, wrong choices)
    let mut guesses: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong_sure = Vec::new();
    for d in generation
        .lower_diagnostics
        .iter()
        .filter(|d| d.code == codes::AMBIGUOUS_TYPE_REF)
    {
        let Some(meant) = bare.get(&(d.primary.page.clone(), d.primary.span.line as usize)) else {
            continue;
        };
        let Some((at, _)) = d.related.iter().find(|(_, label)| label.starts_with("the `")) else {
            continue;
        };
        let line = at.span.line as usize;
        let Some(chosen) = truth
            .get(&(at.page.clone(), line))
            .or_else(|| truth.get(&(at.page.clone(), line.saturating_sub(1))))
        else {
            continue;
        };
        let rule = d.message.rsplit(", ").next().unwrap_or_default().to_owned();
        let counts = guesses.entry(rule.clone()).or_default();
        counts.0 += 1;
        if chosen != meant {
            counts.1 += 1;
            if rule.contains("directly") || rule.contains("examples") {
                wrong_sure.push(d.one_line());
            }
        }
    }
    for (rule, (n, wrong)) in &guesses {
        eprintln!("W117 `{rule}`: {n} choices, {wrong} wrong");
    }
    let false_splits: Vec<String> = split_classes
        .iter()
        .filter(|(_, types)| types.len() > 1)
        .map(|((package, class), types)| format!("{package}: {class} is {types:?}"))
        .collect();
    eprintln!(
        "{matched} listings matched; {} false merges, {} false splits",
        false_merges.len(),
        false_splits.len()
    );
    // Lowering keeps the REST listings (the SDK block only refines them).
    assert!(
        matched * 10 >= rest_listings * 9,
        "too few listings matched: {matched} of {rest_listings} REST listings"
    );
    // A top-level reference taking the type a method takes or returns directly
    // has not been wrong on the corpus (18 of 18 at 5,000 pages), nor one
    // decided by what the pages' examples show under the field (48 of 48 at
    // 1,000 pages, 268 of 268 at 5,000).
    assert!(
        wrong_sure.is_empty(),
        "wrong W117 choices by a rule that is not a guess:\n{}",
        wrong_sure.join("\n")
    );
    assert!(false_merges.is_empty(), "false merges:\n{}", false_merges.join("\n"));
    assert!(false_splits.is_empty(), "false splits:\n{}", false_splits.join("\n"));
}
