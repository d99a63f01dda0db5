//! The request loop: URL building, headers, authentication, retries, observation.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::Url;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, RETRY_AFTER};
use serde::de::DeserializeOwned;
use tokio::time::Instant;

use crate::auth::AuthState;
use crate::client::Inner;
use crate::error::{ApiError, DecodeError, Error, RateLimitError, describe_chain, excerpt, parse_wix_error};
use crate::headers;
use crate::observe::{RequestInfo, ResponseInfo};
use crate::request::ApiRequest;
use crate::retry::may_retry;
use crate::token_cache::Token;
use crate::trace;
use crate::{body, retry_after};

/// The response header carrying Wix's request ID (a constant name: looking a
/// header up by `&str` parses the name on every call).
const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-wix-request-id");

/// A successful (2xx) answer, not yet decoded.
pub(crate) struct RawResponse {
    status: u16,
    /// The `x-wix-request-id` header, made text only for an error.
    request_id: Option<HeaderValue>,
    body: Bytes,
    /// The URL sent (its path is reported in a decode error).
    url: Url,
}

/// How one attempt ended.
enum Outcome {
    /// Any HTTP answer.
    Answer {
        status: u16,
        request_id: Option<HeaderValue>,
        retry_after: Option<Duration>,
        body: Bytes,
    },
    /// No answer: a transport failure or a timeout.
    Failed(Error),
}

impl Inner {
    /// Sends `req` until it succeeds, fails for good, or the retry policy gives up.
    /// `with_auth` is false only for the token request itself.
    pub(crate) async fn execute(&self, req: &ApiRequest, with_auth: bool) -> Result<RawResponse, Error> {
        trace::in_call_span(req, self.attempts(req, with_auth)).await
    }

    /// [`Inner::execute`], inside its tracing span.
    async fn attempts(&self, req: &ApiRequest, with_auth: bool) -> Result<RawResponse, Error> {
        if let Some(reason) = &req.deferred_error {
            return Err(Error::invalid_request(req.operation, reason.clone()));
        }
        let url = self.url_for(req)?;
        // The path as errors and observers report it, made only when one needs it.
        let path = || reported_path(&url, req);
        let mut extra = HeaderMap::new();
        for (name, value) in &req.options.headers {
            headers::insert(&mut extra, name, value.expose(), true)
                .map_err(|reason| Error::invalid_request(req.operation, reason))?;
        }

        let started = Instant::now();
        let mut attempt: u32 = 0;
        let mut refreshed = false;
        loop {
            attempt += 1;
            let (authorization, token) = if with_auth {
                self.authorization(req).await?
            } else {
                (None, None)
            };
            // Sized once: the defaults, authorization, accept, content-type, the
            // request's own and the user agent reqwest adds.
            let mut request_headers = HeaderMap::with_capacity(self.default_headers.len() + extra.len() + 4);
            for (name, value) in &self.default_headers {
                request_headers.insert(name, value.clone());
            }
            if let Some(value) = authorization {
                request_headers.insert(AUTHORIZATION, value);
            }
            request_headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
            if req.body.is_some() {
                request_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            }
            if !extra.is_empty() {
                request_headers.extend(extra.clone());
            }

            if let Some(observer) = &self.observer {
                observer.on_request(&RequestInfo {
                    operation: req.operation,
                    method: req.method,
                    path: path(),
                    attempt,
                });
            }
            let sent = Instant::now();
            let outcome = self.attempt(req, &url, request_headers).await;
            let elapsed = sent.elapsed();

            let (error, status, request_id, retry_after) = match outcome {
                Outcome::Answer {
                    status,
                    request_id,
                    body,
                    ..
                } if (200..300).contains(&status) => {
                    self.observe_response(|| ResponseInfo {
                        operation: req.operation,
                        method: req.method,
                        path: path(),
                        attempt,
                        status: Some(status),
                        elapsed,
                        request_id: header_text(request_id.as_ref()),
                        error: None,
                        will_retry: false,
                        retry_delay: None,
                    });
                    return Ok(RawResponse {
                        status,
                        request_id,
                        body,
                        url,
                    });
                }
                Outcome::Answer {
                    status,
                    request_id,
                    retry_after,
                    body,
                } => {
                    let (message, application_error, validation_error) = parse_wix_error(&body);
                    let request_id = header_text(request_id.as_ref());
                    let api = ApiError {
                        operation: req.operation,
                        method: req.method,
                        path: path(),
                        status,
                        message,
                        application_error,
                        validation_error,
                        request_id: request_id.clone(),
                        retry_after,
                        attempts: attempt,
                        body_excerpt: excerpt(&body),
                    };
                    let error = if status == 429 {
                        Error::RateLimited(Box::new(RateLimitError { api, retry_after }))
                    } else {
                        Error::Api(Box::new(api))
                    };
                    (error, Some(status), request_id, retry_after)
                }
                Outcome::Failed(error) => {
                    let status = error.status();
                    (with_attempts(error, attempt), status, None, None)
                }
            };

            // Decide whether to go again, and after how long.
            let mut next = None;
            if let (Some(401), Some(token), AuthState::OAuth(cache)) = (status, &token, &self.auth)
                && !refreshed
            {
                refreshed = true;
                cache.invalidate(token);
                next = Some(Duration::ZERO);
            }
            let counted = attempt - u32::from(refreshed);
            if next.is_none()
                && may_retry(&error, req.method, req.options.retry_non_idempotent)
                && counted < self.retry.get_max_attempts()
            {
                // A Retry-After beyond the policy's limits ends the retries (the
                // error carries it): trying earlier than Wix said would be refused again.
                if let Some(delay) = self.retry.delay(counted, retry_after)
                    && started.elapsed().saturating_add(delay) <= self.retry.get_max_elapsed()
                {
                    next = Some(delay);
                }
            }
            self.observe_response(|| ResponseInfo {
                operation: req.operation,
                method: req.method,
                path: path(),
                attempt,
                status,
                elapsed,
                request_id: request_id.clone(),
                error: Some(error.kind()),
                will_retry: next.is_some(),
                retry_delay: next,
            });
            match next {
                Some(delay) => {
                    if !delay.is_zero() {
                        tokio::time::sleep(delay).await;
                    }
                }
                None => {
                    trace::gave_up(
                        &error,
                        attempt,
                        may_retry(&error, req.method, req.options.retry_non_idempotent),
                    );
                    return Err(error);
                }
            }
        }
    }

    /// The `Authorization` value for the next attempt, and the OAuth token it came from.
    /// Waiting for a token counts against the request's timeout.
    async fn authorization(&self, req: &ApiRequest) -> Result<(Option<HeaderValue>, Option<Token>), Error> {
        match &self.auth {
            AuthState::Static(value) => Ok((Some(value.clone()), None)),
            AuthState::OAuth(cache) => {
                let token = cache.get(req.options.timeout.unwrap_or(self.timeout)).await?;
                Ok((Some(token.header.clone()), Some(token)))
            }
            AuthState::None => Ok((None, None)),
        }
    }

    /// Sends one attempt and reads the body, up to the client's limit.
    async fn attempt(&self, req: &ApiRequest, url: &Url, headers: HeaderMap) -> Outcome {
        // A `reqwest::Request` built in place: the header map is moved in, not
        // copied entry by entry as `RequestBuilder::headers` does.
        let mut request = reqwest::Request::new(req.method.to_reqwest(), url.clone());
        *request.headers_mut() = headers;
        if let Some(body) = &req.body {
            *request.body_mut() = Some(body.clone().into());
        }
        if let Some(timeout) = req.options.timeout {
            *request.timeout_mut() = Some(timeout);
        }
        let response = match self.http.execute(request).await {
            Ok(response) => response,
            Err(e) => return Outcome::Failed(transport_error(req, url, e)),
        };
        let status = response.status().as_u16();
        let request_id = response.headers().get(&REQUEST_ID_HEADER).cloned();
        let retry_after =
            header_text(response.headers().get(RETRY_AFTER)).and_then(|v| retry_after::parse(&v, SystemTime::now()));
        let success = (200..300).contains(&status);
        let limit = self.max_response_body;
        match body::read(response, limit, success).await {
            // A success body is only useful whole; an error answer keeps its status and the start of its body.
            Ok(body) if success && body.truncated => Outcome::Failed(Error::ResponseTooLarge {
                operation: req.operation,
                method: req.method,
                path: url.path().to_owned(),
                status,
                limit,
                request_id: header_text(request_id.as_ref()),
            }),
            Ok(body) => Outcome::Answer {
                status,
                request_id,
                retry_after,
                body: body.bytes,
            },
            Err(e) => Outcome::Failed(transport_error(req, url, e)),
        }
    }

    /// Builds the full URL. Refuses paths that URL normalisation would change,
    /// so nothing can escape its place in the path.
    fn url_for(&self, req: &ApiRequest) -> Result<Url, Error> {
        if !req.path.is_empty() && !req.path.starts_with('/') {
            return Err(Error::invalid_request(
                req.operation,
                format!("the request path `{}` must start with `/`", req.path),
            ));
        }
        let mut text = String::with_capacity(self.base_url.len() + req.path.len() + 1);
        text.push_str(&self.base_url);
        req.write_path_and_query(&mut text);
        let url = Url::parse(&text)
            .map_err(|e| Error::invalid_request(req.operation, format!("the request URL is invalid: {e}")))?;
        // The URL's path must be the base path followed by the request's path, unchanged.
        let unchanged = if self.base_path.is_empty() && req.path.is_empty() {
            url.path() == "/"
        } else {
            url.path()
                .strip_prefix(self.base_path.as_str())
                .is_some_and(|rest| rest == req.path)
        };
        if !unchanged {
            return Err(Error::invalid_request(
                req.operation,
                format!(
                    "the request path `{}` would be changed by URL normalisation \
                     (dot-segments or characters that need encoding)",
                    req.path
                ),
            ));
        }
        Ok(url)
    }

    /// Tells the observer, if any, how an attempt ended (the info is built only when needed).
    fn observe_response(&self, info: impl FnOnce() -> ResponseInfo) {
        if self.observer.is_none() && !trace::attempts_traced() {
            return;
        }
        let info = info();
        trace::attempt(&info);
        if let Some(observer) = &self.observer {
            observer.on_response(&info);
        }
    }
}

/// Maps an HTTP-stack error to [`Error::Timeout`] or [`Error::Transport`],
/// stripping the URL (it is reported as the path only).
fn transport_error(req: &ApiRequest, url: &Url, error: reqwest::Error) -> Error {
    let error = error.without_url();
    if error.is_timeout() {
        Error::Timeout {
            operation: req.operation,
            method: req.method,
            path: url.path().to_owned(),
            attempts: 1,
        }
    } else {
        Error::Transport {
            operation: req.operation,
            method: req.method,
            path: url.path().to_owned(),
            attempts: 1,
            detail: describe_chain(&error),
            source: Box::new(error),
        }
    }
}

/// The path errors and observers report: the base URL's path and the request's
/// (`url_for` checked that the URL's path is exactly that, or `/` when both are empty).
fn reported_path(url: &Url, req: &ApiRequest) -> String {
    if req.path.is_empty() && url.path() == "/" {
        String::new()
    } else {
        url.path().to_owned()
    }
}

/// A header's value as text, if it is visible ASCII.
fn header_text(value: Option<&HeaderValue>) -> Option<String> {
    value.and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// Records the final attempt count in a transport or timeout error.
fn with_attempts(mut error: Error, count: u32) -> Error {
    if let Error::Transport { attempts, .. } | Error::Timeout { attempts, .. } = &mut error {
        *attempts = count;
    }
    error
}

impl RawResponse {
    /// Decodes the body as `T`, reporting the JSON path that failed.
    /// With `sensitive`, the error holds neither the body nor serde's message
    /// (used for the token response).
    pub(crate) fn decode<T: DeserializeOwned>(&self, req: &ApiRequest, sensitive: bool) -> Result<T, Error> {
        let blank = self.body.iter().all(u8::is_ascii_whitespace);
        let body: &[u8] = if blank { b"{}" } else { &self.body };
        let (json_path, message) = match decode_slice::<T>(body) {
            Ok(value) => return Ok(value),
            Err(failure) => failure,
        };
        // `{}` and empty bodies also stand for "nothing", e.g. for `()`.
        if body.trim_ascii() == b"{}"
            && let Ok(value) = serde_json::from_slice::<T>(b"null")
        {
            return Ok(value);
        }
        let (message, body_excerpt) = if sensitive {
            (
                "the body did not have the expected shape (details hidden: it may hold a token)".to_owned(),
                "(hidden)".to_owned(),
            )
        } else {
            (message, excerpt(&self.body))
        };
        Err(Error::Decode(Box::new(DecodeError {
            operation: req.operation,
            method: req.method,
            path: reported_path(&self.url, req),
            status: self.status,
            json_path,
            message,
            body_excerpt,
            body_len: self.body.len(),
            request_id: header_text(self.request_id.as_ref()),
        })))
    }
}

/// Decodes a whole JSON document; on failure returns the JSON path and serde's message.
///
/// The path is tracked only on a second pass after a failure: tracking it
/// costs an allocation per object key (about 150 per call for a 2 KB answer,
/// `benches/call.rs`), and decoding is deterministic, so the second pass fails
/// at the same place.
fn decode_slice<T: DeserializeOwned>(body: &[u8]) -> Result<T, (String, String)> {
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| (e.path().to_string(), e.inner().to_string()))?;
    deserializer.end().map_err(|e| (".".to_owned(), e.to_string()))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use crate::{Auth, Client, HttpMethod};

    fn inner(base_url: &str) -> Arc<Inner> {
        let client = Client::builder()
            .auth(Auth::access_token("token"))
            .base_url(base_url)
            .build()
            .expect("the client builds");
        client.inner
    }

    fn request(path: &'static str) -> ApiRequest {
        ApiRequest::new(HttpMethod::Get, "t.S.m").path(path)
    }

    #[test]
    fn the_url_keeps_the_base_path_and_the_request_path_unchanged() {
        for (base, path, expected_url, reported) in [
            (
                "http://127.0.0.1:1",
                "/v1/items",
                "http://127.0.0.1:1/v1/items",
                "/v1/items",
            ),
            (
                "http://127.0.0.1:1/api/",
                "/v1/items",
                "http://127.0.0.1:1/api/v1/items",
                "/api/v1/items",
            ),
            ("http://127.0.0.1:1/api", "", "http://127.0.0.1:1/api", "/api"),
            ("http://127.0.0.1:1", "", "http://127.0.0.1:1/", ""),
        ] {
            let (inner, req) = (inner(base), request(path));
            let url = inner.url_for(&req).expect("the URL is accepted");
            assert_eq!(
                (url.as_str(), reported_path(&url, &req).as_str()),
                (expected_url, reported)
            );
        }
    }

    #[test]
    fn a_path_that_normalisation_would_change_is_refused() {
        for base in ["http://127.0.0.1:1", "http://127.0.0.1:1/api"] {
            for path in ["/v1/../admin", "/v1/./items", "/v1/items/..", "/v1/it ems", "v1/items"] {
                let err = inner(base).url_for(&request(path)).expect_err(path);
                assert!(matches!(err, Error::InvalidRequest { .. }), "{base} {path}: {err}");
            }
        }
    }
}
