//! The HTTP answer to one request from Wix, independent of the server framework.

use serde_json::json;

/// What to answer Wix: a status and a JSON body, plus a one-line summary for
/// the app's log (no token, no key, no request values).
///
/// Map it onto any HTTP framework: status [`status`](Self::status),
/// `content-type: application/json`, body [`body`](Self::body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    status: u16,
    body: String,
    summary: String,
}

impl Response {
    pub(crate) fn new(status: u16, body: String, summary: String) -> Response {
        Response { status, body, summary }
    }

    pub(crate) fn outcome(status: u16, outcome: &str, summary: String) -> Response {
        Response::new(status, json!({ "outcome": outcome }).to_string(), summary)
    }

    pub(crate) fn message(status: u16, message: &str, summary: String) -> Response {
        Response::new(status, json!({ "message": message }).to_string(), summary)
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The JSON body.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The body's content type, always `application/json`.
    pub fn content_type(&self) -> &'static str {
        "application/json"
    }

    /// One line saying what happened (event type or method, outcome, the
    /// failed check), safe to log.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// The JSON body, owned.
    pub fn into_body(self) -> String {
        self.body
    }
}

/// Text from a verified request made safe for one log line: control
/// characters dropped, at most 120 characters.
pub(crate) fn log_safe(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(120).collect();
    if text.chars().filter(|c| !c.is_control()).nth(120).is_some() {
        out.push('…');
    }
    out
}
