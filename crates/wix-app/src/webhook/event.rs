//! The verified webhook event and its typed form.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wix_client::plugin::Identity;

use super::decode::{EventError, decode_into, json_or_string, object_or_as_json};
use crate::VerifiedClaims;

/// The fields every domain event carries, beside its created/updated/deleted/
/// action payload. Events can arrive twice and out of order: [`id`](Self::id)
/// identifies one event, [`entity_event_sequence`](Self::entity_event_sequence)
/// orders the events of one entity.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Envelope {
    /// The event's ID: the same for a redelivery of the same event.
    #[serde(default)]
    pub id: Option<String>,
    /// The entity's fully qualified name, e.g. `wix.ecom.v1.order`.
    #[serde(default)]
    pub entity_fqdn: Option<String>,
    /// What happened, e.g. `created`, `paid`.
    #[serde(default)]
    pub slug: Option<String>,
    /// The entity's ID.
    #[serde(default)]
    pub entity_id: Option<String>,
    /// When the event happened (RFC 3339).
    #[serde(default)]
    pub event_time: Option<String>,
    /// Whether a GDPR anonymize request caused it.
    #[serde(default)]
    pub triggered_by_anonymize_request: Option<bool>,
    /// Where the change came from, if Wix says.
    #[serde(default)]
    pub originated_from: Option<String>,
    /// The entity's event sequence number (int64, sent as a string or a number).
    #[serde(default, with = "wix_client::wire::option_int64")]
    pub entity_event_sequence: Option<i64>,
}

/// The site's account, when Wix sends `accountInfo`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountInfo {
    /// The account that owns the site.
    #[serde(default)]
    pub account_id: Option<String>,
    /// The parent account, for sub-accounts.
    #[serde(default)]
    pub parent_account_id: Option<String>,
    /// The site.
    #[serde(default)]
    pub site_id: Option<String>,
    /// Every other key.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A verified webhook, its payload not yet decoded into a type.
///
/// Made only from [`VerifiedClaims`]: [`WebhookEvent::from_verified`].
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEvent {
    event_type: String,
    instance_id: Option<String>,
    identity: Option<Identity>,
    account_info: Option<AccountInfo>,
    envelope: Option<Envelope>,
    data: Value,
}

/// The outer JSON of the `data` claim.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Outer {
    event_type: String,
    #[serde(default)]
    instance_id: Option<String>,
    #[serde(default)]
    data: Option<Value>,
    #[serde(default)]
    identity: Option<Value>,
    #[serde(default)]
    account_info: Option<Value>,
}

const KINDS: [&str; 4] = ["createdEvent", "updatedEvent", "deletedEvent", "actionEvent"];

impl WebhookEvent {
    /// Reads the webhook out of verified claims.
    pub fn from_verified(claims: &VerifiedClaims) -> Result<WebhookEvent, EventError> {
        let outer = json_or_string(claims.get("data"), "data")?
            .ok_or_else(|| EventError::Envelope("there is no `data` claim".to_owned()))?;
        let outer: Outer = serde_json::from_value(outer)
            .map_err(|_| EventError::Envelope("`data` is not `{eventType, instanceId, data, identity}`".to_owned()))?;
        let data = json_or_string(outer.data.as_ref(), "data.data")?.unwrap_or(Value::Null);
        let identity = json_or_string(outer.identity.as_ref(), "data.identity")?
            .map(serde_json::from_value::<Identity>)
            .transpose()
            .map_err(|_| EventError::Envelope("`identity` is not an identity object".to_owned()))?;
        let account_info = json_or_string(outer.account_info.as_ref(), "data.accountInfo")?
            .map(serde_json::from_value::<AccountInfo>)
            .transpose()
            .map_err(|_| EventError::Envelope("`accountInfo` is not an object of IDs".to_owned()))?;
        let envelope = match &data {
            Value::Object(map) if map.contains_key("entityFqdn") || KINDS.iter().any(|k| map.contains_key(*k)) => Some(
                serde_json::from_value::<Envelope>(data.clone())
                    .map_err(|_| EventError::Envelope("the event envelope has fields of the wrong type".to_owned()))?,
            ),
            _ => None,
        };
        Ok(WebhookEvent {
            event_type: outer.event_type,
            instance_id: outer.instance_id,
            identity,
            account_info,
            envelope,
            data,
        })
    }

    /// The event type: `<entityFqdn>_<slug>` for domain events
    /// (`wix.ecom.v1.order_paid`), a bare name for older ones (`AppInstalled`).
    pub fn event_type(&self) -> &str {
        &self.event_type
    }

    /// The app instance (site installation) the event is about.
    pub fn instance_id(&self) -> Option<&str> {
        self.instance_id.as_deref()
    }

    /// Who caused the event.
    pub fn identity(&self) -> Option<&Identity> {
        self.identity.as_ref()
    }

    /// The site's account, when sent.
    pub fn account_info(&self) -> Option<&AccountInfo> {
        self.account_info.as_ref()
    }

    /// The domain-event envelope; `None` for older, bare-name events.
    pub fn envelope(&self) -> Option<&Envelope> {
        self.envelope.as_ref()
    }

    /// The inner event JSON as sent (the envelope for domain events; the
    /// event's own payload for older events such as `AppInstalled`).
    pub fn data(&self) -> &Value {
        &self.data
    }

    /// Decodes the payload into `T`: the created entity, the updated entity,
    /// the deleted entity (if sent), the action body, or for older events the
    /// whole payload; each whether Wix sent it as an object or as an
    /// `...AsJson` string.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<Event<T>, EventError> {
        Ok(Event {
            event_type: self.event_type.clone(),
            instance_id: self.instance_id.clone(),
            identity: self.identity.clone(),
            account_info: self.account_info.clone(),
            envelope: self.envelope.clone(),
            payload: self.payload()?,
        })
    }

    fn payload<T: DeserializeOwned>(&self) -> Result<Payload<T>, EventError> {
        let event_type = self.event_type.as_str();
        let Value::Object(data) = &self.data else {
            return Ok(Payload::Other(decode_into(self.data.clone(), event_type, "payload")?));
        };
        if self.envelope.is_none() {
            return Ok(Payload::Other(decode_into(self.data.clone(), event_type, "payload")?));
        }
        let part = |key: &'static str| -> Result<Map<String, Value>, EventError> {
            match data.get(key) {
                Some(Value::Object(map)) => Ok(map.clone()),
                _ => Err(EventError::Envelope(format!("`{key}` is not an object"))),
            }
        };
        let missing = |what: &str| EventError::Envelope(format!("{what} is missing"));
        if data.get("createdEvent").is_some_and(|v| !v.is_null()) {
            let created = part("createdEvent")?;
            let entity = object_or_as_json(&created, "entity", "entityAsJson")?
                .ok_or_else(|| missing("`createdEvent.entity` (or `entityAsJson`)"))?;
            return Ok(Payload::Created {
                entity: decode_into(entity, event_type, "created entity")?,
            });
        }
        if data.get("updatedEvent").is_some_and(|v| !v.is_null()) {
            let updated = part("updatedEvent")?;
            let entity = object_or_as_json(&updated, "currentEntity", "currentEntityAsJson")?
                .ok_or_else(|| missing("`updatedEvent.currentEntity` (or `currentEntityAsJson`)"))?;
            let modified_fields = match updated.get("modifiedFields") {
                Some(Value::Object(map)) => map.clone(),
                _ => Map::new(),
            };
            return Ok(Payload::Updated {
                entity: decode_into(entity, event_type, "updated entity")?,
                modified_fields,
            });
        }
        if data.get("deletedEvent").is_some_and(|v| !v.is_null()) {
            let deleted = part("deletedEvent")?;
            let entity = object_or_as_json(&deleted, "deletedEntity", "deletedEntityAsJson")?
                .map(|entity| decode_into(entity, event_type, "deleted entity"))
                .transpose()?;
            let moved_to_trash = deleted.get("movedToTrash").and_then(Value::as_bool).unwrap_or(false);
            return Ok(Payload::Deleted { entity, moved_to_trash });
        }
        if data.get("actionEvent").is_some_and(|v| !v.is_null()) {
            let action = part("actionEvent")?;
            let body = object_or_as_json(&action, "body", "bodyAsJson")?
                .ok_or_else(|| missing("`actionEvent.body` (or `bodyAsJson`)"))?;
            return Ok(Payload::Action {
                body: decode_into(body, event_type, "action body")?,
            });
        }
        Ok(Payload::Other(decode_into(self.data.clone(), event_type, "payload")?))
    }
}

/// A verified webhook with its payload decoded into `T`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Event<T> {
    /// See [`WebhookEvent::event_type`].
    pub event_type: String,
    /// The app instance (site installation) the event is about.
    pub instance_id: Option<String>,
    /// Who caused the event.
    pub identity: Option<Identity>,
    /// The site's account, when sent.
    pub account_info: Option<AccountInfo>,
    /// The domain-event envelope; `None` for older, bare-name events.
    pub envelope: Option<Envelope>,
    /// The payload.
    pub payload: Payload<T>,
}

/// The payload of a webhook, decoded into the caller's type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Payload<T> {
    /// `createdEvent`: the new entity (`entity` or `entityAsJson`).
    Created {
        /// The created entity.
        entity: T,
    },
    /// `updatedEvent`: the entity after the update (`currentEntity` or
    /// `currentEntityAsJson`) and `modifiedFields` as sent.
    Updated {
        /// The entity after the update.
        entity: T,
        /// `modifiedFields` as sent (empty when absent).
        modified_fields: Map<String, Value>,
    },
    /// `deletedEvent`: the deleted entity when Wix sends it
    /// (`deletedEntity` or `deletedEntityAsJson`).
    Deleted {
        /// The deleted entity, when sent.
        entity: Option<T>,
        /// Whether the entity was moved to the trash rather than removed.
        moved_to_trash: bool,
    },
    /// `actionEvent`: the action's body (`body` or `bodyAsJson`).
    Action {
        /// The action's body.
        body: T,
    },
    /// An older, bare-name event (`AppInstalled`): its whole payload.
    Other(T),
}

impl<T> Payload<T> {
    /// The entity or body, whichever kind of event this is (`None` for a
    /// deleted event that did not carry the entity).
    pub fn into_inner(self) -> Option<T> {
        match self {
            Payload::Created { entity } | Payload::Updated { entity, .. } => Some(entity),
            Payload::Deleted { entity, .. } => entity,
            Payload::Action { body } => Some(body),
            Payload::Other(value) => Some(value),
        }
    }
}
