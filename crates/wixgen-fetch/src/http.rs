//! Downloading one page: a timeout per request, retries with exponential
//! backoff and jitter ([`backon`]) on 429, 500, 502, 503, 504, timeouts and
//! connection failures, honouring `Retry-After` (seconds or an HTTP date,
//! capped at the longest backoff), redirects only within the docs base, and a
//! cap on the body size.

use crate::docs_url::DocsBase;
use crate::progress::Reporter;
use backon::{ExponentialBuilder, Retryable};
use reqwest::{StatusCode, Url, header};
use std::cell::Cell;
use std::time::{Duration, SystemTime};

/// How pages are downloaded.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// The longest one request may take, body included.
    pub timeout: Duration,
    /// Retries after the first attempt.
    pub retries: usize,
    /// The wait before the first retry (doubled on each retry, with jitter).
    pub min_backoff: Duration,
    /// The longest single wait; also caps `Retry-After`.
    pub max_backoff: Duration,
    /// The largest page accepted, in bytes.
    pub max_body: usize,
}

impl Default for HttpOptions {
    /// 30 s timeout, 4 retries, backoff from 500 ms up to 30 s, pages up to 8 MiB.
    fn default() -> Self {
        HttpOptions {
            timeout: Duration::from_secs(30),
            retries: 4,
            min_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_body: 8 << 20,
        }
    }
}

/// A page that could not be downloaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} ({attempts} attempt{})", if *attempts == 1 { "" } else { "s" })]
pub struct FetchError {
    /// `HTTP 404 Not Found`, `timed out after 30s`, ...
    pub what: String,
    /// The last HTTP status, when there was one.
    pub status: Option<u16>,
    /// The last attempt timed out.
    pub timed_out: bool,
    pub attempts: usize,
}

/// A downloaded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
}

/// One failed attempt.
#[derive(Debug)]
struct Attempt {
    what: String,
    status: Option<u16>,
    timed_out: bool,
    transient: bool,
    retry_after: Option<Duration>,
}

impl Attempt {
    fn fatal(what: String) -> Self {
        Attempt {
            what,
            status: None,
            timed_out: false,
            transient: false,
            retry_after: None,
        }
    }
}

/// Downloads pages from the docs base.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    base: DocsBase,
    options: HttpOptions,
}

impl Fetcher {
    pub fn new(base: DocsBase, options: HttpOptions) -> Result<Self, String> {
        let redirect_base = base.clone();
        let redirect = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 {
                attempt.error("too many redirects")
            } else if redirect_base.serves(attempt.url()) {
                attempt.follow()
            } else {
                let to = attempt.url().to_string();
                attempt.error(format!("redirected to {to}, which is not under the docs base"))
            }
        });
        let client = reqwest::Client::builder()
            .timeout(options.timeout)
            .redirect(redirect)
            .user_agent(concat!("wixgen-fetch/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Fetcher { client, base, options })
    }

    pub fn base(&self) -> &DocsBase {
        &self.base
    }

    pub fn options(&self) -> &HttpOptions {
        &self.options
    }

    /// Download `url` (which must be under the docs base), retrying transient failures.
    pub async fn get(&self, url: &Url, reporter: &Reporter) -> Result<Body, FetchError> {
        if !self.base.serves(url) {
            return Err(FetchError {
                what: format!("{url} is not under the docs base {}", self.base.as_str()),
                status: None,
                timed_out: false,
                attempts: 0,
            });
        }
        let attempts = Cell::new(0usize);
        let total = self.options.retries + 1;
        let cap = self.options.max_backoff;
        let backoff = ExponentialBuilder::default()
            .with_min_delay(self.options.min_backoff)
            .with_max_delay(cap)
            .with_max_times(self.options.retries)
            .with_jitter();
        let once = || {
            attempts.set(attempts.get() + 1);
            self.once(url)
        };
        once.retry(backoff)
            .when(|e: &Attempt| e.transient)
            .adjust(|e: &Attempt, delay| delay.map(|d| e.retry_after.map_or(d, |wait| wait.min(cap))))
            .notify(|e: &Attempt, delay| reporter.retrying(url.as_str(), &e.what, delay, attempts.get(), total))
            .await
            .map_err(|e| FetchError {
                what: e.what,
                status: e.status,
                timed_out: e.timed_out,
                attempts: attempts.get(),
            })
    }

    async fn once(&self, url: &Url) -> Result<Body, Attempt> {
        let mut response = self
            .client
            .get(url.clone())
            .send()
            .await
            .map_err(|e| self.transport(e))?;
        let status = response.status();
        if !status.is_success() {
            let retry_after = response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_retry_after);
            return Err(Attempt {
                what: format!("HTTP {status}"),
                status: Some(status.as_u16()),
                timed_out: false,
                transient: is_transient(status),
                retry_after,
            });
        }
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.transport(e))? {
            if bytes.len() + chunk.len() > self.options.max_body {
                return Err(Attempt::fatal(format!(
                    "the page is larger than {} bytes",
                    self.options.max_body
                )));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Body { bytes, content_type })
    }

    fn transport(&self, e: reqwest::Error) -> Attempt {
        if e.is_timeout() {
            return Attempt {
                what: format!("timed out after {}s", self.options.timeout.as_secs_f64()),
                status: None,
                timed_out: true,
                transient: true,
                retry_after: None,
            };
        }
        if e.is_redirect() {
            return Attempt::fatal(error_chain(&e));
        }
        Attempt {
            what: error_chain(&e),
            status: None,
            timed_out: false,
            transient: e.is_connect() || e.is_request() || e.is_body(),
            retry_after: None,
        }
    }
}

/// 429 and the 5xx answers that usually pass.
fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
}

/// An error and its sources on one line.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        source = inner.source();
    }
    s
}

/// `Retry-After`: delay seconds, or an HTTP date (a date in the past gives zero).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        let d = parse_retry_after(&later).unwrap();
        assert!(d > Duration::from_secs(100) && d <= Duration::from_secs(120), "{d:?}");
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    #[test]
    fn transient_statuses() {
        for s in [429u16, 500, 502, 503, 504] {
            assert!(is_transient(StatusCode::from_u16(s).unwrap()), "{s}");
        }
        for s in [400u16, 401, 403, 404, 410, 501] {
            assert!(!is_transient(StatusCode::from_u16(s).unwrap()), "{s}");
        }
    }
}
