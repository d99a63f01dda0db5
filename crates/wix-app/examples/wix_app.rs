//! The receiving side of a Wix app, on axum: verified webhooks and a
//! gift-card provider's GetBalance service-plugin method.
//!
//! ```sh
//! WIX_APP_PUBLIC_KEY="$(cat public.pem)" WIX_APP_ID=<app id> PORT=3000 \
//!     cargo run -p wix-app --example wix_app
//! ```
//!
//! - `WIX_APP_PUBLIC_KEY`: the app's public key from the app dashboard, PEM or
//!   base64 of the PEM (required).
//! - `WIX_APP_ID`: the app's ID, the `aud` of service-plugin calls (required).
//! - `PORT`: where to listen on 127.0.0.1 (default 3000; 0 picks a free port).
//!
//! Routes: `POST /webhooks` (handlers for `wix.ecom.v1.order_created` and
//! `AppInstalled`; other event types are acknowledged) and `POST /v1/balance`
//! (GetBalance: a fixed balance of 25.00 for codes starting `GC-`,
//! `GIFT_CARD_NOT_FOUND` for any other code). A request that fails
//! verification answers 401. The first line printed is `listening on
//! http://ADDR`; then one line per request, and a line from each handler.

use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::Deserialize;
use wix_apis::gift_cards::{
    GetBalanceErrors, GetBalanceRequest, GetBalanceResponse, GiftCardProviderPlugin, GiftCardProviderPluginHandler,
};
use wix_app::plugin::{ApplicationError, Metadata};
use wix_app::webhook::{Event, Webhooks};
use wix_app::{PublicKey, ServicePlugins, Verifier};

/// The part of an eCommerce order this app reads.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Order {
    id: String,
    #[serde(default)]
    number: Option<String>,
}

/// The payload of the older `AppInstalled` event.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppInstalled {
    app_id: String,
}

/// The gift-card provider: one fixed balance.
struct FixedBalance;

impl GiftCardProviderPlugin for FixedBalance {
    async fn get_balance(
        &self,
        request: GetBalanceRequest,
        metadata: Metadata,
    ) -> Result<GetBalanceResponse, ApplicationError> {
        if !request.code.as_deref().is_some_and(|code| code.starts_with("GC-")) {
            return Err(GetBalanceErrors::gift_card_not_found());
        }
        let currency = metadata.currency.unwrap_or_else(|| "USD".to_owned());
        Ok(GetBalanceResponse::new()
            .with_balance("25.00")
            .with_currency_code(currency))
    }
}

struct App {
    webhooks: Webhooks,
    plugins: ServicePlugins,
}

fn config(name: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => Ok(value),
        _ => Err(format!(
            "{name} is not set. usage: WIX_APP_PUBLIC_KEY=<PEM or base64 PEM> WIX_APP_ID=<app id> [PORT=3000] \
             cargo run -p wix-app --example wix_app"
        )),
    }
}

fn setup() -> Result<(App, u16), String> {
    let key = PublicKey::from_pem(&config("WIX_APP_PUBLIC_KEY")?).map_err(|e| format!("WIX_APP_PUBLIC_KEY: {e}"))?;
    let app_id = config("WIX_APP_ID")?;
    let port = match std::env::var("PORT") {
        Ok(port) => port
            .trim()
            .parse::<u16>()
            .map_err(|_| format!("PORT must be a port number (0-65535), not `{port}`"))?,
        Err(_) => 3000,
    };
    let verifier = Verifier::new(key);
    let webhooks = Webhooks::new(verifier.clone())
        .on("wix.ecom.v1.order_created", |event: Event<Order>| async move {
            if let Some(order) = event.payload.into_inner() {
                let number = order.number.as_deref().unwrap_or("-");
                let instance = event.instance_id.as_deref().unwrap_or("-");
                println!(
                    "handler: order {} (number {number}) created on instance {instance}",
                    order.id
                );
            }
            Ok(())
        })
        .on("AppInstalled", |event: Event<AppInstalled>| async move {
            let app_id = event.payload.into_inner().map(|p| p.app_id).unwrap_or_default();
            let instance = event.instance_id.as_deref().unwrap_or("-");
            println!("handler: app {app_id} installed on instance {instance}");
            Ok(())
        });
    let plugins = ServicePlugins::new(verifier, app_id).register(GiftCardProviderPluginHandler(FixedBalance));
    Ok((App { webhooks, plugins }, port))
}

fn answer(route: &str, response: wix_app::Response) -> Response {
    println!("POST {route} {} {}", response.status(), response.summary());
    let status = StatusCode::from_u16(response.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, response.content_type())],
        response.into_body(),
    )
        .into_response()
}

async fn webhooks(State(app): State<Arc<App>>, body: Bytes) -> Response {
    answer("/webhooks", app.webhooks.handle(&body).await)
}

async fn balance(State(app): State<Arc<App>>, body: Bytes) -> Response {
    answer("/v1/balance", app.plugins.handle("getBalance", &body).await)
}

async fn not_found(method: Method, uri: Uri) -> StatusCode {
    let path: String = uri.path().chars().filter(|c| !c.is_control()).take(120).collect();
    println!("{method} {path} 404 no such route");
    StatusCode::NOT_FOUND
}

#[tokio::main]
async fn main() -> ExitCode {
    let (app, port) = match setup() {
        Ok(setup) => setup,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let router = Router::new()
        .route("/webhooks", post(webhooks))
        .route("/v1/balance", post(balance))
        .fallback(not_found)
        .with_state(Arc::new(app));
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(addr) => println!("listening on http://{addr}"),
        Err(e) => eprintln!("warning: listening, but the address is unknown: {e}"),
    }
    if let Err(e) = axum::serve(listener, router).await {
        eprintln!("error: the server stopped: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
