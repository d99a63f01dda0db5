//! Typed queries of the generated `resources` package against a local mock
//! server: the page's own curl example rebuilt with the builder sends its body
//! byte for byte, and `query_resource_types_typed_stream` walks three pages
//! behind two cursors, sending only the cursor and the page size after the first.
//!
//! Hand-written: `cargo xtask gen` never touches this file.

use std::collections::HashSet;

use futures::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};
use wix_apis::resources::{ResourceType, ResourceTypesService};
use wix_client::wql::Query;
use wix_client::{Auth, Client};

const PAGE: &str = include_str!("../../../schemas/resources/query-resource-types.md");
const PATH: &str = "/bookings/v2/resources/resource-types/query";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("test-token"))
        .build()
        .expect("client")
}

/// The `-d '...'` body of the page's curl example titled `title`.
fn curl_body(title: &str) -> &'static str {
    let section = PAGE
        .split("\n### ")
        .find(|s| s.starts_with(title))
        .unwrap_or_else(|| panic!("the page has an example titled {title:?}"));
    let start = section.find("-d '").expect("a -d argument") + 4;
    let end = start + section[start..].find("'\n").expect("the end of the -d argument");
    &section[start..end]
}

/// `json` without the whitespace between tokens (none of the page's strings hold any).
fn minified(json: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            in_string = c != '"' || escaped;
            escaped = c == '\\' && !escaped;
            out.push(c);
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn resource_type(id: &str) -> Value {
    json!({ "id": id, "name": format!("meeting room {id}"), "revision": "1" })
}

fn page(ids: &[&str], next: Option<&str>) -> Value {
    let cursors = match next {
        Some(next) => json!({ "next": next }),
        None => json!({}),
    };
    json!({
        "resourceTypes": ids.iter().map(|id| resource_type(id)).collect::<Vec<_>>(),
        "pagingMetadata": { "count": ids.len(), "cursors": cursors, "hasNext": next.is_some() }
    })
}

#[tokio::test]
async fn the_pages_curl_example_is_sent_byte_for_byte() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&["r1"], None)))
        .expect(1)
        .mount(&server)
        .await;
    let service = ResourceTypesService::new(client(&server));

    let query = Query::new().filter(ResourceType::NAME.starts_with("meeting")).limit(10);
    let response = service.query_resource_types_typed(&query).await.expect("query");
    assert_eq!(response.resource_types.len(), 1);

    let expected = curl_body("Query resource types with a filter.");
    let requests = server.received_requests().await.expect("recorded");
    let body = std::str::from_utf8(&requests[0].body).expect("UTF-8 body");
    assert_eq!(body, minified(expected), "the curl example's bytes, whitespace aside");
    let sent: Value = serde_json::from_str(body).expect("JSON body");
    let page_json: Value = serde_json::from_str(expected).expect("the example is JSON");
    assert_eq!(sent, page_json);
    assert_eq!(
        sent,
        json!({"query": {"filter": {"name": {"$startsWith": "meeting"}}, "cursorPaging": {"cursor": null, "limit": 10}}})
    );
}

#[tokio::test]
async fn the_pages_example_without_filter_is_sent_byte_for_byte() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&[], None)))
        .mount(&server)
        .await;
    let service = ResourceTypesService::new(client(&server));
    service
        .query_resource_types_typed(&Query::new().limit(10))
        .await
        .expect("query");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        std::str::from_utf8(&requests[0].body).expect("UTF-8"),
        minified(curl_body("Query resource types.\n"))
    );
}

/// Serves page 1 to the first request, then the page of the cursor it is sent.
struct Pages;

impl Respond for Pages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let cursor = body.pointer("/query/cursorPaging/cursor").and_then(Value::as_str);
        let json = match cursor {
            None => page(&["a", "b"], Some("c2")),
            Some("c2") => page(&["c", "d"], Some("c3")),
            Some("c3") => page(&["e"], None),
            Some(other) => {
                return ResponseTemplate::new(400).set_body_json(json!({"message": format!("bad cursor {other}")}));
            }
        };
        ResponseTemplate::new(200).set_body_json(json)
    }
}

#[tokio::test]
async fn the_stream_sends_only_cursor_and_page_size_after_the_first_page() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(Pages)
        .expect(3)
        .mount(&server)
        .await;
    let service = ResourceTypesService::new(client(&server));
    let query = Query::new()
        .filter(ResourceType::NAME.starts_with("meeting"))
        .sort(ResourceType::NAME.asc())
        .limit(2);

    let items: Vec<ResourceType> = service
        .query_resource_types_typed_stream(&query)
        .map(|r| r.expect("item"))
        .collect()
        .await;
    let ids: Vec<&str> = items.iter().map(|r| r.id.as_deref().expect("id")).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "each item once");

    let bodies: Vec<Value> = server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("JSON body"))
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"query": {
                "filter": {"name": {"$startsWith": "meeting"}},
                "sort": [{"fieldName": "name", "order": "ASC"}],
                "cursorPaging": {"cursor": null, "limit": 2}
            }}),
            json!({"query": {"cursorPaging": {"cursor": "c2", "limit": 2}}}),
            json!({"query": {"cursorPaging": {"cursor": "c3", "limit": 2}}}),
        ]
    );
}

#[tokio::test]
async fn the_raw_stream_also_sends_only_cursor_and_page_size_after_the_first_page() {
    use wix_apis::resources::{CursorPaging, CursorQuery, QueryResourceTypesRequest};

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(Pages)
        .expect(3)
        .mount(&server)
        .await;
    let service = ResourceTypesService::new(client(&server));
    let query = CursorQuery::new()
        .with_filter(json!({"name": {"$startsWith": "meeting"}}))
        .with_cursor_paging(CursorPaging::new().with_limit(2));
    let request = QueryResourceTypesRequest::new(query);
    let items: Vec<ResourceType> = service
        .query_resource_types_stream(&request)
        .map(|r| r.expect("item"))
        .collect()
        .await;
    assert_eq!(items.len(), 5);
    let bodies: Vec<Value> = server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("JSON body"))
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"query": {"cursorPaging": {"limit": 2}, "filter": {"name": {"$startsWith": "meeting"}}}}),
            json!({"query": {"cursorPaging": {"limit": 2, "cursor": "c2"}}}),
            json!({"query": {"cursorPaging": {"limit": 2, "cursor": "c3"}}}),
        ]
    );
}
