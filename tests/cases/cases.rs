//! The cases of whole-API scale (same short name for different types, path
//! placeholders, service plugins, ONE-OF decoding), against the crate that
//! wixgen generates from `tests/fixtures/cases/`.
//!
//! Hand-written. `tests/tests/scale_cases.rs` copies this file into the
//! generated crate as `tests/cases.rs` and runs it there.

use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use wix_apis::wix_client::{Auth, Client, ErrorKind};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("test-token"))
        .build()
        .expect("client")
}

mod richcontent {
    use super::*;
    use wix_apis::richcontent::{
        ButtonDataType, DividerDataWidth, GetNodeResponse, ListDividersRequest, ListDividersResponse, ListNodesRequest,
        MetadataType, NodeKind, Paging, PluginContainerDataWidth, WidthType,
    };

    #[test]
    fn an_enum_and_a_message_both_named_width_are_two_types_that_decode_their_own_json() {
        let divider: GetNodeResponse =
            serde_json::from_value(json!({ "node": { "dividerData": { "width": "LARGE" } } })).unwrap();
        let node = divider.node.unwrap();
        let Some(NodeKind::DividerData(d)) = node.kind() else {
            panic!("{node:?}")
        };
        assert_eq!(d.width, Some(DividerDataWidth::Large));

        let image: GetNodeResponse = serde_json::from_value(json!({
            "node": { "imageData": { "containerData": { "width": { "size": "FULL_WIDTH", "custom": "640" } } } }
        }))
        .unwrap();
        let container = image.node.unwrap().image_data.unwrap().container_data.unwrap();
        let width: PluginContainerDataWidth = container.width.unwrap();
        assert_eq!(width.size, Some(WidthType::FullWidth));
        assert_eq!(width.custom.as_deref(), Some("640"));

        // Each refuses the other's JSON: they are not one merged type.
        assert!(serde_json::from_value::<PluginContainerDataWidth>(json!("LARGE")).is_err());
        assert!(serde_json::from_value::<DividerDataWidth>(json!({ "size": "SMALL" })).is_err());

        // A bare reference later on a page resolves to the type listed earlier on it.
        let list: ListDividersResponse = serde_json::from_value(json!({ "widest": "MEDIUM" })).unwrap();
        assert_eq!(list.widest, Some(DividerDataWidth::Medium));
    }

    #[test]
    fn two_enums_named_type_with_different_values_are_two_types() {
        let node: GetNodeResponse = serde_json::from_value(json!({
            "node": { "buttonData": { "type": "ACTION" }, "metadata": { "type": "PUBLISHED" } }
        }))
        .unwrap();
        let node = node.node.unwrap();
        assert_eq!(node.button_data.unwrap().r#type, Some(ButtonDataType::Action));
        assert_eq!(node.metadata.unwrap().r#type, Some(MetadataType::Published));
        assert_eq!(ButtonDataType::from("PUBLISHED"), ButtonDataType::Unknown("PUBLISHED".into()));
        assert_eq!(MetadataType::from("LINK"), MetadataType::Unknown("LINK".into()));
    }

    #[test]
    fn two_identical_paging_listings_are_one_type() {
        // The same `Paging` goes into both requests: one type.
        let paging = Paging::new().with_limit(10).with_offset(20);
        let nodes = ListNodesRequest::new().with_paging(paging.clone());
        let dividers = ListDividersRequest::new().with_paging(paging);
        assert_eq!(nodes.paging, dividers.paging);
    }
}

mod bookings {
    use super::*;
    use wix_apis::bookings::{
        Booking, BookingKind, BookingsService, ContactDetails, ContactDetailsAddress, CreateBookingRequest,
        CreateBookingResponse, LocationAddress,
    };

    #[test]
    fn the_request_and_response_views_of_booking_are_one_type() {
        let response: CreateBookingResponse = serde_json::from_value(json!({
            "booking": {
                "id": "b-1", "revision": "3", "createdDate": "2024-05-01T10:00:00Z",
                "title": "Yoga", "scheduleId": "s-1"
            }
        }))
        .unwrap();
        let booking: Booking = response.booking.unwrap();
        assert_eq!(booking.id.as_deref(), Some("b-1"));
        assert_eq!(booking.revision, Some(3));
        assert_eq!(booking.kind, Some(BookingKind::ScheduleId("s-1".into())));
        // The decoded booking is the request's type too.
        let again = CreateBookingRequest::new(booking.clone());
        assert_eq!(again.booking, Some(booking));
        let built = Booking::new("Yoga").with_kind(BookingKind::ScheduleId("s-1".into()));
        assert_eq!(
            serde_json::to_value(&built).unwrap(),
            json!({ "title": "Yoga", "scheduleId": "s-1" })
        );
    }

    #[test]
    fn two_different_address_types_are_two_types() {
        let a: ContactDetailsAddress = serde_json::from_value(json!({ "city": "Oslo" })).unwrap();
        assert_eq!(a.city.as_deref(), Some("Oslo"));
        let b: LocationAddress = serde_json::from_value(json!({ "formattedAddress": "1 Main St" })).unwrap();
        assert_eq!(b.formatted_address.as_deref(), Some("1 Main St"));
        let _ = ContactDetails::new().with_address(ContactDetailsAddress::new().with_city("Oslo"));
    }

    #[tokio::test]
    async fn a_one_of_member_present_but_malformed_fails_decoding_with_its_json_path() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/bookings/v2/bookings"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "booking": { "title": "Yoga", "slot": { "startDate": 5 } }
            })))
            .mount(&server)
            .await;
        let service = BookingsService::new(client(&server));
        let err = service
            .create_booking(&CreateBookingRequest::new(Booking::new("Yoga")))
            .await
            .expect_err("a malformed member is an error, not a missing one");
        assert_eq!(err.kind(), ErrorKind::Decode);
        let decode = err.decode_error().unwrap();
        assert_eq!(decode.json_path, "booking.slot.startDate");
        assert!(decode.message.contains("invalid type: integer `5`"), "{}", decode.message);
    }
}

mod paths {
    use super::*;
    use wix_apis::accounts::{AccountsService, GetAccountRequest};
    use wix_apis::badges::{Badge, BadgesService, UpdateBadgeRequest};
    use wix_apis::sitepages::{GetPageRequest, PagesService};

    #[tokio::test]
    async fn an_id_path_param_typed_with_its_own_name_is_a_string() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/accounts/v1/accounts/abc"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "account": { "id": "abc" } })))
            .expect(1)
            .mount(&server)
            .await;
        let request = GetAccountRequest::new("abc");
        let id: Option<&str> = request.id.as_deref();
        assert_eq!(id, Some("abc"), "a string, not free-form JSON");
        let response = AccountsService::new(client(&server)).get_account(&request).await.unwrap();
        assert_eq!(response.account.and_then(|a| a.id).as_deref(), Some("abc"));
    }

    #[tokio::test]
    async fn a_badge_id_placeholder_is_filled_from_the_body() {
        let server = MockServer::start().await;
        Mock::given(method("PATCH"))
            .and(path("/badges/v3/badges/b-1"))
            .and(body_json(json!({ "badge": { "id": "b-1", "title": "Gold" } })))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "badge": { "id": "b-1" } })))
            .expect(1)
            .mount(&server)
            .await;
        let service = BadgesService::new(client(&server));
        // `Required parameters: badge, badge.id`: the id is an argument of `new`.
        let request = UpdateBadgeRequest::new(Badge::new("b-1").with_title("Gold"));
        let response = service.update_badge(&request).await.unwrap();
        assert_eq!(response.badge.and_then(|b| b.id).as_deref(), Some("b-1"));

        // Without the id the path cannot be built: refused before sending.
        let mut badge = Badge::new("b-1").with_title("Gold");
        badge.id = None;
        let err = service.update_badge(&UpdateBadgeRequest::new(badge)).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidRequest);
        assert!(err.to_string().contains("`badge.id`"), "{err}");
    }

    #[tokio::test]
    async fn a_slug_placeholder_sends_slashes_as_segments_and_refuses_dot_dot() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/site-pages/v1/pages/a/b"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "page": { "slug": "a/b" } })))
            .expect(1)
            .mount(&server)
            .await;
        let service = PagesService::new(client(&server));
        let page = service.get_page(&GetPageRequest::new("a/b")).await.unwrap();
        assert_eq!(page.page.and_then(|p| p.slug).as_deref(), Some("a/b"));
        for bad in ["a/../b", "..", "a//b", ""] {
            let err = service.get_page(&GetPageRequest::new(bad)).await.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{bad:?}");
        }
    }
}

mod cart {
    use super::*;
    use wix_apis::cart::{GetCartResponse, LineItemItemTypeItemType, LineItemItemTypeKind};

    #[test]
    fn a_message_and_the_enum_of_its_one_of_member_with_the_same_name_both_decode() {
        let cart: GetCartResponse = serde_json::from_value(json!({
            "cart": { "lineItems": [
                { "id": "1", "itemType": { "preset": "DIGITAL" } },
                { "id": "2", "itemType": { "custom": "subscription box" } },
                { "id": "3", "itemType": { "preset": "TELEPORTATION" } }
            ] }
        }))
        .unwrap();
        let items = cart.cart.unwrap().line_items;
        let kinds: Vec<_> = items.iter().map(|i| i.item_type.as_ref().unwrap().kind()).collect();
        assert_eq!(
            kinds,
            [
                Some(LineItemItemTypeKind::Preset(LineItemItemTypeItemType::Digital)),
                Some(LineItemItemTypeKind::Custom("subscription box".into())),
                Some(LineItemItemTypeKind::Preset(LineItemItemTypeItemType::Unknown("TELEPORTATION".into()))),
            ]
        );
    }
}

mod service_plugins {
    use super::*;
    use wix_apis::giftcardprovider::{GetBalanceRequest, GetBalanceResponse};

    #[test]
    fn a_url_null_page_yields_its_request_and_response_types() {
        // Wix sends the request: it decodes leniently.
        let request: GetBalanceRequest = serde_json::from_value(json!({ "code": "GIFT-1", "extra": 1 })).unwrap();
        assert_eq!(request.code.as_deref(), Some("GIFT-1"));
        assert_eq!(request.currency, None);
        // The app builds the response.
        let response = GetBalanceResponse::new().with_balance("12.50").with_currency("USD");
        assert_eq!(
            serde_json::to_value(&response).unwrap(),
            json!({ "balance": "12.50", "currency": "USD" })
        );
    }
}
