//! Service plugins: a signed call reaches the plugin's trait method through the
//! generated adapter (`wix_apis::gift_cards`, generated from
//! `schemas/gift-cards/get-balance.md`, a copy of the fixture page
//! `tests/fixtures/pages/reconstructed/gift-card-provider-get-balance.md`),
//! and answers 200 with the JSON response or an applicationError with its status.

mod support;

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use support::*;
use wix_apis::gift_cards::{
    GetBalanceErrors, GetBalanceRequest, GetBalanceResponse, GiftCardProviderPlugin, GiftCardProviderPluginHandler,
};
use wix_app::ServicePlugins;
use wix_app::plugin::{ApplicationError, Metadata, Reply, ReplyFuture, ServicePlugin};

/// A provider that knows two cards, and remembers the metadata it was given.
#[derive(Default)]
struct Provider {
    seen: Arc<Mutex<Vec<Metadata>>>,
}

impl GiftCardProviderPlugin for Provider {
    async fn get_balance(
        &self,
        request: GetBalanceRequest,
        metadata: Metadata,
    ) -> Result<GetBalanceResponse, ApplicationError> {
        let currency = metadata.currency.clone().unwrap_or_else(|| "USD".to_owned());
        self.seen.lock().unwrap().push(metadata);
        match (request.code.as_deref().unwrap_or_default(), request.pin.as_deref()) {
            ("GC-100", _) => Ok(GetBalanceResponse::new()
                .with_balance("100.00")
                .with_currency_code(currency)),
            ("GC-OFF", _) => Err(GetBalanceErrors::gift_card_disabled().with_data(json!({"reason": "blocked"}))),
            _ => Err(GetBalanceErrors::gift_card_not_found()),
        }
    }
}

fn plugins(provider: Provider) -> ServicePlugins {
    ServicePlugins::new(verifier(), APP_ID).register(GiftCardProviderPluginHandler(provider))
}

fn call(request: Value) -> String {
    sign(&plugin_claims(request, metadata()))
}

fn body(response: &wix_app::Response) -> Value {
    serde_json::from_str(response.body()).unwrap()
}

#[tokio::test]
async fn a_signed_call_answers_200_with_the_json_response() {
    let provider = Provider::default();
    let seen = Arc::clone(&provider.seen);
    let plugins = plugins(provider);
    let response = plugins
        .handle(
            "getBalance",
            call(json!({"code": "GC-100", "appInstanceId": "x"})).as_bytes(),
        )
        .await;
    assert_eq!(response.status(), 200, "{}", response.body());
    assert_eq!(response.content_type(), "application/json");
    assert_eq!(body(&response), json!({"balance": "100.00", "currencyCode": "USD"}));
    assert!(response.summary().contains("getBalance") && response.summary().contains("req-42"));

    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].request_id.as_deref(), Some("req-42"));
    assert_eq!(seen[0].instance_id.as_deref(), Some(INSTANCE_ID));
    assert_eq!(seen[0].languages, ["en"]);
    assert_eq!(
        seen[0].identity.as_ref().unwrap().anonymous_visitor_id.as_deref(),
        Some("v-1")
    );
    assert_eq!(
        seen[0].other.get("appExtensionType"),
        Some(&json!("GIFT_CARDS_PROVIDER"))
    );
}

#[tokio::test]
async fn an_application_error_answers_its_status_and_code() {
    let plugins = plugins(Provider::default());
    let response = plugins
        .handle("getBalance", call(json!({"code": "nope"})).as_bytes())
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(
        body(&response),
        json!({"applicationError": {"code": "GIFT_CARD_NOT_FOUND", "data": {}}})
    );
    assert!(
        response.summary().contains("404 GIFT_CARD_NOT_FOUND"),
        "{}",
        response.summary()
    );

    let response = plugins
        .handle("getBalance", call(json!({"code": "GC-OFF"})).as_bytes())
        .await;
    assert_eq!(response.status(), 428);
    assert_eq!(
        body(&response),
        json!({"applicationError": {"code": "GIFT_CARD_DISABLED", "data": {"reason": "blocked"}}})
    );
}

#[tokio::test]
async fn the_qualified_method_name_works_too() {
    let plugins = plugins(Provider::default());
    assert_eq!(
        plugins.methods(),
        ["getBalance", "giftCards.GiftCardProvider.getBalance"]
    );
    let response = plugins
        .handle(
            "giftCards.GiftCardProvider.getBalance",
            call(json!({"code": "GC-100"})).as_bytes(),
        )
        .await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_call_that_fails_verification_answers_401_and_reaches_no_plugin() {
    let provider = Provider::default();
    let seen = Arc::clone(&provider.seen);
    let plugins = plugins(provider);
    let claims = plugin_claims(json!({"code": "GC-100"}), metadata());
    let mut wrong_aud = claims.clone();
    wrong_aud["aud"] = json!("another-app");
    let mut wrong_iss = claims.clone();
    wrong_iss["iss"] = json!("wix.com.evil.example");
    let mut expired = claims.clone();
    expired["exp"] = json!(now() - 3600);
    let cases = [
        (sign(&wrong_aud), "aud"),
        (sign(&wrong_iss), "iss"),
        (sign(&expired), "exp"),
        (
            sign_with(&claims, WRONG_PRIVATE, jsonwebtoken::Algorithm::RS256),
            "signature",
        ),
        (hs256_with_public_key(&claims), "alg"),
        (claims.to_string(), "format"),
    ];
    for (token, check) in cases {
        let response = plugins.handle("getBalance", token.as_bytes()).await;
        assert_eq!(response.status(), 401, "{check}: {}", response.summary());
        assert!(
            response.summary().contains(&format!("({check})")),
            "{}",
            response.summary()
        );
    }
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_verified_call_with_a_mismatched_request_answers_400() {
    let plugins = plugins(Provider::default());
    let response = plugins
        .handle("getBalance", call(json!({"code": 100, "pin": "1234"})).as_bytes())
        .await;
    assert_eq!(response.status(), 400);
    let message = body(&response)["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("GetBalanceRequest") && message.contains("`code`"),
        "{message}"
    );
    assert!(!message.contains("1234"), "{message}");

    let no_request = sign(&json!({"iss": "wix.com", "aud": APP_ID, "exp": now() + 300, "data": {"metadata": {}}}));
    assert_eq!(plugins.handle("getBalance", no_request.as_bytes()).await.status(), 400);
    let bad_metadata = sign(&plugin_claims(json!({"code": "GC-100"}), json!({"languages": "en"})));
    assert_eq!(
        plugins.handle("getBalance", bad_metadata.as_bytes()).await.status(),
        400
    );
}

#[tokio::test]
async fn a_method_no_plugin_answers_is_404_after_verification() {
    let plugins = plugins(Provider::default());
    let response = plugins
        .handle("redeem", call(json!({"code": "GC-100"})).as_bytes())
        .await;
    assert_eq!(response.status(), 404);
    // Unverified requests learn nothing about the routes.
    let response = plugins.handle("redeem", b"forged").await;
    assert_eq!(response.status(), 401);
}

/// Another service that also has a `getBalance` method.
struct LoyaltyPoints;

impl ServicePlugin for LoyaltyPoints {
    fn service(&self) -> &'static str {
        "loyalty.PointsProvider"
    }
    fn methods(&self) -> &'static [&'static str] {
        &["getBalance"]
    }
    fn call<'a>(&'a self, _method: &'a str, _request: Value, _metadata: Metadata) -> ReplyFuture<'a> {
        Box::pin(async { Reply::ok(&json!({"points": 5})) })
    }
}

#[tokio::test]
async fn a_method_name_two_services_share_needs_its_qualified_name() {
    let plugins = plugins(Provider::default()).register(LoyaltyPoints);
    let response = plugins
        .handle("getBalance", call(json!({"code": "GC-100"})).as_bytes())
        .await;
    assert_eq!(response.status(), 404);
    let message = body(&response)["message"].as_str().unwrap().to_owned();
    assert!(message.contains("giftCards.GiftCardProvider") && message.contains("loyalty.PointsProvider"));
    let response = plugins
        .handle("loyalty.PointsProvider.getBalance", call(json!({})).as_bytes())
        .await;
    assert_eq!(body(&response), json!({"points": 5}));
    let response = plugins
        .handle(
            "giftCards.GiftCardProvider.getBalance",
            call(json!({"code": "GC-100"})).as_bytes(),
        )
        .await;
    assert_eq!(response.status(), 200);
}

#[test]
#[should_panic(expected = "registered twice")]
fn registering_a_service_twice_is_a_setup_error() {
    let _ = plugins(Provider::default()).register(GiftCardProviderPluginHandler(Provider::default()));
}
