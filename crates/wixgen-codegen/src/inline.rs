//! The expansion of `wixgen_macros::include_api!`: the pages under a path,
//! through the same parse → lower → emit as [`crate::generate`], as inline
//! package modules.
//!
//! The proc-macro crate is a thin wrapper around [`expand`], so that the
//! expansion can be tested and timed like any other function, and so that
//! `wixgen gen` and the macro share one implementation: the modules are
//! [`crate::emit::PackageCode::inline`] of each package, the form
//! [`crate::single_file`] renders (without its `fn main() {}`). An article
//! page in a package's folder becomes that package module's docs, as
//! [`crate::generate`] places it.
//!
//! Unlike [`crate::generate`], which skips a page with errors and reports it,
//! [`expand`] fails on the first page with errors (naming every error of every
//! such page), since a build must not quietly miss a method. Warnings never
//! fail it: they are returned in [`Expansion::warnings`].

use crate::emit::package_code_documented;
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use wixgen_ir::load::{PageStatus, load_pages};
use wixgen_schema::find_pages;

/// What [`expand`] produces.
#[derive(Debug, Clone)]
pub struct Expansion {
    /// The package modules: `#[allow(..)] pub mod <package> { pub mod types {..} pub mod <service> {..} .. }`
    /// for each package, in the API's order.
    pub modules: TokenStream,
    /// Absolute paths of every file read: the pages, and markdown files under
    /// the directory that are not method pages (an edit may make them one).
    pub tracked: Vec<String>,
    /// Warnings and notes of parsing and lowering, one line each. They do not
    /// fail the expansion.
    pub warnings: Vec<String>,
    /// How many pages became code.
    pub pages: usize,
}

impl Expansion {
    /// One `include_bytes!` per tracked file, so that rustc records the files
    /// as inputs of the calling crate and Cargo rebuilds it (expanding the
    /// macro again) when one of them changes or is removed.
    pub fn tracking(&self) -> TokenStream {
        let files = self.tracked.iter().map(|path| Literal::string(path));
        quote! {
            const _: &[&[u8]] = &[#(include_bytes!(#files)),*];
        }
    }

    /// What the macro expands to: [`Self::tracking`], then [`Self::modules`].
    pub fn into_tokens(self) -> TokenStream {
        let mut tokens = self.tracking();
        tokens.extend(self.modules);
        tokens
    }
}

/// Why [`expand`] failed. Paths in messages are as the caller wrote them
/// (relative to `base`), never absolute, so that compile errors read the same
/// on every machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpandError {
    /// The path does not exist.
    Missing { path: String },
    /// The path, or a file or directory under it, cannot be read.
    Io { path: String, message: String },
    /// No `*.md` file under the directory is a method page.
    NoPages { path: String, markdown: usize },
    /// A path is not UTF-8, so it cannot be named in `include_bytes!`.
    NotUtf8 { path: String },
    /// Pages with errors (parser or lowering): one message per error, each
    /// naming the page's path, line and column, the message and the hint.
    Schema { errors: Vec<String> },
}

impl ExpandError {
    /// One message per error: a compile error each.
    pub fn messages(&self) -> Vec<String> {
        match self {
            ExpandError::Schema { errors } => errors.clone(),
            other => vec![other.to_string()],
        }
    }
}

impl fmt::Display for ExpandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpandError::Missing { path } => write!(
                f,
                "`{path}` does not exist; `include_api!` takes a method page or a directory of them, \
                 relative to the directory of the calling crate's Cargo.toml (CARGO_MANIFEST_DIR)"
            ),
            ExpandError::Io { path, message } => write!(f, "cannot read `{path}`: {message}"),
            ExpandError::NoPages { path, markdown: 0 } => write!(
                f,
                "`{path}` holds no method pages: no `*.md` file under it (searched recursively, \
                 hidden directories and `target/` skipped)"
            ),
            ExpandError::NoPages { path, markdown } => write!(
                f,
                "`{path}` holds no method pages: none of its {markdown} `*.md` file(s) has a \
                 `# Package:` line, a REST or an SDK section"
            ),
            ExpandError::NotUtf8 { path } => write!(f, "`{path}` is not a UTF-8 path; `include_api!` cannot track it"),
            ExpandError::Schema { errors } => f.write_str(&errors.join("\n")),
        }
    }
}

impl std::error::Error for ExpandError {}

/// Expand the page or directory of pages at `path`, relative to `base` (the
/// calling crate's `CARGO_MANIFEST_DIR`). A directory is searched recursively
/// for `*.md` files as [`find_pages`] does; a file is taken as a page
/// whatever its name. Markdown files that are not method pages are skipped,
/// as [`crate::generate`] skips them; at least one method page is required.
pub fn expand(base: &Path, path: &str) -> Result<Expansion, ExpandError> {
    let full = base.join(path);
    let meta = fs::metadata(&full).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ExpandError::Missing { path: path.to_owned() },
        _ => ExpandError::Io {
            path: path.to_owned(),
            message: e.kind().to_string(),
        },
    })?;
    let (dir, label, rels) = if meta.is_dir() {
        let rels = find_pages(&full).map_err(|e| ExpandError::Io {
            path: path.to_owned(),
            message: relative_message(&e, &full, path),
        })?;
        (full, label_of(path), rels)
    } else {
        let (parent, name) = match (full.parent(), full.file_name()) {
            (Some(parent), Some(name)) => (parent.to_path_buf(), PathBuf::from(name)),
            _ => {
                return Err(ExpandError::Io {
                    path: path.to_owned(),
                    message: "not a file name".to_owned(),
                });
            }
        };
        let label = Path::new(path)
            .parent()
            .map(|p| label_of(&p.to_string_lossy()))
            .unwrap_or_default();
        (parent, label, vec![name])
    };
    if rels.is_empty() {
        return Err(ExpandError::NoPages {
            path: path.to_owned(),
            markdown: 0,
        });
    }
    let tracked = rels
        .iter()
        .map(|rel| {
            let abs = dir.join(rel);
            abs.to_str().map(str::to_owned).ok_or_else(|| ExpandError::NotUtf8 {
                path: abs.to_string_lossy().into_owned(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut parsed = load_pages(&dir, &rels, &label).map_err(|e| ExpandError::Io {
        path: path.to_owned(),
        message: relative_message(&e, &dir, &label),
    })?;

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for report in &parsed.reports {
        for d in &report.error_diagnostics {
            errors.push(schema_error(&report.path, d));
        }
        if report.status == PageStatus::ParseErrors && report.error_diagnostics.is_empty() {
            errors.push(format!("{}: the page could not be read", report.path));
        }
        warnings.extend(report.warning_lines.iter().cloned());
    }
    if !errors.is_empty() {
        return Err(ExpandError::Schema { errors });
    }
    let pages = parsed.pages.len();
    if pages == 0 {
        return Err(ExpandError::NoPages {
            path: path.to_owned(),
            markdown: rels.len(),
        });
    }
    let lowered = parsed.assemble();
    for d in &lowered.diagnostics {
        if d.is_error() {
            let mut message = d.one_line();
            if let Some(help) = &d.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            errors.push(message);
        } else {
            warnings.push(d.one_line());
        }
    }
    if !errors.is_empty() {
        return Err(ExpandError::Schema { errors });
    }
    // Articles beside the pages are package docs: the load stage placed them
    // as it does for `wixgen gen`. The examples on the methods are not used.
    let modules = lowered
        .api
        .packages
        .iter()
        .map(|package| package_code_documented(package, &crate::articles::package_doc_lines(package)).inline())
        .collect();
    Ok(Expansion {
        modules,
        tracked,
        warnings,
        pages,
    })
}

/// `path:line:col: error[code]: message`, then the hint on its own line.
fn schema_error(path: &str, d: &wixgen_schema::Diagnostic) -> String {
    let mut message = d.one_line(path);
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    message
}

/// How page paths under `path` are shown: `path/<page>`, or `<page>` alone
/// for the manifest directory itself.
fn label_of(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() || trimmed == "." {
        String::new()
    } else {
        trimmed.to_owned()
    }
}

/// An I/O error's message with the absolute directory `abs` replaced by the
/// path as the caller wrote it.
fn relative_message(e: &io::Error, abs: &Path, shown: &str) -> String {
    let abs = abs.to_string_lossy();
    let shown = if shown.is_empty() { "." } else { shown };
    e.to_string().replace(abs.as_ref(), shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }

    #[test]
    fn a_missing_path_is_named_as_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = expand(dir.path(), "pages/nope.md").expect_err("missing");
        assert_eq!(
            err,
            ExpandError::Missing {
                path: "pages/nope.md".to_owned()
            }
        );
        assert!(!err.to_string().contains(&*dir.path().to_string_lossy()));
    }

    #[test]
    fn a_directory_without_method_pages_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "empty/notes.txt", "not a page");
        let err = expand(dir.path(), "empty").expect_err("no pages");
        assert_eq!(
            err,
            ExpandError::NoPages {
                path: "empty".to_owned(),
                markdown: 0
            }
        );
        write(dir.path(), "articles/README.md", "# An article\n\nJust text.\n");
        let err = expand(dir.path(), "articles").expect_err("no method pages");
        assert!(err.to_string().contains("none of its 1 `*.md` file(s)"), "{err}");
    }

    #[test]
    fn schema_errors_name_the_page_line_and_column_with_the_hint() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let collapsed = fs::read(root.join("tests/fixtures/pages/seeds/000_4f03bd3e1384cd8c.txt")).expect("seed");
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("pages")).expect("mkdir");
        fs::write(dir.path().join("pages/collapsed.md"), collapsed).expect("write");
        let err = expand(dir.path(), "pages").expect_err("collapsed");
        let messages = err.messages();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("pages/collapsed.md:1:1: error[E100]: the page has lost its line structure"),
            "{}",
            messages[0]
        );
        assert!(messages[0].contains("\nhelp: fetch the real page"), "{}", messages[0]);
    }

    #[test]
    fn every_page_read_is_tracked_and_a_readme_is_no_method() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let expansion = expand(&root, "tests/fixtures/pages").expect("fixtures expand");
        // Six `*.md` files, the README among them (not a method page); the
        // `.txt` seeds are not pages.
        assert_eq!(expansion.tracked.len(), 6, "{:?}", expansion.tracked);
        assert_eq!(expansion.pages, 5);
        assert!(expansion.tracked.iter().all(|p| Path::new(p).is_absolute()));
        let tracking = expansion.tracking().to_string();
        for path in &expansion.tracked {
            assert!(tracking.contains(&format!("include_bytes ! ({path:?})")), "{tracking}");
        }
        // Warnings are collected, never errors.
        assert!(expansion.warnings.iter().any(|w| w.contains("warning[W024]")));
    }

    #[test]
    fn a_single_page_is_shown_under_its_directory() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let expansion = expand(&root, "schemas/inbox/get-or-create-conversation.md").expect("page expands");
        assert_eq!(expansion.pages, 1);
        assert_eq!(expansion.tracked.len(), 1);
        assert!(expansion.modules.to_string().starts_with("# [allow"));
    }
}
