//! The IR of a page or a directory of pages, through the load stage that
//! generation uses (`wixgen_schema::find_pages`, `wixgen_ir::load::load_pages`,
//! then assembly), so a diff sees exactly what generation sees.

use std::io;
use std::path::Path;
use wixgen_ir::Api;
use wixgen_ir::load::{PageStatus, load_pages};
use wixgen_schema::find_pages;

/// A lowered set of pages, and what was skipped on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub api: Api,
    /// Method pages read.
    pub pages: usize,
    /// Rendered errors of pages that were skipped (their methods and types are absent from `api`).
    pub problems: Vec<String>,
}

/// Lower one page, or every `*.md` page under a directory (articles and other non-method pages
/// in a directory are left out, as generation leaves them out; a single page that is not a
/// method page is a problem).
pub fn load(path: &Path) -> io::Result<Loaded> {
    let meta = std::fs::metadata(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let shown = path.display().to_string();
    let (dir, rels, label) = if meta.is_dir() {
        (
            path.to_path_buf(),
            find_pages(path)?,
            shown.trim_end_matches('/').to_owned(),
        )
    } else {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, format!("{shown}: not a file")))?;
        let label = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
        (dir.to_path_buf(), vec![name.into()], label)
    };
    let mut parsed = load_pages(&dir, &rels, &label)?;
    let mut problems = Vec::new();
    for report in &parsed.reports {
        match report.status {
            PageStatus::ParseErrors => {
                let mut text = format!("{}: skipped: {} parse error(s)\n", report.path, report.errors);
                for r in &report.rendered {
                    text.push_str(r.trim_end());
                    text.push('\n');
                }
                problems.push(text);
            }
            PageStatus::NotAMethodPage if !meta.is_dir() => problems.push(format!(
                "{}: not a method page (no `# Package:`, no REST or SDK section)\n",
                report.path
            )),
            _ => {}
        }
    }
    let pages = parsed.pages.len();
    let lowered = parsed.assemble();
    for d in lowered.diagnostics.iter().filter(|d| d.is_error()) {
        problems.push(d.render());
    }
    Ok(Loaded {
        api: lowered.api,
        pages,
        problems,
    })
}
