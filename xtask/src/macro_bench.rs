//! `cargo xtask macro-bench`: how long `include_api!` takes to expand, timed
//! on its implementation ([`wixgen_codegen::inline::expand`]), the function
//! the proc macro calls, outside rustc.
//!
//! Measured: all of `schemas/`, each page of `schemas/` alone, and a corpus
//! directory (`cargo xtask corpus --pages 1000 --out DIR`), each the median
//! of `--runs` runs. Run it in release mode, as rustc runs proc macros built
//! with the `release` profile's settings only when told to (see BENCHMARKS.md):
//!
//! ```text
//! cargo run --release -p xtask -- macro-bench --corpus /tmp/c1000
//! ```

use std::path::Path;
use std::time::{Duration, Instant};
use wixgen_codegen::inline::expand;

/// Median wall time of `runs` expansions of `path` (relative to `base`), and
/// the size of the expansion as text.
fn time(base: &Path, path: &str, runs: usize) -> std::io::Result<(Duration, usize, usize)> {
    let mut times = Vec::with_capacity(runs);
    let mut size = (0, 0);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let expansion = expand(base, path).map_err(|e| std::io::Error::other(format!("{path}: {e}")))?;
        let tokens = expansion.into_tokens();
        times.push(start.elapsed());
        size = (tokens.clone().into_iter().count(), tokens.to_string().len());
    }
    times.sort();
    Ok((times[times.len() / 2], size.0, size.1))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

pub fn run(root: &Path, corpus: Option<&Path>, runs: usize) -> std::io::Result<bool> {
    let (all, _, bytes) = time(root, "schemas", runs)?;
    println!(
        "schemas/ (all pages): {} median of {runs}, {bytes} bytes of code",
        ms(all)
    );
    for rel in wixgen_schema::find_pages(&root.join("schemas"))? {
        let path = format!("schemas/{}", rel.to_string_lossy());
        let (t, _, bytes) = time(root, &path, runs)?;
        println!("{path}: {} median of {runs}, {bytes} bytes of code", ms(t));
    }
    if let Some(dir) = corpus {
        let pages = wixgen_schema::find_pages(dir)?.len();
        let abs = std::path::absolute(dir)?;
        let (t, _, bytes) = time(Path::new("/"), &abs.to_string_lossy(), runs)?;
        println!(
            "{} ({pages} pages): {} median of {runs} ({:.2} ms per page), {bytes} bytes of code",
            dir.display(),
            ms(t),
            t.as_secs_f64() * 1e3 / pages.max(1) as f64
        );
    }
    Ok(true)
}
