//! `wixgen gen --schemas DIR --out OUT` (being written).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Directory searched recursively for method pages (`*.md`).
    #[arg(long)]
    schemas: PathBuf,
    /// Directory the crate is written to.
    #[arg(long)]
    out: PathBuf,
}

pub fn run(args: &Args) -> ExitCode {
    eprintln!(
        "error: `wixgen gen` is not implemented yet ({} -> {})",
        args.schemas.display(),
        args.out.display()
    );
    ExitCode::from(1)
}
