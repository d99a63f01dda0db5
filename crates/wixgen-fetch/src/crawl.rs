//! Following menu pages to the pages under them.
//!
//! Every start URL is fetched; a menu page's links are followed when they are
//! on the docs (the canonical host or the docs base) and lie under the start
//! URL's path (`/docs/a/inbox.md` → `/docs/a/inbox/`). Dot segments are
//! resolved before the comparison, so `../../etc` cannot escape. Pages are
//! deduplicated by docs path, at most `concurrency` requests run at once, and
//! no more than `max_pages` pages are fetched in all, so a loop of menus ends.

use crate::classify::{PageKind, classify};
use crate::docs_url::{scope_of, with_md};
use crate::http::{FetchError, Fetcher};
use crate::progress::Reporter;
use futures::StreamExt;
use futures::stream::FuturesUnordered;
use reqwest::Url;
use std::collections::{BTreeSet, VecDeque};

/// A downloaded, classified page.
#[derive(Debug, Clone)]
pub struct Page {
    /// `/docs/api-reference/.../get-conversation.md`
    pub docs_path: String,
    /// Where it was fetched from (on the docs base).
    pub url: Url,
    /// The page as served.
    pub bytes: Vec<u8>,
    pub kind: PageKind,
    /// The first answer had no schema block and this is the `?schema=true` one.
    pub schema_query: bool,
}

/// A page that could not be downloaded.
#[derive(Debug, Clone)]
pub struct Failed {
    pub url: String,
    pub error: FetchError,
}

/// What a crawl found.
#[derive(Debug, Clone, Default)]
pub struct Crawl {
    /// Ordered by docs path.
    pub pages: Vec<Page>,
    pub failed: Vec<Failed>,
    /// Menu links not followed: not on the docs, or outside their start URL's path.
    pub outside: BTreeSet<String>,
    /// Links not followed because `max_pages` pages were already queued.
    pub capped: usize,
}

/// How far a crawl may go.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests in flight at once (at least 1).
    pub concurrency: usize,
    /// Pages fetched in all, start pages included.
    pub max_pages: usize,
}

impl Default for Limits {
    /// 4 requests at once, 1000 pages.
    fn default() -> Self {
        Limits {
            concurrency: 4,
            max_pages: 1000,
        }
    }
}

/// Download one page by docs path and classify it; a method page without a schema block is
/// fetched again with `?schema=true` (as the docs' preamble advises), and the second answer is
/// kept when it has one.
pub async fn fetch_page(fetcher: &Fetcher, docs_path: &str, reporter: &Reporter) -> Result<Page, FetchError> {
    let url = fetcher.base().url_for(docs_path);
    reporter.started(url.as_str());
    let body = fetcher.get(&url, reporter).await?;
    let kind = classify(&body.bytes, url.as_str(), body.content_type.as_deref());
    let mut page = Page {
        docs_path: docs_path.to_owned(),
        url: url.clone(),
        bytes: body.bytes,
        kind,
        schema_query: false,
    };
    if let PageKind::Method(info) = &page.kind
        && !info.has_schema
    {
        let mut again = url.clone();
        again.set_query(Some("schema=true"));
        match fetcher.get(&again, reporter).await {
            Ok(body) => {
                let kind = classify(&body.bytes, url.as_str(), body.content_type.as_deref());
                if matches!(&kind, PageKind::Method(i) if i.has_schema) {
                    page.bytes = body.bytes;
                    page.kind = kind;
                    page.schema_query = true;
                } else {
                    reporter.note(&format!(
                        "note: {again} has no schema block either; keeping the first answer"
                    ));
                }
            }
            Err(e) => reporter.note(&format!("note: {again}: {e}; keeping the first answer")),
        }
    }
    Ok(page)
}

/// Fetch the start pages (docs paths, see [`crate::DocsBase::start_path`]) and everything their
/// menus lead to.
pub async fn crawl(fetcher: &Fetcher, starts: &[String], limits: Limits, reporter: &Reporter) -> Crawl {
    let mut crawl = Crawl::default();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<(String, String)> = VecDeque::new();
    for start in starts {
        if seen.len() >= limits.max_pages {
            crawl.capped += 1;
        } else if seen.insert(start.clone()) {
            queue.push_back((start.clone(), scope_of(start)));
        }
    }
    reporter.queued(queue.len());
    let mut running = FuturesUnordered::new();
    loop {
        while running.len() < limits.concurrency.max(1)
            && let Some((path, scope)) = queue.pop_front()
        {
            running.push(async move {
                let result = fetch_page(fetcher, &path, reporter).await;
                (path, scope, result)
            });
        }
        let Some((path, scope, result)) = running.next().await else {
            break;
        };
        let page = match result {
            Ok(page) => page,
            Err(error) => {
                let url = fetcher.base().url_for(&path).to_string();
                reporter.failed(&url, &error.to_string());
                crawl.failed.push(Failed { url, error });
                continue;
            }
        };
        reporter.fetched(page.url.as_str(), page.kind.label());
        if let PageKind::Menu { links } = &page.kind {
            let mut added = 0;
            for link in links {
                let Some(child) = follow(fetcher, &page.url, link, &scope) else {
                    crawl.outside.insert(link.clone());
                    continue;
                };
                if seen.contains(&child) {
                    continue;
                }
                if seen.len() >= limits.max_pages {
                    crawl.capped += 1;
                    continue;
                }
                seen.insert(child.clone());
                queue.push_back((child, scope.clone()));
                added += 1;
            }
            reporter.queued(added);
        }
        crawl.pages.push(page);
    }
    crawl.pages.sort_by(|a, b| a.docs_path.cmp(&b.docs_path));
    crawl.failed.sort_by(|a, b| a.url.cmp(&b.url));
    crawl
}

/// The docs path a menu link leads to, when it is on the docs and under `scope`.
fn follow(fetcher: &Fetcher, from: &Url, link: &str, scope: &str) -> Option<String> {
    let url = from.join(link.trim()).ok()?;
    let path = fetcher.base().docs_path(&url)?;
    let path = with_md(&path);
    path.starts_with(scope).then_some(path)
}
