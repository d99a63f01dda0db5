//! Where the docs are: the canonical host, the docs base that replaces it, and
//! the "docs path" that names a page independently of both.
//!
//! Pages link to `https://dev.wix.com/docs/...`. A docs base (`--docs-base`,
//! `WIXGEN_DOCS_BASE`) replaces that origin, so tests and mirrors serve the
//! same links: `https://dev.wix.com/docs/x.md` is fetched from
//! `<base>/docs/x.md`. A base may carry a path prefix (`http://mirror/wix`).
//!
//! A URL is "on the docs" when it is on the canonical origin or under the
//! base; anything else (another host, another scheme) is never fetched.

use reqwest::Url;

/// The host the pages link to.
pub const CANONICAL_BASE: &str = "https://dev.wix.com";

/// The environment variable that replaces the docs base.
pub const ENV_DOCS_BASE: &str = "WIXGEN_DOCS_BASE";

/// The origin pages are fetched from, with an optional path prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsBase {
    /// `scheme://host[:port]`, no trailing slash.
    origin: String,
    /// `""` or `/prefix` (no trailing slash).
    prefix: String,
}

impl Default for DocsBase {
    fn default() -> Self {
        DocsBase::canonical()
    }
}

impl DocsBase {
    /// `https://dev.wix.com`.
    pub fn canonical() -> Self {
        DocsBase::parse(CANONICAL_BASE).expect("the canonical base is a valid URL")
    }

    /// Parse `http(s)://host[:port][/prefix]`. Query, fragment and credentials are refused.
    pub fn parse(text: &str) -> Result<Self, String> {
        let url = Url::parse(text.trim()).map_err(|e| format!("docs base `{text}` is not a URL: {e}"))?;
        if url.scheme() != "http" && url.scheme() != "https" {
            return Err(format!("docs base `{text}` must be an http:// or https:// URL"));
        }
        if url.host_str().is_none() {
            return Err(format!("docs base `{text}` has no host"));
        }
        if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "docs base `{text}` must be scheme, host, port and path only (no query, fragment or credentials)"
            ));
        }
        Ok(DocsBase {
            origin: origin_of(&url),
            prefix: url.path().trim_end_matches('/').to_owned(),
        })
    }

    /// The base as text: `https://dev.wix.com`, `http://127.0.0.1:8080/mirror`.
    pub fn as_str(&self) -> String {
        format!("{}{}", self.origin, self.prefix)
    }

    /// The docs path of a URL (`/docs/api-reference/.../x.md`): its path when it is on the
    /// canonical origin, its path below the prefix when it is under the base; `None` when the URL
    /// is not on the docs. Query and fragment are dropped.
    pub fn docs_path(&self, url: &Url) -> Option<String> {
        let origin = origin_of(url);
        if origin == CANONICAL_BASE {
            return Some(url.path().to_owned());
        }
        if origin != self.origin {
            return None;
        }
        if self.prefix.is_empty() {
            return Some(url.path().to_owned());
        }
        let rest = url.path().strip_prefix(&self.prefix)?;
        rest.starts_with('/').then(|| rest.to_owned())
    }

    /// True when the URL is under the base itself (not merely on the canonical origin): where
    /// requests and redirects may go.
    pub fn serves(&self, url: &Url) -> bool {
        origin_of(url) == self.origin
            && (self.prefix.is_empty()
                || url
                    .path()
                    .strip_prefix(&self.prefix)
                    .is_some_and(|rest| rest.starts_with('/')))
    }

    /// The URL a docs path is fetched from.
    pub fn url_for(&self, docs_path: &str) -> Url {
        let path = if docs_path.starts_with('/') {
            docs_path.to_owned()
        } else {
            format!("/{docs_path}")
        };
        Url::parse(&format!("{}{}{}", self.origin, self.prefix, path))
            .expect("origin and an absolute path make a valid URL")
    }

    /// The canonical URL (`https://dev.wix.com/...`) of a docs path: what pages link to.
    pub fn canonical_url(docs_path: &str) -> String {
        format!("{CANONICAL_BASE}{docs_path}")
    }

    /// A URL or docs path the user gave, as the docs path of its `.md` page: `.md` is appended
    /// when missing (every docs page has a markdown version at `<url>.md`).
    pub fn start_path(&self, text: &str) -> Result<String, String> {
        let text = text.trim();
        let path = if text.starts_with('/') {
            let url = self.url_for(text);
            self.docs_path(&url)
                .ok_or_else(|| format!("`{text}` is not a docs path"))?
        } else {
            let url = Url::parse(text).map_err(|e| format!("`{text}` is not a URL: {e}"))?;
            self.docs_path(&url).ok_or_else(|| {
                format!(
                    "`{text}` is not on the docs: give a URL on {CANONICAL_BASE} or on the docs base {}",
                    self.as_str()
                )
            })?
        };
        Ok(with_md(&path))
    }
}

/// `scheme://host[:port]` of a URL (default ports omitted, as `Url` does).
fn origin_of(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    }
}

/// The path with `.md` appended unless it already ends in `.md` (a trailing slash is dropped first).
pub fn with_md(path: &str) -> String {
    let path = path.trim_end_matches('/');
    if path.ends_with(".md") {
        path.to_owned()
    } else {
        format!("{path}.md")
    }
}

/// The scope a start page's links are followed within: its docs path without `.md`, plus `/`.
/// Links from `/docs/a/inbox.md` are followed when they lie under `/docs/a/inbox/`.
pub fn scope_of(start_docs_path: &str) -> String {
    let stem = start_docs_path.strip_suffix(".md").unwrap_or(start_docs_path);
    format!("{}/", stem.trim_end_matches('/'))
}

/// The directory of a docs path, with its trailing slash: `/docs/a/b/x.md` → `/docs/a/b/`.
pub fn dir_of(docs_path: &str) -> &str {
    match docs_path.rfind('/') {
        Some(i) => &docs_path[..=i],
        None => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn canonical_links_map_to_the_base() {
        let base = DocsBase::parse("http://127.0.0.1:8080/").unwrap();
        let p = base.docs_path(&url("https://dev.wix.com/docs/a/b.md?x=1#y")).unwrap();
        assert_eq!(p, "/docs/a/b.md");
        assert_eq!(base.url_for(&p).as_str(), "http://127.0.0.1:8080/docs/a/b.md");
    }

    #[test]
    fn a_base_with_a_prefix_strips_it() {
        let base = DocsBase::parse("http://mirror.test/wix").unwrap();
        assert_eq!(
            base.docs_path(&url("http://mirror.test/wix/docs/a.md")).as_deref(),
            Some("/docs/a.md")
        );
        assert_eq!(base.docs_path(&url("http://mirror.test/other/docs/a.md")), None);
        assert_eq!(base.docs_path(&url("http://mirror.test/wixdocs/a.md")), None);
        assert_eq!(base.url_for("/docs/a.md").as_str(), "http://mirror.test/wix/docs/a.md");
    }

    #[test]
    fn other_hosts_and_schemes_are_not_on_the_docs() {
        let base = DocsBase::canonical();
        assert_eq!(base.docs_path(&url("https://evil.test/docs/a.md")), None);
        assert_eq!(base.docs_path(&url("http://dev.wix.com/docs/a.md")), None);
        assert_eq!(base.docs_path(&url("https://dev.wix.com:444/docs/a.md")), None);
    }

    #[test]
    fn dot_segments_are_resolved_before_anything_is_compared() {
        let base = DocsBase::canonical();
        let p = base
            .docs_path(&url("https://dev.wix.com/docs/a/../../etc/passwd.md"))
            .unwrap();
        assert_eq!(p, "/etc/passwd.md");
        assert!(!p.starts_with(&scope_of("/docs/a.md")));
    }

    #[test]
    fn start_paths_get_md() {
        let base = DocsBase::canonical();
        assert_eq!(
            base.start_path("https://dev.wix.com/docs/api-reference/crm/inbox")
                .unwrap(),
            "/docs/api-reference/crm/inbox.md"
        );
        assert_eq!(base.start_path("/docs/x/").unwrap(), "/docs/x.md");
        assert_eq!(base.start_path("https://dev.wix.com/docs/x.md").unwrap(), "/docs/x.md");
        assert!(base.start_path("https://example.com/docs/x").is_err());
        assert!(base.start_path("not a url").is_err());
    }

    #[test]
    fn bad_bases_are_refused() {
        assert!(DocsBase::parse("ftp://x").is_err());
        assert!(DocsBase::parse("http://x/?q=1").is_err());
        assert!(DocsBase::parse("http://user:pw@x/").is_err());
        assert!(DocsBase::parse("nonsense").is_err());
    }

    #[test]
    fn scopes_and_dirs() {
        assert_eq!(scope_of("/docs/a/inbox.md"), "/docs/a/inbox/");
        assert_eq!(dir_of("/docs/a/b/x.md"), "/docs/a/b/");
        assert_eq!(dir_of("x.md"), "/");
    }
}
