//! The in-memory model of a generated API: packages, methods, and types by
//! full name. Pages are rendered from it; the manifest records it.

use std::collections::BTreeMap;

/// A field or param type, by identity (full names), before any rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    String,
    Int32,
    /// Written `string` with `format int64` (protobuf JSON sends int64 as a string).
    Int64,
    Number,
    Bool,
    /// REST `string` with `format date-time`; SDK `Date`.
    Timestamp,
    /// A map, `Struct` or free-form object: written `object`.
    Map,
    /// A message or enum, by full name.
    Ref(String),
    Array(Box<Ty>),
}

impl Ty {
    pub fn reference(&self) -> Option<&str> {
        match self {
            Ty::Ref(r) => Some(r),
            Ty::Array(inner) => inner.reference(),
            _ => None,
        }
    }

    /// The type as the manifest writes it: scalars by kind, references by full name.
    pub fn describe(&self) -> String {
        match self {
            Ty::String => "string".into(),
            Ty::Int32 => "int32".into(),
            Ty::Int64 => "int64".into(),
            Ty::Number => "number".into(),
            Ty::Bool => "boolean".into(),
            Ty::Timestamp => "timestamp".into(),
            Ty::Map => "map".into(),
            Ty::Ref(r) => r.clone(),
            Ty::Array(inner) => format!("array<{}>", inner.describe()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct FieldDef {
    /// The REST wire name.
    pub name: String,
    pub ty: Ty,
    pub required: bool,
    pub read_only: bool,
    /// `validation:` rules, without the `format int64`/`format date-time` the
    /// type implies (the renderer adds those).
    pub validation: Vec<String>,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct OneOfDef {
    pub name: String,
    pub required: bool,
    pub members: Vec<FieldDef>,
}

/// Where a type comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A protobuf message or enum of the API.
    Api,
    /// The SDK's `options` param of one method (no REST counterpart).
    SdkOptions,
}

#[derive(Debug, Clone)]
pub struct MessageDef {
    pub full: String,
    pub short: String,
    /// Printed before the regular fields, as the docs do.
    pub one_ofs: Vec<OneOfDef>,
    pub fields: Vec<FieldDef>,
    pub origin: Origin,
}

impl MessageDef {
    pub fn all_fields(&self) -> impl Iterator<Item = &FieldDef> {
        self.one_ofs
            .iter()
            .flat_map(|g| g.members.iter())
            .chain(self.fields.iter())
    }

    pub fn is_empty(&self) -> bool {
        self.one_ofs.is_empty() && self.fields.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct EnumValueDef {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct EnumDef {
    pub full: String,
    pub short: String,
    pub values: Vec<EnumValueDef>,
    /// Listed in block form (`- enum:` then `-     VALUE: text`) rather than inline.
    pub block: bool,
}

#[derive(Debug, Clone)]
pub enum TypeDef {
    Message(MessageDef),
    Enum(EnumDef),
}

impl TypeDef {
    pub fn short(&self) -> &str {
        match self {
            TypeDef::Message(m) => &m.short,
            TypeDef::Enum(e) => &e.short,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Patch,
    Put,
    Delete,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Patch => "PATCH",
            Verb::Put => "PUT",
            Verb::Delete => "DELETE",
        }
    }
    /// Whether the request travels in a JSON body (else in the query string).
    pub fn has_body(self) -> bool {
        matches!(self, Verb::Post | Verb::Patch | Verb::Put)
    }
}

#[derive(Debug, Clone)]
pub struct ErrorDef {
    pub http: u16,
    pub status: String,
    pub app_code: String,
    pub description: String,
}

/// How `Method parameters:` is written when a method has no params (the
/// layout was never observed: both plausible forms are produced).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoParams {
    /// No `Method parameters:` line at all.
    Missing,
    /// `Method parameters:` with nothing under it.
    Empty,
}

/// Byte-level habits of one page (each varies across real pages).
#[derive(Debug, Clone)]
pub struct PageStyle {
    /// `> Portal Navigation:` preamble: 0 (older pages), 5 or 6 bullets.
    pub preamble_bullets: u8,
    pub note: bool,
    /// `Required parameters:  x` (two spaces) rather than one.
    pub required_two_spaces: bool,
    /// `Method parameters: ` with a trailing space.
    pub params_trailing_space: bool,
    /// The REST block repeats `| required: true` on params (the SDK always does).
    pub rest_required_attr: bool,
    /// The REST block has a `Required parameters:` line.
    pub rest_required_line: bool,
    pub no_params: NoParams,
    /// REST timestamps carry `validation: format date-time` (newer pages).
    pub date_time_format: bool,
    /// The seed's second `~~~cURL` fence inside the curl block.
    pub tilde_fence: bool,
    /// Request listings also show read-only fields (with `read-only: true`),
    /// as `schemas/inbox/send-message.md` does; otherwise they are left out.
    pub request_shows_read_only: bool,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub title: String,
    pub description: Option<String>,
    /// Follow the curl command with a response body.
    pub with_response: bool,
}

#[derive(Debug, Clone)]
pub struct Method {
    /// PascalCase, as in the page title.
    pub name: String,
    pub namespace: String,
    pub verb: Verb,
    /// URL template with `{a}`, `{a.b}` or `{a=**}` placeholders; `None` on
    /// service-plugin pages (`URL: null`).
    pub url: Option<String>,
    /// Request message (its fields are the params).
    pub request: String,
    /// Response message (may have no fields).
    pub response: String,
    pub scopes: Vec<(String, String)>,
    pub errors: Vec<ErrorDef>,
    /// The `Description:` text (one line, may carry markdown defects).
    pub description: String,
    /// Introduction paragraphs.
    pub intro: Vec<String>,
    /// `Required parameters:` paths, REST names.
    pub required_paths: Vec<String>,
    pub examples: Vec<Example>,
    /// Show a `/* Promise resolves to: */` JS example.
    pub js_resolves: bool,
    pub style: PageStyle,
    /// Which special cases this page was built to show (for the manifest).
    pub cases: Vec<&'static str>,
}

impl Method {
    pub fn service_plugin(&self) -> bool {
        self.url.is_none()
    }

    /// `getBooking`
    pub fn camel(&self) -> String {
        lower_first(&self.name)
    }

    /// `get-booking`
    pub fn slug(&self) -> String {
        kebab(&self.name)
    }
}

#[derive(Debug, Clone)]
pub struct Package {
    /// Directory name (kebab-case), unique in the corpus.
    pub dir: String,
    /// `# Package:` (camelCase).
    pub name: String,
    /// `https://dev.wix.com/docs/api-reference/<docs_path>/...`
    pub docs_path: String,
    /// `@wix/bookings`
    pub sdk_module: String,
    pub service_plugin: bool,
    pub methods: Vec<Method>,
}

#[derive(Debug, Clone, Default)]
pub struct Api {
    pub packages: Vec<Package>,
    pub types: BTreeMap<String, TypeDef>,
}

impl Api {
    pub fn message(&self, full: &str) -> &MessageDef {
        match self.types.get(full) {
            Some(TypeDef::Message(m)) => m,
            other => panic!("corpus model: `{full}` is not a message ({other:?})"),
        }
    }

    pub fn enumeration(&self, full: &str) -> Option<&EnumDef> {
        match self.types.get(full) {
            Some(TypeDef::Enum(e)) => Some(e),
            _ => None,
        }
    }

    pub fn is_enum(&self, full: &str) -> bool {
        self.enumeration(full).is_some()
    }
}

pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `GetBookingBySlug` → `get-booking-by-slug`; `giftCards` → `gift-cards`.
pub fn kebab(s: &str) -> String {
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if ch.is_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.extend(ch.to_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// `ACTION_REQUIRED`-style constant from a camel/Pascal name.
pub fn constant(s: &str) -> String {
    kebab(s).replace('-', "_").to_uppercase()
}
