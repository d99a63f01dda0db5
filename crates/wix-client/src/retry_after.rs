//! The `Retry-After` response header: a number of seconds or an HTTP date (RFC 9110, section 10.2.3).

use std::time::{Duration, SystemTime};

/// The wait a `Retry-After` value asks for, counted from `now`: the seconds
/// given, or the time until the date given (zero for a date in the past).
/// `None` when the value is neither (the computed backoff applies then).
pub(crate) fn parse(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // More seconds than a u64 holds is still "a very long time".
        return Some(Duration::from_secs(value.parse::<u64>().unwrap_or(u64::MAX)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A delay for people: `3600 s`, `1.5 s` or `250 ms`.
pub(crate) fn describe(delay: Duration) -> String {
    if delay >= Duration::from_secs(1) {
        if delay.subsec_millis() == 0 {
            format!("{} s", delay.as_secs())
        } else {
            format!("{:.1} s", delay.as_secs_f64())
        }
    } else {
        format!("{} ms", delay.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds() {
        let now = SystemTime::now();
        assert_eq!(parse(" 3 ", now), Some(Duration::from_secs(3)));
        assert_eq!(parse("0", now), Some(Duration::ZERO));
        assert_eq!(
            parse("99999999999999999999999", now),
            Some(Duration::from_secs(u64::MAX))
        );
        assert_eq!(parse("-1", now), None);
        assert_eq!(parse("1.5", now), None);
        assert_eq!(parse("", now), None);
    }

    #[test]
    fn http_dates() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").expect("date");
        assert_eq!(
            parse("Wed, 21 Oct 2015 08:28:00 GMT", now),
            Some(Duration::from_secs(3600))
        );
        // The obsolete formats HTTP still allows.
        assert_eq!(
            parse("Wednesday, 21-Oct-15 07:28:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse("Wed Oct 21 07:29:00 2015", now), Some(Duration::from_secs(60)));
        assert_eq!(
            parse("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO),
            "past"
        );
        assert_eq!(parse("tomorrow", now), None);
    }

    #[test]
    fn descriptions() {
        assert_eq!(describe(Duration::from_secs(3600)), "3600 s");
        assert_eq!(describe(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(describe(Duration::from_millis(250)), "250 ms");
    }
}
