//! Checked conversion of header names and values.
//!
//! Values are never echoed in errors: they may be secrets.

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// Parses a header name, or says why it is invalid.
pub(crate) fn name(name: &str) -> Result<HeaderName, String> {
    HeaderName::from_bytes(name.as_bytes()).map_err(|_| format!("`{}` is not a valid header name", name.escape_debug()))
}

/// Parses a header value, refusing line breaks and other control characters.
pub(crate) fn value(name: &str, value: &str, sensitive: bool) -> Result<HeaderValue, String> {
    if value.contains(['\r', '\n']) {
        return Err(format!(
            "the value of header `{}` contains a line break (\\r or \\n), which could inject headers",
            name.escape_debug()
        ));
    }
    let mut parsed = HeaderValue::from_str(value).map_err(|_| {
        format!(
            "the value of header `{}` contains a control or non-visible character",
            name.escape_debug()
        )
    })?;
    parsed.set_sensitive(sensitive);
    Ok(parsed)
}

/// Parses a name/value pair and inserts it into `map`, replacing earlier values.
pub(crate) fn insert(
    map: &mut HeaderMap,
    header_name: &str,
    header_value: &str,
    sensitive: bool,
) -> Result<(), String> {
    let parsed_name = name(header_name)?;
    let parsed_value = value(header_name, header_value, sensitive)?;
    map.insert(parsed_name, parsed_value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_refused_without_echoing_the_value() {
        let err = value("x-a", "secret\r\nx-evil: 1", true).expect_err("refused");
        assert!(err.contains("line break"));
        assert!(!err.contains("secret"));
        assert!(value("x-a", "a\nb", false).is_err());
        assert!(value("x-a", "a\u{0}b", false).is_err());
        assert!(value("x-a", "fine value", false).is_ok());
    }

    #[test]
    fn bad_names_are_refused() {
        assert!(name("x a").is_err());
        assert!(name("x-ok").is_ok());
    }
}
