//! `CORPUS.json`: the ground truth. Per page: the method and, for every line
//! that names a message or enum type, the full name it stands for. And the
//! model: every type by full name with its fields or values, and its merge
//! class (types a page cannot tell apart: same short name, same structure).

use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Manifest {
    pub generator: String,
    pub pages_requested: usize,
    pub summary: Summary,
    /// By page path relative to the corpus directory (`bookings/create-booking.md`).
    pub pages: BTreeMap<String, PageEntry>,
    /// By package directory.
    pub packages: BTreeMap<String, PackageEntry>,
    /// By full name (`wix.ricos.v1.DividerData.Width`).
    pub types: BTreeMap<String, TypeEntry>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub pages: usize,
    pub packages: usize,
    /// Distinct methods (one per page).
    pub methods: usize,
    pub service_plugin_pages: usize,
    /// Total size of the pages, in bytes (the manifest excluded).
    pub bytes: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageEntry {
    pub package: String,
    /// `# Package:` as written.
    pub package_name: String,
    pub namespace: String,
    pub method: String,
    pub verb: String,
    /// URL template; `None` on service-plugin pages (`URL: null`).
    pub url: Option<String>,
    pub service_plugin: bool,
    /// Full names of the request and response messages.
    pub request: String,
    pub response: String,
    /// The method takes no params (`Method parameters:` missing or empty).
    pub no_params: bool,
    /// The response has no fields (SDK `PROMISE<void>`).
    pub empty_response: bool,
    /// Special cases the page was built to show.
    pub cases: Vec<String>,
    pub listings: Vec<ListingEntry>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ListingEntry {
    /// 1-based line of the page.
    pub line: usize,
    /// `rest` or `sdk`.
    pub section: &'static str,
    /// The param or field name as shown; `Return type:` for the return line.
    pub name: String,
    /// The type as written on the line.
    pub written: String,
    pub full: String,
    /// The fields or values are listed under this line.
    pub expanded: bool,
    /// `request` (read-only fields left out) or `response`.
    pub view: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PackageEntry {
    pub name: String,
    pub service_plugin: bool,
    pub pages: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TypeEntry {
    /// `message` or `enum`.
    pub kind: &'static str,
    pub short: String,
    /// `api`, or `sdk_options` for an SDK `options` param type.
    pub origin: &'static str,
    /// The smallest full name among the types no page can tell apart from
    /// this one (same short name, same structure): lowering should merge a
    /// class into one type and keep classes apart.
    pub merge_class: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub one_ofs: Vec<OneOfEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OneOfEntry {
    pub name: String,
    pub required: bool,
    pub members: Vec<FieldEntry>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldEntry {
    pub name: String,
    /// `string`, `int32`, `int64`, `number`, `boolean`, `timestamp`, `map`, a
    /// full name, or `array<...>` of those.
    #[serde(rename = "type")]
    pub ty: String,
    pub required: bool,
    pub read_only: bool,
}
