//! The single error type returned by every fallible operation of the client.

use std::fmt;
use std::time::Duration;

use serde_json::Value;

use crate::method::HttpMethod;

/// A boxed error from a lower layer (the HTTP stack or serde), kept as the
/// `source()` of an [`Error`] without exposing its concrete type.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong when calling a Wix API.
///
/// Match on the variant to tell the kinds apart, or use the accessors
/// ([`Error::kind`], [`Error::status`], [`Error::request_id`],
/// [`Error::is_retryable`], ...). No variant ever contains a secret: API keys,
/// access tokens and client secrets are kept out of both the fields and the
/// `Display`/`Debug` output.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request never got an HTTP response: DNS, connect, TLS or I/O failure.
    #[error(
        "could not reach Wix for `{operation}` ({method} {path}) after {attempts} attempt(s): {detail}; \
         check network connectivity, proxies and the client's base URL"
    )]
    #[non_exhaustive]
    Transport {
        /// The operation, e.g. `inbox.ConversationsService.getConversation`.
        operation: &'static str,
        /// The HTTP method.
        method: HttpMethod,
        /// The URL path (no query string, no host).
        path: String,
        /// How many attempts were made, retries included.
        attempts: u32,
        /// The failure and its causes, as text.
        detail: String,
        /// The underlying error.
        #[source]
        source: BoxError,
    },

    /// Connecting or waiting for the response took longer than the configured timeout.
    #[error(
        "`{operation}` ({method} {path}) timed out after {attempts} attempt(s); \
         Wix or the network is slow: try again later, or raise the limit with \
         `ClientBuilder::timeout`, `ClientBuilder::connect_timeout` or `RequestOptions::timeout`"
    )]
    #[non_exhaustive]
    Timeout {
        /// The operation.
        operation: &'static str,
        /// The HTTP method.
        method: HttpMethod,
        /// The URL path.
        path: String,
        /// How many attempts were made, retries included.
        attempts: u32,
    },

    /// Wix answered with an HTTP error status (4xx or 5xx).
    #[error("{0}")]
    Api(Box<ApiError>),

    /// Wix answered with a success status but the body could not be decoded.
    #[error("{0}")]
    Decode(Box<DecodeError>),

    /// The request could not be built: a bad header name or value, a body or
    /// query that does not serialize, a path parameter that is not a valid segment.
    /// Nothing was sent.
    #[error("invalid request for `{operation}`: {reason}; nothing was sent")]
    #[non_exhaustive]
    InvalidRequest {
        /// The operation.
        operation: &'static str,
        /// What is wrong. Never contains a header value.
        reason: String,
        /// The underlying error, if any (e.g. from serde).
        #[source]
        source: Option<BoxError>,
    },

    /// The client configuration is invalid (see [`ClientBuilder::build`](crate::ClientBuilder::build)).
    #[error("invalid client configuration: {reason}")]
    #[non_exhaustive]
    Config {
        /// What is wrong. Never contains a secret.
        reason: String,
    },

    /// An OAuth access token could not be obtained from the token endpoint.
    #[error(
        "could not obtain an OAuth access token: {source}; check the app's client ID, \
         client secret and instance ID"
    )]
    #[non_exhaustive]
    Auth {
        /// Why the token request failed.
        #[source]
        source: Box<Error>,
    },

    /// A paginated listing could not be followed (Wix returned the same cursor twice).
    #[error("pagination stopped: {reason}; the listing may be incomplete, report this to Wix")]
    #[non_exhaustive]
    Pagination {
        /// What went wrong.
        reason: String,
    },
}

/// The kind of an [`Error`], as plain data (for observers and metrics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// See [`Error::Transport`].
    Transport,
    /// See [`Error::Timeout`].
    Timeout,
    /// See [`Error::Api`].
    Api,
    /// See [`Error::Decode`].
    Decode,
    /// See [`Error::InvalidRequest`].
    InvalidRequest,
    /// See [`Error::Config`].
    Config,
    /// See [`Error::Auth`].
    Auth,
    /// See [`Error::Pagination`].
    Pagination,
}

impl Error {
    /// The kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Transport { .. } => ErrorKind::Transport,
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::Api(_) => ErrorKind::Api,
            Error::Decode(_) => ErrorKind::Decode,
            Error::InvalidRequest { .. } => ErrorKind::InvalidRequest,
            Error::Config { .. } => ErrorKind::Config,
            Error::Auth { .. } => ErrorKind::Auth,
            Error::Pagination { .. } => ErrorKind::Pagination,
        }
    }

    /// The HTTP status Wix answered with, if there was a response.
    ///
    /// For [`Error::Auth`] this is the status of the token endpoint.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::Auth { source } => source.status(),
            _ => None,
        }
    }

    /// The `x-wix-request-id` response header, if there was a response carrying one.
    /// Quote it when contacting Wix support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::Decode(e) => e.request_id.as_deref(),
            Error::Auth { source } => source.request_id(),
            _ => None,
        }
    }

    /// The operation the error belongs to, when known.
    pub fn operation(&self) -> Option<&'static str> {
        match self {
            Error::Transport { operation, .. }
            | Error::Timeout { operation, .. }
            | Error::InvalidRequest { operation, .. } => Some(operation),
            Error::Api(e) => Some(e.operation),
            Error::Decode(e) => Some(e.operation),
            Error::Auth { source } => source.operation(),
            Error::Config { .. } | Error::Pagination { .. } => None,
        }
    }

    /// The Wix API error details, if this is an [`Error::Api`].
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The decode failure details, if this is an [`Error::Decode`].
    pub fn decode_error(&self) -> Option<&DecodeError> {
        match self {
            Error::Decode(e) => Some(e),
            _ => None,
        }
    }

    /// Whether trying the same request again later may succeed: transport
    /// failures, timeouts, and HTTP 429, 502, 503 and 504.
    ///
    /// The client already retries these according to its
    /// [`RetryPolicy`](crate::RetryPolicy); this tells whether an error that
    /// surfaced after the retries ran out is transient.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } => true,
            Error::Api(e) => is_retryable_status(e.status),
            Error::Auth { source } => source.is_retryable(),
            _ => false,
        }
    }

    /// Builds an [`Error::InvalidRequest`].
    pub(crate) fn invalid_request(operation: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidRequest {
            operation,
            reason: reason.into(),
            source: None,
        }
    }

    /// Builds an [`Error::Config`].
    pub(crate) fn config(reason: impl Into<String>) -> Self {
        Error::Config { reason: reason.into() }
    }
}

/// Whether an HTTP status is transient (429, 502, 503, 504).
pub(crate) fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

/// An HTTP error answer from Wix, with the details of Wix's error body.
///
/// Wix error bodies look like
/// `{"message": "...", "details": {"applicationError": {...}}}` or
/// `{"message": "...", "details": {"validationError": {"fieldViolations": [...]}}}`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The operation, e.g. `inbox.ConversationsService.getConversation`.
    pub operation: &'static str,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The URL path (no query string, no host).
    pub path: String,
    /// The HTTP status.
    pub status: u16,
    /// Wix's `message`, if the body had one.
    pub message: Option<String>,
    /// Wix's `details.applicationError`, if present.
    pub application_error: Option<ApplicationError>,
    /// Wix's `details.validationError`, if present.
    pub validation_error: Option<ValidationError>,
    /// The `x-wix-request-id` response header.
    pub request_id: Option<String>,
    /// The `Retry-After` delay Wix asked for, if any.
    pub retry_after: Option<Duration>,
    /// How many attempts were made, retries included.
    pub attempts: u32,
    /// The start of the body (at most 512 bytes, cut on a character boundary),
    /// useful when the body is not Wix's JSON error shape (e.g. a proxy's HTML page).
    pub body_excerpt: String,
}

/// Wix's `details.applicationError`: a business-logic error with a stable code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApplicationError {
    /// The machine-readable error code, e.g. `CONVERSATION_NOT_FOUND`.
    pub code: Option<String>,
    /// The human-readable description.
    pub description: Option<String>,
    /// Extra structured data, if any.
    pub data: Option<Value>,
}

/// Wix's `details.validationError`: the request fields that broke a rule.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ValidationError {
    /// The violations, one per field and rule.
    pub field_violations: Vec<FieldViolation>,
}

/// One entry of `validationError.fieldViolations`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FieldViolation {
    /// The path of the offending field, e.g. `conversation.id`.
    pub field: Option<String>,
    /// What is wrong with it.
    pub description: Option<String>,
    /// The rule broken, e.g. `REQUIRED_FIELD`.
    pub violated_rule: Option<String>,
    /// The name of the rule, when Wix gives one.
    pub rule_name: Option<String>,
    /// Extra data about the rule, if any.
    pub data: Option<Value>,
}

impl ApiError {
    /// A short hint on what to do about this status.
    pub fn hint(&self) -> &'static str {
        match self.status {
            400 => "fix the request (see the field violations and the API reference)",
            401 => "check the API key or access token (it may be wrong, revoked or expired)",
            403 => "the credentials lack a permission or scope for this operation, or the site/account ID is wrong",
            404 => "check the IDs in the request path and the wix-site-id / wix-account-id",
            409 => "the resource changed or already exists: reload it and try again",
            428 => "a precondition failed: reload the resource (revision) and try again",
            429 => "Wix is rate limiting this client: send fewer requests per second",
            500..=599 => "Wix had a problem: try again later and quote the request ID to Wix support if it persists",
            _ => "see the message and the API reference",
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Wix API error in `{}` ({} {}): HTTP {}",
            self.operation, self.method, self.path, self.status
        )?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(app) = &self.application_error {
            if let Some(code) = &app.code {
                write!(f, " [code {code}]")?;
            }
            if let Some(description) = &app.description
                && self.message.as_deref() != Some(description.as_str())
            {
                write!(f, " ({description})")?;
            }
        }
        if let Some(validation) = &self.validation_error {
            for violation in &validation.field_violations {
                write!(
                    f,
                    "; field `{}`: {}",
                    violation.field.as_deref().unwrap_or("?"),
                    violation
                        .description
                        .as_deref()
                        .or(violation.violated_rule.as_deref())
                        .unwrap_or("invalid")
                )?;
            }
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        if self.attempts > 1 {
            write!(f, " after {} attempts", self.attempts)?;
        }
        write!(f, "; {}", self.hint())
    }
}

/// A success response whose body did not match the expected type.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodeError {
    /// The operation.
    pub operation: &'static str,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The URL path.
    pub path: String,
    /// The HTTP status (a 2xx).
    pub status: u16,
    /// Where in the JSON document decoding failed, e.g. `conversation.participants[2].id`
    /// (`.` is the document root).
    pub json_path: String,
    /// What serde reported at that place.
    pub message: String,
    /// The start of the body (at most 512 bytes, cut on a character boundary).
    pub body_excerpt: String,
    /// The length of the whole body in bytes.
    pub body_len: usize,
    /// The `x-wix-request-id` response header.
    pub request_id: Option<String>,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the response of `{}` ({} {}, HTTP {}) at `{}`: {}",
            self.operation, self.method, self.path, self.status, self.json_path, self.message
        )?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        write!(
            f,
            "; the API may have changed: regenerate wix-apis, or report the body excerpt in the error"
        )
    }
}

/// The largest excerpt of a body kept in an error, in bytes.
pub(crate) const EXCERPT_LIMIT: usize = 512;

/// Returns the start of `body` as text: at most [`EXCERPT_LIMIT`] bytes, cut on
/// a character boundary, invalid UTF-8 replaced.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let head = &body[..body.len().min(EXCERPT_LIMIT)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text.to_owned(),
        // The cut fell inside a multi-byte character: drop the partial character.
        Err(e) if e.error_len().is_none() => String::from_utf8_lossy(&head[..e.valid_up_to()]).into_owned(),
        Err(_) => String::from_utf8_lossy(head).into_owned(),
    };
    truncate_on_boundary(text, EXCERPT_LIMIT)
}

/// Cuts `text` to at most `limit` bytes on a character boundary.
fn truncate_on_boundary(mut text: String, limit: usize) -> String {
    if text.len() > limit {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Parses Wix's error body leniently: unknown shapes give `None`s.
pub(crate) fn parse_wix_error(body: &[u8]) -> (Option<String>, Option<ApplicationError>, Option<ValidationError>) {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return (None, None, None);
    };
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let data = |v: &Value| v.get("data").filter(|d| !d.is_null()).cloned();
    let message = text(&value, "message");
    let details = value.get("details");
    let application_error = details
        .and_then(|d| d.get("applicationError"))
        .filter(|a| a.is_object())
        .map(|a| ApplicationError {
            code: text(a, "code"),
            description: text(a, "description"),
            data: data(a),
        });
    let validation_error = details
        .and_then(|d| d.get("validationError"))
        .filter(|v| v.is_object())
        .map(|v| ValidationError {
            field_violations: v
                .get("fieldViolations")
                .and_then(Value::as_array)
                .map(|list| {
                    list.iter()
                        .map(|fv| FieldViolation {
                            field: text(fv, "field"),
                            description: text(fv, "description"),
                            violated_rule: text(fv, "violatedRule"),
                            rule_name: text(fv, "ruleName"),
                            data: data(fv),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        });
    (message, application_error, validation_error)
}

/// Describes an error and its chain of causes on one line.
pub(crate) fn describe_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        let inner_text = inner.to_string();
        if !text.contains(&inner_text) {
            text.push_str(": ");
            text.push_str(&inner_text);
        }
        cause = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_bounded_and_on_a_char_boundary() {
        let body = "é".repeat(400); // 800 bytes
        let cut = excerpt(body.as_bytes());
        assert!(cut.len() <= EXCERPT_LIMIT);
        assert_eq!(cut.len(), 512);
        let body = format!("a{}", "é".repeat(400));
        let cut = excerpt(body.as_bytes());
        assert_eq!(cut.len(), 511);
        assert!(cut.chars().all(|c| c == 'a' || c == 'é'));
    }

    #[test]
    fn excerpt_of_invalid_utf8_stays_bounded() {
        let body = vec![0xff_u8; 2000];
        assert!(excerpt(&body).len() <= EXCERPT_LIMIT);
    }

    #[test]
    fn parses_wix_error_shapes() {
        let body = br#"{"message":"bad","details":{"applicationError":{"code":"C","description":"d","data":{"x":1}},
            "validationError":{"fieldViolations":[{"field":"a.b","description":"required","violatedRule":"REQUIRED_FIELD"}]}}}"#;
        let (message, app, validation) = parse_wix_error(body);
        assert_eq!(message.as_deref(), Some("bad"));
        let app = app.expect("application error");
        assert_eq!(app.code.as_deref(), Some("C"));
        assert_eq!(app.data, Some(serde_json::json!({"x": 1})));
        let validation = validation.expect("validation error");
        assert_eq!(validation.field_violations[0].field.as_deref(), Some("a.b"));
        assert_eq!(
            validation.field_violations[0].violated_rule.as_deref(),
            Some("REQUIRED_FIELD")
        );
        assert_eq!(parse_wix_error(b"<html>").0, None);
    }
}
