//! The generated Inbox clients against a local mock server: what goes on the
//! wire (method, path, headers, exact body or query) and how responses decode,
//! including responses that carry more than the pages document.
//!
//! Hand-written: `cargo xtask gen` never touches this file.

use serde_json::json;
use wiremock::matchers::{body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_apis::inbox::{
    ChannelType, ConversationsService, GetConversationRequest, GetOrCreateConversationRequest, IdentificationDataKind,
    ListMessagesRequest, MessageDirection, MessageVisibility, MessagesService, ParticipantIdKind, SendMessageRequest,
};
use wix_client::{Auth, Client, RequestOptions};

const VISITOR: &str = "40096143-3643-4cc1-8329-30a7fc2c595e";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("test-token"))
        .build()
        .expect("client")
}

/// The response of the page's "Get or create a conversation with anonymousVisitorId"
/// example, with the REST name `id` for the SDK's `_id`.
fn page_example_response() -> serde_json::Value {
    json!({
        "conversation": {
            "id": "c4999cbd-33ea-37cb-a374-75600f409d0b",
            "businessDisplayData": { "name": "Peak Fitness" },
            "channels": ["CHAT"],
            "participant": { "anonymousVisitorId": "5dc5855b-0e34-495b-9762-3a9f591baa37" },
            "participantDisplayData": {
                "name": "Visitor #8145",
                "imageUrl": "https://static.parastorage.com/services/engage-web/1.6076.0/assets/visitor-avatars-faces/Avatar1Orange.png"
            }
        },
        "newConversation": false
    })
}

#[tokio::test]
async fn get_or_create_conversation_sends_the_documented_request_and_decodes_the_example() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/inbox/v2/conversations"))
        .and(header("authorization", "test-token"))
        .and(header("content-type", "application/json"))
        .and(header("x-trace", "t-1"))
        .and(body_string(format!(
            r#"{{"participantId":{{"anonymousVisitorId":"{VISITOR}"}}}}"#
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_example_response()))
        .expect(1)
        .mount(&server)
        .await;

    let service =
        ConversationsService::new(client(&server)).with_options(RequestOptions::default().header("x-trace", "t-1"));
    let request = GetOrCreateConversationRequest::new(ParticipantIdKind::AnonymousVisitorId(VISITOR.to_owned()));
    let response = service
        .get_or_create_conversation(&request)
        .await
        .expect("call succeeds");

    assert_eq!(response.new_conversation, Some(false));
    let conversation = response.conversation.expect("conversation");
    assert_eq!(conversation.id.as_deref(), Some("c4999cbd-33ea-37cb-a374-75600f409d0b"));
    assert_eq!(conversation.channels, [ChannelType::Chat]);
    let participant = conversation.participant.expect("participant");
    assert_eq!(
        participant.anonymous_visitor_id.as_deref(),
        Some("5dc5855b-0e34-495b-9762-3a9f591baa37")
    );
    assert_eq!(participant.member_id, None);
    assert_eq!(participant.contact_id, None);
    assert_eq!(
        participant.kind(),
        Some(IdentificationDataKind::AnonymousVisitorId(
            "5dc5855b-0e34-495b-9762-3a9f591baa37".to_owned()
        ))
    );
    let business = conversation.business_display_data.expect("business display data");
    assert_eq!(business.name.as_deref(), Some("Peak Fitness"));
    assert_eq!(business.image_url, None);
    let visitor = conversation.participant_display_data.expect("participant display data");
    assert_eq!(visitor.name.as_deref(), Some("Visitor #8145"));
    assert_eq!(
        visitor.image_url.as_deref(),
        Some(
            "https://static.parastorage.com/services/engage-web/1.6076.0/assets/visitor-avatars-faces/Avatar1Orange.png"
        )
    );
}

#[tokio::test]
async fn responses_with_unknown_values_fields_and_several_participant_ids_decode() {
    let server = MockServer::start().await;
    let body = json!({
        "conversation": {
            "id": "092d1135-99cf-3ca9-a0bf-378e1df4539b",
            "channels": ["CHAT", "TELEGRAM", "EMAIL"],
            "participant": {
                "contactId": "c5ef5c35-3b53-41c9-aeeb-214424e5f6e5",
                "memberId": "b17c523c-6ec9-4b56-9d9d-123cc6978bdf"
            },
            "archived": true,
            "businessDisplayData": { "name": "Classic Cars", "theme": { "color": "red" } }
        },
        "newConversation": true,
        "someFutureField": [1, 2, 3]
    });
    Mock::given(method("POST"))
        .and(path("/inbox/v2/conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;

    let service = ConversationsService::new(client(&server));
    let request = GetOrCreateConversationRequest::new(ParticipantIdKind::MemberId(
        "b17c523c-6ec9-4b56-9d9d-123cc6978bdf".to_owned(),
    ));
    let response = service.get_or_create_conversation(&request).await.expect("decodes");
    let conversation = response.conversation.expect("conversation");
    assert_eq!(
        conversation.channels,
        [
            ChannelType::Chat,
            ChannelType::Unknown("TELEGRAM".to_owned()),
            ChannelType::Email
        ]
    );
    assert_eq!(conversation.channels[1].as_str(), "TELEGRAM");
    let participant = conversation.participant.expect("participant");
    assert_eq!(
        participant.contact_id.as_deref(),
        Some("c5ef5c35-3b53-41c9-aeeb-214424e5f6e5")
    );
    assert_eq!(
        participant.member_id.as_deref(),
        Some("b17c523c-6ec9-4b56-9d9d-123cc6978bdf")
    );
    assert_eq!(
        participant.kind(),
        Some(IdentificationDataKind::MemberId(
            "b17c523c-6ec9-4b56-9d9d-123cc6978bdf".to_owned()
        ))
    );
    assert_eq!(
        conversation.business_display_data.and_then(|b| b.name).as_deref(),
        Some("Classic Cars")
    );
    assert_eq!(response.new_conversation, Some(true));

    // The unknown enum value goes back out unchanged.
    let encoded = serde_json::to_value(&conversation.channels).expect("encodes");
    assert_eq!(encoded, json!(["CHAT", "TELEGRAM", "EMAIL"]));
}

#[tokio::test]
async fn get_conversation_puts_the_id_in_one_path_segment() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/inbox/v2/conversations/a%2Fb%20c"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "conversation": { "id": "a/b c" } })))
        .expect(1)
        .mount(&server)
        .await;
    let service = ConversationsService::new(client(&server));
    let response = service
        .get_conversation(&GetConversationRequest::new("a/b c"))
        .await
        .expect("call succeeds");
    assert_eq!(response.conversation.and_then(|c| c.id).as_deref(), Some("a/b c"));
}

#[tokio::test]
async fn list_messages_sends_query_params_and_decodes_enums_and_int64() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/inbox/v2/messages"))
        .and(query_param("conversationId", "6202c3bb-f263-3c16-8c90-d6387d9ed420"))
        .and(query_param("visibility", "BUSINESS_AND_PARTICIPANT"))
        .and(query_param("paging.limit", "10"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "messages": [
                {
                    "id": "1640851963799825",
                    "content": { "previewText": "Hi", "basic": { "items": [{ "text": "Hi" }] } },
                    "sender": { "wixUserId": "5a0c4737-a2a0-4c37-a07e-d9fd87027023" },
                    "visibility": "BUSINESS_AND_PARTICIPANT",
                    "direction": "BUSINESS_TO_PARTICIPANT",
                    "sequence": "1640851963799825"
                },
                {
                    "id": "2",
                    "visibility": "BUSINESS",
                    "direction": "SIDEWAYS",
                    "sequence": 17
                }
            ],
            "pagingMetadata": { "count": 2, "cursors": {} }
        })))
        .expect(1)
        .mount(&server)
        .await;
    let service = MessagesService::new(client(&server));
    let request = ListMessagesRequest::new(
        "6202c3bb-f263-3c16-8c90-d6387d9ed420",
        MessageVisibility::BusinessAndParticipant,
    )
    .with_paging(wix_apis::inbox::CursorPaging::new().with_limit(10));
    let response = service.list_messages(&request).await.expect("call succeeds");
    assert_eq!(response.messages.len(), 2);
    let first = &response.messages[0];
    assert_eq!(first.sequence, Some(1_640_851_963_799_825));
    assert_eq!(first.direction, Some(MessageDirection::BusinessToParticipant));
    assert_eq!(
        first.content.as_ref().and_then(|c| c.preview_text.as_deref()),
        Some("Hi")
    );
    assert_eq!(
        first.sender.as_ref().and_then(|s| s.wix_user_id.as_deref()),
        Some("5a0c4737-a2a0-4c37-a07e-d9fd87027023")
    );
    let second = &response.messages[1];
    assert_eq!(second.sequence, Some(17));
    assert_eq!(second.direction, Some(MessageDirection::Unknown("SIDEWAYS".to_owned())));
    assert_eq!(second.visibility, Some(MessageVisibility::Business));
    assert_eq!(serde_json::to_value(second).expect("encodes")["sequence"], json!("17"));
}

/// Read, change one field, send back: the keys this version does not know (at
/// the message, inside its content, in a basic message part and a ONE-OF
/// member it does not list) travel back unchanged, after the known fields.
#[tokio::test]
async fn a_message_read_changed_and_sent_back_keeps_the_keys_this_version_does_not_know() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/inbox/v2/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "messages": [{
                "id": "1640851963799825",
                "content": {
                    "previewText": "Hi",
                    "basic": { "items": [{ "text": "Hi", "addedPartKey": [1, 2] }] },
                    "addedContentKey": { "deep": { "deeper": "kept" } }
                },
                "sender": { "wixUserId": "5a0c4737-a2a0-4c37-a07e-d9fd87027023", "addedSenderKey": null },
                "addedMessageKey": "added later",
                "visibility": "BUSINESS_AND_PARTICIPANT"
            }]
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/inbox/v2/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;

    let service = MessagesService::new(client(&server));
    let request = ListMessagesRequest::new(
        "6202c3bb-f263-3c16-8c90-d6387d9ed420",
        MessageVisibility::BusinessAndParticipant,
    );
    let mut message = service.list_messages(&request).await.expect("list").messages.remove(0);
    assert_eq!(
        message.unknown_keys().get("addedMessageKey"),
        Some(&json!("added later"))
    );
    let content = message.content.as_mut().expect("content");
    assert_eq!(
        content.unknown_keys().get("addedContentKey"),
        Some(&json!({ "deep": { "deeper": "kept" } }))
    );
    content.preview_text = Some("Hello".to_owned());
    service
        .send_message(&SendMessageRequest::new(
            "6202c3bb-f263-3c16-8c90-d6387d9ed420",
            message,
        ))
        .await
        .expect("send");

    let received = server.received_requests().await.expect("recorded");
    let sent = received.iter().find(|r| r.method.as_str() == "POST").expect("sent");
    let body: serde_json::Value = serde_json::from_slice(&sent.body).expect("JSON body");
    assert_eq!(
        body,
        json!({
            "conversationId": "6202c3bb-f263-3c16-8c90-d6387d9ed420",
            "message": {
                "id": "1640851963799825",
                "content": {
                    "previewText": "Hello",
                    "basic": { "items": [{ "text": "Hi", "addedPartKey": [1, 2] }] },
                    "addedContentKey": { "deep": { "deeper": "kept" } }
                },
                "sender": { "wixUserId": "5a0c4737-a2a0-4c37-a07e-d9fd87027023", "addedSenderKey": null },
                "addedMessageKey": "added later",
                "visibility": "BUSINESS_AND_PARTICIPANT"
            }
        })
    );
    // Unknown keys come after the known fields, in the order they came.
    let text = String::from_utf8(sent.body.clone()).expect("UTF-8");
    let content_at = text.find("\"previewText\"").expect("known field");
    assert!(
        text.find("\"addedContentKey\"").expect("unknown key") > content_at,
        "{text}"
    );
    assert!(
        text.find("\"addedMessageKey\"").expect("unknown key") > text.find("\"visibility\"").expect("known"),
        "{text}"
    );
}

/// A value built with `new` keeps no unknown keys, and they count in `PartialEq`
/// and show in `Debug`.
#[test]
fn unknown_keys_are_empty_after_new_and_seen_by_debug_and_eq() {
    use wix_apis::inbox::Badge;
    assert!(Badge::new().with_text("a").unknown_keys().is_empty());
    let plain: Badge = serde_json::from_value(json!({ "text": "a" })).expect("decodes");
    let more: Badge = serde_json::from_value(json!({ "text": "a", "addedLater": 5 })).expect("decodes");
    assert_eq!(plain, Badge::new().with_text("a"));
    assert_ne!(plain, more);
    assert!(format!("{more:?}").contains("addedLater"), "{more:?}");
    assert_eq!(
        more.unknown_keys().iter().collect::<Vec<_>>(),
        [("addedLater", &json!(5))]
    );
}
