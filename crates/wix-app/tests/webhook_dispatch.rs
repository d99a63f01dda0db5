//! The webhook dispatcher: two event types routed to their handlers, an
//! unknown type acknowledged, and the HTTP status of every other outcome.

mod support;

use std::sync::{Arc, Mutex};

use serde::Deserialize;
use serde_json::{Value, json};
use support::*;
use wix_app::webhook::{Event, Webhooks};

#[derive(Debug, Deserialize)]
struct Order {
    id: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppInstalled {
    app_id: String,
}

type Log = Arc<Mutex<Vec<String>>>;

fn dispatcher(log: &Log) -> Webhooks {
    let created = Arc::clone(log);
    let installed = Arc::clone(log);
    let failing = Arc::clone(log);
    Webhooks::new(verifier())
        .on("wix.ecom.v1.order_created", move |event: Event<Order>| {
            let log = Arc::clone(&created);
            async move {
                let order = event.payload.into_inner().expect("entity");
                log.lock().unwrap().push(format!("order_created {}", order.id));
                Ok(())
            }
        })
        .on("AppInstalled", move |event: Event<AppInstalled>| {
            let log = Arc::clone(&installed);
            async move {
                let app = event.payload.into_inner().expect("payload");
                let instance = event.instance_id.unwrap_or_default();
                log.lock()
                    .unwrap()
                    .push(format!("AppInstalled {} {instance}", app.app_id));
                Ok(())
            }
        })
        .on_raw("wix.ecom.v1.order_canceled", move |_event| {
            let log = Arc::clone(&failing);
            async move {
                log.lock().unwrap().push("order_canceled".to_owned());
                Err("the database is down".into())
            }
        })
}

fn order_created(id: &str) -> String {
    webhook(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entityAsJson": json!({"id": id}).to_string()}),
        ),
    )
}

fn body(response: &wix_app::Response) -> Value {
    serde_json::from_str(response.body()).unwrap()
}

#[tokio::test]
async fn two_event_types_reach_their_own_handlers() {
    let log = Log::default();
    let webhooks = dispatcher(&log);

    let response = webhooks.handle(order_created("ord-1").as_bytes()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(body(&response), json!({"outcome": "handled"}));
    assert!(
        response.summary().contains("wix.ecom.v1.order_created"),
        "{}",
        response.summary()
    );

    let response = webhooks
        .handle(webhook("AppInstalled", &json!({"appId": "app-7", "originInstanceId": ""})).as_bytes())
        .await;
    assert_eq!(response.status(), 200);

    assert_eq!(
        *log.lock().unwrap(),
        [
            "order_created ord-1".to_owned(),
            format!("AppInstalled app-7 {INSTANCE_ID}")
        ]
    );
}

#[tokio::test]
async fn an_unknown_event_type_is_acknowledged_and_runs_no_handler() {
    let log = Log::default();
    let webhooks = dispatcher(&log);
    let token = webhook(
        "wix.contacts.v4.contact_created",
        &envelope(
            "wix.contacts.v4.contact",
            "created",
            "createdEvent",
            json!({"entity": {"id": "c-1"}}),
        ),
    );
    let response = webhooks.handle(token.as_bytes()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(body(&response), json!({"outcome": "acknowledged"}));
    assert!(response.summary().contains("no handler"), "{}", response.summary());
    assert!(log.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_forged_event_is_refused_with_401_and_runs_no_handler() {
    let log = Log::default();
    let webhooks = dispatcher(&log);
    let claims = webhook_claims(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entity": {"id": "forged"}}),
        ),
    );
    let forged = [
        sign_with(&claims, WRONG_PRIVATE, jsonwebtoken::Algorithm::RS256),
        hs256_with_public_key(&claims),
        assemble(&json!({"alg": "none"}), &claims, ""),
        claims["data"].as_str().unwrap().to_owned(), // the event JSON itself, unsigned
    ];
    for token in forged {
        let response = webhooks.handle(token.as_bytes()).await;
        assert_eq!(response.status(), 401, "{}", response.summary());
        assert!(response.summary().starts_with("refused ("), "{}", response.summary());
        assert!(!response.body().contains(&token[..20]));
    }
    assert!(log.lock().unwrap().is_empty(), "{:?}", log.lock().unwrap());
}

#[tokio::test]
async fn a_failing_handler_answers_500_so_wix_retries() {
    let log = Log::default();
    let webhooks = dispatcher(&log);
    let token = webhook(
        "wix.ecom.v1.order_canceled",
        &envelope("wix.ecom.v1.order", "canceled", "actionEvent", json!({"body": {}})),
    );
    let response = webhooks.handle(token.as_bytes()).await;
    assert_eq!(response.status(), 500);
    assert!(
        response.summary().contains("the database is down"),
        "{}",
        response.summary()
    );
    assert_eq!(*log.lock().unwrap(), ["order_canceled"]);
}

#[tokio::test]
async fn a_payload_the_handler_type_cannot_read_answers_400_and_runs_no_handler() {
    let log = Log::default();
    let webhooks = dispatcher(&log);
    let token = webhook(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entity": {"id": 5}}),
        ),
    );
    let response = webhooks.handle(token.as_bytes()).await;
    assert_eq!(response.status(), 400);
    assert!(body(&response)["message"].as_str().unwrap().contains("`id`"));
    assert!(log.lock().unwrap().is_empty());
}

#[tokio::test]
async fn verified_claims_that_are_not_a_webhook_answer_400() {
    let webhooks = dispatcher(&Log::default());
    let response = webhooks
        .handle(sign(&json!({"iat": now(), "exp": now() + 300})).as_bytes())
        .await;
    assert_eq!(response.status(), 400);
}

#[test]
fn registered_event_types_are_listed() {
    assert_eq!(
        dispatcher(&Log::default()).event_types(),
        [
            "AppInstalled",
            "wix.ecom.v1.order_canceled",
            "wix.ecom.v1.order_created"
        ]
    );
}

#[test]
#[should_panic(expected = "two webhook handlers for event type `AppInstalled`")]
fn registering_an_event_type_twice_is_a_setup_error() {
    let _ = dispatcher(&Log::default()).on_raw("AppInstalled", |_| async { Ok(()) });
}
