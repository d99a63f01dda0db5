//! Issue 17: an app that gets an entity, changes a field and sends it back
//! with the update method does not erase the keys its generated types do not
//! know. The `things` package comes from the pages under `tests/pages`.

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_client::reexports::serde_json::{self, Value, json};
use wix_client::{Auth, Client};

wixgen_macros::include_api!("tests/pages");

use things::{GetThingRequest, ThingsService, UpdateThingRequest};

const THING: &str = "6202c3bb-f263-3c16-8c90-d6387d9ed420";

#[tokio::test]
async fn issue_17_get_change_update_keeps_unknown_keys() {
    let server = MockServer::start().await;
    let thing_path = format!("/things/v1/things/{THING}");
    Mock::given(method("GET"))
        .and(path(thing_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "thing": {
                "id": THING,
                "addedLater": {"nested": [1, 2]},
                "name": "Red box",
                "details": {
                    "shade": "dark",
                    "color": "red",
                    "weightGrams": 120
                },
                "tags": ["a", "b"]
            },
            "etag": "v7"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(thing_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"thing": {"id": THING}})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("test-token"))
        .build()
        .expect("client");
    let service = ThingsService::new(client);

    let got = service
        .get_thing(&GetThingRequest::new(THING))
        .await
        .expect("get succeeds");
    assert_eq!(got.unknown_keys().get("etag"), Some(&json!("v7")));
    let mut thing = got.thing.expect("thing");
    thing.name = Some("Blue box".to_owned());
    service
        .update_thing(&UpdateThingRequest::new(thing))
        .await
        .expect("update succeeds");

    let requests = server.received_requests().await.expect("recording is on");
    let update = requests
        .iter()
        .find(|r| r.method.as_str() == "PATCH")
        .expect("the update was sent");
    let body = std::str::from_utf8(&update.body).expect("UTF-8 body");
    let sent: Value = serde_json::from_str(body).expect("JSON body");
    assert_eq!(
        sent,
        json!({
            "thing": {
                "id": THING,
                "name": "Blue box",
                "details": {"color": "red", "shade": "dark", "weightGrams": 120},
                "addedLater": {"nested": [1, 2]},
                "tags": ["a", "b"]
            }
        })
    );
    // The unknown keys are written after the known fields, in the order they came.
    let at = |needle: &str| body.find(needle).unwrap_or_else(|| panic!("{needle} in {body}"));
    assert!(at(r#""details""#) < at(r#""addedLater""#), "{body}");
    assert!(at(r#""addedLater""#) < at(r#""tags""#), "{body}");
    assert!(at(r#""color""#) < at(r#""shade""#), "{body}");
    assert!(at(r#""shade""#) < at(r#""weightGrams""#), "{body}");
}
