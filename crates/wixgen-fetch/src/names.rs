//! File names from page text and URLs, made safe.
//!
//! A page's `# Package:` and the last segment of its URL become
//! `<into>/<package>/<segment>.md`. Both come from the network, so both are
//! checked against a narrow alphabet: no separators, no `..`, no absolute
//! paths, no percent-encoding, nothing that could leave `--into`.

use std::path::{Component, Path, PathBuf};

/// Longest package directory name accepted.
const MAX_PACKAGE: usize = 100;
/// Longest file stem accepted.
const MAX_STEM: usize = 150;

/// `name` when it is a safe directory name: ASCII letters, digits, `_` and `-`, starting with a
/// letter or digit (`inbox`, `timeSlots`).
pub fn package_dir(name: &str) -> Result<&str, String> {
    let ok = !name.is_empty()
        && name.len() <= MAX_PACKAGE
        && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(name)
    } else {
        Err(format!(
            "`# Package: {}` is not a safe directory name (letters, digits, `_` and `-` only)",
            shown(name)
        ))
    }
}

/// The file name of a page from its docs path: the last segment, which must end in `.md` and
/// whose stem is ASCII letters, digits, `.`, `_` and `-`, starting with a letter or digit, with no
/// `..` (`get-conversation.md`).
pub fn page_file(docs_path: &str) -> Result<String, String> {
    let last = docs_path.rsplit('/').next().unwrap_or_default();
    let Some(stem) = last.strip_suffix(".md") else {
        return Err(format!("`{}` does not end in `.md`", shown(docs_path)));
    };
    let ok = !stem.is_empty()
        && stem.len() <= MAX_STEM
        && stem.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !stem.contains("..");
    if ok {
        Ok(last.to_owned())
    } else {
        Err(format!(
            "the last segment of `{}` is not a safe file name (letters, digits, `.`, `_` and `-` only)",
            shown(docs_path)
        ))
    }
}

/// `<package>/<file>` relative to `--into`, both checked.
pub fn target(package: &str, docs_path: &str) -> Result<PathBuf, String> {
    let dir = package_dir(package)?;
    let file = page_file(docs_path)?;
    let rel = Path::new(dir).join(file);
    debug_assert!(is_plain_relative(&rel));
    Ok(rel)
}

/// True when every component of `p` is a plain name (no root, prefix, `.` or `..`).
pub fn is_plain_relative(p: &Path) -> bool {
    p.components().count() > 0 && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Text from a page or URL, shortened and with control characters replaced, for messages.
pub fn shown(text: &str) -> String {
    let mut s: String = text
        .chars()
        .take(120)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > 120 {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_names_pass() {
        assert_eq!(package_dir("inbox").unwrap(), "inbox");
        assert_eq!(package_dir("timeSlots").unwrap(), "timeSlots");
        assert_eq!(page_file("/docs/a/get-conversation.md").unwrap(), "get-conversation.md");
        assert_eq!(
            target("inbox", "/docs/a/send-message.md").unwrap(),
            Path::new("inbox/send-message.md")
        );
    }

    #[test]
    fn hostile_names_are_refused() {
        for bad in ["..", ".", "", "a/b", "a\\b", "/etc", "x y", "é", ".hidden", "a\0b"] {
            assert!(package_dir(bad).is_err(), "{bad:?}");
        }
        for bad in [
            "/docs/..md",
            "/docs/.md",
            "/docs/...md",
            "/docs/a..b.md",
            "/docs/%2e%2e.md",
            "/docs/a%2fb.md",
            "/docs/.hidden.md",
            "/docs/a",
            "/docs/a b.md",
            "/docs/",
        ] {
            assert!(page_file(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn plain_relative_paths() {
        assert!(is_plain_relative(Path::new("a/b.md")));
        assert!(!is_plain_relative(Path::new("../b.md")));
        assert!(!is_plain_relative(Path::new("/b.md")));
        assert!(!is_plain_relative(Path::new("")));
    }
}
