//! parse → lower → emit over a directory of method pages.
//!
//! 1. Every `*.md` file under the directory (recursively, hidden directories
//!    and `target/` skipped) is a page, taken in sorted path order.
//! 2. Each page is parsed once; the types every page lists are gathered into a
//!    [`TypeKnowledge`], and each page is parsed again with it, so nesting that
//!    one page leaves ambiguous is resolved from the others.
//! 3. A page with parse errors is skipped and reported with its rendered
//!    diagnostics; a markdown file that is not a method page (no `# Package:`,
//!    no REST or SDK section) is an article: it joins the docs of the package
//!    whose method pages share its folder ([`crate::articles`]), or is skipped
//!    with a note (outside package folders) or a warning.
//! 4. The remaining pages are lowered together (lowering may skip more pages,
//!    with errors), and the IR is emitted, with `COVERAGE.md` ([`crate::coverage`]).

use crate::articles::PlacedArticle;
use crate::emit::{self, CrateOptions, EmitOptions};
use crate::examples::{CheckedExample, check_examples};
use crate::format_cache::FormatCache;
use crate::response_examples::{CheckedResponse, check_responses};
use crate::{GeneratedFiles, Header};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
pub use wixgen_ir::load::{PageReport, PageStatus};
use wixgen_ir::{IrDiagnostic, TypeDecisions};

#[derive(Debug, Clone)]
pub struct Options {
    /// How page paths are written in reports, IR source references and
    /// generated comments: `<label>/<path under the directory>`. `schemas` for
    /// the checked-in crate.
    pub label: String,
    pub header: Header,
    pub krate: CrateOptions,
    /// A [`FormatCache`] file: files whose tokens it knows are not formatted
    /// again, and it is saved after the run. `None`: format every file.
    pub format_cache: Option<PathBuf>,
}

impl Options {
    /// The options of the checked-in `crates/wix-apis`.
    pub fn checked_in() -> Self {
        Options {
            label: "schemas".to_owned(),
            header: Header::checked_in(),
            krate: CrateOptions::default(),
            format_cache: None,
        }
    }
}

/// The outcome of [`generate`].
#[derive(Debug, Clone)]
pub struct Generation {
    pub api: wixgen_ir::Api,
    pub files: GeneratedFiles,
    pub pages: Vec<PageReport>,
    pub lower_diagnostics: Vec<IrDiagnostic>,
    /// Which listings became one type, which short names several.
    pub types: TypeDecisions,
    pub examples: Vec<CheckedExample>,
    /// The JavaScript examples' `/* Promise resolves to: */` objects, checked.
    pub responses: Vec<CheckedResponse>,
    /// The article pages, and the package docs each joined.
    pub articles: Vec<PlacedArticle>,
    /// Where the time went.
    pub timings: Timings,
    /// What the format cache did (`Options::format_cache`), one line.
    pub format_cache: Option<String>,
}

impl Generation {
    /// True when some page was skipped because of an error (parse or lowering).
    pub fn has_errors(&self) -> bool {
        self.pages.iter().any(|p| p.status == PageStatus::ParseErrors)
            || self.lower_diagnostics.iter().any(IrDiagnostic::is_error)
    }

    /// A human-readable report: skipped pages with their diagnostics, lowering
    /// diagnostics, skipped examples and a summary line.
    pub fn report(&self) -> String {
        let mut s = String::new();
        for p in &self.pages {
            match p.status {
                PageStatus::ParseErrors => {
                    s.push_str(&format!("{}: skipped: {} parse error(s)\n", p.path, p.errors));
                    for r in &p.rendered {
                        s.push_str(r);
                        if !r.ends_with('\n') {
                            s.push('\n');
                        }
                    }
                }
                PageStatus::NotAMethodPage => s.push_str(&self.article_report_line(&p.path)),
                PageStatus::Parsed => {}
            }
            for w in &p.warning_lines {
                s.push_str(w);
                s.push('\n');
            }
        }
        for d in &self.lower_diagnostics {
            if d.is_error() {
                s.push_str(&d.render());
            } else {
                s.push_str(&d.one_line());
                s.push('\n');
            }
        }
        s.push_str(&self.splits_report());
        if let Some(line) = &self.format_cache {
            s.push_str(line);
            s.push('\n');
        }
        for e in &self.examples {
            if let Some(reason) = e.skip_reason() {
                s.push_str(&format!("note: example skipped: {reason}\n"));
            }
        }
        for r in &self.responses {
            for w in r.warnings() {
                s.push_str(&w);
                s.push('\n');
            }
        }
        let parsed = self.pages.iter().filter(|p| p.status == PageStatus::Parsed).count();
        let failed = self
            .pages
            .iter()
            .filter(|p| p.status == PageStatus::ParseErrors)
            .count();
        let methods: usize = self
            .api
            .packages
            .iter()
            .flat_map(|p| &p.services)
            .map(|s| s.methods.len())
            .sum();
        let tests = self
            .examples
            .iter()
            .filter(|e| matches!(e.outcome, crate::examples::Outcome::Test { .. }))
            .count()
            + self.responses.iter().filter(|r| r.is_test()).count();
        let plugin_methods: usize = self
            .api
            .packages
            .iter()
            .flat_map(|p| &p.services)
            .map(|s| s.plugin_methods.len())
            .sum();
        s.push_str(&format!(
            "{} page(s) found, {parsed} parsed, {failed} skipped for errors; {} package(s), {methods} method(s), {plugin_methods} service-plugin method(s), {tests} example test(s)\n",
            self.pages.len(),
            self.api.packages.len(),
        ));
        s.push_str(&self.types_summary());
        s.push('\n');
        s
    }

    /// One line: how many merges and splits lowering made.
    pub fn types_summary(&self) -> String {
        let merged_listings: usize = self.types.merges.iter().map(|m| m.sources.len()).sum();
        let split_types: usize = self.types.splits.iter().map(|s| s.types.len()).sum();
        format!(
            "types: {} merge(s) ({merged_listings} listings into {} types), {} split(s) ({} short names into {split_types} types)",
            self.types.merges.len(),
            self.types.merges.len(),
            self.types.splits.len(),
            self.types.splits.len(),
        )
    }

    /// Every split, one line each with its types and where they are listed.
    pub fn splits_report(&self) -> String {
        let mut s = String::new();
        for split in &self.types.splits {
            let parts: Vec<String> = split
                .types
                .iter()
                .map(|t| {
                    let at = t.sources.first().map(wixgen_ir::diag::location).unwrap_or_default();
                    let why = if t.reason.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", t.reason)
                    };
                    format!(
                        "`{}` ({}, {} listing(s), first at {at}{why})",
                        t.rust_name,
                        t.kind,
                        t.sources.len()
                    )
                })
                .collect();
            s.push_str(&format!(
                "note: split: `{}` of package `{}` is {} types: {}\n",
                split.name,
                split.package,
                split.types.len(),
                parts.join("; ")
            ));
        }
        s
    }
}

/// Generate the crate from every page under `schemas_dir`.
pub fn generate(schemas_dir: &Path, options: &Options) -> io::Result<Generation> {
    let start = Instant::now();
    let rels = wixgen_schema::find_pages(schemas_dir)?;
    let mut parsed = wixgen_ir::load::load_pages(schemas_dir, &rels, &options.label)?;
    let parsed_at = Instant::now();
    let lowered = parsed.assemble();
    let lowered_at = Instant::now();
    let articles = crate::articles::place(&lowered.api, &options.label, &parsed.articles);
    let emit_options = EmitOptions {
        header: options.header.clone(),
        krate: options.krate.clone(),
        examples: std::mem::take(&mut parsed.examples),
        responses: std::mem::take(&mut parsed.responses),
        articles,
    };
    let clock = match &options.format_cache {
        Some(path) => emit::EmitClock::with_cache(FormatCache::load(path)),
        None => emit::EmitClock::default(),
    };
    let examples = check_examples(&lowered.api, &emit_options.examples);
    let responses = check_responses(&lowered.api, &emit_options.responses);
    let files = emit::emit_checked(&lowered.api, &emit_options, &clock, &examples, &responses);
    let emitted_at = Instant::now();
    let format_cache = clock.cache().map(|cache| {
        let saved = match cache.save() {
            Ok(()) => String::new(),
            Err(e) => format!("; not saved ({e}): the next run formats every file"),
        };
        format!(
            "note: format cache {}: {} of {} file(s) taken from it, not formatted again{saved}",
            cache.path().display(),
            cache.hits(),
            cache.lookups(),
        )
    });
    let mut generation = Generation {
        api: lowered.api,
        files,
        pages: parsed.reports,
        lower_diagnostics: lowered.diagnostics,
        types: lowered.types,
        examples,
        responses,
        articles: emit_options.articles,
        timings: Timings {
            bytes: parsed.bytes,
            pages: parsed_at - start,
            parse_cpu: parsed.parse_cpu,
            lower_cpu: parsed.lower_cpu,
            assemble: lowered_at - parsed_at,
            emit_and_format: emitted_at - lowered_at,
            emit_cpu: clock.emit(),
            format_cpu: clock.format(),
        },
        format_cache,
    };
    crate::coverage::add_to(&mut generation, &options.header);
    // COVERAGE.md is part of emission.
    generation.timings.emit_and_format = lowered_at.elapsed();
    Ok(generation)
}

/// Where [`generate`] spent its time. Stages that run interleaved on several
/// threads (reading and parsing with lowering each page; building token
/// streams with formatting them) are measured as one wall time, shared out by
/// the CPU time each half took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Bytes of pages read.
    pub bytes: usize,
    /// Wall time reading, parsing and lowering each page.
    pub pages: Duration,
    /// CPU time reading and parsing (both resolutions), summed over threads.
    pub parse_cpu: Duration,
    /// CPU time lowering single pages, summed over threads.
    pub lower_cpu: Duration,
    /// Wall time assembling the lowered pages into packages.
    pub assemble: Duration,
    /// Wall time building and formatting every file.
    pub emit_and_format: Duration,
    /// CPU time building token streams, summed over threads.
    pub emit_cpu: Duration,
    /// CPU time formatting them with prettyplease, summed over threads.
    pub format_cpu: Duration,
}

/// `wall` shared out between two halves by their CPU times.
fn share(wall: Duration, first_cpu: Duration, second_cpu: Duration) -> (f64, f64) {
    let cpu = first_cpu.as_secs_f64() + second_cpu.as_secs_f64();
    let first = if cpu > 0.0 {
        wall.as_secs_f64() * first_cpu.as_secs_f64() / cpu
    } else {
        0.0
    };
    (first, wall.as_secs_f64() - first)
}

impl Timings {
    /// Wall seconds of parse, lower, emit and format.
    pub fn stages(&self) -> [f64; 4] {
        let (parse, lower_pages) = share(self.pages, self.parse_cpu, self.lower_cpu);
        let (emit, format) = share(self.emit_and_format, self.emit_cpu, self.format_cpu);
        [parse, lower_pages + self.assemble.as_secs_f64(), emit, format]
    }

    /// One line for `--timings`: stage times and shares, and throughput;
    /// `write` is the caller's.
    pub fn line(&self, write: Duration) -> String {
        let [parse, lower, emit, format] = self.stages();
        let write = write.as_secs_f64();
        let total = parse + lower + emit + format + write;
        let pct = |d: f64| if total > 0.0 { 100.0 * d / total } else { 0.0 };
        format!(
            "timings: total {total:.2}s, {:.1} MB/s; parse {parse:.2}s ({:.0}%), lower {lower:.2}s ({:.0}%), emit {emit:.2}s ({:.0}%), format {format:.2}s ({:.0}%), write {write:.2}s ({:.0}%) [parse+lower and emit+format run interleaved; their wall times are shared out by CPU time]",
            self.bytes as f64 / 1e6 / total.max(1e-9),
            pct(parse),
            pct(lower),
            pct(emit),
            pct(format),
            pct(write),
        )
    }
}
