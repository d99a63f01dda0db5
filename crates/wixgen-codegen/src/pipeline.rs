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

use crate::articles::{ArticleSource, PlacedArticle};
use crate::cpu_clock::CpuClock;
use crate::emit::{self, CrateOptions, EmitOptions};
use crate::examples::{CheckedExample, RequestExample, check_examples};
use crate::format_cache::FormatCache;
use crate::response_examples::{CheckedResponse, ResponseExample, check_responses, response_examples};
use crate::{GeneratedFiles, Header};
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use wixgen_ir::{IrDiagnostic, PageInput, PageLowering, TypeDecisions};
use wixgen_schema::{Page, ParseOutput, TypeKnowledge};

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

/// What happened to one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStatus {
    /// Parsed and handed to lowering.
    Parsed,
    /// Skipped: the parser reported errors.
    ParseErrors,
    /// Skipped: a markdown file that is not a method page.
    NotAMethodPage,
}

#[derive(Debug, Clone)]
pub struct PageReport {
    /// `schemas/inbox/get-conversation.md`
    pub path: String,
    pub status: PageStatus,
    /// The parser's errors, rendered like rustc.
    pub rendered: Vec<String>,
    /// The parser's warnings, one line each (`path:line:col: warning[code]: message`).
    pub warning_lines: Vec<String>,
    /// The parser's errors themselves (what `rendered` renders), for callers
    /// that word them their own way, like `include_api!`.
    pub error_diagnostics: Vec<wixgen_schema::Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
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
        let count = |status| self.pages.iter().filter(|p| p.status == status).count();
        let (parsed, failed, articles) = (
            count(PageStatus::Parsed),
            count(PageStatus::ParseErrors),
            count(PageStatus::NotAMethodPage),
        );
        // Pages lowering skipped: those an error is about, and webhook pages.
        let skipped_by = |pick: fn(&IrDiagnostic) -> bool| {
            let pages: std::collections::BTreeSet<&str> = self
                .lower_diagnostics
                .iter()
                .filter(|d| pick(d))
                .map(|d| d.primary.page.as_str())
                .collect();
            pages.len()
        };
        let lowering = skipped_by(IrDiagnostic::is_error);
        let webhooks = skipped_by(|d| d.code == wixgen_ir::codes::WEBHOOK_SKIPPED);
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
            "{} page(s) found: {} generated, {failed} skipped for parse errors, {lowering} skipped for lowering errors, {webhooks} webhook page(s) skipped, {articles} article(s) (not method pages); {} package(s), {methods} method(s), {plugin_methods} service-plugin method(s), {tests} example test(s)\n",
            self.pages.len(),
            parsed.saturating_sub(lowering + webhooks),
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

/// Every `*.md` file under `dir`, relative to it, sorted (`/`-separated order).
pub fn find_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let here = root.join(rel);
        let entries = fs::read_dir(&here).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", here.display())))?;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let name_str = name.to_string_lossy();
            if name_str.starts_with('.') || name_str == "target" {
                continue;
            }
            let child = rel.join(&name);
            let ty = entry.file_type()?;
            if ty.is_dir() {
                walk(root, &child, out)?;
            } else if ty.is_file() && name_str.ends_with(".md") {
                out.push(child);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut out)?;
    out.sort_by_key(|p| slash_path(p));
    Ok(out)
}

fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Pages read, parsed and lowered one by one, ready to be assembled
/// ([`Parsed::assemble`]). The page models themselves are not kept: each is
/// dropped as soon as it is lowered, so memory holds drafts, not pages.
pub struct Parsed {
    /// Every method page parsed without errors, lowered on its own.
    pub pages: Vec<PageLowering>,
    pub examples: Vec<RequestExample>,
    /// The `/* Promise resolves to: */` objects of the SDK examples.
    pub responses: Vec<ResponseExample>,
    /// Pages that are not method pages, with their text.
    pub articles: Vec<ArticleSource>,
    pub reports: Vec<PageReport>,
    /// Bytes of the pages read.
    pub bytes: usize,
    /// CPU time spent lowering pages, summed over threads (part of the wall
    /// time of [`parse_pages`]).
    pub lower_cpu: Duration,
    /// CPU time spent reading and parsing, summed over threads.
    pub parse_cpu: Duration,
}

impl Parsed {
    /// Assemble the lowered pages into the IR ([`wixgen_ir::assemble`]).
    pub fn assemble(&mut self) -> wixgen_ir::LowerOutput {
        wixgen_ir::assemble(std::mem::take(&mut self.pages))
    }
}

fn is_method_page(page: &Page) -> bool {
    page.package.is_some() || page.rest.is_some() || page.sdk.is_some()
}

/// What one page became.
struct Outcome {
    lowered: Option<PageLowering>,
    examples: Vec<RequestExample>,
    /// The `/* Promise resolves to: */` objects of its SDK examples.
    responses: Vec<ResponseExample>,
    /// Its text, when it is an article.
    article: Option<ArticleSource>,
    report: PageReport,
}

/// A page after the first pass: final, or waiting for every page's type
/// knowledge (its nesting asked something the built-in knowledge answered).
enum FirstPass {
    Done(Box<Outcome>),
    Again { shown: String, bytes: Vec<u8> },
}

/// Read, parse and lower the pages `rels` under `dir`, in parallel.
///
/// Nesting that a page leaves ambiguous is resolved from the types every page
/// lists ([`TypeKnowledge`]). First pass: each page is parsed and resolved with
/// the built-in knowledge, and what it lists is gathered; a page whose
/// resolution asked nothing of the knowledge is final, and is lowered at once
/// (its page model dropped). Second pass: the pages that did ask are parsed
/// again and resolved with everything the first pass learned.
pub fn parse_pages(dir: &Path, rels: &[PathBuf], label: &str) -> io::Result<Parsed> {
    let builtin = TypeKnowledge::builtin();
    let parse_clock = CpuClock::default();
    let lower_clock = CpuClock::default();
    let first: Vec<(usize, FirstPass, TypeKnowledge)> = rels
        .par_iter()
        .map(|rel| {
            let (shown, bytes) = parse_clock.time(|| read_page(dir, rel, label))?;
            let size = bytes.len();
            let (out, asked) =
                parse_clock.time(|| wixgen_schema::parse_unresolved(&bytes).into_resolved_asking(&builtin));
            let mut knowledge = TypeKnowledge::empty();
            if let Some(page) = &out.page
                && is_method_page(page)
            {
                knowledge.add_page(page);
            }
            let pass = if asked {
                FirstPass::Again { shown, bytes }
            } else {
                FirstPass::Done(Box::new(outcome(shown, &bytes, out, &lower_clock)))
            };
            Ok((size, pass, knowledge))
        })
        .collect::<io::Result<_>>()?;
    let mut bytes = 0;
    let mut knowledge = builtin;
    let mut passes = Vec::with_capacity(first.len());
    for (size, pass, k) in first {
        bytes += size;
        knowledge.merge(k);
        passes.push(pass);
    }
    let outcomes: Vec<Outcome> = passes
        .into_par_iter()
        .map(|pass| match pass {
            FirstPass::Done(o) => *o,
            FirstPass::Again { shown, bytes } => {
                let out = parse_clock.time(|| wixgen_schema::parse_unresolved(&bytes).into_resolved(&knowledge));
                outcome(shown, &bytes, out, &lower_clock)
            }
        })
        .collect();
    let mut parsed = Parsed {
        pages: Vec::new(),
        examples: Vec::new(),
        responses: Vec::new(),
        articles: Vec::new(),
        reports: Vec::new(),
        bytes,
        lower_cpu: lower_clock.get(),
        parse_cpu: parse_clock.get(),
    };
    for o in outcomes {
        parsed.pages.extend(o.lowered);
        parsed.examples.extend(o.examples);
        parsed.responses.extend(o.responses);
        parsed.articles.extend(o.article);
        parsed.reports.push(o.report);
    }
    Ok(parsed)
}

/// A page's bytes and the path shown for it: `<label>/<path under dir>`.
fn read_page(dir: &Path, rel: &Path, label: &str) -> io::Result<(String, Vec<u8>)> {
    let path = dir.join(rel);
    let bytes = fs::read(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let shown = if label.is_empty() {
        slash_path(rel)
    } else {
        format!("{}/{}", label.trim_end_matches('/'), slash_path(rel))
    };
    Ok((shown, bytes))
}

/// What became of one parsed page: lowered (when it is a method page without
/// errors), its examples (or its text, when it is an article), and its report.
/// The page model is dropped.
fn outcome(shown: String, bytes: &[u8], out: ParseOutput, lower_clock: &CpuClock) -> Outcome {
    let text = String::from_utf8_lossy(bytes);
    let errors = out.errors().count();
    let warnings = out.warnings().count();
    let status = match &out.page {
        Some(page) if !is_method_page(page) => PageStatus::NotAMethodPage,
        _ if out.has_errors() => PageStatus::ParseErrors,
        None => PageStatus::ParseErrors,
        Some(_) => PageStatus::Parsed,
    };
    let (rendered, warning_lines, error_diagnostics) = if status == PageStatus::NotAMethodPage {
        (Vec::new(), Vec::new(), Vec::new())
    } else {
        (
            out.errors().map(|d| d.render(&shown, &text, false)).collect(),
            out.warnings().map(|d| d.one_line(&shown)).collect(),
            out.errors().cloned().collect(),
        )
    };
    let mut lowered = None;
    let mut examples = Vec::new();
    let mut responses = Vec::new();
    let article = (status == PageStatus::NotAMethodPage).then(|| ArticleSource {
        path: shown.clone(),
        text: text.clone().into_owned(),
    });
    if status == PageStatus::Parsed
        && let Some(page) = out.page
    {
        examples = request_examples(&shown, &page);
        responses = response_examples(&shown, &page);
        let input = PageInput {
            path: shown.clone(),
            page,
        };
        lowered = Some(lower_clock.time(|| wixgen_ir::lower_page(&input)));
    }
    let report = PageReport {
        path: shown,
        status,
        rendered,
        warning_lines,
        error_diagnostics,
        errors,
        warnings,
    };
    Outcome {
        lowered,
        examples,
        responses,
        article,
        report,
    }
}

/// The REST curl examples of a page.
pub fn request_examples(path: &str, page: &Page) -> Vec<RequestExample> {
    let (Some(package), Some(service), Some(method)) = (&page.package, &page.namespace, &page.title) else {
        return Vec::new();
    };
    let Some(rest) = &page.rest else { return Vec::new() };
    rest.examples
        .iter()
        .filter_map(|e| {
            let curl = e.curl.as_ref()?;
            let line = curl.body.as_ref().map_or(e.code.span.line, |b| b.span.line);
            Some(RequestExample {
                page: path.to_owned(),
                line,
                package: package.value.clone(),
                service: service.value.clone(),
                method: method.value.clone(),
                title: e.title.value.clone(),
                verb: curl.verb.as_ref().map(|v| v.value.clone()),
                url: curl.url.as_ref().map(|u| u.value.clone()),
                body: curl.body.as_ref().map(|b| b.value.clone()),
            })
        })
        .collect()
}

/// Generate the crate from every page under `schemas_dir`.
pub fn generate(schemas_dir: &Path, options: &Options) -> io::Result<Generation> {
    let start = Instant::now();
    let rels = find_pages(schemas_dir)?;
    let mut parsed = parse_pages(schemas_dir, &rels, &options.label)?;
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
