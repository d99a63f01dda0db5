//! `paginate::cursor_stream` against a server that pages by cursor.

mod common;

use std::collections::HashSet;
use std::pin::pin;

use futures::StreamExt;
use futures::stream::FusedStream;
use serde::{Deserialize, Serialize};
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::paginate::cursor_stream;
use wix_client::{ApiRequest, Client, Error, ErrorKind, HttpMethod};

#[derive(Clone, Serialize)]
struct CursorPaging {
    limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    cursor: Option<String>,
}

#[derive(Clone, Serialize)]
struct ListItems {
    #[serde(rename = "cursorPaging")]
    cursor_paging: CursorPaging,
}

#[derive(Deserialize)]
struct ListItemsResponse {
    items: Vec<Item>,
    #[serde(rename = "pagingMetadata")]
    paging_metadata: PagingMetadata,
}

#[derive(Deserialize)]
struct PagingMetadata {
    cursors: Cursors,
}

#[derive(Deserialize)]
struct Cursors {
    next: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq, Hash, Clone)]
struct Item {
    id: String,
}

/// What generated code would emit for a list method.
async fn list_items(client: &Client, request: ListItems) -> Result<ListItemsResponse, Error> {
    let req = ApiRequest::new(HttpMethod::Get, "test.ItemsService.listItems")
        .path("/v1/items")
        .query(&request)?;
    client.send(req).await
}

fn page(ids: &[&str], next: Option<&str>) -> ResponseTemplate {
    let items: Vec<_> = ids.iter().map(|id| json!({"id": id})).collect();
    ResponseTemplate::new(200).set_body_json(json!({
        "items": items,
        "pagingMetadata": {"count": ids.len(), "cursors": {"next": next}},
    }))
}

async fn mount_pages(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/v1/items"))
        .and(query_param("cursorPaging.limit", "3"))
        .and(query_param_is_missing("cursorPaging.cursor"))
        .respond_with(page(&["a", "b", "c"], Some("cur-2")))
        .expect(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("cursorPaging.cursor", "cur-2"))
        .respond_with(page(&["d", "e", "f"], Some("cur-3")))
        .expect(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("cursorPaging.cursor", "cur-3"))
        .respond_with(page(&["g"], None))
        .expect(1)
        .mount(server)
        .await;
}

fn first_request() -> ListItems {
    ListItems {
        cursor_paging: CursorPaging { limit: 3, cursor: None },
    }
}

fn set_cursor(req: &mut ListItems, cursor: String) {
    req.cursor_paging.cursor = Some(cursor);
}

fn split(resp: ListItemsResponse) -> (Vec<Item>, Option<String>) {
    (resp.items, resp.paging_metadata.cursors.next)
}

#[tokio::test]
async fn walks_three_pages_yielding_every_item_once() {
    let server = MockServer::start().await;
    mount_pages(&server).await;
    let client = common::client(&server);
    let stream = cursor_stream(
        first_request(),
        |req| {
            let client = client.clone();
            async move { list_items(&client, req).await }
        },
        set_cursor,
        split,
    );
    let items: Vec<Item> = stream.map(|item| item.expect("no error")).collect().await;
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e", "f", "g"]);
    let unique: HashSet<_> = items.iter().collect();
    assert_eq!(unique.len(), items.len(), "every item exactly once");
    assert_eq!(server.received_requests().await.expect("recording").len(), 3);
}

#[tokio::test]
async fn stops_after_the_first_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param_is_missing("cursorPaging.cursor"))
        .respond_with(page(&["a", "b"], Some("cur-2")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("cursorPaging.cursor", "cur-2"))
        .respond_with(ResponseTemplate::new(403))
        .expect(1)
        .mount(&server)
        .await;
    let client = common::client(&server);
    let stream = cursor_stream(
        first_request(),
        |req| {
            let client = client.clone();
            async move { list_items(&client, req).await }
        },
        set_cursor,
        split,
    );
    let mut stream = pin!(stream);
    assert_eq!(stream.next().await.expect("a").expect("ok").id, "a");
    assert_eq!(stream.next().await.expect("b").expect("ok").id, "b");
    let err = stream.next().await.expect("error item").expect_err("403");
    assert_eq!(err.status(), Some(403));
    assert!(stream.next().await.is_none(), "ends after the error");
    assert!(stream.next().await.is_none(), "and stays ended when polled again");
    assert!(stream.is_terminated());
}

#[tokio::test]
async fn a_repeated_cursor_ends_with_an_error_instead_of_looping() {
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let stream = cursor_stream(
        0_u32,
        |_req| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async { Ok::<_, Error>((vec![1_u32], Some("same".to_owned()))) }
        },
        |_req, _cursor| {},
        |resp| resp,
    );
    let results: Vec<Result<u32, Error>> = stream.collect().await;
    assert_eq!(results.len(), 3, "two items then the error: {results:?}");
    assert!(results[0].is_ok() && results[1].is_ok());
    let err = results[2].as_ref().expect_err("pagination error");
    assert_eq!(err.kind(), ErrorKind::Pagination);
    assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2);
}

#[tokio::test]
async fn an_empty_cursor_ends_the_walk() {
    let stream = cursor_stream(
        (),
        |_req| async { Ok::<_, Error>((vec!["x"], Some(String::new()))) },
        |_req, _cursor| {},
        |resp| resp,
    );
    let items: Vec<_> = stream.collect().await;
    assert_eq!(items.len(), 1);
}
