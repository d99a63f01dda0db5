//! Methods of a resource: CRUD, query/list (cursor paging), bulk, actions,
//! lookups with a top-level ONE-OF, settings without params, slugs with
//! `{slug=**}`, methods that return nothing.

use super::common;
use super::entity::{describe, pluralize, words_of};
use super::types::*;
use crate::model::*;
use crate::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Create,
    Get,
    Update,
    Delete,
    Query,
    List,
    Count,
    BulkDelete,
    Action(&'static str),
    Lookup,
    GetSettings,
    GetBySlug,
    Sync,
    ListMemberBadges,
    AssignBadge,
    /// A method of this name (no entity in it) on each resource of a package
    /// that has two, so two services of the package share a method name, with
    /// different request and response shapes under the same return-type name
    /// (Wix's `getPricePreview` of checkout and orders).
    Shared(&'static str),
}

pub(crate) const ACTIONS: &[&str] = &[
    "Confirm",
    "Cancel",
    "Archive",
    "Restore",
    "Publish",
    "Unpublish",
    "Duplicate",
    "Reschedule",
    "Approve",
    "Decline",
    "Assign",
    "Unassign",
    "Pin",
    "Unpin",
    "Enable",
    "Disable",
    "Activate",
    "Deactivate",
    "Refresh",
    "Verify",
    "Lock",
    "Unlock",
    "Feature",
    "Reorder",
    "Transfer",
];

/// A package's resource and the package facts its methods need.
pub(crate) struct Res {
    pub entity: String,
    pub full: String,
    pub namespace: String,
    pub proto: String,
    /// `https://www.wixapis.com/bookings/v2/bookings`
    pub base: String,
    /// `https://www.wixapis.com/bookings/v2`
    pub root: String,
    pub id_param: String,
    /// Update via `{booking.id}` rather than `{bookingId}`.
    pub dotted_update: bool,
    pub common: String,
    /// Namespace of the query types (a second, identical copy sometimes).
    pub query_ns: String,
    pub scope: (String, String),
    pub pkg_words: String,
}

impl Res {
    pub fn camel(&self) -> String {
        lower_first(&self.entity)
    }
    pub fn plural(&self) -> String {
        pluralize(&self.entity)
    }
    fn words(&self) -> String {
        kebab(&self.entity).replace('-', " ")
    }
    fn plural_words(&self) -> String {
        pluralize(&self.words())
    }
    fn read_scopes(&self, rng: &mut Rng) -> Vec<(String, String)> {
        let (n, i) = &self.scope;
        let mut v = vec![(format!("Read {n}"), format!("SCOPE.DC-{i}.READ-{i}"))];
        if rng.chance(30) {
            v.push((
                format!("Read {n} - Public Data"),
                format!("SCOPE.DC-{i}.READ-{i}-PUBLIC"),
            ));
        }
        if rng.chance(15) {
            v.push((format!("Manage {n}"), format!("SCOPE.DC-{i}.MANAGE-{i}")));
        }
        v
    }
    fn manage_scopes(&self, rng: &mut Rng) -> Vec<(String, String)> {
        let (n, i) = &self.scope;
        let mut v = vec![(format!("Manage {n}"), format!("SCOPE.DC-{i}.MANAGE-{i}"))];
        if rng.chance(10) {
            v.push((
                format!("Manage {n} - All Permissions"),
                format!("SCOPE.DC-{i}.MANAGE-{i}-ALL"),
            ));
        }
        v
    }
}

pub(crate) fn random_style(rng: &mut Rng) -> PageStyle {
    let preamble_bullets = match rng.below(100) {
        0..25 => 0,
        25..55 => 5,
        _ => 6,
    };
    let newer = preamble_bullets > 0;
    PageStyle {
        preamble_bullets,
        note: newer && rng.chance(70),
        required_two_spaces: rng.chance(40),
        params_trailing_space: rng.chance(60),
        rest_required_attr: rng.chance(60),
        rest_required_line: rng.chance(80),
        no_params: if rng.chance(50) {
            NoParams::Missing
        } else {
            NoParams::Empty
        },
        date_time_format: newer || rng.chance(30),
        tilde_fence: rng.chance(5),
        request_shows_read_only: false,
    }
}

pub(crate) fn errors_for(res: &Res, kind: Kind, rng: &mut Rng) -> Vec<ErrorDef> {
    if !rng.chance(40) {
        return Vec::new();
    }
    let ent = constant(&res.entity);
    let mut v = vec![ErrorDef {
        http: 403,
        status: "PERMISSION_DENIED".into(),
        app_code: "UNAUTHORIZED_OPERATION".into(),
        description: "The [identity](https://dev.wix.com/docs/api-reference/articles/authentication/about-identities.md) used to call the method doesn't have the required permissions.".into(),
    }];
    if !matches!(
        kind,
        Kind::Create | Kind::Query | Kind::List | Kind::Count | Kind::GetSettings | Kind::Sync
    ) {
        v.push(ErrorDef {
            http: 404,
            status: "NOT_FOUND".into(),
            app_code: format!("{ent}_NOT_FOUND"),
            description: format!("Couldn't find the {}.", res.words()),
        });
    }
    if matches!(kind, Kind::Update | Kind::Action(_)) && rng.chance(60) {
        v.push(ErrorDef {
            http: 428,
            status: "FAILED_PRECONDITION".into(),
            app_code: "REVISION_MISMATCH".into(),
            description: format!("The `revision` doesn't match the {}'s current revision. Retrieve the {} again and retry with the current `revision`.", res.words(), res.words()),
        });
    }
    if matches!(kind, Kind::Create) && rng.chance(60) {
        v.push(ErrorDef {
            http: 409,
            status: "ALREADY_EXISTS".into(),
            app_code: format!("DUPLICATE_{ent}"),
            description: format!("A {} with the same details already exists.", res.words()),
        });
    }
    if rng.chance(40) {
        v.push(ErrorDef {
            http: 400,
            status: "INVALID_ARGUMENT".into(),
            app_code: format!("INVALID_{ent}_FIELD"),
            description: "One of the fields is invalid. See `details` for the path of the field (`a | b` paths are joined with dots).".into(),
        });
    }
    v
}

/// Build one method of `res` into `t`. `pkg_settings` names the package's
/// `Settings` message for [`Kind::GetSettings`].
pub(crate) fn build(t: &mut Types, rng: &mut Rng, res: &Res, kind: Kind) -> Method {
    let e = res.entity.clone();
    let camel = res.camel();
    let plural = res.plural();
    let plural_camel = lower_first(&plural);
    let words = res.words();
    let id = res.id_param.clone();
    let entity_ty = r(&res.full);
    let id_field = || {
        f(&id, Ty::String, &format!("GUID of the {words}."))
            .req()
            .val("format GUID")
    };
    let mut oneofs: Vec<OneOfDef> = Vec::new();
    let mut cases: Vec<&'static str> = Vec::new();
    let name: String;
    let verb: Verb;
    let url: String;
    let params: Vec<FieldDef>;
    let resp: Vec<FieldDef>;
    let required: Vec<String>;
    let desc: String;
    let read: bool;
    let ent_resp = |what: &str| vec![f(&camel, entity_ty.clone(), &format!("{} {words}.", what))];
    match kind {
        Kind::Create => {
            name = format!("Create{e}");
            verb = Verb::Post;
            url = res.base.clone();
            params = vec![
                f(
                    &camel,
                    entity_ty.clone(),
                    &format!("{} to create.", upper_first(&words)),
                )
                .req(),
            ];
            let mut req = vec![camel.clone()];
            if let Some(TypeDef::Message(m)) = t.get(&res.full) {
                req.extend(
                    m.fields
                        .iter()
                        .filter(|x| x.required)
                        .map(|x| format!("{camel}.{}", x.name)),
                );
            }
            required = req;
            resp = ent_resp("Created");
            desc = format!(
                "Creates a {words}.  The {words} is created with the `status` set to its default. Read-only fields such as `id` and `createdDate` are ignored."
            );
            read = false;
            cases.push("request-view");
        }
        Kind::Get => {
            name = format!("Get{e}");
            verb = Verb::Get;
            url = format!("{}/{{{id}}}", res.base);
            params = vec![id_field()];
            required = vec![id.clone()];
            resp = ent_resp("Retrieved");
            desc = format!("Retrieves a {words} by GUID.");
            read = true;
            cases.push("response-view");
            if id == "id" {
                cases.push("path-id");
            }
        }
        Kind::Update => {
            name = format!("Update{e}");
            verb = if !res.dotted_update && rng.chance(20) {
                Verb::Put
            } else {
                Verb::Patch
            };
            if res.dotted_update {
                url = format!("{}/{{{camel}.id}}", res.base);
                params = vec![
                    f(
                        &camel,
                        entity_ty.clone(),
                        &format!("{} to update, may be partial.", upper_first(&words)),
                    )
                    .req(),
                ];
                required = vec![camel.clone(), format!("{camel}.id"), format!("{camel}.revision")];
                cases.push("path-dotted");
            } else {
                url = format!("{}/{{{id}}}", res.base);
                params = vec![
                    id_field(),
                    f(
                        &camel,
                        entity_ty.clone(),
                        &format!("{} to update, may be partial.", upper_first(&words)),
                    )
                    .req(),
                ];
                required = vec![id.clone(), camel.clone(), format!("{camel}.revision")];
                if id == "id" {
                    cases.push("path-id");
                }
            }
            resp = ent_resp("Updated");
            desc = format!(
                "Updates a {words}.  Each time the {words} is updated, `revision` increments by 1. The current `revision` must be passed when updating the {words}. This ensures you're working with the latest {words} and prevents unintended overwrites."
            );
            read = false;
        }
        Kind::Delete => {
            name = format!("Delete{e}");
            verb = Verb::Delete;
            url = format!("{}/{{{id}}}", res.base);
            params = vec![id_field()];
            required = vec![id.clone()];
            resp = vec![];
            desc =
                format!("Deletes a {words}.  Deleting a {words} permanently removes it. You can't undo this action.");
            read = false;
            cases.push("empty-response");
            if id == "id" {
                cases.push("path-id");
            }
        }
        Kind::Query => {
            name = format!("Query{plural}");
            verb = Verb::Post;
            url = format!("{}/query", res.base);
            let q = common::cursor_query(t, &res.query_ns);
            params = vec![f("query", q, "Query options.").req()];
            required = vec!["query".into()];
            let meta = common::cursor_paging_metadata(t, &res.query_ns);
            resp = vec![
                f(
                    &plural_camel,
                    arr(entity_ty.clone()),
                    &format!("Retrieved {}.", res.plural_words()),
                ),
                f("pagingMetadata", meta, "Paging metadata."),
            ];
            desc = format!(
                "Retrieves a list of up to 100 {}, given the provided paging, filtering, and sorting.  Query {} runs with these defaults, which you can override: - `createdDate` is sorted in `DESC` order - `cursorPaging.limit` is `100`  To learn about working with _Query_ endpoints, see [API Query Language](https://dev.wix.com/docs/api-reference/articles/work-with-wix-apis/data-retrieval/about-the-wix-api-query-language.md), [Sorting and Paging](https://dev.wix.com/docs/api-reference/articles/work-with-wix-apis/data-retrieval/about-sorting-and-paging.md), and [Field Projection](https://dev.wix.com/docs/rest/articles/getting-started/field-projection).",
                res.plural_words(),
                plural
            );
            read = true;
            cases.push("cursor-query");
        }
        Kind::List => {
            name = format!("List{plural}");
            verb = Verb::Get;
            url = res.base.clone();
            let mut p = vec![];
            if rng.chance(60) {
                p.push(f(
                    "paging",
                    common::cursor_paging(t, &res.common),
                    "Cursor paging options.",
                ));
            } else {
                p.push(f(
                    "paging",
                    common::paging(t, &res.common),
                    "Paging options.  Default: `limit` is `50`, `offset` is `0`.",
                ));
            }
            if rng.chance(50) {
                p.push(f(
                    "sort",
                    common::sorting(t, &res.common),
                    "Sorting options. By default, items are sorted by `createdDate` in descending order.",
                ));
            }
            let status = format!("{}.Status", res.full);
            if t.contains_key(&status) && rng.chance(60) {
                p.push(
                    f(
                        "statuses",
                        arr(r(&status)),
                        &format!("Filters for {} with any of the given statuses.", res.plural_words()),
                    )
                    .val("maxSize 10"),
                );
                cases.push("array-of-enums-param");
            }
            if rng.chance(35) {
                let field = enumeration(
                    t,
                    &format!("{}.List{plural}Request.Field", res.proto),
                    &[
                        "UNKNOWN: Not implemented.",
                        "URL: Includes the URL of the item.",
                        "CONTENT_TEXT: Includes the text content.",
                        "METRICS: Includes view and like counts.",
                    ],
                );
                p.push(f(
                    "fieldsets",
                    arr(field),
                    "List of additional fields to return in the response.  Default: Only the base fields are returned.",
                ));
            }
            params = p;
            required = vec![];
            let meta = common::paging_metadata_v2(t, &res.common);
            resp = vec![
                f(
                    &plural_camel,
                    arr(entity_ty.clone()),
                    &format!("Retrieved {}.", res.plural_words()),
                ),
                f("pagingMetadata", meta, "Details on the paged set of results returned."),
            ];
            desc = format!(
                "Retrieves a list of {}.  Up to 100 {} are returned per request. If there are more, `pagingMetadata.cursors.next` points to the next page.",
                res.plural_words(),
                res.plural_words()
            );
            read = true;
            cases.push("cursor-list");
        }
        Kind::Count => {
            name = format!("Count{plural}");
            verb = Verb::Post;
            url = format!("{}/count", res.base);
            params = vec![
                f(
                    "filter",
                    Ty::Map,
                    "Filter object.  See [API Query Language](https://dev.wix.com/docs/rest/articles/getting-started/api-query-language) for more information.  For a detailed list of supported filters, see [Supported Filters](https://dev.wix.com/docs/rest/x) (`$eq | $ne` and others).",
                ),
                f("search", Ty::String, "Free text to match in searchable fields.").val("maxLength 100"),
            ];
            required = vec![];
            resp = vec![f(
                "count",
                Ty::Int32,
                &format!("Number of {} matching the filter.", res.plural_words()),
            )];
            desc = format!(
                "Counts the number of {} that match the provided filtering.",
                res.plural_words()
            );
            read = true;
            cases.push("map-param");
        }
        Kind::BulkDelete => {
            name = format!("BulkDelete{plural}");
            verb = Verb::Post;
            url = format!("{}/bulk/delete", res.base);
            params = vec![
                f(
                    &format!("{camel}Ids"),
                    arr(Ty::String),
                    &format!("GUIDs of the {} to delete.", res.plural_words()),
                )
                .req()
                .val("minSize 1, maxSize 100"),
            ];
            required = vec![format!("{camel}Ids")];
            let im = common::item_metadata(t, &res.common);
            let result = message(
                t,
                &format!("{}.BulkDelete{e}Result", res.proto),
                vec![],
                vec![f("itemMetadata", im, "Metadata for the deleted item.")],
            );
            let bam = common::bulk_action_metadata(t, &res.common);
            resp = vec![
                f(
                    "results",
                    arr(result),
                    "Results of the bulk deletion, one per requested item.",
                ),
                f("bulkActionMetadata", bam, "Metadata for the API call."),
            ];
            desc = format!("Deletes up to 100 {} in one call.", res.plural_words());
            read = false;
        }
        Kind::Action(word) => {
            name = format!("{word}{e}");
            verb = Verb::Post;
            url = format!("{}/{{{id}}}/{}", res.base, word.to_lowercase());
            let mut p = vec![id_field()];
            let mut req = vec![id.clone()];
            if rng.chance(50) {
                p.push(f("revision", Ty::Int64, &format!("Revision number of the {words}.")).req());
                req.push("revision".into());
            }
            if rng.chance(12) {
                let mut g = one_of(
                    "notification",
                    vec![
                        f("message", Ty::String, "Custom message to send to the participants.").val("maxLength 5000"),
                        f(
                            "templateId",
                            Ty::String,
                            "GUID of an email template to send instead of a custom message.",
                        )
                        .val("format GUID"),
                    ],
                );
                if rng.chance(50) {
                    g.required = true;
                    req.push("notification".into());
                }
                oneofs.push(g);
                cases.push("top-level-one-of");
            }
            params = p;
            required = req;
            resp = ent_resp(word);
            desc = format!(
                "{}s a {words}.  <!-- TODO: explain side effects -->",
                word.trim_end_matches('e')
            );
            read = false;
        }
        Kind::Shared(word) => {
            name = word.to_owned();
            verb = Verb::Post;
            url = format!("{}/{}", res.base, kebab(word));
            let id = format!("{camel}Id");
            params = vec![
                f(&id, Ty::String, &format!("GUID of the {words}."))
                    .req()
                    .val("format GUID"),
            ];
            required = vec![id];
            resp = ent_resp("Previewed");
            desc = format!("Previews a {words} without saving it.");
            read = true;
            cases.push("shared-method-name");
        }
        Kind::Lookup => {
            name = format!("Find{e}");
            verb = Verb::Post;
            url = format!("{}/find", res.base);
            let mut g = one_of(
                "identifier",
                vec![
                    f(
                        "email",
                        Ty::String,
                        &format!("Email address associated with the {words}."),
                    )
                    .val("format EMAIL"),
                    f(
                        "externalId",
                        Ty::String,
                        &format!("GUID of the {words} in an external system."),
                    )
                    .val("maxLength 100"),
                    f("phone", Ty::String, "Phone number in E.164 format.").val("maxLength 20"),
                ],
            );
            g.required = true;
            oneofs.push(g);
            params = vec![];
            required = vec!["identifier".into()];
            resp = ent_resp("Found");
            desc = format!("Finds a {words} by one of its identifiers: email, external GUID, or phone.");
            read = true;
            cases.push("top-level-one-of");
        }
        Kind::GetSettings => {
            name = format!("Get{}Settings", upper_first(&res.pkg_words));
            verb = Verb::Get;
            url = format!("{}/settings", res.root);
            let settings = settings(t, rng, res);
            params = vec![];
            required = vec![];
            resp = vec![f("settings", settings, "The settings of the app on the site.")];
            desc = "Retrieves the settings of the app on the site.".into();
            read = true;
            cases.push("no-params");
        }
        Kind::GetBySlug => {
            name = format!("Get{e}BySlug");
            verb = Verb::Get;
            url = format!("{}/slugs/{{slug=**}}", res.base);
            params = vec![
                f(
                    "slug",
                    Ty::String,
                    &format!("Slug of the {words}. May contain slashes (`/`)."),
                )
                .req()
                .val("maxLength 500"),
            ];
            required = vec!["slug".into()];
            resp = ent_resp("Retrieved");
            desc = format!("Retrieves a {words} by its slug.");
            read = true;
            cases.push("path-slug");
        }
        Kind::Sync => {
            name = format!("Sync{plural}");
            verb = Verb::Post;
            url = format!("{}/sync", res.base);
            params = vec![];
            required = vec![];
            resp = vec![];
            desc = format!(
                "Starts a sync of all {} with the connected external system. The sync runs in the background.",
                res.plural_words()
            );
            read = false;
            cases.push("no-params");
            cases.push("empty-response");
        }
        Kind::ListMemberBadges => {
            let (_, v2) = super::special::legacy_badges(t);
            name = "ListMembersBadgeIds".into();
            verb = Verb::Post;
            url = format!("{}/members/badges", res.root);
            params = vec![
                f("memberIds", arr(Ty::String), "Member GUIDs.")
                    .req()
                    .val("maxSize 100"),
            ];
            required = vec!["memberIds".into()];
            let mb = message(
                t,
                &format!("{}.MemberBadges", res.proto),
                vec![],
                vec![
                    f("memberId", Ty::String, "Member GUID.").val("format GUID"),
                    f("badges", arr(v2), "Badges assigned to the member."),
                ],
            );
            resp = vec![f("memberBadges", arr(mb), "Badges of each requested member.")];
            desc = "Retrieves the badges of up to 100 members.".into();
            read = true;
        }
        Kind::AssignBadge => {
            let (v1, _) = super::special::legacy_badges(t);
            name = "AssignBadge".into();
            verb = Verb::Post;
            url = format!("{}/{{id}}/members", res.base);
            params = vec![
                f("id", Ty::String, "Badge GUID.").req(),
                f(
                    "memberIds",
                    arr(Ty::String),
                    "GUIDs of the members to assign the badge to.",
                )
                .req()
                .val("maxSize 20"),
            ];
            required = vec!["id".into(), "memberIds".into()];
            resp = vec![
                f(
                    "memberIds",
                    arr(Ty::String),
                    "GUIDs of the members the badge was assigned to.",
                ),
                f("badge", v1, "The assigned badge, in its legacy form."),
            ];
            desc = "Assigns a badge to site members.  Members can have multiple badges.".into();
            read = false;
            cases.push("path-id");
        }
    }
    // A shared name is one message per service, as Wix's protos have it.
    let proto = match kind {
        Kind::Shared(_) => format!("{}.{}", res.proto, lower_first(&res.namespace)),
        _ => res.proto.clone(),
    };
    let resp_empty = resp.is_empty();
    let request = format!("{proto}.{name}Request");
    message(t, &request, oneofs, params);
    let response = if resp.is_empty() && rng.chance(40) {
        common::empty(t);
        "google.protobuf.Empty".to_owned()
    } else {
        let full = format!("{proto}.{name}Response");
        message(t, &full, vec![], resp);
        full
    };
    let scopes = if read {
        res.read_scopes(rng)
    } else {
        res.manage_scopes(rng)
    };
    let errors = errors_for(res, kind, rng);
    let examples = examples_for(rng, &name, verb);
    let mut style = random_style(rng);
    style.request_shows_read_only = false;
    let intro: Vec<String> = desc.split("  ").map(str::to_owned).collect();
    let js_resolves = rng.chance(25);
    if js_resolves && !resp_empty && adds_key_later(&name) {
        cases.push("response-example-key-not-listed");
    }
    Method {
        name,
        namespace: res.namespace.clone(),
        verb,
        url: Some(url),
        request,
        response,
        scopes,
        errors,
        description: desc,
        intro,
        required_paths: required,
        examples,
        js_resolves,
        style,
        cases,
    }
}

/// Whether the resolved object of the method's JavaScript example carries a
/// key its listing does not name (every third method, by name, so that no
/// other part of the corpus changes).
pub(crate) fn adds_key_later(name: &str) -> bool {
    name.bytes()
        .fold(0u32, |a, b| a.wrapping_mul(31).wrapping_add(u32::from(b)))
        .is_multiple_of(3)
}

pub(crate) fn examples_for(rng: &mut Rng, name: &str, verb: Verb) -> Vec<Example> {
    let words = words_of(name);
    let mut v = vec![Example {
        title: words.clone(),
        description: rng
            .chance(50)
            .then(|| format!("{words} with the minimum required fields.")),
        with_response: rng.chance(30),
    }];
    if verb.has_body() && rng.chance(30) {
        v.push(Example {
            title: format!("{words} with optional fields"),
            description: None,
            with_response: false,
        });
    }
    v
}

/// The package's `Settings` message (short name `Settings`, like the
/// rich-content `Poll.Settings` in the blog, forum and comments packages).
fn settings(t: &mut Types, rng: &mut Rng, res: &Res) -> Ty {
    let full = format!("{}.Settings", res.proto);
    if t.contains_key(&full) {
        return r(&full);
    }
    let mut fields = vec![
        f("enabled", Ty::Bool, &describe("enabled", "app")),
        f("defaultCurrency", Ty::String, "Default currency code.").val("format CURRENCY"),
    ];
    if rng.chance(50) {
        fields.push(
            f(
                "notificationEmails",
                arr(Ty::String),
                "Emails that receive notifications.",
            )
            .val("maxSize 5"),
        );
    }
    fields.push(
        f(
            "updatedDate",
            Ty::Timestamp,
            "Date and time the settings were last updated.",
        )
        .ro(),
    );
    message(t, &full, vec![], fields)
}
