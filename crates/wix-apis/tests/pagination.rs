//! The generated `<method>_stream`s against a local mock server that serves
//! pages by cursor: every item once and in order, the cursor sent where the
//! page says (`paging.cursor` in the query string of `ListMessages`, a GET),
//! the other params kept on every page, and an error ending the stream.
//!
//! Hand-written: `cargo xtask gen` never touches this file.

use futures::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_apis::inbox::{CursorPaging, ListMessagesRequest, Message, MessageVisibility, MessagesService};
use wix_client::{Auth, Client, Error, ErrorKind};

const CONVERSATION: &str = "6202c3bb-f263-3c16-8c90-d6387d9ed420";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("test-token"))
        .build()
        .expect("client")
}

fn message(id: &str) -> Value {
    json!({
        "id": id,
        "content": { "basic": { "items": [{ "text": format!("text of {id}") }] } },
        "visibility": "BUSINESS_AND_PARTICIPANT",
        "direction": "PARTICIPANT_TO_BUSINESS",
        "sequence": "1640851963799825"
    })
}

/// A page of `ListMessagesResponse` with `ids`, and `next` as the next cursor
/// (`None`: the last page, with `hasNext: false` and no `next`).
fn page(ids: &[&str], next: Option<&str>) -> ResponseTemplate {
    let cursors = match next {
        Some(next) => json!({ "next": next, "prev": "p" }),
        None => json!({ "prev": "p" }),
    };
    ResponseTemplate::new(200).set_body_json(json!({
        "messages": ids.iter().map(|id| message(id)).collect::<Vec<_>>(),
        "pagingMetadata": { "count": ids.len(), "cursors": cursors, "hasNext": next.is_some() }
    }))
}

/// Mounts the page served for `cursor` (`None`: the first request, without a cursor).
async fn mount_page(server: &MockServer, cursor: Option<&str>, response: ResponseTemplate, expect: u64) {
    let mock = Mock::given(method("GET")).and(path("/inbox/v2/messages"));
    let mock = match cursor {
        None => mock.and(query_param_is_missing("paging.cursor")),
        Some(cursor) => mock.and(query_param("paging.cursor", cursor)),
    };
    mock.respond_with(response).expect(expect).mount(server).await;
}

/// The query strings the server received, in order, each split into its
/// encoded `name=value` pairs and sorted (the order of pairs carries no meaning).
async fn received_queries(server: &MockServer) -> Vec<Vec<String>> {
    server
        .received_requests()
        .await
        .expect("requests are recorded")
        .iter()
        .map(|r| {
            assert_eq!((r.method.as_str(), r.url.path()), ("GET", "/inbox/v2/messages"));
            let mut pairs: Vec<String> = r.url.query().unwrap_or("").split('&').map(str::to_owned).collect();
            pairs.sort();
            pairs
        })
        .collect()
}

fn sorted(pairs: &[&str]) -> Vec<String> {
    let mut pairs: Vec<String> = pairs.iter().map(|p| (*p).to_owned()).collect();
    pairs.sort();
    pairs
}

fn ids(messages: &[Message]) -> Vec<&str> {
    messages.iter().map(|m| m.id.as_deref().expect("id")).collect()
}

#[tokio::test]
async fn list_messages_stream_follows_cursors_through_three_pages() {
    let server = MockServer::start().await;
    mount_page(&server, None, page(&["m1", "m2"], Some("c1")), 1).await;
    mount_page(&server, Some("c1"), page(&["m3", "m4"], Some("c2")), 1).await;
    mount_page(&server, Some("c2"), page(&["m5"], None), 1).await;

    let service = MessagesService::new(client(&server));
    let request = ListMessagesRequest::new(CONVERSATION, MessageVisibility::BusinessAndParticipant)
        .with_paging(CursorPaging::new().with_limit(2));
    let results: Vec<Result<Message, Error>> = service.list_messages_stream(&request).collect().await;
    let messages: Vec<Message> = results.into_iter().map(|r| r.expect("every page succeeds")).collect();

    assert_eq!(ids(&messages), ["m1", "m2", "m3", "m4", "m5"]);
    assert!(
        messages[4].content.as_ref().is_some_and(|c| c.kind.is_some()),
        "items decode fully"
    );
    // The caller's request is not changed by the walk.
    assert_eq!(request.paging.as_ref().and_then(|p| p.cursor.as_deref()), None);

    // Three requests; the limit and the other params are kept on every page,
    // the cursor goes to `paging.cursor` (the dot not encoded).
    let conversation = format!("conversationId={CONVERSATION}");
    assert_eq!(
        received_queries(&server).await,
        [
            sorted(&[&conversation, "paging.limit=2", "visibility=BUSINESS_AND_PARTICIPANT"]),
            sorted(&[
                &conversation,
                "paging.limit=2",
                "paging.cursor=c1",
                "visibility=BUSINESS_AND_PARTICIPANT",
            ]),
            sorted(&[
                &conversation,
                "paging.limit=2",
                "paging.cursor=c2",
                "visibility=BUSINESS_AND_PARTICIPANT",
            ]),
        ]
    );
}

#[tokio::test]
async fn list_messages_stream_creates_paging_when_the_request_has_none() {
    let server = MockServer::start().await;
    mount_page(&server, None, page(&["m1"], Some("c1")), 1).await;
    mount_page(&server, Some("c1"), page(&["m2"], None), 1).await;

    let service = MessagesService::new(client(&server));
    let request = ListMessagesRequest::new(CONVERSATION, MessageVisibility::Business);
    let messages: Vec<Message> = service
        .list_messages_stream(&request)
        .map(|r| r.expect("every page succeeds"))
        .collect()
        .await;

    assert_eq!(ids(&messages), ["m1", "m2"]);
    let conversation = format!("conversationId={CONVERSATION}");
    assert_eq!(
        received_queries(&server).await,
        [
            sorted(&[&conversation, "visibility=BUSINESS"]),
            sorted(&[&conversation, "paging.cursor=c1", "visibility=BUSINESS"]),
        ]
    );
}

#[tokio::test]
async fn list_messages_stream_ends_after_an_error() {
    let server = MockServer::start().await;
    mount_page(&server, None, page(&["m1", "m2"], Some("c1")), 1).await;
    // A 400 is not retried: the page at `c1` fails once.
    let failure = ResponseTemplate::new(400).set_body_json(json!({ "message": "cursor expired" }));
    mount_page(&server, Some("c1"), failure, 1).await;
    // Never asked for: the stream does not go on after the error.
    mount_page(&server, Some("c2"), page(&["m3"], None), 0).await;

    let service = MessagesService::new(client(&server));
    let request = ListMessagesRequest::new(CONVERSATION, MessageVisibility::BusinessAndParticipant);
    let mut stream = std::pin::pin!(service.list_messages_stream(&request));

    let mut items = Vec::new();
    let error = loop {
        match stream.next().await.expect("an error before the end") {
            Ok(message) => items.push(message),
            Err(error) => break error,
        }
    };
    assert_eq!(ids(&items), ["m1", "m2"]);
    assert_eq!(error.kind(), ErrorKind::Api);
    match &error {
        Error::Api(api) => {
            assert_eq!(api.status, 400);
            assert_eq!(api.operation, "inbox.MessagesService.listMessages");
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    // The error is the last item. (Not polled again after `None`: the
    // stream is not fused.)
    assert!(stream.next().await.is_none());
    assert_eq!(received_queries(&server).await.len(), 2);
}

#[tokio::test]
async fn list_messages_stream_yields_a_first_page_error_and_ends() {
    let server = MockServer::start().await;
    mount_page(&server, None, ResponseTemplate::new(403).set_body_json(json!({})), 1).await;

    let service = MessagesService::new(client(&server));
    let request = ListMessagesRequest::new(CONVERSATION, MessageVisibility::Business);
    let results: Vec<Result<Message, Error>> = service.list_messages_stream(&request).collect().await;

    assert_eq!(results.len(), 1);
    let error = results[0].as_ref().expect_err("the first page fails");
    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(received_queries(&server).await.len(), 1);
}
