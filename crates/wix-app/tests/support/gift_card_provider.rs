//! HAND-WRITTEN STAND-IN for the code wixgen's codegen will emit for the
//! `giftCards.GiftCardProvider` service-plugin service, from
//! `tests/fixtures/pages/reconstructed/gift-card-provider-get-balance.md`.
//! It follows the contract in docs/CONTRACTS.md ("service plugins"); the
//! codegen work replaces it with generated code. Used by the tests and by
//! `examples/wix_app.rs`.
#![allow(dead_code)]

use serde::{Deserialize, Serialize};
use wix_client::plugin::{ApplicationError, Metadata, Reply, ReplyFuture, ServicePlugin, decode_request};

/// Request of `getBalance`: what Wix sends the app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetBalanceRequest {
    /// App GUID of the gift card provider. Deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_instance_id: Option<String>,
    /// Gift card code.
    pub code: String,
    /// GUID of the physical location where the gift card is used, from the Locations API or an external provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    /// Gift card PIN, when the gift card has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

/// Response of `getBalance`: what the app answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetBalanceResponse {
    /// Current balance of the gift card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<String>,
    /// Currency of the balance, in ISO-4217 format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Date and time the gift card expires, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
}

impl GetBalanceResponse {
    /// A response with every field unset.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets `balance`.
    pub fn with_balance(mut self, value: impl Into<String>) -> Self {
        self.balance = Some(value.into());
        self
    }
    /// Sets `currencyCode`.
    pub fn with_currency_code(mut self, value: impl Into<String>) -> Self {
        self.currency_code = Some(value.into());
        self
    }
    /// Sets `expirationDate`.
    pub fn with_expiration_date(mut self, value: impl Into<String>) -> Self {
        self.expiration_date = Some(value.into());
        self
    }
}

/// The application errors the `getBalance` page lists under "Possible Errors".
pub struct GetBalanceErrors;

impl GetBalanceErrors {
    /// `GIFT_CARD_NOT_FOUND` (HTTP 404): No gift card has this code.
    pub fn gift_card_not_found() -> ApplicationError {
        ApplicationError::new(404, "GIFT_CARD_NOT_FOUND")
    }
    /// `GIFT_CARD_DISABLED` (HTTP 428): The gift card is disabled.
    pub fn gift_card_disabled() -> ApplicationError {
        ApplicationError::new(428, "GIFT_CARD_DISABLED")
    }
    /// `GIFT_CARD_EXPIRED` (HTTP 428): The gift card has expired.
    pub fn gift_card_expired() -> ApplicationError {
        ApplicationError::new(428, "GIFT_CARD_EXPIRED")
    }
}

/// The `GiftCardProvider` service plugin of the `giftCards` package: implement
/// it, wrap it in [`GiftCardProviderPluginHandler`] and register that with
/// `wix_app::ServicePlugins`.
pub trait GiftCardProviderPlugin: Send + Sync + 'static {
    /// Retrieves a gift card's balance from your app. Wix calls this method when a customer applies a gift card as a payment method at checkout.
    ///
    /// Method `getBalance`.
    ///
    /// Wix docs: <https://dev.wix.com/docs/api-reference/business-solutions/e-commerce/payments/gift-cards/gift-cards-service-plugin/get-balance.md>
    fn get_balance(
        &self,
        request: GetBalanceRequest,
        metadata: Metadata,
    ) -> impl std::future::Future<Output = Result<GetBalanceResponse, ApplicationError>> + Send;
}

/// Adapts a [`GiftCardProviderPlugin`] to [`ServicePlugin`], the dispatcher's view.
pub struct GiftCardProviderPluginHandler<T>(pub T);

impl<T: GiftCardProviderPlugin> ServicePlugin for GiftCardProviderPluginHandler<T> {
    fn service(&self) -> &'static str {
        "giftCards.GiftCardProvider"
    }

    fn methods(&self) -> &'static [&'static str] {
        &["getBalance"]
    }

    fn call<'a>(&'a self, method: &'a str, request: serde_json::Value, metadata: Metadata) -> ReplyFuture<'a> {
        Box::pin(async move {
            match method {
                "getBalance" => match decode_request::<GetBalanceRequest>(method, request) {
                    Ok(request) => Reply::from_result(self.0.get_balance(request, metadata).await),
                    Err(reply) => reply,
                },
                _ => Reply::unknown_method(method),
            }
        })
    }
}
