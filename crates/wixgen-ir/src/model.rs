//! The IR: Wix APIs as typed, reconciled, unified data, ready for code generation.
//!
//! Everything here is ordered deterministically (packages, services, methods and
//! types by name), so generated output is stable and goldens do not churn.

use serde::Serialize;
use wixgen_schema::{Span, ValidationRule};

/// Where a fact came from: a page (path as given to lowering) and a span in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceRef {
    pub page: String,
    pub span: Span,
}

/// All APIs lowered from a set of pages.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Api {
    /// Ordered by `name`.
    pub packages: Vec<Package>,
}

/// A Wix package (`# Package: inbox`): one Rust module and one Cargo feature.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// A namespace (`# Namespace: ConversationsService`): one client struct.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    pub name: String,
    /// Rust type name (UpperCamelCase, escaped).
    pub rust_name: String,
    /// Ordered by `rust_name`.
    pub methods: Vec<Method>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// A piece of a URL path template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum PathSegment {
    /// Literal text, including slashes: `/inbox/v2/conversations/`.
    Literal(String),
    /// `{conversationId}`: the wire name of a path param, encoded as one segment at run time.
    Param(String),
}

/// One API method.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Params that fill `{...}` in the path.
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
    pub source: SourceRef,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PermissionScope {
    pub display_name: String,
    pub id: String,
}

/// An entry of `Possible Errors:`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorInfo {
    pub http_code: Option<u16>,
    pub status_code: Option<String>,
    pub application_code: Option<String>,
    pub description: Option<String>,
}

/// How to follow cursors for a paged method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Docs {
    /// Markdown as the page has it (not yet made safe for rustdoc: codegen does that).
    pub description: String,
    /// "Deprecated." appeared in the description.
    pub deprecated: bool,
}

/// A named type of a package.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Usage {
    pub request: bool,
    pub response: bool,
}

/// A message type.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", content = "of", rename_all = "snake_case")]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnumType {
    pub name: String,
    pub rust_name: String,
    pub docs: Docs,
    pub variants: Vec<EnumVariant>,
    pub usage: Usage,
    /// Every place the type is listed, first one first.
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnumVariant {
    /// As on the wire: `CHAT`.
    pub wire_name: String,
    /// UpperCamelCase, escaped: `Chat`.
    pub rust_name: String,
    pub docs: Docs,
}
