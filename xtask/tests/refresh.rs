//! `cargo xtask refresh` against a local server that serves changed pages (a new enum value on
//! every page listing the enum, a new field on one), in a temporary copy of the workspace's
//! `schemas/` (issue 11, acceptance 2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `# Method link:` of a page, as a docs path.
fn docs_path(page: &str) -> String {
    let line = page
        .lines()
        .find_map(|l| {
            l.strip_prefix("# Method link: ")
                .or_else(|| l.strip_prefix("## Article Link: "))
        })
        .expect("a method link or an article link");
    line.trim().strip_prefix("https://dev.wix.com").unwrap().to_owned()
}

/// A page as the docs might serve it tomorrow, after Wix added a channel: every
/// page that lists `ChannelType` shows the new value (the docs are built from
/// one spec).
fn with_new_channel(page: &str) -> String {
    page.replace(
        "- enum: CHAT, EMAIL, SMS, FACEBOOK, INSTAGRAM, WHATSAPP",
        "- enum: CHAT, EMAIL, SMS, FACEBOOK, INSTAGRAM, WHATSAPP, TELEGRAM",
    )
}

/// GetConversation as the docs might serve it tomorrow: an optional field and an enum value more.
fn changed_get_conversation(page: &str) -> String {
    assert_eq!(
        page.matches("- enum: CHAT, EMAIL, SMS, FACEBOOK, INSTAGRAM, WHATSAPP")
            .count(),
        2
    );
    let page = with_new_channel(page);
    let rest = "     - name: id | type: string | description: Conversation GUID. | read-only: true | validation: format GUID\n";
    let sdk =
        "  - name: _id | type: string | description: Conversation GUID. | read-only: true | validation: format GUID\n";
    assert_eq!((page.matches(rest).count(), page.matches(sdk).count()), (1, 1));
    page.replace(
        rest,
        &format!("{rest}     - name: note | type: string | description: Note on the conversation. \n"),
    )
    .replace(
        sdk,
        &format!("{sdk}  - name: note | type: string | description: Note on the conversation. \n"),
    )
}

/// A temporary workspace holding a copy of `schemas/`, and a server serving every page at its
/// method link, GetConversation changed.
async fn setup() -> (tempfile::TempDir, MockServer, String) {
    let tmp = tempfile::tempdir().unwrap();
    let server = MockServer::start().await;
    let mut changed = String::new();
    for entry in std::fs::read_dir(repo().join("schemas/inbox")).unwrap() {
        let from = entry.unwrap().path();
        let page = std::fs::read_to_string(&from).unwrap();
        let to = tmp.path().join("schemas/inbox").join(from.file_name().unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(&to, &page).unwrap();
        let served = if from.ends_with("get-conversation.md") {
            changed = changed_get_conversation(&page);
            changed.clone()
        } else {
            with_new_channel(&page)
        };
        Mock::given(method("GET"))
            .and(path(docs_path(&page)))
            .respond_with(ResponseTemplate::new(200).set_body_string(served))
            .mount(&server)
            .await;
    }
    assert!(!changed.is_empty());
    (tmp, server, changed)
}

async fn xtask(root: &Path, server: &MockServer, extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec![
        "refresh".into(),
        "--root".into(),
        root.display().to_string(),
        "--docs-base".into(),
        server.uri(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(&args)
            .env_remove("WIXGEN_DOCS_BASE")
            .output()
            .expect("run xtask")
    })
    .await
    .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const REPORT: &str = "\
ok        enum value added: inbox::ChannelType.TELEGRAM: enums are open and #[non_exhaustive]
ok        field added: inbox::Conversation.note: a new optional field of a response-only type (the struct is #[non_exhaustive])
2 changes: 0 breaking, 2 not breaking
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_reports_the_change_writes_nothing_and_fails() {
    let (tmp, server, _) = setup().await;
    let page = tmp.path().join("schemas/inbox/get-conversation.md");
    let before = std::fs::read(&page).unwrap();

    let o = xtask(tmp.path(), &server, &["--check"]).await;
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    assert_eq!(out, REPORT, "{err}");
    assert!(
        err.contains("changed schemas/inbox/get-conversation.md (from "),
        "{err}"
    );
    assert!(
        err.contains("refresh: 3 changed, 2 unchanged, 0 failed, 0 without a link"),
        "{err}"
    );
    assert!(err.contains("run `cargo xtask refresh` to update"), "{err}");
    assert_eq!(std::fs::read(&page).unwrap(), before, "--check writes nothing");
    assert!(!tmp.path().join("crates").exists(), "--check generates nothing");
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        5,
        "four method pages and the article"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refresh_writes_the_page_and_regenerates() {
    let (tmp, server, changed) = setup().await;
    let o = xtask(tmp.path(), &server, &[]).await;
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(0), "{out}\n{err}");
    assert_eq!(out, REPORT, "{err}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("schemas/inbox/get-conversation.md")).unwrap(),
        changed
    );
    assert!(err.contains("wrote schemas/inbox/get-conversation.md"), "{err}");
    let types = std::fs::read_to_string(tmp.path().join("crates/wix-apis/packages/inbox/src/types.rs")).unwrap();
    assert!(types.contains("Telegram"), "the generated crate has the new enum value");
    assert!(tmp.path().join("tests/golden/get_or_create_conversation.rs").is_file());

    // Now the pages are as the docs serve them.
    let o = xtask(tmp.path(), &server, &["--check"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "no API changes: every page is as the docs serve it\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_the_docs_now_serve_collapsed_is_kept_and_fails_the_run() {
    let (tmp, server, _) = setup().await;
    let collapsed = std::fs::read(repo().join("tests/fixtures/pages/seeds/000_4f03bd3e1384cd8c.txt")).unwrap();
    let page = tmp.path().join("schemas/inbox/get-or-create-conversation.md");
    let before = std::fs::read(&page).unwrap();
    Mock::given(method("GET"))
        .and(path(docs_path(&String::from_utf8_lossy(&before))))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(collapsed))
        .with_priority(1)
        .mount(&server)
        .await;
    let o = xtask(tmp.path(), &server, &[]).await;
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("now serves a page the parser refuses; schemas/inbox/get-or-create-conversation.md is kept"),
        "{err}"
    );
    assert!(err.contains("error[E100]"), "{err}");
    assert_eq!(std::fs::read(&page).unwrap(), before);
}
