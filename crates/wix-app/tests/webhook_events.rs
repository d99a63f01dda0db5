//! A verified webhook decodes into the typed event: envelope fields, identity,
//! and the created/updated/deleted/action payload whether sent as an object or
//! as an `...AsJson` string; older bare-name events keep their raw payload.

mod support;

use serde::Deserialize;
use serde_json::{Value, json};
use support::*;
use wix_app::webhook::{Event, EventError, Payload, WebhookEvent};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Order {
    id: String,
    number: String,
    #[serde(default)]
    buyer_email: Option<String>,
}

fn order_json() -> Value {
    json!({"id": "ord-1001", "number": "10042", "buyerEmail": "ann@example.com", "addedLater": true})
}

fn order() -> Order {
    Order {
        id: "ord-1001".to_owned(),
        number: "10042".to_owned(),
        buyer_email: Some("ann@example.com".to_owned()),
    }
}

fn receive(event_type: &str, inner: &Value) -> WebhookEvent {
    let claims = verifier()
        .verify_webhook(webhook(event_type, inner).as_bytes())
        .unwrap();
    WebhookEvent::from_verified(&claims).unwrap()
}

fn decode(event_type: &str, inner: &Value) -> Event<Order> {
    receive(event_type, inner).decode::<Order>().unwrap()
}

#[test]
fn created_event_with_the_entity_as_an_object() {
    let event = decode(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entity": order_json()}),
        ),
    );
    assert_eq!(event.payload, Payload::Created { entity: order() });
    assert_eq!(event.event_type, "wix.ecom.v1.order_created");
    assert_eq!(event.instance_id.as_deref(), Some(INSTANCE_ID));
    let identity = event.identity.unwrap();
    assert_eq!(identity.identity_type.as_deref(), Some("WIX_USER"));
    assert_eq!(identity.wix_user_id.as_deref(), Some("u-1"));
    let envelope = event.envelope.unwrap();
    assert_eq!(envelope.id.as_deref(), Some("6f1a9c1e-4b7d-4d5a-9a43-2b1f0e9d8c7b"));
    assert_eq!(envelope.entity_fqdn.as_deref(), Some("wix.ecom.v1.order"));
    assert_eq!(envelope.slug.as_deref(), Some("created"));
    assert_eq!(envelope.entity_id.as_deref(), Some("ord-1001"));
    assert_eq!(envelope.event_time.as_deref(), Some("2025-11-27T10:00:00.000Z"));
    assert_eq!(envelope.triggered_by_anonymize_request, Some(false));
    assert_eq!(envelope.entity_event_sequence, Some(7));
}

#[test]
fn created_event_with_the_entity_as_json_text() {
    let event = decode(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entityAsJson": order_json().to_string()}),
        ),
    );
    assert_eq!(event.payload, Payload::Created { entity: order() });
}

#[test]
fn updated_event_in_both_forms_with_modified_fields() {
    for updated in [
        json!({"currentEntity": order_json(), "modifiedFields": {"buyerEmail": "old@example.com"}}),
        json!({"currentEntityAsJson": order_json().to_string(), "modifiedFields": {"buyerEmail": "old@example.com"}}),
    ] {
        let event = decode(
            "wix.ecom.v1.order_updated",
            &envelope("wix.ecom.v1.order", "updated", "updatedEvent", updated),
        );
        let Payload::Updated {
            entity,
            modified_fields,
        } = event.payload
        else {
            panic!("not an update: {:?}", event.payload);
        };
        assert_eq!(entity, order());
        assert_eq!(modified_fields.get("buyerEmail"), Some(&json!("old@example.com")));
    }
}

#[test]
fn deleted_event_with_and_without_the_entity() {
    let event = decode(
        "wix.ecom.v1.order_deleted",
        &envelope(
            "wix.ecom.v1.order",
            "deleted",
            "deletedEvent",
            json!({"movedToTrash": true}),
        ),
    );
    assert_eq!(
        event.payload,
        Payload::Deleted {
            entity: None,
            moved_to_trash: true
        }
    );
    let event = decode(
        "wix.ecom.v1.order_deleted",
        &envelope(
            "wix.ecom.v1.order",
            "deleted",
            "deletedEvent",
            json!({"deletedEntityAsJson": order_json().to_string()}),
        ),
    );
    assert_eq!(
        event.payload,
        Payload::Deleted {
            entity: Some(order()),
            moved_to_trash: false
        }
    );
}

#[test]
fn action_event_in_both_forms() {
    #[derive(Debug, PartialEq, Deserialize)]
    struct Paid {
        order: Order,
    }
    for action in [
        json!({"body": {"order": order_json()}}),
        json!({"bodyAsJson": json!({"order": order_json()}).to_string()}),
    ] {
        let event = receive(
            "wix.ecom.v1.order_payment_status_updated",
            &envelope("wix.ecom.v1.order", "payment_status_updated", "actionEvent", action),
        );
        let event = event.decode::<Paid>().unwrap();
        assert_eq!(
            event.payload,
            Payload::Action {
                body: Paid { order: order() }
            }
        );
    }
}

#[test]
fn a_legacy_event_keeps_its_raw_payload_and_decodes_whole() {
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct AppInstalled {
        app_id: String,
        origin_instance_id: String,
    }
    let inner = json!({"appId": "app-7", "originInstanceId": ""});
    let event = receive("AppInstalled", &inner);
    assert_eq!(event.event_type(), "AppInstalled");
    assert!(event.envelope().is_none());
    assert_eq!(event.data(), &inner);
    let typed = event.decode::<AppInstalled>().unwrap();
    assert_eq!(
        typed.payload,
        Payload::Other(AppInstalled {
            app_id: "app-7".to_owned(),
            origin_instance_id: String::new()
        })
    );
    assert_eq!(typed.payload.into_inner().unwrap().app_id, "app-7");
}

#[test]
fn account_info_is_read_when_sent() {
    let outer = json!({
        "eventType": "AppInstalled",
        "instanceId": INSTANCE_ID,
        "data": "{}",
        "identity": "",
        "accountInfo": json!({"accountId": "acc-1", "siteId": "site-1"}).to_string(),
    });
    let token = sign(&json!({"data": outer.to_string(), "exp": now() + 300}));
    let claims = verifier().verify_webhook(token.as_bytes()).unwrap();
    let event = WebhookEvent::from_verified(&claims).unwrap();
    let account = event.account_info().unwrap();
    assert_eq!(account.account_id.as_deref(), Some("acc-1"));
    assert_eq!(account.site_id.as_deref(), Some("site-1"));
    assert!(event.identity().is_none());
}

#[test]
fn a_payload_that_does_not_match_the_type_names_the_path_not_the_value() {
    let event = receive(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entity": {"id": "ord-1", "number": 10042, "buyerEmail": "secret@example.com"}}),
        ),
    );
    let error = event.decode::<Order>().unwrap_err();
    let EventError::Payload { part, path, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!((*part, path.as_str()), ("created entity", "number"));
    let text = error.to_string();
    assert!(
        text.contains("wix.ecom.v1.order_created") && text.contains("Order"),
        "{text}"
    );
    assert!(!text.contains("10042") && !text.contains("secret@"), "{text}");
}

#[test]
fn verified_claims_that_are_not_a_webhook_are_an_envelope_error() {
    for claims in [
        json!({"sub": "x"}),
        json!({"data": "not json"}),
        json!({"data": json!({"instanceId": "i"}).to_string()}),
        json!({"data": json!({"eventType": "x", "data": "{broken"}).to_string()}),
        json!({"data": json!({"eventType": "x", "data": json!({"createdEvent": 5}).to_string()}).to_string()}),
    ] {
        let mut claims = claims;
        claims["exp"] = json!(now() + 300);
        let verified = verifier().verify_webhook(sign(&claims).as_bytes()).unwrap();
        let result = WebhookEvent::from_verified(&verified).and_then(|e| e.decode::<Value>());
        assert!(matches!(result, Err(EventError::Envelope(_))), "{claims}: {result:?}");
    }
}

#[test]
fn a_created_event_without_its_entity_is_an_envelope_error() {
    let event = receive(
        "wix.ecom.v1.order_created",
        &envelope("wix.ecom.v1.order", "created", "createdEvent", json!({})),
    );
    assert!(matches!(event.decode::<Order>(), Err(EventError::Envelope(m)) if m.contains("entityAsJson")));
}
