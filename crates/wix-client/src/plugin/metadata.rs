//! The `metadata` half of a service-plugin call.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// What Wix says about a service-plugin call besides the request itself: the
/// `metadata` of the verified `{request, metadata}`.
///
/// Every field is optional on the wire (a missing one decodes as `None` or
/// empty); keys this version does not know are kept in [`other`](Self::other).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Metadata {
    /// The request's ID, for logs and support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The app instance (site installation) the call is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The site's currency, ISO 4217 (`USD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The languages of the call, most preferred first (`["en"]`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub languages: Vec<String>,
    /// Who triggered the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Every other key Wix sent (internal keys, and fields added later).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Who caused an event or a call: a site visitor, member, Wix user or app.
///
/// Wix sets `identityType` (`ANONYMOUS_VISITOR`, `MEMBER`, `WIX_USER`, `APP`)
/// and the matching ID.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Identity {
    /// `ANONYMOUS_VISITOR`, `MEMBER`, `WIX_USER` or `APP` (kept as sent, so a
    /// new kind decodes too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_type: Option<String>,
    /// Set for an anonymous visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous_visitor_id: Option<String>,
    /// Set for a site member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_id: Option<String>,
    /// Set for a Wix user (a site owner or collaborator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wix_user_id: Option<String>,
    /// Set for an app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    /// Every other key Wix sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

fn null_as_empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(deserializer)?.unwrap_or_default())
}
