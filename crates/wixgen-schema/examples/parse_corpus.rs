//! One pass of the parser, or of pulldown-cmark's event iteration, over the
//! pages of a generated corpus, for instruction counts under callgrind (which
//! are steadier than timings on a shared machine):
//!
//! ```sh
//! cargo build --release -p wixgen-schema --example parse_corpus
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='parse_corpus::pass' \
//!     target/release/examples/parse_corpus wixgen 1000
//! ```
//!
//! The first argument is `wixgen` or `pulldown`, the second the number of pages
//! (default 1000, the corpus of `cargo xtask corpus --pages 1000`).

/// The allocator of the `wixgen` binary, as in the `parse` bench.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

/// The measured pass (named for `--toggle-collect`).
#[inline(never)]
fn pass(pages: &[&String], wixgen: bool) -> usize {
    let mut n = 0;
    for p in pages {
        n += if wixgen {
            usize::from(!black_box(wixgen_schema::parse(black_box(p.as_bytes()))).has_errors())
        } else {
            pulldown_cmark::Parser::new(black_box(p)).into_offset_iter().count()
        };
    }
    n
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "wixgen".to_owned());
    let wixgen = match which.as_str() {
        "wixgen" => true,
        "pulldown" => false,
        other => {
            eprintln!("unknown pass `{other}`: expected `wixgen` or `pulldown`");
            std::process::exit(2);
        }
    };
    let count: usize = match args.next().map(|a| a.parse()) {
        None => 1000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("the page count must be a whole number: {e}");
            std::process::exit(2);
        }
    };
    let corpus = wixgen_corpus::generate(count);
    let pages: Vec<&String> = corpus.files.values().collect();
    let bytes: usize = pages.iter().map(|p| p.len()).sum();
    let start = std::time::Instant::now();
    let n = pass(&pages, wixgen);
    eprintln!(
        "{which}: {} pages, {bytes} bytes, {:.2?} ({n})",
        pages.len(),
        start.elapsed()
    );
}
