//! The format cache never changes what is generated: two generations of
//! `schemas/` through one cache file write the same files as one without it,
//! and the second formats nothing.

use std::path::Path;
use wixgen_codegen::{Options, generate};

#[test]
fn a_warm_cache_generates_the_same_files_without_formatting() {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let dir = tempfile::tempdir().unwrap();
    let cached = Options {
        format_cache: Some(dir.path().join("format-cache")),
        ..Options::checked_in()
    };
    let plain = generate(&schemas, &Options::checked_in()).unwrap();
    assert_eq!(plain.format_cache, None);

    let cold = generate(&schemas, &cached).unwrap();
    let warm = generate(&schemas, &cached).unwrap();
    assert_eq!(cold.files, plain.files);
    assert_eq!(warm.files, plain.files);

    let note = |g: &wixgen_codegen::Generation| g.format_cache.clone().unwrap_or_default();
    let rs_files = plain
        .files
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .count()
        - 1; // the facade's lib.rs is not formatted
    assert!(
        note(&cold).contains(&format!(": 0 of {rs_files} file(s) taken from it")),
        "{}",
        note(&cold)
    );
    assert!(
        note(&warm).contains(&format!(": {rs_files} of {rs_files} file(s) taken from it")),
        "{}",
        note(&warm)
    );
    assert!(warm.report().contains("note: format cache"), "{}", warm.report());
}
