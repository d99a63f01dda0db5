//! Classifying one line of a schema block (FORMAT.md section 2).

/// What a schema-block line is, with the text after its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind<'a> {
    Blank,
    /// `Method: X`: the method name/signature, or (second time) the HTTP verb.
    Method(&'a str),
    Description(&'a str),
    Url(&'a str),
    Note(&'a str),
    RequiredParams(&'a str),
    MethodParams,
    /// `param name: <rest>`
    Param(&'a str),
    /// `- ONE-OF:` with what follows the colon (`- required: true`, or nothing).
    OneOf(&'a str),
    /// `- name: <rest>`
    Field(&'a str),
    /// `- enum: A, B` (non-empty) or `- enum:` (empty: block form follows).
    Enum(&'a str),
    /// `-     VALUE: description` (block enum value); only recognised right after `- enum:`.
    EnumValue(&'a str),
    ReturnType(&'a str),
    PossibleErrors,
    /// `HTTP Code: ...`
    ErrorEntry(&'a str),
    /// `field: <path> | operators: <ops>`
    FilterCapability(&'a str),
    Webhook(&'a str),
    EventBody,
    Unknown,
}

/// Builds the line kind from the text after the marker.
type MakeLine = fn(&str) -> LineKind<'_>;

/// Classify `text` (the line without its indentation and line ending).
/// `in_enum_block` says whether the previous line opened or continued a
/// block-form enum, where `-     VALUE: text` lines are expected.
pub(crate) fn classify(text: &str, in_enum_block: bool) -> LineKind<'_> {
    let t = text.trim_end();
    if t.is_empty() {
        return LineKind::Blank;
    }
    let after = |prefix: &str| t.strip_prefix(prefix).map(str::trim_start);
    if let Some(rest) = after("param name:") {
        return LineKind::Param(rest);
    }
    if let Some(rest) = after("- ONE-OF:") {
        return LineKind::OneOf(rest);
    }
    if let Some(rest) = after("- name:") {
        return LineKind::Field(rest);
    }
    if let Some(rest) = after("- enum:") {
        return LineKind::Enum(rest);
    }
    if in_enum_block
        && let Some(rest) = t.strip_prefix('-')
        && rest.starts_with(char::is_whitespace)
    {
        let rest = rest.trim_start();
        let name_end = rest.find(':').unwrap_or(rest.len());
        let name = rest[..name_end].trim_end();
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
        {
            return LineKind::EnumValue(rest);
        }
    }
    if t.starts_with("Method parameters:") {
        return LineKind::MethodParams;
    }
    if t.starts_with("Possible Errors:") {
        return LineKind::PossibleErrors;
    }
    if t.starts_with("Event body:") || t.starts_with("Event Body:") {
        return LineKind::EventBody;
    }
    if t.starts_with("HTTP Code:") {
        return LineKind::ErrorEntry(t);
    }
    if let Some(rest) = after("field:") {
        return if rest.contains("operators:") {
            LineKind::FilterCapability(rest)
        } else {
            LineKind::Unknown
        };
    }
    let valued: [(&str, MakeLine); 7] = [
        ("Method:", |v| LineKind::Method(v)),
        ("Description:", |v| LineKind::Description(v)),
        ("URL:", |v| LineKind::Url(v)),
        ("# Note:", |v| LineKind::Note(v)),
        ("Required parameters:", |v| LineKind::RequiredParams(v)),
        ("Return type:", |v| LineKind::ReturnType(v)),
        ("Webhook:", |v| LineKind::Webhook(v)),
    ];
    for (prefix, make) in valued {
        if let Some(rest) = after(prefix) {
            return make(rest);
        }
    }
    LineKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(classify("Method: POST", false), LineKind::Method("POST"));
        assert_eq!(classify("Method parameters: ", false), LineKind::MethodParams);
        assert_eq!(
            classify("Required parameters:  a, b", false),
            LineKind::RequiredParams("a, b")
        );
        assert_eq!(
            classify("param name: x | type: string", false),
            LineKind::Param("x | type: string")
        );
        assert_eq!(
            classify("- ONE-OF: - required: true", false),
            LineKind::OneOf("- required: true")
        );
        assert_eq!(classify("- ONE-OF: ", false), LineKind::OneOf(""));
        assert_eq!(classify("- enum: ASC, DESC", false), LineKind::Enum("ASC, DESC"));
        assert_eq!(classify("- enum:", false), LineKind::Enum(""));
        assert_eq!(
            classify("-     CUSTOM: text", true),
            LineKind::EnumValue("CUSTOM: text")
        );
        assert_eq!(classify("-     CUSTOM: text", false), LineKind::Unknown);
        assert_eq!(
            classify("field: code | operators: $eq", false),
            LineKind::FilterCapability("code | operators: $eq")
        );
        assert_eq!(
            classify("HTTP Code: 403 | Status Code: X", false),
            LineKind::ErrorEntry("HTTP Code: 403 | Status Code: X")
        );
        assert_eq!(classify("# Note: a", false), LineKind::Note("a"));
        assert_eq!(classify("Something else", false), LineKind::Unknown);
        assert_eq!(classify("   ", false), LineKind::Blank);
    }
}
