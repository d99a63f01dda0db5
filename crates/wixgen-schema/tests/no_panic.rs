//! `parse` never panics, and what it reports points into the input.
//!
//! Random bytes, random token soup, and random mutations of the real pages
//! (byte flips, deletions, insertions of structural characters and multi-byte
//! characters, truncation, line duplication and swaps) go through `parse`; every
//! diagnostic and every span in the model must lie within the input with a
//! line and column that agree with its byte offset, and rendering must not
//! panic either. Then every real page is parsed truncated at every 7th
//! character boundary.
//!
//! Spans index the page as `String::from_utf8_lossy` decodes it (what
//! [`Diagnostic::render`] is given); for valid UTF-8 that is the input itself.

use proptest::prelude::*;
use proptest::sample::{Index, select};
use std::sync::OnceLock;
use wixgen_schema::*;

const PAGES: [&str; 6] = [
    "seeds/get-or-create-conversation.md",
    "seeds/000_4f03bd3e1384cd8c.txt",
    "seeds/004_b12d3e60681421c4.txt",
    "real/query-resource-types.md",
    "real/get-availability-time-slot.md",
    "reconstructed/get-conversation.md",
];

fn pages() -> &'static [Vec<u8>] {
    static PAGES_READ: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    PAGES_READ.get_or_init(|| {
        PAGES
            .iter()
            .map(|p| {
                let full = format!("{}/../../tests/fixtures/pages/{p}", env!("CARGO_MANIFEST_DIR"));
                std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
            })
            .collect()
    })
}

/// Pieces that matter to the parser: markdown and schema structure, attribute
/// syntax, line endings, indentation, multi-byte and invalid UTF-8.
const TOKENS: &[&[u8]] = &[
    b"<",
    b">",
    b"|",
    b" | ",
    b"-",
    b"- ",
    b"\n",
    b" ",
    b"    ",
    b"\t",
    b"\r",
    b"\r\n",
    b":",
    b"`",
    b"{",
    b"}",
    b",",
    b"#",
    b"# ",
    b"## ",
    b"### ",
    b"```",
    b"~~~",
    b"---",
    b"> ",
    b"\\",
    b"'",
    b"\"",
    "é".as_bytes(),
    "名".as_bytes(),
    "🚀".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{2028}".as_bytes(),
    b"\xFF",
    b"\xE2\x82",
    b"\0",
    b"param name: ",
    b"- name: ",
    b" | type: ",
    b"string",
    b"array<",
    b"PROMISE<",
    b" | description: ",
    b" | required: true",
    b" | validation: ",
    b"- ONE-OF:",
    b" - required: true",
    b"- enum:",
    b"-     VALUE: text",
    b"Method: ",
    b"Method parameters:",
    b"Return type: ",
    b"Possible Errors:",
    b"HTTP Code: ",
    b"URL: ",
    b"Webhook: ",
    b"Event body:",
    b"field: x | operators: $eq",
    b"# Package: ",
    b"# Method link: ",
    b"## REST API",
    b"## JavaScript SDK",
    b"### Schema",
    b"### Examples",
    b"curl -X POST -d '",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Delete(Index, usize),
    Insert(Index, &'static [u8]),
    Truncate(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 0..8u8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        1 => (any::<Index>(), 1..64usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        4 => (any::<Index>(), select(TOKENS)).prop_map(|(at, t)| Mutation::Insert(at, t)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        if let Mutation::Insert(_, t) = m {
            bytes.extend_from_slice(t);
        }
        return;
    }
    match m {
        Mutation::Flip(at, bit) => {
            let at = at.index(bytes.len());
            bytes[at] ^= 1 << bit;
        }
        Mutation::Delete(at, n) => {
            let start = at.index(bytes.len());
            let end = (start + n).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Insert(at, t) => {
            let at = at.index(bytes.len() + 1);
            bytes.splice(at..at, t.iter().copied());
        }
        Mutation::Truncate(at) => bytes.truncate(at.index(bytes.len())),
        Mutation::DuplicateLine(at) => {
            let lines = lines(bytes);
            let line = lines[at.index(lines.len())].clone();
            let copy = bytes[line.clone()].to_vec();
            bytes.splice(line.end..line.end, copy);
        }
        Mutation::SwapLines(a, b) => {
            let lines = lines(bytes);
            let (a, b) = (lines[a.index(lines.len())].clone(), lines[b.index(lines.len())].clone());
            let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
            if first.end <= second.start {
                let mut out = bytes[..first.start].to_vec();
                out.extend_from_slice(&bytes[second.clone()]);
                out.extend_from_slice(&bytes[first.end..second.start]);
                out.extend_from_slice(&bytes[first.clone()]);
                out.extend_from_slice(&bytes[second.end..]);
                *bytes = out;
            }
        }
    }
}

/// Byte ranges of the lines, each with its `\n`.
fn lines(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() || out.is_empty() {
        out.push(start..bytes.len());
    }
    out
}

/// The line and column that a span at byte `offset` of `text` must have.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut column = before[line_start..].chars().count() + 1;
    // A leading byte-order mark is in the offsets but not in the columns.
    if line_start == 0 && text.starts_with('\u{feff}') {
        column -= 1;
    }
    (line as u32, column as u32)
}

fn check_span(text: &str, span: &Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.line >= 1 && span.column >= 1, "{what}: {span:?}");
    prop_assert!(
        span.offset.checked_add(span.len).is_some_and(|end| end <= text.len()),
        "{what}: {span:?} past the end ({} bytes)",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.offset),
        "{what}: {span:?} not at a character"
    );
    prop_assert_eq!(
        line_col(text, span.offset),
        (span.line, span.column),
        "{}: {:?}",
        what,
        span
    );
    Ok(())
}

/// Every span in the model (found structurally in its JSON form).
fn model_spans(v: &serde_json::Value, out: &mut Vec<Span>) {
    match v {
        serde_json::Value::Object(map) => {
            let field = |k: &str| map.get(k).and_then(serde_json::Value::as_u64);
            if let (Some(line), Some(column), Some(offset), Some(len), 4) =
                (field("line"), field("column"), field("offset"), field("len"), map.len())
            {
                out.push(Span {
                    line: line as u32,
                    column: column as u32,
                    offset: offset as usize,
                    len: len as usize,
                });
            } else {
                map.values().for_each(|v| model_spans(v, out));
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| model_spans(v, out)),
        _ => {}
    }
}

/// Parse `input` and check everything it reports; `model` also checks the
/// spans in the model (slower: it goes through JSON).
fn check(input: &[u8], model: bool) -> Result<(), TestCaseError> {
    let out = parse(input);
    let text = String::from_utf8_lossy(input);
    prop_assert!(out.diagnostics.len() <= 101, "{} diagnostics", out.diagnostics.len());
    if out.diagnostics.len() == 101 {
        prop_assert_eq!(out.diagnostics[100].code, "E099");
    }
    if out.page.is_none() {
        prop_assert!(out.has_errors(), "no page and no error");
    }
    for d in &out.diagnostics {
        check_span(&text, &d.span, d.code)?;
        prop_assert!(d.help.is_some(), "{} has no help", d.code);
        let rendered = d.render("page.md", &text, false);
        prop_assert!(rendered.contains(d.code));
        let _ = d.render("page.md", &text, true);
    }
    if model && let Some(page) = &out.page {
        let mut spans = Vec::new();
        model_spans(&serde_json::to_value(page).expect("the model serialises"), &mut spans);
        for span in &spans {
            check_span(&text, span, "model span")?;
        }
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        // Found failures become named tests (as in `regressions` below) rather
        // than files next to the tests.
        failure_persistence: None,
        ..ProptestConfig::with_cases(256)
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes, true)?;
    }

    #[test]
    fn random_tokens(tokens in prop::collection::vec(select(TOKENS), 0..300)) {
        check(&tokens.concat(), true)?;
    }

    #[test]
    fn mutated_pages(page in any::<Index>(), mutations in prop::collection::vec(mutation(), 1..12)) {
        let pages = pages();
        let mut bytes = pages[page.index(pages.len())].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check(&bytes, true)?;
    }

    #[test]
    fn mutated_pages_with_crlf(page in any::<Index>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let pages = pages();
        let text = String::from_utf8_lossy(&pages[page.index(pages.len())]).replace('\n', "\r\n");
        let mut bytes = text.into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check(&bytes, false)?;
    }
}

/// A real page cut at every 7th character boundary (a page saved half-way).
/// Every boundary would be ~82,000 parses of up to 36 KB over all pages: two
/// minutes in a debug build. One test per page, so they run in parallel.
fn truncated_at_every_7th_character_boundary(page: usize) {
    let (path, bytes) = (PAGES[page], &pages()[page]);
    let text = std::str::from_utf8(bytes).expect("the pages are UTF-8");
    let boundaries = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
    for end in boundaries.step_by(7).chain([text.len()]) {
        if let Err(e) = check(&bytes[..end], false) {
            panic!("{path} cut at byte {end}: {e}");
        }
    }
}

#[test]
fn truncated_get_or_create_conversation() {
    truncated_at_every_7th_character_boundary(0);
}

#[test]
fn truncated_collapsed_seed() {
    truncated_at_every_7th_character_boundary(1);
}

#[test]
fn truncated_article() {
    truncated_at_every_7th_character_boundary(2);
}

#[test]
fn truncated_query_resource_types() {
    truncated_at_every_7th_character_boundary(3);
}

#[test]
fn truncated_get_availability_time_slot() {
    truncated_at_every_7th_character_boundary(4);
}

#[test]
fn truncated_get_conversation() {
    truncated_at_every_7th_character_boundary(5);
}

/// Inputs that once failed.
#[test]
fn regressions() {
    let cases: [&[u8]; 2] = [
        // E100 cut its span at byte 40, inside a two-byte `é`.
        format!("a{} # Package: x # Namespace: y {}", "é".repeat(30), "z".repeat(200))
            .leak()
            .as_bytes(),
        b"\xEF\xBB\xBF",
    ];
    for input in cases {
        check(input, true).unwrap();
    }
}
