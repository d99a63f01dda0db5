//! `cargo xtask gen --changelog [--since REV]`: the API-change report of the
//! regenerated bindings as entries of the "Unreleased" section of
//! `CHANGELOG.md` (Keep a Changelog).
//!
//! The report is `wixgen diff` between the pages of `schemas/` at REV (default
//! `HEAD`: the bindings as last committed) and the pages in the work tree (the
//! bindings just regenerated). Each change becomes one line under `### Added`,
//! `### Changed` or `### Removed` of `## [Unreleased]`, prefixed `**BREAKING**`
//! when code compiled against the previous `wix-apis` may no longer compile.
//! Lines already there are not added again, so running it twice changes
//! nothing. Review the entries before committing them.

use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;

use wixgen_diff::report::{Action, Report};

pub const CHANGELOG: &str = "CHANGELOG.md";
const UNRELEASED: &str = "## [Unreleased]";

/// Writes the entries of the changes since `since` into `CHANGELOG.md` and
/// prints them; returns how many lines were new.
pub fn update(root: &Path, since: &str) -> io::Result<usize> {
    let report = report_since(root, since)?;
    let path = root.join(CHANGELOG);
    let text = fs::read_to_string(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let (updated, added) = insert(&text, &report).map_err(|e| io::Error::other(format!("{}: {e}", path.display())))?;
    if added > 0 {
        fs::write(&path, updated)?;
    }
    eprintln!(
        "{CHANGELOG}: {added} new line(s) under {UNRELEASED} ({} since {since})",
        report.summary()
    );
    Ok(added)
}

/// The API-change report between `schemas/` at `since` and in the work tree.
fn report_since(root: &Path, since: &str) -> io::Result<Report> {
    let old = tempfile::tempdir()?;
    let listed = git(root, &["ls-tree", "-r", "--name-only", since, "--", "schemas"])?;
    for rel in listed.lines().filter(|l| l.ends_with(".md")) {
        let text = git(root, &["show", &format!("{since}:{rel}")])?;
        let to = old.path().join(rel);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(to, text)?;
    }
    let old_schemas = old.path().join("schemas");
    fs::create_dir_all(&old_schemas)?;
    let old = wixgen_diff::load(&old_schemas)?;
    let new = wixgen_diff::load(&root.join("schemas"))?;
    Ok(wixgen_diff::diff(&old.api, &new.api))
}

fn git(root: &Path, args: &[&str]) -> io::Result<String> {
    let out = Command::new("git").arg("-C").arg(root).args(args).output()?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    String::from_utf8(out.stdout).map_err(|e| io::Error::other(format!("git {}: {e}", args.join(" "))))
}

/// `text` with the report's entries added under `## [Unreleased]`, and how
/// many lines were new. Each entry goes at the end of its `### Added`,
/// `### Changed` or `### Removed` list in that section (made if missing).
pub fn insert(text: &str, report: &Report) -> Result<(String, usize), String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let start = lines
        .iter()
        .position(|l| l.trim_end() == UNRELEASED)
        .ok_or_else(|| format!("no `{UNRELEASED}` heading; add one below the title"))?;
    let mut added = 0;
    for (action, heading) in [
        (Action::Added, "### Added"),
        (Action::Changed, "### Changed"),
        (Action::Removed, "### Removed"),
    ] {
        let end = section_end(&lines, start + 1, "## ");
        let entries: Vec<String> = report
            .changes
            .iter()
            .filter(|c| c.action == action)
            .map(|c| {
                format!(
                    "- {}`wix-apis`: {} {}: `{}`: {}",
                    if c.breaking { "**BREAKING** " } else { "" },
                    c.kind.label(),
                    c.action.label(),
                    c.place,
                    c.why
                )
            })
            .filter(|e| !lines[start..end].contains(e))
            .collect();
        if entries.is_empty() {
            continue;
        }
        added += entries.len();
        let at = match lines[start..end].iter().position(|l| l.trim_end() == heading) {
            Some(h) => {
                // After the heading's list: the last non-blank line before the next heading.
                let list_end = section_end(&lines, start + h + 1, "#");
                let mut at = list_end;
                while at > start + h + 1 && lines[at - 1].trim().is_empty() {
                    at -= 1;
                }
                at
            }
            None => {
                let mut at = end;
                while at > start + 1 && lines[at - 1].trim().is_empty() {
                    at -= 1;
                }
                lines.splice(at..at, [String::new(), heading.to_owned(), String::new()]);
                at + 3
            }
        };
        lines.splice(at..at, entries);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Ok((out, added))
}

/// The index of the first line at or after `from` starting with `prefix`, or the end.
fn section_end(lines: &[String], from: usize, prefix: &str) -> usize {
    lines[from..]
        .iter()
        .position(|l| l.starts_with(prefix))
        .map_or(lines.len(), |i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wixgen_diff::report::{Change, Kind, Place};

    fn change(kind: Kind, action: Action, breaking: bool, name: &str) -> Change {
        Change {
            kind,
            action,
            breaking,
            place: Place::item("inbox", name),
            why: "why".to_owned(),
        }
    }

    const BASE: &str = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Tracing.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n\n- First.\n";

    #[test]
    fn entries_go_under_their_heading_in_unreleased_only_once() {
        let report = Report {
            changes: vec![
                change(Kind::Method, Action::Added, false, "New"),
                change(Kind::Field, Action::Removed, true, "Gone"),
            ],
        };
        let (once, added) = insert(BASE, &report).unwrap();
        assert_eq!(added, 2);
        assert_eq!(
            once,
            "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Tracing.\n- `wix-apis`: method added: `inbox::New`: why\n\n\
             ### Removed\n\n- **BREAKING** `wix-apis`: field removed: `inbox::Gone`: why\n\n\
             ## [0.1.0] - 2026-01-01\n\n### Added\n\n- First.\n"
        );
        let (twice, added) = insert(&once, &report).unwrap();
        assert_eq!(added, 0);
        assert_eq!(twice, once);
    }

    #[test]
    fn a_changelog_without_unreleased_is_an_error_saying_what_to_add() {
        let err = insert("# Changelog\n", &Report::default()).unwrap_err();
        assert!(err.contains("## [Unreleased]"), "{err}");
    }
}
