//! `wixgen parse PAGE...`: print each page's diagnostics on stderr and, with
//! `--json`, its page model on stdout.

use clap::Args;
use serde_json::json;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Print the page model as JSON on stdout: one object `{path, page, diagnostics}`
    /// per page (pretty for one page, one per line for several).
    #[arg(long)]
    pub json: bool,
    /// Method pages (`.md`) to read.
    #[arg(required = true, value_name = "PAGE")]
    pub pages: Vec<PathBuf>,
}

pub fn run(args: ParseArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let color = std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal();
    let (mut errors, mut warnings, mut unread) = (0usize, 0usize, 0usize);
    for path in &args.pages {
        let shown = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {shown}: {e}");
                unread += 1;
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
                serde_json::to_string_pretty(&doc)?
            } else {
                serde_json::to_string(&doc)?
            };
            println!("{printed}");
        }
    }
    let pages = args.pages.len();
    let not_read = if unread > 0 {
        format!(" ({unread} not read)")
    } else {
        String::new()
    };
    eprintln!(
        "{pages} page{}{not_read}: {errors} error{}, {warnings} warning{}",
        plural(pages),
        plural(errors),
        plural(warnings)
    );
    Ok(if errors > 0 || unread > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
