//! What a plugin call answers: a status and a JSON body.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::ApplicationError;

/// The answer to one service-plugin call: an HTTP status and a JSON body.
///
/// | outcome | status | body |
/// | --- | --- | --- |
/// | the method's response | 200 | the response message |
/// | an [`ApplicationError`] | its status | `{"applicationError": {"code", "data"}}` |
/// | a request that does not match the method's type | 400 | `{"message": ...}` |
/// | a method the plugin does not answer | 404 | `{"message": ...}` |
/// | a response that cannot be encoded | 500 | `{"message": ...}` |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    status: u16,
    body: String,
}

impl Reply {
    /// 200 with `response` as JSON.
    pub fn ok<T: Serialize>(response: &T) -> Reply {
        match serde_json::to_string(response) {
            Ok(body) => Reply { status: 200, body },
            Err(_) => Reply::message(500, "the response could not be encoded as JSON"),
        }
    }

    /// The error's status with `{"applicationError": {"code": ..., "data": {...}}}`.
    pub fn from_error(error: &ApplicationError) -> Reply {
        let body = json!({"applicationError": {"code": error.code(), "data": error.data()}});
        Reply {
            status: error.status(),
            body: body.to_string(),
        }
    }

    /// [`ok`](Self::ok) or [`from_error`](Self::from_error): what a generated
    /// adapter does with the app's answer.
    pub fn from_result<T: Serialize>(result: Result<T, ApplicationError>) -> Reply {
        match result {
            Ok(response) => Reply::ok(&response),
            Err(error) => Reply::from_error(&error),
        }
    }

    /// 400: the verified request does not match the method's request type.
    pub fn bad_request(message: impl Into<String>) -> Reply {
        Reply::message(400, message)
    }

    /// 404: `method` is not a method of this plugin.
    pub fn unknown_method(method: &str) -> Reply {
        let method: String = method.chars().take(64).filter(|c| !c.is_control()).collect();
        Reply::message(404, format!("no service-plugin method `{method}` is registered"))
    }

    /// `status` with `{"message": message}`.
    pub fn message(status: u16, message: impl Into<String>) -> Reply {
        Reply {
            status,
            body: json!({"message": message.into()}).to_string(),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The JSON body.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The JSON body, owned.
    pub fn into_body(self) -> String {
        self.body
    }
}

/// Decodes a verified `request` into the method's request type; a mismatch is
/// a 400 [`Reply`] that names the method, the type and the JSON path of the
/// mismatch (never the values, which may be secret, like a gift card's PIN).
///
/// ```
/// use wix_client::plugin::decode_request;
///
/// #[derive(serde::Deserialize, Debug)]
/// struct GetBalanceRequest { code: String }
///
/// let ok: GetBalanceRequest = decode_request("getBalance", serde_json::json!({"code": "GC-1"})).unwrap();
/// assert_eq!(ok.code, "GC-1");
/// let bad = decode_request::<GetBalanceRequest>("getBalance", serde_json::json!({"code": 1234})).unwrap_err();
/// assert_eq!(bad.status(), 400);
/// assert!(bad.body().contains("GetBalanceRequest") && bad.body().contains("`code`"));
/// assert!(!bad.body().contains("1234"));
/// ```
pub fn decode_request<T: DeserializeOwned>(method: &str, request: Value) -> Result<T, Reply> {
    serde_path_to_error::deserialize(request).map_err(|e| {
        let type_name = std::any::type_name::<T>().rsplit("::").next().unwrap_or("request");
        let path = e.path().to_string();
        let at = if path == "." {
            "at the top level".to_owned()
        } else {
            format!("at `{path}`")
        };
        Reply::bad_request(format!(
            "the request of `{method}` does not match {type_name} {at} (a missing field, or a value of the wrong type)"
        ))
    })
}
