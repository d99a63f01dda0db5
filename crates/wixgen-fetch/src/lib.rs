//! Downloading Wix docs pages into a schemas directory.
//!
//! - [`classify()`] tells a method page, a webhook page, an article, a menu page, a page the
//!   parser refuses and anything else apart (pulldown-cmark and [`wixgen_schema::parse`]).
//! - [`Fetcher`] downloads one page: per-request timeout, retries with backoff on 429/5xx,
//!   timeouts and connection failures honouring `Retry-After`, redirects only within the docs base.
//! - [`crawl()`] follows menu pages to the pages under them, within the start URL's path and on
//!   the docs, with bounded concurrency, deduplication and a page cap.
//! - [`fetch()`] crawls, places each page (`<into>/<package>/<last URL segment>.md`; articles by
//!   [`articles`]) and writes the new and changed ones, returning a [`Report`].
//! - [`refetch()`] downloads every saved page again from its own link (`cargo xtask refresh`).
//!
//! The docs host is `https://dev.wix.com` unless a [`DocsBase`] replaces it (`--docs-base`,
//! `WIXGEN_DOCS_BASE`); links to the canonical host are rewritten to the base, so tests and
//! mirrors serve real pages unchanged. Names taken from pages and URLs are checked
//! ([`names`]): nothing a page says can write outside the target directory.

pub mod articles;
pub mod classify;
pub mod crawl;
pub mod docs_url;
pub mod http;
pub mod names;
pub mod progress;
pub mod refetch;
pub mod save;
pub mod walk;

pub use classify::{MethodInfo, PageKind, classify};
pub use crawl::{Crawl, Failed, Limits, Page, crawl, fetch_page};
pub use docs_url::{CANONICAL_BASE, DocsBase, ENV_DOCS_BASE};
pub use http::{Body, FetchError, Fetcher, HttpOptions};
pub use progress::Reporter;
pub use refetch::{Refetched, RefetchedPage, refetch};
pub use save::{Change, Refused, Report, Saved, Skipped, fetch};
