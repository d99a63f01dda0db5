//! `wixgen add PAGE.md... [--schemas DIR] [--out OUT]`: copy method pages into
//! `DIR/<package>/<file>` by their `# Package:`, regenerate, and print the
//! API-change report between before and after on stdout.
//!
//! A page the parser refuses (whitespace collapsed, empty) or that is not a
//! method page is refused with the reason and not copied; the others are.
//!
//! Regeneration: with `--out`, a crate of its own at OUT, as `wixgen gen`
//! makes it; without, DIR's parent must be a wixgen checkout, and its
//! `crates/wix-apis` is regenerated as `cargo xtask gen` does. The checkout's
//! goldens (`tests/golden/`) are its own test material, rendered by `cargo
//! xtask golden`, not by the installed CLI: `add` says so and leaves them.
//! Exit 1 when a page was refused or generation reported errors.

use super::gen_cmd::{require_method_pages, standalone_options};
use clap::Args;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wixgen_codegen::{Mode, Options, write_if_changed};
use wixgen_fetch::{PageKind, classify, names};

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Method pages (`.md`) to add.
    #[arg(required = true, value_name = "PAGE")]
    pub pages: Vec<PathBuf>,
    /// The schemas directory the pages are copied into.
    #[arg(long, value_name = "DIR", default_value = "schemas")]
    pub schemas: PathBuf,
    /// Generate a crate of its own at OUT (like `wixgen gen`). Without it, DIR's parent must be a
    /// wixgen checkout, whose `crates/wix-apis` is regenerated like `cargo xtask gen` does.
    #[arg(long, value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// With --out: depend on the `wix-client` crate in this directory (default: `wix-client` from
    /// crates.io, at the version this binary was built with).
    #[arg(long, value_name = "PATH", requires = "out")]
    pub runtime_path: Option<PathBuf>,
    /// With --out: the package name of the generated crate.
    #[arg(long, default_value = "wix-apis", requires = "out")]
    pub name: String,
}

/// Where `add` regenerates.
enum Target {
    /// A crate of its own (`--out`).
    Standalone(PathBuf),
    /// The wixgen checkout at this root: its `crates/wix-apis`.
    Checkout(PathBuf),
}

/// A page ready to copy, or why not.
fn target_of(path: &Path) -> Result<(PathBuf, Vec<u8>), String> {
    let shown = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = names::page_file(&file).map_err(|e| format!("{shown}: {e}; save the page as `<name>.md`"))?;
    match classify(&bytes, &shown, None) {
        PageKind::Method(info) => {
            let dir = names::package_dir(&info.package).map_err(|e| format!("{shown}: {e}"))?;
            Ok((Path::new(dir).join(file), bytes))
        }
        PageKind::Refused { message } => Err(format!(
            "{shown}: refused: the parser refuses this page:\n{}",
            message.trim_end()
        )),
        other => Err(format!(
            "{shown}: refused: not a method page (it is {} {}); `wixgen add` takes method pages with a `# Package:`",
            if matches!(other, PageKind::Article { .. }) {
                "an"
            } else {
                "a"
            },
            other.label()
        )),
    }
}

pub fn run(args: AddArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    // Where generation goes, checked before anything is copied.
    let target = match &args.out {
        Some(out) => Target::Standalone(out.clone()),
        None => {
            let root = args
                .schemas
                .parent()
                .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p })
                .unwrap_or(Path::new("."))
                .to_path_buf();
            if !root.join("crates/wix-apis/Cargo.toml").is_file() {
                return Err(format!(
                    "{}: not a wixgen checkout (no crates/wix-apis/Cargo.toml beside {}); pass --out to generate a crate of its own",
                    root.display(),
                    args.schemas.display()
                )
                .into());
            }
            Target::Checkout(root)
        }
    };

    let mut refused = 0usize;
    let mut ready = Vec::new();
    for page in &args.pages {
        match target_of(page) {
            Ok(t) => ready.push(t),
            Err(e) => {
                eprintln!("error: {e}");
                refused += 1;
            }
        }
    }

    if ready.is_empty() {
        eprintln!("error: no page added: each was refused or could not be read; nothing copied or regenerated");
        return Ok(ExitCode::FAILURE);
    }

    let before = if args.schemas.is_dir() {
        let loaded = wixgen_diff::load(&args.schemas)?;
        loaded.api
    } else {
        wixgen_ir::Api::default()
    };
    for (rel, bytes) in &ready {
        let to = args.schemas.join(rel);
        let status = match fs::read(&to) {
            Ok(old) if &old == bytes => "unchanged",
            Ok(_) => "replaced",
            Err(_) => "added",
        };
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&to, bytes).map_err(|e| format!("{}: {e}", to.display()))?;
        eprintln!("{status} {}", to.display());
    }

    let generation = match &target {
        Target::Standalone(out) => {
            let options = standalone_options(&args.schemas, out, args.runtime_path.as_deref(), &args.name)?;
            let generation = wixgen_codegen::generate(&args.schemas, &options)?;
            require_method_pages(&args.schemas, &generation)?;
            eprint!("{}", generation.report());
            let written = write_if_changed(out, &generation.files, Mode::Write)?;
            report_written(out, &written);
            generation
        }
        Target::Checkout(root) => {
            let generation = wixgen_codegen::generate(&args.schemas, &Options::checked_in())?;
            require_method_pages(&args.schemas, &generation)?;
            eprint!("{}", generation.report());
            let crate_dir = root.join("crates/wix-apis");
            let written = write_if_changed(&crate_dir, &generation.files, Mode::Write)?;
            report_written(&crate_dir, &written);
            eprintln!(
                "note: {}: goldens not regenerated; `cargo xtask golden` there regenerates them if a golden's page changed",
                root.join("tests/golden").display()
            );
            generation
        }
    };
    let report = wixgen_diff::diff(&before, &generation.api);
    print!("{}", report.to_text());
    let failed = refused > 0 || generation.has_errors();
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn report_written(dir: &Path, report: &wixgen_codegen::WriteReport) {
    eprintln!(
        "{}: {} file(s) written, {} unchanged, {} stale removed",
        dir.display(),
        report.written.len(),
        report.unchanged.len(),
        report.removed.len()
    );
}
