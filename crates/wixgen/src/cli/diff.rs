//! `wixgen diff OLD NEW [--json]`: the API-change report between two pages or
//! two directories of pages, written to stdout; nothing is written to disk.
//!
//! Pages that cannot be read are reported on stderr (their methods and types
//! are missing from the report) and the exit code is 1.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The previous page, or directory of pages.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new page, or directory of pages.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Print the report as JSON: `{total, breaking, changes: [{kind, action, breaking, place, why}]}`.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: DiffArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let old = wixgen_diff::load(&args.old)?;
    let new = wixgen_diff::load(&args.new)?;
    let problems = old.problems.len() + new.problems.len();
    for p in old.problems.iter().chain(&new.problems) {
        eprint!("{p}");
        if !p.ends_with('\n') {
            eprintln!();
        }
    }
    if problems > 0 {
        eprintln!(
            "warning: {problems} page(s) or method(s) could not be read; what they define is missing from the report"
        );
    }
    let report = wixgen_diff::diff(&old.api, &new.api);
    if args.json {
        println!("{}", report.to_json());
    } else {
        print!("{}", report.to_text());
    }
    Ok(if problems > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
