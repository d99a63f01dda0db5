//! Service plugins: verifying Wix's call and handing it to the app's plugin.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;
use wix_client::plugin::{Metadata, Reply, ServicePlugin};

use crate::Verifier;
use crate::offload::verify_off_worker;
use crate::response::{Response, log_safe};
use crate::webhook::refused;

#[derive(Clone)]
enum Route {
    One(Arc<dyn ServicePlugin>, &'static str),
    /// A bare method name that two registered services share.
    Ambiguous(Vec<&'static str>),
}

/// Verifies service-plugin calls and dispatches them by method to the
/// registered plugins (generated adapters such as
/// `GiftCardProviderPluginHandler<T>`, see [`wix_client::plugin`]).
///
/// Service-plugin pages do not document the path Wix calls (it is the base
/// URI the app configured plus the method's path, e.g. `/v1/balance`), so the
/// app's HTTP server maps each path to a method name and calls
/// [`handle`](Self::handle) with it.
///
/// | outcome | status | body |
/// | --- | --- | --- |
/// | verified, the method answered | 200 | the response message |
/// | verified, the method answered an `ApplicationError` | its status | `{"applicationError": {"code", "data"}}` |
/// | verification failed (size, alg, `crit`, signature, `exp`, `iat`, `nbf`, lifetime, `iss`, `aud`) | 401 | `{"message"}` naming the check |
/// | verified, but not `{request, metadata}`, or the request does not match the method's type | 400 | `{"message"}` |
/// | no registered plugin answers the method | 404 | `{"message"}` |
#[derive(Clone)]
pub struct ServicePlugins {
    verifier: Verifier,
    app_id: Arc<str>,
    routes: HashMap<String, Route>,
}

impl std::fmt::Debug for ServicePlugins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServicePlugins")
            .field("verifier", &self.verifier)
            .field("app_id", &self.app_id)
            .field("methods", &self.methods())
            .finish()
    }
}

impl ServicePlugins {
    /// A dispatcher for calls to the app `app_id` (the token's `aud` must be it).
    pub fn new(verifier: Verifier, app_id: impl Into<String>) -> ServicePlugins {
        ServicePlugins {
            verifier,
            app_id: Arc::from(app_id.into()),
            routes: HashMap::new(),
        }
    }

    /// Registers a plugin's methods, under their name (`getBalance`) and their
    /// qualified name (`giftCards.GiftCardProvider.getBalance`). A bare name
    /// that two services share answers 404 naming both; use the qualified one.
    ///
    /// # Panics
    ///
    /// If a qualified method is registered twice (the same service twice).
    pub fn register(mut self, plugin: impl ServicePlugin) -> ServicePlugins {
        let plugin: Arc<dyn ServicePlugin> = Arc::new(plugin);
        let service = plugin.service();
        for &method in plugin.methods() {
            let qualified = format!("{service}.{method}");
            if self
                .routes
                .insert(qualified.clone(), Route::One(Arc::clone(&plugin), method))
                .is_some()
            {
                panic!("wix-app: service-plugin method `{qualified}` is registered twice");
            }
            let route = match self.routes.remove(method) {
                None => Route::One(Arc::clone(&plugin), method),
                Some(Route::One(other, _)) => Route::Ambiguous(vec![other.service(), service]),
                Some(Route::Ambiguous(mut services)) => {
                    services.push(service);
                    Route::Ambiguous(services)
                }
            };
            self.routes.insert(method.to_owned(), route);
        }
        self
    }

    /// The method names that can be passed to [`handle`](Self::handle), sorted.
    pub fn methods(&self) -> Vec<&str> {
        let mut methods: Vec<&str> = self.routes.keys().map(String::as_str).collect();
        methods.sort_unstable();
        methods
    }

    /// Verifies `body` (the raw request body, exactly as received), decodes
    /// `{request, metadata}` and calls the plugin's `method`. See the type's
    /// docs for the statuses.
    pub async fn handle(&self, method: &str, body: &[u8]) -> Response {
        let name = format!("service plugin {}", log_safe(method));
        let app_id = Arc::clone(&self.app_id);
        let verified = verify_off_worker(&self.verifier, body, move |verifier, body| {
            verifier.verify_service_plugin(body, &app_id)
        })
        .await;
        let claims = match verified {
            Ok(claims) => claims,
            Err(error) => {
                let refused = refused(&error);
                let summary = format!("{name}: {}", refused.summary());
                return Response::new(401, refused.into_body(), summary);
            }
        };
        let delivery = claims.token_digest().to_owned();
        let Some(Value::Object(mut data)) = claims.into_claims().remove("data") else {
            return bad(&name, "the verified token has no `data` object ({request, metadata})");
        };
        let request = match data.remove("request") {
            Some(request @ Value::Object(_)) => request,
            _ => return bad(&name, "the verified `data` has no `request` object"),
        };
        let metadata: Metadata = match data.remove("metadata") {
            None | Some(Value::Null) => Metadata::default(),
            Some(value) => match serde_json::from_value(value) {
                Ok(metadata) => metadata,
                Err(_) => return bad(&name, "the verified `metadata` has fields of the wrong type"),
            },
        };
        // Wix's `requestId` names the call; without one, the token's digest.
        let name = match &metadata.request_id {
            Some(id) => format!("{name} (request {})", log_safe(id)),
            None => format!("{name} (delivery {delivery})"),
        };
        let (plugin, bare) = match self.routes.get(method) {
            Some(Route::One(plugin, bare)) => (plugin, *bare),
            Some(Route::Ambiguous(services)) => {
                let reply = Reply::message(
                    404,
                    format!(
                        "the method `{}` belongs to several registered services ({}); use its qualified name",
                        log_safe(method),
                        services.join(", ")
                    ),
                );
                return from_reply(&name, reply);
            }
            None => return from_reply(&name, Reply::unknown_method(method)),
        };
        from_reply(&name, plugin.call(bare, request, metadata).await)
    }
}

fn bad(name: &str, message: &str) -> Response {
    Response::message(400, message, format!("{name}: 400 {message}"))
}

fn from_reply(name: &str, reply: Reply) -> Response {
    let status = reply.status();
    let detail = match status {
        200 => "ok".to_owned(),
        _ => serde_json::from_str::<Value>(reply.body())
            .ok()
            .and_then(|body| {
                body.pointer("/applicationError/code")
                    .or_else(|| body.get("message"))
                    .and_then(Value::as_str)
                    .map(log_safe)
            })
            .unwrap_or_default(),
    };
    Response::new(status, reply.into_body(), format!("{name}: {status} {detail}"))
}
