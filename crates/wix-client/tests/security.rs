//! Secrets stay out of `Debug` output and errors; path parameters stay in
//! their segment; header values with line breaks are never sent.

mod common;

use std::time::Duration;

use common::{closed_port_url, fast_policy, get_items};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::{
    ApiRequest, Auth, Client, Error, ErrorKind, HttpMethod, OAuthApp, RequestOptions, RetryPolicy, Secret,
};

const API_KEY: &str = "IST.api-key-SECRET-1";
const CLIENT_SECRET: &str = "client-secret-SECRET-2";
const TOKEN: &str = "OauthNG.token-SECRET-3";
const HEADER_SECRET: &str = "header-SECRET-4";

fn assert_no_secret(text: &str) {
    for secret in [API_KEY, CLIENT_SECRET, TOKEN, HEADER_SECRET, "SECRET"] {
        assert!(!text.contains(secret), "{secret:?} leaked in {text}");
    }
}

fn all_auths() -> Vec<Auth> {
    vec![
        Auth::api_key_for_site(API_KEY, "site-1"),
        Auth::api_key_for_account(API_KEY, "account-1"),
        Auth::oauth_app(OAuthApp::new("app-id", CLIENT_SECRET, "instance-1")),
        Auth::access_token(TOKEN),
    ]
}

#[test]
fn auth_configs_builders_and_clients_do_not_debug_secrets() {
    assert_no_secret(&format!("{:?}", Secret::new(TOKEN)));
    assert_no_secret(&format!("{:?}", OAuthApp::new("app-id", CLIENT_SECRET, "i")));
    for auth in all_auths() {
        assert_no_secret(&format!("{auth:?}"));
        let builder = Client::builder()
            .auth(auth)
            .default_header("x-api-secret", HEADER_SECRET);
        assert_no_secret(&format!("{builder:?}"));
        let client = builder.build().expect("client");
        let text = format!("{client:?} {client:#?}");
        assert_no_secret(&text);
        assert!(text.contains("x-api-secret"), "header names are shown: {text}");
    }
}

#[test]
fn requests_and_options_do_not_debug_header_values_or_bodies() {
    let opts = RequestOptions::default().header("authorization", HEADER_SECRET);
    assert_no_secret(&format!("{opts:?}"));
    let req = ApiRequest::new(HttpMethod::Post, "test.op")
        .path("/v1/x")
        .json(&json!({"password": HEADER_SECRET}))
        .expect("body")
        .query(&json!({"token": HEADER_SECRET}))
        .expect("query")
        .options(&opts);
    assert_no_secret(&format!("{req:?}"));
}

/// Builds one error of every kind with secrets configured everywhere.
async fn errors_of_every_kind() -> Vec<Error> {
    let mut errors = Vec::new();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": 12345, // wrong type: decode error on the token response
            "expires_in": TOKEN,
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/api-error"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "denied"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/decode"))
        .respond_with(ResponseTemplate::new(200).set_body_string("not json"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/rate-limited"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/large"))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(2048)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/slow"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;

    let opts = RequestOptions::default().header("x-api-secret", HEADER_SECRET);
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::api_key_for_site(API_KEY, "site-1"))
        .default_header("x-default-secret", HEADER_SECRET)
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_millis(100))
        .max_response_body(1024)
        .build()
        .expect("client");
    let get = |p: &'static str| ApiRequest::new(HttpMethod::Get, "test.op").path(p).options(&opts);
    for p in ["/v1/api-error", "/v1/decode", "/v1/slow"] {
        errors.push(client.send::<Value>(get(p)).await.expect_err(p));
    }
    let bad_header = RequestOptions::default().header("x-evil", format!("{HEADER_SECRET}\r\nx: 1"));
    errors.push(
        client
            .send::<Value>(get("/v1/x").options(&bad_header))
            .await
            .expect_err("invalid"),
    );

    let oauth = Client::builder()
        .base_url(server.uri())
        .auth(Auth::oauth_app(OAuthApp::new("app-id", CLIENT_SECRET, "instance-1")))
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    errors.push(oauth.send::<Value>(get("/v1/x")).await.expect_err("auth"));

    let down = Client::builder()
        .base_url(closed_port_url())
        .auth(Auth::access_token(TOKEN))
        .retry_policy(fast_policy().max_attempts(1))
        .build()
        .expect("client");
    errors.push(down.send::<Value>(get("/v1/x")).await.expect_err("transport"));

    errors.push(
        Client::builder()
            .auth(Auth::access_token(format!("{TOKEN}\n")))
            .build()
            .expect_err("config"),
    );
    for p in ["/v1/rate-limited", "/v1/large"] {
        errors.push(client.send::<Value>(get(p)).await.expect_err(p));
    }
    errors
}

#[tokio::test]
async fn no_error_kind_shows_a_secret() {
    let errors = errors_of_every_kind().await;
    let kinds: Vec<ErrorKind> = errors.iter().map(Error::kind).collect();
    assert_eq!(
        kinds,
        [
            ErrorKind::Api,
            ErrorKind::Decode,
            ErrorKind::Timeout,
            ErrorKind::InvalidRequest,
            ErrorKind::Auth,
            ErrorKind::Transport,
            ErrorKind::Config,
            ErrorKind::RateLimited,
            ErrorKind::ResponseTooLarge,
        ]
    );
    for error in &errors {
        let mut text = format!("{error:?} {error:#?} {error}");
        let mut source = std::error::Error::source(error);
        while let Some(inner) = source {
            text.push_str(&format!(" {inner:?} {inner}"));
            source = inner.source();
        }
        assert_no_secret(&text);
    }
    // The token response's body and serde message are hidden: they may hold a token.
    let auth = errors[4].to_string();
    assert!(auth.contains("details hidden"), "{auth}");
}

/// Sends `GET /v1/items/{param}/details` and returns the path the server saw.
async fn received_path(param: &str) -> Result<String, Error> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let req = ApiRequest::new(HttpMethod::Get, "test.getItem")
        .path("/v1/items/")
        .path_param(param)
        .path("/details");
    common::client(&server).send::<Value>(req).await?;
    let received = server.received_requests().await.expect("recording");
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].url.query(), None, "no query injected");
    assert_eq!(received[0].url.fragment(), None);
    Ok(received[0].url.path().to_owned())
}

#[tokio::test]
async fn hostile_path_params_stay_inside_their_segment() {
    let cases = [
        ("../x", "/v1/items/..%2Fx/details"),
        ("a/b", "/v1/items/a%2Fb/details"),
        ("%2F", "/v1/items/%252F/details"),
        ("?x=1#y", "/v1/items/%3Fx%3D1%23y/details"),
        ("%2e%2e", "/v1/items/%252e%252e/details"),
        ("...", "/v1/items/.../details"),
        ("a b\\c", "/v1/items/a%20b%5Cc/details"),
        ("é", "/v1/items/%C3%A9/details"),
    ];
    for (param, expected) in cases {
        let received = received_path(param).await.expect(param);
        assert_eq!(received, expected, "param {param:?}");
        assert_eq!(received.split('/').count(), 5, "one segment for {param:?}");
    }
}

#[tokio::test]
async fn dot_segments_and_empty_params_are_refused_and_never_sent() {
    for param in ["..", ".", ""] {
        let server = MockServer::start().await;
        let req = ApiRequest::new(HttpMethod::Delete, "test.deleteItem")
            .path("/v1/items/")
            .path_param(param);
        let err = common::client(&server).send::<Value>(req).await.expect_err(param);
        assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{param:?}");
        assert!(
            server.received_requests().await.expect("recording").is_empty(),
            "{param:?} was sent"
        );
    }
}

#[tokio::test]
async fn multi_segment_params_keep_their_slashes_and_nothing_else() {
    let cases = [
        ("a/b", "/v1/pages/a/b/x"),
        ("blog/2024 recap", "/v1/pages/blog/2024%20recap/x"),
        ("a/?x=1#y", "/v1/pages/a/%3Fx%3D1%23y/x"),
        ("a/%2F", "/v1/pages/a/%252F/x"),
        ("...", "/v1/pages/.../x"),
    ];
    for (value, expected) in cases {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&server)
            .await;
        let req = ApiRequest::new(HttpMethod::Get, "test.getPage")
            .path("/v1/pages/")
            .path_segments(value)
            .path("/x");
        common::client(&server).send::<Value>(req).await.expect(value);
        let received = server.received_requests().await.expect("recording");
        assert_eq!(received[0].url.path(), expected, "{value:?}");
        assert_eq!(received[0].url.query(), None, "no query injected by {value:?}");
    }
    // Dot segments and empty segments are refused, never sent.
    for value in ["a/../b", "..", "./a", "a//b", "/a", "a/", ""] {
        let server = MockServer::start().await;
        let req = ApiRequest::new(HttpMethod::Get, "test.getPage")
            .path("/v1/pages/")
            .path_segments(value);
        let err = common::client(&server).send::<Value>(req).await.expect_err(value);
        assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{value:?}");
        assert!(
            server.received_requests().await.expect("recording").is_empty(),
            "{value:?} was sent"
        );
    }
}

#[tokio::test]
async fn a_path_field_that_is_unset_is_refused_naming_the_field() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let ok = ApiRequest::new(HttpMethod::Patch, "test.updateBadge")
        .path("/v1/badges/")
        .path_field(Some("b/1"), "badge.id");
    common::client(&server).send::<Value>(ok).await.expect("sent");
    let received = server.received_requests().await.expect("recording");
    assert_eq!(
        received[0].url.path(),
        "/v1/badges/b%2F1",
        "one segment, like path_param"
    );

    let missing = ApiRequest::new(HttpMethod::Patch, "test.updateBadge")
        .path("/v1/badges/")
        .path_field(None, "badge.id");
    let err = common::client(&server)
        .send::<Value>(missing)
        .await
        .expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    assert!(err.to_string().contains("`badge.id`"), "{err}");
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        1,
        "nothing more was sent"
    );
}

#[tokio::test]
async fn header_values_with_line_breaks_are_never_sent() {
    let server = MockServer::start().await;
    let client = common::client(&server);
    for value in ["a\r\nx-injected: 1", "a\nb", "a\rb"] {
        let opts = RequestOptions::default().header("x-custom", value);
        let err = client
            .send::<Value>(get_items().options(&opts))
            .await
            .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::InvalidRequest);
        assert!(err.to_string().contains("line break"), "{err}");
    }
    assert!(server.received_requests().await.expect("recording").is_empty());

    for auth in [
        Auth::access_token("tok\r\nx: 1"),
        Auth::api_key_for_site("key", "site\n1"),
    ] {
        let err = Client::builder().auth(auth).build().expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Config);
    }
    let err = Client::builder()
        .auth(Auth::access_token("t"))
        .default_header("x-a", "b\r\nc")
        .build()
        .expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Config);
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "http://127.0.0.1:1/steal"))
        .expect(1)
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Value>(get_items())
        .await
        .expect_err("3xx is an error");
    assert_eq!(err.status(), Some(302));
}
