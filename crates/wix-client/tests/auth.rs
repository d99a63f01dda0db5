//! Authentication: headers of each auth mode, OAuth token fetch, reuse and refresh.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{TokenSequence, fast_policy, get_items};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, header_exists, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::{Auth, Client, Error, OAuthApp};

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"items": []}))
}

async fn header_names(server: &MockServer) -> Vec<Vec<String>> {
    server
        .received_requests()
        .await
        .expect("recording on")
        .iter()
        .map(|r| r.headers.keys().map(|k| k.as_str().to_owned()).collect())
        .collect()
}

#[tokio::test]
async fn api_key_for_site_sends_key_and_site_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/items"))
        .and(header("authorization", "IST.site-key"))
        .and(header("wix-site-id", "site-1"))
        .and(header("accept", "application/json"))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::api_key_for_site("IST.site-key", "site-1"))
        .build()
        .expect("client");
    let _: Value = client.send(get_items()).await.expect("ok");
    assert!(
        !header_names(&server).await[0].contains(&"wix-account-id".to_owned()),
        "no account header for a site key"
    );
}

#[tokio::test]
async fn api_key_for_account_sends_key_and_account_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("authorization", "IST.account-key"))
        .and(header("wix-account-id", "account-1"))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::api_key_for_account("IST.account-key", "account-1"))
        .build()
        .expect("client");
    let _: Value = client.send(get_items()).await.expect("ok");
    assert!(!header_names(&server).await[0].contains(&"wix-site-id".to_owned()));
}

#[tokio::test]
async fn access_token_with_builder_site_id_and_default_header() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("authorization", "fixed-token"))
        .and(header("wix-site-id", "site-2"))
        .and(header("x-team", "growth"))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("fixed-token"))
        .site_id("site-2")
        .default_header("x-team", "growth")
        .build()
        .expect("client");
    let _: Value = client.send(get_items()).await.expect("ok");
}

#[tokio::test]
async fn request_headers_are_added_and_override_defaults() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("x-team", "override"))
        .and(header("x-correlation-id", "job-1"))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    let client = common::builder(&server)
        .default_header("x-team", "growth")
        .build()
        .expect("client");
    let opts = wix_client::RequestOptions::default()
        .header("x-team", "override")
        .header("x-correlation-id", "job-1");
    let _: Value = client.send(get_items().options(&opts)).await.expect("ok");
}

fn oauth_client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .auth(Auth::oauth_app(OAuthApp::new("app-id", "app-secret", "instance-1")))
        .retry_policy(fast_policy())
        .token_refresh_margin(Duration::from_secs(60))
        .build()
        .expect("client")
}

async fn mount_token(server: &MockServer, expires_in: i64) -> Arc<TokenSequence> {
    let tokens = Arc::new(TokenSequence::new(expires_in));
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "grant_type": "client_credentials",
            "client_id": "app-id",
            "client_secret": "app-secret",
            "instance_id": "instance-1",
        })))
        .respond_with(SharedResponder(Arc::clone(&tokens)))
        .mount(server)
        .await;
    tokens
}

/// Lets a test keep a handle on a responder mounted on the server.
struct SharedResponder(Arc<TokenSequence>);

impl wiremock::Respond for SharedResponder {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        self.0.respond(request)
    }
}

fn token_calls(tokens: &TokenSequence) -> usize {
    tokens.calls.load(std::sync::atomic::Ordering::SeqCst)
}

#[tokio::test]
async fn oauth_fetches_a_token_and_reuses_it() {
    let server = MockServer::start().await;
    let tokens = mount_token(&server, 14_400).await;
    Mock::given(method("GET"))
        .and(path("/v1/items"))
        .and(header("authorization", "tok-0"))
        .respond_with(ok())
        .expect(5)
        .mount(&server)
        .await;
    let client = oauth_client(&server);
    for _ in 0..5 {
        let _: Value = client.send(get_items()).await.expect("ok");
    }
    assert_eq!(token_calls(&tokens), 1, "token endpoint hit once");
}

#[tokio::test]
async fn concurrent_requests_share_one_token_fetch() {
    let server = MockServer::start().await;
    let tokens = mount_token(&server, 14_400).await;
    Mock::given(method("GET"))
        .and(header("authorization", "tok-0"))
        .respond_with(ok())
        .expect(32)
        .mount(&server)
        .await;
    let client = oauth_client(&server);
    let tasks: Vec<_> = (0..32)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.send::<Value>(get_items()).await })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("ok");
    }
    assert_eq!(token_calls(&tokens), 1, "single-flight token fetch");
}

#[tokio::test]
async fn oauth_refreshes_a_token_that_has_expired() {
    let server = MockServer::start().await;
    // Every token expires at once: each call needs a new one. (A token living less
    // than the margin is kept for half its life: see `hardening.rs`, point 7.)
    let tokens = mount_token(&server, 0).await;
    Mock::given(method("GET"))
        .and(header("authorization", "tok-0"))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(header("authorization", "tok-1"))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    let client = oauth_client(&server);
    let _: Value = client.send(get_items()).await.expect("first");
    let _: Value = client.send(get_items()).await.expect("second");
    assert_eq!(token_calls(&tokens), 2);
}

#[tokio::test]
async fn oauth_refreshes_once_after_a_401_and_retries() {
    let server = MockServer::start().await;
    let tokens = mount_token(&server, 14_400).await;
    Mock::given(method("POST"))
        .and(path("/v1/items"))
        .and(header("authorization", "tok-0"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"message": "expired"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/items"))
        .and(header("authorization", "tok-1"))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    let client = oauth_client(&server);
    // A POST: the 401 refresh applies to every method.
    let _: Value = client.send(common::post_items()).await.expect("ok");
    assert_eq!(token_calls(&tokens), 2);
}

#[tokio::test]
async fn oauth_gives_up_after_a_second_401() {
    let server = MockServer::start().await;
    let tokens = mount_token(&server, 14_400).await;
    Mock::given(method("GET"))
        .and(header_exists("authorization"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"message": "nope"})))
        .expect(2)
        .mount(&server)
        .await;
    let client = oauth_client(&server);
    let err = client.send::<Value>(get_items()).await.expect_err("401");
    assert_eq!(err.status(), Some(401));
    assert_eq!(token_calls(&tokens), 2, "one refresh only");
}

#[tokio::test]
async fn fixed_token_401_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Value>(get_items())
        .await
        .expect_err("401");
    assert_eq!(err.status(), Some(401));
}

#[tokio::test]
async fn token_endpoint_failure_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "message": "invalid client secret",
            "details": {"applicationError": {"code": "INVALID_CLIENT", "description": "bad"}}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let err = oauth_client(&server)
        .send::<Value>(get_items())
        .await
        .expect_err("auth fails");
    let Error::Auth { source, .. } = &err else {
        panic!("expected an auth error, got {err:?}");
    };
    assert_eq!(source.status(), Some(400));
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.operation(), Some("oauth2.token"));
    let text = err.to_string();
    assert!(text.contains("invalid client secret"), "{text}");
    assert!(text.contains("client secret and instance ID"), "{text}");
    assert!(!text.contains("app-secret"));
}

#[tokio::test]
async fn token_with_a_line_break_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok\r\nx-evil: 1",
            "expires_in": 100,
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok())
        .expect(0)
        .mount(&server)
        .await;
    let err = oauth_client(&server)
        .send::<Value>(get_items())
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert!(!format!("{err:?}{err}").contains("tok\r\n"));
}

#[tokio::test]
async fn huge_or_missing_token_lifetimes_do_not_break_the_cache() {
    for body in [
        json!({"access_token": "tok-x", "expires_in": "9223372036854775807"}),
        json!({"access_token": "tok-x"}),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/oauth2/token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(header("authorization", "tok-x"))
            .respond_with(ok())
            .expect(2)
            .mount(&server)
            .await;
        let client = oauth_client(&server);
        for _ in 0..2 {
            let _: Value = client.send(get_items()).await.expect("ok");
        }
    }
}
