//! Golden files: the generated code of single pages, checked in under
//! `tests/golden/` of the workspace. The golden test compares them with a fresh
//! rendering and trybuild compiles them; `cargo xtask golden` (and `cargo xtask
//! gen`) regenerates them. They are never edited by hand.

use crate::emit::single_file;
use crate::pipeline::{PageStatus, parse_pages};
use crate::{GeneratedFiles, Header};
use std::io;
use std::path::{Path, PathBuf};

/// One golden: a page (relative to the workspace root) and the file it renders to
/// (relative to `tests/golden/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Golden {
    pub page: &'static str,
    pub file: &'static str,
}

/// Every golden.
pub const GOLDENS: &[Golden] =
    &[Golden { page: "schemas/inbox/get-or-create-conversation.md", file: "get_or_create_conversation.rs" }];

/// The directory of the goldens, relative to the workspace root.
pub const GOLDEN_DIR: &str = "tests/golden";

/// The command that regenerates the goldens.
pub const REGENERATE: &str = "cargo xtask golden";

/// Render a golden: its page alone through parse → lower → [`single_file`].
pub fn render(workspace_root: &Path, golden: &Golden) -> io::Result<String> {
    let page = Path::new(golden.page);
    let (dir, file) = (page.parent().unwrap_or(Path::new("")), page.file_name().unwrap_or_default());
    let parsed = parse_pages(&workspace_root.join(dir), &[PathBuf::from(file)], &dir.to_string_lossy())?;
    if let Some(bad) = parsed.reports.iter().find(|r| r.status != PageStatus::Parsed) {
        return Err(io::Error::other(format!("{}: the page does not parse:\n{}", bad.path, bad.rendered.join(""))));
    }
    let lowered = wixgen_ir::lower(&parsed.inputs);
    if lowered.has_errors() {
        let text: Vec<String> = lowered.errors().map(|d| d.render()).collect();
        return Err(io::Error::other(format!("{}: the page does not lower:\n{}", golden.page, text.join(""))));
    }
    Ok(single_file(&lowered.api, &Header::new(golden.page, REGENERATE)))
}

/// Every golden, by path relative to [`GOLDEN_DIR`].
pub fn files(workspace_root: &Path) -> io::Result<GeneratedFiles> {
    GOLDENS.iter().map(|g| Ok((PathBuf::from(g.file), render(workspace_root, g)?))).collect()
}
