//! Command-line interface: one file per subcommand.

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
}

pub fn run(cli: Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Gen(args) => gen_cmd::run(args),
    }
}
