//! The page model: what a Wix method page says, as plain data.
//!
//! Every node carries a [`Span`] pointing back into the page, so that every later
//! stage (lowering, code generation, change reports) can name the line a fact
//! came from. With the `serde` feature the model is serialisable; `wixgen parse --json` prints it.

use std::sync::Arc;

/// A position in a page: 1-based line and column (in characters), plus the byte
/// range, so that diagnostics can underline the exact text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters (not bytes).
    pub column: u32,
    /// Byte offset of the start of the spanned text.
    pub offset: usize,
    /// Length of the spanned text in bytes.
    pub len: usize,
}

/// A value together with the place it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// One parsed method page.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Page {
    /// The method name from the first `#` heading (PascalCase). Absent on webhook pages.
    pub title: Option<Spanned<String>>,
    /// `# Package: inbox`
    pub package: Option<Spanned<String>>,
    /// `# Namespace: ConversationsService`
    pub namespace: Option<Spanned<String>>,
    /// `# Method link: https://dev.wix.com/...md`
    pub method_link: Option<Spanned<String>>,
    /// The lines under `## Permission Scopes:`.
    pub permission_scopes: Vec<PermissionScope>,
    /// The markdown under `## Introduction`, as written.
    pub introduction: Option<Spanned<String>>,
    /// The `## REST API` section.
    pub rest: Option<Section>,
    /// The `## JavaScript SDK` section.
    pub sdk: Option<Section>,
    /// Named types as the page lists them, gathered from both sections: the
    /// type knowledge that resolves fields whose type is listed elsewhere.
    /// Ordered by name.
    pub types: Vec<TypeListing>,
}

/// `Display Name: SCOPE.ID`
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PermissionScope {
    pub display_name: String,
    pub id: String,
    pub span: Span,
}

/// Which half of the page a section or listing comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SectionKind {
    Rest,
    Sdk,
}

/// A `## REST API` or `## JavaScript SDK` section.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Section {
    pub kind: SectionKind,
    /// The span of the section heading.
    pub span: Span,
    /// The fenced block under `### Schema`.
    pub schema: Option<SchemaBlock>,
    /// The examples under `### Examples`, in page order.
    pub examples: Vec<Example>,
}

/// One example: a `###` heading, an optional description and a code block.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Example {
    pub title: Spanned<String>,
    pub description: Option<Spanned<String>>,
    /// The code block's info string (`curl`, `javascript`).
    pub language: Option<String>,
    /// The code as written, inner `~~~cURL` fences included.
    pub code: Spanned<String>,
    /// The curl command, when the code is one.
    pub curl: Option<CurlCommand>,
}

/// A curl command from a REST example.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CurlCommand {
    /// `-X POST`; `None` when the command does not say (curl then sends GET, or POST with `-d`).
    pub verb: Option<Spanned<String>>,
    /// The quoted `https://...` argument.
    pub url: Option<Spanned<String>>,
    /// Every `-H 'Name: value'`.
    pub headers: Vec<CurlHeader>,
    /// The argument of `-d '...'`, verbatim; its span covers the JSON text only.
    pub body: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CurlHeader {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// The contents of a `### Schema` fence.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SchemaBlock {
    pub span: Span,
    /// First `Method:` line: the REST method name, or the SDK call signature.
    pub method_name: Option<Spanned<String>>,
    /// `Description:`, folded onto one line as the page has it.
    pub description: Option<Spanned<String>>,
    /// `URL:`; `None` inside when the page says `URL: null`.
    pub url: Option<Spanned<Option<String>>>,
    /// Second `Method:` line: the HTTP verb (REST only).
    pub http_method: Option<Spanned<String>>,
    /// `# Note:` lines.
    pub notes: Vec<Spanned<String>>,
    /// `Required parameters:`, as dotted paths.
    pub required_parameters: Option<Spanned<Vec<String>>>,
    /// `param name:` entries under `Method parameters:`, in page order.
    pub params: Vec<Param>,
    /// `Return type:` and the fields under it.
    pub return_type: Option<ReturnType>,
    /// `Possible Errors:` entries.
    pub errors: Vec<PossibleError>,
    /// `field: <path> | operators: <ops>` lines.
    pub filter_capabilities: Vec<FilterCapability>,
    /// `Webhook:` / `Event body:` on webhook pages.
    pub webhook: Option<Webhook>,
}

/// `param name: <name> | type: <type> [| attr ...]` and the tree under it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Param {
    pub name: Spanned<String>,
    pub ty: Spanned<TypeExpr>,
    pub attrs: Attributes,
    /// Tokens after the last attribute that are not an attribute (the SDK's stray `none`).
    pub stray: Option<Spanned<String>>,
    /// The fields and ONE-OF groups of the param's type, as resolved (see FORMAT.md "Nesting").
    pub members: Members,
    /// Enum values listed directly under the param (an enum-typed param).
    pub enum_values: Option<EnumValues>,
    pub span: Span,
}

/// `Return type: <type>` and its fields.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReturnType {
    /// The type as written; `PROMISE<T>` is unwrapped into `T` with `promise` set.
    /// `None` when the page lost it (a bare, stripped `PROMISE`).
    pub ty: Option<Spanned<TypeExpr>>,
    /// The page wrote `PROMISE<...>` (or a bare, stripped `PROMISE`).
    pub promise: bool,
    pub members: Members,
    pub span: Span,
}

/// A member of a message: a field, or a group of mutually exclusive fields.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
// Nearly every member is a field, so boxing fields would cost an allocation
// each for no saving.
#[allow(clippy::large_enum_variant)]
pub enum Member {
    Field(Field),
    OneOf(OneOf),
}

/// `- name: <name> | type: <type> [| attr ...]`
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Field {
    pub name: Spanned<String>,
    pub ty: Spanned<TypeExpr>,
    pub attrs: Attributes,
    /// Enum values of the field's type, inline (`- enum: A, B`) or block form.
    pub enum_values: Option<EnumValues>,
    /// Fields of the field's own type, as listed under it.
    pub members: Members,
    /// Where the field's type is listed, when its members are not under it here.
    pub listed_at: Option<Span>,
    pub span: Span,
}

/// `- ONE-OF: [- required: true]` and its members.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OneOf {
    /// `- required: true` on the header.
    pub required: bool,
    /// The page showed no `- ONE-OF:` header; the group was inferred from indentation.
    pub implicit: bool,
    pub members: Vec<Field>,
    /// The header line, or the first member for an implicit group.
    pub span: Span,
}

/// The attributes after `name` and `type`.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Attributes {
    pub description: Option<Spanned<String>>,
    /// `required: true`
    pub required: bool,
    /// `read-only: true`
    pub read_only: bool,
    /// `validation:` split into its rules.
    pub validation: Vec<Spanned<ValidationRule>>,
    /// Keys this parser does not know, kept in order.
    pub other: Vec<Spanned<(String, String)>>,
}

impl Attributes {
    /// The description text, or `""`.
    pub fn description(&self) -> &str {
        self.description.as_ref().map_or("", |d| d.value.as_str())
    }

    /// The value of a `format X` validation rule.
    pub fn format(&self) -> Option<&str> {
        self.validation.iter().find_map(|r| match &r.value {
            ValidationRule::Format(f) => Some(f.as_str()),
            _ => None,
        })
    }
}

/// One comma-separated token of `validation:`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "rule", content = "value", rename_all = "snake_case"))]
pub enum ValidationRule {
    /// `format int64`, `format GUID`, `format date-time`, ...
    Format(String),
    /// `minLength 1`, `maxSize 100`, `minimum 0`, ...: a keyword and its number as written.
    Bound { keyword: String, value: String },
    /// `decimalValue {"gte":"0","maxScale":2}`: a keyword and its JSON argument.
    Json { keyword: String, json: String },
    /// `immutable` and other bare keywords.
    Flag(String),
}

/// A type as written in a schema block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", content = "of", rename_all = "snake_case"))]
pub enum TypeExpr {
    String,
    Integer,
    Number,
    Boolean,
    /// SDK timestamps.
    Date,
    /// Free-form JSON object.
    Object,
    /// `string (date-time)` and similar annotated strings on webhook pages.
    FormattedString(String),
    /// `array<T>`, or a bare `array` (element type not shown: `None`).
    Array(Option<Box<TypeExpr>>),
    /// A message or enum name, or (a page defect) a param's own name.
    Named(String),
}

impl TypeExpr {
    /// The message or enum name this type refers to, looking through arrays.
    pub fn named(&self) -> Option<&str> {
        match self {
            TypeExpr::Named(n) => Some(n),
            TypeExpr::Array(Some(inner)) => inner.named(),
            _ => None,
        }
    }

    /// True for types that cannot have fields of their own.
    pub fn is_scalar(&self) -> bool {
        match self {
            TypeExpr::Named(_) => false,
            TypeExpr::Array(Some(inner)) => inner.is_scalar(),
            _ => true,
        }
    }
}

/// Enum values in either form.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnumValues {
    /// `true` for `- enum: A, B`; `false` for the block form.
    pub inline: bool,
    pub values: Vec<EnumValue>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnumValue {
    pub name: String,
    /// Only the block form carries descriptions.
    pub description: Option<String>,
    pub span: Span,
}

/// `HTTP Code: 403 | Status Code: PERMISSION_DENIED | Application Code: X | Description: ...`
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PossibleError {
    pub http_code: Option<u16>,
    pub status_code: Option<String>,
    pub application_code: Option<String>,
    pub description: Option<String>,
    pub span: Span,
}

/// `field: code | operators: $eq, $ne`
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FilterCapability {
    pub field: String,
    pub operators: Vec<String>,
    pub span: Span,
}

/// `Webhook:` and `Event body:` on webhook pages.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Webhook {
    pub name: Option<Spanned<String>>,
    pub event_body: Vec<Member>,
    pub span: Span,
}

/// A named type as the page lists it (with its fields or enum values), for
/// resolving fields whose type is listed elsewhere.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TypeListing {
    pub name: String,
    pub section: SectionKind,
    /// The members of the node the type is listed at, shared with it. They
    /// are serialized as the page lists them, without the [`Field::listed_at`]
    /// links that nesting resolution adds to the node's tree.
    #[cfg_attr(feature = "serde", serde(serialize_with = "Members::serialize_unlinked"))]
    pub members: Members,
    pub enum_values: Option<EnumValues>,
    pub span: Span,
}

/// The members of a param, a return type or a field: a list of [`Member`]s
/// that derefs to `Vec<Member>`. The list is shared, not copied, between the
/// node it was read under and that type's [`TypeListing`] in [`Page::types`];
/// changing a shared list through `DerefMut` copies it first (copy on write).
/// An empty list allocates nothing.
#[derive(Clone, Default)]
pub struct Members(Option<Arc<Vec<Member>>>);

/// What an empty [`Members`] derefs to.
static NO_MEMBERS: Vec<Member> = Vec::new();

impl Members {
    /// The same list, shared (no copy of the members).
    pub fn share(&self) -> Members {
        self.clone()
    }

    /// The members, owned (copied if the list is shared).
    pub fn into_vec(self) -> Vec<Member> {
        self.0.map_or_else(Vec::new, Arc::unwrap_or_clone)
    }

    /// Serializes the members with every [`Field::listed_at`] left out (as
    /// `null`), as they were before nesting resolution linked them.
    #[cfg(feature = "serde")]
    fn serialize_unlinked<S: serde::Serializer>(members: &Members, serializer: S) -> Result<S::Ok, S::Error> {
        fn unlink(members: &mut [Member]) {
            for m in members {
                match m {
                    Member::Field(f) => unlink_field(f),
                    Member::OneOf(g) => g.members.iter_mut().for_each(unlink_field),
                }
            }
        }
        fn unlink_field(f: &mut Field) {
            f.listed_at = None;
            if !f.members.is_empty() {
                unlink(&mut f.members);
            }
        }
        let mut copy: Vec<Member> = members.to_vec();
        unlink(&mut copy);
        serde::Serialize::serialize(&copy, serializer)
    }
}

impl std::ops::Deref for Members {
    type Target = Vec<Member>;

    fn deref(&self) -> &Vec<Member> {
        self.0.as_deref().unwrap_or(&NO_MEMBERS)
    }
}

impl std::ops::DerefMut for Members {
    fn deref_mut(&mut self) -> &mut Vec<Member> {
        Arc::make_mut(self.0.get_or_insert_with(Default::default))
    }
}

impl From<Vec<Member>> for Members {
    fn from(members: Vec<Member>) -> Self {
        Members((!members.is_empty()).then(|| Arc::new(members)))
    }
}

impl FromIterator<Member> for Members {
    fn from_iter<I: IntoIterator<Item = Member>>(iter: I) -> Self {
        Vec::from_iter(iter).into()
    }
}

impl<'a> IntoIterator for &'a Members {
    type Item = &'a Member;
    type IntoIter = std::slice::Iter<'a, Member>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Members {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Members {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Members {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&**self, serializer)
    }
}
