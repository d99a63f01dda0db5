//! Documentation text: from a folded schema-block description to [`Docs`].
//!
//! Schema blocks fold every description onto one line, turning paragraph
//! breaks into runs of two or more spaces (FORMAT.md §2). [`unfold`] turns such
//! runs back into blank lines, except inside backtick code spans, so that
//! `### Defaults  Get ...` becomes a heading followed by a paragraph again.
//! Making the markdown safe for rustdoc is left to codegen.

use crate::model::Docs;

/// Docs from a description as the page writes it.
pub fn docs_from(description: &str) -> Docs {
    let description = unfold(description);
    let deprecated = is_deprecated(&description);
    Docs {
        description,
        deprecated,
    }
}

/// Restores paragraph breaks in a folded description: runs of two or more
/// spaces outside code spans become `\n\n`; the result is trimmed.
pub fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let mut spaces = 0usize;
    for c in text.trim().chars() {
        if c == ' ' && !in_code {
            spaces += 1;
            continue;
        }
        if spaces >= 2 {
            out.push_str("\n\n");
        } else if spaces == 1 {
            out.push(' ');
        }
        spaces = 0;
        if c == '`' {
            in_code = !in_code;
        }
        out.push(c);
    }
    out
}

/// True when the word `Deprecated.` starts a sentence of `text` (at the start,
/// or after `.`, `!`, `?`, `:` or a line break, markdown emphasis allowed
/// around it). `This is not Deprecated.` mid-sentence does not count, nor does
/// `deprecated.` in lower case.
pub fn is_deprecated(text: &str) -> bool {
    const WORD: &str = "Deprecated.";
    let mut from = 0;
    while let Some(pos) = text[from..].find(WORD) {
        let start = from + pos;
        let before = text[..start].trim_end_matches(['*', '_']).trim_end();
        let sentence_start =
            before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n']) || text[..start].ends_with('\n');
        if sentence_start {
            return true;
        }
        from = start + WORD.len();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfold_restores_paragraphs_outside_code() {
        assert_eq!(unfold(" a.  ### Defaults  b c "), "a.\n\n### Defaults\n\nb c");
        assert_eq!(unfold("x `a  b` y"), "x `a  b` y");
        assert_eq!(unfold("one.   Two"), "one.\n\nTwo");
    }

    #[test]
    fn deprecated_only_at_sentence_start() {
        assert!(is_deprecated("Deprecated. Use `foo` instead."));
        assert!(is_deprecated("Old field. Deprecated. Use `foo`."));
        assert!(is_deprecated("Old field.\n\n**Deprecated.** Use `foo`."));
        assert!(!is_deprecated("This value is Deprecated."));
        assert!(!is_deprecated("deprecated. lower case"));
        assert!(!is_deprecated("Deprecated values are ignored."));
        assert!(docs_from("Deprecated.  Use x.").deprecated);
    }
}
