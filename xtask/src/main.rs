//! Workspace tasks: `cargo xtask <task>` (alias in `.cargo/config.toml`).
//!
//! - `cargo xtask gen` regenerates `crates/wix-apis` from `schemas/` and the
//!   goldens under `tests/golden/`, writing only files whose content changed
//!   and removing stale generated files.
//! - `cargo xtask gen --check` writes nothing; exits 1 naming every stale file.
//! - `cargo xtask golden [--check]` does the same for the goldens only.
//! - `cargo xtask corpus --pages N --out DIR` writes a deterministic corpus of
//!   N generated method pages (and its `CORPUS.json` manifest) under DIR.
//!
//! Exit codes: 0 up to date / written, 1 stale (check) or a page had errors
//! (the rest is still written), 2 usage error.

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wixgen_codegen::{GeneratedFiles, Mode, Options, golden, write_if_changed};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "wixgen workspace tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate crates/wix-apis from schemas/, and the goldens.
    Gen {
        /// Write nothing; fail if any generated file is out of date.
        #[arg(long)]
        check: bool,
    },
    /// Regenerate the goldens under tests/golden/ only.
    Golden {
        /// Write nothing; fail if any golden is out of date.
        #[arg(long)]
        check: bool,
    },
    /// Write a deterministic corpus of generated method pages (same N, same bytes).
    Corpus {
        /// Number of method pages to generate.
        #[arg(long)]
        pages: usize,
        /// Directory to write `<package>/<method>.md` and `CORPUS.json` into
        /// (new, empty, or holding a previous corpus).
        #[arg(long)]
        out: PathBuf,
    },
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = workspace_root();
    let result = match cli.task {
        Task::Gen { check } => gen_crate(&root, check).and_then(|ok| Ok(golden_files(&root, check)? && ok)),
        Task::Golden { check } => golden_files(&root, check),
        Task::Corpus { pages, out } => corpus(pages, &out),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Write (or check) `files` under `dir`; true when nothing was stale.
fn sync(root: &Path, dir: &Path, files: &GeneratedFiles, check: bool, regenerate: &str) -> std::io::Result<bool> {
    let mode = if check { Mode::Check } else { Mode::Write };
    let report = write_if_changed(dir, files, mode)?;
    let shown = dir.strip_prefix(root).unwrap_or(dir);
    if check {
        for p in report.stale() {
            eprintln!("stale: {}", shown.join(p).display());
        }
        if !report.is_clean() {
            eprintln!(
                "{} generated file(s) out of date; run `{regenerate}`",
                report.stale().len()
            );
        }
    } else {
        for p in &report.written {
            eprintln!("wrote {}", shown.join(p).display());
        }
        for p in &report.removed {
            eprintln!("removed {}", shown.join(p).display());
        }
    }
    Ok(!check || report.is_clean())
}

fn gen_crate(root: &Path, check: bool) -> std::io::Result<bool> {
    let generation = wixgen_codegen::generate(&root.join("schemas"), &Options::checked_in())?;
    eprint!("{}", generation.report());
    let clean = sync(
        root,
        &root.join("crates/wix-apis"),
        &generation.files,
        check,
        "cargo xtask gen",
    )?;
    Ok(clean && !generation.has_errors())
}

fn golden_files(root: &Path, check: bool) -> std::io::Result<bool> {
    let files = golden::files(root)?;
    sync(root, &root.join(golden::GOLDEN_DIR), &files, check, golden::REGENERATE)
}

fn corpus(pages: usize, out: &Path) -> std::io::Result<bool> {
    let start = std::time::Instant::now();
    let corpus = wixgen_corpus::generate(pages);
    let generated = start.elapsed();
    corpus.write_to(out)?;
    let s = &corpus.manifest.summary;
    eprintln!(
        "wrote {} pages in {} packages ({} methods, {} service-plugin pages, {} bytes) and {} to {} (generated in {:.2?})",
        s.pages,
        s.packages,
        s.methods,
        s.service_plugin_pages,
        s.bytes,
        wixgen_corpus::MANIFEST,
        out.display(),
        generated
    );
    Ok(true)
}
