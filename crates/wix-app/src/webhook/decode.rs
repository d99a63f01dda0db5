//! Reading the nested JSON of a verified webhook: values sent either as an
//! object or as a JSON string of it, decoded with the path of any mismatch.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

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

/// A value that Wix sends as a JSON string (`"{\"id\":...}"`) or, possibly,
/// as the object itself. `None` for null and absent values.
pub(crate) fn json_or_string(value: Option<&Value>, what: &'static str) -> Result<Option<Value>, EventError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => serde_json::from_str(text)
            .map(Some)
            .map_err(|_| EventError::Envelope(format!("`{what}` is a string that is not JSON"))),
        Some(other) => Ok(Some(other.clone())),
    }
}

/// The object under `key`, or the JSON string under `json_key` (the
/// `...AsJson` form). `None` when neither is there.
pub(crate) fn object_or_as_json(
    parent: &Map<String, Value>,
    key: &'static str,
    json_key: &'static str,
) -> Result<Option<Value>, EventError> {
    match parent.get(key) {
        Some(Value::Null) | None => json_or_string(parent.get(json_key), json_key),
        Some(value) => Ok(Some(value.clone())),
    }
}

/// Decodes `value` into `T`, naming the event type, the part and the JSON
/// path of a mismatch (never the values).
pub(crate) fn decode_into<T: DeserializeOwned>(
    value: Value,
    event_type: &str,
    part: &'static str,
) -> Result<T, EventError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        EventError::Payload {
            event_type: crate::response::log_safe(event_type),
            part,
            type_name: std::any::type_name::<T>().rsplit("::").next().unwrap_or("T").to_owned(),
            path: if path == "." { String::new() } else { path },
        }
    })
}
