//! Golden files: the generated code of single pages and of a hand-built IR,
//! checked in under `tests/golden/` of the workspace. The test below compares
//! them with a fresh rendering and trybuild compiles them (the `tests` crate);
//! `cargo xtask golden` (and `cargo xtask gen`) regenerates them. They are
//! never edited by hand. They are the repository's test material, so this
//! lives here and not in a published crate.

use std::io;
use std::path::{Path, PathBuf};
use wixgen_codegen::{GeneratedFiles, Header, single_file};
use wixgen_ir::load::{PageStatus, load_pages};

/// One golden: what it is generated from, and the file it renders to
/// (relative to `tests/golden/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Golden {
    pub source: Source,
    pub file: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A page, relative to the workspace root, generated alone.
    Page(&'static str),
    /// The hand-built IR of [`wixgen_corpus::fixture::api`].
    Fixture,
}

impl Golden {
    /// What the golden is generated from, for messages and its header.
    pub fn origin(&self) -> &'static str {
        match self.source {
            Source::Page(p) => p,
            // The name the fixture had when its golden was first written: it is
            // in the golden's header, so changing it changes the golden.
            Source::Fixture => "wixgen_codegen::golden::fixture",
        }
    }
}

/// Every golden.
pub const GOLDENS: &[Golden] = &[
    Golden {
        source: Source::Page("schemas/inbox/get-or-create-conversation.md"),
        file: "get_or_create_conversation.rs",
    },
    Golden {
        source: Source::Fixture,
        file: "edge_cases.rs",
    },
];

/// The directory of the goldens, relative to the workspace root.
pub const GOLDEN_DIR: &str = "tests/golden";

/// The command that regenerates the goldens.
pub const REGENERATE: &str = "cargo xtask golden";

/// Render a golden: its page alone through parse → lower → [`single_file`],
/// or the fixture IR through [`single_file`].
pub fn render(workspace_root: &Path, golden: &Golden) -> io::Result<String> {
    let header = Header::new(golden.origin(), REGENERATE);
    let page = match golden.source {
        Source::Page(page) => Path::new(page),
        Source::Fixture => return Ok(single_file(&wixgen_corpus::fixture::api(), &header)),
    };
    let (dir, file) = (
        page.parent().unwrap_or(Path::new("")),
        page.file_name().unwrap_or_default(),
    );
    let mut parsed = load_pages(
        &workspace_root.join(dir),
        &[PathBuf::from(file)],
        &dir.to_string_lossy(),
    )?;
    if let Some(bad) = parsed.reports.iter().find(|r| r.status != PageStatus::Parsed) {
        return Err(io::Error::other(format!(
            "{}: the page does not parse:\n{}",
            bad.path,
            bad.rendered.join("")
        )));
    }
    let lowered = parsed.assemble();
    if lowered.has_errors() {
        let text: Vec<String> = lowered.errors().map(|d| d.render()).collect();
        return Err(io::Error::other(format!(
            "{}: the page does not lower:\n{}",
            golden.origin(),
            text.join("")
        )));
    }
    Ok(single_file(&lowered.api, &header))
}

/// Every golden, by path relative to [`GOLDEN_DIR`].
pub fn files(workspace_root: &Path) -> io::Result<GeneratedFiles> {
    GOLDENS
        .iter()
        .map(|g| Ok((PathBuf::from(g.file), render(workspace_root, g)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace_root;

    /// Fails on any difference between a golden and a fresh rendering of its
    /// source; `cargo xtask golden` regenerates them.
    #[test]
    fn goldens_match_a_fresh_rendering() {
        let root = workspace_root();
        for g in GOLDENS {
            let fresh = render(&root, g).unwrap_or_else(|e| panic!("rendering {}: {e}", g.origin()));
            let path = root.join(GOLDEN_DIR).join(g.file);
            let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
            if fresh != on_disk {
                let line = fresh
                    .lines()
                    .zip(on_disk.lines())
                    .position(|(a, b)| a != b)
                    .map_or_else(|| fresh.lines().count().min(on_disk.lines().count()) + 1, |i| i + 1);
                panic!(
                    "{} differs from the code generated from {} (first difference at line {line}):\n  golden:    {:?}\n  generated: {:?}\nrun `{REGENERATE}` to regenerate",
                    path.display(),
                    g.origin(),
                    on_disk.lines().nth(line - 1).unwrap_or("<end of file>"),
                    fresh.lines().nth(line - 1).unwrap_or("<end of file>"),
                );
            }
        }
    }
}
