//! The text report of a generation (`wixgen gen` prints it): skipped pages
//! with their diagnostics, lowering's choices, skipped examples and a summary.
//! It reads a [`Generation`]; nothing imports this file.

use crate::generation::Generation;
use wixgen_ir::articles::Placement;
use wixgen_ir::load::PageStatus;
use wixgen_ir::model::ArticleSkip;

impl Generation {
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
        let skipped_by = |pick: fn(&wixgen_ir::IrDiagnostic) -> bool| {
            let pages: std::collections::BTreeSet<&str> = self
                .lower_diagnostics
                .iter()
                .filter(|d| pick(d))
                .map(|d| d.primary.page.as_str())
                .collect();
            pages.len()
        };
        let lowering = skipped_by(wixgen_ir::IrDiagnostic::is_error);
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
            .filter(|e| matches!(e.outcome, crate::examples::RequestOutcome::Test { .. }))
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

    /// The report line of a page that is not a method page: whose docs it
    /// joined, or why it joined none.
    pub fn article_report_line(&self, path: &str) -> String {
        self.articles
            .iter()
            .find(|a| a.path == path)
            .map_or_else(|| format!("{path}: note: not a method page; skipped\n"), placement_line)
    }
}

/// The report line for an article: whose docs it joined, or why none.
fn placement_line(a: &Placement) -> String {
    match &a.package {
        Ok(package) => format!("{}: note: article: part of the docs of package `{package}`\n", a.path),
        Err(ArticleSkip::NoFolder) => format!(
            "{}: note: not a method page (no `# Package:`, no REST or SDK section), and not in a package's folder; skipped\n",
            a.path
        ),
        Err(ArticleSkip::Unplaced(why)) => format!("{}: warning: article skipped: {why}\n", a.path),
    }
}
