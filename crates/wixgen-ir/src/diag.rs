//! Diagnostics of lowering: what could not be lowered, or was lowered by a
//! choice the user should know about, with every place involved.
//!
//! Unlike the parser's diagnostics, a lowering finding often involves several
//! pages (a type listed differently on two pages), so it has a primary place
//! and any number of related ones, each printed as `page:line:column`.

use crate::model::SourceRef;
use wixgen_schema::Severity;

/// Stable codes of lowering diagnostics. Errors skip the page they are about;
/// warnings report a choice and lowering goes on.
pub mod codes {
    /// The page has no `## REST API` schema block.
    pub const NO_REST_SCHEMA: &str = "E101";
    /// The page has no `# Package:` or `# Namespace:`.
    pub const NO_PACKAGE: &str = "E102";
    /// The page has no method title (and is not a webhook page).
    pub const NO_TITLE: &str = "E103";
    /// The REST block has no `URL:`, or `URL: null`.
    pub const NO_URL: &str = "E104";
    /// The REST block has no HTTP verb, or one that is not GET/POST/PUT/PATCH/DELETE.
    pub const BAD_VERB: &str = "E105";
    /// Two pages describe the same method of the same service.
    pub const DUPLICATE_METHOD: &str = "E106";

    /// A webhook page: there is nothing to call, the page is skipped.
    pub const WEBHOOK_SKIPPED: &str = "W101";
    /// A REST param or field uses its own name as its type and nothing resolved it.
    pub const UNRESOLVED_OWN_NAME_TYPE: &str = "W102";
    /// `Required parameters:` names a field that the page never shows.
    pub const UNKNOWN_REQUIRED_PATH: &str = "W103";
    /// A named type is referenced but listed nowhere in the package.
    pub const UNLISTED_TYPE: &str = "W104";
    /// A URL placeholder `{name}` has no param of that name.
    pub const PATH_PARAM_WITHOUT_PARAM: &str = "W105";
    /// Enum values under a field whose type is not a named type.
    pub const ENUM_ON_SCALAR: &str = "W106";
    /// The same field has different types in two listings of a type.
    pub const FIELD_TYPE_CONFLICT: &str = "W110";
    /// A field is a ONE-OF member in one listing and a regular field in another.
    pub const ONE_OF_CONFLICT: &str = "W111";
    /// Two listings of a type show different fields (merged to the union).
    pub const FIELD_DRIFT: &str = "W112";
    /// Two listings of an enum show different values (merged to the union).
    pub const ENUM_DRIFT: &str = "W113";
    /// A bare reference to a short name that stands for several types of the
    /// package, and nothing decides which (see `identity`).
    pub const AMBIGUOUS_TYPE_REF: &str = "W117";
    /// A path param whose type is not a string or an integer: sent as a string.
    pub const PATH_PARAM_TYPE: &str = "W118";

    /// A service-plugin page (`URL: null`): its types are generated, no client method.
    pub const SERVICE_PLUGIN: &str = "N101";
    /// A URL placeholder `{a.b}` names a field inside a param.
    pub const NESTED_PATH_PARAM: &str = "W115";
    /// A URL placeholder is not closed (`{name` without `}`).
    pub const BAD_URL_TEMPLATE: &str = "W116";

    /// Codes once declared and retired, each with why: never reused for
    /// another finding, so a code seen in an old log or issue keeps its meaning.
    pub const RETIRED: &[(&str, &str)] = &[(
        "W119",
        "was PATH_TEMPLATE (a `{name=**}` or `{a.b}` placeholder that cannot be bound as written), never emitted: \
         a `{a.b}` that cannot be bound is W115, and `{name=**}` always binds (the value goes in as several segments)",
    )];
}

/// One finding of lowering.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IrDiagnostic {
    pub severity: Severity,
    /// A stable code from [`codes`].
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The place the finding is about.
    pub primary: SourceRef,
    /// Other places involved, each with a short label ("first listed here").
    pub related: Vec<(SourceRef, String)>,
    /// What to do about it.
    pub help: Option<String>,
}

impl IrDiagnostic {
    /// An error at `primary`.
    pub fn error(code: &'static str, primary: SourceRef, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, primary, message)
    }

    /// A note at `primary`: what was generated for something unusual.
    pub fn note(code: &'static str, primary: SourceRef, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, primary, message)
    }

    /// A warning at `primary`.
    pub fn warning(code: &'static str, primary: SourceRef, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, primary, message)
    }

    fn new(severity: Severity, code: &'static str, primary: SourceRef, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            primary,
            related: Vec::new(),
            help: None,
        }
    }

    /// Adds a related place.
    pub fn with_related(mut self, at: SourceRef, label: impl Into<String>) -> Self {
        self.related.push((at, label.into()));
        self
    }

    /// Sets the advice line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// `page:line:col: severity[code]: message (label: page:line:col; ...)`, for logs and tests.
    pub fn one_line(&self) -> String {
        let mut s = format!(
            "{}: {}[{}]: {}",
            location(&self.primary),
            self.severity_word(),
            self.code,
            self.message
        );
        if !self.related.is_empty() {
            let rel: Vec<String> = self
                .related
                .iter()
                .map(|(at, label)| format!("{label}: {}", location(at)))
                .collect();
            s.push_str(&format!(" ({})", rel.join("; ")));
        }
        s
    }

    /// A multi-line rendering in the style of rustc, without source excerpts
    /// (lowering does not keep the page text):
    ///
    /// ```text
    /// warning[W111]: field `contactId` of `IdentificationData` is ...
    ///  --> schemas/inbox/get-or-create-conversation.md:33:12
    ///  ::: schemas/inbox/get-conversation.md:36:9: a regular field here
    ///   = help: ...
    /// ```
    pub fn render(&self) -> String {
        let mut s = format!("{}[{}]: {}\n", self.severity_word(), self.code, self.message);
        s.push_str(&format!(" --> {}\n", location(&self.primary)));
        for (at, label) in &self.related {
            s.push_str(&format!(" ::: {}: {label}\n", location(at)));
        }
        if let Some(help) = &self.help {
            s.push_str(&format!("  = help: {help}\n"));
        }
        s
    }
}

/// `page:line:column`
pub fn location(at: &SourceRef) -> String {
    format!("{}:{}:{}", at.page, at.span.line, at.span.column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wixgen_schema::Span;

    fn at(page: &str, line: u32, column: u32) -> SourceRef {
        SourceRef {
            page: page.to_string(),
            span: Span {
                line,
                column,
                offset: 0,
                len: 1,
            },
        }
    }

    #[test]
    fn one_line_names_every_place() {
        let d = IrDiagnostic::warning(codes::ONE_OF_CONFLICT, at("a.md", 3, 4), "boom")
            .with_related(at("b.md", 10, 2), "regular field here")
            .with_help("do this");
        assert_eq!(
            d.one_line(),
            "a.md:3:4: warning[W111]: boom (regular field here: b.md:10:2)"
        );
        let r = d.render();
        assert!(r.starts_with("warning[W111]: boom\n --> a.md:3:4\n"), "{r}");
        assert!(r.contains("::: b.md:10:2: regular field here"), "{r}");
        assert!(r.contains("= help: do this"), "{r}");
        assert!(!d.is_error());
    }
}
