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
use crate::emit::{self, CrateOptions, EmitOptions};
use crate::examples::{CheckedExample, RequestExample, check_examples};
use crate::response_examples::{CheckedResponse, ResponseExample, check_responses, response_examples};
use crate::{GeneratedFiles, Header};
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use wixgen_ir::{IrDiagnostic, PageInput, TypeDecisions};
use wixgen_schema::{Page, ParseOutput, TypeKnowledge};

#[derive(Debug, Clone)]
pub struct Options {
    /// How page paths are written in reports, IR source references and
    /// generated comments: `<label>/<path under the directory>`. `schemas` for
    /// the checked-in crate.
    pub label: String,
    pub header: Header,
    pub krate: CrateOptions,
}

impl Options {
    /// The options of the checked-in `crates/wix-apis`.
    pub fn checked_in() -> Self {
        Options {
            label: "schemas".to_owned(),
            header: Header::checked_in(),
            krate: CrateOptions::default(),
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

/// Pages read and parsed, ready for lowering.
pub struct Parsed {
    pub inputs: Vec<PageInput>,
    pub examples: Vec<RequestExample>,
    /// The `/* Promise resolves to: */` objects of the SDK examples.
    pub responses: Vec<ResponseExample>,
    /// Pages that are not method pages, with their text.
    pub articles: Vec<ArticleSource>,
    pub reports: Vec<PageReport>,
    /// Bytes of the pages read.
    pub bytes: usize,
}

fn is_method_page(page: &Page) -> bool {
    page.package.is_some() || page.rest.is_some() || page.sdk.is_some()
}

/// Read and parse the pages `rels` under `dir`, in parallel. Each page's
/// markdown is read once; its nesting is resolved twice: first with the
/// built-in type knowledge, to learn the types every page lists, then with
/// all of that (see [`wixgen_schema::Unresolved`]).
pub fn parse_pages(dir: &Path, rels: &[PathBuf], label: &str) -> io::Result<Parsed> {
    let sources: Vec<(String, Vec<u8>)> = rels
        .par_iter()
        .map(|rel| {
            let path = dir.join(rel);
            let bytes = fs::read(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            let shown = if label.is_empty() {
                slash_path(rel)
            } else {
                format!("{}/{}", label.trim_end_matches('/'), slash_path(rel))
            };
            Ok((shown, bytes))
        })
        .collect::<io::Result<_>>()?;
    let bytes = sources.iter().map(|(_, b)| b.len()).sum();
    let unresolved: Vec<wixgen_schema::Unresolved> = sources
        .par_iter()
        .map(|(_, bytes)| wixgen_schema::parse_unresolved(bytes))
        .collect();
    let builtin = TypeKnowledge::builtin();
    let mut knowledge = unresolved
        .par_iter()
        .map(|u| {
            let mut k = TypeKnowledge::empty();
            if let Some(page) = u.resolve(&builtin).page
                && is_method_page(&page)
            {
                k.add_page(&page);
            }
            k
        })
        .reduce(TypeKnowledge::empty, |mut a, b| {
            a.merge(b);
            a
        });
    knowledge.merge(builtin);
    let outcomes: Vec<PageOutcome> = sources
        .into_par_iter()
        .zip(unresolved)
        .map(|((shown, bytes), unresolved)| page_outcome(shown, &bytes, unresolved.into_resolved(&knowledge)))
        .collect();
    let mut parsed = Parsed {
        inputs: Vec::new(),
        examples: Vec::new(),
        responses: Vec::new(),
        articles: Vec::new(),
        reports: Vec::new(),
        bytes,
    };
    for (input, (examples, responses, article), report) in outcomes {
        parsed.inputs.extend(input);
        parsed.examples.extend(examples);
        parsed.responses.extend(responses);
        parsed.articles.extend(article);
        parsed.reports.push(report);
    }
    Ok(parsed)
}

/// What a page gives besides its input to lowering: its request examples,
/// its response examples, and its text when it is an article.
type PageExtras = (Vec<RequestExample>, Vec<ResponseExample>, Option<ArticleSource>);

type PageOutcome = (Option<PageInput>, PageExtras, PageReport);

/// What became of one parsed page: its input to lowering (when it is a
/// method page without errors), its examples (or article), and its report.
fn page_outcome(shown: String, bytes: &[u8], out: ParseOutput) -> PageOutcome {
    let text = String::from_utf8_lossy(bytes);
    let errors = out.errors().count();
    let warnings = out.warnings().count();
    let status = match &out.page {
        Some(page) if !is_method_page(page) => PageStatus::NotAMethodPage,
        _ if out.has_errors() => PageStatus::ParseErrors,
        None => PageStatus::ParseErrors,
        Some(_) => PageStatus::Parsed,
    };
    let (rendered, warning_lines) = if status == PageStatus::NotAMethodPage {
        (Vec::new(), Vec::new())
    } else {
        (
            out.errors().map(|d| d.render(&shown, &text, false)).collect(),
            out.warnings().map(|d| d.one_line(&shown)).collect(),
        )
    };
    let mut input = None;
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
        input = Some(PageInput {
            path: shown.clone(),
            page,
        });
    }
    let report = PageReport {
        path: shown,
        status,
        rendered,
        warning_lines,
        errors,
        warnings,
    };
    (input, (examples, responses, article), report)
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
    let parsed = parse_pages(schemas_dir, &rels, &options.label)?;
    let parsed_at = Instant::now();
    let Parsed {
        inputs,
        examples: request_examples,
        responses,
        articles,
        reports,
        bytes,
    } = parsed;
    let lowered = wixgen_ir::lower(&inputs);
    // The page models are not needed past lowering.
    drop(inputs);
    let lowered_at = Instant::now();
    let articles = crate::articles::place(&lowered.api, &options.label, &articles);
    let emit_options = EmitOptions {
        header: options.header.clone(),
        krate: options.krate.clone(),
        examples: request_examples,
        responses,
        articles,
    };
    let clock = emit::EmitClock::default();
    let files = emit::emit_timed(&lowered.api, &emit_options, &clock);
    let examples = check_examples(&lowered.api, &emit_options.examples);
    let responses = check_responses(&lowered.api, &emit_options.responses);
    let emitted_at = Instant::now();
    let mut generation = Generation {
        api: lowered.api,
        files,
        pages: reports,
        lower_diagnostics: lowered.diagnostics,
        types: lowered.types,
        examples,
        responses,
        articles: emit_options.articles,
        timings: Timings {
            bytes,
            parse: parsed_at - start,
            lower: lowered_at - parsed_at,
            emit_and_format: emitted_at - lowered_at,
            emit_cpu: clock.emit(),
            format_cpu: clock.format(),
        },
    };
    crate::coverage::add_to(&mut generation, &options.header);
    Ok(generation)
}

/// Where [`generate`] spent its time (wall clock, except the CPU times of the
/// two halves of emission, which run on several threads).
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Bytes of pages read.
    pub bytes: usize,
    /// Reading and parsing every page (both resolutions).
    pub parse: Duration,
    /// Lowering into the IR.
    pub lower: Duration,
    /// Building and formatting every file.
    pub emit_and_format: Duration,
    /// CPU time building token streams, summed over threads.
    pub emit_cpu: Duration,
    /// CPU time formatting them with prettyplease, summed over threads.
    pub format_cpu: Duration,
}

impl Timings {
    /// One line for `--timings`: stage times, the share of emit and format
    /// within emission, and throughput; `write` is the caller's.
    pub fn line(&self, write: Duration) -> String {
        let total = self.parse + self.lower + self.emit_and_format + write;
        let secs = |d: Duration| d.as_secs_f64();
        let cpu = secs(self.emit_cpu) + secs(self.format_cpu);
        let emit_share = if cpu > 0.0 { secs(self.emit_cpu) / cpu } else { 0.0 };
        let emit_wall = secs(self.emit_and_format) * emit_share;
        let format_wall = secs(self.emit_and_format) - emit_wall;
        let pct = |d: f64| {
            if secs(total) > 0.0 {
                100.0 * d / secs(total)
            } else {
                0.0
            }
        };
        format!(
            "timings: total {:.2}s, {:.1} MB/s; parse {:.2}s ({:.0}%), lower {:.2}s ({:.0}%), emit {:.2}s ({:.0}%), format {:.2}s ({:.0}%), write {:.2}s ({:.0}%) [emit and format share their wall time by CPU time: {:.2}s + {:.2}s]",
            secs(total),
            self.bytes as f64 / 1e6 / secs(total).max(1e-9),
            secs(self.parse),
            pct(secs(self.parse)),
            secs(self.lower),
            pct(secs(self.lower)),
            emit_wall,
            pct(emit_wall),
            format_wall,
            pct(format_wall),
            secs(write),
            pct(secs(write)),
            secs(self.emit_cpu),
            secs(self.format_cpu),
        )
    }
}
