//! Describing one API call: method, path, query, body and per-request options.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use serde::Serialize;

use crate::error::Error;
use crate::method::HttpMethod;
use crate::path::encode_segment;
use crate::query;
use crate::secret::Secret;

/// Per-request options: extra headers, retry opt-in, timeout.
///
/// ```
/// use std::time::Duration;
/// use wix_client::RequestOptions;
///
/// let opts = RequestOptions::default()
///     .header("x-correlation-id", "job-42")
///     .retry_non_idempotent(true)
///     .timeout(Duration::from_secs(5));
/// # let _ = opts;
/// ```
#[derive(Clone, Default)]
pub struct RequestOptions {
    pub(crate) headers: Vec<(String, Secret)>,
    pub(crate) retry_non_idempotent: bool,
    pub(crate) timeout: Option<Duration>,
}

impl RequestOptions {
    /// Adds a header to the request; it replaces a default header of the same name.
    ///
    /// The name and value are checked when the request is sent: an invalid name,
    /// or a value with a line break (`\r`, `\n`) or another control character,
    /// fails the request with [`Error::InvalidRequest`] and nothing is sent.
    /// Values are treated as secrets: they never appear in `Debug` output or errors.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), Secret::new(value)));
        self
    }

    /// Allows retrying a `POST`, `PUT` or `PATCH` after a 502, 503, 504 or a
    /// connection failure. Only opt in when repeating the call is harmless
    /// (e.g. it carries an idempotency key). 429 answers are always retried.
    pub fn retry_non_idempotent(mut self, retry: bool) -> Self {
        self.retry_non_idempotent = retry;
        self
    }

    /// Overrides the client's request timeout for this request (per attempt).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("RequestOptions")
            .field("headers", &names)
            .field("retry_non_idempotent", &self.retry_non_idempotent)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// One call to a Wix API, built by generated code and sent with
/// [`Client::send`](crate::Client::send).
///
/// ```
/// use wix_client::{ApiRequest, HttpMethod};
///
/// #[derive(serde::Serialize)]
/// struct Paging { limit: u32 }
/// #[derive(serde::Serialize)]
/// struct Query { paging: Paging }
///
/// let req = ApiRequest::new(HttpMethod::Get, "inbox.ConversationsService.getConversation")
///     .path("/inbox/v2/conversations/")
///     .path_param("c/1")
///     .query(&Query { paging: Paging { limit: 10 } })?;
/// assert_eq!(req.path_and_query(), "/inbox/v2/conversations/c%2F1?paging.limit=10");
/// # Ok::<(), wix_client::Error>(())
/// ```
#[derive(Clone)]
pub struct ApiRequest {
    pub(crate) method: HttpMethod,
    pub(crate) operation: &'static str,
    pub(crate) path: String,
    /// The path with a `{name}` placeholder per parameter, for tracing (the
    /// filled path holds the user's ids).
    pub(crate) template: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Option<Bytes>,
    pub(crate) options: RequestOptions,
    /// A problem found while building (e.g. an empty path parameter), reported by `send`.
    pub(crate) deferred_error: Option<String>,
}

impl ApiRequest {
    /// Starts a request. `operation` names it for errors and observers,
    /// e.g. `"inbox.ConversationsService.getConversation"`.
    pub fn new(method: HttpMethod, operation: &'static str) -> Self {
        ApiRequest {
            method,
            operation,
            path: String::new(),
            template: String::new(),
            query: Vec::new(),
            body: None,
            options: RequestOptions::default(),
            deferred_error: None,
        }
    }

    /// Appends literal path text, slashes included, e.g. `"/inbox/v2/conversations/"`.
    /// It is not encoded: pass only trusted, already valid path text.
    pub fn path(mut self, literal: &'static str) -> Self {
        self.path.push_str(literal);
        self.template.push_str(literal);
        self
    }

    /// Appends `value` percent-encoded as exactly one path segment: every byte
    /// outside `A-Z a-z 0-9 - . _ ~` is encoded, so `/`, `?`, `#` and `%` cannot
    /// change the path. The values `""`, `.` and `..` cannot be sent as a
    /// segment; they make [`Client::send`](crate::Client::send) fail with
    /// [`Error::InvalidRequest`] without sending anything.
    pub fn path_param(self, value: &str) -> Self {
        self.placeholder("{param}").segment(value)
    }

    /// Appends `{name}` to the path template (what tracing records).
    fn placeholder(mut self, name: impl std::fmt::Display) -> Self {
        use std::fmt::Write;
        let _ = write!(self.template, "{name}");
        self
    }

    /// [`ApiRequest::path_param`] without its placeholder.
    fn segment(mut self, value: &str) -> Self {
        match encode_segment(value) {
            Ok(segment) => self.path.push_str(&segment),
            Err(reason) => self.defer(reason.to_owned()),
        }
        self
    }

    /// Appends `value` as one or more path segments, for a `{name=**}`
    /// placeholder: the value's slashes separate segments and are kept, and
    /// each segment is percent-encoded as in [`ApiRequest::path_param`]. An
    /// empty value, an empty segment (`a//b`, a leading or trailing `/`) and
    /// `.` or `..` segments cannot be sent; they make
    /// [`Client::send`](crate::Client::send) fail with [`Error::InvalidRequest`]
    /// without sending anything.
    ///
    /// ```
    /// use wix_client::{ApiRequest, HttpMethod};
    ///
    /// let req = ApiRequest::new(HttpMethod::Get, "pages.PagesService.getPage")
    ///     .path("/pages/v1/pages/")
    ///     .path_segments("blog/2024 recap");
    /// assert_eq!(req.path_and_query(), "/pages/v1/pages/blog/2024%20recap");
    /// ```
    pub fn path_segments(self, value: &str) -> Self {
        self.placeholder("{param=**}").segments(value)
    }

    /// [`ApiRequest::path_segments`] without its placeholder.
    fn segments(mut self, value: &str) -> Self {
        let mut encoded = Vec::new();
        for segment in value.split('/') {
            match encode_segment(segment) {
                Ok(s) => encoded.push(s),
                Err(reason) => {
                    self.defer(reason.to_owned());
                    return self;
                }
            }
        }
        self.path.push_str(&encoded.join("/"));
        self
    }

    /// Appends a path segment taken from a field of the request: a path param
    /// (`{id}`), or a field of the body for a `{message.field}` placeholder
    /// (`/badges/{badge.id}`); `value` is that field, `name` its (dotted) wire
    /// name. Encoded as in [`ApiRequest::path_param`]. A `None` value (the field is not
    /// set) makes [`Client::send`](crate::Client::send) fail with
    /// [`Error::InvalidRequest`] naming the field; nothing is sent.
    pub fn path_field(self, value: Option<&str>, name: &'static str) -> Self {
        let this = self.placeholder(format_args!("{{{name}}}"));
        match value {
            Some(v) => this.segment(v),
            None => {
                let mut req = this;
                req.defer(format!(
                    "the URL path takes `{name}` from the request, and the request does not set it; set it before sending"
                ));
                req
            }
        }
    }

    /// [`ApiRequest::path_segments`] for a value taken from the request, for a
    /// `{name=**}` placeholder: `None` (unset) fails like in
    /// [`ApiRequest::path_field`].
    pub fn path_field_segments(self, value: Option<&str>, name: &'static str) -> Self {
        let this = self.placeholder(format_args!("{{{name}=**}}"));
        match value {
            Some(v) => this.segments(v),
            None => {
                let mut req = this;
                req.defer(format!(
                    "the URL path takes `{name}` from the request, and the request does not set it; set it before sending"
                ));
                req
            }
        }
    }

    /// Records the first problem found while building; `send` reports it.
    fn defer(&mut self, reason: String) {
        if self.deferred_error.is_none() {
            self.deferred_error = Some(reason);
        }
        // Keep the path visibly broken so it can never be sent by mistake.
        self.path.push_str("%00");
    }

    /// Adds query parameters from a serializable struct or map: nested objects
    /// become dotted names (`paging.limit=10`), arrays repeat the key, `null` and
    /// `None` are skipped. May be called more than once.
    pub fn query<Q: Serialize + ?Sized>(mut self, q: &Q) -> Result<Self, Error> {
        let pairs = query::to_pairs(q).map_err(|reason| Error::invalid_request(self.operation, reason))?;
        self.query.extend(pairs);
        Ok(self)
    }

    /// Sets the JSON body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::InvalidRequest {
            operation: self.operation,
            reason: format!("the request body does not serialize to JSON: {e}"),
            source: Some(Box::new(e)),
        })?;
        self.body = Some(Bytes::from(bytes));
        Ok(self)
    }

    /// Applies per-request options (extra headers are added to those already set).
    pub fn options(mut self, opts: &RequestOptions) -> Self {
        self.options.headers.extend(opts.headers.iter().cloned());
        self.options.retry_non_idempotent |= opts.retry_non_idempotent;
        if opts.timeout.is_some() {
            self.options.timeout = opts.timeout;
        }
        self
    }

    /// The HTTP method.
    pub fn method(&self) -> HttpMethod {
        self.method
    }

    /// The operation name.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The encoded path and query string, as they will be appended to the base URL.
    pub fn path_and_query(&self) -> String {
        let mut out = String::with_capacity(self.path.len());
        self.write_path_and_query(&mut out);
        out
    }

    /// Appends [`ApiRequest::path_and_query`] to `out`.
    pub(crate) fn write_path_and_query(&self, out: &mut String) {
        out.push_str(&self.path);
        if !self.query.is_empty() {
            out.push('?');
            out.push_str(&query::encode(&self.query));
        }
    }

    /// Marks the request retryable for every method (used for the token request).
    pub(crate) fn retry_always(mut self) -> Self {
        self.options.retry_non_idempotent = true;
        self
    }
}

impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body and query values may carry personal data or secrets: show sizes only.
        let query_names: Vec<&str> = self.query.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("operation", &self.operation)
            .field("path", &self.path)
            .field("query_names", &query_names)
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .field("options", &self.options)
            .finish()
    }
}
