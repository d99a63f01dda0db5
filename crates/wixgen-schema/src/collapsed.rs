//! Detecting a page whose line structure was lost (all whitespace folded into
//! single spaces), like `seeds/000_4f03bd3e1384cd8c.txt`. Nesting is read from
//! indentation, so such a page cannot be read reliably and is refused.

use crate::diag::Diagnostic;
use crate::source::Source;
use memchr::memmem::Finder;
use std::sync::OnceLock;

/// Markers that start their own line on a real page.
const MARKERS: [&str; 8] = [
    "# Package:",
    "# Namespace:",
    "# Method link:",
    "## REST API",
    "## JavaScript SDK",
    "Method parameters:",
    "param name:",
    "Return type:",
];

/// An error when some line carries two or more markers that a real page puts
/// on lines of their own.
pub(crate) fn check(src: &Source) -> Option<Diagnostic> {
    static FINDERS: OnceLock<Vec<Finder<'static>>> = OnceLock::new();
    let finders = FINDERS.get_or_init(|| MARKERS.iter().map(Finder::new).collect());
    let text: &str = &src.text;
    for line in src.lines() {
        if line.len() < 200 {
            continue;
        }
        // Two are enough to decide.
        let found = finders
            .iter()
            .filter(|f| f.find(line.as_bytes()).is_some())
            .take(2)
            .count();
        if found >= 2 {
            let link = method_link(text);
            let fetch = match link {
                Some(url) => format!("fetch the real page with `curl -sSL '{url}'` and save it in place of this file"),
                None => {
                    "fetch the real page with `curl -sSL '<method link>'` (the page URL with `.md` appended)".to_owned()
                }
            };
            // The first 40 characters (not bytes: the line may have multi-byte ones).
            let end = line.char_indices().nth(40).map_or(line.len(), |(i, _)| i);
            let span = src.span_of(&line[..end]);
            return Some(
                Diagnostic::error(
                    "E100",
                    span,
                    "the page has lost its line structure (its whitespace was collapsed onto one line); nesting cannot be read from it",
                )
                .with_help(fetch),
            );
        }
    }
    None
}

/// The URL after `# Method link:`.
fn method_link(text: &str) -> Option<&str> {
    let at = text.find("# Method link:")? + "# Method link:".len();
    let url = text[at..].split_whitespace().next()?;
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}
