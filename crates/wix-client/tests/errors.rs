//! Each error kind and the fields it keeps.

mod common;

use std::time::Duration;

use common::{closed_port_url, fast_policy, get_items};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::{ApiRequest, Auth, Client, Error, ErrorKind, HttpMethod, RetryPolicy};

#[tokio::test]
async fn application_error_keeps_status_message_code_data_and_request_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-wix-request-id", "req-123")
                .set_body_json(json!({
                    "message": "Conversation not found",
                    "details": {"applicationError": {
                        "code": "CONVERSATION_NOT_FOUND",
                        "description": "No conversation with this ID",
                        "data": {"conversationId": "c-1"}
                    }}
                })),
        )
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Value>(get_items())
        .await
        .expect_err("404");
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.request_id(), Some("req-123"));
    assert_eq!(err.operation(), Some("test.ItemsService.listItems"));
    assert!(!err.is_retryable());
    let api = err.api_error().expect("api error");
    assert_eq!(api.message.as_deref(), Some("Conversation not found"));
    assert_eq!(api.path, "/v1/items");
    assert_eq!(api.attempts, 1);
    let app = api.application_error.as_ref().expect("application error");
    assert_eq!(app.code.as_deref(), Some("CONVERSATION_NOT_FOUND"));
    assert_eq!(app.description.as_deref(), Some("No conversation with this ID"));
    assert_eq!(app.data, Some(json!({"conversationId": "c-1"})));
    let text = err.to_string();
    for part in [
        "HTTP 404",
        "Conversation not found",
        "CONVERSATION_NOT_FOUND",
        "req-123",
        "check the IDs",
    ] {
        assert!(text.contains(part), "{part:?} missing from {text:?}");
    }
}

#[tokio::test]
async fn validation_error_keeps_field_violations() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "message": "INVALID_ARGUMENT",
            "details": {"validationError": {"fieldViolations": [
                {"field": "item.name", "description": "must not be empty",
                 "violatedRule": "MIN_LENGTH", "ruleName": "MinLength", "data": {"min": 1}},
                {"field": "item.price", "violatedRule": "REQUIRED_FIELD"}
            ]}}
        })))
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Value>(common::post_items())
        .await
        .expect_err("400");
    let validation = err
        .api_error()
        .and_then(|e| e.validation_error.as_ref())
        .expect("validation error");
    let fields: Vec<_> = validation.field_violations.iter().map(|v| v.field.as_deref()).collect();
    assert_eq!(fields, [Some("item.name"), Some("item.price")]);
    let first = &validation.field_violations[0];
    assert_eq!(first.violated_rule.as_deref(), Some("MIN_LENGTH"));
    assert_eq!(first.rule_name.as_deref(), Some("MinLength"));
    assert_eq!(first.data, Some(json!({"min": 1})));
    let text = err.to_string();
    assert!(text.contains("field `item.name`: must not be empty"), "{text}");
    assert!(text.contains("field `item.price`: REQUIRED_FIELD"), "{text}");
}

#[tokio::test]
async fn non_json_error_body_is_kept_as_a_bounded_excerpt() {
    let server = MockServer::start().await;
    let page = format!("<html>{}</html>", "x".repeat(5000));
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500).set_body_string(page))
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Value>(get_items())
        .await
        .expect_err("500");
    let api = err.api_error().expect("api");
    assert_eq!(api.message, None);
    assert!(api.body_excerpt.starts_with("<html>xxx"));
    assert!(api.body_excerpt.len() <= 512);
    assert!(!err.is_retryable(), "500 is not transient");
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Listing {
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Item {
    id: String,
    #[serde(with = "wix_client::wire::int64")]
    size: i64,
}

#[tokio::test]
async fn undecodable_response_reports_json_path_and_excerpt() {
    let server = MockServer::start().await;
    let body = json!({"items": [
        {"id": "a", "size": "1"},
        {"id": "b", "size": "not a number"},
    ], "padding": "é".repeat(600)});
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-wix-request-id", "req-9")
                .set_body_json(body),
        )
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Listing>(get_items())
        .await
        .expect_err("decode");
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(200));
    assert_eq!(err.request_id(), Some("req-9"));
    let decode = err.decode_error().expect("decode error");
    assert_eq!(decode.json_path, "items[1].size");
    assert!(decode.message.contains("not a number"), "{}", decode.message);
    assert!(decode.body_excerpt.len() <= 512);
    assert!(decode.body_excerpt.starts_with('{'));
    assert!(decode.body_len > 1000);
    assert!(err.to_string().contains("items[1].size"));
}

#[tokio::test]
async fn invalid_json_reports_the_root() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"items\": [}"))
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Listing>(get_items())
        .await
        .expect_err("decode");
    let decode = err.decode_error().expect("decode error");
    assert_eq!(decode.body_excerpt, "{\"items\": [}");
}

#[tokio::test]
async fn empty_success_bodies_decode_as_unit_or_empty_struct() {
    #[derive(Deserialize)]
    struct Empty {}
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = common::client(&server);
    let delete = || ApiRequest::new(HttpMethod::Delete, "test.delete").path("/v1/items/1");
    client.send::<()>(delete()).await.expect("unit");
    client.send::<Empty>(delete()).await.expect("empty struct");
}

#[tokio::test]
async fn connection_failure_is_a_transport_error() {
    let client = Client::builder()
        .base_url(closed_port_url())
        .auth(Auth::access_token("secret-token"))
        .retry_policy(fast_policy().max_attempts(2))
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("refused");
    let Error::Transport {
        attempts, path, detail, ..
    } = &err
    else {
        panic!("expected a transport error, got {err:?}");
    };
    assert_eq!(*attempts, 2, "GET connection failures are retried");
    assert_eq!(path, "/v1/items");
    assert!(!detail.contains("127.0.0.1"), "no URL in {detail}");
    assert!(err.is_retryable());
    assert_eq!(err.status(), None);
    assert!(err.to_string().contains("check network connectivity"));
    assert!(std::error::Error::source(&err).is_some());
}

#[tokio::test]
async fn slow_response_is_a_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = common::builder(&server)
        .timeout(Duration::from_millis(100))
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("timeout");
    assert!(matches!(err, Error::Timeout { attempts: 1, .. }), "{err:?}");
    assert!(err.is_retryable());
    assert!(err.to_string().contains("timed out"));
}

#[tokio::test]
async fn per_request_timeout_overrides_the_client_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = common::builder(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let opts = wix_client::RequestOptions::default().timeout(Duration::from_millis(100));
    let err = client
        .send::<Value>(get_items().options(&opts))
        .await
        .expect_err("timeout");
    assert_eq!(err.kind(), ErrorKind::Timeout);
}

#[tokio::test]
async fn bad_header_and_bad_body_are_invalid_requests() {
    let server = MockServer::start().await;
    let client = common::client(&server);

    let opts = wix_client::RequestOptions::default().header("bad name", "v");
    let err = client
        .send::<Value>(get_items().options(&opts))
        .await
        .expect_err("bad name");
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    assert!(err.to_string().contains("nothing was sent"));

    let mut map = std::collections::HashMap::new();
    map.insert(vec![1_u8], 1);
    let err = ApiRequest::new(HttpMethod::Post, "test.op")
        .json(&map)
        .expect_err("non-string keys");
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    assert_eq!(err.operation(), Some("test.op"));

    let err = ApiRequest::new(HttpMethod::Get, "test.op")
        .query(&[1, 2])
        .expect_err("query must be a struct");
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);

    assert!(server.received_requests().await.expect("recording").is_empty());
}

#[test]
fn configuration_errors() {
    let err = Client::builder().build().expect_err("no auth");
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.to_string().contains("ClientBuilder::auth"));

    for url in ["not a url", "ftp://example.com", "https://example.com/?q=1"] {
        let err = Client::builder()
            .base_url(url)
            .auth(Auth::access_token("t"))
            .build()
            .expect_err(url);
        assert_eq!(err.kind(), ErrorKind::Config, "{url}");
    }
    let err = Client::builder()
        .base_url("https://user:pw-secret@example.com")
        .auth(Auth::access_token("t"))
        .build()
        .expect_err("credentials in URL");
    assert!(!format!("{err}{err:?}").contains("pw-secret"));

    let err = Client::builder()
        .auth(Auth::access_token(""))
        .build()
        .expect_err("empty token");
    assert_eq!(err.kind(), ErrorKind::Config);
}
