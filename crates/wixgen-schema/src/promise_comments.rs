//! The `/* Promise resolves to: ... */` comments of JavaScript examples: what
//! an SDK call returns, as the page shows it.
//!
//! ```text
//! /* Promise resolves to:
//!  * {
//!  *   "conversation": { "_id": "092d...", ... },
//!  *   "newConversation": false
//!  * }
//!  */
//! ```
//!
//! Only the text is found here (it is JavaScript, not JSON: whoever reads it
//! parses it as JSON5). Lowering reads it as evidence of which type a bare
//! reference means; code generation turns it into decode tests.

/// What opens the comment: `/* Promise resolves to:`.
pub const MARKER: &str = "Promise resolves to:";

/// Every `/* Promise resolves to: ... */` comment of `code`: the index of its
/// first line within `code`, and its text after the marker (margins removed,
/// one line per line of the comment, so that positions within it map back to
/// the page).
pub fn promise_comments(code: &str) -> Vec<(u32, String)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let opens = line
            .find(MARKER)
            .filter(|&at| line[..at].trim_end().ends_with("/*") || line[..at].trim_end().ends_with("/**"));
        let Some(at) = opens else {
            i += 1;
            continue;
        };
        let first = i;
        let mut text = Vec::new();
        let mut rest = &line[at + MARKER.len()..];
        loop {
            if let Some(end) = rest.find("*/") {
                text.push(rest[..end].to_owned());
                break;
            }
            text.push(rest.to_owned());
            i += 1;
            match lines.get(i) {
                Some(next) => rest = strip_margin(next),
                None => break,
            }
        }
        out.push((u32::try_from(first).unwrap_or(u32::MAX), text.join("\n")));
        i += 1;
    }
    out
}

/// A comment line without its leading ` * ` margin (a closing `*/` is kept).
fn strip_margin(line: &str) -> &str {
    let t = line.trim_start();
    match t.strip_prefix('*') {
        Some(rest) if !rest.starts_with('/') => rest.strip_prefix(' ').unwrap_or(rest),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_with_their_lines_and_margins_removed() {
        let code = "let x = 1;\n/* Promise resolves to:\n * {\n *   a: 1,\n * }\n */\nlet y = 2;\n/* Promise resolves to: { b: 'c' } */\n";
        let found = promise_comments(code);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, 1);
        assert_eq!(found[0].1, "\n{\n  a: 1,\n}\n");
        assert_eq!(found[1], (7, " { b: 'c' } ".to_owned()));
    }

    #[test]
    fn other_comments_are_not_objects() {
        assert!(promise_comments("/* Sample participantId value:\n * { memberId: 'x' }\n */").is_empty());
        assert!(promise_comments("// Promise resolves to: nothing").is_empty());
    }

    #[test]
    fn an_unclosed_comment_runs_to_the_end_of_the_code() {
        let found = promise_comments("/* Promise resolves to:\n * { a: 1 }");
        assert_eq!(found, [(0, "\n{ a: 1 }".to_owned())]);
    }
}
