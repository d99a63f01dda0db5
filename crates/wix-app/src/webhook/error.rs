//! Why a verified webhook could not be read (below `decode` and `event`, which both return it).

/// Why a verified webhook could not be read. Messages name the part and the
/// JSON path, never the values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EventError {
    /// The verified claims are not the webhook shape
    /// (`data` → `{eventType, instanceId, data, identity}`).
    #[error("the verified token is not a Wix webhook: {0}")]
    Envelope(String),
    /// The event's payload does not match the handler's type.
    #[error(
        "the {part} of event `{event_type}` does not match {type_name}{} (a missing field, or a value of the wrong type)",
        if path.is_empty() { String::new() } else { format!(" at `{path}`") }
    )]
    Payload {
        /// The event type.
        event_type: String,
        /// `created entity`, `updated entity`, `deleted entity`, `action body` or `payload`.
        part: &'static str,
        /// The type it was decoded into.
        type_name: String,
        /// The JSON path of the mismatch (empty at the top level).
        path: String,
    },
}
