//! Verifying the token Wix sends: RS256 only, signature first, then the claims.
//!
//! Every request Wix sends an app (a webhook, a service-plugin call) carries a
//! compact JWT signed RS256 with the app's key. [`Verifier`] checks, in order:
//!
//! 1. the body is at most [`DEFAULT_MAX_TOKEN_BYTES`] (or the configured cap),
//!    before anything is decoded;
//! 2. it is a compact JWS (three base64url parts); the header is decoded once;
//! 3. the header's `alg` is `RS256` (anything else, `none` and `HS256`
//!    included, is refused before any key is used) and it has no `crit`
//!    (RFC 7515 §4.1.11: extensions this crate does not understand);
//! 4. the signature holds for the app's public key;
//! 5. then, and only then, the claims are decoded: `exp` (required, not in
//!    the past), `iat` and `nbf` (not in the future) with a leeway for clock
//!    skew of at most [`MAX_LEEWAY`], and `exp - iat` at most
//!    [`MAX_TOKEN_LIFETIME`]; for service plugins also `iss` (the string
//!    `wix.com`) and `aud` (the app's ID), compared here as strings; for
//!    webhooks, that the token is not a service-plugin call.
//!
//! The only way to the claims is a [`VerifiedClaims`], which only a successful
//! verification makes; events and plugin requests are decoded from it.
//!
//! [`Verifier`] is synchronous. The dispatchers call it on the async task for
//! ordinary bodies (about 20 µs for RS256 on aws-lc-rs) and move bodies over
//! 16 KiB to tokio's blocking pool (measurements in `offload.rs`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use crate::PublicKey;

/// The issuer of service-plugin tokens.
pub const WIX_ISSUER: &str = "wix.com";

/// The default cap on a token's size, checked before anything is decoded:
/// 1 MiB. A webhook carries one entity (an order with its line items is tens
/// of kilobytes, base64 of JSON inside JSON), so this leaves ample room while
/// a forged multi-megabyte body is refused without decoding a byte of it.
/// Change it with [`Verifier::max_token_bytes`].
pub const DEFAULT_MAX_TOKEN_BYTES: usize = 1 << 20;

/// The most clock skew [`Verifier::leeway`] accepts: 5 minutes, the skew
/// Kerberos (RFC 4120 §1.6) and most JWT deployments allow. A larger leeway
/// is clamped to it, so no setting turns the time checks off.
pub const MAX_LEEWAY: Duration = Duration::from_secs(5 * 60);

/// The longest a token may live, `exp - iat` (or `exp - now` without `iat`):
/// 96 hours. Wix's own sample token (dev.wix.com, "Verify Requests Received
/// from Wix") lives 300,000 s, about 83 hours, and Wix retries a webhook for
/// up to 48 hours; 96 hours admits both, while a captured body stays
/// replayable for days at most, never forever. Tighten it with
/// [`Verifier::max_lifetime`].
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(96 * 3600);

/// Which check refused a token. The messages name the check and never contain
/// the token or the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The body is larger than the verifier's cap; nothing of it was decoded.
    #[error(
        "the body is larger than {limit} bytes, the most a token may have; nothing of it was read (raise \
         `Verifier::max_token_bytes` if Wix really sends tokens this large)"
    )]
    TooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// The body is not a compact JWT: three base64url parts, a JSON header and JSON claims.
    #[error("the body is not a compact JWT (three base64url parts with a JSON header and JSON claims)")]
    Malformed,
    /// The header names an algorithm other than RS256 (`alg` is shown only
    /// when it is a short alphanumeric name).
    #[error("the token's algorithm {} is refused: only RS256 is accepted", alg.as_deref().map_or_else(|| "(unreadable)".to_owned(), |a| format!("`{a}`")))]
    Algorithm {
        /// The `alg` the header names, when it is a short alphanumeric name.
        alg: Option<String>,
    },
    /// The header has `crit`: extensions that must be understood, and none are.
    #[error("the token's header lists critical extensions (`crit`), which this verifier does not implement")]
    Critical,
    /// The signature does not hold for the app's public key.
    #[error("the signature does not match the app's public key (a forged or altered token, or another app's key)")]
    Signature,
    /// `exp` is in the past (beyond the leeway).
    #[error("the token has expired (`exp` is in the past)")]
    Expired,
    /// `iat` is in the future (beyond the leeway).
    #[error("the token was issued in the future (`iat`); check this machine's clock")]
    IssuedInFuture,
    /// `nbf` is in the future (beyond the leeway).
    #[error("the token is not valid yet (`nbf` is in the future); check this machine's clock")]
    NotYetValid,
    /// `exp` is further from `iat` (or from now) than the verifier allows.
    #[error(
        "the token lives longer than {max_secs} s from `iat` (or from now) to `exp`, so a captured copy could be \
         replayed that long; Wix's tokens expire sooner (`Verifier::max_lifetime` sets the cap)"
    )]
    Lifetime {
        /// The longest lifetime allowed, in seconds.
        max_secs: u64,
    },
    /// A required claim is missing.
    #[error("the token has no `{0}` claim")]
    MissingClaim(&'static str),
    /// A time claim is not a number.
    #[error("the token's `{0}` claim is not a number")]
    ClaimFormat(&'static str),
    /// `iss` is not the string `wix.com`.
    #[error("the token's issuer (`iss`) is not wix.com")]
    Issuer,
    /// `aud` is not this app's ID (nor an array of strings holding it).
    #[error("the token's audience (`aud`) is not this app's ID (WIX_APP_ID); it was meant for another app")]
    Audience,
    /// A service-plugin call (`data` is `{request, metadata}`) was handed to
    /// the webhook verifier.
    #[error("the token is a service-plugin call, not a webhook; it was sent to the wrong route")]
    NotAWebhook,
}

impl VerifyError {
    /// A short name of the failed check, for logs and metrics: `size`,
    /// `format`, `alg`, `crit`, `signature`, `exp`, `iat`, `nbf`, `lifetime`,
    /// `claims`, `iss`, `aud` or `purpose`.
    pub fn check(&self) -> &'static str {
        match self {
            VerifyError::TooLarge { .. } => "size",
            VerifyError::Malformed => "format",
            VerifyError::Algorithm { .. } => "alg",
            VerifyError::Critical => "crit",
            VerifyError::Signature => "signature",
            VerifyError::Expired => "exp",
            VerifyError::IssuedInFuture => "iat",
            VerifyError::NotYetValid => "nbf",
            VerifyError::Lifetime { .. } => "lifetime",
            VerifyError::MissingClaim(_) | VerifyError::ClaimFormat(_) => "claims",
            VerifyError::Issuer => "iss",
            VerifyError::Audience => "aud",
            VerifyError::NotAWebhook => "purpose",
        }
    }
}

/// The claims of a token whose signature and claims checks held, with its
/// times and a digest that identifies it. Only [`Verifier`] makes one.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedClaims {
    claims: Map<String, Value>,
    issued_at: Option<SystemTime>,
    expires_at: SystemTime,
    token_digest: String,
}

impl VerifiedClaims {
    /// One claim (`data`, `iat`, ...).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.claims.get(name)
    }

    /// Every claim.
    pub fn claims(&self) -> &Map<String, Value> {
        &self.claims
    }

    /// Every claim, owned.
    pub fn into_claims(self) -> Map<String, Value> {
        self.claims
    }

    /// When the token was issued (`iat`), when it says.
    pub fn issued_at(&self) -> Option<SystemTime> {
        self.issued_at
    }

    /// When the token expires (`exp`, always present on a verified token).
    /// A store of seen deliveries may forget an entry after this (plus the
    /// leeway): the token is refused from then on.
    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }

    /// `sha256:` and the hex SHA-256 of the token's signature: the same for
    /// the same body delivered twice, different for any other token (RSA
    /// PKCS#1 v1.5 signatures are deterministic, and base64url decoding here
    /// is canonical). A delivery ID for requests that carry none
    /// ([`WebhookEvent::delivery_id`](crate::webhook::WebhookEvent::delivery_id)
    /// prefers the event's own `id`).
    pub fn token_digest(&self) -> &str {
        &self.token_digest
    }
}

/// Verifies tokens signed with the app's key. Cheap to clone.
///
/// `Debug` shows no key material.
#[derive(Debug, Clone)]
pub struct Verifier {
    key: PublicKey,
    leeway: Duration,
    max_token_bytes: usize,
    max_lifetime: Duration,
}

impl Verifier {
    /// A verifier for `key`, with 60 seconds of leeway on the time claims,
    /// tokens of at most [`DEFAULT_MAX_TOKEN_BYTES`] and living at most
    /// [`MAX_TOKEN_LIFETIME`].
    pub fn new(key: PublicKey) -> Verifier {
        Verifier {
            key,
            leeway: Duration::from_secs(60),
            max_token_bytes: DEFAULT_MAX_TOKEN_BYTES,
            max_lifetime: MAX_TOKEN_LIFETIME,
        }
    }

    /// The clock skew tolerated on `exp`, `iat` and `nbf` (default 60 s),
    /// clamped to [`MAX_LEEWAY`].
    pub fn leeway(mut self, leeway: Duration) -> Verifier {
        self.leeway = leeway.min(MAX_LEEWAY);
        self
    }

    /// The largest body accepted, in bytes (default
    /// [`DEFAULT_MAX_TOKEN_BYTES`]); a larger one is refused before it is
    /// decoded. Serve the routes with a body limit no larger than this.
    pub fn max_token_bytes(mut self, bytes: usize) -> Verifier {
        self.max_token_bytes = bytes;
        self
    }

    pub(crate) fn token_byte_limit(&self) -> usize {
        self.max_token_bytes
    }

    /// The longest lifetime (`exp - iat`) accepted (default and most
    /// [`MAX_TOKEN_LIFETIME`]; a longer one is clamped to it).
    pub fn max_lifetime(mut self, lifetime: Duration) -> Verifier {
        self.max_lifetime = lifetime.min(MAX_TOKEN_LIFETIME);
        self
    }

    /// Verifies a webhook body: size, RS256, no `crit`, signature, the time
    /// claims (`exp` required), and that it is not a service-plugin call.
    pub fn verify_webhook(&self, body: &[u8]) -> Result<VerifiedClaims, VerifyError> {
        self.webhook_claims(body)
            .inspect_err(|e| crate::trace::verification_failed("webhook", e.check(), e))
    }

    /// Verifies a service-plugin body: as [`verify_webhook`](Self::verify_webhook),
    /// and `iss` must be the string `wix.com` and `aud` the string `app_id`
    /// (or an array of strings holding it).
    pub fn verify_service_plugin(&self, body: &[u8], app_id: &str) -> Result<VerifiedClaims, VerifyError> {
        self.service_plugin_claims(body, app_id)
            .inspect_err(|e| crate::trace::verification_failed("service_plugin", e.check(), e))
    }

    fn webhook_claims(&self, body: &[u8]) -> Result<VerifiedClaims, VerifyError> {
        let verified = self.verify(body)?;
        // A service-plugin call carries `data` as an object holding its
        // request; a webhook's `data` is a JSON string.
        if let Some(Value::Object(data)) = verified.claims.get("data")
            && (data.contains_key("request") || data.contains_key("metadata"))
        {
            return Err(VerifyError::NotAWebhook);
        }
        Ok(verified)
    }

    fn service_plugin_claims(&self, body: &[u8], app_id: &str) -> Result<VerifiedClaims, VerifyError> {
        let verified = self.verify(body)?;
        match verified.claims.get("iss") {
            None | Some(Value::Null) => return Err(VerifyError::MissingClaim("iss")),
            Some(Value::String(issuer)) if issuer == WIX_ISSUER => {}
            Some(_) => return Err(VerifyError::Issuer),
        }
        let audience_holds = match verified.claims.get("aud") {
            None | Some(Value::Null) => return Err(VerifyError::MissingClaim("aud")),
            Some(Value::String(audience)) => audience == app_id,
            Some(Value::Array(audiences)) => {
                audiences.iter().all(Value::is_string) && audiences.iter().any(|a| a.as_str() == Some(app_id))
            }
            Some(_) => false,
        };
        if !audience_holds {
            return Err(VerifyError::Audience);
        }
        Ok(verified)
    }

    fn verify(&self, body: &[u8]) -> Result<VerifiedClaims, VerifyError> {
        if body.len() > self.max_token_bytes {
            return Err(VerifyError::TooLarge {
                limit: self.max_token_bytes,
            });
        }
        let token = std::str::from_utf8(body).map_err(|_| VerifyError::Malformed)?.trim();
        let mut parts = token.split('.');
        let (Some(header), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(VerifyError::Malformed);
        };
        check_header(header)?;

        let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| VerifyError::Signature)?;
        let message = &token[..header.len() + 1 + payload.len()];
        self.key
            .key
            .verify_sig(message.as_bytes(), &signature)
            .map_err(|_| VerifyError::Signature)?;

        let claims = URL_SAFE_NO_PAD.decode(payload).map_err(|_| VerifyError::Malformed)?;
        let claims: Map<String, Value> = serde_json::from_slice(&claims).map_err(|_| VerifyError::Malformed)?;
        let (issued_at, expires_at) = self.check_times(&claims)?;
        Ok(VerifiedClaims {
            claims,
            issued_at,
            expires_at,
            token_digest: digest(&signature),
        })
    }

    /// `exp` required and not past, `iat` and `nbf` not in the future, and
    /// the lifetime capped; all in `f64` seconds (RFC 7519 NumericDate may be
    /// fractional), so no arithmetic here can overflow.
    fn check_times(&self, claims: &Map<String, Value>) -> Result<(Option<SystemTime>, SystemTime), VerifyError> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs_f64();
        let leeway = self.leeway.min(MAX_LEEWAY).as_secs_f64();
        let exp = time_claim(claims, "exp")?.ok_or(VerifyError::MissingClaim("exp"))?;
        let iat = time_claim(claims, "iat")?;
        let nbf = time_claim(claims, "nbf")?;
        if exp + leeway < now {
            return Err(VerifyError::Expired);
        }
        if iat.is_some_and(|iat| iat > now + leeway) {
            return Err(VerifyError::IssuedInFuture);
        }
        if nbf.is_some_and(|nbf| nbf > now + leeway) {
            return Err(VerifyError::NotYetValid);
        }
        if exp - iat.unwrap_or(now) > self.max_lifetime.as_secs_f64() {
            return Err(VerifyError::Lifetime {
                max_secs: self.max_lifetime.as_secs(),
            });
        }
        Ok((iat.map(system_time), system_time(exp)))
    }
}

/// Decodes the header once: a JSON object whose `alg` is RS256, without `crit`.
fn check_header(header: &str) -> Result<(), VerifyError> {
    let bytes = URL_SAFE_NO_PAD.decode(header).map_err(|_| VerifyError::Malformed)?;
    let header: Map<String, Value> = serde_json::from_slice(&bytes).map_err(|_| VerifyError::Malformed)?;
    match header.get("alg").and_then(Value::as_str) {
        Some("RS256") => {}
        Some(alg) if alg.len() <= 16 && alg.chars().all(|c| c.is_ascii_alphanumeric()) => {
            return Err(VerifyError::Algorithm {
                alg: Some(alg.to_owned()),
            });
        }
        _ => return Err(VerifyError::Algorithm { alg: None }),
    }
    if header.contains_key("crit") {
        return Err(VerifyError::Critical);
    }
    Ok(())
}

/// A time claim as seconds since the epoch: `None` when absent, an error when
/// not a finite number.
fn time_claim(claims: &Map<String, Value>, name: &'static str) -> Result<Option<f64>, VerifyError> {
    match claims.get(name) {
        None => Ok(None),
        Some(value) => match value.as_f64() {
            Some(seconds) if seconds.is_finite() => Ok(Some(seconds)),
            _ => Err(VerifyError::ClaimFormat(name)),
        },
    }
}

/// Seconds since the epoch as a time, saturating at the epoch and at the
/// largest `Duration` (a verified `exp` is never that far).
fn system_time(seconds: f64) -> SystemTime {
    let since = Duration::try_from_secs_f64(seconds.max(0.0)).unwrap_or(Duration::MAX);
    UNIX_EPOCH.checked_add(since).unwrap_or(UNIX_EPOCH)
}

fn digest(signature: &[u8]) -> String {
    use std::fmt::Write as _;
    let hash = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, signature);
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in hash.as_ref() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}
