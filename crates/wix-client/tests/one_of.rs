//! ONE-OF groups held in a flattened field: a member that is present but
//! malformed is an error with its JSON path, never a silent `None`.

use serde::{Deserialize, Serialize};
use wix_client::wire::one_of::{self, OneOf};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum ImageKind {
    #[serde(rename = "url")]
    Url(String),
    #[serde(rename = "media")]
    Media(Media),
}

impl OneOf for ImageKind {
    const MEMBERS: &'static [&'static str] = &["url", "media"];
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Media {
    id: String,
    width: i32,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Image {
    alt: Option<String>,
    #[serde(flatten, deserialize_with = "one_of::optional")]
    kind: Option<ImageKind>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Required {
    #[serde(flatten, deserialize_with = "one_of::required")]
    kind: ImageKind,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Post {
    images: Vec<Image>,
}

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut de).map_err(|e| format!("{} at {}", e.inner(), e.path()))
}

#[test]
fn present_member_decodes_and_absent_is_none() {
    let img: Image = decode(r#"{"alt": "a", "media": {"id": "m", "width": 3}, "extra": 1}"#).unwrap();
    assert_eq!(
        img.kind,
        Some(ImageKind::Media(Media {
            id: "m".into(),
            width: 3
        }))
    );
    let img: Image = decode(r#"{"alt": "a"}"#).unwrap();
    assert_eq!(img.kind, None);
    // Two members: the first wins, the other is ignored (the page says at most one is set).
    let img: Image = decode(r#"{"url": "u", "media": {"id": "m", "width": 3}}"#).unwrap();
    assert_eq!(img.kind, Some(ImageKind::Url("u".into())));
}

#[test]
fn malformed_member_is_an_error_with_its_path() {
    let err = decode::<Post>(r#"{"images": [{"alt": "a"}, {"media": {"id": "m"}}]}"#).unwrap_err();
    assert!(err.contains("ONE-OF member `media`"), "{err}");
    assert!(err.contains("width"), "{err}");
    assert!(err.contains("images[1]"), "{err}");
    let err = decode::<Post>(r#"{"images": [{"url": 7}]}"#).unwrap_err();
    assert!(
        err.contains("ONE-OF member `url`") && err.contains("invalid type"),
        "{err}"
    );
}

#[test]
fn required_group_must_be_present() {
    let err = decode::<Required>(r#"{"other": 1}"#).unwrap_err();
    assert!(err.contains("one of `url`, `media` is required"), "{err}");
    let ok: Required = decode(r#"{"url": "u"}"#).unwrap();
    assert_eq!(ok.kind, ImageKind::Url("u".into()));
    // Encoding is unchanged: the member as a key of the object.
    assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"url":"u"}"#);
}
