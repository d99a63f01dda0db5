//! The client and its builder.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use crate::auth::{Auth, AuthKind, AuthState, TokenCache};
use crate::body::DEFAULT_MAX_RESPONSE_BODY;
use crate::error::Error;
use crate::headers;
use crate::observe::Observer;
use crate::request::ApiRequest;
use crate::retry::RetryPolicy;
use crate::secret::Secret;

/// The default base URL of Wix's REST APIs.
pub const DEFAULT_BASE_URL: &str = "https://www.wixapis.com";

/// A Wix API client. Cheap to clone: clones share the connection pool and the
/// OAuth token cache.
///
/// ```no_run
/// use wix_client::{ApiRequest, Auth, Client, HttpMethod};
///
/// # async fn run() -> Result<(), wix_client::Error> {
/// let client = Client::builder()
///     .auth(Auth::api_key_for_site("IST.my-api-key", "my-site-id"))
///     .build()?;
/// let request = ApiRequest::new(HttpMethod::Get, "inbox.ConversationsService.getConversation")
///     .path("/inbox/v2/conversations/")
///     .path_param("conversation-id");
/// let conversation: serde_json::Value = client.send(request).await?;
/// # let _ = conversation;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// The shared state of a [`Client`].
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// The base URL without a trailing slash.
    pub(crate) base_url: String,
    /// The path part of the base URL without a trailing slash (may be empty).
    pub(crate) base_path: String,
    pub(crate) auth: AuthState,
    /// Default headers plus `wix-site-id` / `wix-account-id`.
    pub(crate) default_headers: HeaderMap,
    pub(crate) retry: RetryPolicy,
    pub(crate) observer: Option<Arc<dyn Observer>>,
    /// The timeout of one attempt, unless the request sets its own.
    pub(crate) timeout: Duration,
    /// The largest response body read, in bytes.
    pub(crate) max_response_body: usize,
}

impl Inner {
    /// The same settings without authentication, to send the OAuth token requests.
    fn unauthenticated(&self) -> Inner {
        Inner {
            http: self.http.clone(),
            base_url: self.base_url.clone(),
            base_path: self.base_path.clone(),
            auth: AuthState::None,
            default_headers: self.default_headers.clone(),
            retry: self.retry.clone(),
            observer: self.observer.clone(),
            timeout: self.timeout,
            max_response_body: self.max_response_body,
        }
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Sends `req` (with retries and authentication) and decodes the JSON answer as `T`.
    ///
    /// An empty success body decodes as `{}` (or `null`, e.g. for `()`).
    pub async fn send<T: DeserializeOwned>(&self, req: ApiRequest) -> Result<T, Error> {
        let raw = self.inner.execute(&req, true).await?;
        raw.decode(&req, false)
    }

    /// The base URL requests are sent to (without a trailing slash).
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The retry policy in force.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header_names: Vec<&str> = self.inner.default_headers.keys().map(|name| name.as_str()).collect();
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("auth", &self.inner.auth)
            .field("default_headers", &header_names)
            .field("retry", &self.inner.retry)
            .field("observer", &self.inner.observer.is_some())
            .finish()
    }
}

/// Configures a [`Client`]. Only [`auth`](ClientBuilder::auth) is required.
///
/// ```
/// use std::time::Duration;
/// use wix_client::{Auth, Client, RetryPolicy};
///
/// let client = Client::builder()
///     .auth(Auth::access_token("token"))
///     .base_url("https://www.wixapis.com")
///     .default_header("x-team", "growth")
///     .retry_policy(RetryPolicy::default().max_attempts(3))
///     .connect_timeout(Duration::from_secs(5))
///     .timeout(Duration::from_secs(20))
///     .build()?;
/// # let _ = client;
/// # Ok::<(), wix_client::Error>(())
/// ```
#[derive(Clone)]
pub struct ClientBuilder {
    base_url: String,
    auth: Option<Auth>,
    site_id: Option<String>,
    account_id: Option<String>,
    default_headers: Vec<(String, Secret)>,
    retry: RetryPolicy,
    connect_timeout: Duration,
    timeout: Duration,
    token_refresh_margin: Duration,
    observer: Option<Arc<dyn Observer>>,
    max_response_body: usize,
    allow_insecure_http: bool,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            auth: None,
            site_id: None,
            account_id: None,
            default_headers: Vec::new(),
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            token_refresh_margin: Duration::from_secs(60),
            observer: None,
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            allow_insecure_http: false,
        }
    }
}

impl ClientBuilder {
    /// The credentials to use (required).
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// The base URL (default [`DEFAULT_BASE_URL`]). The OAuth token endpoint
    /// is `{base_url}/oauth2/token`.
    ///
    /// It must use `https`, except for a loopback host (`localhost`, `127.0.0.1`,
    /// `[::1]`, e.g. a local mock server): over `http` the API key or token would
    /// travel in cleartext. [`allow_insecure_http`](ClientBuilder::allow_insecure_http)
    /// lifts the rule.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Sends `wix-site-id` on every request (overrides the site ID of an API key).
    pub fn site_id(mut self, site_id: impl Into<String>) -> Self {
        self.site_id = Some(site_id.into());
        self
    }

    /// Sends `wix-account-id` on every request (overrides the account ID of an API key).
    pub fn account_id(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = Some(account_id.into());
        self
    }

    /// Adds a header to every request. Checked by [`build`](ClientBuilder::build);
    /// values with line breaks are refused. Values are redacted in `Debug` output.
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.default_headers.push((name.into(), Secret::new(value)));
        self
    }

    /// The retry policy (default: [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The longest time to establish a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The longest time for one attempt, from sending to the end of the body
    /// (default 30 s). [`RequestOptions::timeout`](crate::RequestOptions::timeout)
    /// overrides it per request.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long before its expiry an OAuth token is replaced (default 60 s),
    /// at most half the token's lifetime: a token living 60 s is replaced after 30 s.
    ///
    /// Concurrent requests that need a new token share one token request and
    /// its result, error included; each waits for it at most its own timeout.
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.token_refresh_margin = margin;
        self
    }

    /// The largest response body the client reads, in bytes (default 16 MiB).
    /// Reading stops at the limit: a larger success answer fails with
    /// [`Error::ResponseTooLarge`], and an error answer keeps its status with
    /// only the start of its body.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Accepts an `http` base URL for any host, not only loopback (default
    /// `false`). Requests then carry the credentials in cleartext: only for a
    /// network path you trust, e.g. a TLS-terminating proxy on the same host.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Observes every attempt (see [`Observer`]).
    pub fn observer(mut self, observer: impl Observer + 'static) -> Self {
        self.observer = Some(Arc::new(observer));
        self
    }

    /// Observes every attempt, sharing an observer already behind an `Arc`.
    pub fn shared_observer(mut self, observer: Arc<dyn Observer>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// Fails with [`Error::Config`] when no credentials were given, the base URL
    /// is not an `https` URL (or `http` on loopback, see
    /// [`base_url`](ClientBuilder::base_url)), or a header name or value is invalid.
    pub fn build(self) -> Result<Client, Error> {
        let auth = self
            .auth
            .ok_or_else(|| Error::config("no credentials: call `ClientBuilder::auth`"))?;
        let (base_url, base_path) = parse_base_url(&self.base_url, self.allow_insecure_http)?;

        let mut default_headers = HeaderMap::new();
        for (name, value) in &self.default_headers {
            headers::insert(&mut default_headers, name, value.expose(), true).map_err(Error::config)?;
        }
        // OAuth's token cache is made once the rest is built: it sends with the same settings.
        let (site_id, account_id, state, oauth) = match auth.kind {
            AuthKind::ApiKey {
                key,
                site_id,
                account_id,
            } => (site_id, account_id, AuthState::Static(static_auth(&key)?), None),
            AuthKind::AccessToken(token) => (None, None, AuthState::Static(static_auth(&token)?), None),
            AuthKind::OAuth(app) => (None, None, AuthState::None, Some(app)),
        };
        if let Some(site) = self.site_id.or(site_id) {
            headers::insert(&mut default_headers, "wix-site-id", &site, false).map_err(Error::config)?;
        }
        if let Some(account) = self.account_id.or(account_id) {
            headers::insert(&mut default_headers, "wix-account-id", &account, false).map_err(Error::config)?;
        }

        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            // Wix APIs do not redirect; never carry credentials to another location.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("wix-client/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                Error::config(format!(
                    "the HTTP client could not be created: {}",
                    crate::error::describe_chain(&e)
                ))
            })?;
        let mut inner = Inner {
            http,
            base_url,
            base_path,
            auth: state,
            default_headers,
            retry: self.retry,
            observer: self.observer,
            timeout: self.timeout,
            max_response_body: self.max_response_body,
        };
        if let Some(app) = oauth {
            let fetcher = Arc::new(inner.unauthenticated());
            inner.auth = AuthState::OAuth(TokenCache::new(app, self.token_refresh_margin, fetcher));
        }
        Ok(Client { inner: Arc::new(inner) })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header_names: Vec<&str> = self.default_headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("auth", &self.auth)
            .field("site_id", &self.site_id)
            .field("account_id", &self.account_id)
            .field("default_headers", &header_names)
            .field("retry", &self.retry)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("token_refresh_margin", &self.token_refresh_margin)
            .field("observer", &self.observer.is_some())
            .field("max_response_body", &self.max_response_body)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish()
    }
}

/// Checks a static `Authorization` value without ever echoing it.
fn static_auth(secret: &Secret) -> Result<reqwest::header::HeaderValue, Error> {
    if secret.expose().is_empty() {
        return Err(Error::config("the API key or access token is empty"));
    }
    headers::value("authorization", secret.expose(), true).map_err(Error::config)
}

/// Returns the base URL without a trailing slash, and its path part.
fn parse_base_url(raw: &str, allow_insecure_http: bool) -> Result<(String, String), Error> {
    // Echo the URL in errors only when it cannot hold credentials.
    let shown = if raw.contains('@') { "(hidden)" } else { raw };
    let url = Url::parse(raw).map_err(|e| Error::config(format!("the base URL `{shown}` is not a valid URL: {e}")))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::config(
            "the base URL must not contain credentials: use `ClientBuilder::auth`",
        ));
    }
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::config(format!("the base URL `{shown}` must use http or https")));
    }
    if url.scheme() == "http" && !allow_insecure_http && !is_loopback(url.host_str()) {
        return Err(Error::config(format!(
            "the base URL `{shown}` uses http for a host that is not this machine: every request would \
             carry the API key or token in cleartext. Use https, or call \
             `ClientBuilder::allow_insecure_http(true)` if the network path is trusted"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::config(format!(
            "the base URL `{shown}` must not contain a query or a fragment"
        )));
    }
    let base = url.as_str().trim_end_matches('/').to_owned();
    let path = url.path().trim_end_matches('/').to_owned();
    Ok((base, path))
}

/// Whether a URL host is this machine: `localhost` or a loopback address.
fn is_loopback(host: Option<&str>) -> bool {
    let Some(host) = host else { return false };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.trim_end_matches('.').eq_ignore_ascii_case("localhost"),
    }
}
