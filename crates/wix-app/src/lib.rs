//! Receive what Wix sends a Wix app: verified webhooks and service-plugin calls.
//!
//! Wix calls an app in two ways, both a POST whose whole body is a compact JWT
//! signed RS256 with the app's key (the public half is on the app dashboard):
//!
//! - **Webhooks** (an order was paid, a message was sent): [`webhook::Webhooks`]
//!   verifies the token, reads the event ([`webhook::WebhookEvent`]), decodes
//!   its payload into your type ([`webhook::Event`]) and runs the handler
//!   registered for its event type. Unknown event types are acknowledged (200).
//! - **Service plugins** (a gift-card provider's balance, shipping rates):
//!   [`ServicePlugins`] verifies the token (also `iss` = `wix.com` and `aud` =
//!   the app ID), decodes `{request, metadata}` and calls the method of a
//!   plugin that implements [`wix_client::plugin::ServicePlugin`] (generated
//!   code does), answering 200 with the response or the `applicationError`'s
//!   status.
//!
//! Both answer a [`Response`] (status, JSON body, a log-safe one-line summary)
//! that maps onto any HTTP framework; `examples/wix_app.rs` uses axum.
//!
//! # Security model
//!
//! - A body larger than [`DEFAULT_MAX_TOKEN_BYTES`] (1 MiB, configurable
//!   with [`Verifier::max_token_bytes`]) is refused before anything of it is
//!   decoded; the header is decoded once.
//! - RS256 only: a header naming any other algorithm (`none`, `HS256`, ...) is
//!   refused before the key is used, so the public key can never act as an
//!   HMAC secret; a header with `crit` is refused (RFC 7515: extensions this
//!   crate does not understand).
//! - Nothing in the body is parsed before the signature holds: the claims are
//!   reachable only through [`VerifiedClaims`], which only [`Verifier`] makes.
//! - `exp` is required and must be a number in the future; `iat` and `nbf`,
//!   when present, must not be in the future; the leeway (default 60 s) is
//!   clamped to [`MAX_LEEWAY`] (5 minutes); a token may live at most
//!   [`MAX_TOKEN_LIFETIME`] (96 hours, `exp - iat`). Service plugins also need
//!   `iss` to be the string `wix.com` and `aud` the app ID (a string, or an
//!   array of strings holding it), compared by this crate; a service-plugin
//!   call posted to the webhook route is refused. A failed check answers 401
//!   and [`VerifyError::check`] names it.
//! - Every verified request has a delivery ID to drop a second delivery with:
//!   [`webhook::WebhookEvent::delivery_id`] (the envelope's `id`, else
//!   [`VerifiedClaims::token_digest`], a SHA-256 of the token's signature),
//!   with its `iat` and `exp` ([`VerifiedClaims::issued_at`],
//!   [`VerifiedClaims::expires_at`]) to know how long to remember it.
//! - With the feature `tracing` (on by default), each failed verification is a
//!   `WARN` event of target `wix_app` naming the failed check.
//! - Errors and logs never contain the token, the key, or request values;
//!   `Debug` of [`PublicKey`] and [`Verifier`] shows no key material.
//!
//! ```no_run
//! # async fn run(pem: &str, body: &[u8]) -> Result<(), wix_app::KeyError> {
//! let verifier = wix_app::Verifier::new(wix_app::PublicKey::from_pem(pem)?);
//! let webhooks = wix_app::webhook::Webhooks::new(verifier)
//!     .on_raw("AppInstalled", |event| async move {
//!         println!("installed on {:?}", event.instance_id());
//!         Ok(())
//!     });
//! let response = webhooks.handle(body).await;
//! println!("{} {}", response.status(), response.summary());
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod key;
mod offload;
mod response;
mod service_plugins;
mod trace;
mod verify;
pub mod webhook;

pub use key::{KeyError, PublicKey};
pub use response::Response;
pub use service_plugins::ServicePlugins;
pub use verify::{
    DEFAULT_MAX_TOKEN_BYTES, MAX_LEEWAY, MAX_TOKEN_LIFETIME, VerifiedClaims, Verifier, VerifyError, WIX_ISSUER,
};
/// The service-plugin types generated code names, re-exported from `wix-client`.
pub use wix_client::plugin;
