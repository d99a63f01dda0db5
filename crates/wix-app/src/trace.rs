//! `tracing` events (feature `tracing`, on by default), target `wix_app`: a
//! `WARN` event per failed verification naming the failed check
//! ([`VerifyError::check`]) and the reason, never the token, the key or a
//! claim's value. Without the feature the function is empty.

use crate::verify::VerifyError;

/// A webhook (`kind = "webhook"`) or service-plugin call (`"service_plugin"`)
/// failed verification.
pub(crate) fn verification_failed(kind: &'static str, error: &VerifyError) {
    #[cfg(feature = "tracing")]
    tracing::warn!(target: "wix_app", kind, check = error.check(), reason = %error, "verification failed");
    #[cfg(not(feature = "tracing"))]
    let _ = (kind, error);
}
