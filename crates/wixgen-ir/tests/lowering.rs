//! Lowering rules on small pages written for the purpose, in the measured layout.

mod common;

use common::*;
use wixgen_ir::{HttpMethod, LowerOutput, PageInput, PathParam, PathSegment, Severity, TypeRef, codes};

fn lower_md(pages: &[(&str, String)]) -> LowerOutput {
    let inputs: Vec<PageInput> = pages.iter().map(|(p, md)| parse(p, md.as_bytes())).collect();
    wixgen_ir::lower(&inputs)
}

fn codes_of(out: &LowerOutput) -> Vec<&'static str> {
    out.diagnostics.iter().map(|d| d.code).collect()
}

fn named_ref(n: &str) -> TypeRef {
    TypeRef::Named(n.to_string())
}

const PING_REST: &str = " Method: ping
 Description: Pings.
 URL: https://www.wixapis.com/things/v1/ping
 Method: POST
 Method parameters:
   param name: message | type: message | description: Text.
 Return type: PingResponse
  - name: echo | type: Echo | description: The echo.
     - name: text | type: string | description: Text.";

const PING_SDK: &str = " Method: wixClientAdmin.things.ThingsService.ping(message)
 Description: Pings.
 Method parameters:
   param name: message | type: string | description: Text. | required: true
 Return type: PROMISE<PingResponse>
  - name: echo | type: Echo | description: The echo.
     - name: text | type: string | description: Text.";

fn ping_page() -> String {
    method_page("Ping", "things", "ThingsService", PING_REST, Some(PING_SDK))
}

#[test]
fn url_null_is_a_service_plugin_with_types_and_a_note() {
    let plugin = method_page(
        "GetShippingRates",
        "things",
        "ThingsService",
        " Method: getShippingRates
 Description: Implemented by apps.
 URL: null
 Method: POST
 Method parameters:
   param name: options | type: RateOptions
        - name: zone | type: string | description: Zone.
 Return type: GetShippingRatesResponse
  - name: rates | type: array<Rate> | description: Rates.
     - name: price | type: string | description: Price.",
        None,
    );
    let out = lower_md(&[("plugin.md", plugin), ("ping.md", ping_page())]);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    let notes: Vec<_> = out.notes().collect();
    assert_eq!(notes.len(), 1, "{}", diag_lines(&out));
    assert_eq!(notes[0].code, codes::SERVICE_PLUGIN);
    assert!(notes[0].one_line().starts_with("plugin.md:"), "{}", notes[0].one_line());
    assert!(notes[0].one_line().contains("note[N101]"), "{}", notes[0].one_line());
    let pkg = package(&out, "things");
    let service = &pkg.services[0];
    let methods: Vec<&str> = service.methods.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(methods, ["Ping"], "no client method for the plugin");
    assert_eq!(service.plugin_methods.len(), 1);
    let plugin = &service.plugin_methods[0];
    assert_eq!(plugin.name, "GetShippingRates");
    assert_eq!(plugin.rust_name, "get_shipping_rates");
    assert_eq!(plugin.operation, "things.ThingsService.getShippingRates");
    assert_eq!(plugin.request, named_ref("GetShippingRatesRequest"));
    assert_eq!(plugin.response, Some(named_ref("GetShippingRatesResponse")));
    // Wix sends the request (decoded: a response-side type); the app builds the response.
    let request = strukt(pkg, "GetShippingRatesRequest");
    assert_eq!(wire_names(&request.fields), ["options"]);
    assert_eq!(field(request, "options").ty, named_ref("RateOptions"));
    assert!(request.usage.response && !request.usage.request);
    let response = strukt(pkg, "GetShippingRatesResponse");
    assert!(response.usage.request && !response.usage.response);
    assert!(strukt(pkg, "Rate").usage.request);
    assert!(strukt(pkg, "RateOptions").usage.response);
}

#[test]
fn missing_verb_is_an_error() {
    let page = method_page(
        "Ping",
        "things",
        "ThingsService",
        " Method: ping
 Description: Pings.
 URL: https://www.wixapis.com/things/v1/ping
 Method parameters:
   param name: message | type: string | description: Text.",
        None,
    );
    let out = lower_md(&[("ping.md", page)]);
    assert_eq!(codes_of(&out), [codes::BAD_VERB], "{}", diag_lines(&out));
    assert!(out.api.packages.is_empty());
}

#[test]
fn duplicate_methods_keep_the_first_page() {
    let out = lower_md(&[("b.md", ping_page()), ("a.md", ping_page())]);
    assert_eq!(codes_of(&out), [codes::DUPLICATE_METHOD], "{}", diag_lines(&out));
    let d = &out.diagnostics[0];
    assert_eq!(d.primary.page, "b.md");
    assert_eq!(d.related[0].0.page, "a.md");
    let m = method(package(&out, "things"), "Ping");
    assert_eq!(m.source.page, "a.md");
    assert_eq!(strukt(package(&out, "things"), "Echo").sources.len(), 1);
}

#[test]
fn own_name_types_resolve_from_the_sdk_or_warn() {
    let out = lower_md(&[("ping.md", ping_page())]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let m = method(package(&out, "things"), "Ping");
    let p = param(m, "message");
    assert_eq!(p.ty, TypeRef::String);
    assert!(p.required);
    assert_eq!(m.operation, "things.ThingsService.ping");
    assert_eq!(m.permission_scopes[0].display_name, "Manage Things");

    // Without the SDK block nothing says what `type: message` is.
    let rest_only = method_page("Ping", "things", "ThingsService", PING_REST, None);
    let out = lower_md(&[("ping.md", rest_only)]);
    assert_eq!(
        codes_of(&out),
        [codes::UNRESOLVED_OWN_NAME_TYPE],
        "{}",
        diag_lines(&out)
    );
    assert_eq!(out.diagnostics[0].severity, Severity::Warning);
    assert!(out.diagnostics[0].one_line().starts_with("ping.md:"));
    let p = param(method(package(&out, "things"), "Ping"), "message");
    assert_eq!(p.ty, TypeRef::Json);
    assert!(!p.required);
}

const BOOKING_REST: &str = " Method: createBooking
 Description: Creates a booking.
 URL: https://www.wixapis.com/bookings/v2/bookings
 Method: POST
 Required parameters: booking, booking.bookedEntity, booking.bookedEntity.title, booking.nope
 Method parameters:
   param name: booking | type: Booking
        - name: bookedEntity | type: BookedEntity | description: What is booked.
           - name: title | type: string | description: Title.
        - name: status | type: Status | description: Status.
             - enum: CREATED, UNKNOWN, CONFIRMED
        - name: type | type: string | description: Booking type.
        - name: self | type: string | description: Link.
        - name: gen | type: integer | description: Generation. | validation: format int64
        - name: fooBar | type: boolean | description: One.
        - name: foo_bar | type: boolean | description: Two.
        - name: legacy | type: string | description: Deprecated. Use `status` instead.
 Return type: CreateBookingResponse
  - name: booking | type: Booking | description: The booking.";

#[test]
fn required_paths_names_and_enums() {
    let page = method_page("CreateBooking", "bookings", "BookingsService", BOOKING_REST, None);
    let out = lower_md(&[("create-booking.md", page)]);
    assert_eq!(codes_of(&out), [codes::UNKNOWN_REQUIRED_PATH], "{}", diag_lines(&out));
    let d = &out.diagnostics[0];
    assert!(d.message.contains("booking.nope"), "{}", d.message);
    // The REST block starts on line 23 of a `method_page`; `Required parameters:` is its 5th line.
    assert!(d.one_line().starts_with("create-booking.md:27:23:"), "{}", d.one_line());

    let pkg = package(&out, "bookings");
    let m = method(pkg, "CreateBooking");
    assert!(param(m, "booking").required);
    let booking = strukt(pkg, "Booking");
    assert!(field(booking, "bookedEntity").required);
    assert!(!field(booking, "status").required);
    assert!(field(strukt(pkg, "BookedEntity"), "title").required);
    assert!(booking.usage.request && booking.usage.response);
    assert!(strukt(pkg, "BookedEntity").usage.response, "usage is transitive");

    let rust: Vec<(&str, &str)> = booking
        .fields
        .iter()
        .map(|f| (f.wire_name.as_str(), f.rust_name.as_str()))
        .collect();
    assert_eq!(
        rust,
        [
            ("bookedEntity", "booked_entity"),
            ("status", "status"),
            ("type", "r#type"),
            ("self", "self_"),
            ("gen", "r#gen"),
            ("fooBar", "foo_bar"),
            ("foo_bar", "foo_bar_2"),
            ("legacy", "legacy"),
        ]
    );
    assert_eq!(field(booking, "gen").ty, TypeRef::Int64);
    assert!(field(booking, "legacy").docs.deprecated);
    assert!(!field(booking, "status").docs.deprecated);

    let status = enm(pkg, "Status");
    let variants: Vec<&str> = status.variants.iter().map(|v| v.rust_name.as_str()).collect();
    assert_eq!(variants, ["Created", "UnknownValue", "Confirmed"]);
    assert_eq!(status.variants[1].wire_name, "UNKNOWN");
}

#[test]
fn get_and_delete_send_params_in_the_query() {
    for (verb, expected) in [("GET", HttpMethod::Get), ("DELETE", HttpMethod::Delete)] {
        let rest = format!(
            " Method: deleteThing
 Description: Deletes.
 URL: https://www.wixapis.com/things/v1/things/{{thingId}}/parts/{{partId}}
 Method: {verb}
 Method parameters:
   param name: partId | type: string | description: Part.
   param name: revision | type: string | description: Revision. | validation: format int64
   param name: thingId | type: string | description: Thing."
        );
        let out = lower_md(&[(
            "t.md",
            method_page("DeleteThing", "things", "ThingsService", &rest, None),
        )]);
        assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
        let m = method(package(&out, "things"), "DeleteThing");
        assert_eq!(m.http_method, expected);
        assert_eq!(wire_names(&m.path_params), ["partId", "thingId"]);
        assert!(m.path_params.iter().all(|p| p.required));
        assert_eq!(wire_names(&m.query_params), ["revision"]);
        assert_eq!(m.query_params[0].ty, TypeRef::Int64);
        assert!(m.body_params.is_empty());
        assert_eq!(
            m.path,
            [
                PathSegment::Literal("/things/v1/things/".into()),
                PathSegment::Param(PathParam::from_template("thingId")),
                PathSegment::Literal("/parts/".into()),
                PathSegment::Param(PathParam::from_template("partId")),
            ]
        );
        // No return type: no response.
        assert_eq!(m.response, None);
    }
}

#[test]
fn placeholders_bind_to_params_fields_or_get_a_param_of_their_own() {
    let rest = " Method: updateThing
 Description: Updates.
 URL: https://www.wixapis.com/things/v1/things/{thing.id}/x/{other}/y/{thing.missing}/z/{path=**}
 Method: PATCH
 Method parameters:
   param name: path | type: path | description: A path with slashes.
   param name: thing | type: Thing
        - name: id | type: string | description: GUID.";
    let out = lower_md(&[(
        "t.md",
        method_page("UpdateThing", "things", "ThingsService", rest, None),
    )]);
    assert_eq!(
        codes_of(&out),
        [
            codes::PATH_PARAM_TYPE,
            codes::PATH_PARAM_WITHOUT_PARAM,
            codes::NESTED_PATH_PARAM
        ],
        "{}",
        diag_lines(&out)
    );
    let m = method(package(&out, "things"), "UpdateThing");
    // `{thing.id}` is read from the body param; `{other}` and the unknown
    // `{thing.missing}` get string params of their own; `{path=**}` is the param `path`.
    assert_eq!(wire_names(&m.path_params), ["path", "other", "thing.missing"]);
    assert_eq!(m.path_params[2].rust_name, "thing_missing");
    assert!(m.path_params.iter().all(|p| p.required && p.ty == TypeRef::String));
    assert_eq!(wire_names(&m.body_params), ["thing"]);
    let params: Vec<(Vec<String>, bool)> = m
        .path
        .iter()
        .filter_map(|s| match s {
            PathSegment::Param(p) => Some((p.field_path.clone(), p.multi_segment)),
            PathSegment::Literal(_) => None,
        })
        .collect();
    let v = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        params,
        [
            (v(&["thing", "id"]), false),
            (v(&["other"]), false),
            (v(&["thing.missing"]), false),
            (v(&["path"]), true),
        ]
    );
}

#[test]
fn listings_with_clashing_field_types_are_two_types_named_by_use() {
    let make = |title: &str, ty: &str| {
        method_page(
            title,
            "things",
            "ThingsService",
            &format!(
                " Method: x
 Description: X.
 URL: https://www.wixapis.com/things/v1/{title}
 Method: POST
 Method parameters:
   param name: thing | type: Thing
        - name: size | type: {ty} | description: Size."
            ),
            None,
        )
    };
    let out = lower_md(&[("a.md", make("First", "string")), ("b.md", make("Second", "boolean"))]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let pkg = package(&out, "things");
    assert_eq!(field(strukt(pkg, "FirstRequestThing"), "size").ty, TypeRef::String);
    assert_eq!(field(strukt(pkg, "SecondRequestThing"), "size").ty, TypeRef::Bool);
    assert_eq!(param(method(pkg, "First"), "thing").ty, named_ref("FirstRequestThing"));
    assert_eq!(
        param(method(pkg, "Second"), "thing").ty,
        named_ref("SecondRequestThing")
    );
    // The report names both and why they differ.
    assert_eq!(out.types.splits.len(), 1);
    let split = &out.types.splits[0];
    assert_eq!(split.name, "Thing");
    let names: Vec<&str> = split.types.iter().map(|t| t.rust_name.as_str()).collect();
    assert_eq!(names, ["FirstRequestThing", "SecondRequestThing"]);
    assert_eq!(
        split.types[1].reason,
        "field `size` is `boolean` here but `string` there"
    );
    assert_eq!(split.types[1].sources[0].page, "b.md");
    assert_eq!(split.types[0].used_by, ["FirstRequest.thing"]);
}

#[test]
fn unlisted_types_become_json_and_unlisted_responses_empty_structs() {
    let rest = " Method: x
 Description: X.
 URL: https://www.wixapis.com/things/v1/x
 Method: POST
 Method parameters:
   param name: mystery | type: Mystery | description: Never listed.
 Return type: XResponse";
    let out = lower_md(&[("x.md", method_page("X", "things", "ThingsService", rest, None))]);
    assert_eq!(codes_of(&out), [codes::UNLISTED_TYPE], "{}", diag_lines(&out));
    let pkg = package(&out, "things");
    let m = method(pkg, "X");
    assert_eq!(param(m, "mystery").ty, TypeRef::Json);
    assert_eq!(m.response, Some(named_ref("XResponse")));
    let r = strukt(pkg, "XResponse");
    assert!(r.fields.is_empty() && r.one_ofs.is_empty());
    assert!(r.usage.response);
    assert_eq!(pkg.types.len(), 1);
}

#[test]
fn one_of_names_avoid_clashes() {
    let rest = " Method: x
 Description: X.
 URL: https://www.wixapis.com/things/v1/x
 Method: POST
 Method parameters:
   param name: target | type: Target
    - ONE-OF: 
     - name: a | type: string | description: A.
     - name: b | type: string | description: B.
        - name: kind | type: TargetKind | description: A field named like the group field.
           - name: label | type: string | description: Label.
   param name: pair | type: Pair
    - ONE-OF: 
     - name: left | type: string | description: L.
     - name: unknown | type: string | description: U.
    - ONE-OF: 
     - name: up | type: string | description: Up.
     - name: down | type: string | description: Down.
 Return type: XRequest
  - name: ok | type: boolean | description: OK.";
    let out = lower_md(&[("x.md", method_page("X", "things", "ThingsService", rest, None))]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let pkg = package(&out, "things");

    // `Target` has a field `kind` and a type `TargetKind` exists: both names move.
    let target = strukt(pkg, "Target");
    assert_eq!(field(target, "kind").rust_name, "kind");
    assert_eq!(field(target, "kind").ty, named_ref("TargetKind"));
    assert_eq!(target.one_ofs[0].field_rust_name, "kind_2");
    assert_eq!(target.one_ofs[0].rust_name, "TargetKind2");
    strukt(pkg, "TargetKind");

    // Two groups: named after their first members; `unknown` avoids `Unknown`.
    let pair = strukt(pkg, "Pair");
    let groups: Vec<(&str, &str)> = pair
        .one_ofs
        .iter()
        .map(|g| (g.rust_name.as_str(), g.field_rust_name.as_str()))
        .collect();
    assert_eq!(groups, [("PairLeftKind", "left_kind"), ("PairUpKind", "up_kind")]);
    assert_eq!(pair.one_ofs[0].variant_rust_names, ["Left", "UnknownValue"]);

    // A type is called `XRequest`: the request struct is qualified by its
    // service (`ThingsService` → `Things`), never numbered.
    let m = method(pkg, "X");
    assert_eq!(m.response, Some(named_ref("XRequest")));
    assert_eq!(m.request_rust_name, "ThingsXRequest");
}

#[test]
fn a_page_without_title_uses_the_rest_method_name() {
    let page = ping_page().replacen("# Ping\n\n", "", 1);
    let input = parse("ping.md", page.as_bytes());
    assert!(input.page.title.is_none());
    let out = wixgen_ir::lower(&[input]);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    let m = method(package(&out, "things"), "Ping");
    assert_eq!(m.rust_name, "ping");
}

#[test]
fn rendering_names_every_place() {
    let out = lower_fixtures(&["get-or-create-conversation.md", "get-conversation.md"]);
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.code == codes::ONE_OF_CONFLICT)
        .expect("conflict");
    let r = d.render();
    assert!(r.starts_with("warning[W111]: "), "{r}");
    assert!(r.contains(" --> get-or-create-conversation.md:48:"), "{r}");
    assert!(r.contains(" ::: get-conversation.md:48:"), "{r}");
    assert!(r.contains("= help: "), "{r}");
}

// Cursor pagination is detected by the type of the paging param or field, at
// any name, on the request or one level down.

const PAGED_RESPONSE: &str = " Return type: ListThingsResponse
  - name: things | type: array<Thing> | description: Things.
     - name: id | type: string | description: Thing GUID.
  - name: pagingMetadata | type: PagingMetadataV2 | description: Paging.
     - name: count | type: integer | description: Count.
     - name: cursors | type: Cursors | description: Cursors.
        - name: next | type: string | description: Next page.
        - name: prev | type: string | description: Previous page.
     - name: hasNext | type: boolean | description: More pages.";

const CURSOR_PAGING: &str = "
        - name: limit | type: integer | description: Page size. | validation: minimum 0, maximum 100, format int32
        - name: cursor | type: string | description: Cursor. | validation: maxLength 16000";

/// A `ListThings` page with `params` (the `param name:` lines and their
/// fields) and a response with `pagingMetadata.cursors.next` and `things`.
fn list_things(verb: &str, params: &str) -> LowerOutput {
    let rest = format!(
        " Method: listThings
 Description: Lists things.
 URL: https://www.wixapis.com/things/v1/things
 Method: {verb}
 Method parameters:
{params}
{PAGED_RESPONSE}"
    );
    lower_md(&[(
        "list-things.md",
        method_page("ListThings", "things", "ThingsService", &rest, None),
    )])
}

/// The request cursor path of `ListThings`, after checking the page lowered cleanly.
fn request_cursor(out: &LowerOutput) -> Option<Vec<&str>> {
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(out));
    let m = method(package(out, "things"), "ListThings");
    m.pagination
        .as_ref()
        .map(|p| p.request_cursor.iter().map(String::as_str).collect())
}

#[test]
fn cursor_paging_is_found_by_type_at_any_name() {
    // ListMessages' shape: a GET whose `paging` query param is a `CursorPaging`.
    let out = list_things(
        "GET",
        &format!(
            "   param name: filterText | type: string | description: Text.
   param name: paging | type: CursorPaging{CURSOR_PAGING}"
        ),
    );
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let m = method(package(&out, "things"), "ListThings");
    assert_eq!(wire_names(&m.query_params), ["filterText", "paging"]);
    let p = m.pagination.as_ref().expect("pagination");
    assert_eq!(p.request_cursor, ["paging", "cursor"]);
    assert_eq!(p.items_field, "things");
    assert_eq!(p.item, named_ref("Thing"));
    assert_eq!(p.response_next_cursor, ["pagingMetadata", "cursors", "next"]);

    // Any name, and in a POST body.
    let out = list_things(
        "POST",
        &format!("   param name: pager | type: CursorPaging{CURSOR_PAGING}"),
    );
    assert_eq!(request_cursor(&out), Some(vec!["pager", "cursor"]));

    // The historical name still works.
    let out = list_things(
        "POST",
        &format!("   param name: cursorPaging | type: CursorPaging{CURSOR_PAGING}"),
    );
    assert_eq!(request_cursor(&out), Some(vec!["cursorPaging", "cursor"]));
}

#[test]
fn cursor_paging_is_found_by_shape() {
    // Another type name with exactly `limit` + `cursor`.
    let out = list_things("GET", &format!("   param name: paging | type: Pager{CURSOR_PAGING}"));
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    assert_eq!(request_cursor(&out), Some(vec!["paging", "cursor"]));

    // `limit` + `offset` is offset paging: no stream.
    let out = list_things(
        "GET",
        "   param name: paging | type: Paging
        - name: limit | type: integer | description: Page size.
        - name: offset | type: integer | description: Offset.",
    );
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    assert_eq!(request_cursor(&out), None);

    // A `cursor` in some other message is not cursor paging.
    let out = list_things(
        "GET",
        &format!(
            "   param name: paging | type: Pager{CURSOR_PAGING}\n        - name: extra | type: string | description: Extra."
        ),
    );
    assert_eq!(request_cursor(&out), None);
}

#[test]
fn cursor_paging_one_level_down() {
    // `query.cursorPaging`, a ONE-OF member beside offset `paging`.
    let out = list_things(
        "POST",
        "   param name: query | type: CursorQuery | description: Query. | required: true
        - ONE-OF: 
           - name: paging | type: Paging | description: Offset paging.
              - name: limit | type: integer | description: Page size.
              - name: offset | type: integer | description: Offset.
           - name: cursorPaging | type: CursorPaging | description: Cursor paging.
              - name: limit | type: integer | description: Page size.
              - name: cursor | type: string | description: Cursor.
        - name: filter | type: object | description: Filter.",
    );
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    assert_eq!(request_cursor(&out), Some(vec!["query", "cursorPaging", "cursor"]));

    // A regular field at another name.
    let out = list_things(
        "POST",
        &format!(
            "   param name: search | type: Search | description: Search.
        - name: text | type: string | description: Text.
        - name: page | type: CursorPaging | description: Page.{}",
            CURSOR_PAGING.replace("\n        ", "\n           ")
        ),
    );
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    assert_eq!(request_cursor(&out), Some(vec!["search", "page", "cursor"]));
}

#[test]
fn cursor_paging_is_deterministic() {
    let nested = CURSOR_PAGING.replace("\n        ", "\n           ");
    // A param beats a field of another param.
    let out = list_things(
        "POST",
        &format!(
            "   param name: paging | type: CursorPaging{CURSOR_PAGING}
   param name: query | type: Query | description: Query.
        - name: cursorPaging | type: CursorPaging | description: Paging.{nested}"
        ),
    );
    assert_eq!(request_cursor(&out), Some(vec!["paging", "cursor"]));

    // Two candidates at the same level: ambiguous, no stream (never one picked by order).
    let out = list_things(
        "POST",
        &format!(
            "   param name: a | type: CursorPaging{CURSOR_PAGING}
   param name: b | type: CursorPaging{CURSOR_PAGING}"
        ),
    );
    assert_eq!(request_cursor(&out), None);

    // Two levels down is too deep.
    let deeper = CURSOR_PAGING.replace("\n        ", "\n              ");
    let out = list_things(
        "POST",
        &format!(
            "   param name: outer | type: Outer | description: Outer.
        - name: inner | type: Inner | description: Inner.
           - name: cursorPaging | type: CursorPaging | description: Paging.{deeper}"
        ),
    );
    assert_eq!(request_cursor(&out), None);
    let inner = strukt(package(&out, "things"), "Inner");
    assert_eq!(field(inner, "cursorPaging").ty, named_ref("CursorPaging"));
}

#[test]
fn cursor_paging_needs_paging_metadata() {
    let rest = format!(
        " Method: listThings
 Description: Lists things.
 URL: https://www.wixapis.com/things/v1/things
 Method: GET
 Method parameters:
   param name: paging | type: CursorPaging{CURSOR_PAGING}
 Return type: ListThingsResponse
  - name: things | type: array<Thing> | description: Things.
     - name: id | type: string | description: Thing GUID."
    );
    let out = lower_md(&[(
        "list-things.md",
        method_page("ListThings", "things", "ThingsService", &rest, None),
    )]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    assert_eq!(request_cursor(&out), None);
}
