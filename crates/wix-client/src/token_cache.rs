//! The OAuth token cache: one shared refresh at a time, whose result (error
//! included) reaches every caller waiting for it.
//!
//! No lock is held while a token is fetched: the mutex only guards the cached
//! token and the refresh in flight, a [`Shared`] future that every waiter
//! polls. Each waiter gives up after its own request's timeout; the refresh
//! goes on for the others (and for the next caller, who joins it).

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use futures::FutureExt;
use futures::future::{BoxFuture, Shared};
use reqwest::header::HeaderValue;
use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use crate::auth::{OAuthApp, TOKEN_OPERATION};
use crate::client::Inner;
use crate::error::Error;
use crate::headers;
use crate::method::HttpMethod;
use crate::request::ApiRequest;

/// The path of the token endpoint, under the base URL.
const TOKEN_PATH: &str = "/oauth2/token";

/// An access token in use; `generation` tells tokens apart without comparing secrets.
#[derive(Clone)]
pub(crate) struct Token {
    pub(crate) header: HeaderValue,
    pub(crate) generation: u64,
    /// When to fetch a new one; `None` keeps it until Wix refuses it.
    refresh_at: Option<Instant>,
}

/// A refresh as its waiters see it.
type Refresh = Shared<BoxFuture<'static, Result<Token, Arc<Error>>>>;

/// Caches the OAuth token of one client.
pub(crate) struct TokenCache {
    app: OAuthApp,
    margin: Duration,
    /// Sends the token requests: the client's settings, without authentication.
    fetcher: Arc<Inner>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    token: Option<Token>,
    generation: u64,
    /// The refresh in flight and its generation.
    refresh: Option<(u64, Refresh)>,
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

impl TokenCache {
    /// `fetcher` sends the token requests; it must not itself use OAuth.
    pub(crate) fn new(app: OAuthApp, margin: Duration, fetcher: Arc<Inner>) -> Self {
        TokenCache {
            app,
            margin,
            fetcher,
            state: Mutex::new(State::default()),
        }
    }

    pub(crate) fn app(&self) -> &OAuthApp {
        &self.app
    }

    /// The state; nothing panics while it is locked, so a poisoned lock is still consistent.
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Returns a token that is not due for refresh, fetching one if needed.
    /// Concurrent callers share one fetch and its result, error included; each
    /// waits at most `wait` (its request's timeout).
    pub(crate) async fn get(&self, wait: Duration) -> Result<Token, Error> {
        let (generation, refresh) = {
            let mut state = self.state();
            if let Some(token) = &state.token
                && token.refresh_at.is_none_or(|at| Instant::now() < at)
            {
                return Ok(token.clone());
            }
            match &state.refresh {
                Some(refresh) => refresh.clone(),
                None => {
                    state.generation += 1;
                    let generation = state.generation;
                    let fetch = fetch(Arc::clone(&self.fetcher), self.app.clone(), self.margin, generation);
                    let refresh = fetch.map(|result| result.map_err(Arc::new)).boxed().shared();
                    state.refresh = Some((generation, refresh.clone()));
                    (generation, refresh)
                }
            }
        };
        let Ok(result) = tokio::time::timeout(wait, refresh).await else {
            return Err(Error::Auth {
                source: Box::new(Error::Timeout {
                    operation: TOKEN_OPERATION,
                    method: HttpMethod::Post,
                    path: format!("{}{TOKEN_PATH}", self.fetcher.base_path),
                    attempts: 1,
                }),
            });
        };
        {
            // The first waiter back files the result; a failure is not kept, so
            // the next caller starts a new refresh.
            let mut state = self.state();
            if state.refresh.as_ref().is_some_and(|(g, _)| *g == generation) {
                state.refresh = None;
                if let Ok(token) = &result {
                    state.token = Some(token.clone());
                }
            }
        }
        result.map_err(|e| Error::Auth {
            source: Box::new(e.duplicate()),
        })
    }

    /// Forgets `used` after Wix refused it, unless another task already replaced it.
    pub(crate) fn invalidate(&self, used: &Token) {
        let mut state = self.state();
        if state.token.as_ref().is_some_and(|t| t.generation == used.generation) {
            state.token = None;
        }
    }
}

/// Requests a new token. The refresh is due `margin` before the token expires,
/// and at the latest half-way through its lifetime (a token living less than
/// the margin is still used for half its life, not refetched for every request).
///
/// Boxed (with a named type) because it runs the client's request loop, which
/// itself asks the cache for tokens: the compiler could not see through the cycle.
fn fetch(
    inner: Arc<Inner>,
    app: OAuthApp,
    margin: Duration,
    generation: u64,
) -> BoxFuture<'static, Result<Token, Error>> {
    Box::pin(async move { fetch_token(&inner, &app, margin, generation).await })
}

async fn fetch_token(inner: &Inner, app: &OAuthApp, margin: Duration, generation: u64) -> Result<Token, Error> {
    let started = Instant::now();
    let request = ApiRequest::new(HttpMethod::Post, TOKEN_OPERATION)
        .path(TOKEN_PATH)
        .json(&TokenRequest {
            grant_type: "client_credentials",
            client_id: app.client_id(),
            client_secret: app.client_secret().expose(),
            instance_id: app.instance_id(),
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
    let refresh_at = response.expires_in.and_then(|secs| {
        let lifetime = Duration::from_secs(u64::try_from(secs).unwrap_or(0));
        started.checked_add(lifetime - margin.min(lifetime / 2))
    });
    Ok(Token {
        header,
        generation,
        refresh_at,
    })
}
