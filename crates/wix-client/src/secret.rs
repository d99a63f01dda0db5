//! A string that never shows up in `Debug` output or error messages.

use std::fmt;

/// A secret value such as an API key, an access token or a client secret.
///
/// `Secret` deliberately implements neither `Display` nor `Serialize`, and its
/// `Debug` output is always `Secret("***")`, so a secret cannot leak through
/// logging of a client, an auth configuration or an error. Call
/// [`Secret::expose`] where the raw value is really needed.
///
/// ```
/// use wix_client::Secret;
///
/// let key = Secret::new("IST.very-secret");
/// assert_eq!(format!("{key:?}"), r#"Secret("***")"#);
/// assert_eq!(key.expose(), "IST.very-secret");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// Returns the raw secret. Use it only to put the value on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(\"***\")")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}
