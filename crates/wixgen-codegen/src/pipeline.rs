//! parse → lower → emit over a directory of method pages.
//!
//! 1. Every `*.md` file under the directory (recursively, hidden directories
//!    and `target/` skipped) is a page, taken in sorted path order.
//! 2. Each page is parsed once; the types every page lists are gathered into a
//!    [`TypeKnowledge`], and each page is parsed again with it, so nesting that
//!    one page leaves ambiguous is resolved from the others.
//! 3. A page with parse errors is skipped and reported with its rendered
//!    diagnostics; a markdown file that is not a method page (no `# Package:`,
//!    no REST or SDK section: a README, an article) is skipped with a note.
//! 4. The remaining pages are lowered together (lowering may skip more pages,
//!    with errors), and the IR is emitted.

use crate::emit::{self, CrateOptions, EmitOptions};
use crate::examples::{CheckedExample, RequestExample, check_examples};
use crate::{GeneratedFiles, Header};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
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
                PageStatus::NotAMethodPage => {
                    s.push_str(&format!(
                        "{}: note: not a method page (no `# Package:`, no REST or SDK section); skipped\n",
                        p.path
                    ));
                }
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
            .count();
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
    pub reports: Vec<PageReport>,
}

fn is_method_page(page: &Page) -> bool {
    page.package.is_some() || page.rest.is_some() || page.sdk.is_some()
}

/// Read and parse the pages `rels` under `dir` (twice: the second time with
/// the type knowledge of all of them).
pub fn parse_pages(dir: &Path, rels: &[PathBuf], label: &str) -> io::Result<Parsed> {
    let mut sources = Vec::new();
    for rel in rels {
        let path = dir.join(rel);
        let bytes = fs::read(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let shown = if label.is_empty() {
            slash_path(rel)
        } else {
            format!("{}/{}", label.trim_end_matches('/'), slash_path(rel))
        };
        sources.push((shown, bytes));
    }
    let mut knowledge = TypeKnowledge::builtin();
    for (_, bytes) in &sources {
        if let Some(page) = wixgen_schema::parse(bytes).page
            && is_method_page(&page)
        {
            knowledge.add_page(&page);
        }
    }
    let mut parsed = Parsed {
        inputs: Vec::new(),
        examples: Vec::new(),
        reports: Vec::new(),
    };
    for (shown, bytes) in sources {
        let out: ParseOutput = wixgen_schema::parse_with(&bytes, &knowledge);
        let text = String::from_utf8_lossy(&bytes);
        let errors = out.errors().count();
        let warnings = out.warnings().count();
        let rendered: Vec<String> = out.errors().map(|d| d.render(&shown, &text, false)).collect();
        let warning_lines: Vec<String> = out.warnings().map(|d| d.one_line(&shown)).collect();
        let status = match &out.page {
            Some(page) if !is_method_page(page) => PageStatus::NotAMethodPage,
            _ if out.has_errors() => PageStatus::ParseErrors,
            None => PageStatus::ParseErrors,
            Some(_) => PageStatus::Parsed,
        };
        if status == PageStatus::Parsed
            && let Some(page) = out.page
        {
            parsed.examples.extend(request_examples(&shown, &page));
            parsed.inputs.push(PageInput {
                path: shown.clone(),
                page,
            });
        }
        let (rendered, warning_lines) = if status == PageStatus::NotAMethodPage {
            (Vec::new(), Vec::new())
        } else {
            (rendered, warning_lines)
        };
        parsed.reports.push(PageReport {
            path: shown,
            status,
            rendered,
            warning_lines,
            errors,
            warnings,
        });
    }
    Ok(parsed)
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
    let rels = find_pages(schemas_dir)?;
    let parsed = parse_pages(schemas_dir, &rels, &options.label)?;
    let lowered = wixgen_ir::lower(&parsed.inputs);
    let emit_options = EmitOptions {
        header: options.header.clone(),
        krate: options.krate.clone(),
        examples: parsed.examples.clone(),
    };
    let files = emit::emit(&lowered.api, &emit_options);
    let examples = check_examples(&lowered.api, &parsed.examples);
    Ok(Generation {
        api: lowered.api,
        files,
        pages: parsed.reports,
        lower_diagnostics: lowered.diagnostics,
        types: lowered.types,
        examples,
    })
}
