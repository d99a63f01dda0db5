//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::json;
use wiremock::{MockServer, Request, Respond, ResponseTemplate};
use wix_client::{
    ApiRequest, Auth, Client, ClientBuilder, HttpMethod, Observer, RequestInfo, ResponseInfo, RetryPolicy,
};

/// A retry policy with tiny waits, so retry tests run fast.
pub fn fast_policy() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
        .max_elapsed(Duration::from_secs(10))
}

/// A builder pointed at `server`, with a fixed token and the fast policy.
pub fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("test-token"))
        .retry_policy(fast_policy())
}

/// A client pointed at `server`, with a fixed token and the fast policy.
pub fn client(server: &MockServer) -> Client {
    builder(server).build().expect("client builds")
}

/// `GET /v1/items`.
pub fn get_items() -> ApiRequest {
    ApiRequest::new(HttpMethod::Get, "test.ItemsService.listItems").path("/v1/items")
}

/// `POST /v1/items`.
pub fn post_items() -> ApiRequest {
    ApiRequest::new(HttpMethod::Post, "test.ItemsService.createItem")
        .path("/v1/items")
        .json(&json!({"item": {"name": "a"}}))
        .expect("body serializes")
}

/// Answers token requests with `tok-0`, `tok-1`, ... and a fixed `expires_in`.
pub struct TokenSequence {
    pub calls: AtomicUsize,
    pub expires_in: i64,
}

impl TokenSequence {
    pub fn new(expires_in: i64) -> Self {
        TokenSequence {
            calls: AtomicUsize::new(0),
            expires_in,
        }
    }
}

impl Respond for TokenSequence {
    fn respond(&self, _request: &Request) -> ResponseTemplate {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        ResponseTemplate::new(200).set_body_json(json!({
            "access_token": format!("tok-{n}"),
            "expires_in": self.expires_in,
        }))
    }
}

/// Records everything an observer is told.
#[derive(Default)]
pub struct Recorder {
    pub requests: Mutex<Vec<RequestInfo>>,
    pub responses: Mutex<Vec<ResponseInfo>>,
}

impl Observer for Recorder {
    fn on_request(&self, info: &RequestInfo) {
        self.requests.lock().expect("lock").push(info.clone());
    }

    fn on_response(&self, info: &ResponseInfo) {
        self.responses.lock().expect("lock").push(info.clone());
    }
}

/// A local address where nothing listens (connection refused).
pub fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}
