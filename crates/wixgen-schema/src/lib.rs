//! Parser for Wix API method pages.
//!
//! Wix documents each API method on a markdown page (append `.md` to a
//! `dev.wix.com/docs/api-reference/...` URL). This crate reads such a page into a
//! [`Page`] whose every node carries its [`Span`], and reports what it could not
//! read as [`Diagnostic`]s with line and column. It never panics on input: a bad
//! line is reported and skipped, and the rest of the page still parses.
//!
//! ```
//! let page = "# Ping\n\n# Package: demo\n";
//! let out = wixgen_schema::parse(page.as_bytes());
//! assert_eq!(out.page.unwrap().package.unwrap().value, "demo");
//! ```

mod collapsed;
mod curl;
pub mod diag;
pub mod knowledge;
pub mod model;
mod outline;
mod pages;
pub mod promise_comments;
mod schema;
mod source;

pub use diag::{Diagnostic, ParseOutput, Severity};
pub use knowledge::TypeKnowledge;
pub use pages::{find_pages, slash_path};

pub use model::*;

/// Parse a page with the built-in knowledge of Wix's common types.
pub fn parse(bytes: &[u8]) -> ParseOutput {
    // Built once: it is the same for every page.
    static BUILTIN: std::sync::OnceLock<TypeKnowledge> = std::sync::OnceLock::new();
    parse_with(bytes, BUILTIN.get_or_init(TypeKnowledge::builtin))
}

/// Parse a page, resolving ambiguous nesting with `knowledge` (types listed on
/// other pages, and Wix's common types).
pub fn parse_with(bytes: &[u8], knowledge: &TypeKnowledge) -> ParseOutput {
    // Consumed, not cloned: `resolve` would copy the whole page first.
    parse_unresolved(bytes).into_resolved(knowledge)
}

/// A page read up to nesting resolution: everything [`parse_with`] does but
/// the part that type knowledge decides. A generator reads each page once,
/// resolves it with the built-in knowledge to learn the types it lists,
/// then resolves it again with what every page lists, without reading the
/// markdown twice.
#[derive(Debug, Clone)]
pub struct Unresolved {
    page: Option<Page>,
    diagnostics: Vec<Diagnostic>,
    /// Where the page's text starts (after a byte-order mark).
    start: Span,
}

impl Unresolved {
    /// [`Unresolved::resolve`], consuming `self` (no copy of the page).
    pub fn into_resolved(self, knowledge: &TypeKnowledge) -> ParseOutput {
        self.into_resolved_asking(knowledge).0
    }

    /// [`Unresolved::into_resolved`], also telling whether nesting resolution
    /// asked `knowledge` anything: when it did not, the page resolves the same
    /// with any knowledge, and a generator need not resolve it again.
    pub fn into_resolved_asking(self, knowledge: &TypeKnowledge) -> (ParseOutput, bool) {
        let mut diags = self.diagnostics;
        let mut asked = false;
        let page = self.page.map(|mut page| {
            asked = schema::nesting::resolve(&mut page, knowledge, &mut diags);
            check_page(&page, self.start, &mut diags);
            page
        });
        (
            ParseOutput {
                page,
                diagnostics: finish(diags),
            },
            asked,
        )
    }

    /// Resolves the page's nesting with `knowledge` and checks it: the same
    /// output as [`parse_with`] on the same bytes.
    pub fn resolve(&self, knowledge: &TypeKnowledge) -> ParseOutput {
        self.clone().into_resolved(knowledge)
    }
}

/// Reads a page up to nesting resolution (see [`Unresolved`]).
pub fn parse_unresolved(bytes: &[u8]) -> Unresolved {
    let mut diags = Vec::new();
    let src = source::Source::new(bytes, &mut diags);
    if src.text.trim().is_empty() {
        diags.push(
            Diagnostic::error("E001", src.span(0, 0), "the page is empty")
                .with_help("fetch the page with `curl -sSL '<method link>'` (the page URL with `.md` appended)"),
        );
        return Unresolved {
            page: None,
            diagnostics: diags,
            start: src.span(0, 0),
        };
    }
    if let Some(refusal) = collapsed::check(&src) {
        diags.push(refusal);
        return Unresolved {
            page: None,
            diagnostics: diags,
            start: src.span(0, 0),
        };
    }
    if let Some(at) = memchr::memmem::find(src.text.as_bytes(), b"\r\n") {
        diags.push(
            Diagnostic::warning(
                "W002",
                src.span(at, 2),
                "the page has CRLF line endings; they were read as LF",
            )
            .with_help("save the page with LF line endings to keep diffs clean"),
        );
    }
    let page = outline::parse_outline(&src, &mut diags);
    Unresolved {
        page: Some(page),
        diagnostics: diags,
        start: src.span(0, 0),
    }
}

/// Page-level facts that the generator needs.
fn check_page(page: &Page, start: Span, diags: &mut Vec<Diagnostic>) {
    let anchor = page.title.as_ref().map_or(start, |t| t.span);
    let webhook = [&page.rest, &page.sdk]
        .into_iter()
        .flatten()
        .any(|s| s.schema.as_ref().is_some_and(|b| b.webhook.is_some()));
    if page.rest.is_none() && !webhook {
        diags.push(
            Diagnostic::error("E040", anchor, "the page has no `## REST API` section").with_help(
                "bindings call the REST API: the page needs a `## REST API` section with a `### Schema` block",
            ),
        );
    }
    if page.package.is_none() {
        diags.push(
            Diagnostic::error("E042", anchor, "the page has no `# Package:` heading")
                .with_help("add `# Package: <name>` after the title; it names the module the method goes in"),
        );
    }
    if page.title.is_none() && !webhook {
        diags.push(
            Diagnostic::warning("W064", start, "the page has no `# MethodName` title")
                .with_help("method pages start with `# MethodName`; the REST `Method:` line is used instead"),
        );
    }
}

/// At most this many diagnostics are kept per page; a page with more is
/// usually not a method page at all.
const MAX_DIAGNOSTICS: usize = 100;

/// Order by position (stable, so same-line findings keep their order) and cap.
fn finish(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort_by_key(|d| (d.span.line, d.span.column));
    if diags.len() > MAX_DIAGNOSTICS {
        let more = diags.len() - MAX_DIAGNOSTICS;
        let errors = diags[MAX_DIAGNOSTICS..].iter().filter(|d| d.is_error()).count();
        diags.truncate(MAX_DIAGNOSTICS);
        let last = diags[MAX_DIAGNOSTICS - 1].span;
        let diag: fn(&'static str, Span, String) -> Diagnostic = if errors > 0 {
            Diagnostic::error
        } else {
            Diagnostic::warning
        };
        diags.push(
            diag(
                "E099",
                last,
                if more == 1 {
                    let what = if errors == 1 { "an error" } else { "a warning" };
                    format!("1 more problem on this page was not shown ({what})")
                } else {
                    format!("{more} more problems on this page were not shown ({errors} of them errors)")
                },
            )
            .with_help("fix the ones shown and run again"),
        );
    }
    diags
}
