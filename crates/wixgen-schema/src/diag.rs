//! Diagnostics: what went wrong or looks odd on a page, where, and what to do.
//!
//! Rendering goes through `annotate-snippets`, so messages look like rustc's:
//!
//! ```text
//! error[E004]: field line has no `type:`
//!  --> schemas/inbox/page.md:40:8
//!   |
//! 40 |      - name: contactId | description: Contact GUID.
//!   |        ^^^^^^^^^^^^^^^
//!   |
//!   = help: write it as `- name: <name> | type: <type>`
//! ```

use crate::model::Span;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How bad a diagnostic is. Errors make `wixgen` exit non-zero and skip the page
/// in generation; warnings are reported and generation goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Severity {
    /// Information: what was generated for something unusual (a service-plugin page, say).
    Note,
    Warning,
    Error,
}

/// One finding about a page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code (`E001`, `W003`, ...) that tests and users can match on.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where.
    pub span: Span,
    /// What to do about it, in one line.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            code,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column: severity[code]: message`, the one-line form for logs and tests.
    pub fn one_line(&self, path: &str) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        format!(
            "{path}:{}:{}: {sev}[{}]: {}",
            self.span.line, self.span.column, self.code, self.message
        )
    }

    /// Render like rustc, with the offending line shown and underlined.
    /// `source` is the page as given to the parser, decoded with
    /// `String::from_utf8_lossy` (spans count a byte-order mark and CRLF line
    /// endings as they are in the page).
    pub fn render(&self, path: &str, source: &str, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let (line_text, line_start) = line_at(source, self.span.offset);
        let start = self.span.offset.saturating_sub(line_start).min(line_text.len());
        let end = (start + self.span.len.max(1)).min(line_text.len()).max(start);
        let start = floor_char_boundary(line_text, start);
        let end = floor_char_boundary(line_text, end);
        let title = level.primary_title(self.message.as_str()).id(self.code);
        let snippet = Snippet::source(line_text)
            .line_start(self.span.line as usize)
            .path(path)
            .annotation(AnnotationKind::Primary.span(start..end));
        let mut group = Group::with_title(title).element(snippet);
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        renderer.render(&[group])
    }
}

/// The line containing byte `offset`, without its line ending, and the line's start offset.
fn line_at(source: &str, offset: usize) -> (&str, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..].find('\n').map_or(source.len(), |i| offset + i);
    let line = &source[start..end];
    let line = line.strip_suffix('\r').unwrap_or(line);
    // Spans count a leading byte-order mark in offsets but not in columns:
    // leave it out so the rendered column is the span's.
    match line.strip_prefix('\u{feff}') {
        Some(rest) if start == 0 => (rest, start + '\u{feff}'.len_utf8()),
        _ => (line, start),
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The result of parsing one page: the model (absent only when the page could
/// not be read at all) and everything found along the way.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ParseOutput {
    pub page: Option<crate::model::Page>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ParseOutput {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}
