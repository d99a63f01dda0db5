//! `wixgen parse`: not implemented yet (the parser's owner adds it).

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The pages to parse.
    pub pages: Vec<PathBuf>,
}

pub fn run(_args: ParseArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    Err("`wixgen parse` is not implemented yet".into())
}
