//! The IR: Wix APIs as typed, reconciled, unified data, ready for code generation.
//!
//! Everything here is ordered deterministically (packages, services, methods and
//! types by name), so generated output is stable and goldens do not churn.

use wixgen_schema::{Span, ValidationRule};

/// Where a fact came from: a page (path as given to lowering) and a span in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceRef {
    pub page: String,
    pub span: Span,
}

/// All APIs lowered from a set of pages.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Api {
    /// Ordered by `name`.
    pub packages: Vec<Package>,
    /// What the pages show that belongs to no method or package: examples of
    /// a method that was not generated, articles placed with no package.
    pub unplaced: Unplaced,
}

/// Examples and articles the load stage could not place in the model
/// (`wixgen_ir::load`), kept so that reports can say why.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Unplaced {
    /// Examples of a page whose method is neither a generated method nor a
    /// service-plugin method (its page was skipped by lowering), in page order.
    pub examples: MethodExamples,
    /// Articles that joined no package's docs, in path order.
    pub articles: Vec<UnplacedArticle>,
}

/// An article that joined no package's docs, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UnplacedArticle {
    /// `schemas/README.md`
    pub path: String,
    pub why: ArticleSkip,
}

/// Why an article joins no package's docs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum ArticleSkip {
    /// Not in a package folder (`schemas/README.md`): a note.
    NoFolder,
    /// In a folder, but which package it belongs to cannot be told: a warning.
    Unplaced(String),
}

/// The examples a method page shows, as found on the page (its page and
/// line, its heading). Each list is in page order.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MethodExamples {
    /// The REST block's curl examples.
    pub requests: Vec<RequestExample>,
    /// The `/* Promise resolves to: */` objects of the SDK block's examples.
    pub responses: Vec<ResponseExample>,
}

impl MethodExamples {
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty() && self.responses.is_empty()
    }
}

/// A REST curl example as found on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RequestExample {
    /// The page, as shown in reports: `schemas/inbox/get-or-create-conversation.md`.
    pub page: String,
    /// 1-based line of the body (or of the example when it has none).
    pub line: u32,
    /// `# Package:`, `# Namespace:` and the method title of the page.
    pub package: String,
    pub service: String,
    pub method: String,
    /// The example's heading.
    pub title: String,
    /// The `-X` verb, when given.
    pub verb: Option<String>,
    /// The quoted `https://...` argument.
    pub url: Option<String>,
    /// The `-d` argument, verbatim.
    pub body: Option<String>,
}

/// A `/* Promise resolves to: ... */` object of a JavaScript example as found on a page.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ResponseExample {
    /// The page, as shown in reports: `schemas/inbox/get-or-create-conversation.md`.
    pub page: String,
    /// 1-based line of the comment's first line (the one with the marker).
    pub line: u32,
    /// `# Package:`, `# Namespace:` and the method title of the page.
    pub package: String,
    pub service: String,
    pub method: String,
    /// The example's heading.
    pub title: String,
    /// The comment's text after the marker, each line's `*` margin removed;
    /// its first line is on `line`, each next one on the next line.
    pub object: String,
    /// The SDK block's return type, when it is a named type.
    pub sdk_returns: Option<String>,
    /// The REST block's return type, when it is a named type.
    pub rest_returns: Option<String>,
    /// The object read against the method's response type, SDK names mapped
    /// to wire names (`wixgen_ir::sdk_objects`).
    pub wire: ResponseObject,
}

/// A response example's object as the load stage read it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "outcome", content = "of", rename_all = "snake_case"))]
pub enum ResponseObject {
    /// Not read: its method is no generated method, its response is not a
    /// struct of the package, or the page's SDK and REST blocks do not name
    /// the same return type (so what the object is cannot be told).
    NotRead,
    /// The object, each SDK key that stands for a field of the response type
    /// renamed to the field's wire name, all the way down; other keys kept.
    Wire(serde_json::Value),
    /// Not usable: where (the page line of the problem) and why (it does not
    /// parse, is not an object, or two keys stand for one field).
    Unusable { line: u32, reason: String },
}

/// An article (a page that is not a method page) as read: its path as shown
/// in reports and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ArticleSource {
    /// `schemas/inbox/conversation-id.md`
    pub path: String,
    pub text: String,
}

/// A Wix package (`# Package: inbox`): one Rust module and one Cargo feature.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Package {
    /// As the page writes it: `inbox`, `timeSlots`.
    pub name: String,
    /// Rust module name, snake_case and escaped: `inbox`, `time_slots`.
    pub module: String,
    /// Cargo feature name: kebab-case: `inbox`, `time-slots`.
    pub feature: String,
    /// Ordered by `name`.
    pub services: Vec<Service>,
    /// Named types of the package, unified across its pages, ordered by `rust_name`.
    pub types: Vec<NamedType>,
    /// The articles placed with the package (those in the folder of its
    /// method pages, `wixgen_ir::articles`), in path order: part of its docs.
    pub articles: Vec<ArticleSource>,
}

/// A namespace (`# Namespace: ConversationsService`): one client struct.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Service {
    pub name: String,
    /// Rust type name (UpperCamelCase, escaped).
    pub rust_name: String,
    /// REST methods the client calls, ordered by `rust_name`.
    pub methods: Vec<Method>,
    /// Service-plugin methods (`URL: null` pages): Wix calls them on an app,
    /// so they have types but no client method. Ordered by `rust_name`.
    pub plugin_methods: Vec<PluginMethod>,
}

/// A service-plugin method: documented with `URL: null`, implemented by apps.
/// Wix sends the request (the page's params, as one message) and the app
/// answers with the response.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PluginMethod {
    /// PascalCase, from the page title: `GetBalance`.
    pub name: String,
    /// `<package>.<Namespace>.<methodName>`.
    pub operation: String,
    /// snake_case, escaped: `get_balance`.
    pub rust_name: String,
    /// The request Wix sends: a named struct of the package holding the page's params.
    pub request: TypeRef,
    /// The response the app answers with; `None` for an empty one.
    pub response: Option<TypeRef>,
    /// `# Method link:`
    pub docs_link: Option<String>,
    pub docs: Docs,
    pub errors: Vec<ErrorInfo>,
    /// Test data synthesized from the page's own listings.
    pub samples: MethodSamples,
    /// The examples of its page (and of any page with the same package,
    /// namespace and title), for tests.
    pub examples: MethodExamples,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// A piece of a URL path template.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", content = "value", rename_all = "snake_case"))]
pub enum PathSegment {
    /// Literal text, including slashes: `/inbox/v2/conversations/`.
    Literal(String),
    /// A `{...}` placeholder, filled from the request at run time.
    Param(PathParam),
}

/// A URL placeholder: `{conversationId}`, `{badge.id}` or `{slug=**}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PathParam {
    /// The text between the braces, as the page writes it: `badge.id`, `slug=**`.
    pub template: String,
    /// Wire names from the request root to the value. `["conversationId"]`
    /// names a path param (in [`Method::path_params`]); `["badge", "id"]` the
    /// field `id` inside the body (or query) param `badge`, which the request
    /// already carries, so the value is taken from there.
    pub field_path: Vec<String>,
    /// `{name=**}`: the value may hold slashes and is sent as several
    /// segments, slashes kept (each segment percent-encoded on its own).
    /// Otherwise the value is exactly one segment.
    pub multi_segment: bool,
}

impl PathParam {
    /// The placeholder written `{template}`: `conversationId`, `badge.id`,
    /// `slug=**`. The name before `=` split at dots is the field path; `**`
    /// in the pattern after `=` makes it multi-segment.
    pub fn from_template(template: &str) -> Self {
        let (name, pattern) = template.split_once('=').unwrap_or((template, ""));
        PathParam {
            template: template.to_string(),
            field_path: name
                .split('.')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            multi_segment: pattern.contains("**"),
        }
    }
}

/// One API method.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Method {
    /// PascalCase, from the page title: `GetOrCreateConversation`.
    pub name: String,
    /// `<package>.<Namespace>.<restMethodName>`, e.g. `inbox.ConversationsService.getConversation`:
    /// the `operation` argument of `ApiRequest::new`. The REST method name is the first `Method:`
    /// line of the REST block (the title in lowerCamelCase when that line is missing).
    pub operation: String,
    /// snake_case, escaped: `get_or_create_conversation`.
    pub rust_name: String,
    pub http_method: HttpMethod,
    /// The `URL:` as written: `https://www.wixapis.com/inbox/v2/conversations/{conversationId}`.
    pub url: String,
    /// The path part of `url`, split into literals and params (the host is the client's base URL).
    pub path: Vec<PathSegment>,
    /// Params that fill a `{name}` or `{name=**}` placeholder of the path
    /// (a `{a.b}` placeholder is filled from a body or query param instead):
    /// always strings or integers on the wire, never free-form JSON.
    pub path_params: Vec<Field>,
    /// Params sent in the query string (GET and DELETE).
    pub query_params: Vec<Field>,
    /// Params sent as the JSON body (POST, PUT, PATCH).
    pub body_params: Vec<Field>,
    /// Rust name of the generated request struct: `GetOrCreateConversationRequest`.
    pub request_rust_name: String,
    /// The response type (a named type of the package), `None` for an empty response.
    pub response: Option<TypeRef>,
    pub permission_scopes: Vec<PermissionScope>,
    /// `# Method link:`
    pub docs_link: Option<String>,
    pub docs: Docs,
    pub errors: Vec<ErrorInfo>,
    /// Cursor pagination, when the request has cursor paging and the response `pagingMetadata`.
    pub pagination: Option<Pagination>,
    /// Test data synthesized from the page's own listings.
    pub samples: MethodSamples,
    /// The examples of its page (and of any page with the same package,
    /// namespace and title), for tests.
    pub examples: MethodExamples,
    pub source: SourceRef,
}

/// JSON synthesized from a page's listings (see `samples`): what the wire may
/// carry for a method, for round-trip tests of the generated types.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MethodSamples {
    /// The request struct's serde form, built from the params.
    pub request: Option<SampleOutcome>,
    /// The response, built from the `Return type:` listing. `None` for no response.
    pub response: Option<SampleOutcome>,
    /// The response again with a key no listing names in every listed object
    /// (see `samples::UNKNOWN_KEY`): it must re-encode unchanged.
    pub response_unknown_keys: Option<SampleOutcome>,
}

/// A sample, or why none could be built.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "outcome", rename_all = "snake_case"))]
pub enum SampleOutcome {
    Sample(Sample),
    Skipped(String),
}

/// A JSON document to decode (`input`) and what encoding the decoded value must give (`expected`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sample {
    pub input: serde_json::Value,
    pub expected: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PermissionScope {
    pub display_name: String,
    pub id: String,
}

/// An entry of `Possible Errors:`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ErrorInfo {
    pub http_code: Option<u16>,
    pub status_code: Option<String>,
    pub application_code: Option<String>,
    pub description: Option<String>,
}

/// How to follow cursors for a paged method.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Pagination {
    /// Wire-name path from the request root to the cursor string: `["paging", "cursor"]`,
    /// `["query", "cursorPaging", "cursor"]`. Its first step is a query or body param.
    pub request_cursor: Vec<String>,
    /// Wire name of the response's array of items: `resourceTypes`.
    pub items_field: String,
    /// The item type.
    pub item: TypeRef,
    /// Wire-name path from the response root to the next cursor: `["pagingMetadata", "cursors", "next"]`.
    pub response_next_cursor: Vec<String>,
}

/// Documentation carried into rustdoc.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Docs {
    /// Markdown as the page has it (not yet made safe for rustdoc: codegen does that).
    pub description: String,
    /// "Deprecated." appeared in the description.
    pub deprecated: bool,
}

/// A named type of a package.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum NamedType {
    Struct(StructType),
    Enum(EnumType),
}

impl NamedType {
    pub fn rust_name(&self) -> &str {
        match self {
            NamedType::Struct(s) => &s.rust_name,
            NamedType::Enum(e) => &e.rust_name,
        }
    }
}

/// Where a type is used: decides what codegen emits (builders for requests, lenient decoding for responses).
///
/// The words are from the user's side of the wire: `request` types are built
/// by the user and encoded (REST params, and what an app answers a service
/// plugin with); `response` types are decoded (REST responses, and the
/// requests Wix sends to a service plugin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Usage {
    pub request: bool,
    pub response: bool,
}

/// A message type.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StructType {
    /// As the page writes it: `ConversationDisplayData`.
    pub name: String,
    pub rust_name: String,
    pub docs: Docs,
    /// ONE-OF groups, in page order (pages print them before the regular fields).
    pub one_ofs: Vec<OneOfGroup>,
    /// Regular fields, in page order.
    pub fields: Vec<Field>,
    pub usage: Usage,
    /// Every place the type is listed, first one first.
    pub sources: Vec<SourceRef>,
}

/// A ONE-OF group: at most one member is set.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OneOfGroup {
    /// Rust name of the generated enum: `<Struct>Kind`, or `<Struct><Member>Kind` when a struct has several groups.
    pub rust_name: String,
    /// Rust name of the struct field holding the group.
    pub field_rust_name: String,
    /// `- ONE-OF: - required: true`
    pub required: bool,
    /// The members, in page order. A group always has at least two members: lowering turns a
    /// one-member group into a regular optional field (the same thing on the wire).
    pub members: Vec<Field>,
    /// Rust names of the enum variants, one per member (same order and length as `members`):
    /// UpperCamelCase of the wire name, unique within the group, `Unknown` avoided.
    pub variant_rust_names: Vec<String>,
}

/// A field of a struct, or a method param.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Field {
    /// JSON name, exactly as on the page (REST side).
    pub wire_name: String,
    /// snake_case, keywords escaped (`r#type`), collisions resolved.
    pub rust_name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub read_only: bool,
    pub validation: Vec<ValidationRule>,
    pub docs: Docs,
    pub source: SourceRef,
}

/// A Rust-facing type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", content = "of", rename_all = "snake_case"))]
pub enum TypeRef {
    String,
    /// `integer` without `format int64`.
    Int32,
    /// `string` with `format int64`, or `integer` with `format int64`: sent as a JSON string.
    Int64,
    /// `number`
    Float64,
    Bool,
    /// A timestamp string (`format date-time`, SDK `Date`): kept as a `String` on the wire.
    Timestamp,
    /// `object`: free-form JSON.
    Json,
    Array(Box<TypeRef>),
    /// A named type of the same package, by `rust_name`.
    Named(String),
}

/// An enum type: open, so unknown values survive.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnumType {
    pub name: String,
    pub rust_name: String,
    pub docs: Docs,
    pub variants: Vec<EnumVariant>,
    pub usage: Usage,
    /// Every place the type is listed, first one first.
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnumVariant {
    /// As on the wire: `CHAT`.
    pub wire_name: String,
    /// UpperCamelCase, escaped: `Chat`.
    pub rust_name: String,
    pub docs: Docs,
}

/// How lowering decided which listings are one type: every merge of several
/// listings into one type and every short name split into several types.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TypeDecisions {
    /// Types generated from two or more listings, by package and Rust name.
    pub merges: Vec<TypeMerge>,
    /// Short names that stand for two or more different types of a package.
    pub splits: Vec<TypeSplit>,
}

/// Several listings of one type (the same type on several pages, the request
/// and response views of a type, identical copies of a common type).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TypeMerge {
    pub package: String,
    /// As the pages write it.
    pub name: String,
    pub rust_name: String,
    /// Every listing merged, first one first.
    pub sources: Vec<SourceRef>,
    /// Why the listings are one type: `identical`, `request and response views`, `drift` (see [the crate docs](crate)).
    pub how: String,
}

/// A short name that names different types within one package.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TypeSplit {
    pub package: String,
    /// The short name the pages write: `Width`.
    pub name: String,
    /// The distinct types, in the order they were first listed.
    pub types: Vec<SplitType>,
}

/// One of the types a split short name stands for.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SplitType {
    pub rust_name: String,
    /// `enum` or `message`.
    pub kind: String,
    /// Its listings.
    pub sources: Vec<SourceRef>,
    /// What sets it apart from the first type of the name (empty for the first).
    pub reason: String,
    /// Where it is used, as `Owner.field` (first few), which is where its name comes from.
    pub used_by: Vec<String>,
}
