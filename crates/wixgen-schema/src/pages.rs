//! Where pages are: every `*.md` file under a directory, and whether a parsed
//! page is a method page. The generator, `wixgen diff` and `wixgen fetch` all
//! find and tell pages apart here, so they agree on which files are pages.

use crate::model::Page;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every `*.md` file under `dir`, relative to it, in the order of their
/// `/`-separated paths ([`slash_path`]); hidden entries and `target/` are skipped.
///
/// Symbolic links are followed: a link to a page is a page, a link to a
/// directory is walked (once: a directory reached again through a link, a link
/// loop included, is not walked twice; entries are walked in name order, so it
/// is listed under the first of its paths), and a broken link named `*.md` is
/// listed, so that reading it fails with its path instead of the page being
/// left out without a word.
pub fn find_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    fn walk(root: &Path, rel: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let here = root.join(rel);
        let named = |e: io::Error, path: &Path| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
        // A directory already walked (reached again through a link) adds nothing.
        if !seen.insert(fs::canonicalize(&here).map_err(|e| named(e, &here))?) {
            return Ok(());
        }
        let mut entries = fs::read_dir(&here)
            .map_err(|e| named(e, &here))?
            .collect::<io::Result<Vec<_>>>()?;
        // In name order, so that a folder reached by two paths is listed under
        // the same one on every file system.
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            let name = entry.file_name();
            let name_str = name.to_string_lossy();
            if name_str.starts_with('.') || name_str == "target" {
                continue;
            }
            let child = rel.join(&name);
            let mut ty = entry.file_type()?;
            let is_page_name = name_str.ends_with(".md");
            if ty.is_symlink() {
                match fs::metadata(entry.path()) {
                    Ok(target) => ty = target.file_type(),
                    // A broken link: listed if it names a page, so that it is reported.
                    Err(_) => {
                        if is_page_name {
                            out.push(child);
                        }
                        continue;
                    }
                }
            }
            if ty.is_dir() {
                walk(root, &child, seen, out)?;
            } else if ty.is_file() && is_page_name {
                out.push(child);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut HashSet::new(), &mut out)?;
    out.sort_by_key(|p| slash_path(p));
    Ok(out)
}

/// A relative path with `/` between its components, on every platform.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

impl Page {
    /// A method page has a `# Package:`, a REST section or an SDK section; any
    /// other markdown page is an article.
    pub fn is_method_page(&self) -> bool {
        self.package.is_some() || self.rest.is_some() || self.sdk.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_found_in_slash_order_without_hidden_or_target() {
        let dir = tempfile::tempdir().unwrap();
        for rel in [
            "a/b.md",
            "a-b/x.md",
            ".hidden/h.md",
            "target/t.md",
            "a/notes.txt",
            "z.md",
        ] {
            let path = dir.path().join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "# T\n").unwrap();
        }
        let found: Vec<String> = find_pages(dir.path()).unwrap().iter().map(|p| slash_path(p)).collect();
        assert_eq!(found, ["a-b/x.md", "a/b.md", "z.md"]);
    }

    #[test]
    fn a_page_without_package_or_sections_is_not_a_method_page() {
        let article = crate::parse(b"# Some article\n\nText.\n").page.unwrap();
        assert!(!article.is_method_page());
        let method = crate::parse(b"# Ping\n\n# Package: demo\n").page.unwrap();
        assert!(method.is_method_page());
    }
}
