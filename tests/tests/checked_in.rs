//! The checked-in `crates/wix-apis` is exactly what `cargo xtask gen` writes,
//! and generation is deterministic and leaves unchanged files alone.

use std::time::{Duration, SystemTime};
use wixgen_codegen::{Mode, Options, generate, write_if_changed};

#[test]
fn checked_in_crate_is_up_to_date() {
    let root = wixgen_tests::workspace_root();
    let generation = generate(&root.join("schemas"), &Options::checked_in()).expect("generate");
    assert!(!generation.has_errors(), "{}", generation.report());
    let report = write_if_changed(&root.join("crates/wix-apis"), &generation.files, Mode::Check).expect("check");
    assert!(
        report.is_clean(),
        "crates/wix-apis is stale ({:?}); run `cargo xtask gen`",
        report.stale()
    );
}

#[test]
fn generation_is_deterministic_and_a_second_write_changes_no_mtime() {
    let root = wixgen_tests::workspace_root();
    let first = generate(&root.join("schemas"), &Options::checked_in()).expect("generate");
    let second = generate(&root.join("schemas"), &Options::checked_in()).expect("generate");
    assert_eq!(first.files, second.files);

    let dir = tempfile::tempdir().expect("tempdir");
    write_if_changed(dir.path(), &first.files, Mode::Write).expect("write");
    let old = SystemTime::now() - Duration::from_secs(3600);
    for rel in first.files.keys() {
        std::fs::File::options()
            .write(true)
            .open(dir.path().join(rel))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let report = write_if_changed(dir.path(), &second.files, Mode::Write).expect("write");
    assert!(report.is_clean(), "{report:?}");
    for rel in first.files.keys() {
        let mtime = std::fs::metadata(dir.path().join(rel)).unwrap().modified().unwrap();
        assert_eq!(mtime, old, "{} was rewritten", rel.display());
    }
}

#[test]
fn the_snake_case_send_message_example_is_skipped_and_reported() {
    let root = wixgen_tests::workspace_root();
    let generation = generate(&root.join("schemas"), &Options::checked_in()).expect("generate");
    let skipped: Vec<String> = generation.examples.iter().filter_map(|e| e.skip_reason()).collect();
    // The gift-card provider's example is Wix calling the app: not a call to test.
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[0].starts_with("schemas/gift-cards/get-balance.md:") && skipped[0].contains("a service-plugin method"),
        "{}",
        skipped[0]
    );
    let skipped = &skipped[1..];
    assert!(
        skipped[0].starts_with("schemas/inbox/send-message.md:"),
        "{}",
        skipped[0]
    );
    assert!(
        skipped[0].contains("`conversation_id` is not a field of the schema"),
        "{}",
        skipped[0]
    );
    let tests = &generation.files[std::path::Path::new("packages/inbox/src/page_tests.rs")];
    assert!(
        tests.contains("Send a message with snake_case keys"),
        "the skip is named in the generated file"
    );
    assert!(
        generation
            .report()
            .contains("example skipped: schemas/inbox/send-message.md:")
    );
}
