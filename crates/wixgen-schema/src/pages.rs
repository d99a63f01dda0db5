//! Where pages are: every `*.md` file under a directory, and whether a parsed
//! page is a method page. The generator, `wixgen diff` and `wixgen fetch` all
//! find and tell pages apart here, so they agree on which files are pages.

use crate::model::Page;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every `*.md` file under `dir`, relative to it, in the order of their
/// `/`-separated paths ([`slash_path`]); hidden entries and `target/` are skipped.
pub fn find_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let here = root.join(rel);
        let entries = fs::read_dir(&here).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", here.display())))?;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let name_str = name.to_string_lossy();
            if name_str.starts_with('.') || name_str == "target" {
                continue;
            }
            let child = rel.join(&name);
            let ty = entry.file_type()?;
            if ty.is_dir() {
                walk(root, &child, out)?;
            } else if ty.is_file() && name_str.ends_with(".md") {
                out.push(child);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut out)?;
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
