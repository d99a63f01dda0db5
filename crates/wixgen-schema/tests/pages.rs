//! The parser on real pages: the exact tree each one must produce.
//!
//! The expected outlines below state, node by node, what the page says: every
//! param, ONE-OF group and member, field, type and attribute, with the line it
//! is on. They were written by reading each page; the outline format is
//! defined in `support/outline.rs`.

mod support;

use support::outline;
use wixgen_schema::*;

fn read(path: &str) -> Vec<u8> {
    let full = format!("{}/../../tests/fixtures/pages/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn parse_file(path: &str) -> (Page, Vec<Diagnostic>) {
    let out = parse(&read(path));
    (out.page.expect("page parses"), out.diagnostics)
}

fn schema(section: &Option<Section>) -> &SchemaBlock {
    section
        .as_ref()
        .and_then(|s| s.schema.as_ref())
        .expect("section with a schema block")
}

/// Compare line by line so a failure names the first differing node.
fn assert_outline(actual: &str, expected: &str) {
    let expected = expected.trim_start_matches('\n');
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "outline line {} differs", i + 1);
    }
    assert_eq!(
        actual.lines().count(),
        expected.lines().count(),
        "outline length differs:\n{actual}"
    );
}

fn field<'a>(members: &'a [Member], name: &str) -> &'a Field {
    members
        .iter()
        .find_map(|m| match m {
            Member::Field(f) if f.name.value == name => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no field `{name}`"))
}

fn names(members: &[Member]) -> Vec<&str> {
    members
        .iter()
        .map(|m| match m {
            Member::Field(f) => f.name.value.as_str(),
            Member::OneOf(_) => "ONE-OF",
        })
        .collect()
}

const SEED_REST: &str = r#"
method getOrCreateConversation @31
url https://www.wixapis.com/inbox/v2/conversations @33
verb POST @34
param participantId: ParticipantId @36
  one-of @37
    contactId: string "Contact GUID. See the Contacts API for more information." @38
    anonymousVisitorId: string "GUID of an anonymous site visitor." @39
    memberId: string "Member GUID. See the Members API for more information." @40
return GetOrCreateConversationResponse @41
  conversation: Conversation "Created or retrieved conversation." @42
    id: string "Conversation GUID." @43
    participant: IdentificationData "GUID of the visitor, contact, or member who is chatting with the business." @44
      one-of @45
        anonymousVisitorId: string "GUID of an anonymous site visitor." @46
        memberId: string "Member GUID. See the Members API for more information." @47
        contactId: string "Contact GUID. See the Contacts API for more information." @48
    businessDisplayData: ConversationDisplayData "Display name and avatar for the business." @49
      name: string "Display name." @50
      imageUrl: string "Avatar image URL." @51
    participantDisplayData: ConversationDisplayData "Display name and avatar for the visitor, contact, or member." listed@49 @52
  newConversation: boolean "Indicates whether the conversation previously exists or was just created. If `true`, the conversation was just created. If `false`, the conversation already existed." @53
"#;

const SEED_SDK: &str = r#"
method wixClientAdmin.inbox.ConversationsService.getOrCreateConversation(participantId) @82
param participantId: ParticipantId required @85
  one-of required @86
    contactId: string "Contact GUID. See the Contacts API for more information." @87
    anonymousVisitorId: string "GUID of an anonymous site visitor." @88
    memberId: string "Member GUID. See the Members API for more information." @89
return GetOrCreateConversationResponse promise @90
  conversation: Conversation "Created or retrieved conversation." @91
    _id: string "Conversation GUID." @92
    participant: IdentificationData "GUID of the visitor, contact, or member who is chatting with the business." @93
      one-of @94
        anonymousVisitorId: string "GUID of an anonymous site visitor." @95
        memberId: string "Member GUID. See the Members API for more information." @96
        contactId: string "Contact GUID. See the Contacts API for more information." @97
    businessDisplayData: ConversationDisplayData "Display name and avatar for the business." @98
      name: string "Display name." @99
      imageUrl: string "Avatar image URL." @100
    participantDisplayData: ConversationDisplayData "Display name and avatar for the visitor, contact, or member." listed@49 @101
  newConversation: boolean "Indicates whether the conversation previously exists or was just created. If `true`, the conversation was just created. If `false`, the conversation already existed." @102
"#;

const QUERY_REST: &str = r#"
method queryResourceTypes @27
url https://www.wixapis.com/bookings/v2/resources/resource-types/query @29
verb POST @30
param query: CursorQuery @32
  one-of implicit @33
    cursorPaging: CursorPaging "Cursor token pointing to a page of results. Not used in the first request. Following requests use the cursor token and not `filter` or `sort`." @33
      limit: integer "Number of items to load." @34
      cursor: string "Pointer to the next or previous page in the list of results.  You can get the relevant cursor token from the `pagingMetadata` object in the previous call's response. Not relevant for the first request." @35
  filter: object "Filter object in the following format: `\"filter\" : { \"fieldName1\": \"value1\", \"fieldName2\":{\"$operator\":\"value2\"} }` Example of operators: `$eq`, `$ne`, `$lt`, `$lte`, `$gt`, `$gte`, `$in`, `$hasSome`, `$hasAll`, `$startsWith`, `$contains`" @36
  sort: array<Sorting> "Sort object in the following format: `[{\"fieldName\":\"sortField1\",\"order\":\"ASC\"},{\"fieldName\":\"sortField2\",\"order\":\"DESC\"}]`" @37
    fieldName: string "Name of the field to sort by." @38
    order: SortOrder "Sort order." @39
      enum inline @40
        ASC @40
        DESC @40
return QueryResourceTypesResponse @41
  resourceTypes: array<ResourceType> "Retrieved resource types." @42
    id: string "Resource type GUID." @43
    revision: string "Revision number, which increments by 1 each time the resource type is updated. To prevent conflicting changes, the current revision must be passed when updating the resource type." @44
    createdDate: string "Time in `YYYY-MM-DDThh:mm:ss.sssZ` format the resource type was created." @45
    updatedDate: string "Time in `YYYY-MM-DDThh:mm:ss.sssZ` format the resource type was last updated." @46
    name: string "Name of the resource type. For example, `meeting room`. The name must be unique per site." @47
    extendedFields: ExtendedFields "Extensions enabling users to save custom data related to the resource type." @48
      namespaces: object "Extended field data. Each key corresponds to the namespace of the app that created the extended fields. The value of each key is structured according to the schema defined when the extended fields were configured.  You can only access fields for which you have the appropriate permissions.  Learn more about [extended fields](https://dev.wix.com/docs/rest/articles/getting-started/extended-fields.md)." @49
  pagingMetadata: CursorPagingMetadata "Paging metadata." @50
    count: integer "Number of items returned in the response." @51
    cursors: Cursors "Offset that was requested." @52
      next: string "Cursor pointing to next page in the list of results." @53
      prev: string "Cursor pointing to previous page in the list of results." @54
    hasNext: boolean "Indicates if there are more results after the current page. If `true`, another page of results can be retrieved. If `false`, this is the last page." @55
"#;

const QUERY_SDK: &str = r#"
method wixClientAdmin.resources.ResourceTypesService.queryResourceTypes(query) @108
required-parameters query @110
param query: ResourceTypeQuery required @112
  one-of implicit @113
    cursorPaging: CursorPaging "Cursor token pointing to a page of results. Not used in the first request. Following requests use the cursor token and not `filter` or `sort`." @113
      limit: integer "Number of items to load." @114
      cursor: string "Pointer to the next or previous page in the list of results.  You can get the relevant cursor token from the `pagingMetadata` object in the previous call's response. Not relevant for the first request." @115
  filter: object "Filter object in the following format: `\"filter\" : { \"fieldName1\": \"value1\", \"fieldName2\":{\"$operator\":\"value2\"} }` Example of operators: `$eq`, `$ne`, `$lt`, `$lte`, `$gt`, `$gte`, `$in`, `$hasSome`, `$hasAll`, `$startsWith`, `$contains`" @116
  sort: array<Sorting> "Sort object in the following format: `[{\"fieldName\":\"sortField1\",\"order\":\"ASC\"},{\"fieldName\":\"sortField2\",\"order\":\"DESC\"}]`" @117
    fieldName: string "Name of the field to sort by." @118
    order: SortOrder "Sort order." @119
      enum inline @120
        ASC @120
        DESC @120
return QueryResourceTypesResponse promise @121
  resourceTypes: array<ResourceType> "Retrieved resource types." @122
    _id: string "Resource type GUID." @123
    revision: string "Revision number, which increments by 1 each time the resource type is updated. To prevent conflicting changes, the current revision must be passed when updating the resource type." @124
    _createdDate: Date "Time in `YYYY-MM-DDThh:mm:ss.sssZ` format the resource type was created." @125
    _updatedDate: Date "Time in `YYYY-MM-DDThh:mm:ss.sssZ` format the resource type was last updated." @126
    name: string "Name of the resource type. For example, `meeting room`. The name must be unique per site." @127
    extendedFields: ExtendedFields "Extensions enabling users to save custom data related to the resource type." @128
      namespaces: object "Extended field data. Each key corresponds to the namespace of the app that created the extended fields. The value of each key is structured according to the schema defined when the extended fields were configured.  You can only access fields for which you have the appropriate permissions.  Learn more about [extended fields](https://dev.wix.com/docs/rest/articles/getting-started/extended-fields.md)." @129
  pagingMetadata: CursorPagingMetadata "Paging metadata." @130
    count: integer "Number of items returned in the response." @131
    cursors: Cursors "Offset that was requested." @132
      next: string "Cursor pointing to next page in the list of results." @133
      prev: string "Cursor pointing to previous page in the list of results." @134
    hasNext: boolean "Indicates if there are more results after the current page. If `true`, another page of results can be retrieved. If `false`, this is the last page." @135
"#;

#[test]
fn seed_page_has_exact_tree() {
    let (page, diags) = parse_file("seeds/get-or-create-conversation.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_outline(&outline::block(schema(&page.rest)), SEED_REST);
    assert_outline(&outline::block(schema(&page.sdk)), SEED_SDK);
}

#[test]
fn seed_page_outline_facts() {
    let (page, _) = parse_file("seeds/get-or-create-conversation.md");
    assert_eq!(page.title.as_ref().unwrap().value, "GetOrCreateConversation");
    assert_eq!(page.title.as_ref().unwrap().span.line, 9);
    assert_eq!(page.package.as_ref().unwrap().value, "inbox");
    assert_eq!(page.namespace.as_ref().unwrap().value, "ConversationsService");
    assert_eq!(
        page.method_link.as_ref().unwrap().value,
        "https://dev.wix.com/docs/api-reference/crm/communication/inbox/conversations/get-or-create-conversation.md"
    );
    assert_eq!(page.permission_scopes.len(), 1);
    assert_eq!(page.permission_scopes[0].display_name, "Manage Inbox Messages");
    assert_eq!(page.permission_scopes[0].id, "SCOPE.DC-INBOX.MANAGE-MSGS");
    assert!(
        page.introduction
            .as_ref()
            .unwrap()
            .value
            .starts_with("Retrieves a conversation by the specified visitor")
    );

    let rest = page.rest.as_ref().unwrap();
    assert_eq!(rest.examples.len(), 1);
    let ex = &rest.examples[0];
    assert_eq!(ex.title.value, "GetOrCreateConversation");
    let curl = ex.curl.as_ref().expect("curl example");
    assert_eq!(curl.verb.as_ref().unwrap().value, "POST");
    assert_eq!(
        curl.url.as_ref().unwrap().value,
        "https://www.wixapis.com/inbox/v2/conversations"
    );
    assert_eq!(curl.headers.len(), 1);
    assert_eq!(
        (curl.headers[0].name.as_str(), curl.headers[0].value.as_str()),
        ("Authorization", "<AUTH>")
    );
    let body = curl.body.as_ref().unwrap();
    let json: serde_json::Value = serde_json::from_str(&body.value).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"participantId": {"anonymousVisitorId": "40096143-3643-4cc1-8329-30a7fc2c595e"}})
    );
    // The body's span points at the JSON text itself: `{` on line 67, after `-d '`.
    assert_eq!((body.span.line, body.span.column), (67, 5));

    let sdk = page.sdk.as_ref().unwrap();
    let titles: Vec<&str> = sdk.examples.iter().map(|e| e.title.value.as_str()).collect();
    assert_eq!(
        titles[0],
        "Get or create a conversation from a member (with elevated permissions)"
    );
    assert!(titles.contains(&"getOrCreateConversation (self-hosted)"));
    assert!(
        sdk.examples
            .iter()
            .all(|e| e.language.as_deref() == Some("javascript") && e.curl.is_none())
    );

    // participantDisplayData is listed only once: it points at businessDisplayData's listing.
    let types: Vec<&str> = page.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        types,
        [
            "Conversation",
            "ConversationDisplayData",
            "GetOrCreateConversationResponse",
            "IdentificationData",
            "ParticipantId"
        ]
    );
}

#[test]
fn query_resource_types_has_exact_tree() {
    let (page, diags) = parse_file("real/query-resource-types.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_outline(&outline::block(schema(&page.rest)), QUERY_REST);
    assert_outline(&outline::block(schema(&page.sdk)), QUERY_SDK);
}

#[test]
fn filter_and_sort_belong_to_cursor_query_not_cursor_paging() {
    let (page, _) = parse_file("real/query-resource-types.md");
    for block in [schema(&page.rest), schema(&page.sdk)] {
        let query = &block.params[0];
        assert_eq!(query.name.value, "query");
        assert_eq!(names(&query.members), ["ONE-OF", "filter", "sort"]);
        let Member::OneOf(group) = &query.members[0] else {
            panic!("one-of first")
        };
        assert!(group.implicit, "the page shows no ONE-OF header");
        assert_eq!(group.members.len(), 1);
        let paging = &group.members[0];
        assert_eq!(paging.name.value, "cursorPaging");
        assert_eq!(names(&paging.members), ["limit", "cursor"]);
        assert_eq!(names(&field(&query.members, "sort").members), ["fieldName", "order"]);
    }
    let listing = page.types.iter().find(|t| t.name == "CursorPaging").unwrap();
    assert_eq!(names(&listing.members), ["limit", "cursor"]);
}

#[test]
fn without_knowledge_the_ambiguity_is_a_warning_naming_the_line() {
    let out = parse_with(&read("real/query-resource-types.md"), &TypeKnowledge::empty());
    let warnings: Vec<_> = out.warnings().map(|d| (d.code, d.span.line, d.span.column)).collect();
    // `limit` (line 34, REST) and line 114 (SDK): the first child of `cursorPaging`.
    assert_eq!(warnings, [("W050", 34, 9), ("W050", 114, 9)]);
    assert!(out.warnings().all(|w| {
        w.message
            .contains("cannot tell whether `limit` belongs to `cursorPaging` or to `query`")
    }));
    assert!(!out.has_errors());
}

#[test]
fn knowledge_from_another_page_decides_the_nesting() {
    let mut knowledge = TypeKnowledge::empty();
    knowledge.add("CursorPaging", ["limit".to_owned(), "cursor".to_owned()]);
    let out = parse_with(&read("real/query-resource-types.md"), &knowledge);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let page = out.page.unwrap();
    assert_eq!(
        names(&schema(&page.rest).params[0].members),
        ["ONE-OF", "filter", "sort"]
    );
    // What this page lists is knowledge for the next page.
    let mut gathered = TypeKnowledge::empty();
    gathered.add_page(&page);
    assert_eq!(gathered.fields("CursorQuery").unwrap().len(), 3);
    assert!(
        gathered.fields("SortOrder").unwrap().is_empty(),
        "an enum has no fields"
    );
}

#[test]
fn get_conversation_path_param_note_read_only_validation() {
    let (page, diags) = parse_file("reconstructed/get-conversation.md");
    assert!(diags.is_empty(), "{diags:?}");
    let rest = schema(&page.rest);
    assert_eq!(
        rest.url.as_ref().unwrap().value.as_deref(),
        Some("https://www.wixapis.com/inbox/v2/conversations/{conversationId}")
    );
    assert_eq!(rest.http_method.as_ref().unwrap().value, "GET");
    assert_eq!(rest.notes.len(), 1);
    assert!(
        rest.notes[0]
            .value
            .starts_with("If the parameter `a.b` is listed under required parameters")
    );
    assert_eq!(rest.required_parameters.as_ref().unwrap().value, ["conversationId"]);
    let p = &rest.params[0];
    assert_eq!(
        p.ty.value,
        TypeExpr::Named("conversationId".into()),
        "REST writes the param's own name"
    );
    assert!(p.attrs.required);
    assert_eq!(p.attrs.format(), Some("GUID"));
    let conv = field(&rest.return_type.as_ref().unwrap().members, "conversation");
    assert_eq!(
        names(&conv.members),
        [
            "id",
            "participant",
            "channels",
            "businessDisplayData",
            "participantDisplayData"
        ]
    );
    let id = field(&conv.members, "id");
    assert!(id.attrs.read_only && !id.attrs.required);
    let participant = field(&conv.members, "participant");
    assert_eq!(
        names(&participant.members),
        ["ONE-OF", "contactId"],
        "contactId is a regular field here"
    );
    let channels = field(&conv.members, "channels");
    assert_eq!(
        channels.ty.value,
        TypeExpr::Array(Some(Box::new(TypeExpr::Named("ChannelType".into()))))
    );
    let values: Vec<&str> = channels
        .enum_values
        .as_ref()
        .unwrap()
        .values
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(values, ["CHAT", "EMAIL", "SMS", "FACEBOOK", "INSTAGRAM", "WHATSAPP"]);
    assert!(channels.enum_values.as_ref().unwrap().inline);
    let curl = page.rest.as_ref().unwrap().examples[0].curl.as_ref().unwrap();
    assert_eq!(curl.verb.as_ref().unwrap().value, "GET");
    assert!(curl.body.is_none());
}

#[test]
fn availability_block_enums_with_descriptions() {
    let (page, _) = parse_file("real/get-availability-time-slot.md");
    let expected = [
        (
            "BUSINESS",
            "A business location, either the default business address, or locations defined for the business by the Business Info.",
        ),
        (
            "CUSTOM",
            "The location is unique to this service and isn't defined as 1 of the business locations.",
        ),
        (
            "CUSTOMER",
            "The location can be determined by the customer and isn't set up beforehand.",
        ),
    ];
    let rest = schema(&page.rest);
    let location = rest.params.iter().find(|p| p.name.value == "location").unwrap();
    let in_param = field(&location.members, "locationType");
    let time_slot = field(&rest.return_type.as_ref().unwrap().members, "timeSlot");
    let in_return = field(&field(&time_slot.members, "location").members, "locationType");
    let sdk_location = schema(&page.sdk)
        .params
        .iter()
        .find(|p| p.name.value == "location")
        .unwrap();
    let in_sdk = field(&sdk_location.members, "locationType");
    for f in [in_param, in_return, in_sdk] {
        assert_eq!(f.ty.value, TypeExpr::Named("LocationType".into()));
        let e = f.enum_values.as_ref().unwrap();
        assert!(!e.inline, "block form");
        let got: Vec<(&str, &str)> = e
            .values
            .iter()
            .map(|v| (v.name.as_str(), v.description.as_deref().unwrap()))
            .collect();
        assert_eq!(got, expected);
    }
    assert_eq!(in_param.enum_values.as_ref().unwrap().values[0].span.line, 41);
}

#[test]
fn availability_array_params() {
    let (page, _) = parse_file("real/get-availability-time-slot.md");
    let rest = schema(&page.rest);
    let names: Vec<&str> = rest.params.iter().map(|p| p.name.value.as_str()).collect();
    assert_eq!(
        names,
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
    let arr = |n: &str| TypeExpr::Array(Some(Box::new(TypeExpr::Named(n.into()))));
    let ids = &rest.params[0];
    assert_eq!(ids.ty.value, arr("includeResourceTypeIds"));
    assert!(ids.members.is_empty());
    let rt = &rest.params[4];
    assert_eq!(rt.ty.value, arr("resourceTypes"));
    assert_eq!(self::names(&rt.members), ["resourceTypeId", "resourceIds"]);
    assert_eq!(field(&rt.members, "resourceIds").ty.value, TypeExpr::Array(None));
    assert_eq!(field(&rt.members, "resourceTypeId").ty.value, TypeExpr::String);
    let required: Vec<&str> = rest
        .params
        .iter()
        .filter(|p| p.attrs.required)
        .map(|p| p.name.value.as_str())
        .collect();
    assert_eq!(required, ["localEndDate", "localStartDate", "serviceId"]);
    assert_eq!(
        rest.required_parameters.as_ref().unwrap().value,
        ["serviceId", "localStartDate", "localEndDate"]
    );
}

#[test]
fn availability_possible_errors() {
    let (page, _) = parse_file("real/get-availability-time-slot.md");
    for block in [schema(&page.rest), schema(&page.sdk)] {
        let got: Vec<_> = block
            .errors
            .iter()
            .map(|e| {
                (
                    e.http_code.unwrap(),
                    e.status_code.as_deref().unwrap(),
                    e.application_code.as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (403, "PERMISSION_DENIED", "UNAUTHORIZED_OPERATION"),
                (404, "NOT_FOUND", "MULTIPLE_IMPLEMENTERS_FOUND"),
                (404, "NOT_FOUND", "NO_IMPLEMENTERS_FOUND"),
                (404, "NOT_FOUND", "SLOT_NOT_FOUND"),
            ]
        );
        assert_eq!(
            block.errors[3].description.as_deref(),
            Some("Couldn't find a time slot matching the specified criteria.")
        );
        assert!(
            block.errors[0]
                .description
                .as_deref()
                .unwrap()
                .starts_with("The [identity](")
        );
    }
    assert_eq!(schema(&page.rest).errors[0].span.line, 99);
}

#[test]
fn availability_sdk_options_param_and_stray_none_is_a_warning() {
    let (page, diags) = parse_file("real/get-availability-time-slot.md");
    let found: Vec<_> = diags
        .iter()
        .map(|d| (d.severity, d.code, d.span.line, d.span.column))
        .collect();
    assert_eq!(found, [(Severity::Warning, "W024", 181, 64)]);
    assert!(diags[0].message.contains("stray `none`"));
    let sdk = schema(&page.sdk);
    let options = sdk.params.iter().find(|p| p.name.value == "options").unwrap();
    assert_eq!(
        options.ty.value,
        TypeExpr::Named("GetAvailabilityTimeSlotOptions".into())
    );
    assert_eq!(options.stray.as_ref().unwrap().value, "none");
    assert!(!options.attrs.required);
    assert_eq!(names(&options.members), ["includeResourceTypeIds", "resourceTypes"]);
    assert_eq!(
        field(&options.members, "includeResourceTypeIds").ty.value,
        TypeExpr::Array(None)
    );
    let rt = field(&options.members, "resourceTypes");
    assert_eq!(
        rt.ty.value,
        TypeExpr::Array(Some(Box::new(TypeExpr::Named("ResourceType".into()))))
    );
    assert_eq!(names(&rt.members), ["resourceTypeId", "resourceIds"]);
    // The SDK gives the real types the REST block writes as the param's own name.
    let ty = |n: &str| &sdk.params.iter().find(|p| p.name.value == n).unwrap().ty.value;
    assert_eq!(ty("localEndDate"), &TypeExpr::String);
    assert_eq!(ty("timeZone"), &TypeExpr::String);
}

#[test]
fn availability_fields_listed_once_point_at_their_listing() {
    let (page, _) = parse_file("real/get-availability-time-slot.md");
    let rest = schema(&page.rest);
    let time_slot = field(&rest.return_type.as_ref().unwrap().members, "timeSlot");
    let nested = field(&time_slot.members, "nestedTimeSlots");
    let available = field(&nested.members, "availableResources");
    assert!(available.members.is_empty());
    let listing = available.listed_at.expect("listed earlier");
    assert_eq!(listing.line, field(&time_slot.members, "availableResources").span.line);
}

#[test]
fn collapsed_seed_is_refused_with_fetch_hint() {
    let out = parse(&read("seeds/000_4f03bd3e1384cd8c.txt"));
    assert!(out.page.is_none(), "never parsed into guessed nesting");
    assert_eq!(out.diagnostics.len(), 1);
    let d = &out.diagnostics[0];
    assert_eq!(
        (d.severity, d.code, d.span.line, d.span.column),
        (Severity::Error, "E100", 1, 1)
    );
    assert!(d.message.contains("lost its line structure"), "{}", d.message);
    assert_eq!(
        d.help.as_deref(),
        Some(
            "fetch the real page with `curl -sSL 'https://dev.wix.com/docs/api-reference/crm/communication/inbox/conversations/get-or-create-conversation.md'` and save it in place of this file"
        )
    );
}

#[test]
fn seed_and_collapsed_seed_hold_the_same_tokens() {
    // FORMAT.md: the line-structured seed is token for token the collapsed one,
    // with two stripped `<...>` tokens restored.
    let fold = |b: Vec<u8>| {
        String::from_utf8(b)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let full = fold(read("seeds/get-or-create-conversation.md"))
        .replace("<AUTH>", "")
        .replace("PROMISE<GetOrCreateConversationResponse>", "PROMISE");
    let collapsed = fold(read("seeds/000_4f03bd3e1384cd8c.txt"));
    assert_eq!(
        full.split_whitespace().collect::<Vec<_>>(),
        collapsed.split_whitespace().collect::<Vec<_>>()
    );
}

#[test]
fn every_fixture_page_parses_without_errors() {
    let root = format!("{}/../../tests/fixtures/pages", env!("CARGO_MANIFEST_DIR"));
    let mut seen = Vec::new();
    for dir in ["seeds", "real", "reconstructed"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                let out = parse(&std::fs::read(&path).unwrap());
                assert!(!out.has_errors(), "{}: {:?}", path.display(), out.diagnostics);
                assert!(out.page.is_some());
                seen.push(format!("{dir}/{}", path.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "real/get-availability-time-slot.md",
            "real/query-resource-types.md",
            "reconstructed/get-conversation.md",
            "reconstructed/gift-card-provider-get-balance.md",
            "seeds/get-or-create-conversation.md",
        ]
    );
}
