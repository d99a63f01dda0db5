//! Routing verified webhooks to the app's handlers by event type.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::decode::EventError;
use super::event::{Event, WebhookEvent};
use crate::response::{Response, log_safe};
use crate::{Verifier, VerifyError};

/// What a webhook handler returns on failure: any error. It answers 500, so
/// Wix delivers the event again later.
pub type HandlerError = Box<dyn std::error::Error + Send + Sync>;

enum Failure {
    Decode(EventError),
    Handler(HandlerError),
}

type HandlerFuture = Pin<Box<dyn Future<Output = Result<(), Failure>> + Send>>;
type Handler = Arc<dyn Fn(WebhookEvent) -> HandlerFuture + Send + Sync>;

/// Verifies webhooks and routes them by event type to async handlers.
///
/// | outcome | status | Wix then |
/// | --- | --- | --- |
/// | verified, a handler ran and returned `Ok` | 200 | done |
/// | verified, no handler for the event type | 200 (acknowledged) | done |
/// | verification failed (any check) | 401 | retries; a forged request stays refused |
/// | verified, but not a webhook, or the payload does not match the handler's type | 400 | retries (fix the type and redeploy within Wix's 48 hours) |
/// | the handler returned `Err` | 500 | retries for up to 48 hours |
///
/// Wix expects the answer within 1,250 ms: do slow work after answering
/// (spawn it, or queue it). Events can arrive twice and out of order; the
/// envelope's `id` identifies one ([`crate::webhook::Envelope::id`]).
///
/// ```no_run
/// # async fn run(key: wix_app::PublicKey, body: &[u8]) {
/// use wix_app::webhook::{Event, Webhooks};
///
/// #[derive(serde::Deserialize)]
/// struct Order { id: String }
///
/// let webhooks = Webhooks::new(wix_app::Verifier::new(key))
///     .on("wix.ecom.v1.order_created", |event: Event<Order>| async move {
///         let order = event.payload.into_inner();
///         println!("new order {:?}", order.map(|o| o.id));
///         Ok(())
///     });
/// let response = webhooks.handle(body).await; // status 200, 401, 400 or 500
/// # let _ = response;
/// # }
/// ```
#[derive(Clone)]
pub struct Webhooks {
    verifier: Verifier,
    handlers: HashMap<String, Handler>,
}

impl std::fmt::Debug for Webhooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut types: Vec<&str> = self.handlers.keys().map(String::as_str).collect();
        types.sort_unstable();
        f.debug_struct("Webhooks")
            .field("verifier", &self.verifier)
            .field("event_types", &types)
            .finish()
    }
}

impl Webhooks {
    /// A dispatcher with no handlers: every verified event is acknowledged.
    pub fn new(verifier: Verifier) -> Webhooks {
        Webhooks {
            verifier,
            handlers: HashMap::new(),
        }
    }

    /// Runs `handler` for events of `event_type`, their payload decoded into `T`.
    ///
    /// # Panics
    ///
    /// If `event_type` already has a handler (a mistake in the app's setup,
    /// found at start-up).
    pub fn on<T, F, Fut>(self, event_type: &str, handler: F) -> Webhooks
    where
        T: DeserializeOwned + Send + 'static,
        F: Fn(Event<T>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), HandlerError>> + Send + 'static,
    {
        let handler = Arc::new(handler);
        self.insert(
            event_type,
            Arc::new(move |event: WebhookEvent| {
                let handler = Arc::clone(&handler);
                Box::pin(async move {
                    let event = event.decode::<T>().map_err(Failure::Decode)?;
                    handler(event).await.map_err(Failure::Handler)
                }) as HandlerFuture
            }),
        )
    }

    /// Runs `handler` for events of `event_type` with the event undecoded
    /// (for older events such as `AppInstalled`, or to read
    /// [`WebhookEvent::data`] yourself).
    ///
    /// # Panics
    ///
    /// If `event_type` already has a handler.
    pub fn on_raw<F, Fut>(self, event_type: &str, handler: F) -> Webhooks
    where
        F: Fn(WebhookEvent) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), HandlerError>> + Send + 'static,
    {
        let handler = Arc::new(handler);
        self.insert(
            event_type,
            Arc::new(move |event: WebhookEvent| {
                let handler = Arc::clone(&handler);
                Box::pin(async move { handler(event).await.map_err(Failure::Handler) }) as HandlerFuture
            }),
        )
    }

    fn insert(mut self, event_type: &str, handler: Handler) -> Webhooks {
        if self.handlers.insert(event_type.to_owned(), handler).is_some() {
            panic!("wix-app: two webhook handlers for event type `{event_type}`; register each type once");
        }
        self
    }

    /// The event types that have a handler, sorted.
    pub fn event_types(&self) -> Vec<&str> {
        let mut types: Vec<&str> = self.handlers.keys().map(String::as_str).collect();
        types.sort_unstable();
        types
    }

    /// Verifies `body` (the raw request body, exactly as received), then runs
    /// the handler for its event type. See the type's docs for the statuses.
    pub async fn handle(&self, body: &[u8]) -> Response {
        let claims = match self.verifier.verify_webhook(body) {
            Ok(claims) => claims,
            Err(error) => return refused(&error),
        };
        let event = match WebhookEvent::from_verified(&claims) {
            Ok(event) => event,
            Err(error) => {
                return Response::message(
                    400,
                    &error.to_string(),
                    format!("webhook: verified but unreadable: {error}"),
                );
            }
        };
        let name = format!(
            "webhook {}{}",
            log_safe(event.event_type()),
            event
                .envelope()
                .and_then(|e| e.id.as_deref())
                .map(|id| format!(" (event {})", log_safe(id)))
                .unwrap_or_default()
        );
        let Some(handler) = self.handlers.get(event.event_type()) else {
            return Response::outcome(200, "acknowledged", format!("{name}: no handler, acknowledged"));
        };
        match handler(event).await {
            Ok(()) => Response::outcome(200, "handled", format!("{name}: handled")),
            Err(Failure::Decode(error)) => Response::message(400, &error.to_string(), format!("{name}: {error}")),
            Err(Failure::Handler(error)) => Response::message(
                500,
                "the app's handler failed; Wix will deliver the event again",
                format!("{name}: handler failed: {}", log_safe(&error.to_string())),
            ),
        }
    }
}

pub(crate) fn refused(error: &VerifyError) -> Response {
    Response::message(401, &error.to_string(), format!("refused ({}): {error}", error.check()))
}
