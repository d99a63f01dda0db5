//! Query strings as Wix expects them: dotted nested names, repeated array keys.

mod common;

use serde::Serialize;
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::{ApiRequest, HttpMethod};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Paging {
    limit: u32,
    offset: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListQuery {
    paging: Paging,
    fieldsets: Vec<&'static str>,
    include_deleted: bool,
    search: Option<String>,
    #[serde(with = "wix_client::wire::int64")]
    created_after: i64,
}

async fn received_query(req: ApiRequest) -> String {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    common::client(&server).send::<Value>(req).await.expect("ok");
    let received = server.received_requests().await.expect("recording");
    received[0].url.query().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn nested_fields_are_dotted_arrays_repeat_and_none_is_skipped() {
    let req = ApiRequest::new(HttpMethod::Get, "test.list")
        .path("/v1/items")
        .query(&ListQuery {
            paging: Paging {
                limit: 10,
                offset: None,
            },
            fieldsets: vec!["FULL", "URL"],
            include_deleted: false,
            search: None,
            created_after: 1_700_000_000_000,
        })
        .expect("query");
    let query = received_query(req).await;
    let mut pairs: Vec<&str> = query.split('&').collect();
    pairs.sort_unstable();
    assert_eq!(
        pairs,
        [
            "createdAfter=1700000000000",
            "fieldsets=FULL",
            "fieldsets=URL",
            "includeDeleted=false",
            "paging.limit=10",
        ]
    );
}

#[tokio::test]
async fn names_and_values_are_percent_encoded() {
    let req = ApiRequest::new(HttpMethod::Get, "test.search")
        .path("/v1/search")
        .query(&json!({"q": "a&b=c d#e/é", "filter": {"na me": "x+y"}}))
        .expect("query");
    let query = received_query(req).await;
    let mut pairs: Vec<&str> = query.split('&').collect();
    pairs.sort_unstable();
    assert_eq!(pairs, ["filter.na%20me=x%2By", "q=a%26b%3Dc%20d%23e%2F%C3%A9"]);
}

#[tokio::test]
async fn query_can_be_added_in_several_calls_and_path_and_query_shows_it() {
    let req = ApiRequest::new(HttpMethod::Get, "test.list")
        .path("/v1/items")
        .query(&json!({"a": 1}))
        .expect("query")
        .query(&json!({"b": [true, false]}))
        .expect("query");
    assert_eq!(req.path_and_query(), "/v1/items?a=1&b=true&b=false");
    assert_eq!(received_query(req).await, "a=1&b=true&b=false");
}

#[test]
fn empty_query_adds_nothing() {
    let req = ApiRequest::new(HttpMethod::Get, "test.list")
        .path("/v1/items")
        .query(&json!({"cursor": null}))
        .expect("query");
    assert_eq!(req.path_and_query(), "/v1/items");
}
