//! The app's public key, as the app dashboard gives it.

use std::sync::Arc;

use aws_lc_rs::signature::{ParsedPublicKey, RSA_PKCS1_2048_8192_SHA256};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{DecodingKey, DecodingKeyKind};

/// Why a public key was refused. The messages never contain the key's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The text is neither a PEM block nor base64 of one.
    #[error(
        "the public key is neither PEM (`-----BEGIN PUBLIC KEY-----` ...) nor base64 of PEM; copy it from the app \
         dashboard (OAuth page, \"Public key\")"
    )]
    NotPem,
    /// The PEM block is a private key.
    #[error(
        "the key is a private key; Wix gives an app a public key (`-----BEGIN PUBLIC KEY-----`), copy it from the \
         app dashboard"
    )]
    PrivateKey,
    /// The PEM block does not hold a usable RSA public key (2048 to 8192 bits).
    #[error(
        "the PEM block does not hold an RSA public key of 2048 to 8192 bits (SPKI `PUBLIC KEY` or PKCS#1 `RSA \
         PUBLIC KEY`); copy the app's public key from the app dashboard"
    )]
    NotRsaPublicKey,
}

/// The app's RSA public key that Wix signs webhooks and service-plugin calls
/// for, from the app dashboard.
///
/// `Debug` shows no key material.
#[derive(Clone)]
pub struct PublicKey {
    /// Parsed for RS256 (RSASSA-PKCS1-v1_5 with SHA-256), the only algorithm accepted.
    pub(crate) key: Arc<ParsedPublicKey>,
}

impl PublicKey {
    /// Reads the key as PEM (`-----BEGIN PUBLIC KEY-----`, SPKI; PKCS#1
    /// `RSA PUBLIC KEY` too) or as base64 of that PEM (what Wix's JS SDK also
    /// accepts). Surrounding whitespace is ignored, and so are literal `\n`
    /// escapes, as a PEM pasted into one line of an environment file has them.
    ///
    /// ```
    /// # let pem = include_str!("../tests/keys/test_public.pem");
    /// let key = wix_app::PublicKey::from_pem(pem)?;
    /// assert_eq!(format!("{key:?}"), "PublicKey(RSA, ***)");
    /// # Ok::<(), wix_app::KeyError>(())
    /// ```
    pub fn from_pem(text: &str) -> Result<PublicKey, KeyError> {
        let text = text.trim();
        let pem = if text.starts_with("-----BEGIN") {
            text.replace("\\n", "\n")
        } else {
            let compact: String = text.split_ascii_whitespace().collect();
            let bytes = STANDARD.decode(compact.as_bytes()).map_err(|_| KeyError::NotPem)?;
            let decoded = String::from_utf8(bytes).map_err(|_| KeyError::NotPem)?;
            let decoded = decoded.trim();
            if !decoded.starts_with("-----BEGIN") {
                return Err(KeyError::NotPem);
            }
            decoded.replace("\\n", "\n")
        };
        let label = pem.lines().next().unwrap_or_default();
        if label.contains("PRIVATE KEY") {
            return Err(KeyError::PrivateKey);
        }
        if !label.contains("PUBLIC KEY") {
            return Err(KeyError::NotRsaPublicKey);
        }
        // jsonwebtoken reads the PEM (SPKI or PKCS#1) down to the RSA key's
        // DER; aws-lc-rs parses that once, here, rather than at each request,
        // and refuses what is not an RSA key of 2048 to 8192 bits.
        let der = match DecodingKey::from_rsa_pem(pem.as_bytes())
            .map_err(|_| KeyError::NotRsaPublicKey)?
            .kind()
        {
            DecodingKeyKind::SecretOrDer(der) => der.clone(),
            DecodingKeyKind::RsaModulusExponent { .. } => return Err(KeyError::NotRsaPublicKey),
        };
        let key = ParsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, der).map_err(|_| KeyError::NotRsaPublicKey)?;
        let key = Arc::new(key);
        Ok(PublicKey { key })
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PublicKey(RSA, ***)")
    }
}
