//! Rustdoc-safe documentation from page markdown.
//!
//! Page descriptions are markdown written for a web page, folded onto one line
//! (paragraph breaks became two spaces). Rustdoc is stricter: it runs fenced
//! and indented code as doctests, reads `[x]` as an intra-doc link, warns on
//! bare URLs and unclosed HTML tags. [`doc_lines`] turns a description into
//! lines that rustdoc (with `-D warnings`) accepts and renders like the page:
//!
//! - `<!-- ... -->` comments are dropped;
//! - paragraphs are split at the folded breaks; lines never start with spaces
//!   (no indented code blocks);
//! - code fences become ```` ```text ```` and are always closed;
//! - `[text](http...)` links are kept, other brackets are escaped;
//! - bare `http(s)://` URLs are wrapped in `<...>`;
//! - `<`, `>` outside code become `&lt;`, `&gt;`.
//!
//! The result is only ever placed in a `#[doc = "..."]` string literal, so it
//! cannot inject code whatever it contains.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` attributes for already safe lines.
pub fn lines_to_attrs(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|line| {
        let line = doc_literal(line);
        quote!(#[doc = #line])
    });
    quote!(#(#attrs)*)
}

/// `#![doc = "..."]` inner attributes for already safe lines.
pub fn inner_attrs(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|line| {
        let line = doc_literal(line);
        quote!(#![doc = #line])
    });
    quote!(#(#attrs)*)
}

/// The string literal of one doc line (`line` after a space; empty stays
/// empty). A raw string (`r"..."`, with as many `#` as the line needs) where
/// it can be one: its value is the same, so prettyplease prints the same
/// `/// ...` line, but neither making it nor `syn` and prettyplease reading
/// it back unescapes the line one character at a time (about a tenth of a
/// generation went to doc strings). A line with a carriage return or a
/// newline, which a raw string cannot hold or prettyplease prints as the
/// literal itself, stays an escaped string.
pub(crate) fn doc_literal(line: &str) -> proc_macro2::Literal {
    // The value is ` {line}` (a space first, so it never starts with `/`);
    // an empty line stays empty.
    let space = if line.is_empty() { "" } else { " " };
    if !line.contains('\n')
        && let Some(literal) = raw_literal(space, line, 0)
    {
        return literal;
    }
    proc_macro2::Literal::string(&format!("{space}{line}"))
}

/// The raw string literal of `prefix` + `text` (`r"..."`, `r#"..."#`, ...),
/// with as many `#` as it needs and at least `min_hashes`; `None` when the
/// text holds a carriage return, which a raw string cannot. `prefix` must hold
/// no `"`.
pub(crate) fn raw_literal(prefix: &str, text: &str, min_hashes: usize) -> Option<proc_macro2::Literal> {
    if text.contains('\r') {
        return None;
    }
    // One more `#` than the longest run after a `"`.
    let bytes = text.as_bytes();
    let hashes = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'"')
        .map(|(i, _)| bytes[i + 1..].iter().take_while(|&&c| c == b'#').count() + 1)
        .fold(min_hashes, usize::max);
    let mut repr = String::with_capacity(prefix.len() + text.len() + 2 * hashes + 3);
    repr.push('r');
    repr.extend(std::iter::repeat_n('#', hashes));
    repr.push('"');
    repr.push_str(prefix);
    repr.push_str(text);
    repr.push('"');
    repr.extend(std::iter::repeat_n('#', hashes));
    // A raw string is one literal token whatever it holds: the closing `"`
    // and hashes occur nowhere in it.
    repr.parse::<proc_macro2::Literal>().ok()
}

/// Rustdoc-safe markdown lines for a page description. Paragraphs are
/// separated by empty lines.
pub fn doc_lines(text: &str) -> Vec<String> {
    let mut text = strip_html_comments(text);
    if text.contains(['\r', '\t']) {
        text = text.replace("\r\n", "\n").replace(['\r', '\t'], " ");
    }
    let mut out: Vec<String> = Vec::new();
    let mut in_fence: Option<String> = None;
    for raw in split_paragraphs(&text) {
        let trimmed = raw.trim();
        if let Some(close) = &in_fence {
            if trimmed.starts_with(close.as_str())
                && trimmed
                    .trim_start_matches(close.chars().next().unwrap_or('`'))
                    .trim()
                    .is_empty()
            {
                out.push(close.clone());
                in_fence = None;
            } else {
                // Inside a fence the text is shown verbatim; rustdoc does not parse it.
                out.push(raw.trim_end().to_owned());
            }
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        if let Some(fence) = fence_opener(trimmed) {
            push_paragraph_break(&mut out);
            out.push(format!("{fence}text"));
            in_fence = Some(fence);
            continue;
        }
        push_paragraph_break(&mut out);
        out.push(inline(trimmed));
    }
    if let Some(close) = in_fence {
        out.push(close);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

fn push_paragraph_break(out: &mut Vec<String>) {
    if out.last().is_some_and(|l| !l.is_empty()) {
        out.push(String::new());
    }
}

/// The fence (```` ``` ```` or `~~~`, as long as written) if `line` opens one.
fn fence_opener(line: &str) -> Option<String> {
    for c in ['`', '~'] {
        let n = line.chars().take_while(|&x| x == c).count();
        if n >= 3 {
            return Some(std::iter::repeat_n(c, n).collect());
        }
    }
    None
}

/// Split at newlines and at folded paragraph breaks (two or more spaces).
fn split_paragraphs(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for line in text.split('\n') {
        let mut rest = line;
        while let Some(i) = rest.find("  ") {
            parts.push(&rest[..i]);
            rest = rest[i..].trim_start_matches(' ');
        }
        parts.push(rest);
    }
    parts
}

fn strip_html_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// Make one paragraph of inline markdown safe.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '`' => {
                let run = chars[i..].iter().take_while(|&&x| x == '`').count();
                if let Some(end) = find_closing_backticks(&chars, i + run, run) {
                    out.extend(&chars[i..end + run]);
                    i = end + run;
                } else {
                    for _ in 0..run {
                        out.push_str("\\`");
                    }
                    i += run;
                }
            }
            '[' => {
                if let Some((label_end, url_end)) = link_at(&chars, i) {
                    let label: String = chars[i + 1..label_end].iter().collect();
                    let url: String = chars[label_end + 2..url_end].iter().collect();
                    let url = url.trim();
                    let label = inline(&label);
                    if is_safe_url(url) {
                        out.push('[');
                        out.push_str(&label);
                        out.push_str("](");
                        out.push_str(url);
                        out.push(')');
                    } else {
                        // Relative targets do not resolve in rustdoc; keep the text.
                        out.push_str(&label);
                    }
                    i = url_end + 1;
                } else {
                    out.push_str("\\[");
                    i += 1;
                }
            }
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            '<' => {
                if let Some(end) = autolink_at(&chars, i) {
                    out.extend(&chars[i..=end]);
                    i = end + 1;
                } else {
                    out.push_str("&lt;");
                    i += 1;
                }
            }
            '>' => {
                out.push_str("&gt;");
                i += 1;
            }
            'h' if starts_with(&chars, i, "http://") || starts_with(&chars, i, "https://") => {
                let end = url_end(&chars, i);
                out.push('<');
                out.extend(&chars[i..end]);
                out.push('>');
                i = end;
            }
            '\\' => {
                // Keep escapes of punctuation; a lone backslash stays literal.
                if let Some(&next) = chars.get(i + 1)
                    && next.is_ascii_punctuation()
                    && next != '<'
                    && next != '>'
                {
                    out.push('\\');
                    out.push(next);
                    i += 2;
                    continue;
                }
                out.push_str("\\\\");
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn starts_with(chars: &[char], at: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| chars.get(at + k) == Some(&c))
}

fn find_closing_backticks(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let n = chars[j..].iter().take_while(|&&x| x == '`').count();
            if n == run {
                return Some(j);
            }
            j += n;
        } else {
            j += 1;
        }
    }
    None
}

/// `[label](url)` starting at `i`: the index of `]` and of `)`.
fn link_at(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut j = i;
    let label_end = loop {
        match chars.get(j)? {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            '`' => return None,
            _ => {}
        }
        j += 1;
    };
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let mut k = label_end + 2;
    let mut parens = 0usize;
    loop {
        match chars.get(k)? {
            '(' => parens += 1,
            ')' if parens == 0 => return Some((label_end, k)),
            ')' => parens -= 1,
            c if c.is_whitespace() || *c == '<' || *c == '>' || *c == '"' || *c == '`' => return None,
            _ => {}
        }
        k += 1;
    }
}

/// `<http...>` starting at `i`: the index of `>`.
fn autolink_at(chars: &[char], i: usize) -> Option<usize> {
    if !(starts_with(chars, i + 1, "http://") || starts_with(chars, i + 1, "https://")) {
        return None;
    }
    let mut j = i + 1;
    while let Some(&c) = chars.get(j) {
        if c == '>' {
            return Some(j);
        }
        if c.is_whitespace() || c == '<' || c == '"' || c == '`' {
            return None;
        }
        j += 1;
    }
    None
}

/// End (exclusive) of a bare URL starting at `i`, trailing punctuation excluded.
fn url_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while let Some(&c) = chars.get(j) {
        if c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | '"' | '\'' | '`' | '[' | ']' | '(' | ')' | '{' | '}' | '|' | '\\'
            )
        {
            break;
        }
        j += 1;
    }
    while j > i && matches!(chars[j - 1], '.' | ',' | ';' | ':' | '!' | '?' | '*' | '_') {
        j -= 1;
    }
    j
}

/// Whether rustdoc may link to `url`: an absolute `http(s)` or `mailto` URL
/// with nothing that could end the link or the markdown around it (page docs
/// and articles both link only to what passes).
pub(crate) fn is_safe_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`' | '(' | ')'))
}

/// Text to be shown inside a markdown code span: backticks removed.
pub(crate) fn code_text(s: &str) -> String {
    if !s.bytes().any(|b| matches!(b, b'`' | b'\n' | b'\r')) {
        return s.to_owned();
    }
    s.replace('`', "'").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> String {
        doc_lines(text).join("\n")
    }

    /// The file prettyplease prints for `attrs` on a unit struct.
    fn printed(attrs: TokenStream) -> String {
        crate::render::format_file(quote!(#attrs struct S;))
    }

    #[test]
    fn doc_literals_print_as_the_escaped_strings_did() {
        let lines: Vec<String> = [
            "plain",
            "",
            "a \"quoted\" word",
            "ends with a quote\"",
            "\"# and \"## inside",
            "back\\slash, tab\t, unicode é ✓",
            "// slashes",
            "two\nlines",
            "carriage\rreturn",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let escaped = |line: &String| {
            let value = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote!(#[doc = #value])
        };
        let old: TokenStream = lines.iter().map(escaped).collect();
        assert_eq!(printed(lines_to_attrs(&lines)), printed(old));
        for line in &lines {
            let lit: syn::LitStr = syn::parse2(quote::ToTokens::into_token_stream(doc_literal(line))).unwrap();
            let want = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            assert_eq!(lit.value(), want);
        }
        assert!(doc_literal("plain").to_string().starts_with("r\""));
        assert!(doc_literal("\"# and \"## inside").to_string().starts_with("r###\""));
        assert!(doc_literal("two\nlines").to_string().starts_with('"'));
    }

    #[test]
    fn plain_text_is_kept() {
        assert_eq!(one("Conversation GUID. "), "Conversation GUID.");
    }

    #[test]
    fn folded_paragraphs_are_split() {
        assert_eq!(one("First.  Second."), "First.\n\nSecond.");
    }

    #[test]
    fn links_are_kept_and_stray_brackets_escaped() {
        assert_eq!(
            one("a [member](https://support.wix.com/x) and [x] and [y] (https://e.com)"),
            "a [member](https://support.wix.com/x) and \\[x\\] and \\[y\\] (<https://e.com>)"
        );
    }

    #[test]
    fn relative_links_keep_their_text() {
        assert_eq!(one("see [Message Types](#message-types)."), "see Message Types.");
    }

    #[test]
    fn bare_urls_are_wrapped() {
        assert_eq!(
            one("Go to https://dev.wix.com/docs."),
            "Go to <https://dev.wix.com/docs>."
        );
        assert_eq!(one("<https://a.b/c>"), "<https://a.b/c>");
    }

    #[test]
    fn html_is_escaped_outside_code() {
        assert_eq!(
            one("PROMISE<Foo> and `array<Sorting>`"),
            "PROMISE&lt;Foo&gt; and `array<Sorting>`"
        );
        assert_eq!(one("a <!-- TODO fix --> b"), "a\n\nb");
    }

    #[test]
    fn comments_are_dropped() {
        assert_eq!(one("a<!-- TODO -->b<!-- open"), "ab");
    }

    #[test]
    fn fences_become_text_and_close() {
        assert_eq!(
            one("Example:\n```js\nlet x = 1;\n```\nAfter."),
            "Example:\n\n```text\nlet x = 1;\n```\n\nAfter."
        );
        assert_eq!(one("```\nfn main() {}"), "```text\nfn main() {}\n```");
    }

    #[test]
    fn no_line_starts_indented() {
        for line in doc_lines("a\n    indented code\n\tb") {
            assert!(!line.starts_with(' '), "{line:?}");
        }
    }

    #[test]
    fn unmatched_backticks_are_escaped() {
        assert_eq!(one("a ` b"), "a \\` b");
    }
}
