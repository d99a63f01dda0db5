//! `wixgen`: read Wix API method pages and generate Rust bindings from them.
//!
//! Exit codes: 0 when no page has errors, 1 when some page has errors (or a
//! file cannot be read or written), 2 on usage errors.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cli;

#[derive(Parser)]
#[command(
    name = "wixgen",
    version,
    about = "Typed Rust bindings from the Wix API documentation"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse method pages and print their diagnostics (and, with --json, the page model).
    Parse(cli::parse::Args),
    /// Generate a crate from every page under a directory.
    Gen(cli::generate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse(args) => cli::parse::run(&args),
        Command::Gen(args) => cli::generate::run(&args),
    }
}
