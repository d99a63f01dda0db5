//! The `Observer` hook sees every attempt, as plain data without secrets.

mod common;

use std::sync::Arc;

use common::{Recorder, get_items};
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::{ErrorKind, HttpMethod};

#[tokio::test]
async fn observer_sees_each_attempt_with_status_request_id_and_retry() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).insert_header("x-wix-request-id", "r-1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-wix-request-id", "r-2")
                .set_body_json(json!({})),
        )
        .mount(&server)
        .await;
    let recorder = Arc::new(Recorder::default());
    let client = common::builder(&server)
        .shared_observer(recorder.clone())
        .build()
        .expect("client");
    let req = get_items()
        .query(&json!({"secret_param": "hidden-value"}))
        .expect("query");
    let _: Value = client.send(req).await.expect("ok");

    let requests = recorder.requests.lock().expect("lock");
    let attempts: Vec<u32> = requests.iter().map(|r| r.attempt).collect();
    assert_eq!(attempts, [1, 2]);
    assert!(
        requests.iter().all(|r| r.operation == "test.ItemsService.listItems"
            && r.method == HttpMethod::Get
            && r.path == "/v1/items")
    );

    let responses = recorder.responses.lock().expect("lock");
    assert_eq!(responses.len(), 2);
    assert_eq!(responses[0].status, Some(503));
    assert_eq!(responses[0].request_id.as_deref(), Some("r-1"));
    assert_eq!(responses[0].error, Some(ErrorKind::Api));
    assert!(responses[0].will_retry);
    assert_eq!(responses[1].status, Some(200));
    assert_eq!(responses[1].request_id.as_deref(), Some("r-2"));
    assert_eq!(responses[1].error, None);
    assert!(!responses[1].will_retry);

    let all = format!("{requests:?} {responses:?}");
    assert!(!all.contains("hidden-value"), "no query string: {all}");
    assert!(!all.contains("test-token"), "no credentials: {all}");
}

#[tokio::test]
async fn observer_sees_token_requests() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"access_token": "t-1", "expires_in": 3600})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let recorder = Arc::new(Recorder::default());
    let client = wix_client::Client::builder()
        .base_url(server.uri())
        .auth(wix_client::Auth::oauth_app(wix_client::OAuthApp::new(
            "id", "secret", "inst",
        )))
        .shared_observer(recorder.clone())
        .build()
        .expect("client");
    let _: Value = client.send(get_items()).await.expect("ok");
    let operations: Vec<&str> = recorder
        .requests
        .lock()
        .expect("lock")
        .iter()
        .map(|r| r.operation)
        .collect();
    assert_eq!(operations, ["oauth2.token", "test.ItemsService.listItems"]);
}
