//! Parse throughput: `wixgen_schema::parse` beside pulldown-cmark's own event
//! iteration over the same bytes (the floor: the parser finds the page outline
//! with pulldown-cmark, then reads the schema blocks line by line).
//!
//! `cargo bench -p wixgen-schema --bench parse`
//!
//! Inputs: each line-structured page under `tests/fixtures/pages/`, and a ~4 MB page
//! whose REST schema block holds the params and return fields of all of them,
//! repeated (so that every line goes through the schema parser, the tree
//! builder and the nesting resolution, rather than being skipped); and the
//! pages of a 1,000-page corpus (`wixgen_corpus::generate(1000)`, the pages of
//! `cargo xtask corpus --pages 1000`), parsed one after another on one thread.
//! For the corpus the bench also prints the ratio of the two medians (the
//! target is within 3×).

/// The allocator of the `wixgen` and xtask binaries, so that the numbers are
/// those of the parse stage as generation runs it (both parsers use it).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const PAGES: [(&str, &str); 4] = [
    ("query-resource-types", "real/query-resource-types.md"),
    ("get-availability-time-slot", "real/get-availability-time-slot.md"),
    ("get-conversation", "reconstructed/get-conversation.md"),
    ("get-or-create-conversation", "seeds/get-or-create-conversation.md"),
];

/// Size of the synthetic page.
const BIG: usize = 4 << 20;

fn read(path: &str) -> String {
    let full = format!("{}/../../tests/fixtures/pages/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The lines of a page's REST schema block: (param lines, return-field lines).
fn rest_schema_parts(page: &str) -> (String, String) {
    let rest = &page[page.find("## REST API").expect("a REST section")..];
    let open = rest.find("```\n").expect("a schema fence") + 4;
    let block = &rest[open..open + rest[open..].find("\n```").expect("a closing fence")];
    let (mut params, mut fields) = (String::new(), String::new());
    let mut part = None;
    for line in block.lines() {
        match line.trim_start() {
            t if t.starts_with("Method parameters:") => part = Some(&mut params),
            t if t.starts_with("Return type:") => part = Some(&mut fields),
            t if t.starts_with("Possible Errors:") => part = None,
            _ => {
                if let Some(p) = part.as_deref_mut() {
                    p.push_str(line);
                    p.push('\n');
                }
            }
        }
    }
    (params, fields)
}

/// One page of about `size` bytes: a real header, then a REST schema block
/// with the params and return fields of every page, repeated.
fn big_page(pages: &[String], size: usize) -> String {
    let (params, fields): (String, String) = pages.iter().map(|p| rest_schema_parts(p)).unzip();
    let head = "# BigMethod\n\n# Package: bench\n\n# Namespace: BenchService\n\n\
                # Method link: https://dev.wix.com/docs/api-reference/bench/big-method.md\n\n\
                ## REST API\n\n### Schema\n\n```\n Method: bigMethod\n \
                URL: https://www.wixapis.com/bench/v1/big\n Method: POST\n Method parameters:\n";
    let unit = params.len() + fields.len();
    let copies = size.saturating_sub(head.len()) / unit + 1;
    let mut page = String::with_capacity(size + unit);
    page.push_str(head);
    for _ in 0..copies {
        page.push_str(&params);
    }
    page.push_str(" Return type: BigMethodResponse\n");
    for _ in 0..copies {
        page.push_str(&fields);
    }
    page.push_str("```\n");
    page
}

fn inputs() -> Vec<(String, String)> {
    let pages: Vec<String> = PAGES.iter().map(|(_, p)| read(p)).collect();
    let big = big_page(&pages, BIG);
    let mut out: Vec<(String, String)> = PAGES.iter().map(|(n, _)| n.to_string()).zip(pages).collect();
    out.push((format!("synthetic-{}MB", BIG >> 20), big));
    out
}

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn corpus(c: &mut Criterion) {
    let corpus = wixgen_corpus::generate(1000);
    let pages: Vec<&String> = corpus.files.values().collect();
    let bytes: usize = pages.iter().map(|p| p.len()).sum();
    let parse_all = || {
        for p in &pages {
            black_box(wixgen_schema::parse(black_box(p.as_bytes())));
        }
    };
    let events_all = || {
        for p in &pages {
            black_box(pulldown_cmark::Parser::new(black_box(p)).into_offset_iter().count());
        }
    };
    let failed = pages
        .iter()
        .filter(|p| wixgen_schema::parse(p.as_bytes()).has_errors())
        .count();
    assert_eq!(failed, 0, "corpus pages must parse");
    let ours = median(7, parse_all);
    let floor = median(7, events_all);
    let mb = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    eprintln!(
        "corpus-1000: {} pages, {bytes} bytes; wixgen_schema::parse {ours:.2?} ({:.0} MB/s), pulldown-cmark events {floor:.2?} ({:.0} MB/s); ratio {:.2}x (target: within 3x) [medians of 7, one thread]",
        pages.len(),
        mb(ours),
        mb(floor),
        ours.as_secs_f64() / floor.as_secs_f64()
    );
    let mut group = c.benchmark_group("corpus-1000");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("wixgen", |b| b.iter(parse_all));
    group.bench_function("pulldown-cmark", |b| b.iter(events_all));
    group.finish();
}

fn bench(c: &mut Criterion) {
    for (name, text) in inputs() {
        // The page must parse into something, not fail fast.
        let out = wixgen_schema::parse(text.as_bytes());
        let params = out
            .page
            .as_ref()
            .and_then(|p| p.rest.as_ref())
            .and_then(|s| s.schema.as_ref())
            .map_or(0, |b| b.params.len());
        assert!(params > 0, "{name}: no params parsed");
        eprintln!(
            "{name}: {} bytes, {params} REST params, {} diagnostics",
            text.len(),
            out.diagnostics.len()
        );

        let mut group = c.benchmark_group(name.as_str());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter("wixgen"), &text, |b, t| {
            b.iter(|| wixgen_schema::parse(black_box(t.as_bytes())))
        });
        group.bench_with_input(BenchmarkId::from_parameter("pulldown-cmark"), &text, |b, t| {
            b.iter(|| pulldown_cmark::Parser::new(black_box(t)).into_offset_iter().count())
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench, corpus
}
criterion_main!(benches);
