//! The `get_or_create_conversation` example, run as a user runs it: in its mock
//! mode, and in its real mode against a server that speaks the Wix API
//! (here a local wiremock server) named by `WIX_API_BASE_URL`.

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
        "get_or_create_conversation",
        "--",
    ])
    .args(args);
    for key in [
        "WIX_API_KEY",
        "WIX_SITE_ID",
        "WIX_ACCOUNT_ID",
        "WIX_API_BASE_URL",
        "RUST_LOG",
    ] {
        cmd.env_remove(key);
    }
    cmd.envs(env.iter().copied());
    cmd.output().expect("run cargo")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn mock_mode_says_so_first_and_prints_the_conversation() {
    let out = run_example(&["--member-id", "b17c523c-6ec9-4b56-9d9d-123cc6978bdf"], &[]);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {}",
        text(&out.stderr)
    );
    let first = stdout.lines().next().unwrap_or_default();
    assert!(first.contains("built-in local mock server"), "{first}");
    assert!(
        stdout.contains("site member b17c523c-6ec9-4b56-9d9d-123cc6978bdf"),
        "{stdout}"
    );
    assert!(stdout.contains("channels:     CHAT, EMAIL"), "{stdout}");
}

#[test]
fn mock_mode_with_rust_log_traces_the_call_and_its_retry_on_stderr() {
    let out = run_example(
        &["--member-id", "b17c523c-6ec9-4b56-9d9d-123cc6978bdf"],
        &[("RUST_LOG", "wix_client=debug")],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let span = "wix_call{operation=\"inbox.ConversationsService.getOrCreateConversation\" method=\"POST\" \
                path=/inbox/v2/conversations}";
    let attempts: Vec<&str> = stderr.lines().filter(|l| l.contains(span)).collect();
    assert_eq!(attempts.len(), 2, "{stderr}");
    assert!(
        attempts[0].contains("attempt=1 status=429") && attempts[0].contains("request_id=\"mock-request-0\""),
        "{stderr}"
    );
    assert!(
        attempts[1].contains("attempt=2 status=200") && attempts[1].contains("request_id=\"mock-request-1\""),
        "{stderr}"
    );
    assert!(!stderr.contains("mock-api-key"), "{stderr}");
    // Logs go to stderr: stdout is the conversation only.
    assert!(!text(&out.stdout).contains("wix_call"));
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    let out = run_example(&["--member-id"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("usage: get_or_create_conversation"));
}

#[tokio::test(flavor = "multi_thread")]
async fn real_mode_calls_the_server_at_wix_api_base_url() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/inbox/v2/conversations"))
        .and(header("authorization", "test-api-key"))
        .and(header("wix-site-id", "test-site"))
        .and(body_json(
            serde_json::json!({"participantId": {"contactId": "c5ef5c35"}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "conversation": {
                "id": "7d313780-d237-3d5e-bfdb-f348bf615140",
                "participant": {"contactId": "c5ef5c35"},
                "businessDisplayData": {"name": "Ticket Express"},
                "participantDisplayData": {"name": "Connor Dawson"}
            },
            "newConversation": true
        })))
        .expect(1)
        .mount(&server)
        .await;
    let uri = server.uri();
    let out = tokio::task::spawn_blocking(move || {
        run_example(
            &["--contact-id", "c5ef5c35"],
            &[
                ("WIX_API_KEY", "test-api-key"),
                ("WIX_SITE_ID", "test-site"),
                ("WIX_API_BASE_URL", &uri),
            ],
        )
    })
    .await
    .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {}",
        text(&out.stderr)
    );
    assert!(
        stdout.starts_with(&format!("Calling the Wix API at {}", server.uri())),
        "{stdout}"
    );
    assert!(
        stdout.contains("Conversation 7d313780-d237-3d5e-bfdb-f348bf615140"),
        "{stdout}"
    );
    assert!(stdout.contains("contact c5ef5c35 (Connor Dawson)"), "{stdout}");
    assert!(stdout.contains("conversation: created now"), "{stdout}");
    assert!(!stdout.contains("test-api-key") && !text(&out.stderr).contains("test-api-key"));
}

#[tokio::test(flavor = "multi_thread")]
async fn real_mode_failure_exits_non_zero_with_the_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).insert_header("x-wix-request-id", "req-42").set_body_json(
            serde_json::json!({"message": "Forbidden", "details": {"applicationError": {"code": "UNAUTHORIZED_OPERATION", "description": "no permission"}}}),
        ))
        .mount(&server)
        .await;
    let uri = server.uri();
    let out = tokio::task::spawn_blocking(move || {
        run_example(
            &["--member-id", "m1"],
            &[
                ("WIX_API_KEY", "secret-key-1"),
                ("WIX_SITE_ID", "s"),
                ("WIX_API_BASE_URL", &uri),
            ],
        )
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("403") && stderr.contains("UNAUTHORIZED_OPERATION"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret-key-1"), "{stderr}");
}

/// Issue 22, acceptance 3: a server that answers every call with 429 and
/// `Retry-After: 3600` gets one request, and the example exits with a clear
/// rate-limit error within a second of it, instead of retrying early.
#[tokio::test(flavor = "multi_thread")]
async fn real_mode_rate_limited_for_an_hour_fails_at_once_with_a_rate_limit_error() {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    /// Answers 429 and notes when each request arrived.
    struct RateLimited(std::sync::Arc<Mutex<Vec<Instant>>>);
    impl wiremock::Respond for RateLimited {
        fn respond(&self, _request: &wiremock::Request) -> ResponseTemplate {
            self.0.lock().expect("lock").push(Instant::now());
            ResponseTemplate::new(429)
                .insert_header("retry-after", "3600")
                .set_body_json(serde_json::json!({"message": "Too many requests"}))
        }
    }

    let server = MockServer::start().await;
    let arrivals = std::sync::Arc::new(Mutex::new(Vec::new()));
    Mock::given(wiremock::matchers::any())
        .respond_with(RateLimited(arrivals.clone()))
        .mount(&server)
        .await;
    let uri = server.uri();
    let out = tokio::task::spawn_blocking(move || {
        let out = run_example(
            &["--member-id", "m1"],
            &[
                ("WIX_API_KEY", "secret-key-2"),
                ("WIX_SITE_ID", "s"),
                ("WIX_API_BASE_URL", &uri),
            ],
        );
        (out, Instant::now())
    });
    // Cargo may have to build the example first: give the whole run time, then time the part after the request.
    let (out, exited) = tokio::time::timeout(Duration::from_secs(600), out)
        .await
        .expect("the example ends")
        .unwrap();
    let arrivals = arrivals.lock().expect("lock").clone();
    let stderr = text(&out.stderr);
    assert_eq!(arrivals.len(), 1, "one request, no retry loop; stderr: {stderr}");
    let after_request = exited.duration_since(arrivals[0]);
    assert!(
        after_request < Duration::from_secs(1),
        "exited {after_request:?} after the request"
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("rate limit") && stderr.contains("3600 s") && stderr.contains("429"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret-key-2"), "{stderr}");
}
