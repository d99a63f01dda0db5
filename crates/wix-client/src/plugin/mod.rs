//! What generated service-plugin code names: the types an app's plugin
//! implementation receives and answers with.
//!
//! Wix calls a *service plugin* that an app implements (a gift-card provider's
//! balance and redeem, shipping rates, additional fees): it POSTs a signed token
//! whose verified claims carry `{request, metadata}`, and expects the response
//! message as JSON (200) or `{"applicationError": {...}}` with the error's
//! HTTP status.
//!
//! This module holds only the light, dependency-free part (serde and serde_json):
//! [`Metadata`] and [`Identity`], [`ApplicationError`], the [`Reply`] that goes
//! back on the wire, and the object-safe [`ServicePlugin`] trait that a generated
//! per-service adapter implements. Verifying the token and serving HTTP is the
//! job of the `wix-app` crate, which hands verified requests to a
//! [`ServicePlugin`].
//!
//! A generated adapter looks like this (one `match` arm per method):
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! use wix_client::plugin::{ApplicationError, Metadata, Reply, ReplyFuture, ServicePlugin, decode_request};
//!
//! #[derive(Deserialize)]
//! struct GetBalanceRequest { code: String }
//! #[derive(Serialize)]
//! struct GetBalanceResponse { balance: String }
//!
//! struct Handler;
//! impl Handler {
//!     async fn get_balance(&self, r: GetBalanceRequest, _: Metadata) -> Result<GetBalanceResponse, ApplicationError> {
//!         if r.code == "unknown" {
//!             return Err(ApplicationError::new(404, "GIFT_CARD_NOT_FOUND"));
//!         }
//!         Ok(GetBalanceResponse { balance: "25.00".to_owned() })
//!     }
//! }
//!
//! impl ServicePlugin for Handler {
//!     fn service(&self) -> &'static str { "giftCards.GiftCardProvider" }
//!     fn methods(&self) -> &'static [&'static str] { &["getBalance"] }
//!     fn call<'a>(&'a self, method: &'a str, request: serde_json::Value, metadata: Metadata) -> ReplyFuture<'a> {
//!         Box::pin(async move {
//!             match method {
//!                 "getBalance" => match decode_request::<GetBalanceRequest>(method, request) {
//!                     Ok(request) => Reply::from_result(self.get_balance(request, metadata).await),
//!                     Err(reply) => reply,
//!                 },
//!                 _ => Reply::unknown_method(method),
//!             }
//!         })
//!     }
//! }
//! ```

mod error;
mod metadata;
mod reply;

use std::future::Future;
use std::pin::Pin;

pub use error::ApplicationError;
pub use metadata::{Identity, Metadata};
pub use reply::{Reply, decode_request};

/// The future a [`ServicePlugin::call`] returns.
pub type ReplyFuture<'a> = Pin<Box<dyn Future<Output = Reply> + Send + 'a>>;

/// One service-plugin service an app implements, as a dispatcher sees it:
/// the methods it answers and a call that takes the verified request JSON.
///
/// Generated code implements it for an adapter around the per-service trait
/// (`GiftCardProviderPluginHandler<T>` for `GiftCardProviderPlugin`); apps
/// rarely implement it by hand.
pub trait ServicePlugin: Send + Sync + 'static {
    /// The service's qualified name, `<package>.<Namespace>` as on its pages
    /// (e.g. `giftCards.GiftCardProvider`), for logs and error messages.
    fn service(&self) -> &'static str;

    /// The methods this service answers, named as on their pages (`getBalance`).
    fn methods(&self) -> &'static [&'static str];

    /// Answers one call: decodes `request` into the method's request type
    /// (a mismatch answers 400, see [`decode_request`]), runs the app's code,
    /// and encodes its response or [`ApplicationError`] (see
    /// [`Reply::from_result`]). A method not in [`methods`](Self::methods)
    /// answers [`Reply::unknown_method`].
    fn call<'a>(&'a self, method: &'a str, request: serde_json::Value, metadata: Metadata) -> ReplyFuture<'a>;
}
