//! `wixgen fetch URL... [--into DIR]`: download method pages, and the method
//! pages and articles under menu pages, into `DIR/<package>/`.
//!
//! Saved pages are listed on stdout with a summary line; refusals (the
//! parser's message), download failures and skipped pages on stderr, with
//! progress (a bar on a terminal, plain lines otherwise). Exit 1 when a page
//! was refused or could not be downloaded; 2 for a bad URL or docs base.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use wixgen_fetch::{CANONICAL_BASE, DocsBase, Fetcher, HttpOptions, Limits, Reporter};

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Docs pages to download: method pages or menu pages, as URLs
    /// (`https://dev.wix.com/docs/api-reference/...`, `.md` optional) or docs paths (`/docs/...`).
    /// A menu page is followed to the pages under its path.
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
    /// Where pages are saved, as `DIR/<package>/<last URL segment>.md`.
    #[arg(long, value_name = "DIR", default_value = "schemas")]
    pub into: PathBuf,
    /// Where the docs are downloaded from, in place of the docs host (a mirror, a local server).
    #[arg(long, value_name = "URL", env = wixgen_fetch::ENV_DOCS_BASE, default_value = CANONICAL_BASE)]
    pub docs_base: String,
    /// Requests in flight at once.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Seconds one request may take before it is retried.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Retries of a request after a 429, a 5xx, a timeout or a connection failure.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub retries: usize,
    /// The most pages downloaded in all, menu pages included.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_pages: usize,
}

pub fn run(args: FetchArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    if args.into.exists() && !args.into.is_dir() {
        return Err(format!(
            "--into {}: not a directory; it takes the directory pages are saved in, as `DIR/<package>/<page>.md`",
            args.into.display()
        )
        .into());
    }
    let base = match DocsBase::parse(&args.docs_base) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut starts = Vec::new();
    for url in &args.urls {
        match base.start_path(url) {
            Ok(p) => starts.push(p),
            Err(e) => {
                eprintln!("error: {e}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let options = HttpOptions {
        timeout: Duration::from_secs(args.timeout),
        retries: args.retries,
        ..HttpOptions::default()
    };
    let fetcher = Fetcher::new(base, options)?;
    let limits = Limits {
        concurrency: usize::from(args.concurrency),
        max_pages: args.max_pages,
    };
    let reporter = Reporter::stderr();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let report = runtime.block_on(wixgen_fetch::fetch(&fetcher, &starts, &args.into, limits, &reporter))?;
    for line in report.problem_lines(&args.into) {
        eprintln!("{line}");
    }
    for line in report.saved_lines(&args.into) {
        println!("{line}");
    }
    println!("{}", report.summary());
    Ok(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
