//! `cargo xtask refresh [--check]`: download every page in `schemas/` again
//! from its own link (`# Method link:`, an article's `## Article Link:`),
//! rewritten to the docs base, and print the API-change report between the
//! pages as they are and as the docs serve them now.
//!
//! Without `--check` the changed pages are written and the normal generation
//! runs (`cargo xtask gen`). With `--check` nothing is written and the exit
//! code is 1 when the docs changed: a scheduled CI job's question.
//!
//! A page the docs now serve collapsed (or that cannot be downloaded) is
//! reported and kept as it is; the run then fails.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;
use wixgen_fetch::{DocsBase, Fetcher, HttpOptions, Refetched, Reporter, refetch};
use wixgen_schema::find_pages;

/// What `refresh` was asked.
pub struct Refresh {
    pub check: bool,
    pub docs_base: String,
    pub concurrency: usize,
    pub timeout: Duration,
}

/// True when everything went well (and, with `check`, nothing changed).
pub fn refresh(root: &Path, opts: &Refresh) -> Result<bool, Box<dyn std::error::Error>> {
    let schemas = root.join("schemas");
    let base = DocsBase::parse(&opts.docs_base)?;
    let fetcher = Fetcher::new(
        base,
        HttpOptions {
            timeout: opts.timeout,
            ..HttpOptions::default()
        },
    )?;
    let reporter = Reporter::stderr();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let pages = runtime.block_on(refetch(&fetcher, &schemas, opts.concurrency, &reporter))?;

    let shown = |rel: &Path| Path::new("schemas").join(rel).display().to_string();
    let mut changed: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let (mut unchanged, mut errors, mut not_checked) = (0usize, 0usize, 0usize);
    for page in pages {
        let url = page.url.clone().unwrap_or_default();
        match page.outcome {
            Refetched::Unchanged => unchanged += 1,
            Refetched::Changed(bytes) => {
                eprintln!("changed {} (from {url})", shown(&page.rel));
                changed.push((page.rel, bytes));
            }
            Refetched::NoLink => {
                not_checked += 1;
                eprintln!(
                    "note: {}: no `# Method link:` or `## Article Link:`; not refreshed",
                    shown(&page.rel)
                );
            }
            Refetched::NotOnDocs(link) => {
                not_checked += 1;
                eprintln!(
                    "warning: {}: its link {link} is not on the docs; not refreshed",
                    shown(&page.rel)
                );
            }
            Refetched::Refused(message) => {
                errors += 1;
                eprintln!(
                    "error: {url} now serves a page the parser refuses; {} is kept:\n{}",
                    shown(&page.rel),
                    message.trim_end()
                );
            }
            Refetched::Skipped(why) => {
                errors += 1;
                eprintln!("error: {url}: {why}; {} is kept", shown(&page.rel));
            }
            Refetched::Failed(e) => {
                errors += 1;
                eprintln!("error: could not download {url}: {e}; {} is kept", shown(&page.rel));
            }
        }
    }
    eprintln!(
        "refresh: {} changed, {unchanged} unchanged, {errors} failed, {not_checked} without a link",
        changed.len()
    );
    if changed.is_empty() {
        println!("no API changes: every page is as the docs serve it");
        return Ok(errors == 0);
    }

    // The report: the pages as they are against a copy with the changed pages in place.
    let old = wixgen_diff::load(&schemas)?;
    let copy = tempfile::tempdir()?;
    for rel in find_pages(&schemas)? {
        let to = copy.path().join(&rel);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::copy(schemas.join(&rel), &to)?;
    }
    for (rel, bytes) in &changed {
        fs::write(copy.path().join(rel), bytes)?;
    }
    let new = wixgen_diff::load(copy.path())?;
    for p in &new.problems {
        eprint!("{p}");
    }
    print!("{}", wixgen_diff::diff(&old.api, &new.api).to_text());

    if opts.check {
        eprintln!(
            "{} page(s) changed on the docs; run `cargo xtask refresh` to update schemas/ and the generated code",
            changed.len()
        );
        return Ok(false);
    }
    for (rel, bytes) in &changed {
        let to = schemas.join(rel);
        fs::write(&to, bytes).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", to.display())))?;
        eprintln!("wrote {}", shown(rel));
    }
    let generated = crate::gen_crate(root, false)?;
    let goldens = crate::golden_files(root, false)?;
    Ok(errors == 0 && generated && goldens)
}
