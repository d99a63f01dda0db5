//! The load stage: pages on disk → the model every consumer reads.
//!
//! 1. Every `*.md` file under a directory is a page ([`wixgen_schema::find_pages`]).
//! 2. Each page is parsed once and resolved with the built-in type knowledge;
//!    the types every method page lists are gathered into a [`TypeKnowledge`],
//!    and the pages whose nesting asked the knowledge something are parsed
//!    again with it, so nesting that one page leaves ambiguous is resolved from
//!    the others.
//! 3. A method page without parse errors is lowered at once ([`crate::lower_page`])
//!    and its curl and JavaScript examples are taken out ([`RequestExample`],
//!    [`ResponseExample`]); its page model is then dropped. A page with parse
//!    errors is reported ([`PageReport`]); a markdown file that is not a method
//!    page is an article ([`ArticleSource`]).
//! 4. [`LoadedPages::assemble`] decides type identity across pages and builds
//!    the packages ([`crate::assemble`]), puts each example on the method its
//!    page names ([`crate::model::Method::examples`]) and each article with the
//!    package whose method pages share its folder ([`crate::articles`]), and
//!    reads each `Promise resolves to` object into wire names
//!    ([`crate::sdk_objects`]); what
//!    finds no place is in [`crate::model::Api::unplaced`].
//!
//! Nothing after this stage sees a [`wixgen_schema::Page`]: codegen,
//! `wixgen diff` and `include_api!` read what this module returns.

use crate::cpu_clock::CpuClock;
use crate::model::{Api, MethodExamples, ResponseObject};
pub use crate::model::{ArticleSource, RequestExample, ResponseExample};
use crate::{PageInput, PageLowering};
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;
use wixgen_schema::promise_comments::promise_comments;
use wixgen_schema::{Page, ParseOutput, Section, TypeExpr, TypeKnowledge, slash_path};

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

/// Pages read, parsed and lowered one by one, ready to be assembled
/// ([`LoadedPages::assemble`]). The page models themselves are not kept: each
/// is dropped as soon as it is lowered, so memory holds drafts, not pages.
pub struct LoadedPages {
    /// Every method page parsed without errors, lowered on its own.
    pub pages: Vec<PageLowering>,
    /// The examples of those pages, in page order: [`LoadedPages::assemble`]
    /// puts them on their methods.
    examples: MethodExamples,
    /// Pages that are not method pages, with their text:
    /// [`LoadedPages::assemble`] places them with their packages.
    articles: Vec<ArticleSource>,
    /// The prefix of shown paths (`schemas`).
    label: String,
    pub reports: Vec<PageReport>,
    /// Bytes of the pages read.
    pub bytes: usize,
    /// CPU time spent lowering pages, summed over threads (part of the wall
    /// time of [`load_pages`]).
    pub lower_cpu: Duration,
    /// CPU time spent reading and parsing, summed over threads.
    pub parse_cpu: Duration,
}

impl LoadedPages {
    /// Assemble the lowered pages into the IR ([`crate::assemble`]), then put
    /// each example on its method ([`crate::model::Method::examples`]) and
    /// each article with its package ([`crate::articles::place`]).
    pub fn assemble(&mut self) -> crate::LowerOutput {
        let mut out = crate::assemble(std::mem::take(&mut self.pages));
        attach_examples(&mut out.api, std::mem::take(&mut self.examples));
        out.api
            .packages
            .par_iter_mut()
            .for_each(crate::sdk_objects::read_package);
        crate::articles::place(&mut out.api, &self.label, std::mem::take(&mut self.articles));
        out
    }
}

/// Each example goes to the method its page names (`# Package:`,
/// `# Namespace:` and title): a generated method, else a service-plugin
/// method, else [`Api::unplaced`]. Each list stays in page order.
fn attach_examples(api: &mut Api, examples: MethodExamples) {
    fn target<'a>(api: &'a mut Api, package: &str, service: &str, method: &str) -> &'a mut MethodExamples {
        let index = api.packages.iter().position(|p| p.name == package).and_then(|p| {
            let services = &api.packages[p].services;
            let found = |plugin: bool| {
                services.iter().enumerate().find_map(|(s, svc)| {
                    let at = if svc.name != service {
                        None
                    } else if plugin {
                        svc.plugin_methods.iter().position(|m| m.name == method)
                    } else {
                        svc.methods.iter().position(|m| m.name == method)
                    };
                    at.map(|m| (p, s, m, plugin))
                })
            };
            found(false).or_else(|| found(true))
        });
        match index {
            Some((p, s, m, false)) => &mut api.packages[p].services[s].methods[m].examples,
            Some((p, s, m, true)) => &mut api.packages[p].services[s].plugin_methods[m].examples,
            None => &mut api.unplaced.examples,
        }
    }
    for e in examples.requests {
        target(api, &e.package, &e.service, &e.method).requests.push(e);
    }
    for e in examples.responses {
        target(api, &e.package, &e.service, &e.method).responses.push(e);
    }
}

/// What one page became.
struct PageOutcome {
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
    Done(Box<PageOutcome>),
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
pub fn load_pages(dir: &Path, rels: &[PathBuf], label: &str) -> io::Result<LoadedPages> {
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
                && page.is_method_page()
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
    let outcomes: Vec<PageOutcome> = passes
        .into_par_iter()
        .map(|pass| match pass {
            FirstPass::Done(o) => *o,
            FirstPass::Again { shown, bytes } => {
                let out = parse_clock.time(|| wixgen_schema::parse_unresolved(&bytes).into_resolved(&knowledge));
                outcome(shown, &bytes, out, &lower_clock)
            }
        })
        .collect();
    let mut loaded = LoadedPages {
        pages: Vec::new(),
        examples: MethodExamples::default(),
        articles: Vec::new(),
        label: label.to_owned(),
        reports: Vec::new(),
        bytes,
        lower_cpu: lower_clock.get(),
        parse_cpu: parse_clock.get(),
    };
    for o in outcomes {
        loaded.pages.extend(o.lowered);
        loaded.examples.requests.extend(o.examples);
        loaded.examples.responses.extend(o.responses);
        loaded.articles.extend(o.article);
        loaded.reports.push(o.report);
    }
    Ok(loaded)
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
fn outcome(shown: String, bytes: &[u8], out: ParseOutput, lower_clock: &CpuClock) -> PageOutcome {
    // Validated first as UTF-8 (fast on ASCII); only a page that is not is
    // converted replacing invalid bytes.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let errors = out.errors().count();
    let warnings = out.warnings().count();
    let status = match &out.page {
        Some(page) if !page.is_method_page() => PageStatus::NotAMethodPage,
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
        lowered = Some(lower_clock.time(|| crate::lower_page(&input)));
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
    PageOutcome {
        lowered,
        examples,
        responses,
        article,
        report,
    }
}

/// The REST curl examples of a page.
fn request_examples(path: &str, page: &Page) -> Vec<RequestExample> {
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

/// The `/* Promise resolves to: */` objects of a page's SDK examples.
fn response_examples(path: &str, page: &Page) -> Vec<ResponseExample> {
    let (Some(package), Some(service), Some(method)) = (&page.package, &page.namespace, &page.title) else {
        return Vec::new();
    };
    let Some(sdk) = &page.sdk else { return Vec::new() };
    let returns = |section: Option<&Section>| match section
        .and_then(|s| s.schema.as_ref())
        .and_then(|b| b.return_type.as_ref())
        .and_then(|r| r.ty.as_ref())
        .map(|t| &t.value)
    {
        Some(TypeExpr::Named(n)) => Some(n.clone()),
        _ => None,
    };
    let sdk_returns = returns(Some(sdk));
    let rest_returns = returns(page.rest.as_ref());
    let mut out = Vec::new();
    for e in &sdk.examples {
        for (offset, object) in promise_comments(&e.code.value) {
            out.push(ResponseExample {
                page: path.to_owned(),
                line: e.code.span.line + offset,
                package: package.value.clone(),
                service: service.value.clone(),
                method: method.value.clone(),
                title: e.title.value.clone(),
                object,
                sdk_returns: sdk_returns.clone(),
                rest_returns: rest_returns.clone(),
                wire: ResponseObject::NotRead,
            });
        }
    }
    out
}
