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

const SEED: &str = "schemas/inbox/get-or-create-conversation.md";

#[test]
fn the_seed_pages_javascript_examples_decode_and_the_broken_ones_are_warnings() {
    let root = wixgen_tests::workspace_root();
    let generation = generate(&root.join("schemas"), &Options::checked_in()).expect("generate");
    assert!(!generation.has_errors(), "a broken example never fails generation");
    let seed: Vec<_> = generation.responses.iter().filter(|r| r.example.page == SEED).collect();
    assert_eq!(
        seed.len(),
        6,
        "six `/* Promise resolves to: */` objects on the seed page"
    );
    let tests = seed.iter().filter(|r| r.is_test()).count();
    assert_eq!(tests, 4, "the four that parse become tests");
    // The first two show `EMAIL` unquoted and miss a comma: skipped, with the line of `EMAIL`.
    let skipped: Vec<String> = seed.iter().filter_map(|r| r.skip_reason()).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    for (reason, line) in skipped.iter().zip([145, 192]) {
        assert!(reason.starts_with(&format!("{SEED}:{line} ")), "{reason}");
        assert!(
            reason.contains("does not parse") && reason.contains("`EMAIL`"),
            "{reason}"
        );
    }
    let page = std::fs::read_to_string(root.join(SEED)).expect("seed page");
    assert_eq!(page.lines().nth(144).map(str::trim), Some("*       EMAIL"));
    let report = generation.report();
    assert!(
        report.contains(&format!("{SEED}:145: warning: JavaScript example skipped")),
        "{report}"
    );
    assert!(
        report.contains(&format!("{SEED}:192: warning: JavaScript example skipped")),
        "{report}"
    );

    // The checked-in crate's tests include them, with SDK names mapped back to wire names.
    let tests = &generation.files[std::path::Path::new("packages/inbox/src/page_tests.rs")];
    let responses = tests
        .split("mod responses {")
        .nth(1)
        .expect("a `responses` test module");
    assert_eq!(responses.matches("fn get_or_create_conversation_resolves_").count(), 4);
    assert!(responses.contains("crate::GetOrCreateConversationResponse"));
    assert!(responses.contains(r#""id": "7d313780-d237-3d5e-bfdb-f348bf615140""#));
    assert!(!responses.contains("\"_id\""), "`_id` is the SDK's name for `id`");
    assert!(tests.contains(&format!(
        "{SEED}:145 (Get or create a conversation from a member (with elevated permissions))"
    )));
}

#[test]
fn coverage_md_is_generated_and_checked() {
    let root = wixgen_tests::workspace_root();
    let generation = generate(&root.join("schemas"), &Options::checked_in()).expect("generate");
    let coverage = &generation.files[std::path::Path::new("COVERAGE.md")];
    assert!(coverage.starts_with(wixgen_codegen::GENERATED_MARKDOWN), "{coverage}");
    let totals = coverage.split("## Pages").next().unwrap_or_default();
    assert!(
        totals.contains("| JavaScript response examples: tests / skipped | 4 / 2 |"),
        "{totals}"
    );
    assert!(
        // 2 from inbox, and the 2 of schemas/resources/query-resource-types.md.
        totals.contains("| curl request examples: tests / skipped | 4 / 2 |"),
        "{totals}"
    );
    for p in &generation.pages {
        assert!(
            coverage.contains(&format!("### `{}`", p.path)),
            "{} has no section",
            p.path
        );
    }
    let seed = coverage.split(&format!("### `{SEED}`")).nth(1).unwrap_or_default();
    let seed = seed.split("\n### ").next().unwrap_or_default();
    assert!(
        seed.contains("`inbox.ConversationsService.GetOrCreateConversation`"),
        "{seed}"
    );
    assert!(seed.contains("`GetOrCreateConversationResponse`"), "{seed}");
    assert!(seed.contains("line 145 (Get or create a conversation from a member (with elevated permissions)): the object does not parse"), "{seed}");
    assert!(seed.contains("Merges:"), "{seed}");
    assert!(
        coverage.contains("- Article: part of the docs of package `inbox`."),
        "{coverage}"
    );
    assert!(!coverage.contains(&root.display().to_string()), "no absolute paths");

    // `cargo xtask gen --check` compares every generated file: a stale COVERAGE.md is named.
    let dir = tempfile::tempdir().expect("tempdir");
    write_if_changed(dir.path(), &generation.files, Mode::Write).expect("write");
    let path = dir.path().join("COVERAGE.md");
    std::fs::write(&path, coverage.replace("4 / 2", "5 / 1")).expect("edit");
    let report = write_if_changed(dir.path(), &generation.files, Mode::Check).expect("check");
    assert_eq!(report.stale(), [std::path::Path::new("COVERAGE.md")]);
}

#[test]
fn the_inbox_docs_carry_the_participant_id_article() {
    let root = wixgen_tests::workspace_root();
    let generation = generate(&root.join("schemas"), &Options::checked_in()).expect("generate");
    let article = generation
        .articles
        .iter()
        .find(|a| a.path == "schemas/inbox/conversation-id.md")
        .expect("the article in schemas/inbox/");
    assert_eq!(article.package.as_deref(), Ok("inbox"));
    let lib = &generation.files[std::path::Path::new("packages/inbox/src/lib.rs")];
    let docs: String = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    for term in [
        "# Conversation ID",
        "Anonymous visitor | `anonymousVisitorId`",
        "Contact | `contactId`",
        "Member | `memberId`",
        "## Anonymous visitor ID",
        "## Contact ID",
        "## Member ID",
        "Before sending a message, you can ensure you're using the most current conversation ID by calling Get or Create Conversation",
    ] {
        assert!(docs.contains(term), "the inbox docs lack {term:?}:\n{docs}");
    }
    assert!(
        !docs.contains("Portal Navigation") && !docs.contains("Article Link"),
        "the page's frame is left out"
    );
    assert!(
        generation
            .report()
            .contains("schemas/inbox/conversation-id.md: note: article: part of the docs of package `inbox`")
    );
    // The checked-in crate carries it too (the facade shows the package crate's docs as `wix_apis::inbox`).
    let checked_in = std::fs::read_to_string(root.join("crates/wix-apis/packages/inbox/src/lib.rs")).expect("read");
    assert_eq!(&checked_in, lib);
}
