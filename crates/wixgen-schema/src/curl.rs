//! Reading the curl command of a REST example: verb, URL, headers, and the
//! `-d` body as text with its position.

use crate::model::{CurlCommand, CurlHeader, Spanned};
use crate::source::{Source, lf};

/// One shell word: its unquoted text and where its content sits in the page.
struct Word<'a> {
    text: String,
    /// The raw slice of the page the word's content came from (quotes excluded
    /// when the whole word is one quoted string).
    raw: &'a str,
}

/// Read a curl command from `code` (a slice of the page). Returns `None` when
/// the code has no `curl` word.
pub(crate) fn parse_curl(src: &Source, code: &str) -> Option<CurlCommand> {
    let words = split_words(code);
    let start = words.iter().position(|w| w.text == "curl")?;
    let mut cmd = CurlCommand {
        verb: None,
        url: None,
        headers: Vec::new(),
        body: None,
    };
    let mut it = words[start + 1..].iter();
    while let Some(w) = it.next() {
        match w.text.as_str() {
            "-X" | "--request" => {
                if let Some(v) = it.next() {
                    cmd.verb = Some(Spanned::new(v.text.clone(), src.span_of(v.raw)));
                }
            }
            "-H" | "--header" => {
                if let Some(v) = it.next() {
                    let (name, value) = v.text.split_once(':').unwrap_or((&v.text, ""));
                    cmd.headers.push(CurlHeader {
                        name: name.trim().to_owned(),
                        value: value.trim().to_owned(),
                        span: src.span_of(v.raw),
                    });
                }
            }
            "-d" | "--data" | "--data-raw" | "--data-binary" => {
                if let Some(v) = it.next() {
                    cmd.body = Some(Spanned::new(lf(&v.text), src.span_of(v.raw)));
                }
            }
            t if (t.starts_with("http://") || t.starts_with("https://")) && cmd.url.is_none() => {
                cmd.url = Some(Spanned::new(w.text.clone(), src.span_of(w.raw)));
            }
            _ => {}
        }
    }
    Some(cmd)
}

/// Split shell-like words: whitespace and `\`-newline separate, single quotes
/// are literal, double quotes allow `\` escapes. Inner `~~~` fence lines (the
/// seed wraps its curl in a second fence) are skipped.
fn split_words(code: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip a `~~~...` line.
        let at_line_start = i == 0 || bytes[i - 1] == b'\n';
        if at_line_start && code[i..].trim_start_matches([' ', '\t']).starts_with("~~~") {
            i = code[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
            continue;
        }
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'\\' if matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) => i += 2,
            _ => {
                let start = i;
                let mut text = String::new();
                let mut quoted: Option<(usize, usize)> = None;
                let mut pieces = 0;
                while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
                    pieces += 1;
                    match bytes[i] {
                        b'\'' => {
                            let end = code[i + 1..].find('\'').map_or(bytes.len(), |n| i + 1 + n);
                            text.push_str(&code[i + 1..end]);
                            quoted = Some((i + 1, end));
                            i = (end + 1).min(bytes.len());
                        }
                        b'"' => {
                            let open = i + 1;
                            i = open;
                            while i < bytes.len() && bytes[i] != b'"' {
                                if bytes[i] == b'\\' && i + 1 < bytes.len() {
                                    i += 1;
                                }
                                i += 1;
                            }
                            let end = i.min(bytes.len());
                            text.push_str(&unescape_double(&code[open..end]));
                            quoted = Some((open, end));
                            i = (end + 1).min(bytes.len());
                        }
                        b'\\' if i + 1 < bytes.len() => {
                            let ch_len = code[i + 1..].chars().next().map_or(1, char::len_utf8);
                            text.push_str(&code[i + 1..i + 1 + ch_len]);
                            i += 1 + ch_len;
                        }
                        _ => {
                            let ch_len = code[i..].chars().next().map_or(1, char::len_utf8);
                            text.push_str(&code[i..i + ch_len]);
                            i += ch_len;
                        }
                    }
                }
                let raw = match quoted {
                    Some((a, b)) if pieces == 1 => &code[a..b],
                    _ => &code[start..i],
                };
                words.push(Word { text, raw });
            }
        }
    }
    words
}

fn unescape_double(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(n) = chars.next()
        {
            if !matches!(n, '"' | '\\' | '$' | '`' | '\n') {
                out.push('\\');
            }
            if n != '\n' {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}
