//! Credentials: API keys, OAuth apps (client credentials) and fixed access tokens.

use std::fmt;

use reqwest::header::HeaderValue;

use crate::secret::Secret;
pub(crate) use crate::token_cache::TokenCache;

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

    pub(crate) fn client_secret(&self) -> &Secret {
        &self.client_secret
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
    /// No `Authorization`: the requests to the OAuth token endpoint.
    None,
}

impl fmt::Debug for AuthState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthState::Static(_) => f.write_str("Static(***)"),
            AuthState::OAuth(cache) => f.debug_tuple("OAuth").field(cache.app()).finish(),
            AuthState::None => f.write_str("None"),
        }
    }
}
