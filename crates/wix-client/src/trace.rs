//! `tracing` spans and events (feature `tracing`, on by default), target
//! `wix_client`:
//!
//! - a span `wix_call` per call (`INFO`), with the `operation`, the HTTP
//!   `method` and the path template (`/inbox/v2/conversations/{conversationId}`:
//!   never the filled path, whose ids are the user's data);
//! - an event per attempt: `DEBUG` when it succeeded, `INFO` when it failed,
//!   with `attempt`, `status`, `elapsed_ms`, `request_id` (`x-wix-request-id`),
//!   `error` (its kind), `will_retry` and `retry_delay_ms`;
//! - a `WARN` event when a failure that could be retried is final (attempts or
//!   time used up).
//!
//! Nothing else is recorded: no header value (so no API key or token), no
//! query string, no body. Without the feature every function here is empty.

use std::future::Future;

use crate::error::Error;
use crate::observe::ResponseInfo;
use crate::request::ApiRequest;

/// Runs `call` inside the call's span.
#[cfg(feature = "tracing")]
pub(crate) fn in_call_span<F: Future>(req: &ApiRequest, call: F) -> tracing::instrument::Instrumented<F> {
    use tracing::Instrument;
    call.instrument(tracing::info_span!(
        target: "wix_client",
        "wix_call",
        operation = req.operation,
        method = req.method.as_str(),
        path = %req.template,
    ))
}

#[cfg(not(feature = "tracing"))]
pub(crate) fn in_call_span<F: Future>(_req: &ApiRequest, call: F) -> F {
    call
}

/// Whether a subscriber listens to the attempt events (`DEBUG` or `INFO`,
/// target `wix_client`): the attempt's info is built only then. Without a
/// subscriber this is a cached per-callsite check, no field is built.
pub(crate) fn attempts_traced() -> bool {
    #[cfg(feature = "tracing")]
    {
        tracing::enabled!(target: "wix_client", tracing::Level::DEBUG)
            || tracing::enabled!(target: "wix_client", tracing::Level::INFO)
    }
    #[cfg(not(feature = "tracing"))]
    false
}

/// How one attempt ended (`info.path`, the filled path, is not recorded).
pub(crate) fn attempt(info: &ResponseInfo) {
    #[cfg(feature = "tracing")]
    {
        let status = info.status.map(u32::from);
        let request_id = info.request_id.as_deref();
        let elapsed_ms = info.elapsed.as_millis() as u64;
        let retry_delay_ms = info.retry_delay.map(|d| d.as_millis() as u64);
        let error = info.error.map(tracing::field::debug);
        if info.error.is_none() {
            tracing::debug!(target: "wix_client", attempt = info.attempt, status, elapsed_ms, request_id, "attempt succeeded");
        } else {
            tracing::info!(
                target: "wix_client",
                attempt = info.attempt,
                status,
                elapsed_ms,
                request_id,
                error,
                will_retry = info.will_retry,
                retry_delay_ms,
                "attempt failed"
            );
        }
    }
    #[cfg(not(feature = "tracing"))]
    let _ = info;
}

/// The call fails with `error` after `attempts` attempts; warns when the
/// failure could have been retried (`retryable`), i.e. retries ran out.
pub(crate) fn gave_up(error: &Error, attempts: u32, retryable: bool) {
    #[cfg(feature = "tracing")]
    if retryable {
        tracing::warn!(
            target: "wix_client",
            attempts,
            status = error.status().map(u32::from),
            request_id = error.request_id(),
            error = ?error.kind(),
            "retries ran out"
        );
    }
    #[cfg(not(feature = "tracing"))]
    let _ = (error, attempts, retryable);
}

#[cfg(test)]
mod tests {
    use crate::method::HttpMethod;
    use crate::request::ApiRequest;

    #[test]
    fn the_path_template_names_each_parameter_and_holds_no_value() {
        let req = ApiRequest::new(HttpMethod::Get, "t.S.m")
            .path("/v1/sites/")
            .path_param("site-42")
            .path("/items/")
            .path_field(Some("item-7"), "itemId")
            .path("/pages/")
            .path_field_segments(Some("blog/post"), "slug")
            .path("/raw/")
            .path_segments("a/b");
        assert_eq!(
            req.template,
            "/v1/sites/{param}/items/{itemId}/pages/{slug=**}/raw/{param=**}"
        );
        assert_eq!(req.path, "/v1/sites/site-42/items/item-7/pages/blog/post/raw/a/b");
        // An unset field still has its placeholder (the request fails before sending).
        let unset = ApiRequest::new(HttpMethod::Get, "t.S.m")
            .path("/v1/items/")
            .path_field(None, "itemId");
        assert_eq!(unset.template, "/v1/items/{itemId}");
    }
}
