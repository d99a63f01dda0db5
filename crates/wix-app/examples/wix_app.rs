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
//! - `HEADER_TIMEOUT_SECS`: how long a client may take to send a request's
//!   headers, and an idle kept-alive connection may wait for its next
//!   request, before the connection is closed (default 10).
//! - `BODY_TIMEOUT_SECS`: how long a client may take to send a request's
//!   body; slower ones get 408 and the connection is closed (default 10).
//! - `BODY_LIMIT_BYTES`: the largest body accepted; larger ones get 413
//!   before they are read (default 1 MiB, `wix_app::DEFAULT_MAX_TOKEN_BYTES`).
//! - `MAX_CONNECTIONS`: connections served at once; further ones wait in the
//!   listen backlog until one closes (default 256).
//!
//! Routes: `POST /webhooks` (handlers for `wix.ecom.v1.order_created` and
//! `AppInstalled`; other event types are acknowledged) and `POST /v1/balance`
//! (GetBalance: a fixed balance of 25.00 for codes starting `GC-`,
//! `GIFT_CARD_NOT_FOUND` for any other code). A request that fails
//! verification answers 401. The first line printed is `listening on
//! http://ADDR`; then one line per request, and a line from each handler.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use serde::Deserialize;
use tokio::sync::Semaphore;
use wix_apis::gift_cards::{
    GetBalanceErrors, GetBalanceRequest, GetBalanceResponse, GiftCardProviderPlugin, GiftCardProviderPluginHandler,
};
use wix_app::plugin::{ApplicationError, Metadata};
use wix_app::webhook::{Event, Webhooks};
use wix_app::{DEFAULT_MAX_TOKEN_BYTES, PublicKey, ServicePlugins, Verifier};

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
    body_timeout: Duration,
}

/// What the server allows a client, from the environment.
struct Limits {
    port: u16,
    header_timeout: Duration,
    body_timeout: Duration,
    body_limit: usize,
    max_connections: usize,
}

const USAGE: &str = "usage: WIX_APP_PUBLIC_KEY=<PEM or base64 PEM> WIX_APP_ID=<app id> [PORT=3000] \
                     [HEADER_TIMEOUT_SECS=10] [BODY_TIMEOUT_SECS=10] [BODY_LIMIT_BYTES=1048576] \
                     [MAX_CONNECTIONS=256] cargo run -p wix-app --example wix_app";

/// A required setting, without the surrounding whitespace (a trailing
/// newline from `$(cat file)` or an env file would make every `aud` differ).
fn config(name: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => Ok(value.trim().to_owned()),
        _ => Err(format!("{name} is not set. {USAGE}")),
    }
}

/// An optional number, `default` when unset.
fn number<T: std::str::FromStr>(name: &str, default: T, what: &str) -> Result<T, String> {
    match std::env::var(name) {
        Ok(value) => value
            .trim()
            .parse::<T>()
            .map_err(|_| format!("{name} must be {what}, not `{}`. {USAGE}", value.trim())),
        Err(_) => Ok(default),
    }
}

fn seconds(name: &str, default: u64) -> Result<Duration, String> {
    let what = "a number of seconds above 0 (e.g. 10 or 0.5)";
    let secs = number::<f64>(name, default as f64, what)?;
    Duration::try_from_secs_f64(secs)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("{name} must be {what}, not `{secs}`. {USAGE}"))
}

fn setup() -> Result<(App, Limits), String> {
    let key = PublicKey::from_pem(&config("WIX_APP_PUBLIC_KEY")?).map_err(|e| format!("WIX_APP_PUBLIC_KEY: {e}"))?;
    let app_id = config("WIX_APP_ID")?;
    let limits = Limits {
        port: number("PORT", 3000, "a port number (0-65535)")?,
        header_timeout: seconds("HEADER_TIMEOUT_SECS", 10)?,
        body_timeout: seconds("BODY_TIMEOUT_SECS", 10)?,
        body_limit: number("BODY_LIMIT_BYTES", DEFAULT_MAX_TOKEN_BYTES, "a number of bytes")?,
        max_connections: match number::<usize>("MAX_CONNECTIONS", 256, "a number of connections above 0")? {
            0 => {
                return Err(format!(
                    "MAX_CONNECTIONS must be a number of connections above 0, not 0. {USAGE}"
                ));
            }
            n => n.min(Semaphore::MAX_PERMITS),
        },
    };
    // The verifier refuses what the server would refuse, should the limit grow.
    let verifier = Verifier::new(key).max_token_bytes(limits.body_limit);
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
    let app = App {
        webhooks,
        plugins,
        body_timeout: limits.body_timeout,
    };
    Ok((app, limits))
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

/// The body, within the body timeout and the body limit (`DefaultBodyLimit`):
/// 408 when the client is too slow, 413 when it is too large.
async fn read_body(app: &App, route: &str, request: Request) -> Result<Bytes, Response> {
    match tokio::time::timeout(app.body_timeout, Bytes::from_request(request, &())).await {
        Ok(Ok(body)) => Ok(body),
        Ok(Err(rejection)) => {
            let rejection = rejection.into_response();
            println!("POST {route} {} body refused", rejection.status().as_u16());
            Err(rejection)
        }
        Err(_) => {
            println!("POST {route} 408 the body did not arrive in time");
            Err(StatusCode::REQUEST_TIMEOUT.into_response())
        }
    }
}

async fn webhooks(State(app): State<Arc<App>>, request: Request) -> Response {
    match read_body(&app, "/webhooks", request).await {
        Ok(body) => answer("/webhooks", app.webhooks.handle(&body).await),
        Err(refused) => refused,
    }
}

async fn balance(State(app): State<Arc<App>>, request: Request) -> Response {
    match read_body(&app, "/v1/balance", request).await {
        Ok(body) => answer("/v1/balance", app.plugins.handle("getBalance", &body).await),
        Err(refused) => refused,
    }
}

async fn not_found(method: Method, uri: Uri) -> StatusCode {
    let path: String = uri.path().chars().filter(|c| !c.is_control()).take(120).collect();
    println!("{method} {path} 404 no such route");
    StatusCode::NOT_FOUND
}

#[tokio::main]
async fn main() -> ExitCode {
    let (app, limits) = match setup() {
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
        .layer(DefaultBodyLimit::max(limits.body_limit))
        .with_state(Arc::new(app));
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", limits.port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{}: {e}", limits.port);
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(addr) => println!("listening on http://{addr}"),
        Err(e) => eprintln!("warning: listening, but the address is unknown: {e}"),
    }
    serve(listener, router, &limits).await
}

/// Serves HTTP/1.1 connections: at most `max_connections` at once, each
/// closed when a request's headers take longer than `header_timeout`
/// (hyper's header read timeout, which needs a timer to run).
async fn serve(listener: tokio::net::TcpListener, router: Router, limits: &Limits) -> ExitCode {
    let connections = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        // Wait for a free slot before accepting: further clients queue in the
        // listen backlog instead of holding a task each.
        let Ok(permit) = Arc::clone(&connections).acquire_owned().await else {
            return ExitCode::FAILURE;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait, then go on.
                eprintln!("warning: accepting a connection failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone());
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout);
        tokio::spawn(async move {
            // A header timeout or a client gone mid-request ends the
            // connection; there is nothing to answer.
            let _ = builder.serve_connection(TokioIo::new(stream), service).await;
            drop(permit);
        });
    }
}
