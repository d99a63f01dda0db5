//! `wixgen gen --schemas DIR --out OUT [--runtime-path PATH]`
//!
//! Generates a complete crate at OUT from every `*.md` method page under DIR:
//! a crate of its own (empty `[workspace]` table) that depends on `wix-client`
//! by version (the one this binary was built with; `--runtime-path` depends on
//! a local checkout instead), with generated tests (`tests/examples.rs`), so
//! that `cargo test --manifest-path OUT/Cargo.toml` works from any directory
//! and on any machine.
//!
//! Only files whose content changed are written; stale generated files are
//! removed (files without the generated header are never touched).
//!
//! Pages with parse or lowering errors are skipped and reported on stderr with
//! their diagnostics; the rest is generated and written, and the exit code is 1.
//! Exit 0 means every method page was generated. A directory without method
//! pages is an error (exit 2), and nothing is written.

use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wixgen_codegen::crate_files::{CrateOptions, Runtime};
use wixgen_codegen::{Generation, Header, Mode, Options, write_if_changed};

#[derive(Debug, Args)]
pub struct GenArgs {
    /// Directory searched recursively for `*.md` method pages.
    #[arg(long, value_name = "DIR")]
    pub schemas: PathBuf,
    /// Directory of the generated crate (created if missing).
    #[arg(long, value_name = "OUT")]
    pub out: PathBuf,
    /// Depend on the `wix-client` crate in this directory (working on
    /// wixgen itself); default: `wix-client` from crates.io, at the version
    /// this binary was built with.
    #[arg(long, value_name = "PATH")]
    pub runtime_path: Option<PathBuf>,
    /// Package name of the generated crate.
    #[arg(long, default_value = "wix-apis")]
    pub name: String,
    /// Write nothing into OUT; exit 1 if OUT is not up to date.
    #[arg(long)]
    pub check: bool,
    /// Remember formatted files in FILE (created if missing), so that the
    /// next run does not format again the files whose code did not change.
    /// Keep it out of OUT (under a `target/` folder, say). It never changes
    /// the output: its entries are keyed by this binary and the code.
    #[arg(long, value_name = "FILE")]
    pub format_cache: Option<PathBuf>,
    /// Print where the time went: parse, lower, emit, format, write, and MB/s.
    #[arg(long)]
    pub timings: bool,
}

/// The `wix-client` version this binary goes with: the workspace's version,
/// which `wix-client` inherits too (`version.workspace = true`). Needs nothing
/// on disk, so an installed binary generates crates that build anywhere.
pub const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// `wix-client` by version, or by the absolute path of `runtime_path`.
fn runtime(runtime_path: Option<&Path>) -> Result<Runtime, Box<dyn std::error::Error>> {
    let Some(path) = runtime_path else {
        return Ok(Runtime::Version(RUNTIME_VERSION.to_owned()));
    };
    let runtime = absolute(path)?;
    if !runtime.join("Cargo.toml").is_file() {
        return Err(format!(
            "{}: not a crate (no Cargo.toml); pass the directory of wix-client to --runtime-path",
            runtime.display()
        )
        .into());
    }
    Ok(Runtime::Path(runtime.display().to_string()))
}

fn absolute(p: &Path) -> std::io::Result<PathBuf> {
    std::fs::canonicalize(p).map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", p.display())))
}

/// The options of a crate of its own at `out`, generated from `schemas`, depending on the
/// `wix-client` at `runtime_path` (default: by version, from the registry).
pub fn standalone_options(
    schemas: &Path,
    out: &Path,
    runtime_path: Option<&Path>,
    name: &str,
) -> Result<Options, Box<dyn std::error::Error>> {
    let runtime = runtime(runtime_path)?;
    let schemas_shown = schemas.display().to_string();
    Ok(Options {
        label: schemas_shown.trim_end_matches('/').to_owned(),
        header: Header::new(
            format!("{}/", schemas_shown.trim_end_matches('/')),
            format!("wixgen gen --schemas {} --out {}", schemas.display(), out.display()),
        ),
        krate: CrateOptions {
            name: name.to_owned(),
            runtime,
        },
        format_cache: None,
    })
}

/// An error when no page under `schemas` is a method page (an empty folder, a
/// mistyped path, a folder of articles): a crate without a package is never
/// what was asked for.
pub fn require_method_pages(schemas: &Path, generation: &Generation) -> Result<(), String> {
    use wixgen_codegen::pipeline::PageStatus;
    if generation.pages.iter().any(|p| p.status != PageStatus::NotAMethodPage) {
        return Ok(());
    }
    let found = match generation.pages.as_slice() {
        [] => "no `.md` file at all".to_owned(),
        [one] => format!("one `.md` file, {}, which is not a method page", one.path),
        [first, ..] => format!(
            "{} `.md` files, none a method page (the first: {})",
            generation.pages.len(),
            first.path
        ),
    };
    Err(format!(
        "no method pages under {}: {found}; nothing written\n  \
         = help: a method page is a Wix API docs page saved as `.md` (`wixgen fetch` saves them): a `# MethodName` title, \
         `# Package:` and `# Namespace:` lines, and a `## REST API` section with a `### Schema` block; check the --schemas path",
        schemas.display()
    ))
}

/// `--schemas` must be a directory and `--out` one or nothing yet: said before anything is read.
fn check_paths(schemas: &Path, out: &Path) -> Result<(), String> {
    if !schemas.is_dir() {
        let what = if schemas.exists() {
            "not a directory"
        } else {
            "no such directory"
        };
        return Err(format!(
            "--schemas {}: {what}; it takes the directory of method pages (searched recursively for `*.md`)",
            schemas.display()
        ));
    }
    if out.exists() && !out.is_dir() {
        return Err(format!(
            "--out {}: not a directory; it takes the directory of the generated crate (created if missing)",
            out.display()
        ));
    }
    Ok(())
}

pub fn run(args: GenArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    check_paths(&args.schemas, &args.out)?;
    let mut options = standalone_options(&args.schemas, &args.out, args.runtime_path.as_deref(), &args.name)?;
    options.format_cache = args.format_cache.clone();
    let generation = wixgen_codegen::generate(&args.schemas, &options)?;
    require_method_pages(&args.schemas, &generation)?;
    eprint!("{}", generation.report());
    let mode = if args.check { Mode::Check } else { Mode::Write };
    let write_start = std::time::Instant::now();
    let report = write_if_changed(&args.out, &generation.files, mode)?;
    if args.timings {
        eprintln!("{}", generation.timings.line(write_start.elapsed()));
    }
    if args.check {
        for p in report.stale() {
            eprintln!("stale: {}", args.out.join(p).display());
        }
        if report.is_clean() {
            eprintln!(
                "{}: up to date, {} file(s) checked",
                args.out.display(),
                report.unchanged.len()
            );
        }
    } else {
        eprintln!(
            "{}: {} file(s) written, {} unchanged, {} stale removed",
            args.out.display(),
            report.written.len(),
            report.unchanged.len(),
            report.removed.len()
        );
    }
    let failed = generation.has_errors() || (args.check && !report.is_clean());
    // The process ends here: freeing the IR and every file's text one
    // allocation at a time would only keep one core busy (1% of a run's
    // instructions, all of it after the output is written).
    std::mem::forget(generation);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
