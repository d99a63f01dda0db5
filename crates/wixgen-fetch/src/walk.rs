//! The `*.md` files under a directory, and the links saved pages carry.

use crate::docs_url::DocsBase;
use reqwest::Url;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every `*.md` file under `dir`, relative to it, in sorted order; hidden entries and `target/`
/// are skipped (as generation skips them). A missing `dir` has no pages.
pub fn pages_under(dir: &Path) -> io::Result<Vec<PathBuf>> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let here = root.join(rel);
        let entries = fs::read_dir(&here).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", here.display())))?;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let text = name.to_string_lossy();
            if text.starts_with('.') || text == "target" {
                continue;
            }
            let child = rel.join(&name);
            let ty = entry.file_type()?;
            if ty.is_dir() {
                walk(root, &child, out)?;
            } else if ty.is_file() && text.ends_with(".md") {
                out.push(child);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    if dir.is_dir() {
        walk(dir, Path::new(""), &mut out)?;
    }
    out.sort();
    Ok(out)
}

/// What a saved page says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPage {
    /// Relative to the directory.
    pub rel: PathBuf,
    /// `# Package:` of a method page.
    pub package: Option<String>,
    /// `# Method link:` of a method page, `## Article Link:` of an article.
    pub link: Option<String>,
}

/// Read what every page under `dir` says about itself (unreadable or refused pages have neither
/// package nor link).
pub fn saved_pages(dir: &Path) -> io::Result<Vec<SavedPage>> {
    let mut out = Vec::new();
    for rel in pages_under(dir)? {
        let bytes = fs::read(dir.join(&rel))?;
        let (package, link) = match crate::classify::classify(&bytes, &rel.to_string_lossy(), None) {
            crate::PageKind::Method(info) => (Some(info.package), info.method_link),
            crate::PageKind::Webhook { package } => (Some(package), None),
            crate::PageKind::Article { link } => (None, link),
            _ => (None, None),
        };
        out.push(SavedPage { rel, package, link });
    }
    Ok(out)
}

/// The docs path of a link a page carries, when it is on the docs.
pub fn link_docs_path(base: &DocsBase, link: &str) -> Option<String> {
    let url = Url::parse(link.trim()).ok()?;
    base.docs_path(&url)
}
