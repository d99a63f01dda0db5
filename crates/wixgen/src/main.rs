//! `wixgen`: download Wix method pages from the docs, parse them, report API changes between two
//! generations, and generate Rust bindings.
//!
//! Exit codes, the same for every command (the table is in the README):
//! 0 success; 1 the command ran to the end and some input had problems (a page
//! with errors, refused or not downloaded; stale files for `--check`); 2 the
//! command could not run as asked (bad arguments, a missing path or one of the
//! wrong kind, no method pages, an I/O failure), with a message saying why.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// Generation allocates many small values (token trees, syntax trees) on
/// several threads, where mimalloc is much faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
