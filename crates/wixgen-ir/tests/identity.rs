//! Type identity at whole-API scale, on the case pages in
//! `tests/fixtures/cases/`: which listings are one type, which short names
//! stand for several, how each is named, and what the report says.

mod common;

use common::*;
use wixgen_ir::{LowerOutput, NamedType, PageInput, TypeRef, codes};

fn lower_cases(package: &str) -> LowerOutput {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/cases")
        .join(package);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let pages: Vec<PageInput> = names
        .iter()
        .map(|n| parse(&format!("{package}/{n}"), &std::fs::read(dir.join(n)).unwrap()))
        .collect();
    wixgen_ir::lower(&pages)
}

fn named_ref(n: &str) -> TypeRef {
    TypeRef::Named(n.to_string())
}

fn split<'a>(out: &'a LowerOutput, name: &str) -> Vec<(&'a str, &'a str)> {
    out.types
        .splits
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no split of {name}: {:?}", out.types.splits))
        .types
        .iter()
        .map(|t| (t.rust_name.as_str(), t.kind.as_str()))
        .collect()
}

#[test]
fn an_enum_and_a_message_named_width_are_two_types_named_by_their_owner() {
    let out = lower_cases("richcontent");
    let pkg = package(&out, "richcontent");
    assert_eq!(
        split(&out, "Width"),
        [("DividerDataWidth", "enum"), ("PluginContainerDataWidth", "message")]
    );
    let divider = strukt(pkg, "DividerData");
    assert_eq!(field(divider, "width").ty, named_ref("DividerDataWidth"));
    let container = strukt(pkg, "PluginContainerData");
    assert_eq!(field(container, "width").ty, named_ref("PluginContainerDataWidth"));
    let values: Vec<&str> = enm(pkg, "DividerDataWidth")
        .variants
        .iter()
        .map(|v| v.wire_name.as_str())
        .collect();
    assert_eq!(values, ["LARGE", "MEDIUM", "SMALL"]);
    assert_eq!(
        wire_names(&strukt(pkg, "PluginContainerDataWidth").fields),
        ["size", "custom"]
    );
    // `widest` is a bare reference after the enum's listing on its page.
    let list = strukt(pkg, "ListDividersResponse");
    assert_eq!(field(list, "widest").ty, named_ref("DividerDataWidth"));
    // Nothing is free-form JSON, nothing was chosen blindly.
    assert!(
        !out.diagnostics
            .iter()
            .any(|d| d.code == codes::AMBIGUOUS_TYPE_REF || d.code == codes::FIELD_TYPE_CONFLICT),
        "{}",
        diag_lines(&out)
    );
    let reason = &out.types.splits.iter().find(|s| s.name == "Width").unwrap().types[1].reason;
    assert_eq!(reason, "a message here, an enum there");
}

#[test]
fn two_enums_named_type_with_different_values_are_two_types() {
    let out = lower_cases("richcontent");
    let pkg = package(&out, "richcontent");
    assert_eq!(
        split(&out, "Type"),
        [("ButtonDataType", "enum"), ("MetadataType", "enum")]
    );
    let wires = |n: &str| -> Vec<String> { enm(pkg, n).variants.iter().map(|v| v.wire_name.clone()).collect() };
    assert_eq!(wires("ButtonDataType"), ["LINK", "ACTION"]);
    assert_eq!(wires("MetadataType"), ["DRAFT", "PUBLISHED"]);
    assert!(!pkg.types.iter().any(|t| t.rust_name() == "Type"));
}

#[test]
fn identical_paging_listings_are_one_type_and_reported_as_a_merge() {
    let out = lower_cases("richcontent");
    let pkg = package(&out, "richcontent");
    let paging = strukt(pkg, "Paging");
    assert_eq!(wire_names(&paging.fields), ["limit", "offset"]);
    let pages: Vec<&str> = paging.sources.iter().map(|s| s.page.as_str()).collect();
    assert_eq!(pages, ["richcontent/list-dividers.md", "richcontent/list-nodes.md"]);
    let merge = out.types.merges.iter().find(|m| m.name == "Paging").unwrap();
    assert_eq!((merge.rust_name.as_str(), merge.how.as_str()), ("Paging", "identical"));
    assert_eq!(merge.sources.len(), 2);
    for m in ["ListNodes", "ListDividers"] {
        assert_eq!(param(method(pkg, m), "paging").ty, named_ref("Paging"));
    }
}

#[test]
fn the_request_and_response_views_of_booking_are_one_type() {
    let out = lower_cases("bookings");
    let pkg = package(&out, "bookings");
    let booking = strukt(pkg, "Booking");
    // The response view's fields, in its order, read-only ones marked.
    assert_eq!(
        wire_names(&booking.fields),
        [
            "id",
            "revision",
            "createdDate",
            "title",
            "participants",
            "contactDetails"
        ]
    );
    assert!(field(booking, "id").read_only && field(booking, "revision").read_only);
    assert_eq!(field(booking, "revision").ty, TypeRef::Int64);
    assert!(field(booking, "title").required, "required from the request view");
    assert!(booking.usage.request && booking.usage.response);
    assert_eq!(booking.one_ofs.len(), 1);
    let merge = out.types.merges.iter().find(|m| m.name == "Booking").unwrap();
    assert_eq!(merge.how, "request and response views");
    assert!(
        !out.diagnostics.iter().any(|d| d.code == codes::FIELD_DRIFT),
        "the views are not drift: {}",
        diag_lines(&out)
    );
    // `contactDetails` is listed under the param and referenced bare in the
    // response: one type.
    assert_eq!(field(booking, "contactDetails").ty, named_ref("ContactDetails"));
    assert_eq!(
        method(pkg, "CreateBooking").response,
        Some(named_ref("CreateBookingResponse"))
    );
}

#[test]
fn two_different_address_and_street_address_types_in_one_package() {
    let out = lower_cases("bookings");
    let pkg = package(&out, "bookings");
    assert_eq!(
        split(&out, "Address"),
        [("ContactDetailsAddress", "message"), ("LocationAddress", "message")]
    );
    assert_eq!(
        split(&out, "StreetAddress"),
        [
            ("ContactDetailsAddressStreetAddress", "message"),
            ("LocationAddressStreetAddress", "message")
        ]
    );
    assert_eq!(
        field(strukt(pkg, "ContactDetailsAddress"), "street").ty,
        named_ref("ContactDetailsAddressStreetAddress")
    );
    assert_eq!(
        field(strukt(pkg, "LocationAddress"), "streetAddress").ty,
        named_ref("LocationAddressStreetAddress")
    );
}

#[test]
fn a_message_and_the_enum_of_its_member_with_the_same_name() {
    let out = lower_cases("cart");
    let pkg = package(&out, "cart");
    assert_eq!(
        split(&out, "ItemType"),
        [("LineItemItemTypeItemType", "enum"), ("LineItemItemType", "message")]
    );
    let item_type = strukt(pkg, "LineItemItemType");
    let members: Vec<(&str, &TypeRef)> = item_type.one_ofs[0]
        .members
        .iter()
        .map(|m| (m.wire_name.as_str(), &m.ty))
        .collect();
    assert_eq!(
        members,
        [
            ("preset", &named_ref("LineItemItemTypeItemType")),
            ("custom", &TypeRef::String)
        ]
    );
    assert_eq!(
        field(strukt(pkg, "LineItem"), "itemType").ty,
        named_ref("LineItemItemType")
    );
}

#[test]
fn an_id_path_param_typed_with_its_own_name_takes_the_sdk_type_of_id() {
    let out = lower_cases("accounts");
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let m = method(package(&out, "accounts"), "GetAccount");
    assert_eq!(wire_names(&m.path_params), ["id"]);
    assert_eq!(m.path_params[0].ty, TypeRef::String);
}

#[test]
fn a_bare_reference_nothing_decides_is_a_warning_naming_the_choice() {
    // Two different `Mode` enums listed on one page; `fallback` names `Mode`
    // with no listing of its own and no other page to tell which.
    let rest = " Method: getThing
 Description: Gets.
 URL: https://www.wixapis.com/things/v1/things
 Method: GET
 Return type: GetThingResponse
  - name: light | type: Light | description: Light.
     - name: mode | type: Mode | description: Light mode.
           - enum: ON, OFF
  - name: fan | type: Fan | description: Fan.
     - name: mode | type: Mode | description: Fan mode.
           - enum: LOW, HIGH
  - name: fallback | type: Mode | description: Fallback mode.";
    let page = method_page("GetThing", "things", "ThingsService", rest, None);
    let out = wixgen_ir::lower(&[parse("t.md", page.as_bytes())]);
    let warnings: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == codes::AMBIGUOUS_TYPE_REF)
        .collect();
    assert_eq!(warnings.len(), 1, "{}", diag_lines(&out));
    let line = warnings[0].one_line();
    assert!(line.starts_with("t.md:34:11: warning[W117]"), "{line}");
    assert!(
        line.contains("`fallback` of `GetThingResponse` has type `Mode`, which names 2 different types here (listed at t.md:30:12, t.md:33:12)"),
        "{line}"
    );
    assert!(
        line.contains("chose the one listed at t.md:33:12, the nearest before it"),
        "{line}"
    );
    let pkg = package(&out, "things");
    assert_eq!(
        field(strukt(pkg, "GetThingResponse"), "fallback").ty,
        named_ref("FanMode")
    );
    assert!(matches!(named(pkg, "LightMode"), NamedType::Enum(_)));
}

/// CreateStaffMember: two `Status` enums (the location's and the staff
/// member's), and the address's `status` naming `Status` with no listing of
/// its own, nearest after the staff member's. `body` is its curl example's
/// JSON.
fn create_staff_member_page(body: &str) -> String {
    let rest = " Method: createStaffMember
 Description: Creates a staff member.
 URL: https://www.wixapis.com/staff/v1/staff-members
 Method: POST
 Method parameters:
   param name: staffMember | type: StaffMember
        - name: location | type: Location | description: Location.
           - name: status | type: Status | description: Location status.
                 - enum: VERIFIED, UNVERIFIED
        - name: status | type: Status | description: Staff member status.
                 - enum: PUBLISHED, CANCELED
        - name: address | type: Address | description: Address.
           - name: status | type: Status | description: Address status.
 Return type: CreateStaffMemberResponse
  - name: id | type: string | description: GUID.";
    let example = format!(
        "\n### Examples\n\n### Create a staff member\n\n```curl\ncurl -X POST 'https://www.wixapis.com/staff/v1/staff-members' \\\n-H 'Authorization: <AUTH>' \\\n-d '{body}'\n```\n\n---\n"
    );
    method_page("CreateStaffMember", "staff", "StaffService", rest, None).replacen(
        "\n```\n\n---\n",
        &format!("\n```\n{example}"),
        1,
    )
}

/// The W117 warnings of `out`, one line each.
fn ambiguous_refs(out: &LowerOutput) -> Vec<String> {
    out.diagnostics
        .iter()
        .filter(|d| d.code == codes::AMBIGUOUS_TYPE_REF)
        .map(|d| d.one_line())
        .collect()
}

/// The values of the enum that `status` of `Address` became.
fn address_status_values(out: &LowerOutput) -> Vec<String> {
    let pkg = package(out, "staff");
    let TypeRef::Named(chosen) = &field(strukt(pkg, "Address"), "status").ty else {
        panic!("`status` of `Address` is not a named type");
    };
    let NamedType::Enum(e) = named(pkg, chosen) else {
        panic!("{chosen} is not an enum");
    };
    e.variants.iter().map(|v| v.wire_name.clone()).collect()
}

#[test]
fn a_bare_reference_takes_the_type_the_pages_example_shows_under_it() {
    // The address's `status` only names `Status`, and the nearest listing
    // before it is the staff member's; the page's own curl example shows
    // `"VERIFIED"` under `address.status`, a value of the other one. A
    // `status` elsewhere in the example (the staff member's own
    // `"PUBLISHED"`) says nothing about it.
    let page = create_staff_member_page(
        "{\n  \"staffMember\": {\n    \"status\": \"PUBLISHED\",\n    \"address\": { \"status\": \"VERIFIED\" }\n  }\n}",
    );
    let out = wixgen_ir::lower(&[parse("create-staff-member.md", page.as_bytes())]);
    let warnings = ambiguous_refs(&out);
    assert_eq!(warnings.len(), 1, "{}", diag_lines(&out));
    assert!(
        warnings[0].contains("`status` of `Address` has type `Status`, which names 2 different types here"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[0].contains("the only one that fits what the page's examples show under it"),
        "{}",
        warnings[0]
    );
    assert_eq!(address_status_values(&out), ["VERIFIED", "UNVERIFIED"]);
}

#[test]
fn pages_without_examples_resolve_the_field_as_the_page_with_one_does() {
    // The staff member of the test above, also returned by GetStaffMember,
    // whose page has no example: its `address.status` is the same field of
    // the same type, so it takes the same `Status` (not the nearest listing
    // on its own page, which would leave the field two types, W110, and make
    // it free-form JSON).
    let get = " Method: getStaffMember
 Description: Gets a staff member.
 URL: https://www.wixapis.com/staff/v1/staff-members/{id}
 Method: GET
 Method parameters:
   param name: id | type: string | description: GUID. | required: true
 Return type: GetStaffMemberResponse
  - name: staffMember | type: StaffMember | description: The staff member.
     - name: location | type: Location | description: Location.
        - name: status | type: Status | description: Location status.
              - enum: VERIFIED, UNVERIFIED
     - name: status | type: Status | description: Staff member status.
              - enum: PUBLISHED, CANCELED
     - name: address | type: Address | description: Address.
        - name: status | type: Status | description: Address status.";
    let create =
        create_staff_member_page("{\n  \"staffMember\": {\n    \"address\": { \"status\": \"VERIFIED\" }\n  }\n}");
    let get = method_page("GetStaffMember", "staff", "StaffService", get, None);
    let out = wixgen_ir::lower(&[
        parse("create-staff-member.md", create.as_bytes()),
        parse("get-staff-member.md", get.as_bytes()),
    ]);
    assert!(
        !out.diagnostics.iter().any(|d| d.code == codes::FIELD_TYPE_CONFLICT),
        "{}",
        diag_lines(&out)
    );
    let chosen = ambiguous_refs(&out);
    assert_eq!(chosen.len(), 2, "one per page: {chosen:#?}");
    for line in &chosen {
        assert!(
            line.contains("the only one that fits what the page's examples show under it"),
            "{line}"
        );
    }
    assert_eq!(address_status_values(&out)[0], "VERIFIED");
}

#[test]
fn a_response_field_naming_the_resource_takes_the_param_type_not_a_nested_enum() {
    // ecom-orders CreateOrder: the `order` param lists the message `Order`;
    // deep inside it, `orders` lists an enum also named `Order` (a sort
    // order). The response's `order` only names `Order`: the nearest listing
    // before it is the enum, but a response field means the type the method
    // takes or returns directly, the message.
    let rest = " Method: createOrder
 Description: Creates an order.
 URL: https://www.wixapis.com/ecom/v1/orders
 Method: POST
 Method parameters:
   param name: order | type: Order
        - name: name | type: string | description: Order name.
        - name: settings | type: Settings | description: Settings.
           - name: orders | type: array<Order> | description: Sort orders.
                 - enum: NEWEST_FIRST, OLDEST_FIRST
           - name: limit | type: integer | description: Limit.
 Return type: CreateOrderResponse
  - name: order | type: Order | description: Created order.";
    let page = method_page("CreateOrder", "orders", "OrdersService", rest, None);
    let out = wixgen_ir::lower(&[parse("create-order.md", page.as_bytes())]);
    let warnings: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == codes::AMBIGUOUS_TYPE_REF)
        .collect();
    assert_eq!(warnings.len(), 1, "{}", diag_lines(&out));
    let line = warnings[0].one_line();
    assert!(
        line.contains("`order` of `CreateOrderResponse` has type `Order`, which names 2 different types here"),
        "{line}"
    );
    assert!(line.contains("the type a method takes or returns directly"), "{line}");
    let pkg = package(&out, "orders");
    let response = strukt(pkg, "CreateOrderResponse");
    let TypeRef::Named(chosen) = &field(response, "order").ty else {
        panic!("`order` is not a named type: {:?}", field(response, "order").ty);
    };
    assert!(
        matches!(named(pkg, chosen), NamedType::Struct(s) if wire_names(&s.fields).contains(&"name")),
        "`order` of the response is {chosen}, not the message"
    );
    let settings = strukt(pkg, "Settings");
    let TypeRef::Array(element) = &field(settings, "orders").ty else {
        panic!("`orders` is not an array");
    };
    let TypeRef::Named(sort) = element.as_ref() else {
        panic!("`orders` is not an array of a named type");
    };
    assert!(matches!(named(pkg, sort), NamedType::Enum(_)), "{sort}");
}
