//! When and how long to wait before trying a request again.

use std::time::Duration;

use crate::error::{Error, is_retryable_status};
use crate::method::HttpMethod;

/// How the client retries transient failures.
///
/// A 429 answer is retried for every method. 502, 503, 504, connection
/// failures and timeouts are retried for `GET` and `DELETE`, and for other
/// methods only when the request opts in with
/// [`RequestOptions::retry_non_idempotent`](crate::RequestOptions::retry_non_idempotent).
///
/// Waits grow exponentially from `initial_backoff`, doubled on each retry and
/// capped at `max_backoff`, with jitter (each wait is a random value between half
/// and all of the computed delay). A `Retry-After` header (in seconds) is used
/// instead of the computed delay, capped at `max_backoff`. No retry starts if
/// its wait would take the total time past `max_elapsed`.
///
/// ```
/// use std::time::Duration;
/// use wix_client::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_attempts(6)
///     .initial_backoff(Duration::from_millis(100))
///     .max_backoff(Duration::from_secs(5))
///     .max_elapsed(Duration::from_secs(30));
/// assert_eq!(policy.get_max_attempts(), 6);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
}

impl Default for RetryPolicy {
    /// 4 attempts, 200 ms initial backoff, 10 s max backoff, 60 s max elapsed.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries (one attempt).
    pub fn none() -> Self {
        RetryPolicy::default().max_attempts(1)
    }

    /// The most attempts per request, the first one included (at least 1).
    ///
    /// An OAuth token refresh after a 401 adds one attempt that is not counted here.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry.
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The longest single wait, also the cap for `Retry-After`.
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// The longest time from the first attempt after which no retry starts.
    pub fn max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// The configured maximum number of attempts.
    pub fn get_max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The configured initial backoff.
    pub fn get_initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The configured maximum backoff.
    pub fn get_max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// The configured maximum total time.
    pub fn get_max_elapsed(&self) -> Duration {
        self.max_elapsed
    }

    /// The wait before retry number `retry` (1 for the first retry), with jitter,
    /// or the `Retry-After` delay capped at the maximum backoff.
    pub(crate) fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(after) = retry_after {
            return after.min(self.max_backoff);
        }
        let exponent = retry.saturating_sub(1).min(30);
        let full = self
            .initial_backoff
            .saturating_mul(1_u32 << exponent)
            .min(self.max_backoff);
        let half = full / 2;
        let spread = u64::try_from((full - half).as_micros()).unwrap_or(u64::MAX);
        half + Duration::from_micros(fastrand::u64(0..=spread))
    }
}

/// Whether `error` may be retried for a request with this method and opt-in.
pub(crate) fn may_retry(error: &Error, method: HttpMethod, opted_in: bool) -> bool {
    let idempotent = method.retries_by_default() || opted_in;
    match error {
        Error::Api(api) if api.status == 429 => true,
        Error::Api(api) => is_retryable_status(api.status) && idempotent,
        Error::Transport { .. } | Error::Timeout { .. } => idempotent,
        _ => false,
    }
}

/// Parses a `Retry-After` header given in seconds. HTTP dates are ignored
/// (the computed backoff is used instead).
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_are_capped() {
        let policy = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        for _ in 0..50 {
            let first = policy.delay(1, None);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let third = policy.delay(3, None);
            assert!(third >= Duration::from_millis(175) && third <= Duration::from_millis(350));
            assert!(policy.delay(40, None) <= Duration::from_millis(350));
        }
    }

    #[test]
    fn retry_after_is_capped() {
        let policy = RetryPolicy::default().max_backoff(Duration::from_secs(2));
        assert_eq!(policy.delay(1, Some(Duration::from_secs(1))), Duration::from_secs(1));
        assert_eq!(policy.delay(1, Some(Duration::from_secs(100))), Duration::from_secs(2));
    }

    #[test]
    fn retry_after_parsing() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    #[test]
    fn max_attempts_is_at_least_one() {
        assert_eq!(RetryPolicy::default().max_attempts(0).get_max_attempts(), 1);
    }
}
