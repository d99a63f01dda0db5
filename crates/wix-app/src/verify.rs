//! Verifying the token Wix sends: RS256 only, signature first, then the claims.
//!
//! Every request Wix sends an app (a webhook, a service-plugin call) carries a
//! compact JWT signed RS256 with the app's key. [`Verifier`] checks, in order:
//!
//! 1. the body is a compact JWS (three base64url parts);
//! 2. the header's `alg` is `RS256` (anything else, `none` and `HS256`
//!    included, is refused before any key is used);
//! 3. the signature holds for the app's public key;
//! 4. then, and only then, the claims are decoded: `exp` (expiry) and `iat`
//!    (not issued in the future) where present, with a leeway for clock skew;
//!    for service plugins also `iss` (`wix.com`) and `aud` (the app's ID),
//!    which must be present.
//!
//! The only way to the claims is a [`VerifiedClaims`], which only a successful
//! verification makes; events and plugin requests are decoded from it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Validation};
use serde_json::{Map, Value};

use crate::PublicKey;

/// The issuer of service-plugin tokens.
pub const WIX_ISSUER: &str = "wix.com";

/// Which check refused a token. The messages name the check and never contain
/// the token or the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
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
    /// The signature does not hold for the app's public key.
    #[error("the signature does not match the app's public key (a forged or altered token, or another app's key)")]
    Signature,
    /// `exp` is in the past (beyond the leeway).
    #[error("the token has expired (`exp` is in the past)")]
    Expired,
    /// `iat` is in the future (beyond the leeway).
    #[error("the token was issued in the future (`iat`); check this machine's clock")]
    IssuedInFuture,
    /// A required claim is missing.
    #[error("the token has no `{0}` claim")]
    MissingClaim(&'static str),
    /// A time claim is not a number.
    #[error("the token's `{0}` claim is not a number")]
    ClaimFormat(&'static str),
    /// `iss` is not `wix.com`.
    #[error("the token's issuer (`iss`) is not wix.com")]
    Issuer,
    /// `aud` is not this app's ID.
    #[error("the token's audience (`aud`) is not this app's ID (WIX_APP_ID); it was meant for another app")]
    Audience,
}

impl VerifyError {
    /// A short name of the failed check, for logs and metrics: `format`, `alg`,
    /// `signature`, `exp`, `iat`, `claims`, `iss` or `aud`.
    pub fn check(&self) -> &'static str {
        match self {
            VerifyError::Malformed => "format",
            VerifyError::Algorithm { .. } => "alg",
            VerifyError::Signature => "signature",
            VerifyError::Expired => "exp",
            VerifyError::IssuedInFuture => "iat",
            VerifyError::MissingClaim(_) | VerifyError::ClaimFormat(_) => "claims",
            VerifyError::Issuer => "iss",
            VerifyError::Audience => "aud",
        }
    }
}

/// The claims of a token whose signature and time claims held. Only
/// [`Verifier`] makes one.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedClaims {
    claims: Map<String, Value>,
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
}

/// Verifies tokens signed with the app's key. Cheap to clone.
///
/// `Debug` shows no key material.
#[derive(Debug, Clone)]
pub struct Verifier {
    key: PublicKey,
    leeway: Duration,
}

impl Verifier {
    /// A verifier for `key`, with 60 seconds of leeway on `exp` and `iat`.
    pub fn new(key: PublicKey) -> Verifier {
        Verifier {
            key,
            leeway: Duration::from_secs(60),
        }
    }

    /// The clock skew tolerated on `exp` and `iat` (default 60 s).
    pub fn leeway(mut self, leeway: Duration) -> Verifier {
        self.leeway = leeway;
        self
    }

    /// Verifies a webhook body: RS256, signature, `exp`/`iat` where present.
    pub fn verify_webhook(&self, body: &[u8]) -> Result<VerifiedClaims, VerifyError> {
        self.verify(body, None)
            .inspect_err(|e| crate::trace::verification_failed("webhook", e))
    }

    /// Verifies a service-plugin body: as [`verify_webhook`](Self::verify_webhook),
    /// and `iss` must be `wix.com` and `aud` must be `app_id`.
    pub fn verify_service_plugin(&self, body: &[u8], app_id: &str) -> Result<VerifiedClaims, VerifyError> {
        self.verify(body, Some(app_id))
            .inspect_err(|e| crate::trace::verification_failed("service_plugin", e))
    }

    fn verify(&self, body: &[u8], audience: Option<&str>) -> Result<VerifiedClaims, VerifyError> {
        let token = std::str::from_utf8(body).map_err(|_| VerifyError::Malformed)?.trim();
        check_algorithm(token)?;

        let mut validation = Validation::new(Algorithm::RS256);
        validation.algorithms = vec![Algorithm::RS256];
        validation.leeway = self.leeway.as_secs();
        validation.validate_exp = true;
        validation.required_spec_claims.clear();
        match audience {
            Some(app_id) => {
                // Presence of `iss` and `aud` is checked below, in a fixed
                // order (jsonwebtoken's required-claims set has none).
                validation.set_issuer(&[WIX_ISSUER]);
                validation.set_audience(&[app_id]);
                validation.validate_aud = true;
            }
            None => validation.validate_aud = false,
        }
        // `decode` checks the signature before it decodes the claims.
        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &self.key.key, &validation).map_err(map_error)?;
        let claims = data.claims;
        if audience.is_some() {
            for claim in ["iss", "aud"] {
                if claims.get(claim).is_none_or(Value::is_null) {
                    return Err(VerifyError::MissingClaim(claim));
                }
            }
        }
        check_issued_at(&claims, self.leeway)?;
        Ok(VerifiedClaims { claims })
    }
}

/// Reads only the header's `alg` and refuses anything but RS256.
fn check_algorithm(token: &str) -> Result<(), VerifyError> {
    #[derive(serde::Deserialize)]
    struct Header {
        alg: Value,
    }
    let mut parts = token.split('.');
    let (Some(header), Some(_), Some(_), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(VerifyError::Malformed);
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(header.trim_end_matches('='))
        .map_err(|_| VerifyError::Malformed)?;
    let header: Header = serde_json::from_slice(&bytes).map_err(|_| VerifyError::Malformed)?;
    match header.alg.as_str() {
        Some("RS256") => Ok(()),
        Some(alg) if alg.len() <= 16 && alg.chars().all(|c| c.is_ascii_alphanumeric()) => Err(VerifyError::Algorithm {
            alg: Some(alg.to_owned()),
        }),
        _ => Err(VerifyError::Algorithm { alg: None }),
    }
}

fn check_issued_at(claims: &Map<String, Value>, leeway: Duration) -> Result<(), VerifyError> {
    let Some(iat) = claims.get("iat") else {
        return Ok(());
    };
    let iat = iat.as_f64().ok_or(VerifyError::ClaimFormat("iat"))?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs_f64();
    if iat > now + leeway.as_secs_f64() {
        return Err(VerifyError::IssuedInFuture);
    }
    Ok(())
}

fn map_error(error: jsonwebtoken::errors::Error) -> VerifyError {
    match error.into_kind() {
        ErrorKind::InvalidSignature => VerifyError::Signature,
        ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName | ErrorKind::UnsupportedAlgorithm => {
            VerifyError::Algorithm { alg: None }
        }
        ErrorKind::ExpiredSignature => VerifyError::Expired,
        ErrorKind::InvalidIssuer => VerifyError::Issuer,
        ErrorKind::InvalidAudience => VerifyError::Audience,
        ErrorKind::MissingRequiredClaim(claim) => VerifyError::MissingClaim(claim_name(&claim)),
        ErrorKind::InvalidClaimFormat(claim) => VerifyError::ClaimFormat(claim_name(&claim)),
        // A key the crypto backend cannot use surfaces as a signature that
        // does not hold; `PublicKey::from_pem` already refuses such keys.
        ErrorKind::InvalidRsaKey(_) | ErrorKind::InvalidKeyFormat => VerifyError::Signature,
        _ => VerifyError::Malformed,
    }
}

fn claim_name(claim: &str) -> &'static str {
    match claim {
        "exp" => "exp",
        "nbf" => "nbf",
        "iss" => "iss",
        "aud" => "aud",
        "sub" => "sub",
        _ => "(a time claim)",
    }
}
