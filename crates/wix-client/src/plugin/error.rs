//! The business error a plugin method answers with.

use serde_json::{Map, Value};

/// A business-logic error a service-plugin method answers with, e.g. a gift
/// card that does not exist: `ApplicationError::new(404, "GIFT_CARD_NOT_FOUND")`.
///
/// It is sent with its HTTP `status` and the body
/// `{"applicationError": {"code": "...", "data": {...}}}`. Use the status and
/// code the method's page documents (gift cards: `GIFT_CARD_NOT_FOUND` 404,
/// `INSUFFICIENT_FUNDS` 428, `ALREADY_REDEEMED` 409, ...).
///
/// ```
/// use wix_client::plugin::{ApplicationError, Reply};
///
/// let error = ApplicationError::new(428, "INSUFFICIENT_FUNDS")
///     .with_data(serde_json::json!({"balance": "3.50"}));
/// let reply = Reply::from_error(&error);
/// assert_eq!(reply.status(), 428);
/// assert_eq!(reply.body(), r#"{"applicationError":{"code":"INSUFFICIENT_FUNDS","data":{"balance":"3.50"}}}"#);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicationError {
    status: u16,
    code: String,
    data: Map<String, Value>,
}

impl ApplicationError {
    /// An error with its HTTP status (400–599; anything else is sent as 500,
    /// see [`status`](Self::status)) and its code.
    pub fn new(status: u16, code: impl Into<String>) -> Self {
        ApplicationError {
            status,
            code: code.into(),
            data: Map::new(),
        }
    }

    /// Adds the error's `data` object. A value that is not a JSON object is
    /// kept under the key `value`, so `data` is always an object on the wire.
    pub fn with_data(mut self, data: Value) -> Self {
        self.data = match data {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            other => Map::from_iter([("value".to_owned(), other)]),
        };
        self
    }

    /// The HTTP status the error is sent with: the one given to
    /// [`new`](Self::new) when it is an error status (400–599), else 500, since
    /// an application error must never read as a success.
    pub fn status(&self) -> u16 {
        if (400..=599).contains(&self.status) {
            self.status
        } else {
            500
        }
    }

    /// The error code, e.g. `GIFT_CARD_NOT_FOUND`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The error's `data` object (empty unless [`with_data`](Self::with_data) set it).
    pub fn data(&self) -> &Map<String, Value> {
        &self.data
    }
}

impl std::fmt::Display for ApplicationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "application error {} (HTTP {})", self.code, self.status())
    }
}

impl std::error::Error for ApplicationError {}
