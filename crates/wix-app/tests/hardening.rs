//! What Wix sends an app, tried as an attacker would (issue 22, points 1-6 of
//! wix-app): each test is named after the point it covers and failed on the
//! code before the fix.

mod support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use support::*;
use wix_app::webhook::{Event, WebhookEvent, Webhooks};

fn order_claims() -> Value {
    webhook_claims(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entity": {"id": "ord-1"}}),
        ),
    )
}

fn plugin() -> Value {
    plugin_claims(json!({"code": "GC-1"}), metadata())
}

/// The check that refused `claims` as a webhook, or `None` if they verified.
fn webhook_check(token: &str) -> Option<&'static str> {
    verifier().verify_webhook(token.as_bytes()).err().map(|e| e.check())
}

fn plugin_check(token: &str) -> Option<&'static str> {
    verifier()
        .verify_service_plugin(token.as_bytes(), APP_ID)
        .err()
        .map(|e| e.check())
}

#[test]
fn point_1_token_without_exp_is_refused() {
    let mut webhook = order_claims();
    webhook.as_object_mut().unwrap().remove("exp");
    assert_eq!(webhook_check(&sign(&webhook)), Some("claims"));
    let mut call = plugin();
    call.as_object_mut().unwrap().remove("exp");
    assert_eq!(plugin_check(&sign(&call)), Some("claims"));
    // `exp` must be a number.
    webhook["exp"] = json!("tomorrow");
    assert_eq!(webhook_check(&sign(&webhook)), Some("claims"));
}

#[test]
fn point_1_token_living_longer_than_the_cap_is_refused() {
    // A token valid for 30 days would make a captured body replayable for a month.
    let mut claims = order_claims();
    claims["exp"] = json!(now() + 30 * 86_400);
    assert_eq!(webhook_check(&sign(&claims)), Some("lifetime"));
    // Without `iat`, the lifetime left from now is capped alike.
    claims.as_object_mut().unwrap().remove("iat");
    assert_eq!(webhook_check(&sign(&claims)), Some("lifetime"));
    // What Wix sends (minutes to hours) verifies.
    let mut claims = order_claims();
    claims["exp"] = json!(now() + 3600);
    assert_eq!(webhook_check(&sign(&claims)), None);
}

#[test]
fn point_2_non_string_iss_and_aud_are_refused() {
    let mut both = plugin();
    both["iss"] = json!(123);
    both["aud"] = json!({"x": 1});
    assert!(plugin_check(&sign(&both)).is_some());

    for (iss, check) in [
        (json!(123), "iss"),
        (json!(["wix.com"]), "iss"),
        (json!({"x": 1}), "iss"),
    ] {
        let mut claims = plugin();
        claims["iss"] = iss.clone();
        assert_eq!(plugin_check(&sign(&claims)), Some(check), "iss {iss}");
    }
    for aud in [
        json!(123),
        json!({"x": 1}),
        json!([1, 2]),
        json!(true),
        json!(["another-app"]),
    ] {
        let mut claims = plugin();
        claims["aud"] = aud.clone();
        assert_eq!(plugin_check(&sign(&claims)), Some("aud"), "aud {aud}");
    }
    // RFC 7519 allows `aud` as an array of strings; this app's ID in it is accepted.
    let mut claims = plugin();
    claims["aud"] = json!(["another-app", APP_ID]);
    assert_eq!(plugin_check(&sign(&claims)), None);
}

#[test]
fn point_3_a_crit_header_is_refused() {
    let header = json!({"alg": "RS256", "typ": "JWT", "crit": ["b64"], "b64": true});
    assert_eq!(webhook_check(&sign_with_header(&header, &order_claims())), Some("crit"));
    let plain = json!({"alg": "RS256", "typ": "JWT", "kid": "k1"});
    assert_eq!(webhook_check(&sign_with_header(&plain, &order_claims())), None);
}

#[test]
fn point_3_a_future_nbf_is_refused() {
    let mut claims = order_claims();
    claims["nbf"] = json!(now() + 3600);
    assert_eq!(webhook_check(&sign(&claims)), Some("nbf"));
    claims["nbf"] = json!("later");
    assert_eq!(webhook_check(&sign(&claims)), Some("claims"));
    claims["nbf"] = json!(now() - 10);
    assert_eq!(webhook_check(&sign(&claims)), None);
}

#[test]
fn point_3_an_unbounded_leeway_is_clamped() {
    let mut expired = order_claims();
    expired["iat"] = json!(now() - 7200);
    expired["exp"] = json!(now() - 3600);
    let mut future = order_claims();
    future["iat"] = json!(now() + 86_400);
    future["exp"] = json!(now() + 86_400 + 300);
    for leeway in [
        Duration::from_secs(100 * 365 * 86_400),
        Duration::from_secs(u64::MAX),
        Duration::MAX,
    ] {
        let lenient = verifier().leeway(leeway);
        assert_eq!(
            lenient.verify_webhook(sign(&expired).as_bytes()).map_err(|e| e.check()),
            Err("exp"),
            "{leeway:?}"
        );
        assert_eq!(
            lenient.verify_webhook(sign(&future).as_bytes()).map_err(|e| e.check()),
            Err("iat"),
            "{leeway:?}"
        );
    }
}

#[tokio::test]
async fn point_3_a_service_plugin_token_on_the_webhook_route_is_refused() {
    let token = sign(&plugin());
    assert_eq!(webhook_check(&token), Some("purpose"));
    let response = Webhooks::new(verifier()).handle(token.as_bytes()).await;
    assert_eq!(response.status(), 401, "{}", response.body());
    assert!(
        response.summary().contains("refused (purpose)"),
        "{}",
        response.summary()
    );
}

#[test]
fn point_4_an_oversized_body_is_refused_before_any_decoding() {
    // Not even a JWT: a verifier that decoded first would say "malformed".
    let garbage = vec![b'A'; 2 << 20];
    let error = verifier().verify_webhook(&garbage).unwrap_err();
    assert_eq!(error.check(), "size", "{error}");
    // A validly signed token over the default cap (1 MiB) is refused too.
    let mut claims = order_claims();
    claims["padding"] = json!("x".repeat(1 << 20));
    assert_eq!(webhook_check(&sign(&claims)), Some("size"));
    assert!(error.to_string().contains("1048576"), "{error}");
}

#[test]
fn point_4_the_size_cap_is_configurable() {
    let token = sign(&order_claims());
    let tight = verifier().max_token_bytes(token.len() - 1);
    assert_eq!(tight.verify_webhook(token.as_bytes()).unwrap_err().check(), "size");
    let exact = verifier().max_token_bytes(token.len());
    assert!(exact.verify_webhook(token.as_bytes()).is_ok());
}

fn unix(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

#[test]
fn point_6_every_verified_request_has_a_delivery_id_and_its_times() {
    // A domain event: the envelope's id, the same for every delivery of it.
    let claims = order_claims();
    let token = sign(&claims);
    let verified = verifier().verify_webhook(token.as_bytes()).unwrap();
    assert_eq!(verified.issued_at(), Some(unix(claims["iat"].as_u64().unwrap())));
    assert_eq!(verified.expires_at(), unix(claims["exp"].as_u64().unwrap()));
    let event = WebhookEvent::from_verified(&verified).unwrap();
    assert_eq!(event.delivery_id(), "6f1a9c1e-4b7d-4d5a-9a43-2b1f0e9d8c7b");
    assert_eq!(event.issued_at(), verified.issued_at());
    assert_eq!(event.expires_at(), verified.expires_at());
    let typed: Event<Value> = event.decode().unwrap();
    assert_eq!(typed.delivery_id, "6f1a9c1e-4b7d-4d5a-9a43-2b1f0e9d8c7b");
    assert_eq!(
        (typed.issued_at, typed.expires_at),
        (verified.issued_at(), verified.expires_at())
    );

    // An older event has no envelope id: a digest of the token's signature,
    // the same for the same body, another for another token.
    let installed = webhook_claims("AppInstalled", &json!({"appId": "app-7"}));
    let first = sign(&installed);
    let id = |token: &str| {
        let verified = verifier().verify_webhook(token.as_bytes()).unwrap();
        let event = WebhookEvent::from_verified(&verified).unwrap();
        assert_eq!(event.delivery_id(), verified.token_digest());
        event.delivery_id().to_owned()
    };
    let digest = id(&first);
    assert!(digest.starts_with("sha256:") && digest.len() == 7 + 64, "{digest}");
    assert!(digest[7..].chars().all(|c| c.is_ascii_hexdigit()), "{digest}");
    assert_eq!(id(&first), digest);
    assert_eq!(id(&format!("  {first}\n")), digest);
    let mut other = installed.clone();
    // One second before the first token's own `iat` (not `now() - 1`, which
    // equals it when a second boundary passed since it was made).
    other["iat"] = json!(installed["iat"].as_i64().unwrap() - 1);
    assert_ne!(id(&sign(&other)), digest);

    // Service-plugin calls carry one too.
    let verified = verifier()
        .verify_service_plugin(sign(&plugin()).as_bytes(), APP_ID)
        .unwrap();
    assert!(verified.token_digest().starts_with("sha256:"));
}
