//! With the feature `tracing` (on by default), each failed verification is one
//! `WARN` event naming the failed check, without the token.
#![cfg(feature = "tracing")]

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use jsonwebtoken::Algorithm;
use serde_json::json;
use support::*;
use tracing_subscriber::util::SubscriberInitExt;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What `wix_app` traces at any level while `f` runs on this thread.
fn traced(f: impl FnOnce()) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let guard = tracing_subscriber::fmt()
        .with_env_filter("wix_app=trace")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish()
        .set_default();
    f();
    drop(guard);
    String::from_utf8_lossy(&captured.0.lock().expect("lock")).into_owned()
}

#[test]
fn a_forged_webhook_is_one_warning_naming_the_signature_check_without_the_token() {
    let claims = webhook_claims("wix.ecom.v1.order_created", &json!({"secret": "claim-value-42"}));
    let forged = sign_with(&claims, WRONG_PRIVATE, Algorithm::RS256);
    let text = traced(|| {
        assert!(verifier().verify_webhook(forged.as_bytes()).is_err());
    });
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].contains("WARN") && lines[0].contains("verification failed"),
        "{text}"
    );
    assert!(
        lines[0].contains("kind=\"webhook\"") && lines[0].contains("check=\"signature\""),
        "{text}"
    );
    for part in forged.split('.') {
        assert!(!text.contains(part), "a part of the token is in the trace:\n{text}");
    }
    assert!(!text.contains("claim-value-42"), "{text}");
}

#[test]
fn a_service_plugin_call_for_another_app_names_the_audience_check() {
    let mut claims = plugin_claims(json!({}), metadata());
    claims["aud"] = json!("another-app");
    let token = sign(&claims);
    let text = traced(|| {
        assert!(verifier().verify_service_plugin(token.as_bytes(), APP_ID).is_err());
    });
    assert!(
        text.contains("kind=\"service_plugin\"") && text.contains("check=\"aud\""),
        "{text}"
    );
    assert!(!text.contains(&token), "{text}");
}

#[test]
fn a_valid_token_traces_nothing() {
    let token = sign(&webhook_claims("wix.ecom.v1.order_created", &json!({})));
    let text = traced(|| {
        assert!(verifier().verify_webhook(token.as_bytes()).is_ok());
    });
    assert_eq!(text, "");
}
