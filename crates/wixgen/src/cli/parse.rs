//! `wixgen parse PAGE...`

use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Print the page model as JSON on stdout: one object `{path, page, diagnostics}`
    /// per page (pretty for one page, one per line for several).
    #[arg(long)]
    json: bool,
    /// Method pages (`.md`) to read.
    #[arg(required = true, value_name = "PAGE")]
    pages: Vec<PathBuf>,
}

pub fn run(args: &Args) -> ExitCode {
    let color = super::use_color();
    let (mut errors, mut warnings, mut failed) = (0usize, 0usize, false);
    for path in &args.pages {
        let shown = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {shown}: {e}");
                failed = true;
                continue;
            }
        };
        let out = wixgen_schema::parse(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        for d in &out.diagnostics {
            eprintln!("{}", d.render(&shown, &text, color));
        }
        errors += out.errors().count();
        warnings += out.warnings().count();
        if args.json {
            let doc = json!({ "path": shown, "page": out.page, "diagnostics": out.diagnostics });
            let printed = if args.pages.len() == 1 {
                serde_json::to_string_pretty(&doc)
            } else {
                serde_json::to_string(&doc)
            };
            match printed {
                Ok(s) => println!("{s}"),
                Err(e) => {
                    eprintln!("error: cannot print {shown} as JSON: {e}");
                    failed = true;
                }
            }
        }
    }
    let pages = args.pages.len();
    eprintln!(
        "{pages} page{}: {errors} error{}, {warnings} warning{}",
        plural(pages),
        plural(errors),
        plural(warnings)
    );
    if errors > 0 || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
