//! The fetch library against a local server: path-prefix confinement, hostile links and names,
//! 429 with `Retry-After`, timeouts, `?schema=true`, the page cap, redirects, articles, refetch.

use std::path::Path;
use std::time::Duration;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wixgen_fetch::{Change, DocsBase, Fetcher, HttpOptions, Limits, Refetched, Report, Reporter, fetch, refetch};

const API: &str = "/docs/api-reference/demo/items";

/// A small method page of package `package` whose method link is `https://dev.wix.com{docs_path}`.
fn method_page(package: &str, docs_path: &str) -> String {
    format!(
        "# Ping\n\n# Package: {package}\n\n# Namespace: PingService\n\n# Method link: https://dev.wix.com{docs_path}\n\n## REST API\n\n### Schema\n\n```\n Method: ping\n Description: Pings.\n URL: https://www.wixapis.com/demo/v1/ping\n Method: GET\n Return type: PingResponse\n  - name: ok | type: boolean | description: Ok.\n```\n"
    )
}

fn menu(links: &[&str]) -> String {
    let mut s =
        String::from("> Portal Navigation:\n> \n> - Pages are either content pages or menu pages.\n\n# Items\n\n");
    for l in links {
        s.push_str(&format!("- [{l}]({l})\n"));
    }
    s
}

async fn serve(server: &MockServer, at: &str, body: impl Into<Vec<u8>>) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(body.into()))
        .mount(server)
        .await;
}

/// Quick retries, so tests do not wait on backoff.
fn fast() -> HttpOptions {
    HttpOptions {
        timeout: Duration::from_secs(5),
        retries: 2,
        min_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_secs(2),
        max_body: 1 << 20,
    }
}

fn fetcher(server: &MockServer, options: HttpOptions) -> Fetcher {
    Fetcher::new(DocsBase::parse(&server.uri()).unwrap(), options).unwrap()
}

async fn run(server: &MockServer, starts: &[&str], into: &Path, reporter: &Reporter) -> Report {
    let f = fetcher(server, fast());
    let starts: Vec<String> = starts.iter().map(|s| f.base().start_path(s).unwrap()).collect();
    fetch(&f, &starts, into, Limits::default(), reporter).await.unwrap()
}

async fn requested_paths(server: &MockServer) -> Vec<String> {
    let mut p: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    p.sort();
    p
}

/// The first request for `at` gets `first`; later ones fall through to the
/// mocks mounted after (priority 1 wins over the default 5).
async fn answer_once(server: &MockServer, at: &str, first: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(first)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
}

/// Fetch the single page `at` with `options` into a new temporary directory.
async fn fetch_one(
    server: &MockServer,
    at: &str,
    options: HttpOptions,
    reporter: &Reporter,
) -> (Report, tempfile::TempDir) {
    let f = fetcher(server, options);
    let tmp = tempfile::tempdir().unwrap();
    let report = fetch(&f, &[at.to_owned()], tmp.path(), Limits::default(), reporter)
        .await
        .unwrap();
    (report, tmp)
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[tokio::test]
async fn links_outside_the_start_path_or_off_the_docs_are_not_followed() {
    let server = MockServer::start().await;
    serve(
        &server,
        &format!("{API}.md"),
        menu(&[
            &format!("https://dev.wix.com{API}/ping.md"),
            "items/ping.md",
            "https://dev.wix.com/docs/api-reference/demo/other.md",
            "https://evil.test/docs/api-reference/demo/items/x.md",
            "../../../etc/passwd.md",
            "items/%2e%2e/%2e%2e/escape.md",
            "mailto:someone@example.com",
        ]),
    )
    .await;
    serve(
        &server,
        &format!("{API}/ping.md"),
        method_page("demo", &format!("{API}/ping.md")),
    )
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("schemas");
    let report = run(
        &server,
        &[&format!("https://dev.wix.com{API}")],
        &into,
        &Reporter::quiet(),
    )
    .await;

    assert_eq!(
        requested_paths(&server).await,
        [format!("{API}.md"), format!("{API}/ping.md")],
        "only the start page and the one link under its path were requested (once: links are deduplicated)"
    );
    assert_eq!(report.outside.len(), 5, "{:?}", report.outside);
    assert!(report.outside.contains("../../../etc/passwd.md"));
    assert_eq!(report.count(Change::New), 1);
    assert_eq!(
        files_under(tmp.path()),
        [into.join("demo/ping.md").display().to_string()]
    );
    let lines = report.problem_lines(&into).join("\n");
    assert!(lines.contains("5 menu links not followed"), "{lines}");
}

#[tokio::test]
async fn hostile_package_names_and_file_names_write_nothing() {
    let server = MockServer::start().await;
    serve(
        &server,
        &format!("{API}.md"),
        menu(&["items/evil.md", "items/a%20b.md", "items/..%2fup.md"]),
    )
    .await;
    serve(
        &server,
        &format!("{API}/evil.md"),
        method_page("../../etc", &format!("{API}/evil.md")),
    )
    .await;
    serve(
        &server,
        &format!("{API}/a%20b.md"),
        method_page("demo", &format!("{API}/a b.md")),
    )
    .await;
    serve(
        &server,
        &format!("{API}/..%2fup.md"),
        method_page("demo", &format!("{API}/up.md")),
    )
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("schemas");
    let report = run(&server, &[&format!("{API}.md")], &into, &Reporter::quiet()).await;

    assert!(report.saved.is_empty(), "{:?}", report.saved);
    assert_eq!(report.skipped.len(), 3, "{:?}", report.skipped);
    let why: Vec<&str> = report.skipped.iter().map(|s| s.why.as_str()).collect();
    assert!(
        why.iter()
            .any(|w| w.contains("`# Package: ../../etc` is not a safe directory name")),
        "{why:?}"
    );
    assert_eq!(
        why.iter().filter(|w| w.contains("is not a safe file name")).count(),
        2,
        "{why:?}"
    );
    assert!(files_under(tmp.path()).is_empty());
}

#[tokio::test]
async fn a_429_is_retried_after_its_retry_after() {
    let server = MockServer::start().await;
    let at = format!("{API}/ping.md");
    answer_once(
        &server,
        &at,
        ResponseTemplate::new(429).insert_header("retry-after", "1"),
    )
    .await;
    serve(&server, &at, method_page("demo", &at)).await;
    let tmp = tempfile::tempdir().unwrap();
    let reporter = Reporter::capture();
    let report = run(&server, &[&at], tmp.path(), &reporter).await;

    assert_eq!(report.count(Change::New), 1, "{:?}", report.failed);
    let lines = reporter.captured();
    let retry = format!(
        "retrying {}{at} in 1.0s: HTTP 429 Too Many Requests (attempt 2 of 3)",
        server.uri()
    );
    assert!(
        lines.contains(&retry),
        "the wait is Retry-After's, not the 10 ms backoff: {lines:#?}"
    );
    assert_eq!(requested_paths(&server).await.len(), 2);
}

#[tokio::test]
async fn retry_after_is_capped_at_the_longest_backoff() {
    let server = MockServer::start().await;
    let at = format!("{API}/ping.md");
    answer_once(
        &server,
        &at,
        ResponseTemplate::new(503).insert_header("retry-after", "3600"),
    )
    .await;
    serve(&server, &at, method_page("demo", &at)).await;
    let options = HttpOptions {
        max_backoff: Duration::from_millis(200),
        ..fast()
    };
    let reporter = Reporter::capture();
    let (report, _tmp) = fetch_one(&server, &at, options, &reporter).await;
    assert_eq!(report.count(Change::New), 1);
    assert!(
        reporter.captured().iter().any(|l| l.contains(" in 0.2s: HTTP 503")),
        "{:#?}",
        reporter.captured()
    );
}

#[tokio::test]
async fn a_slow_answer_times_out_and_is_retried() {
    let server = MockServer::start().await;
    let at = format!("{API}/ping.md");
    let slow = ResponseTemplate::new(200)
        .set_body_string(method_page("demo", &at))
        .set_delay(Duration::from_secs(3));
    answer_once(&server, &at, slow).await;
    serve(&server, &at, method_page("demo", &at)).await;
    let options = HttpOptions {
        timeout: Duration::from_millis(300),
        ..fast()
    };
    let reporter = Reporter::capture();
    let (report, _tmp) = fetch_one(&server, &at, options, &reporter).await;
    assert_eq!(report.count(Change::New), 1, "{:?}", report.failed);
    assert!(
        reporter
            .captured()
            .iter()
            .any(|l| l.contains(": timed out after 0.3s (attempt 2 of 3)")),
        "{:#?}",
        reporter.captured()
    );
}

#[tokio::test]
async fn a_page_that_always_times_out_fails_after_every_attempt() {
    let server = MockServer::start().await;
    let at = format!("{API}/ping.md");
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let options = HttpOptions {
        timeout: Duration::from_millis(200),
        retries: 1,
        ..fast()
    };
    let (report, tmp) = fetch_one(&server, &at, options, &Reporter::quiet()).await;
    assert!(report.has_errors());
    assert_eq!(report.failed.len(), 1);
    let e = &report.failed[0].error;
    assert!(e.timed_out);
    assert_eq!(e.attempts, 2);
    assert_eq!(e.to_string(), "timed out after 0.2s (2 attempts)");
    assert!(files_under(tmp.path()).is_empty());
}

#[tokio::test]
async fn a_404_fails_at_once() {
    let server = MockServer::start().await;
    let tmp = tempfile::tempdir().unwrap();
    let report = run(&server, &[&format!("{API}/gone.md")], tmp.path(), &Reporter::quiet()).await;
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].error.to_string(), "HTTP 404 Not Found (1 attempt)");
    assert_eq!(report.failed[0].error.status, Some(404));
    assert_eq!(
        report.summary(),
        "0 new, 0 changed, 0 unchanged, 0 skipped, 0 refused, 1 failed; 0 menu pages followed"
    );
}

#[tokio::test]
async fn a_page_without_a_schema_block_is_fetched_again_with_schema_true() {
    let server = MockServer::start().await;
    let at = format!("{API}/ping.md");
    let full = method_page("demo", &at);
    let bare = full[..full.find("### Schema").unwrap()].to_owned();
    Mock::given(method("GET"))
        .and(path(&at))
        .and(query_param_is_missing("schema"))
        .respond_with(ResponseTemplate::new(200).set_body_string(bare))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .and(query_param("schema", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_string(full.clone()))
        .mount(&server)
        .await;
    let tmp = tempfile::tempdir().unwrap();
    let report = run(&server, &[&at], tmp.path(), &Reporter::quiet()).await;
    assert_eq!(report.count(Change::New), 1);
    assert_eq!(std::fs::read_to_string(tmp.path().join("demo/ping.md")).unwrap(), full);
    assert!(
        report.saved[0].notes[0].contains("?schema=true"),
        "{:?}",
        report.saved[0].notes
    );
}

#[tokio::test]
async fn the_page_cap_stops_a_crawl() {
    let server = MockServer::start().await;
    let links: Vec<String> = (0..6).map(|i| format!("items/p{i}.md")).collect();
    let refs: Vec<&str> = links.iter().map(String::as_str).collect();
    serve(&server, &format!("{API}.md"), menu(&refs)).await;
    for i in 0..6 {
        let at = format!("{API}/p{i}.md");
        serve(&server, &at, method_page("demo", &at)).await;
    }
    let f = fetcher(&server, fast());
    let tmp = tempfile::tempdir().unwrap();
    let limits = Limits {
        concurrency: 2,
        max_pages: 3,
    };
    let report = fetch(&f, &[format!("{API}.md")], tmp.path(), limits, &Reporter::quiet())
        .await
        .unwrap();
    assert_eq!(requested_paths(&server).await.len(), 3);
    assert_eq!(report.count(Change::New), 2);
    assert_eq!(report.capped, 4);
    let lines = report.problem_lines(tmp.path()).join("\n");
    assert!(
        lines.contains("4 links not followed: the limit of 3 pages was reached"),
        "{lines}"
    );
}

#[tokio::test]
async fn menus_that_link_to_each_other_end() {
    let server = MockServer::start().await;
    serve(&server, &format!("{API}.md"), menu(&["items/sub.md", "items/ping.md"])).await;
    serve(
        &server,
        &format!("{API}/sub.md"),
        menu(&["../items.md", "sub/deeper.md", "ping.md"]),
    )
    .await;
    serve(&server, &format!("{API}/sub/deeper.md"), menu(&["../../items.md"])).await;
    serve(
        &server,
        &format!("{API}/ping.md"),
        method_page("demo", &format!("{API}/ping.md")),
    )
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let report = run(&server, &[&format!("{API}.md")], tmp.path(), &Reporter::quiet()).await;
    assert_eq!(report.menus, 3);
    assert_eq!(report.count(Change::New), 1);
    assert_eq!(requested_paths(&server).await.len(), 4, "every page once");
}

#[tokio::test]
async fn redirects_off_the_docs_base_are_refused() {
    let server = MockServer::start().await;
    let at = format!("{API}/ping.md");
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "https://evil.test/x.md"))
        .mount(&server)
        .await;
    let tmp = tempfile::tempdir().unwrap();
    let report = run(&server, &[&at], tmp.path(), &Reporter::quiet()).await;
    assert_eq!(report.failed.len(), 1);
    let e = report.failed[0].error.to_string();
    assert!(
        e.contains("redirected to https://evil.test/x.md, which is not under the docs base"),
        "{e}"
    );
    assert_eq!(report.failed[0].error.attempts, 1);
}

#[tokio::test]
async fn articles_go_to_the_package_whose_pages_they_sit_under() {
    let server = MockServer::start().await;
    let article = format!(
        "> Portal Navigation:\n> \n> - Pages are content pages or menu pages.\n\n## Resource: Introduction\n\n## Article: Introduction\n\n## Article Link: https://dev.wix.com{API}/introduction.md\n\n## Article Content:\n\n# About Items\n\nText.\n"
    );
    serve(&server, &format!("{API}/introduction.md"), article.clone()).await;
    serve(
        &server,
        "/docs/elsewhere/deep/dir/glossary.md",
        "# Glossary\n\nWords.\n",
    )
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("schemas");

    // No method page known yet: the article has nowhere to go.
    let report = run(&server, &[&format!("{API}/introduction.md")], &into, &Reporter::quiet()).await;
    assert!(report.saved.is_empty());
    assert!(report.skipped[0].why.contains("no method page"), "{:?}", report.skipped);

    // A method page of `demo` under `{API}/` already saved (found by its `# Method link:`).
    std::fs::create_dir_all(into.join("demo")).unwrap();
    std::fs::write(
        into.join("demo/ping.md"),
        method_page("demo", &format!("{API}/ping.md")),
    )
    .unwrap();
    let report = run(
        &server,
        &[
            &format!("{API}/introduction.md"),
            "/docs/elsewhere/deep/dir/glossary.md",
        ],
        &into,
        &Reporter::quiet(),
    )
    .await;
    assert_eq!(report.saved.len(), 1, "{:?}", report.skipped);
    assert_eq!(report.saved[0].rel, Path::new("demo/introduction.md"));
    assert_eq!(report.saved[0].what, "article");
    assert_eq!(
        std::fs::read_to_string(into.join("demo/introduction.md")).unwrap(),
        article
    );
    assert_eq!(report.skipped.len(), 1);
    assert!(
        report.skipped[0]
            .why
            .contains("not under the pages of any package (demo: /docs/api-reference/demo/items/)"),
        "{:?}",
        report.skipped
    );
}

#[tokio::test]
async fn webhook_pages_and_html_are_skipped() {
    let server = MockServer::start().await;
    let webhook = "# Package: demo\n\n# Namespace: items\n\n# Webhook link: https://dev.wix.com/docs/x.md\n\n## REST API\n\n### Schema\n\n```\n Webhook: Item Created\n Description: Triggered.\n Event body:\n  - name: id | type: string | description: Event GUID.\n```\n";
    serve(&server, &format!("{API}/item-created.md"), webhook).await;
    Mock::given(method("GET"))
        .and(path(format!("{API}/page.md")))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<html><body>Hi</body></html>", "text/html"))
        .mount(&server)
        .await;
    let tmp = tempfile::tempdir().unwrap();
    let report = run(
        &server,
        &[&format!("{API}/item-created.md"), &format!("{API}/page.md")],
        tmp.path(),
        &Reporter::quiet(),
    )
    .await;
    assert!(report.saved.is_empty());
    let why: Vec<&str> = report.skipped.iter().map(|s| s.why.as_str()).collect();
    assert_eq!(why.len(), 2);
    assert!(why.iter().any(|w| w.contains("webhook page")), "{why:?}");
    assert!(why.iter().any(|w| w.contains("served HTML")), "{why:?}");
    assert!(!report.has_errors());
}

#[tokio::test]
async fn refetch_compares_every_saved_page_with_the_docs() {
    let server = MockServer::start().await;
    let same = format!("{API}/same.md");
    let moved = format!("{API}/moved.md");
    serve(&server, &same, method_page("demo", &same)).await;
    serve(
        &server,
        &moved,
        method_page("demo", &moved).replace("Pings.", "Pings twice."),
    )
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("demo")).unwrap();
    std::fs::write(dir.join("demo/same.md"), method_page("demo", &same)).unwrap();
    std::fs::write(dir.join("demo/moved.md"), method_page("demo", &moved)).unwrap();
    std::fs::write(dir.join("demo/gone.md"), method_page("demo", &format!("{API}/gone.md"))).unwrap();
    std::fs::write(dir.join("demo/notes.md"), "# Notes\n\nMine.\n").unwrap();

    let f = fetcher(&server, fast());
    let pages = refetch(&f, dir, 2, &Reporter::quiet()).await.unwrap();
    let by: Vec<(String, &Refetched)> = pages
        .iter()
        .map(|p| (p.rel.display().to_string(), &p.outcome))
        .collect();
    assert_eq!(by.len(), 4);
    assert!(matches!(by[0], (ref p, Refetched::Failed(e)) if p == "demo/gone.md" && e.status == Some(404)));
    assert!(
        matches!(by[1], (ref p, Refetched::Changed(b)) if p == "demo/moved.md" && String::from_utf8_lossy(b).contains("Pings twice."))
    );
    assert!(matches!(by[2], (ref p, Refetched::NoLink) if p == "demo/notes.md"));
    assert!(matches!(by[3], (ref p, Refetched::Unchanged) if p == "demo/same.md"));
    // Nothing was written.
    assert_eq!(
        std::fs::read_to_string(dir.join("demo/moved.md")).unwrap(),
        method_page("demo", &moved)
    );
}
