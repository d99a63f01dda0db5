//! Drafts: what one page says, reconciled (REST + SDK) but not yet unified
//! with other pages nor named for Rust. Types refer to each other by the name
//! the page writes (`Named("ConversationDisplayData")`); Rust names are given
//! only once every page of a package is known.

use crate::model::{Docs, ErrorInfo, HttpMethod, PathSegment, PermissionScope, SourceRef};
use wixgen_schema::ValidationRule;

/// A type before naming. `Unknown` is "not shown": the element of a bare
/// `array`, or a REST defect nothing resolved; it becomes JSON at the end,
/// unless another listing supplies the real type first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Ty {
    String,
    Int32,
    Int64,
    Float64,
    Bool,
    Timestamp,
    Json,
    Unknown,
    Array(Box<Ty>),
    Named(String),
}

impl Ty {
    /// The named type this refers to, looking through arrays.
    pub(crate) fn named(&self) -> Option<&str> {
        match self {
            Ty::Named(n) => Some(n),
            Ty::Array(inner) => inner.named(),
            _ => None,
        }
    }

    /// Replaces the innermost named (or unknown) element: `Array(Named(a))` → `Array(Named(b))`.
    pub(crate) fn with_element_name(&self, name: &str) -> Ty {
        match self {
            Ty::Array(inner) => Ty::Array(Box::new(inner.with_element_name(name))),
            _ => Ty::Named(name.to_string()),
        }
    }

    /// True if an `Unknown` is left anywhere inside.
    pub(crate) fn has_unknown(&self) -> bool {
        match self {
            Ty::Unknown => true,
            Ty::Array(inner) => inner.has_unknown(),
            _ => false,
        }
    }

    /// How the page would write it, for messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Ty::String => "string".into(),
            Ty::Int32 => "integer".into(),
            Ty::Int64 => "int64".into(),
            Ty::Float64 => "number".into(),
            Ty::Bool => "boolean".into(),
            Ty::Timestamp => "timestamp".into(),
            Ty::Json => "object".into(),
            Ty::Unknown => "unknown".into(),
            Ty::Array(inner) => format!("array<{}>", inner.describe()),
            Ty::Named(n) => n.clone(),
        }
    }
}

/// A field or param.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldDraft {
    pub wire_name: String,
    pub ty: Ty,
    pub required: bool,
    pub read_only: bool,
    pub validation: Vec<ValidationRule>,
    pub docs: Docs,
    pub source: SourceRef,
    /// The index (in [`PageDraft::types`]) of the listing the page gives right
    /// here, under this field or param; `None` for a bare reference to a type
    /// listed elsewhere (earlier in the block, or on another page).
    pub listing: Option<usize>,
}

/// Where a listing was found: under the method params or under the return type.
/// Decides whose `required` counts when listings are unified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    Request,
    Response,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OneOfDraft {
    pub required: bool,
    pub members: Vec<FieldDraft>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StructDraft {
    pub name: String,
    pub one_ofs: Vec<OneOfDraft>,
    pub fields: Vec<FieldDraft>,
    pub context: Context,
    /// Every listing merged into this one, first first.
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValueDraft {
    pub wire: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EnumDraft {
    pub name: String,
    pub values: Vec<ValueDraft>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TypeDraft {
    Struct(StructDraft),
    Enum(EnumDraft),
}

impl TypeDraft {
    pub(crate) fn name(&self) -> &str {
        match self {
            TypeDraft::Struct(s) => &s.name,
            TypeDraft::Enum(e) => &e.name,
        }
    }

    /// Every place the type is listed.
    pub(crate) fn sources(&self) -> &[SourceRef] {
        match self {
            TypeDraft::Struct(s) => &s.sources,
            TypeDraft::Enum(e) => &e.sources,
        }
    }

    pub(crate) fn first_source(&self) -> Option<&SourceRef> {
        match self {
            TypeDraft::Struct(s) => s.sources.first(),
            TypeDraft::Enum(e) => e.sources.first(),
        }
    }
}

/// Where a param goes in the HTTP request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamLoc {
    Path,
    Query,
    Body,
}

/// How a method is reached: a REST endpoint Wix serves, or a service-plugin
/// method (`URL: null`) that Wix calls on an app.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Transport {
    Rest {
        http_method: HttpMethod,
        url: String,
        path: Vec<PathSegment>,
    },
    ServicePlugin,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MethodDraft {
    pub name: String,
    pub operation: String,
    pub transport: Transport,
    pub params: Vec<(ParamLoc, FieldDraft)>,
    pub response: Option<Ty>,
    /// The index (in [`PageDraft::types`]) of the return type's listing, when the page lists it.
    pub response_listing: Option<usize>,
    pub permission_scopes: Vec<PermissionScope>,
    pub docs_link: Option<String>,
    pub docs: Docs,
    pub errors: Vec<ErrorInfo>,
    pub source: SourceRef,
}

/// Everything one page contributes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageDraft {
    pub path: String,
    pub package: String,
    pub service: String,
    pub method: MethodDraft,
    /// Every listing of a named type on the page (REST, reconciled), in page order.
    pub types: Vec<TypeDraft>,
    /// What the page's examples show under each field name.
    pub examples: crate::example_shapes::ExampleShapes,
}
