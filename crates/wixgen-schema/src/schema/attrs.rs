//! The `<name> | type: <type> | key: value ...` part of `param name:` and `- name:` lines.

use super::types::{TypeError, parse_type};
use crate::diag::Diagnostic;
use crate::model::{Attributes, Spanned, TypeExpr, ValidationRule};
use crate::source::Source;

/// Keys in the order pages list them.
const KNOWN_KEYS: [&str; 5] = ["type", "description", "required", "read-only", "validation"];

/// A field or param line, read.
pub(crate) struct Entry {
    pub name: Spanned<String>,
    pub ty: Spanned<TypeExpr>,
    pub attrs: Attributes,
    pub stray: Option<Spanned<String>>,
}

/// Read `rest` (the text after `name: `, a slice of the page). `what` names the
/// line kind for messages. Returns `None` (with an error pushed) when the line
/// cannot be used; problems that leave it usable are warnings.
pub(crate) fn parse_entry(src: &Source, rest: &str, what: &str, diags: &mut Vec<Diagnostic>) -> Option<Entry> {
    let mut segments = split_segments(rest);
    let name_text = trim(segments.next().unwrap_or_default());
    let name_span = src.span_of(name_text);
    if name_text.is_empty() {
        diags.push(
            Diagnostic::error("E010", src.span_of(rest), format!("{what} line has no name"))
                .with_help(format!("write it as `{what}: <name> | type: <type>`")),
        );
        return None;
    }
    // Byte by byte up to the first non-ASCII byte, by characters from there.
    let bad = match name_text.bytes().position(|b| !b.is_ascii() || ws(b)) {
        Some(i) if !name_text.as_bytes()[i].is_ascii() => name_text[i..].find(char::is_whitespace).map(|j| i + j),
        found => found,
    };
    if let Some(bad) = bad {
        diags.push(
            Diagnostic::error(
                "E011",
                src.span_of(name_text),
                format!("`{name_text}` is not a field name: it contains whitespace at byte {bad}"),
            )
            .with_help("a name is one word; check that the line was not folded or truncated"),
        );
        return None;
    }
    let mut ty: Option<Spanned<TypeExpr>> = None;
    let mut stray = None;
    let mut attrs = Attributes::default();
    let mut last_rank: Option<(usize, &str)> = None;
    let mut seen = [false; KNOWN_KEYS.len()];
    for seg in segments {
        // The `:` ends the key, a few bytes in: a plain scan beats memchr's setup.
        let Some(colon) = seg.bytes().position(|b| b == b':') else {
            continue; // split_segments only cuts before `key:`
        };
        let (key_raw, value_raw) = (&seg[..colon], &seg[colon + 1..]);
        let key = trim(key_raw);
        let value = trim(value_raw);
        // Only the warnings below need it.
        let key_span = || src.span_of(key);
        if let Some(rank) = KNOWN_KEYS.iter().position(|k| *k == key) {
            if seen[rank] {
                diags.push(
                    Diagnostic::warning(
                        "W011",
                        key_span(),
                        format!("attribute `{key}` is given twice; the last one is used"),
                    )
                    .with_help("remove the duplicate"),
                );
            } else if let Some((prev_rank, prev)) = last_rank
                && rank < prev_rank
            {
                diags.push(
                    Diagnostic::warning("W012", key_span(), format!("attribute `{key}` comes after `{prev}`"))
                        .with_help("pages list type, description, required, read-only, validation in that order; the value was read anyway"),
                );
            }
            seen[rank] = true;
            last_rank = Some((rank, KNOWN_KEYS[rank]));
        }
        match key {
            "type" => {
                let (t, s) = split_stray(value);
                if let Some(s) = s {
                    stray = Some(Spanned::new(s.to_owned(), src.span_of(s)));
                }
                match parse_type(t) {
                    Ok(parsed) => ty = Some(Spanned::new(parsed, src.span_of(t))),
                    Err(e) => {
                        diags.push(type_error(src, t, value, &e));
                        return None;
                    }
                }
            }
            "description" => {
                let text = value_raw.trim_start().trim_end();
                attrs.description = Some(Spanned::new(text.to_owned(), src.span_of(text)));
            }
            "required" | "read-only" => {
                let flag = match value {
                    "true" => true,
                    "false" => false,
                    other => {
                        diags.push(
                            Diagnostic::warning(
                                "W013",
                                src.span_of(seg.trim()),
                                format!("`{key}: {other}` is not `true` or `false`; read as `true`"),
                            )
                            .with_help(format!("write `{key}: true`")),
                        );
                        true
                    }
                };
                if key == "required" {
                    attrs.required = flag;
                } else {
                    attrs.read_only = flag;
                }
            }
            "validation" => attrs.validation = parse_validation(src, value, diags),
            _ => {
                diags.push(
                    Diagnostic::warning(
                        "W014",
                        key_span(),
                        format!("unknown attribute `{key}`; kept but not used"),
                    )
                    .with_help("known attributes are type, description, required, read-only, validation"),
                );
                attrs.other.push(Spanned::new(
                    (key.to_owned(), value.to_owned()),
                    src.span_of(seg.trim()),
                ));
            }
        }
    }
    if attrs.required && attrs.read_only {
        diags.push(
            Diagnostic::warning(
                "W015",
                name_span,
                format!("`{name_text}` is both required and read-only"),
            )
            .with_help("pages never mark a field both; check the attributes"),
        );
    }
    let Some(ty) = ty else {
        diags.push(
            Diagnostic::error(
                "E012",
                name_span,
                format!("{what} line for `{name_text}` has no `type:`"),
            )
            .with_help(format!(
                "write it as `{what}: {name_text} | type: <type>`; the line and the lines under it were skipped"
            )),
        );
        return None;
    };
    Some(Entry {
        name: Spanned::new(name_text.to_owned(), name_span),
        ty,
        attrs,
        stray,
    })
}

fn type_error(src: &Source, t: &str, value: &str, e: &TypeError) -> Diagnostic {
    match e {
        TypeError::Empty => Diagnostic::error("E013", src.span_of(value), "`type:` is empty")
            .with_help("write a type such as `string`, `array<Name>` or a type name; the line and the lines under it were skipped"),
        TypeError::Unbalanced(at) => Diagnostic::error("E014", src.span_of(sub(t, *at, 1)), format!("unbalanced `<`/`>` in type `{t}`"))
            .with_help("write `array<Type>` with one `<` and one `>`; the line and the lines under it were skipped"),
        TypeError::BadName(at) => Diagnostic::error("E015", src.span_of(sub(t, *at, t.len())), format!("`{t}` is not a type"))
            .with_help("a type is `string`, `integer`, `number`, `boolean`, `object`, `Date`, `array<T>` or a type name; the line and the lines under it were skipped"),
    }
}

/// `len` bytes of `t` from `at`, clamped to `t` and to character boundaries.
fn sub(t: &str, at: usize, len: usize) -> &str {
    let floor = |mut i: usize| {
        i = i.min(t.len());
        while !t.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(at);
    let end = floor(at.saturating_add(len)).max(start);
    &t[start..end]
}

/// [`str::trim`], the same slice of `s` (an all-whitespace `s` gives its empty
/// start, as `str::trim` does, which matters for spans), with ASCII ends
/// decided byte by byte; a non-ASCII byte at either end goes through
/// `str::trim` (Unicode whitespace).
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !ws(c)).unwrap_or(b.len());
    if start == b.len() {
        return &s[..0];
    }
    let end = b.iter().rposition(|&c| !ws(c)).map_or(start, |i| i + 1);
    if !b[start].is_ascii() || !b[end - 1].is_ascii() {
        return s.trim();
    }
    &s[start..end]
}

/// `char::is_whitespace` for an ASCII byte: space, \t, \n, \x0B, \x0C, \r.
fn ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// `GetFooOptions  none` → (`GetFooOptions`, Some(`none`)); `string (date-time)` stays whole.
fn split_stray(value: &str) -> (&str, Option<&str>) {
    if value.starts_with("string (") {
        return (value, None);
    }
    match value.find(char::is_whitespace) {
        Some(i) if !value[..i].contains('<') || value[..i].ends_with('>') => {
            let rest = value[i..].trim();
            (&value[..i], (!rest.is_empty()).then_some(rest))
        }
        _ => (value, None),
    }
}

/// Cut `text` before every ` | key:` where `key` is a known attribute, or a
/// lowercase word outside backticks (an unknown attribute). Descriptions may
/// contain `|` inside backticks, so nothing else is a cut. Yields at least one
/// segment (the name part).
pub(crate) fn split_segments(text: &str) -> Segments<'_> {
    Segments {
        text,
        start: 0,
        pos: 0,
        in_code: false,
        done: false,
    }
}

/// The segments of a line, see [`split_segments`].
pub(crate) struct Segments<'a> {
    text: &'a str,
    /// Start of the next segment.
    start: usize,
    /// Where the scan for the next cut resumes.
    pos: usize,
    in_code: bool,
    done: bool,
}

impl<'a> Iterator for Segments<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.done {
            return None;
        }
        let (text, bytes) = (self.text, self.text.as_bytes());
        while let Some(found) = memchr::memchr2(b'`', b'|', &bytes[self.pos..]) {
            let i = self.pos + found;
            self.pos = i + 1;
            if bytes[i] == b'`' {
                self.in_code = !self.in_code;
                // At 0: an empty name (`param name: | type: x`).
            } else if (i == 0 || bytes[i - 1] == b' ') && is_cut(&text[i + 1..], self.in_code) {
                let seg = &text[self.start..i.saturating_sub(1)];
                self.start = i + 1;
                return Some(seg);
            }
        }
        self.done = true;
        Some(&text[self.start..])
    }
}

/// Whether `after` (the text after a ` |`) starts a segment: a known key, or
/// outside backticks a lowercase word, followed by `:`.
fn is_cut(after: &str, in_code: bool) -> bool {
    // `str::trim_start`, byte by byte over ASCII whitespace.
    let skip = after.bytes().position(|b| !ws(b)).unwrap_or(after.len());
    let after = match after.as_bytes().get(skip) {
        Some(b) if !b.is_ascii() => after[skip..].trim_start(),
        _ => &after[skip..],
    };
    // The key is what comes before the first `:`; it qualifies only when it
    // is all lowercase letters and `-` (as every known key is), so the scan
    // stops at the first other byte, which must be that `:`.
    let key_len = after
        .bytes()
        .position(|c| !(c.is_ascii_lowercase() || c == b'-'))
        .unwrap_or(after.len());
    if key_len == 0 || after.as_bytes().get(key_len) != Some(&b':') {
        return false;
    }
    !in_code || KNOWN_KEYS.contains(&&after[..key_len])
}

/// `minLength 1, maxLength 100`, `format DECIMAL_VALUE, decimalValue {"gte":"0","maxScale":2}`.
fn parse_validation(src: &Source, value: &str, diags: &mut Vec<Diagnostic>) -> Vec<Spanned<ValidationRule>> {
    // The brackets are ASCII: counted byte by byte, as the cuts below are.
    let depth_at_end: i32 = value
        .bytes()
        .map(|b| match b {
            b'{' | b'[' => 1,
            b'}' | b']' => -1,
            _ => 0,
        })
        .sum();
    let tokens = {
        let mut depth = 0i32;
        let mut start = 0;
        let mut done = false;
        let bytes = value.as_bytes();
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            for (i, &b) in bytes.iter().enumerate().skip(start) {
                match b {
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth -= 1,
                    b',' if depth <= 0 => {
                        let token = &value[start..i];
                        start = i + 1;
                        return Some(token);
                    }
                    _ => {}
                }
            }
            done = true;
            Some(&value[start..])
        })
    };
    let mut rules = Vec::new();
    if depth_at_end != 0 {
        diags.push(
            Diagnostic::warning("W016", src.span_of(value), "unbalanced `{`/`}` in `validation:`")
                .with_help("the rules were split as well as possible; check the line"),
        );
    }
    for token in tokens {
        let token = trim(token);
        if token.is_empty() {
            diags.push(
                Diagnostic::warning("W017", src.span_of(value), "empty rule in `validation:`")
                    .with_help("remove the extra comma"),
            );
            continue;
        }
        let rule = match token.split_once(char::is_whitespace) {
            None => ValidationRule::Flag(token.to_owned()),
            Some(("format", f)) => ValidationRule::Format(f.trim().to_owned()),
            Some((kw, arg)) if arg.trim_start().starts_with(['{', '[']) => ValidationRule::Json {
                keyword: kw.to_owned(),
                json: arg.trim().to_owned(),
            },
            Some((kw, arg)) => ValidationRule::Bound {
                keyword: kw.to_owned(),
                value: arg.trim().to_owned(),
            },
        };
        rules.push(Spanned::new(rule, src.span_of(token)));
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "\t\x0B\x0C\r\n ",
            "a",
            "  a b  ",
            "\u{a0}a\u{a0}",
            " \u{2003}x",
            "x\u{2003} ",
            "\u{a0}",
            "é ",
            " é",
            "\u{a0} \u{a0}",
        ] {
            let (ours, std) = (trim(s), s.trim());
            assert_eq!(ours, std, "{s:?}");
            assert_eq!(ours.as_ptr(), std.as_ptr(), "{s:?}: not the same slice");
        }
    }

    #[test]
    fn segments_respect_backticks_and_known_keys() {
        let s = "order | type: SortOrder | description: a `x | y` b | required: true";
        assert_eq!(
            split_segments(s).collect::<Vec<_>>(),
            vec![
                "order",
                " type: SortOrder",
                " description: a `x | y` b",
                " required: true"
            ]
        );
    }

    #[test]
    fn known_key_cut_even_after_odd_backtick() {
        let s = "a | type: string | description: one ` tick | required: true";
        assert_eq!(split_segments(s).count(), 4);
    }

    #[test]
    fn stray_token() {
        assert_eq!(split_stray("GetOptions  none"), ("GetOptions", Some("none")));
        assert_eq!(split_stray("ParticipantId"), ("ParticipantId", None));
        assert_eq!(split_stray("string (date-time)"), ("string (date-time)", None));
    }
}
