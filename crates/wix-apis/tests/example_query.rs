//! The `query_resource_types` example, run as a user runs it: in its mock
//! mode, and in its real mode against a server that speaks the Wix API (here a
//! local wiremock server) named by `WIX_API_BASE_URL`.

use std::process::{Command, Output};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn run_example(args: &[&str], env: &[(&str, &str)]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.args([
        "run",
        "--quiet",
        "-p",
        "wix-apis",
        "--example",
        "query_resource_types",
        "--",
    ])
    .args(args);
    for key in ["WIX_API_KEY", "WIX_SITE_ID", "WIX_ACCOUNT_ID", "WIX_API_BASE_URL"] {
        cmd.env_remove(key);
    }
    cmd.envs(env.iter().copied());
    cmd.output().expect("run cargo")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn mock_mode_streams_every_page_sorted_by_name() {
    // Five of the mock's seven names start with `meeting`: three pages of two.
    let out = run_example(&["--name-starts-with", "meeting", "--limit", "2"], &[]);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stdout: {stdout}\nstderr: {stderr}");
    assert!(stderr.contains("built-in local mock server"), "{stderr}");
    assert_eq!(
        stdout,
        "rt-2\tmeeting booth\nrt-3\tmeeting hall\nrt-7\tmeeting lounge\nrt-5\tmeeting pod\nrt-1\tmeeting room\n"
    );
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    for args in [
        &[][..],
        &["--limit", "0", "--name-starts-with", "a"][..],
        &["--name-starts-with"][..],
    ] {
        let out = run_example(args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("usage: query_resource_types"), "{args:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn real_mode_queries_the_server_at_wix_api_base_url() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/bookings/v2/resources/resource-types/query"))
        .and(header("authorization", "test-api-key"))
        .and(header("wix-site-id", "test-site"))
        .and(body_json(serde_json::json!({"query": {
            "filter": {"name": {"$startsWith": "room"}},
            "sort": [{"fieldName": "name", "order": "ASC"}],
            "cursorPaging": {"cursor": null, "limit": 50}
        }})))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "resourceTypes": [{"id": "id-1", "name": "room A"}, {"id": "id-2", "name": "room B"}],
            "pagingMetadata": {"count": 2, "cursors": {}, "hasNext": false}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let uri = server.uri();
    let out = tokio::task::spawn_blocking(move || {
        run_example(
            &["--name-starts-with", "room"],
            &[
                ("WIX_API_KEY", "test-api-key"),
                ("WIX_SITE_ID", "test-site"),
                ("WIX_API_BASE_URL", &uri),
            ],
        )
    })
    .await
    .expect("example ran");
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {}",
        text(&out.stderr)
    );
    assert_eq!(stdout, "id-1\troom A\nid-2\troom B\n");
    assert!(text(&out.stderr).starts_with(&format!("Calling the Wix API at {}", server.uri())));
}
