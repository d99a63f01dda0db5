//! Credentials: API keys, OAuth apps (client credentials) and fixed access tokens.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use reqwest::header::HeaderValue;
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::client::Inner;
use crate::error::Error;
use crate::headers;
use crate::method::HttpMethod;
use crate::request::ApiRequest;
use crate::secret::Secret;

/// The operation name used for token requests in errors and observers.
pub(crate) const TOKEN_OPERATION: &str = "oauth2.token";

/// How the client authenticates. Every secret inside is redacted in `Debug` output.
///
/// ```
/// use wix_client::{Auth, OAuthApp};
///
/// let site = Auth::api_key_for_site("IST.key", "site-id");
/// let account = Auth::api_key_for_account("IST.key", "account-id");
/// let app = Auth::oauth_app(OAuthApp::new("app-id", "app-secret", "instance-id"));
/// let token = Auth::access_token("OauthNG.JWS.token");
/// assert!(!format!("{site:?}{account:?}{app:?}{token:?}").contains("IST.key"));
/// ```
#[derive(Clone)]
pub struct Auth {
    pub(crate) kind: AuthKind,
}

#[derive(Clone)]
pub(crate) enum AuthKind {
    ApiKey {
        key: Secret,
        site_id: Option<String>,
        account_id: Option<String>,
    },
    OAuth(OAuthApp),
    AccessToken(Secret),
}

impl Auth {
    /// An API key for site-level APIs: sends `Authorization: <key>` and `wix-site-id`.
    pub fn api_key_for_site(api_key: impl Into<Secret>, site_id: impl Into<String>) -> Self {
        Auth {
            kind: AuthKind::ApiKey {
                key: api_key.into(),
                site_id: Some(site_id.into()),
                account_id: None,
            },
        }
    }

    /// An API key for account-level APIs: sends `Authorization: <key>` and `wix-account-id`.
    pub fn api_key_for_account(api_key: impl Into<Secret>, account_id: impl Into<String>) -> Self {
        Auth {
            kind: AuthKind::ApiKey {
                key: api_key.into(),
                site_id: None,
                account_id: Some(account_id.into()),
            },
        }
    }

    /// An OAuth app: the client fetches an access token with the client-credentials
    /// grant from `POST {base_url}/oauth2/token`, reuses it, refreshes it before it
    /// expires (see [`ClientBuilder::token_refresh_margin`](crate::ClientBuilder::token_refresh_margin))
    /// and once after a 401 answer.
    pub fn oauth_app(app: OAuthApp) -> Self {
        Auth {
            kind: AuthKind::OAuth(app),
        }
    }

    /// A fixed access token, sent as `Authorization: <token>`. It is never refreshed.
    pub fn access_token(token: impl Into<Secret>) -> Self {
        Auth {
            kind: AuthKind::AccessToken(token.into()),
        }
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            AuthKind::ApiKey {
                key,
                site_id,
                account_id,
            } => f
                .debug_struct("Auth::ApiKey")
                .field("key", key)
                .field("site_id", site_id)
                .field("account_id", account_id)
                .finish(),
            AuthKind::OAuth(app) => f.debug_tuple("Auth::OAuth").field(app).finish(),
            AuthKind::AccessToken(token) => f.debug_tuple("Auth::AccessToken").field(token).finish(),
        }
    }
}

/// The credentials of a Wix app for the OAuth client-credentials grant.
#[derive(Clone)]
pub struct OAuthApp {
    client_id: String,
    client_secret: Secret,
    instance_id: String,
}

impl OAuthApp {
    /// The app ID (client ID), the app secret and the app instance ID of the site.
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<Secret>, instance_id: impl Into<String>) -> Self {
        OAuthApp {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            instance_id: instance_id.into(),
        }
    }

    /// The app ID.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The app instance ID.
    pub fn instance_id(&self) -> &str {
        &self.instance_id
    }
}

impl fmt::Debug for OAuthApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApp")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("instance_id", &self.instance_id)
            .finish()
    }
}

/// The `Authorization` source of a built client.
pub(crate) enum AuthState {
    /// An API key or a fixed token, already checked.
    Static(HeaderValue),
    /// An OAuth app with its cached token.
    OAuth(TokenCache),
}

impl fmt::Debug for AuthState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthState::Static(_) => f.write_str("Static(***)"),
            AuthState::OAuth(cache) => f.debug_tuple("OAuth").field(&cache.app).finish(),
        }
    }
}

/// An access token in use; `generation` tells tokens apart without comparing secrets.
#[derive(Clone)]
pub(crate) struct Token {
    pub(crate) header: HeaderValue,
    pub(crate) generation: u64,
    expires_at: Option<Instant>,
}

/// Caches the OAuth token; the mutex makes refreshes single-flight.
pub(crate) struct TokenCache {
    app: OAuthApp,
    margin: Duration,
    slot: Mutex<Slot>,
}

#[derive(Default)]
struct Slot {
    token: Option<Token>,
    generation: u64,
}

#[derive(Serialize)]
struct TokenRequest<'a> {
    grant_type: &'static str,
    client_id: &'a str,
    client_secret: &'a str,
    instance_id: &'a str,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default, with = "crate::wire::option_int64")]
    expires_in: Option<i64>,
}

type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<Token, Error>> + Send + 'a>>;

impl TokenCache {
    pub(crate) fn new(app: OAuthApp, margin: Duration) -> Self {
        TokenCache {
            app,
            margin,
            slot: Mutex::new(Slot::default()),
        }
    }

    /// Returns a token that does not expire within the margin, fetching one if needed.
    /// Concurrent callers wait for a single fetch.
    pub(crate) async fn get(&self, inner: &Inner) -> Result<Token, Error> {
        let mut slot = self.slot.lock().await;
        if let Some(token) = &slot.token {
            // An expiry too far away to compute counts as fresh; a margin too large to add, as stale.
            let fresh = token
                .expires_at
                .is_none_or(|at| Instant::now().checked_add(self.margin).is_some_and(|soon| soon < at));
            if fresh {
                return Ok(token.clone());
            }
        }
        slot.generation += 1;
        let generation = slot.generation;
        let token = self
            .fetch(inner, generation)
            .await
            .map_err(|e| Error::Auth { source: Box::new(e) })?;
        slot.token = Some(token.clone());
        Ok(token)
    }

    /// Forgets `used` after Wix refused it, unless another task already replaced it.
    pub(crate) async fn invalidate(&self, used: &Token) {
        let mut slot = self.slot.lock().await;
        if slot.token.as_ref().is_some_and(|t| t.generation == used.generation) {
            slot.token = None;
        }
    }

    /// Requests a new token. Boxed because it runs the client's request loop,
    /// which itself asks this cache for tokens.
    fn fetch<'a>(&'a self, inner: &'a Inner, generation: u64) -> TokenFuture<'a> {
        Box::pin(async move {
            let started = Instant::now();
            let request = ApiRequest::new(HttpMethod::Post, TOKEN_OPERATION)
                .path("/oauth2/token")
                .json(&TokenRequest {
                    grant_type: "client_credentials",
                    client_id: &self.app.client_id,
                    client_secret: self.app.client_secret.expose(),
                    instance_id: &self.app.instance_id,
                })?
                .retry_always();
            let raw = inner.execute(&request, false).await?;
            let response: TokenResponse = raw.decode(&request, true)?;
            let header = headers::value("authorization", &response.access_token, true).map_err(|reason| {
                Error::invalid_request(
                    TOKEN_OPERATION,
                    format!("the token endpoint returned an unusable token: {reason}"),
                )
            })?;
            // A lifetime too long to represent is treated as unknown: kept until a 401.
            let expires_at = response
                .expires_in
                .and_then(|secs| started.checked_add(Duration::from_secs(u64::try_from(secs).unwrap_or(0))));
            Ok(Token {
                header,
                generation,
                expires_at,
            })
        })
    }
}
