//! The service-plugin types generated code names: metadata decoding, replies
//! and application errors on the wire.

use serde_json::{Value, json};
use wix_client::plugin::{ApplicationError, Metadata, Reply, decode_request};

#[test]
fn metadata_decodes_known_fields_and_keeps_the_rest() {
    let metadata: Metadata = serde_json::from_value(json!({
        "requestId": "req-1",
        "instanceId": "inst-1",
        "currency": "USD",
        "languages": ["he", "en"],
        "identity": {"identityType": "MEMBER", "memberId": "m-1", "newKey": 1},
        "appExtensionType": "GIFT_CARDS",
    }))
    .unwrap();
    assert_eq!(metadata.request_id.as_deref(), Some("req-1"));
    assert_eq!(metadata.instance_id.as_deref(), Some("inst-1"));
    assert_eq!(metadata.currency.as_deref(), Some("USD"));
    assert_eq!(metadata.languages, ["he", "en"]);
    let identity = metadata.identity.as_ref().unwrap();
    assert_eq!(identity.identity_type.as_deref(), Some("MEMBER"));
    assert_eq!(identity.member_id.as_deref(), Some("m-1"));
    assert_eq!(identity.other.get("newKey"), Some(&json!(1)));
    assert_eq!(metadata.other.get("appExtensionType"), Some(&json!("GIFT_CARDS")));
}

#[test]
fn metadata_with_nothing_or_nulls_decodes_empty() {
    let empty: Metadata = serde_json::from_value(json!({})).unwrap();
    assert_eq!(empty, Metadata::default());
    let nulls: Metadata =
        serde_json::from_value(json!({"requestId": null, "languages": null, "identity": null})).unwrap();
    assert_eq!(nulls, Metadata::default());
}

#[test]
fn ok_reply_is_200_with_the_response_json() {
    let reply = Reply::from_result::<Value>(Ok(json!({"balance": "25.00", "currencyCode": "USD"})));
    assert_eq!(reply.status(), 200);
    let body: Value = serde_json::from_str(reply.body()).unwrap();
    assert_eq!(body, json!({"balance": "25.00", "currencyCode": "USD"}));
}

#[test]
fn application_error_reply_has_its_status_code_and_data() {
    let error = ApplicationError::new(404, "GIFT_CARD_NOT_FOUND");
    let reply = Reply::from_result::<Value>(Err(error));
    assert_eq!(reply.status(), 404);
    let body: Value = serde_json::from_str(reply.body()).unwrap();
    assert_eq!(
        body,
        json!({"applicationError": {"code": "GIFT_CARD_NOT_FOUND", "data": {}}})
    );

    let reply = Reply::from_error(&ApplicationError::new(409, "ALREADY_REDEEMED").with_data(json!("tx-9")));
    assert_eq!(reply.status(), 409);
    let body: Value = serde_json::from_str(reply.body()).unwrap();
    assert_eq!(body["applicationError"]["data"], json!({"value": "tx-9"}));
}

#[test]
fn an_application_error_never_reads_as_success() {
    for status in [0, 200, 204, 302, 399, 600, u16::MAX] {
        assert_eq!(ApplicationError::new(status, "X").status(), 500, "status {status}");
        assert_eq!(Reply::from_error(&ApplicationError::new(status, "X")).status(), 500);
    }
    for status in [400, 428, 599] {
        assert_eq!(ApplicationError::new(status, "X").status(), status);
    }
}

#[test]
fn a_mismatched_request_is_400_naming_the_path_not_the_value() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        pin: u32,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct RedeemRequest {
        code: String,
        card: Inner,
    }
    let reply = decode_request::<RedeemRequest>("redeem", json!({"code": "GC-1", "card": {"pin": "secret-pin-7"}}))
        .unwrap_err();
    assert_eq!(reply.status(), 400);
    assert!(reply.body().contains("`redeem`"), "{}", reply.body());
    assert!(reply.body().contains("RedeemRequest"), "{}", reply.body());
    assert!(reply.body().contains("`card.pin`"), "{}", reply.body());
    assert!(!reply.body().contains("secret-pin-7"), "{}", reply.body());

    let missing = decode_request::<RedeemRequest>("redeem", json!({"card": {"pin": 1}})).unwrap_err();
    assert_eq!(missing.status(), 400);
    assert!(missing.body().contains("at the top level"), "{}", missing.body());
}

#[test]
fn unknown_method_is_404_and_does_not_echo_control_characters() {
    let reply = Reply::unknown_method("getBalance\r\nX-Injected: 1");
    assert_eq!(reply.status(), 404);
    let body: Value = serde_json::from_str(reply.body()).unwrap();
    let message = body["message"].as_str().unwrap();
    assert!(!message.contains('\r') && !message.contains('\n'), "{message}");
}
