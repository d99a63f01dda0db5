//! Hooks to observe each HTTP attempt, for logging, tracing and metrics.

use std::time::Duration;

use crate::error::ErrorKind;
use crate::method::HttpMethod;

/// Observes every HTTP attempt the client makes (retries and token requests included).
///
/// Both methods have empty default bodies. They are called on the request's
/// task, so keep them fast and non-blocking. The data passed holds no secret:
/// no header values, no query string, no body.
///
/// ```
/// use wix_client::{Client, Auth, Observer, RequestInfo, ResponseInfo};
///
/// struct Log;
/// impl Observer for Log {
///     fn on_response(&self, info: &ResponseInfo) {
///         eprintln!(
///             "{} {} {} -> {:?} in {:?} (attempt {}, request id {:?})",
///             info.operation, info.method, info.path, info.status, info.elapsed,
///             info.attempt, info.request_id,
///         );
///     }
/// }
///
/// let client = Client::builder()
///     .auth(Auth::access_token("token"))
///     .observer(Log)
///     .build()?;
/// # let _ = client;
/// # Ok::<(), wix_client::Error>(())
/// ```
pub trait Observer: Send + Sync {
    /// Called just before an attempt is sent.
    fn on_request(&self, info: &RequestInfo) {
        let _ = info;
    }

    /// Called when an attempt ends, with a response or with an error.
    fn on_response(&self, info: &ResponseInfo) {
        let _ = info;
    }
}

/// What is about to be sent.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RequestInfo {
    /// The operation, e.g. `inbox.ConversationsService.getConversation`
    /// (`oauth2.token` for token requests).
    pub operation: &'static str,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The URL path, without host and query string.
    pub path: String,
    /// The attempt number, starting at 1.
    pub attempt: u32,
}

/// How an attempt ended.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ResponseInfo {
    /// The operation.
    pub operation: &'static str,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The URL path, without host and query string.
    pub path: String,
    /// The attempt number, starting at 1.
    pub attempt: u32,
    /// The HTTP status, if a response arrived.
    pub status: Option<u16>,
    /// The time from sending the attempt to having its whole body.
    pub elapsed: Duration,
    /// The `x-wix-request-id` response header.
    pub request_id: Option<String>,
    /// The kind of error this attempt ended with, if any. Decoding happens after
    /// the last attempt, so decode errors are not reported here.
    pub error: Option<ErrorKind>,
    /// Whether the client will try again.
    pub will_retry: bool,
    /// How long the client waits before trying again, when it will.
    pub retry_delay: Option<Duration>,
}
