//! `wixgen diff` and `wixgen add` as a user runs them (issue 11, acceptance 3 and `add`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn wixgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wixgen"))
        .args(args)
        .output()
        .expect("run wixgen")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Replace `from` (which must occur exactly `times` times) by `to`.
fn replace(page: &str, from: &str, to: &str, times: usize) -> String {
    assert_eq!(page.matches(from).count(), times, "`{from}` in the page");
    page.replace(from, to)
}

/// GetConversation edited as the docs might change it: an optional field (`Conversation.note`),
/// an enum value (`TELEGRAM`), a required param (`fields`) added; a field
/// (`ConversationDisplayData.imageUrl`) removed. REST and SDK halves alike.
fn edited_get_conversation() -> String {
    let page = std::fs::read_to_string(repo().join("schemas/inbox/get-conversation.md")).unwrap();
    let page = replace(
        &page,
        "     - name: id | type: string | description: Conversation GUID. | read-only: true | validation: format GUID\n",
        "     - name: id | type: string | description: Conversation GUID. | read-only: true | validation: format GUID\n     - name: note | type: string | description: Note on the conversation. \n",
        1,
    );
    let page = replace(
        &page,
        "  - name: _id | type: string | description: Conversation GUID. | read-only: true | validation: format GUID\n",
        "  - name: _id | type: string | description: Conversation GUID. | read-only: true | validation: format GUID\n  - name: note | type: string | description: Note on the conversation. \n",
        1,
    );
    let page = replace(
        &page,
        "- enum: CHAT, EMAIL, SMS, FACEBOOK, INSTAGRAM, WHATSAPP",
        "- enum: CHAT, EMAIL, SMS, FACEBOOK, INSTAGRAM, WHATSAPP, TELEGRAM",
        2,
    );
    let page = replace(
        &page,
        " Required parameters:  conversationId\n",
        " Required parameters:  conversationId, fields\n",
        2,
    );
    let page = replace(
        &page,
        "   param name: conversationId | type: conversationId | description: Conversation GUID. | required: true | validation: format GUID\n",
        "   param name: conversationId | type: conversationId | description: Conversation GUID. | required: true | validation: format GUID\n   param name: fields | type: fields | description: Fields to return. | required: true\n",
        1,
    );
    let page = replace(
        &page,
        "   param name: conversationId | type: string | description: Conversation GUID. | required: true | validation: format GUID\n",
        "   param name: conversationId | type: string | description: Conversation GUID. | required: true | validation: format GUID\n   param name: fields | type: string | description: Fields to return. | required: true\n",
        1,
    );
    let page = replace(
        &page,
        "        - name: imageUrl | type: string | description: Avatar image URL. | read-only: true\n",
        "",
        1,
    );
    replace(
        &page,
        "     - name: imageUrl | type: string | description: Avatar image URL. | read-only: true\n",
        "",
        1,
    )
}

#[test]
fn diff_reports_each_change_and_marks_the_breaking_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let old = repo().join("schemas/inbox/get-conversation.md");
    let new = tmp.path().join("get-conversation.md");
    std::fs::write(&new, edited_get_conversation()).unwrap();

    let o = wixgen(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(0), "{out}\n{err}");
    assert_eq!(
        out,
        "\
BREAKING  param added: inbox::ConversationsService.GetConversation.fields: required: a new argument of `GetConversationRequest::new`
ok        enum value added: inbox::ChannelType.TELEGRAM: enums are open and #[non_exhaustive]
ok        field added: inbox::Conversation.note: a new optional field of a response-only type (the struct is #[non_exhaustive])
BREAKING  field removed: inbox::ConversationDisplayData.imageUrl: code that reads or sets the field no longer compiles
4 changes: 2 breaking, 2 not breaking
",
        "{err}"
    );

    let o = wixgen(&["diff", "--json", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["total"], 4);
    assert_eq!(json["breaking"], 2);
    let param = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "param")
        .unwrap();
    assert_eq!(param["action"], "added");
    assert_eq!(param["breaking"], true);
    assert_eq!(param["place"]["parent"], "ConversationsService.GetConversation");
    assert_eq!(param["place"]["name"], "fields");
}

#[test]
fn diff_of_two_directories_and_of_a_page_with_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    for d in [&old, &new] {
        std::fs::create_dir_all(d.join("inbox")).unwrap();
        std::fs::copy(
            repo().join("schemas/inbox/send-message.md"),
            d.join("inbox/send-message.md"),
        )
        .unwrap();
    }
    std::fs::copy(
        repo().join("schemas/inbox/get-conversation.md"),
        old.join("inbox/get-conversation.md"),
    )
    .unwrap();
    let o = wixgen(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        out.contains("BREAKING  method removed: inbox::ConversationsService.GetConversation: the method and its request type are gone\n"),
        "{out}"
    );
    assert!(
        out.contains("BREAKING  type removed: inbox::GetConversationResponse"),
        "{out}"
    );

    let same = repo().join("schemas/inbox/send-message.md");
    let o = wixgen(&["diff", same.to_str().unwrap(), same.to_str().unwrap()]);
    assert_eq!(text(&o.stdout), "no API changes\n");
}

#[test]
fn diff_says_when_a_page_could_not_be_read() {
    let tmp = tempfile::tempdir().unwrap();
    let collapsed = repo().join("tests/fixtures/pages/seeds/000_4f03bd3e1384cd8c.txt");
    let copy = tmp.path().join("collapsed.md");
    std::fs::copy(collapsed, &copy).unwrap();
    let good = repo().join("schemas/inbox/get-or-create-conversation.md");
    let o = wixgen(&["diff", good.to_str().unwrap(), copy.to_str().unwrap()]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("error[E100]"), "{err}");
    assert!(err.contains("what they define is missing from the report"), "{err}");
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_tree(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

#[test]
fn add_copies_method_pages_regenerates_and_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let schemas = tmp.path().join("pages");
    let out = tmp.path().join("out");
    let page = repo().join("tests/fixtures/pages/real/query-resource-types.md");
    let collapsed = tmp.path().join("collapsed.md");
    std::fs::copy(
        repo().join("tests/fixtures/pages/seeds/000_4f03bd3e1384cd8c.txt"),
        &collapsed,
    )
    .unwrap();
    let article = repo().join("tests/fixtures/pages/seeds/004_b12d3e60681421c4.txt");
    let article_md = tmp.path().join("conversation-id.md");
    std::fs::copy(article, &article_md).unwrap();

    let o = wixgen(&[
        "add",
        page.to_str().unwrap(),
        collapsed.to_str().unwrap(),
        article_md.to_str().unwrap(),
        "--schemas",
        schemas.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let (stdout, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "refused pages fail the run\n{stdout}\n{err}");
    assert!(
        err.contains("collapsed.md: refused: the parser refuses this page:"),
        "{err}"
    );
    assert!(err.contains("error[E100]"), "{err}");
    assert!(
        err.contains("conversation-id.md: refused: not a method page (it is an article)"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(schemas.join("resources/query-resource-types.md")).unwrap(),
        std::fs::read(&page).unwrap()
    );
    assert!(!schemas.join("inbox").exists());
    assert!(out.join("packages/resources/src/lib.rs").is_file());
    assert!(
        stdout.contains("ok        package added: resources: a new module behind a new Cargo feature\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with("1 change: 0 breaking, 1 not breaking\n"), "{stdout}");
}

#[test]
fn add_without_out_regenerates_a_checkouts_crate_like_cargo_xtask_gen_and_leaves_its_goldens() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_tree(&repo().join("schemas"), &root.join("schemas"));
    copy_tree(&repo().join("crates/wix-apis/src"), &root.join("crates/wix-apis/src"));
    copy_tree(
        &repo().join("crates/wix-apis/packages"),
        &root.join("crates/wix-apis/packages"),
    );
    std::fs::copy(
        repo().join("crates/wix-apis/Cargo.toml"),
        root.join("crates/wix-apis/Cargo.toml"),
    )
    .unwrap();
    copy_tree(&repo().join("tests/golden"), &root.join("tests/golden"));
    // A stale golden: `add` leaves it (the checkout's `cargo xtask golden` would rewrite it).
    let stale_golden = root.join("tests/golden/edge_cases.rs");
    std::fs::write(&stale_golden, "// stale\n").unwrap();
    let edited = root.join("get-conversation.md");
    std::fs::write(&edited, edited_get_conversation()).unwrap();

    let o = wixgen(&[
        "add",
        edited.to_str().unwrap(),
        "--schemas",
        root.join("schemas").to_str().unwrap(),
    ]);
    let (stdout, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(0), "{stdout}\n{err}");
    assert!(
        err.contains(&format!(
            "replaced {}",
            root.join("schemas/inbox/get-conversation.md").display()
        )),
        "{err}"
    );
    // `imageUrl` stays: the other inbox pages still list it in `ConversationDisplayData`, and
    // lowering unifies the type across pages. `ChannelType` now has a value the other inbox
    // pages' listings of it lack: by the identity rules those are two enums (the fresh page's
    // and the stale ones'), until the other pages are refreshed too, and the report says so
    // as breaking renames.
    assert!(
        stdout.contains("BREAKING  type removed: inbox::ChannelType"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok        type added: inbox::ConversationChannelType"),
        "{stdout}"
    );
    assert!(stdout.ends_with("8 changes: 5 breaking, 3 not breaking\n"), "{stdout}");
    assert!(!stdout.contains("imageUrl"), "{stdout}");
    let types = std::fs::read_to_string(root.join("crates/wix-apis/packages/inbox/src/types.rs")).unwrap();
    assert!(
        types.contains("Telegram"),
        "the regenerated crate has the new enum value"
    );
    assert!(err.contains("crates/wix-apis: "), "{err}");
    // The goldens are the checkout's test material (`cargo xtask golden`): left as they were.
    assert!(
        err.contains(&format!(
            "note: {}: goldens not regenerated; `cargo xtask golden` there regenerates them",
            root.join("tests/golden").display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&stale_golden).unwrap(), "// stale\n");

    // Nothing to do the second time.
    let o = wixgen(&[
        "add",
        edited.to_str().unwrap(),
        "--schemas",
        root.join("schemas").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "no API changes\n");

    // Without --out, the schemas directory must sit in a checkout.
    let lone = tmp.path().join("lone/schemas");
    let o = wixgen(&["add", edited.to_str().unwrap(), "--schemas", lone.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a usage error: pass --out");
    assert!(text(&o.stderr).contains("not a wixgen checkout"), "{}", text(&o.stderr));
    assert!(!lone.exists());
}
