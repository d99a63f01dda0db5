//! Percent-encoding of path parameters and query components.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
///
/// Used for path segments and query keys/values, so that `/`, `?`, `#`, `%`,
/// `&`, `=`, `+`, spaces and non-ASCII text can never change the structure of the URL.
pub(crate) const STRICT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Encodes `value` as exactly one path segment.
///
/// Fails for the empty string and for `.` and `..`: URL parsers remove such
/// segments (and their percent-encoded forms `%2E`, `%2E%2E`) as dot-segments,
/// so no encoding can make them reach the server as a segment. They are never
/// valid Wix IDs.
pub(crate) fn encode_segment(value: &str) -> Result<String, &'static str> {
    match value {
        "" => Err("a path parameter is empty, which would change the request path"),
        "." | ".." => Err("a path parameter is `.` or `..`, which URL normalisation would remove as a dot-segment"),
        _ => Ok(utf8_percent_encode(value, STRICT).to_string()),
    }
}

/// Encodes a query key or value.
pub(crate) fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, STRICT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_keep_only_unreserved_characters() {
        assert_eq!(encode_segment("abc-1.2_~").as_deref(), Ok("abc-1.2_~"));
        assert_eq!(encode_segment("../x").as_deref(), Ok("..%2Fx"));
        assert_eq!(encode_segment("a/b").as_deref(), Ok("a%2Fb"));
        assert_eq!(encode_segment("%2F").as_deref(), Ok("%252F"));
        assert_eq!(encode_segment("?x=1#y").as_deref(), Ok("%3Fx%3D1%23y"));
        assert_eq!(encode_segment("a b+é").as_deref(), Ok("a%20b%2B%C3%A9"));
        assert_eq!(encode_segment("...").as_deref(), Ok("..."));
    }

    #[test]
    fn dot_segments_and_empty_are_refused() {
        assert!(encode_segment("").is_err());
        assert!(encode_segment(".").is_err());
        assert!(encode_segment("..").is_err());
    }
}
