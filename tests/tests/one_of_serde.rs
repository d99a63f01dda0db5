//! How the generated types decode what real responses may carry
//! (`wix_client::wire::object` behind each type):
//!
//! - request types hold a ONE-OF as an `Option<Kind>` enum: the first key of
//!   the JSON object that names a member wins, other members are kept as
//!   unknown keys (and encoded back); with
//!   no member the group is `None` (`new` is what requires a required group);
//!   a member that is present but malformed is an error, never a silent `None`;
//! - every field is stored as an `Option` (required ones too: `new` requires
//!   them), so a field a response leaves out is not encoded again as a
//!   made-up default;
//! - response-only types keep every member in its own field (lossless);
//! - enums are open, int64 travels as a string; keys a type does not know are
//!   kept, in order, and encoded back after the known fields.

use serde_json::json;
use wix_apis::inbox::{
    BasicMessage, ChannelType, IdentificationData, IdentificationDataKind, Message, MessageContent, MessageContentKind,
    MessageDirection, MessageVisibility, ParticipantId, ParticipantIdKind,
};

#[test]
fn a_group_takes_the_first_member_in_json_order() {
    // Decoded from text, as responses are: the document's key order counts.
    let id: ParticipantId = serde_json::from_str(r#"{ "memberId": "m", "contactId": "c" }"#).unwrap();
    assert_eq!(id.kind, Some(ParticipantIdKind::MemberId("m".into())));
    let id: ParticipantId = serde_json::from_str(r#"{ "contactId": "c", "memberId": "m" }"#).unwrap();
    assert_eq!(id.kind, Some(ParticipantIdKind::ContactId("c".into())));
    // Decoding is lenient; building is not: `ParticipantId::new` takes the group.
    let none: ParticipantId = serde_json::from_value(json!({})).unwrap();
    assert_eq!(none.kind, None);
    assert_eq!(
        serde_json::to_value(ParticipantId::new(ParticipantIdKind::AnonymousVisitorId("v".into()))).unwrap(),
        json!({ "anonymousVisitorId": "v" })
    );
}

#[test]
fn an_optional_group_is_none_without_a_known_member() {
    let content: MessageContent = serde_json::from_value(json!({ "previewText": "p" })).unwrap();
    assert_eq!(content.kind, None);
    assert_eq!(content.preview_text.as_deref(), Some("p"));
    let content: MessageContent = serde_json::from_value(json!({ "carousel": { "cards": [] } })).unwrap();
    assert_eq!(content.kind, None, "an unknown (future) member is no member");
    assert_eq!(
        content.unknown_keys().get("carousel"),
        Some(&json!({ "cards": [] })),
        "an unknown (future) member is an unknown key like any other"
    );
    assert_eq!(
        serde_json::to_value(&content).unwrap(),
        json!({ "carousel": { "cards": [] } })
    );
    let content: MessageContent =
        serde_json::from_str(r#"{ "minimal": {}, "basic": { "items": [{ "text": "t" }] } }"#).unwrap();
    assert!(
        matches!(content.kind, Some(MessageContentKind::Minimal(_))),
        "first key wins: {:?}",
        content.kind
    );
    assert_eq!(
        content.unknown_keys().get("basic"),
        Some(&json!({ "items": [{ "text": "t" }] })),
        "a later member is kept as an unknown key"
    );
    let sent = MessageContent::new().with_kind(MessageContentKind::Basic(BasicMessage::new()));
    assert_eq!(serde_json::to_value(sent).unwrap(), json!({ "basic": {} }));
}

#[test]
fn a_group_with_a_malformed_member_is_an_error_with_its_path() {
    let decode = |v: serde_json::Value| {
        serde_path_to_error::deserialize::<_, MessageContent>(v)
            .map_err(|e| (e.path().to_string(), e.inner().to_string()))
    };
    let (path, message) = decode(json!({ "basic": { "items": "not a list" } })).unwrap_err();
    assert_eq!(path, "basic.items");
    assert!(message.contains("invalid type"), "{message}");
    let err = serde_path_to_error::deserialize::<_, ParticipantId>(json!({ "memberId": 7 })).unwrap_err();
    assert_eq!(err.path().to_string(), "memberId");
}

#[test]
fn response_only_group_keeps_every_member() {
    let data: IdentificationData =
        serde_json::from_value(json!({ "contactId": "c", "memberId": "m", "anonymousVisitorId": "a" })).unwrap();
    assert_eq!(data.member_id.as_deref(), Some("m"));
    assert_eq!(data.anonymous_visitor_id.as_deref(), Some("a"));
    assert_eq!(data.contact_id.as_deref(), Some("c"));
    // The accessor picks the first member in page order.
    assert_eq!(
        data.kind(),
        Some(IdentificationDataKind::AnonymousVisitorId("a".into()))
    );
    let none: IdentificationData = serde_json::from_value(json!({ "contactId": "c" })).unwrap();
    assert_eq!(none.kind(), None);
    assert_eq!(
        serde_json::to_value(&data).unwrap(),
        json!({ "contactId": "c", "memberId": "m", "anonymousVisitorId": "a" }),
        "lossless: encodes back what it decoded"
    );
}

#[test]
fn open_enums_keep_unknown_values() {
    let channel: ChannelType = serde_json::from_value(json!("TELEGRAM")).unwrap();
    assert_eq!(channel, ChannelType::Unknown("TELEGRAM".into()));
    assert_eq!(serde_json::to_value(&channel).unwrap(), json!("TELEGRAM"));
    assert_eq!(ChannelType::from("EMAIL"), ChannelType::Email);
    assert_eq!(ChannelType::Whatsapp.as_str(), "WHATSAPP");
}

#[test]
fn types_sent_and_returned_decode_when_required_fields_are_missing() {
    // `Message` is sent by SendMessage and returned by ListMessages.
    let message: Message = serde_json::from_value(json!({ "sequence": 42, "unknownField": true })).unwrap();
    assert_eq!(message.sequence, Some(42));
    assert_eq!(message.visibility, None);
    assert_eq!(message.direction, None);
    assert_eq!(message.content, None);
    assert_eq!(
        serde_json::to_value(&message).unwrap(),
        json!({ "sequence": "42", "unknownField": true }),
        "absent required fields stay absent when encoded again; the unknown key is kept"
    );
    let built = Message::new(
        MessageContent::new(),
        MessageVisibility::Business,
        MessageDirection::BusinessToParticipant,
    );
    assert_eq!(built.visibility, Some(MessageVisibility::Business));
    let message: Message = serde_json::from_value(json!({ "sequence": "9007199254740993" })).unwrap();
    assert_eq!(
        message.sequence,
        Some(9_007_199_254_740_993),
        "int64 beyond f64 precision survives as a string"
    );
}
