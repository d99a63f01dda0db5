//! Retry rules: which answers and methods are retried, Retry-After, limits.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Recorder, closed_port_url, fast_policy, get_items, post_items};
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::{ApiRequest, Auth, Client, Error, ErrorKind, HttpMethod, RequestOptions, RetryPolicy};

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"ok": true}))
}

/// Answers `status` for the first `times` requests of `http_method`, then 200.
async fn fail_then_succeed(server: &MockServer, http_method: &str, status: u16, times: u64) {
    Mock::given(method(http_method))
        .respond_with(ResponseTemplate::new(status))
        .up_to_n_times(times)
        .expect(times)
        .mount(server)
        .await;
    Mock::given(method(http_method)).respond_with(ok()).mount(server).await;
}

async fn hits(server: &MockServer) -> usize {
    server.received_requests().await.expect("recording").len()
}

#[tokio::test]
async fn get_503_three_times_then_200_succeeds() {
    let server = MockServer::start().await;
    fail_then_succeed(&server, "GET", 503, 3).await;
    let value: Value = common::client(&server)
        .send(get_items())
        .await
        .expect("succeeds on the 4th attempt");
    assert_eq!(value, json!({"ok": true}));
    assert_eq!(hits(&server).await, 4);
}

#[tokio::test]
async fn retry_after_429_then_200() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST")).respond_with(ok()).mount(&server).await;
    let recorder = Arc::new(Recorder::default());
    // Retry-After (1 s) is within the policy's max backoff (2 s): waited for.
    let client = common::builder(&server)
        .retry_policy(fast_policy().max_backoff(Duration::from_secs(2)))
        .shared_observer(recorder.clone())
        .build()
        .expect("client");
    // 429 is retried even for POST.
    let _: Value = client.send(post_items()).await.expect("ok after 429");
    assert_eq!(hits(&server).await, 2);
    let responses = recorder.responses.lock().expect("lock");
    assert_eq!(responses[0].status, Some(429));
    assert!(responses[0].will_retry);
    assert_eq!(responses[0].retry_delay, Some(Duration::from_secs(1)));
    assert_eq!(responses[1].status, Some(200));
}

#[tokio::test]
async fn retry_after_replaces_the_computed_backoff() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET")).respond_with(ok()).mount(&server).await;
    let recorder = Arc::new(Recorder::default());
    // The computed backoff would be 0.5-1 s; Retry-After: 0 means retry at once.
    let policy = fast_policy()
        .initial_backoff(Duration::from_secs(1))
        .max_backoff(Duration::from_secs(2));
    let client = common::builder(&server)
        .retry_policy(policy)
        .shared_observer(recorder.clone())
        .build()
        .expect("client");
    let _: Value = client.send(get_items()).await.expect("ok");
    let responses = recorder.responses.lock().expect("lock");
    assert_eq!(responses[0].retry_delay, Some(Duration::ZERO));
}

#[tokio::test]
async fn retries_exhausted_returns_the_last_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).set_body_json(json!({"message": "overloaded"})))
        .expect(3)
        .mount(&server)
        .await;
    let client = common::builder(&server)
        .retry_policy(fast_policy().max_attempts(3))
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("gives up");
    assert_eq!(err.status(), Some(503));
    assert!(err.is_retryable());
    let api = err.api_error().expect("api");
    assert_eq!(api.attempts, 3);
    assert_eq!(api.message.as_deref(), Some("overloaded"));
    assert!(err.to_string().contains("after 3 attempts"));
}

#[tokio::test]
async fn post_is_not_retried_after_503_by_default() {
    let server = MockServer::start().await;
    fail_then_succeed(&server, "POST", 503, 1).await;
    let err = common::client(&server)
        .send::<Value>(post_items())
        .await
        .expect_err("not retried");
    assert_eq!(err.status(), Some(503));
    assert_eq!(hits(&server).await, 1);
}

#[tokio::test]
async fn post_is_retried_after_503_when_opted_in() {
    let server = MockServer::start().await;
    fail_then_succeed(&server, "POST", 503, 2).await;
    let opts = RequestOptions::default().retry_non_idempotent(true);
    let _: Value = common::client(&server)
        .send(post_items().options(&opts))
        .await
        .expect("retried");
    assert_eq!(hits(&server).await, 3);
}

#[tokio::test]
async fn delete_is_retried_on_502_and_504() {
    let server = MockServer::start().await;
    fail_then_succeed(&server, "DELETE", 502, 1).await;
    let delete = ApiRequest::new(HttpMethod::Delete, "test.delete").path("/v1/items/1");
    let _: Value = common::client(&server).send(delete).await.expect("retried");

    let server = MockServer::start().await;
    fail_then_succeed(&server, "GET", 504, 1).await;
    let _: Value = common::client(&server).send(get_items()).await.expect("retried");
}

#[tokio::test]
async fn client_errors_and_500_are_not_retried() {
    for status in [400, 404, 409, 500] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(status))
            .expect(1)
            .mount(&server)
            .await;
        let err = common::client(&server)
            .send::<Value>(get_items())
            .await
            .expect_err("fails");
        assert_eq!(err.status(), Some(status));
    }
}

#[tokio::test]
async fn max_elapsed_stops_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let policy = fast_policy()
        .initial_backoff(Duration::from_secs(1))
        .max_backoff(Duration::from_secs(2))
        .max_elapsed(Duration::from_millis(100));
    let client = common::builder(&server).retry_policy(policy).build().expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("no time to retry");
    assert_eq!(err.status(), Some(503));
}

#[tokio::test]
async fn connection_failures_retry_get_but_not_post() {
    let recorder = Arc::new(Recorder::default());
    let client = Client::builder()
        .base_url(closed_port_url())
        .auth(Auth::access_token("t"))
        .retry_policy(fast_policy().max_attempts(3))
        .shared_observer(recorder.clone())
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("down");
    assert!(matches!(err, Error::Transport { attempts: 3, .. }), "{err:?}");
    let err = client.send::<Value>(post_items()).await.expect_err("down");
    assert!(matches!(err, Error::Transport { attempts: 1, .. }), "{err:?}");
    let responses = recorder.responses.lock().expect("lock");
    assert_eq!(responses.len(), 4);
    assert!(
        responses
            .iter()
            .all(|r| r.error == Some(ErrorKind::Transport) && r.status.is_none())
    );
    let retried: Vec<bool> = responses.iter().map(|r| r.will_retry).collect();
    assert_eq!(retried, [true, true, false, false]);
}

#[tokio::test]
async fn no_retry_policy_makes_one_attempt() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429))
        .expect(1)
        .mount(&server)
        .await;
    let client = common::builder(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("429");
    assert_eq!(err.status(), Some(429));
}
