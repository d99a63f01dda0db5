//! The corpus generator: determinism, parseability, and the special cases
//! the brief lists, checked through the manifest and the pages.

use std::collections::{BTreeMap, BTreeSet};
use wixgen_corpus::manifest::{Manifest, PageEntry, TypeEntry};
use wixgen_corpus::{Corpus, MANIFEST, generate};
use wixgen_schema::{TypeKnowledge, parse, parse_with};

/// Every error diagnostic of every page, as `path: message`.
fn parse_errors(corpus: &Corpus, knowledge: &TypeKnowledge) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in &corpus.files {
        let parsed = parse_with(text.as_bytes(), knowledge);
        if parsed.page.is_none() {
            out.push(format!("{path}: no page was read"));
        }
        out.extend(
            parsed
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.one_line(path)),
        );
    }
    out
}

/// Type knowledge from all pages, as the load stage (`wixgen_ir::load::load_pages`) builds it.
fn knowledge_of(corpus: &Corpus) -> TypeKnowledge {
    let mut k = TypeKnowledge::builtin();
    for text in corpus.files.values() {
        if let Some(page) = parse(text.as_bytes()).page {
            k.add_page(&page);
        }
    }
    k
}

#[test]
fn same_page_count_gives_the_same_bytes() {
    let a = generate(120);
    let b = generate(120);
    assert_eq!(a.files, b.files);
    assert_eq!(a.manifest_json(), b.manifest_json());

    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    a.write_to(da.path()).unwrap();
    b.write_to(db.path()).unwrap();
    for rel in a.files.keys().map(String::as_str).chain([MANIFEST]) {
        let x = std::fs::read(da.path().join(rel)).unwrap();
        let y = std::fs::read(db.path().join(rel)).unwrap();
        assert!(x == y, "{rel} differs between two runs");
    }
}

#[test]
fn different_page_counts_give_different_corpora() {
    let a = generate(120);
    let b = generate(121);
    assert_eq!(b.files.len(), 121);
    assert_ne!(a.manifest_json(), b.manifest_json());
    let shared_differs = a.files.iter().any(|(p, t)| b.files.get(p).is_some_and(|u| u != t));
    assert!(
        shared_differs,
        "pages at the same path should differ between N=120 and N=121"
    );
}

#[test]
fn exactly_n_pages_over_at_least_twenty_packages() {
    for n in [1, 7, 20, 37, 100, 333] {
        let c = generate(n);
        assert_eq!(c.files.len(), n, "N={n}");
        let s = &c.manifest.summary;
        assert_eq!((s.pages, s.methods), (n, n));
        assert_eq!(s.packages, n.min(((n as f64 / 7.5).round() as usize).max(20)), "N={n}");
        assert_eq!(s.bytes, c.files.values().map(String::len).sum::<usize>());
        let listed: usize = c.manifest.packages.values().map(|p| p.pages.len()).sum();
        assert_eq!(listed, n);
    }
    // Regular packages have 3 to 15 methods once there are enough pages.
    let c = generate(500);
    for (dir, p) in &c.manifest.packages {
        if !p.service_plugin {
            assert!((3..=15).contains(&p.pages.len()), "{dir} has {} pages", p.pages.len());
        }
    }
}

#[test]
fn every_page_of_300_parses_without_errors() {
    let corpus = generate(300);
    let without = parse_errors(&corpus, &TypeKnowledge::empty());
    assert!(
        without.is_empty(),
        "{} errors without type knowledge, first: {:?}",
        without.len(),
        &without[..without.len().min(10)]
    );
    let builtin = parse_errors(&corpus, &TypeKnowledge::builtin());
    assert!(
        builtin.is_empty(),
        "{} errors with builtin knowledge, first: {:?}",
        builtin.len(),
        &builtin[..builtin.len().min(10)]
    );
    let all = parse_errors(&corpus, &knowledge_of(&corpus));
    assert!(
        all.is_empty(),
        "{} errors with the knowledge of all pages, first: {:?}",
        all.len(),
        &all[..all.len().min(10)]
    );
}

#[test]
fn listings_point_at_lines_that_name_their_type() {
    let corpus = generate(150);
    let m = &corpus.manifest;
    let mut checked = 0;
    for (path, page) in &m.pages {
        let lines: Vec<&str> = corpus.files[path].split('\n').collect();
        assert!(!page.listings.is_empty(), "{path} has no listing");
        for l in &page.listings {
            let line = lines[l.line - 1];
            let ty = &m.types[&l.full];
            if l.name == "Return type:" {
                assert!(line.starts_with(" Return type: "), "{path}:{}: {line}", l.line);
                assert!(line.contains(&l.written), "{path}:{}: {line}", l.line);
            } else {
                assert!(
                    line.contains(&format!("name: {} | type: {}", l.name, l.written)),
                    "{path}:{}: `{line}` for {l:?}",
                    l.line
                );
            }
            // What is written is the short name, except REST's own-name defect
            // (`param name: x | type: x`, `array<x>`) and `void`.
            let own_name = l.written == l.name || l.written == format!("array<{}>", l.name);
            let short = l.written == ty.short || l.written == format!("array<{}>", ty.short);
            assert!(short || own_name || l.written == "void", "{path}:{}: {l:?}", l.line);
            // An expanded listing is followed by deeper lines.
            if l.expanded {
                let indent = |s: &str| s.len() - s.trim_start().len();
                assert!(
                    indent(lines[l.line]) > indent(line),
                    "{path}:{}: expanded but nothing under it",
                    l.line
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 1000);
}

/// Full names listed on the pages of each package.
fn listed_per_package(m: &Manifest) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut out: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for page in m.pages.values() {
        out.entry(page.package.as_str())
            .or_default()
            .extend(page.listings.iter().map(|l| l.full.as_str()));
    }
    out
}

fn page_with(corpus: &Corpus, pred: impl Fn(&str, &str) -> bool) -> Option<&str> {
    corpus.files.iter().find(|(p, t)| pred(p, t)).map(|(p, _)| p.as_str())
}

fn is_enum(m: &Manifest, full: &str) -> bool {
    m.types.get(full).is_some_and(|t| t.kind == "enum")
}

fn field_types(t: &TypeEntry) -> impl Iterator<Item = &str> {
    t.one_ofs
        .iter()
        .flat_map(|g| g.members.iter())
        .chain(t.fields.iter())
        .map(|f| f.ty.as_str())
}

#[test]
fn a_hundred_pages_show_every_case() {
    let corpus = generate(100);
    let m = &corpus.manifest;
    assert!(m.summary.packages >= 20);
    let per_package = listed_per_package(m);

    // Short names that are not identities, within one package.
    let mut enum_and_message = None;
    let mut two_type_enums = None;
    for (pkg, fulls) in &per_package {
        let mut by_short: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for full in fulls {
            by_short.entry(m.types[*full].short.as_str()).or_default().push(full);
        }
        for (short, fulls) in &by_short {
            let kinds: BTreeSet<&str> = fulls.iter().map(|f| m.types[*f].kind).collect();
            if kinds.len() == 2 {
                enum_and_message.get_or_insert((*pkg, *short));
            }
            let classes: BTreeSet<&str> = fulls
                .iter()
                .filter(|f| is_enum(m, f))
                .map(|f| m.types[*f].merge_class.as_str())
                .collect();
            if *short == "Type" && classes.len() >= 2 {
                two_type_enums.get_or_insert(*pkg);
            }
        }
    }
    assert!(
        enum_and_message.is_some(),
        "an enum and a message of the same short name in one package"
    );
    assert!(two_type_enums.is_some(), "two different enums `Type` in one package");

    // The rich-content node: recursive, ONE-OF of node data, `Width` an enum and a message.
    let node = &m.types["wix.ricos.v1.Node"];
    assert!(field_types(node).any(|t| t == "array<wix.ricos.v1.Node>"));
    assert!(node.one_ofs[0].members.iter().any(|f| f.name == "dividerData"));
    assert_eq!(m.types["wix.ricos.v1.DividerData.Width"].kind, "enum");
    assert_eq!(m.types["wix.ricos.v1.PluginContainerData.Width"].kind, "message");
    for pkg in ["blog", "forum", "comments"] {
        assert!(
            per_package[pkg].contains("wix.ricos.v1.Node"),
            "{pkg} lists rich content"
        );
    }

    // Two `Address` and two `StreetAddress` types in bookings, on one page.
    let bookings = &per_package["bookings"];
    for short in ["Address", "StreetAddress"] {
        let n = bookings.iter().filter(|f| m.types[**f].short == short).count();
        assert!(n >= 2, "bookings lists {n} `{short}` types");
    }

    // Badge v1, v2, v3 in one package.
    let badges = &per_package["members-badges"];
    for v in ["wix.badges.v1.Badge", "wix.badges.v2.Badge", "wix.badges.v3.Badge"] {
        assert!(badges.contains(v), "members-badges lists {v}");
    }

    // `ItemType` holding a ONE-OF whose member `preset` is an enum `ItemType`, in cart, checkout, orders.
    for pkg in ["ecom-cart", "ecom-checkout", "ecom-orders"] {
        let item_type = per_package[pkg]
            .iter()
            .find(|f| m.types[**f].short == "ItemType" && m.types[**f].kind == "message");
        let item_type = item_type.unwrap_or_else(|| panic!("{pkg} lists no ItemType message"));
        let preset = m.types[*item_type].one_ofs[0]
            .members
            .iter()
            .find(|f| f.name == "preset")
            .unwrap();
        assert_eq!(m.types[&preset.ty].short, "ItemType");
        assert_eq!(m.types[&preset.ty].kind, "enum");
    }

    // Identical copies of common types from different namespaces, one merge class.
    let paging: BTreeSet<&str> = per_package
        .values()
        .flatten()
        .filter(|f| m.types[**f].short == "CursorPaging")
        .copied()
        .collect();
    assert!(paging.len() >= 2, "CursorPaging copies: {paging:?}");
    let classes: BTreeSet<&str> = paging.iter().map(|f| m.types[*f].merge_class.as_str()).collect();
    assert_eq!(classes.len(), 1, "identical copies share one merge class");

    // `Booking` request and response views.
    let booking = "wix.bookings.v2.Booking";
    let views: BTreeSet<&str> = m
        .pages
        .values()
        .flat_map(|p| &p.listings)
        .filter(|l| l.full == booking && l.expanded)
        .map(|l| l.view)
        .collect();
    assert_eq!(views, BTreeSet::from(["request", "response"]));
    let ro: Vec<&str> = m.types[booking]
        .fields
        .iter()
        .filter(|f| f.read_only)
        .map(|f| f.name.as_str())
        .collect();
    for f in ["id", "revision", "createdDate", "status"] {
        assert!(ro.contains(&f), "Booking.{f} is read-only");
    }
    assert!(
        m.types[booking]
            .fields
            .iter()
            .any(|f| f.name == "revision" && f.ty == "int64")
    );

    // A type expanded once and referenced later on the same page.
    assert!(m.pages.values().any(|p| {
        let mut seen = BTreeSet::new();
        p.listings.iter().filter(|l| l.section == "rest").any(|l| {
            let again = seen.contains(l.full.as_str()) && !l.expanded && m.types[&l.full].kind == "message";
            seen.insert(l.full.as_str());
            again
        })
    }));

    // Path params.
    assert!(
        page_with(&corpus, |_, t| t.contains("{id}")
            && t.contains("param name: id | type: id")
            && t.contains("param name: _id | type: string"))
        .is_some()
    );
    assert!(
        m.pages
            .values()
            .any(|p| p.url.as_deref().is_some_and(|u| u.ends_with("{badge.id}")))
    );
    assert!(
        m.pages
            .values()
            .any(|p| p.url.as_deref().is_some_and(|u| u.contains("{slug=**}")))
    );

    // Service plugins: `URL: null`, no permission scopes.
    let plugins: Vec<&str> = m
        .pages
        .iter()
        .filter(|(_, p)| p.service_plugin)
        .map(|(k, _)| k.as_str())
        .collect();
    assert!(!plugins.is_empty());
    for p in &plugins {
        let text = &corpus.files[*p];
        assert!(
            text.contains(" URL: null\n") && !text.contains("## Permission Scopes:"),
            "{p}"
        );
    }

    // No params, empty responses, `PROMISE<void>`.
    assert!(m.pages.values().any(|p| p.no_params));
    let void = page_with(&corpus, |_, t| t.contains("Return type: PROMISE<void>")).expect("a PROMISE<void> page");
    assert!(m.pages[void].empty_response);

    // Maps, int64, arrays of enums, arrays of scalars, timestamps.
    let all_fields: Vec<&str> = m.types.values().flat_map(field_types).collect();
    for needed in ["map", "int64", "array<string>", "timestamp", "boolean", "number"] {
        assert!(all_fields.contains(&needed), "some field is {needed}");
    }
    assert!(all_fields.iter().any(|t| {
        t.strip_prefix("array<")
            .and_then(|r| r.strip_suffix('>'))
            .is_some_and(|r| is_enum(m, r))
    }));

    // Deep nesting: a field listed at depth 6 or more (indentation 2 + 3*6).
    assert!(corpus.files.values().any(|t| {
        t.lines()
            .any(|l| l.starts_with(&" ".repeat(20)) && l.trim_start().starts_with("- name:"))
    }));

    // Cursor pagination: `query.cursorPaging.cursor` or `paging.cursor`, and `pagingMetadata.cursors.next`.
    assert!(
        page_with(&corpus, |_, t| t.contains("param name: query | type: CursorQuery")
            && t.contains("- name: cursors | type: Cursors"))
        .is_some()
    );

    // Top-level ONE-OF params, named by `Required parameters:`.
    assert!(
        m.pages
            .values()
            .any(|p| p.cases.iter().any(|c| c == "top-level-one-of"))
    );

    // One method name in two services of a package, different shapes under
    // one return-type name.
    let shared: Vec<&PageEntry> = m
        .pages
        .values()
        .filter(|p| p.cases.iter().any(|c| c == "shared-method-name"))
        .collect();
    let mut services: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for p in &shared {
        services
            .entry((p.package.as_str(), p.method.as_str()))
            .or_default()
            .insert(p.namespace.as_str());
    }
    assert!(services.values().any(|s| s.len() == 2), "{services:?}");

    // Resolved objects with a key their listing does not name.
    let page = m
        .pages
        .iter()
        .find(|(_, p)| p.cases.iter().any(|c| c == "response-example-key-not-listed"))
        .map(|(path, _)| path.as_str())
        .expect("a page with an unlisted response key");
    let text = corpus
        .files
        .iter()
        .find(|(p, _)| p.ends_with(page))
        .map(|(_, t)| t.as_str())
        .unwrap_or_default();
    assert!(text.contains("\"addedAfterTheListing\""), "{page}");
}

#[test]
fn write_to_replaces_a_previous_corpus_and_refuses_foreign_directories() {
    let dir = tempfile::tempdir().unwrap();
    generate(60).write_to(dir.path()).unwrap();
    let small = generate(25);
    small.write_to(dir.path()).unwrap();
    let mut found = Vec::new();
    for pkg in std::fs::read_dir(dir.path()).unwrap() {
        let pkg = pkg.unwrap().path();
        if pkg.is_dir() {
            found.extend(std::fs::read_dir(&pkg).unwrap().map(|e| e.unwrap().path()));
        }
    }
    assert_eq!(found.len(), 25, "stale pages of the first corpus were left behind");

    let foreign = tempfile::tempdir().unwrap();
    std::fs::write(foreign.path().join("notes.txt"), "mine").unwrap();
    let err = small.write_to(foreign.path()).unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    assert!(foreign.path().join("notes.txt").exists());
}

#[test]
fn methods_are_unique_per_package_and_namespace_at_scale() {
    // Package variants (`members-badges-v5`) reuse a theme's special methods;
    // none may also come out of the generic action words.
    let corpus = wixgen_corpus::generate(2500);
    let mut seen = std::collections::BTreeMap::new();
    for (path, page) in &corpus.manifest.pages {
        let key = (page.package.clone(), page.namespace.clone(), page.method.clone());
        if let Some(first) = seen.insert(key.clone(), path.clone()) {
            panic!("{key:?} on both {first} and {path}");
        }
    }
    assert_eq!(seen.len(), 2500);
    // Nor does a message name a field twice (ONE-OF members included).
    for (full, t) in &corpus.manifest.types {
        let mut names = BTreeSet::new();
        let members = t.one_ofs.iter().flat_map(|g| g.members.iter()).chain(t.fields.iter());
        for f in members {
            assert!(names.insert(f.name.as_str()), "{full} has `{}` twice", f.name);
        }
    }
}
