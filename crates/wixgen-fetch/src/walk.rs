//! What the pages saved under a directory say about themselves (found as generation finds
//! them, [`wixgen_schema::find_pages`]), and the links they carry.

use crate::docs_url::DocsBase;
use reqwest::Url;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use wixgen_schema::find_pages;

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
    // A missing `dir` has no pages.
    let rels = if dir.is_dir() { find_pages(dir)? } else { Vec::new() };
    for rel in rels {
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
