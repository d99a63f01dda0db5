//! Downloading again every page of a directory from the link it carries
//! (`# Method link:`, or an article's `## Article Link:`), rewritten to the
//! docs base, and comparing bytes. Nothing is written here: `cargo xtask
//! refresh` decides what to do with the answers.

use crate::classify::PageKind;
use crate::crawl::fetch_page;
use crate::http::{FetchError, Fetcher};
use crate::progress::Reporter;
use crate::walk::{link_docs_path, saved_pages};
use futures::StreamExt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What the docs say now about one saved page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refetched {
    Unchanged,
    /// The page as served now.
    Changed(Vec<u8>),
    /// The page carries no link to download it from.
    NoLink,
    /// The link is not on the docs.
    NotOnDocs(String),
    /// The parser refuses the page served now (its rendered message); the saved page is kept.
    Refused(String),
    /// What is served now is not a page to save (HTML, a menu page); the saved page is kept.
    Skipped(String),
    Failed(FetchError),
}

/// One saved page and its fresh copy.
#[derive(Debug, Clone)]
pub struct RefetchedPage {
    /// Relative to the directory.
    pub rel: PathBuf,
    /// Where it was downloaded from.
    pub url: Option<String>,
    pub outcome: Refetched,
}

/// Download every page under `dir` again. Ordered by path.
pub async fn refetch(
    fetcher: &Fetcher,
    dir: &Path,
    concurrency: usize,
    reporter: &Reporter,
) -> io::Result<Vec<RefetchedPage>> {
    let pages = saved_pages(dir)?;
    reporter.queued(pages.iter().filter(|p| p.link.is_some()).count());
    let mut jobs = Vec::new();
    let mut out = Vec::new();
    for page in pages {
        let Some(link) = page.link.clone() else {
            out.push(RefetchedPage {
                rel: page.rel,
                url: None,
                outcome: Refetched::NoLink,
            });
            continue;
        };
        let Some(docs_path) = link_docs_path(fetcher.base(), &link) else {
            out.push(RefetchedPage {
                rel: page.rel,
                url: Some(link.clone()),
                outcome: Refetched::NotOnDocs(link),
            });
            continue;
        };
        let old = fs::read(dir.join(&page.rel))
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.join(&page.rel).display())))?;
        jobs.push((page.rel, docs_path, old));
    }
    let done: Vec<RefetchedPage> = futures::stream::iter(jobs)
        .map(|(rel, docs_path, old)| async move {
            let url = fetcher.base().url_for(&docs_path).to_string();
            let outcome = match fetch_page(fetcher, &docs_path, reporter).await {
                Err(e) => {
                    reporter.failed(&url, &e.to_string());
                    Refetched::Failed(e)
                }
                Ok(page) => {
                    reporter.fetched(&url, page.kind.label());
                    match page.kind {
                        PageKind::Refused { message } => Refetched::Refused(message),
                        PageKind::Other { reason } => Refetched::Skipped(reason),
                        PageKind::Menu { .. } => Refetched::Skipped("the link now serves a menu page".to_owned()),
                        _ if page.bytes == old => Refetched::Unchanged,
                        _ => Refetched::Changed(page.bytes),
                    }
                }
            };
            RefetchedPage {
                rel,
                url: Some(url),
                outcome,
            }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    reporter.finish();
    out.extend(done);
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}
