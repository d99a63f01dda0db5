//! Lowering of real Wix method pages (from `tests/fixtures/pages/` of the repository).

mod common;

use common::*;
use wixgen_ir::{HttpMethod, PathParam, PathSegment, TypeRef, codes};

fn named_ref(n: &str) -> TypeRef {
    TypeRef::Named(n.to_string())
}

fn array_of(t: TypeRef) -> TypeRef {
    TypeRef::Array(Box::new(t))
}

#[test]
fn get_or_create_conversation() {
    let out = lower_fixtures(&["get-or-create-conversation.md"]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let pkg = package(&out, "inbox");
    assert_eq!((pkg.module.as_str(), pkg.feature.as_str()), ("inbox", "inbox"));
    assert_eq!(pkg.services.len(), 1);
    assert_eq!(pkg.services[0].rust_name, "ConversationsService");

    let m = method(pkg, "GetOrCreateConversation");
    assert_eq!(m.rust_name, "get_or_create_conversation");
    assert_eq!(m.operation, "inbox.ConversationsService.getOrCreateConversation");
    assert_eq!(m.http_method, HttpMethod::Post);
    assert_eq!(m.path, [PathSegment::Literal("/inbox/v2/conversations".into())]);
    assert!(m.path_params.is_empty() && m.query_params.is_empty());
    assert_eq!(m.request_rust_name, "GetOrCreateConversationRequest");
    assert_eq!(m.response, Some(named_ref("GetOrCreateConversationResponse")));
    assert_eq!(m.permission_scopes.len(), 1);
    assert_eq!(m.permission_scopes[0].id, "SCOPE.DC-INBOX.MANAGE-MSGS");
    assert!(
        m.docs_link
            .as_deref()
            .is_some_and(|l| l.ends_with("get-or-create-conversation.md"))
    );
    assert!(m.docs.description.starts_with("Retrieves a conversation"));
    assert!(!m.docs.deprecated);
    assert!(m.pagination.is_none());

    // The REST block does not say `required`; the SDK block does.
    assert_eq!(wire_names(&m.body_params), ["participantId"]);
    let p = param(m, "participantId");
    assert_eq!(p.rust_name, "participant_id");
    assert_eq!(p.ty, named_ref("ParticipantId"));
    assert!(p.required, "participantId is required by the SDK block");
    assert_eq!(p.source.span.line, 36);

    let pid = strukt(pkg, "ParticipantId");
    assert!(pid.fields.is_empty());
    assert_eq!(pid.one_ofs.len(), 1);
    let group = &pid.one_ofs[0];
    assert!(group.required, "`- ONE-OF: - required: true` comes from the SDK block");
    assert_eq!(group.rust_name, "ParticipantIdKind");
    assert_eq!(group.field_rust_name, "kind");
    assert_eq!(
        wire_names(&group.members),
        ["contactId", "anonymousVisitorId", "memberId"]
    );
    assert!(group.members.iter().all(|f| f.ty == TypeRef::String));
    assert_eq!(
        group.variant_rust_names,
        ["ContactId", "AnonymousVisitorId", "MemberId"]
    );
    assert!(pid.usage.request && !pid.usage.response);

    let resp = strukt(pkg, "GetOrCreateConversationResponse");
    assert_eq!(wire_names(&resp.fields), ["conversation", "newConversation"]);
    assert_eq!(field(resp, "conversation").ty, named_ref("Conversation"));
    assert_eq!(field(resp, "newConversation").ty, TypeRef::Bool);
    assert!(resp.usage.response && !resp.usage.request);

    // ConversationDisplayData is listed once, under businessDisplayData, and
    // referenced again by participantDisplayData: one type, two references.
    let conv = strukt(pkg, "Conversation");
    assert_eq!(
        field(conv, "businessDisplayData").ty,
        named_ref("ConversationDisplayData")
    );
    assert_eq!(
        field(conv, "participantDisplayData").ty,
        named_ref("ConversationDisplayData")
    );
    assert_eq!(
        pkg.types
            .iter()
            .filter(|t| t.rust_name() == "ConversationDisplayData")
            .count(),
        1
    );
    let cdd = strukt(pkg, "ConversationDisplayData");
    assert_eq!(wire_names(&cdd.fields), ["name", "imageUrl"]);
    assert_eq!(field(cdd, "imageUrl").rust_name, "image_url");
    // Wire names come from REST: `id`, never the SDK's `_id`.
    assert_eq!(field(conv, "id").rust_name, "id");

    // Types are sorted by Rust name.
    let names: Vec<&str> = pkg.types.iter().map(|t| t.rust_name()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn get_conversation() {
    let out = lower_fixtures(&["get-conversation.md"]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let pkg = package(&out, "inbox");
    let m = method(pkg, "GetConversation");
    assert_eq!(m.http_method, HttpMethod::Get);
    assert_eq!(m.url, "https://www.wixapis.com/inbox/v2/conversations/{conversationId}");
    assert_eq!(
        m.path,
        [
            PathSegment::Literal("/inbox/v2/conversations/".into()),
            PathSegment::Param(PathParam::from_template("conversationId"))
        ]
    );
    assert_eq!(wire_names(&m.path_params), ["conversationId"]);
    assert!(m.query_params.is_empty() && m.body_params.is_empty());
    let p = &m.path_params[0];
    assert!(p.required);
    // REST writes `type: conversationId`; the SDK says `string`.
    assert_eq!(p.ty, TypeRef::String);
    assert_eq!(p.validation, [wixgen_schema::ValidationRule::Format("GUID".into())]);
    assert_eq!(m.response, Some(named_ref("GetConversationResponse")));

    let conv = strukt(pkg, "Conversation");
    let channels = field(conv, "channels");
    assert_eq!(channels.ty, array_of(named_ref("ChannelType")));
    assert!(channels.read_only);
    let ct = enm(pkg, "ChannelType");
    let values: Vec<(&str, &str)> = ct
        .variants
        .iter()
        .map(|v| (v.wire_name.as_str(), v.rust_name.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("CHAT", "Chat"),
            ("EMAIL", "Email"),
            ("SMS", "Sms"),
            ("FACEBOOK", "Facebook"),
            ("INSTAGRAM", "Instagram"),
            ("WHATSAPP", "Whatsapp")
        ]
    );
    assert!(ct.usage.response && !ct.usage.request);

    // Here contactId is a regular read-only field next to a two-member ONE-OF.
    let idd = strukt(pkg, "IdentificationData");
    assert_eq!(idd.one_ofs.len(), 1);
    assert_eq!(wire_names(&idd.one_ofs[0].members), ["anonymousVisitorId", "memberId"]);
    assert_eq!(wire_names(&idd.fields), ["contactId"]);
    assert!(field(idd, "contactId").read_only);
}

#[test]
fn get_availability_time_slot() {
    let out = lower_fixtures(&["get-availability-time-slot.md"]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let pkg = package(&out, "timeSlots");
    assert_eq!(
        (pkg.module.as_str(), pkg.feature.as_str()),
        ("time_slots", "time-slots")
    );
    let m = method(pkg, "GetAvailabilityTimeSlot");
    assert_eq!(m.http_method, HttpMethod::Post);
    assert_eq!(
        m.path,
        [PathSegment::Literal(
            "/_api/service-availability/v2/time-slots/get".into()
        )]
    );
    assert_eq!(
        wire_names(&m.body_params),
        [
            "includeResourceTypeIds",
            "localEndDate",
            "localStartDate",
            "location",
            "resourceTypes",
            "serviceId",
            "timeZone"
        ]
    );

    // `type: localEndDate` (REST) resolved with the SDK's `string`.
    let end = param(m, "localEndDate");
    assert_eq!(end.ty, TypeRef::String);
    assert!(end.required);
    assert_eq!(param(m, "serviceId").ty, TypeRef::String);
    // Required only in the SDK block (positional SDK params).
    assert!(param(m, "timeZone").required);
    assert!(param(m, "location").required);
    // `array<includeResourceTypeIds>` (REST) / bare `array` (SDK, inside `options`): IDs are strings.
    let ids = param(m, "includeResourceTypeIds");
    assert_eq!(ids.ty, array_of(TypeRef::String));
    assert!(!ids.required);
    // `array<resourceTypes>` (REST) named by the SDK's `array<ResourceType>` inside `options`,
    // with the fields REST lists under it.
    let rt = param(m, "resourceTypes");
    assert_eq!(rt.ty, array_of(named_ref("ResourceType")));
    let rts = strukt(pkg, "ResourceType");
    assert_eq!(wire_names(&rts.fields), ["resourceTypeId", "resourceIds"]);
    assert_eq!(field(rts, "resourceIds").ty, array_of(TypeRef::String));
    assert!(rts.usage.request && !rts.usage.response);

    // Location is listed under the param and under the response: one type used both ways.
    let loc = strukt(pkg, "Location");
    assert_eq!(loc.sources.len(), 2);
    assert!(loc.usage.request && loc.usage.response);
    assert_eq!(
        wire_names(&loc.fields),
        ["id", "name", "formattedAddress", "locationType"]
    );
    assert_eq!(field(loc, "locationType").ty, named_ref("LocationType"));

    let lt = enm(pkg, "LocationType");
    assert!(lt.usage.request && lt.usage.response);
    let values: Vec<&str> = lt.variants.iter().map(|v| v.wire_name.as_str()).collect();
    assert_eq!(values, ["BUSINESS", "CUSTOM", "CUSTOMER"]);
    assert_eq!(lt.variants[1].rust_name, "Custom");
    assert!(
        lt.variants[1]
            .docs
            .description
            .starts_with("The location is unique to this service")
    );
    assert!(lt.variants.iter().all(|v| !v.docs.description.is_empty()));

    // SDK `Date` refines REST `string`.
    let bpv = strukt(pkg, "BookingPolicyViolations");
    assert_eq!(field(bpv, "earliestBookingDate").ty, TypeRef::Timestamp);

    assert_eq!(m.errors.len(), 4);
    assert_eq!(m.errors[0].http_code, Some(403));
    assert_eq!(m.errors[0].status_code.as_deref(), Some("PERMISSION_DENIED"));
    assert_eq!(m.errors[3].application_code.as_deref(), Some("SLOT_NOT_FOUND"));

    // The folded description is unfolded into paragraphs.
    assert!(
        m.docs.description.contains("\n\n### Defaults\n\n"),
        "{}",
        m.docs.description
    );
    assert!(m.pagination.is_none());
}

#[test]
fn query_resource_types_is_paged() {
    let out = lower_fixtures(&["query-resource-types.md"]);
    assert!(out.diagnostics.is_empty(), "{}", diag_lines(&out));
    let pkg = package(&out, "resources");
    let m = method(pkg, "QueryResourceTypes");
    assert_eq!(m.http_method, HttpMethod::Post);
    let q = param(m, "query");
    // REST names the type `CursorQuery` (the SDK `ResourceTypeQuery`): REST wins.
    assert_eq!(q.ty, named_ref("CursorQuery"));
    assert!(q.required, "`Required parameters: query` in the SDK block");
    let pg = m.pagination.as_ref().expect("pagination");
    assert_eq!(pg.request_cursor, ["query", "cursorPaging", "cursor"]);
    assert_eq!(pg.items_field, "resourceTypes");
    assert_eq!(pg.item, named_ref("ResourceType"));
    assert_eq!(pg.response_next_cursor, ["pagingMetadata", "cursors", "next"]);

    // The header-less one-member ONE-OF is an optional field.
    let cq = strukt(pkg, "CursorQuery");
    assert!(cq.one_ofs.is_empty());
    assert_eq!(wire_names(&cq.fields), ["cursorPaging", "filter", "sort"]);
    assert_eq!(field(cq, "filter").ty, TypeRef::Json);
    assert_eq!(field(cq, "sort").ty, array_of(named_ref("Sorting")));
    assert_eq!(enm(pkg, "SortOrder").variants.len(), 2);

    // `createdDate` is a REST string and an SDK `Date` (`_createdDate`).
    let rt = strukt(pkg, "ResourceType");
    assert_eq!(field(rt, "createdDate").ty, TypeRef::Timestamp);
    assert_eq!(field(rt, "id").ty, TypeRef::String);
    assert!(rt.fields.iter().all(|f| !f.wire_name.starts_with('_')));
}

#[test]
fn list_messages_is_paged_by_its_cursor_paging_query_param() {
    // `paging` is a `CursorPaging` sent in the query string of a GET:
    // the cursor goes to `paging.cursor`.
    let out = wixgen_ir::lower(&[schema("inbox/list-messages.md")]);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    let pkg = package(&out, "inbox");
    let m = method(pkg, "ListMessages");
    assert_eq!(m.http_method, HttpMethod::Get);
    assert_eq!(
        wire_names(&m.query_params),
        ["conversationId", "paging", "sorting", "visibility"]
    );
    assert_eq!(param(m, "paging").ty, named_ref("CursorPaging"));
    let pg = m.pagination.as_ref().expect("pagination");
    assert_eq!(pg.request_cursor, ["paging", "cursor"]);
    assert_eq!(pg.items_field, "messages");
    assert_eq!(pg.item, named_ref("Message"));
    assert_eq!(pg.response_next_cursor, ["pagingMetadata", "cursors", "next"]);
}

#[test]
fn only_list_messages_of_the_inbox_schemas_is_paged() {
    let pages: Vec<_> = [
        "inbox/get-conversation.md",
        "inbox/get-or-create-conversation.md",
        "inbox/list-messages.md",
        "inbox/send-message.md",
    ]
    .iter()
    .map(|n| schema(n))
    .collect();
    let out = wixgen_ir::lower(&pages);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    let paged: Vec<&str> = package(&out, "inbox")
        .services
        .iter()
        .flat_map(|s| &s.methods)
        .filter(|m| m.pagination.is_some())
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(paged, ["ListMessages"]);
}

#[test]
fn inbox_pages_unify() {
    let out = lower_fixtures(&["get-or-create-conversation.md", "get-conversation.md"]);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    assert_eq!(out.api.packages.len(), 1);
    let pkg = package(&out, "inbox");
    assert_eq!(pkg.services.len(), 1);
    let methods: Vec<&str> = pkg.services[0].methods.iter().map(|m| m.rust_name.as_str()).collect();
    assert_eq!(methods, ["get_conversation", "get_or_create_conversation"]);

    // IdentificationData: contactId is a ONE-OF member on one page, a regular
    // field on the other. Reported with both places; generated as a regular field.
    let conflicts: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == codes::ONE_OF_CONFLICT)
        .collect();
    assert_eq!(conflicts.len(), 1, "{}", diag_lines(&out));
    let d = conflicts[0];
    let line = d.one_line();
    assert!(
        line.contains("IdentificationData") && line.contains("contactId"),
        "{line}"
    );
    assert!(line.contains("get-or-create-conversation.md:48:"), "{line}");
    assert!(line.contains("get-conversation.md:48:"), "{line}");
    assert_eq!(d.primary.page, "get-or-create-conversation.md");
    assert_eq!(d.related.len(), 1);
    assert_eq!(d.related[0].0.page, "get-conversation.md");
    assert!(d.help.is_some());
    let idd = strukt(pkg, "IdentificationData");
    assert_eq!(idd.one_ofs.len(), 1);
    assert_eq!(wire_names(&idd.one_ofs[0].members), ["anonymousVisitorId", "memberId"]);
    assert_eq!(wire_names(&idd.fields), ["contactId"]);
    assert!(!field(idd, "contactId").required);
    assert_eq!(idd.sources.len(), 2);

    // Conversation: get-or-create's listing lacks `channels`; the union has it.
    let conv = strukt(pkg, "Conversation");
    assert_eq!(
        wire_names(&conv.fields),
        [
            "id",
            "participant",
            "channels",
            "businessDisplayData",
            "participantDisplayData"
        ]
    );
    assert_eq!(field(conv, "channels").ty, array_of(named_ref("ChannelType")));
    let drift: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == codes::FIELD_DRIFT)
        .collect();
    assert_eq!(drift.len(), 1, "{}", diag_lines(&out));
    assert!(drift[0].message.contains("`channels`"));

    // Shared types are emitted once.
    for name in ["Conversation", "ConversationDisplayData", "IdentificationData"] {
        assert_eq!(pkg.types.iter().filter(|t| t.rust_name() == name).count(), 1, "{name}");
    }
    // Nothing else to report.
    assert_eq!(out.diagnostics.len(), 2, "{}", diag_lines(&out));
}

#[test]
fn output_does_not_depend_on_page_order() {
    let a = lower_fixtures(&[
        "get-or-create-conversation.md",
        "get-conversation.md",
        "query-resource-types.md",
    ]);
    let b = lower_fixtures(&[
        "query-resource-types.md",
        "get-conversation.md",
        "get-or-create-conversation.md",
    ]);
    assert_eq!(a, b);
    let names: Vec<&str> = a.api.packages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["inbox", "resources"]);
}

#[test]
fn every_real_page_survives_any_single_line_deletion() {
    for name in [
        "get-or-create-conversation.md",
        "get-conversation.md",
        "query-resource-types.md",
        "get-availability-time-slot.md",
    ] {
        let text = std::fs::read_to_string(fixture_path(name)).expect("fixture");
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let mutated: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect();
            let parsed = wixgen_schema::parse(mutated.join("\n").as_bytes());
            let Some(page) = parsed.page else { continue };
            let out = wixgen_ir::lower(&[wixgen_ir::PageInput {
                path: name.into(),
                page,
            }]);
            for d in &out.diagnostics {
                assert_eq!(d.primary.page, name);
                assert!(d.primary.span.line >= 1, "{}", d.one_line());
            }
        }
    }
}
