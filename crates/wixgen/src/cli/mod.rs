//! Command-line interface: one file per subcommand.

mod add;
mod diff;
mod fetch;
mod gen_cmd;
mod parse;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "wixgen",
    version,
    about = "Generate typed Rust bindings from Wix API method pages"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse method pages and report what was read.
    Parse(parse::ParseArgs),
    /// Generate a complete Rust crate from every method page under a directory.
    Gen(gen_cmd::GenArgs),
    /// Download method pages, and the method pages and articles under menu pages, from the docs.
    Fetch(fetch::FetchArgs),
    /// Print the API-change report between two pages or two directories of pages.
    Diff(diff::DiffArgs),
    /// Copy method pages into the schemas directory, regenerate, and print the API-change report.
    Add(add::AddArgs),
}

pub fn run(cli: Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Gen(args) => gen_cmd::run(args),
        Command::Fetch(args) => fetch::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Add(args) => add::run(args),
    }
}
