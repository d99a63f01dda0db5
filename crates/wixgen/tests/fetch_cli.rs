//! `wixgen fetch` against a local server serving a menu page, three method pages (one of them
//! whitespace-collapsed, one answering 503 once) and an article (issue 11, acceptance 1).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const INBOX: &str = "/docs/api-reference/crm/communication/inbox";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The menu page of the Inbox API, in the layout the docs' preamble describes for menu pages:
/// headings and lists of `[Title](<url>.md)` links.
fn menu() -> String {
    format!(
        "> Portal Navigation:\n\
         > \n\
         > - Append `.md` to any URL under `https://dev.wix.com/docs/` to get its markdown version.\n\
         > - Pages are either content pages (article or reference text) or menu pages (a list of links to child pages).\n\
         > - To get a menu page, truncate any URL to a parent path and append `.md` (e.g. `https://dev.wix.com/docs/sdk.md`, `https://dev.wix.com/docs/sdk/core-modules.md`).\n\
         \n\
         # Inbox\n\
         \n\
         ## Conversations\n\
         \n\
         - [Get Conversation](https://dev.wix.com{INBOX}/conversations/get-conversation.md)\n\
         - [Get Or Create Conversation](https://dev.wix.com{INBOX}/conversations/get-or-create-conversation.md)\n\
         - [Conversation ID](https://dev.wix.com{INBOX}/conversations/conversation-id.md)\n\
         \n\
         ## Messages\n\
         \n\
         - [Send Message](https://dev.wix.com{INBOX}/messages/send-message.md)\n"
    )
}

async fn serve(server: &MockServer, at: &str, body: Vec<u8>) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(body))
        .mount(server)
        .await;
}

async fn inbox_server() -> MockServer {
    let server = MockServer::start().await;
    serve(&server, &format!("{INBOX}.md"), menu().into_bytes()).await;
    serve(
        &server,
        &format!("{INBOX}/conversations/get-conversation.md"),
        fixture("schemas/inbox/get-conversation.md"),
    )
    .await;
    serve(
        &server,
        &format!("{INBOX}/conversations/get-or-create-conversation.md"),
        fixture("tests/fixtures/pages/seeds/000_4f03bd3e1384cd8c.txt"),
    )
    .await;
    serve(
        &server,
        &format!("{INBOX}/conversations/conversation-id.md"),
        fixture("tests/fixtures/pages/seeds/004_b12d3e60681421c4.txt"),
    )
    .await;
    // Send Message answers 503 once, then the page.
    Mock::given(method("GET"))
        .and(path(format!("{INBOX}/messages/send-message.md")))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    serve(
        &server,
        &format!("{INBOX}/messages/send-message.md"),
        fixture("schemas/inbox/send-message.md"),
    )
    .await;
    server
}

async fn wixgen(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_wixgen"))
            .args(&args)
            .env_remove("WIXGEN_DOCS_BASE")
            .output()
            .expect("run wixgen")
    })
    .await
    .unwrap()
}

fn fetch_args(server: &MockServer, into: &Path, urls: &[&str]) -> Vec<String> {
    let mut args = vec![
        "fetch".to_owned(),
        "--into".to_owned(),
        into.display().to_string(),
        "--docs-base".to_owned(),
        server.uri(),
    ];
    args.extend(urls.iter().map(|u| u.to_string()));
    args
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetches_a_menu_saves_methods_and_the_article_refuses_the_collapsed_page() {
    let server = inbox_server().await;
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("schemas");
    // The canonical URL of the menu, without `.md`: rewritten to the local server.
    let start = format!("https://dev.wix.com{INBOX}");

    let first = wixgen(fetch_args(&server, &into, &[&start])).await;
    let (out, err) = (text(&first.stdout), text(&first.stderr));
    assert_eq!(
        first.status.code(),
        Some(1),
        "a refused page fails the run\n{out}\n{err}"
    );

    // The two good method pages and the article, byte for byte, where the issue says.
    assert_eq!(
        std::fs::read(into.join("inbox/get-conversation.md")).unwrap(),
        fixture("schemas/inbox/get-conversation.md")
    );
    assert_eq!(
        std::fs::read(into.join("inbox/send-message.md")).unwrap(),
        fixture("schemas/inbox/send-message.md")
    );
    assert_eq!(
        std::fs::read(into.join("inbox/conversation-id.md")).unwrap(),
        fixture("tests/fixtures/pages/seeds/004_b12d3e60681421c4.txt")
    );
    let mut saved: Vec<String> = walk(&into);
    saved.sort();
    assert_eq!(
        saved,
        [
            "inbox/conversation-id.md",
            "inbox/get-conversation.md",
            "inbox/send-message.md"
        ]
    );

    // The collapsed page is refused with the parser's message (E100 and its help).
    let refused_url = format!("{}{INBOX}/conversations/get-or-create-conversation.md", server.uri());
    assert!(
        err.contains(&format!("error: refused {refused_url}: the parser refuses this page:")),
        "{err}"
    );
    assert!(
        err.contains("error[E100]: the page has lost its line structure (its whitespace was collapsed onto one line); nesting cannot be read from it"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {refused_url}:1:1")), "{err}");
    assert!(
        err.contains("curl -sSL 'https://dev.wix.com/docs/api-reference/crm/communication/inbox/conversations/get-or-create-conversation.md'"),
        "{err}"
    );

    // The 503 was retried (plain progress lines: stderr is not a terminal here).
    let send = format!("{}{INBOX}/messages/send-message.md", server.uri());
    assert!(err.contains(&format!("retrying {send} in ")), "{err}");
    assert!(err.contains("HTTP 503 Service Unavailable (attempt 2 of 5)"), "{err}");

    // Saved pages and the summary on stdout.
    let shown = into.display();
    assert!(
        out.contains(&format!(
            "new       {shown}/inbox/conversation-id.md  (article from {}{INBOX}/conversations/conversation-id.md)",
            server.uri()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "new       {shown}/inbox/send-message.md  (method page from {send})"
        )),
        "{out}"
    );
    assert_eq!(
        out.lines().last(),
        Some("3 new, 0 changed, 0 unchanged, 0 skipped, 1 refused, 0 failed; 1 menu page followed")
    );

    // A second run finds every page as it is.
    let second = wixgen(fetch_args(&server, &into, &[&start])).await;
    let out2 = text(&second.stdout);
    assert_eq!(second.status.code(), Some(1));
    assert_eq!(
        out2.lines().last(),
        Some("0 new, 0 changed, 3 unchanged, 0 skipped, 1 refused, 0 failed; 1 menu page followed"),
        "{out2}\n{}",
        text(&second.stderr)
    );
    assert_eq!(walk(&into).len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_method_page_by_docs_path_and_a_changed_page() {
    let server = inbox_server().await;
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("schemas");
    std::fs::create_dir_all(into.join("inbox")).unwrap();
    std::fs::write(into.join("inbox/get-conversation.md"), "an older copy").unwrap();
    let o = wixgen(fetch_args(
        &server,
        &into,
        &[&format!("{INBOX}/conversations/get-conversation")],
    ))
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout).lines().last(),
        Some("0 new, 1 changed, 0 unchanged, 0 skipped, 0 refused, 0 failed; 0 menu pages followed")
    );
    assert_eq!(
        std::fs::read(into.join("inbox/get-conversation.md")).unwrap(),
        fixture("schemas/inbox/get-conversation.md")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn urls_off_the_docs_and_bad_bases_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("schemas").display().to_string();
    let o = wixgen(vec![
        "fetch".into(),
        "--into".into(),
        into.clone(),
        "https://example.com/docs/x.md".into(),
    ])
    .await;
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("is not on the docs"), "{}", text(&o.stderr));
    let o = wixgen(vec![
        "fetch".into(),
        "--into".into(),
        into,
        "--docs-base".into(),
        "ftp://mirror".into(),
        "/docs/x".into(),
    ])
    .await;
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("must be an http:// or https:// URL"));
    assert!(!tmp.path().join("schemas").exists());
}

/// Every file under `dir`, relative, `/`-separated.
fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap();
                out.push(
                    rel.components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/"),
                );
            }
        }
    }
    out
}
