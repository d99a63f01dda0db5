//! `wixgen fetch`: crawl, decide where each page goes, write the pages that
//! are new or changed, and count.
//!
//! - A method page goes to `<into>/<# Package:>/<last URL segment>.md`.
//! - An article goes to `<into>/<package>/<last URL segment>.md`, its package
//!   decided by [`crate::articles`].
//! - A menu page is followed, not saved.
//! - A page the parser refuses (whitespace collapsed, empty) is reported with
//!   the parser's message; webhook pages, HTML and pages whose names are not
//!   safe are reported and skipped.
//!
//! Pages are saved byte for byte as served.

use crate::articles;
use crate::classify::PageKind;
use crate::crawl::{Crawl, Failed, Limits, crawl};
use crate::http::Fetcher;
use crate::names;
use crate::progress::Reporter;
use crate::walk::{link_docs_path, saved_pages};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What happened to a saved page's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Changed,
    Unchanged,
}

impl Change {
    pub fn label(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Changed => "changed",
            Change::Unchanged => "unchanged",
        }
    }
}

/// A page saved (or found unchanged) under `--into`.
#[derive(Debug, Clone)]
pub struct Saved {
    /// Relative to `--into`: `inbox/get-conversation.md`.
    pub rel: PathBuf,
    pub url: String,
    /// `method page` or `article`.
    pub what: &'static str,
    pub change: Change,
    /// Anything the user should know about the page (parser errors, `?schema=true`).
    pub notes: Vec<String>,
}

/// A page not saved, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub url: String,
    pub why: String,
}

/// A page the parser refused, with its rendered message.
#[derive(Debug, Clone)]
pub struct Refused {
    pub url: String,
    pub message: String,
}

/// The outcome of [`fetch`].
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Ordered by path.
    pub saved: Vec<Saved>,
    pub skipped: Vec<Skipped>,
    pub refused: Vec<Refused>,
    pub failed: Vec<Failed>,
    /// Menu pages followed.
    pub menus: usize,
    /// Menu links not followed: off the docs or outside the start URL's path.
    pub outside: BTreeSet<String>,
    /// Links not followed because the page cap was reached.
    pub capped: usize,
    pub max_pages: usize,
}

impl Report {
    pub fn count(&self, change: Change) -> usize {
        self.saved.iter().filter(|s| s.change == change).count()
    }

    /// Some page was refused or could not be downloaded.
    pub fn has_errors(&self) -> bool {
        !self.refused.is_empty() || !self.failed.is_empty()
    }

    /// `3 new, 0 changed, 0 unchanged, 1 skipped, 1 refused, 0 failed; 1 menu page followed`
    pub fn summary(&self) -> String {
        format!(
            "{} new, {} changed, {} unchanged, {} skipped, {} refused, {} failed; {} menu page{} followed",
            self.count(Change::New),
            self.count(Change::Changed),
            self.count(Change::Unchanged),
            self.skipped.len(),
            self.refused.len(),
            self.failed.len(),
            self.menus,
            if self.menus == 1 { "" } else { "s" }
        )
    }

    /// One line per saved page: `new       schemas/inbox/x.md  (method page from URL)`.
    pub fn saved_lines(&self, into: &Path) -> Vec<String> {
        self.saved
            .iter()
            .map(|s| {
                format!(
                    "{:<9} {}  ({} from {})",
                    s.change.label(),
                    into.join(&s.rel).display(),
                    s.what,
                    s.url
                )
            })
            .collect()
    }

    /// What the user should read: refusals with the parser's message, failures, skipped pages,
    /// notes on saved pages, links not followed.
    pub fn problem_lines(&self, into: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.refused {
            out.push(format!("error: refused {}: the parser refuses this page:", r.url));
            out.push(r.message.trim_end().to_owned());
        }
        for f in &self.failed {
            out.push(format!("error: could not download {}: {}", f.url, f.error));
        }
        for s in &self.skipped {
            out.push(format!("skipped {}: {}", s.url, s.why));
        }
        for s in &self.saved {
            for n in &s.notes {
                out.push(format!("note: {}: {n}", into.join(&s.rel).display()));
            }
        }
        if !self.outside.is_empty() {
            out.push(format!(
                "note: {} menu link{} not followed (off the docs or outside the start URL's path): {}",
                self.outside.len(),
                if self.outside.len() == 1 { "" } else { "s" },
                self.outside
                    .iter()
                    .map(|l| names::shown(l))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if self.capped > 0 {
            out.push(format!(
                "warning: {} link{} not followed: the limit of {} pages was reached (raise --max-pages)",
                self.capped,
                if self.capped == 1 { "" } else { "s" },
                self.max_pages
            ));
        }
        out
    }
}

/// Fetch the start pages and what their menus lead to, and save them under `into`.
pub async fn fetch(
    fetcher: &Fetcher,
    starts: &[String],
    into: &Path,
    limits: Limits,
    reporter: &Reporter,
) -> io::Result<Report> {
    let crawled = crawl(fetcher, starts, limits, reporter).await;
    reporter.finish();
    let existing = saved_pages(into)?;
    let report = place(fetcher, crawled, &existing, limits.max_pages)?;
    write(into, report)
}

/// A page and where it goes.
struct Placed {
    rel: PathBuf,
    url: String,
    what: &'static str,
    bytes: Vec<u8>,
    notes: Vec<String>,
}

/// Decide where every page goes.
fn place(
    fetcher: &Fetcher,
    crawled: Crawl,
    existing: &[crate::walk::SavedPage],
    max_pages: usize,
) -> io::Result<(Report, Vec<Placed>)> {
    let mut report = Report {
        failed: crawled.failed,
        outside: crawled.outside,
        capped: crawled.capped,
        max_pages,
        ..Report::default()
    };
    let base = fetcher.base();
    let mut method_paths: Vec<(String, String)> = existing
        .iter()
        .filter_map(|p| {
            let package = p.package.clone()?;
            let path = link_docs_path(base, p.link.as_deref()?)?;
            Some((package, path))
        })
        .collect();
    for page in &crawled.pages {
        if let PageKind::Method(info) = &page.kind {
            method_paths.push((info.package.clone(), page.docs_path.clone()));
        }
    }
    let homes = articles::homes(method_paths.iter().map(|(p, d)| (p.as_str(), d.as_str())));

    let mut placed: Vec<Placed> = Vec::new();
    let mut claimed: BTreeMap<PathBuf, String> = BTreeMap::new();
    for page in crawled.pages {
        let url = page.url.to_string();
        let (target, what, notes) = match &page.kind {
            PageKind::Menu { .. } => {
                report.menus += 1;
                continue;
            }
            PageKind::Refused { message } => {
                report.refused.push(Refused {
                    url,
                    message: message.clone(),
                });
                continue;
            }
            PageKind::Other { reason } => {
                report.skipped.push(Skipped {
                    url,
                    why: reason.clone(),
                });
                continue;
            }
            PageKind::Webhook { .. } => {
                report.skipped.push(Skipped {
                    url,
                    why: "a webhook page: wixgen generates nothing for webhooks yet".to_owned(),
                });
                continue;
            }
            PageKind::Method(info) => {
                let mut notes = Vec::new();
                if page.schema_query {
                    notes.push("the page had no schema block; saved the `?schema=true` answer".to_owned());
                }
                if !info.errors.is_empty() {
                    notes.push(format!(
                        "saved, but the parser reports {} error(s); generation skips the page until they are fixed:\n{}",
                        info.errors.len(),
                        info.errors.join("\n").trim_end()
                    ));
                }
                (names::target(&info.package, &page.docs_path), "method page", notes)
            }
            PageKind::Article { .. } => match articles::assign(&page.docs_path, &homes) {
                Ok(package) => (names::target(&package, &page.docs_path), "article", Vec::new()),
                Err(why) => {
                    report.skipped.push(Skipped {
                        url,
                        why: format!("an article with {why}"),
                    });
                    continue;
                }
            },
        };
        let rel = match target {
            Ok(rel) => rel,
            Err(why) => {
                report.skipped.push(Skipped { url, why });
                continue;
            }
        };
        if let Some(first) = claimed.get(&rel) {
            report.skipped.push(Skipped {
                url,
                why: format!("{} is already taken by {first} in this run", rel.display()),
            });
            continue;
        }
        claimed.insert(rel.clone(), url.clone());
        placed.push(Placed {
            rel,
            url,
            what,
            bytes: page.bytes,
            notes,
        });
    }
    Ok((report, placed))
}

/// Write what is new or changed; count the rest.
fn write(into: &Path, (mut report, placed): (Report, Vec<Placed>)) -> io::Result<Report> {
    for p in placed {
        if !names::is_plain_relative(&p.rel) {
            // `names::target` never builds such a path; refuse rather than trust that.
            report.skipped.push(Skipped {
                url: p.url,
                why: format!("{} is not a plain relative path", p.rel.display()),
            });
            continue;
        }
        let path = into.join(&p.rel);
        let change = match fs::read(&path) {
            Ok(old) if old == p.bytes => Change::Unchanged,
            Ok(_) => Change::Changed,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Change::New,
            Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
        };
        if change != Change::Unchanged {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
            }
            fs::write(&path, &p.bytes).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        }
        report.saved.push(Saved {
            rel: p.rel,
            url: p.url,
            what: p.what,
            change,
            notes: p.notes,
        });
    }
    report.saved.sort_by(|a, b| a.rel.cmp(&b.rel));
    report.skipped.sort_by(|a, b| a.url.cmp(&b.url));
    report.refused.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(report)
}
