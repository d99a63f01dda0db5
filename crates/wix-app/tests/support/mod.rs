//! Helpers shared by the integration tests: the test keys, and tokens signed
//! the way Wix signs them (RS256 with the app's key), or forged.
#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use wix_app::{PublicKey, Verifier};

/// The test key pair (made for these tests only; see tests/keys/README.md).
pub const PRIVATE: &str = include_str!("../keys/test_private.pem");
pub const PUBLIC: &str = include_str!("../keys/test_public.pem");
/// Another key pair: tokens signed with it must be refused.
pub const WRONG_PRIVATE: &str = include_str!("../keys/wrong_private.pem");
pub const WRONG_PUBLIC: &str = include_str!("../keys/wrong_public.pem");

pub const APP_ID: &str = "3f8f0d0b-7a1e-4c65-9c2e-1d2f3a4b5c6d";
pub const INSTANCE_ID: &str = "a1b2c3d4-0000-4000-8000-000000000001";

pub fn now() -> u64 {
    jsonwebtoken::get_current_timestamp()
}

pub fn verifier() -> Verifier {
    Verifier::new(PublicKey::from_pem(PUBLIC).expect("test public key"))
}

/// RS256 with the test key, as Wix signs.
pub fn sign(claims: &Value) -> String {
    sign_with(claims, PRIVATE, Algorithm::RS256)
}

pub fn sign_with(claims: &Value, private_pem: &str, alg: Algorithm) -> String {
    let key = EncodingKey::from_rsa_pem(private_pem.as_bytes()).expect("test private key");
    jsonwebtoken::encode(&Header::new(alg), claims, &key).expect("sign")
}

/// The HS256 confusion attack: HMAC-signed with the public key's bytes as the secret.
pub fn hs256_with_public_key(claims: &Value) -> String {
    let key = EncodingKey::from_secret(PUBLIC.as_bytes());
    jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &key).expect("sign")
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A token assembled by hand from a header, claims and a signature segment.
pub fn assemble(header: &Value, claims: &Value, signature: &str) -> String {
    format!(
        "{}.{}.{signature}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    )
}

/// The `data` claim of a webhook: JSON text of `{eventType, instanceId, data, identity}`,
/// with `data` and `identity` JSON text again.
pub fn webhook_claims(event_type: &str, inner: &Value) -> Value {
    let outer = json!({
        "eventType": event_type,
        "instanceId": INSTANCE_ID,
        "data": inner.to_string(),
        "identity": json!({"identityType": "WIX_USER", "wixUserId": "u-1"}).to_string(),
    });
    json!({"data": outer.to_string(), "iat": now(), "exp": now() + 300})
}

pub fn webhook(event_type: &str, inner: &Value) -> String {
    sign(&webhook_claims(event_type, inner))
}

/// A domain-event envelope with one of the four kinds.
pub fn envelope(entity_fqdn: &str, slug: &str, kind: &str, body: Value) -> Value {
    let mut envelope = json!({
        "id": "6f1a9c1e-4b7d-4d5a-9a43-2b1f0e9d8c7b",
        "entityFqdn": entity_fqdn,
        "slug": slug,
        "entityId": "ord-1001",
        "eventTime": "2025-11-27T10:00:00.000Z",
        "triggeredByAnonymizeRequest": false,
        "entityEventSequence": "7",
    });
    envelope[kind] = body;
    envelope
}

/// The claims of a service-plugin call: `data` is an object `{request, metadata}`.
pub fn plugin_claims(request: Value, metadata: Value) -> Value {
    json!({
        "iss": "wix.com",
        "aud": APP_ID,
        "iat": now(),
        "exp": now() + 300,
        "data": {"request": request, "metadata": metadata},
    })
}

pub fn metadata() -> Value {
    json!({
        "requestId": "req-42",
        "instanceId": INSTANCE_ID,
        "currency": "USD",
        "languages": ["en"],
        "identity": {"identityType": "ANONYMOUS_VISITOR", "anonymousVisitorId": "v-1"},
        "appExtensionType": "GIFT_CARDS_PROVIDER",
    })
}

/// RS256 with the test key over a header written by hand (`crit`, `kid`, ...).
pub fn sign_with_header(header: &Value, claims: &Value) -> String {
    let key = EncodingKey::from_rsa_pem(PRIVATE.as_bytes()).expect("test private key");
    let message = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let signature = jsonwebtoken::crypto::sign(message.as_bytes(), &key, Algorithm::RS256).expect("sign");
    format!("{message}.{signature}")
}
