//! Runtime for the generated `wix-apis` crate: an async HTTP client for Wix's
//! REST APIs with authentication, typed errors, retries, pagination and hooks.
//!
//! Generated code builds an [`ApiRequest`] per call and sends it with
//! [`Client::send`]; people use it the same way for endpoints that are not
//! generated.
//!
//! ```no_run
//! use serde::{Deserialize, Serialize};
//! use wix_client::{ApiRequest, Auth, Client, HttpMethod, OAuthApp, RequestOptions};
//!
//! #[derive(Serialize)]
//! struct Paging { limit: u32 }
//! #[derive(Serialize)]
//! struct ListQuery { paging: Paging }
//! #[derive(Deserialize)]
//! struct Conversation { id: String }
//! #[derive(Deserialize)]
//! struct ListResponse { conversations: Vec<Conversation> }
//!
//! # async fn run() -> Result<(), wix_client::Error> {
//! // An OAuth app: tokens are fetched, cached and refreshed by the client.
//! let client = Client::builder()
//!     .auth(Auth::oauth_app(OAuthApp::new("app-id", "app-secret", "instance-id")))
//!     .build()?;
//!
//! // GET /inbox/v2/conversations?paging.limit=10
//! let request = ApiRequest::new(HttpMethod::Get, "inbox.ConversationsService.listConversations")
//!     .path("/inbox/v2/conversations")
//!     .query(&ListQuery { paging: Paging { limit: 10 } })?
//!     .options(&RequestOptions::default().header("x-correlation-id", "job-42"));
//! match client.send::<ListResponse>(request).await {
//!     Ok(list) => println!("{} conversations", list.conversations.len()),
//!     Err(e) if e.status() == Some(404) => println!("no inbox on this site"),
//!     Err(e) => return Err(e),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Behaviour in brief
//!
//! - **Auth** ([`Auth`]): API key with a site or account ID, OAuth app
//!   (client-credentials token from `{base_url}/oauth2/token`, cached, refreshed
//!   before expiry and once after a 401; one refresh at a time, shared with
//!   every waiter, error included, each waiting at most its own timeout), or a
//!   fixed token.
//! - **Errors** ([`Error`]): transport, timeout, Wix API error (status, message,
//!   application and validation errors, request ID), undecodable response (JSON
//!   path and body excerpt), invalid request, configuration, auth.
//! - **Retries** ([`RetryPolicy`]): exponential backoff with jitter, `Retry-After`
//!   (seconds or HTTP date; a longer wait than the policy allows ends the
//!   retries with [`Error::RateLimited`] for a 429);
//!   429 for all methods, 502/503/504 and connection failures for `GET`/`DELETE`
//!   or on opt-in ([`RequestOptions::retry_non_idempotent`]).
//! - **Limits**: response bodies read up to 16 MiB
//!   ([`ClientBuilder::max_response_body`]); `https` required for the base URL
//!   except on loopback ([`ClientBuilder::allow_insecure_http`]).
//! - **Pagination** ([`paginate::cursor_stream`]), cursor cycles detected.
//! - **Typed queries** ([`wql`]): filters, sorting and paging in the Wix API
//!   Query Language, checked at compile time.
//! - **Hooks**: per-request and default headers, and an [`Observer`].
//! - **Tracing** (feature `tracing`, on by default): `tracing` spans and events
//!   under the target `wix_client`: a span `wix_call` per call (operation, HTTP
//!   method, path template), an event per attempt (status, attempt number,
//!   retry delay, `x-wix-request-id`), a warning when retries run out. Never a
//!   header value, query string or body. Install any `tracing` subscriber
//!   (`tracing-subscriber` with `RUST_LOG=wix_client=debug`) to see them.
//! - **Service plugins** ([`plugin`]): the types generated service-plugin
//!   code names (the app side; `wix-app` verifies and serves the calls).
//! - **Secrets** ([`Secret`]) never appear in `Debug` output or errors; header
//!   values with line breaks are refused.

#![warn(missing_docs)]

mod auth;
mod body;
mod client;
mod error;
mod execute;
mod headers;
mod method;
mod observe;
pub mod paginate;
mod path;
pub mod plugin;
mod query;
mod request;
mod retry;
mod retry_after;
mod secret;
mod token_cache;
mod trace;
pub mod wire;
pub mod wql;

pub use auth::{Auth, OAuthApp};
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use error::{
    ApiError, ApplicationError, BoxError, DecodeError, Error, ErrorKind, FieldViolation, RateLimitError,
    ValidationError,
};
pub use method::HttpMethod;
pub use observe::{Observer, RequestInfo, ResponseInfo};
pub use request::{ApiRequest, RequestOptions};
pub use retry::RetryPolicy;
pub use secret::Secret;

/// The crates generated code names, re-exported so that a crate of generated
/// bindings (or an `include_api!` expansion) needs no dependency but
/// `wix-client`. Depend on them yourself for your own code.
pub mod reexports {
    pub use futures;
    pub use serde;
    pub use serde_json;
}
