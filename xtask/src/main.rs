//! Workspace tasks: `cargo xtask <task>` (alias in `.cargo/config.toml`).
//!
//! - `cargo xtask gen` regenerates `crates/wix-apis` from `schemas/` and the
//!   goldens under `tests/golden/`, writing only files whose content changed
//!   and removing stale generated files.
//!   It also copies `LICENSE-MIT` and `LICENSE-APACHE` from the root into
//!   each publishable crate under `crates/` (generated ones included), so
//!   that every package ships them; see [`license_copies`].
//! - `cargo xtask gen --check` writes nothing; exits 1 naming every stale file.
//! - `cargo xtask gen --changelog [--since REV]` also writes the API-change
//!   report of the regenerated bindings (`wixgen diff` of `schemas/` at REV,
//!   default `HEAD`, and now) as entries of "Unreleased" in `CHANGELOG.md`;
//!   see [`changelog`].
//! - `cargo xtask golden [--check]` does the same for the goldens only; see
//!   [`golden`].
//! - `cargo xtask corpus --pages N --out DIR` writes a deterministic corpus of
//!   N generated method pages (and its `CORPUS.json` manifest) under DIR.
//! - `cargo xtask macro-bench [--corpus DIR] [--runs N]` times the expansion
//!   of `include_api!` over `schemas/`, each of its pages, and DIR; see
//!   [`macro_bench`].
//! - `cargo xtask refresh [--check]` downloads every page in `schemas/` again
//!   from its `# Method link:`, prints the API-change report, and (without
//!   `--check`) writes the changed pages and regenerates; see [`refresh`].
//!
//! Exit codes: 0 up to date / written, 1 stale (check), the docs changed
//! (refresh --check), or a page had errors (the rest is still written), 2
//! usage error.

mod changelog;
mod golden;
mod macro_bench;
mod refresh;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use wixgen_codegen::{GeneratedFiles, Mode, Options, write_if_changed};

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
        /// Also write the API-change report (schemas/ at --since vs now) as entries of the
        /// "Unreleased" section of CHANGELOG.md.
        #[arg(long, conflicts_with = "check")]
        changelog: bool,
        /// With --changelog: the git revision whose schemas/ the bindings were generated from.
        #[arg(long, value_name = "REV", default_value = "HEAD", requires = "changelog")]
        since: String,
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
    /// Time the expansion of `include_api!` (its implementation) over schemas/, each of its
    /// pages, and a corpus directory.
    MacroBench {
        /// A directory of pages to expand too (`cargo xtask corpus --pages 1000 --out DIR`).
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// Runs of each expansion; the median is printed.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Download every page in schemas/ again, print the API-change report, write the changed
    /// pages and regenerate.
    Refresh {
        /// Write nothing; print the report and fail if the docs changed.
        #[arg(long)]
        check: bool,
        /// Where the docs are downloaded from, in place of the docs host.
        #[arg(long, value_name = "URL", env = wixgen_fetch::ENV_DOCS_BASE, default_value = wixgen_fetch::CANONICAL_BASE)]
        docs_base: String,
        /// The workspace to refresh (default: this one).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Requests in flight at once.
        #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
        concurrency: u16,
        /// Seconds one request may take before it is retried.
        #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout: u64,
    },
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Generation allocates many small values (token trees, syntax trees) on
/// several threads, where mimalloc is much faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = workspace_root();
    let result = match cli.task {
        Task::Gen {
            check,
            changelog,
            since,
        } => gen_crate(&root, check)
            .and_then(|ok| Ok(golden_files(&root, check)? && ok))
            .and_then(|ok| Ok(license_copies(&root, check)? && ok))
            .and_then(|ok| {
                if changelog {
                    changelog::update(&root, &since)?;
                }
                Ok(ok)
            }),
        Task::Golden { check } => golden_files(&root, check),
        Task::Corpus { pages, out } => corpus(pages, &out),
        Task::MacroBench { corpus, runs } => macro_bench::run(&root, corpus.as_deref(), runs),
        Task::Refresh {
            check,
            docs_base,
            root: other,
            concurrency,
            timeout,
        } => {
            let opts = refresh::Refresh {
                check,
                docs_base,
                concurrency: usize::from(concurrency),
                timeout: Duration::from_secs(timeout),
            };
            refresh::refresh(other.as_deref().unwrap_or(&root), &opts).map_err(|e| std::io::Error::other(e.to_string()))
        }
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
    let options = Options {
        // Files whose code did not change are not formatted again (never
        // changes the output; a clean clone has no cache).
        format_cache: Some(root.join("target/wixgen/format-cache")),
        ..Options::checked_in()
    };
    let generation = wixgen_codegen::generate(&root.join("schemas"), &options)?;
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

/// The license files every published package carries.
const LICENSE_FILES: [&str; 2] = ["LICENSE-MIT", "LICENSE-APACHE"];

/// Copy the root's license files into each publishable crate under `crates/`
/// (`crates/*` and `crates/wix-apis/packages/*`: no `publish = false` in its
/// `Cargo.toml`). `cargo package` includes only files under the package's
/// directory, and copies (not symlinks) work on every checkout. With `check`,
/// writes nothing and reports each missing or different copy.
fn license_copies(root: &Path, check: bool) -> std::io::Result<bool> {
    let mut dirs = Vec::new();
    for parent in [
        root.join("crates"),
        root.join("crates/wix-apis")
            .join(wixgen_codegen::crate_files::PACKAGES_DIR),
    ] {
        for entry in std::fs::read_dir(&parent)? {
            let dir = entry?.path();
            let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
                continue;
            };
            if !manifest.lines().any(|l| l.trim() == "publish = false") {
                dirs.push(dir);
            }
        }
    }
    dirs.sort();
    let mut clean = true;
    for name in LICENSE_FILES {
        let text = std::fs::read(root.join(name))?;
        for dir in &dirs {
            let copy = dir.join(name);
            if std::fs::read(&copy).is_ok_and(|c| c == text) {
                continue;
            }
            let shown = copy.strip_prefix(root).unwrap_or(&copy).display().to_string();
            if check {
                eprintln!("stale: {shown} (not a copy of {name}; run `cargo xtask gen`)");
                clean = false;
            } else {
                std::fs::write(&copy, &text)?;
                eprintln!("wrote {shown}");
            }
        }
    }
    Ok(clean)
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
