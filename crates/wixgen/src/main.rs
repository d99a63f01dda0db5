//! `wixgen`: download Wix method pages from the docs, parse them, report API changes between two
//! generations, and generate Rust bindings.
//!
//! Exit codes: 0 success; 1 some page had errors (for `gen`: the other pages
//! were still generated and written) or an I/O failure; 2 usage error.

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
            ExitCode::FAILURE
        }
    }
}
