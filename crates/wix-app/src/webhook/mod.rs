//! Webhooks: the verified event, its payload decoded into the caller's type,
//! and a dispatcher by event type.
//!
//! A webhook body is a JWT whose claim `data` is a JSON string:
//! `{eventType, instanceId, data, identity, accountInfo?}`, where `data` and
//! `identity` are JSON strings again. For domain events (`eventType` is
//! `<entityFqdn>_<slug>`, e.g. `wix.ecom.v1.order_paid`) the inner `data` is an
//! envelope (`id`, `entityFqdn`, `slug`, `entityId`, `eventTime`, ...) with
//! one of `createdEvent`, `updatedEvent`, `deletedEvent`, `actionEvent`; older
//! events (`AppInstalled`) carry their own payload.

mod decode;
mod dispatch;
mod event;

pub(crate) use dispatch::refused;

pub use decode::EventError;
pub use dispatch::{HandlerError, Webhooks};
pub use event::{AccountInfo, Envelope, Event, Payload, WebhookEvent};
