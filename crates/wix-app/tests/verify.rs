//! Verification: RS256 only, the signature before anything else, time claims,
//! and for service plugins `iss` and `aud`. Tokens are signed with a test key
//! made for these tests (tests/keys/).

mod support;

use std::time::Duration;

use base64::Engine;
use jsonwebtoken::Algorithm;
use serde_json::json;
use support::*;
use wix_app::{KeyError, PublicKey, Verifier, VerifyError};

fn event_claims() -> serde_json::Value {
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

#[test]
fn a_token_signed_with_the_app_key_verifies() {
    let claims = event_claims();
    let verified = verifier().verify_webhook(sign(&claims).as_bytes()).unwrap();
    assert_eq!(verified.get("data"), claims.get("data"));
}

#[test]
fn surrounding_whitespace_of_the_body_is_ignored() {
    let body = format!("\n {}\r\n", sign(&event_claims()));
    assert!(verifier().verify_webhook(body.as_bytes()).is_ok());
}

#[test]
fn the_key_is_read_as_pem_as_base64_pem_and_as_one_line_pem() {
    let base64 = base64::engine::general_purpose::STANDARD.encode(PUBLIC);
    let one_line = PUBLIC.trim().replace('\n', "\\n");
    let token = sign(&event_claims());
    for text in [PUBLIC.to_owned(), base64, one_line] {
        let verifier = Verifier::new(PublicKey::from_pem(&text).unwrap());
        assert!(verifier.verify_webhook(token.as_bytes()).is_ok());
    }
}

#[test]
fn keys_that_are_not_an_rsa_public_key_are_refused_without_echoing_them() {
    assert_eq!(PublicKey::from_pem(PRIVATE).unwrap_err(), KeyError::PrivateKey);
    assert_eq!(PublicKey::from_pem("not a key").unwrap_err(), KeyError::NotPem);
    assert_eq!(PublicKey::from_pem("").unwrap_err(), KeyError::NotPem);
    let broken = PUBLIC.replace("MIIB", "MIIC");
    assert_eq!(PublicKey::from_pem(&broken).unwrap_err(), KeyError::NotRsaPublicKey);
    let certificate = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    assert_eq!(PublicKey::from_pem(certificate).unwrap_err(), KeyError::NotRsaPublicKey);
    for error in [KeyError::PrivateKey, KeyError::NotPem, KeyError::NotRsaPublicKey] {
        assert!(!error.to_string().contains("MII"), "{error}");
    }
}

#[test]
fn debug_shows_no_key_material() {
    let key = PublicKey::from_pem(PUBLIC).unwrap();
    let body: String = PUBLIC.lines().nth(1).unwrap().chars().take(20).collect();
    for text in [format!("{key:?}"), format!("{:?}", Verifier::new(key.clone()))] {
        assert!(!text.contains(&body) && !text.contains("MII"), "{text}");
    }
}

#[test]
fn a_token_signed_with_another_key_is_refused() {
    let token = sign_with(&event_claims(), WRONG_PRIVATE, Algorithm::RS256);
    assert_eq!(
        verifier().verify_webhook(token.as_bytes()).unwrap_err(),
        VerifyError::Signature
    );
}

#[test]
fn a_verifier_holding_another_app_key_refuses_the_token() {
    let other = Verifier::new(PublicKey::from_pem(WRONG_PUBLIC).unwrap());
    assert_eq!(
        other.verify_webhook(sign(&event_claims()).as_bytes()).unwrap_err(),
        VerifyError::Signature
    );
}

#[test]
fn a_tampered_payload_is_refused() {
    let token = sign(&event_claims());
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut claims = event_claims();
    claims["data"] = json!(claims["data"].as_str().unwrap().replace("ord-1", "ord-2"));
    parts[1] = b64(claims.to_string().as_bytes());
    let tampered = parts.join(".");
    assert_eq!(
        verifier().verify_webhook(tampered.as_bytes()).unwrap_err(),
        VerifyError::Signature
    );
}

#[test]
fn a_tampered_signature_is_refused() {
    let token = sign(&event_claims());
    let (rest, signature) = token.rsplit_once('.').unwrap();
    let flipped = if signature.starts_with('A') { "B" } else { "A" };
    let tampered = format!("{rest}.{flipped}{}", &signature[1..]);
    assert_eq!(
        verifier().verify_webhook(tampered.as_bytes()).unwrap_err(),
        VerifyError::Signature
    );
}

#[test]
fn alg_none_is_refused() {
    for signature in ["", "AAAA"] {
        let token = assemble(&json!({"alg": "none", "typ": "JWT"}), &event_claims(), signature);
        assert_eq!(
            verifier().verify_webhook(token.as_bytes()).unwrap_err(),
            VerifyError::Algorithm {
                alg: Some("none".to_owned())
            }
        );
    }
}

#[test]
fn hs256_signed_with_the_public_key_is_refused() {
    let token = hs256_with_public_key(&event_claims());
    let error = verifier().verify_webhook(token.as_bytes()).unwrap_err();
    assert_eq!(
        error,
        VerifyError::Algorithm {
            alg: Some("HS256".to_owned())
        }
    );
    assert_eq!(error.check(), "alg");
}

#[test]
fn other_rsa_algorithms_are_refused_even_with_a_valid_signature() {
    for alg in [Algorithm::RS512, Algorithm::PS256] {
        let token = sign_with(&event_claims(), PRIVATE, alg);
        assert!(
            matches!(
                verifier().verify_webhook(token.as_bytes()),
                Err(VerifyError::Algorithm { .. })
            ),
            "{alg:?}"
        );
    }
}

#[test]
fn an_unreadable_or_hostile_alg_is_refused_without_being_echoed() {
    for alg in [
        json!(null),
        json!(256),
        json!("RS256\n<script>"),
        json!("x".repeat(100)),
    ] {
        let token = assemble(&json!({"alg": alg}), &event_claims(), "AAAA");
        assert_eq!(
            verifier().verify_webhook(token.as_bytes()).unwrap_err(),
            VerifyError::Algorithm { alg: None }
        );
    }
}

#[test]
fn an_expired_token_is_refused() {
    let mut claims = event_claims();
    claims["exp"] = json!(now() - 3600);
    claims["iat"] = json!(now() - 7200);
    let error = verifier().verify_webhook(sign(&claims).as_bytes()).unwrap_err();
    assert_eq!(error, VerifyError::Expired);
    assert_eq!(error.check(), "exp");
}

#[test]
fn the_leeway_covers_small_clock_skew_only() {
    let mut claims = event_claims();
    claims["exp"] = json!(now() - 10);
    let token = sign(&claims);
    assert!(verifier().verify_webhook(token.as_bytes()).is_ok());
    let strict = verifier().leeway(Duration::ZERO);
    assert_eq!(
        strict.verify_webhook(token.as_bytes()).unwrap_err(),
        VerifyError::Expired
    );
}

#[test]
fn a_token_issued_in_the_future_is_refused() {
    let mut claims = event_claims();
    claims["iat"] = json!(now() + 3600);
    assert_eq!(
        verifier().verify_webhook(sign(&claims).as_bytes()).unwrap_err(),
        VerifyError::IssuedInFuture
    );
    claims["iat"] = json!("yesterday");
    assert_eq!(
        verifier().verify_webhook(sign(&claims).as_bytes()).unwrap_err(),
        VerifyError::ClaimFormat("iat")
    );
}

#[test]
fn a_service_plugin_token_needs_wix_as_issuer_and_the_app_as_audience() {
    let claims = plugin_claims(json!({"code": "GC-1"}), metadata());
    assert!(
        verifier()
            .verify_service_plugin(sign(&claims).as_bytes(), APP_ID)
            .is_ok()
    );

    let mut wrong_aud = claims.clone();
    wrong_aud["aud"] = json!("another-app");
    let error = verifier()
        .verify_service_plugin(sign(&wrong_aud).as_bytes(), APP_ID)
        .unwrap_err();
    assert_eq!(error, VerifyError::Audience);
    assert_eq!(error.check(), "aud");

    let mut wrong_iss = claims.clone();
    wrong_iss["iss"] = json!("evil.example");
    let error = verifier()
        .verify_service_plugin(sign(&wrong_iss).as_bytes(), APP_ID)
        .unwrap_err();
    assert_eq!(error, VerifyError::Issuer);
    assert_eq!(error.check(), "iss");

    for claim in ["iss", "aud"] {
        let mut missing = claims.clone();
        missing.as_object_mut().unwrap().remove(claim);
        assert!(
            matches!(
                verifier().verify_service_plugin(sign(&missing).as_bytes(), APP_ID),
                Err(VerifyError::MissingClaim(c)) if c == claim
            ),
            "{claim}"
        );
    }
}

#[test]
fn a_webhook_token_is_not_a_service_plugin_token() {
    let token = sign(&event_claims());
    assert_eq!(
        verifier().verify_service_plugin(token.as_bytes(), APP_ID).unwrap_err(),
        VerifyError::MissingClaim("iss")
    );
}

#[test]
fn bodies_that_are_not_a_compact_jwt_are_malformed() {
    let token = sign(&event_claims());
    let two_parts = token.rsplit_once('.').unwrap().0.to_owned();
    let four_parts = format!("{token}.AAAA");
    for body in [
        &b""[..],
        b"not a token",
        b"{\"eventType\": \"wix.ecom.v1.order_created\"}",
        two_parts.as_bytes(),
        four_parts.as_bytes(),
        b"\xff\xfe.\x00.\x01",
    ] {
        assert_eq!(verifier().verify_webhook(body).unwrap_err(), VerifyError::Malformed);
    }
}

#[test]
fn the_payload_is_not_read_before_the_signature_holds() {
    // The header is RS256 and the signature is bogus; the payload is not even
    // base64 JSON. A verifier that read the payload first would say
    // "malformed"; this one stops at the signature.
    let header = b64(br#"{"alg":"RS256","typ":"JWT"}"#);
    let token = format!("{header}.!!!this-is-not-base64-json!!!.AAAA");
    assert_eq!(
        verifier().verify_webhook(token.as_bytes()).unwrap_err(),
        VerifyError::Signature
    );

    // And a signed token whose payload is not JSON is malformed, after the
    // signature held: the two checks are told apart.
    let signed = {
        use jsonwebtoken::crypto::sign as raw_sign;
        let key = jsonwebtoken::EncodingKey::from_rsa_pem(PRIVATE.as_bytes()).unwrap();
        let message = format!("{header}.{}", b64(b"not json"));
        let signature = raw_sign(message.as_bytes(), &key, Algorithm::RS256).unwrap();
        format!("{message}.{signature}")
    };
    assert_eq!(
        verifier().verify_webhook(signed.as_bytes()).unwrap_err(),
        VerifyError::Malformed
    );
}

#[test]
fn errors_never_contain_the_token_or_the_key() {
    let token = sign_with(&event_claims(), WRONG_PRIVATE, Algorithm::RS256);
    let mut claims = event_claims();
    claims["exp"] = json!(now() - 3600);
    let expired = sign(&claims);
    let hs = hs256_with_public_key(&event_claims());
    for body in [token, expired, hs] {
        let error = verifier().verify_webhook(body.as_bytes()).unwrap_err();
        let text = format!("{error} {error:?}");
        for part in body.split('.') {
            assert!(!text.contains(&part[..part.len().min(16)]), "{text}");
        }
        assert!(!text.contains("MII"), "{text}");
    }
}
