//! `tracing` events (feature `tracing`, on by default), target `wix_app`: a
//! `WARN` event per failed verification naming the failed check
//! (`VerifyError::check`) and the reason, never the token, the key or a
//! claim's value. Without the feature the function is empty.

use std::fmt::Display;

/// A webhook (`kind = "webhook"`) or service-plugin call (`"service_plugin"`)
/// failed verification.
/// `check` is the name `VerifyError::check` gives; `reason` its message.
pub(crate) fn verification_failed(kind: &'static str, check: &'static str, reason: &dyn Display) {
    #[cfg(feature = "tracing")]
    tracing::warn!(target: "wix_app", kind, check, reason = %reason, "verification failed");
    #[cfg(not(feature = "tracing"))]
    let _ = (kind, check, reason);
}
