//! The `tracing` output of calls (feature `tracing`, on by default), captured
//! as text by a `tracing-subscriber` formatter: the call's span, one event per
//! attempt, the request IDs, a warning when retries run out; never a key, a
//! token, a body, a query string or the filled path.
#![cfg(feature = "tracing")]

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tracing_subscriber::util::SubscriberInitExt;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::{ApiRequest, Auth, Client, HttpMethod, OAuthApp};

/// Everything the formatter writes, shared with the test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("lock")).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures every `wix_client` event down to `DEBUG` on this thread until the
/// guard is dropped (the tests run on a current-thread runtime).
fn capture() -> (Captured, impl Drop) {
    let captured = Captured::default();
    let writer = captured.clone();
    let guard = tracing_subscriber::fmt()
        .with_env_filter("wix_client=debug")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish()
        .set_default();
    (captured, guard)
}

const USER_ID: &str = "conv-of-user-8c2f";
const API_KEY: &str = "IST.api-key-never-logged";

fn get_conversation() -> ApiRequest {
    ApiRequest::new(HttpMethod::Get, "inbox.ConversationsService.getConversation")
        .path("/inbox/v2/conversations/")
        .path_field(Some(USER_ID), "conversationId")
        .query(&json!({"fieldsets": "secret-query-value"}))
        .expect("query")
}

async fn answer_429_then_200(server: &MockServer) {
    let route = format!("/inbox/v2/conversations/{USER_ID}");
    Mock::given(method("GET"))
        .and(path(route.as_str()))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("x-wix-request-id", "req-throttled-1")
                .set_body_json(json!({"message": "secret-error-body"})),
        )
        .up_to_n_times(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(route.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-wix-request-id", "req-ok-2")
                .set_body_json(json!({"conversation": {"id": "secret-response-body"}})),
        )
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_429_then_success_is_a_span_with_two_attempt_events_and_no_secret() {
    let server = MockServer::start().await;
    answer_429_then_200(&server).await;
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::api_key_for_site(API_KEY, "site-1"))
        .retry_policy(common::fast_policy())
        .build()
        .expect("client");

    let (captured, guard) = capture();
    let _: Value = client.send(get_conversation()).await.expect("the retry succeeds");
    drop(guard);
    let text = captured.text();

    let attempts: Vec<&str> = text.lines().filter(|l| l.contains(" attempt=")).collect();
    assert_eq!(attempts.len(), 2, "two attempt events:\n{text}");
    for line in &attempts {
        assert!(
            line.contains(
                "wix_call{operation=\"inbox.ConversationsService.getConversation\" method=\"GET\" \
                 path=/inbox/v2/conversations/{conversationId}}"
            ),
            "each event is inside the call's span, with the path template:\n{line}"
        );
    }
    let first = attempts[0];
    assert!(first.contains("INFO") && first.contains("attempt failed"), "{first}");
    assert!(first.contains("attempt=1") && first.contains("status=429"), "{first}");
    assert!(first.contains("request_id=\"req-throttled-1\""), "{first}");
    assert!(
        first.contains("will_retry=true") && first.contains("retry_delay_ms="),
        "{first}"
    );
    let second = attempts[1];
    assert!(
        second.contains("DEBUG") && second.contains("attempt succeeded"),
        "{second}"
    );
    assert!(
        second.contains("attempt=2") && second.contains("status=200"),
        "{second}"
    );
    assert!(second.contains("request_id=\"req-ok-2\""), "{second}");
    assert!(!text.contains("WARN"), "it succeeded: no warning\n{text}");

    for secret in [
        API_KEY,
        "secret-query-value",
        "secret-error-body",
        "secret-response-body",
        USER_ID,
        "site-1",
    ] {
        assert!(!text.contains(secret), "`{secret}` in the trace:\n{text}");
    }
}

#[tokio::test]
async fn retries_running_out_is_a_warning() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("x-wix-request-id", "req-throttled"))
        .mount(&server)
        .await;
    let client = common::builder(&server)
        .retry_policy(common::fast_policy().max_attempts(2))
        .build()
        .expect("client");

    let (captured, guard) = capture();
    let error = client.send::<Value>(get_conversation()).await.expect_err("always 429");
    drop(guard);
    let text = captured.text();

    assert_eq!(error.status(), Some(429));
    assert_eq!(text.lines().filter(|l| l.contains(" attempt=")).count(), 2, "{text}");
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains("WARN")).collect();
    assert_eq!(warnings.len(), 1, "{text}");
    assert!(warnings[0].contains("retries ran out"), "{}", warnings[0]);
    assert!(
        warnings[0].contains("attempts=2") && warnings[0].contains("status=429"),
        "{}",
        warnings[0]
    );
    assert!(warnings[0].contains("request_id=\"req-throttled\""), "{}", warnings[0]);
    assert!(!text.contains("test-token"), "the token is not traced:\n{text}");
}

#[tokio::test]
async fn oauth_token_requests_are_traced_without_the_secret_or_the_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok-secret-access-token",
            "expires_in": 3600,
        })))
        .mount(&server)
        .await;
    answer_429_then_200(&server).await;
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::oauth_app(OAuthApp::new(
            "app-id-1",
            "app-secret-never-logged",
            "instance-id-never-logged",
        )))
        .retry_policy(common::fast_policy())
        .build()
        .expect("client");

    let (captured, guard) = capture();
    let _: Value = client.send(get_conversation()).await.expect("ok");
    drop(guard);
    let text = captured.text();

    assert!(
        text.contains("operation=\"oauth2.token\""),
        "the token request has its span:\n{text}"
    );
    for secret in [
        "tok-secret-access-token",
        "app-secret-never-logged",
        "instance-id-never-logged",
    ] {
        assert!(!text.contains(secret), "`{secret}` in the trace:\n{text}");
    }
}
