//! Type knowledge from outside a page: which fields a named type has.
//!
//! Some nesting on a page cannot be read from indentation (FORMAT.md,
//! "Nesting"): under `param name:`, a ONE-OF member's own fields and the param
//! type's fields sit at the same depth. Knowing a type's fields decides it.
//! That knowledge comes from the rest of the page, from the other pages given
//! to the generator ([`TypeKnowledge::add_page`]), and from Wix's common
//! platform types, which thousands of pages share ([`TypeKnowledge::builtin`]).

use crate::model::{Member, Page};
use std::collections::{BTreeMap, BTreeSet};

/// Field names per type name: of all pages, and per package.
///
/// Different packages (and types within one) share short names, so a page is
/// read with the knowledge of its own package first: [`TypeKnowledge::fields_in`]
/// answers from the pages of that package, and falls back to every page and
/// the built-in types only for a name its package never lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeKnowledge {
    types: BTreeMap<String, BTreeSet<String>>,
    by_package: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

/// Wix's common query and paging types (the `wix.common` messages used by
/// every Query and List method), with their REST field names.
const COMMON_TYPES: &[(&str, &[&str])] = &[
    ("CursorPaging", &["limit", "cursor"]),
    ("Paging", &["limit", "offset"]),
    ("Sorting", &["fieldName", "order", "selectItemsBy"]),
    ("CursorQuery", &["cursorPaging", "filter", "sort"]),
    (
        "QueryV2",
        &["paging", "cursorPaging", "filter", "sort", "fields", "fieldsets"],
    ),
    ("CursorPagingMetadata", &["count", "cursors", "hasNext"]),
    ("PagingMetadata", &["count", "offset", "total", "tooManyToCount"]),
    (
        "PagingMetadataV2",
        &["count", "offset", "total", "tooManyToCount", "cursors", "hasNext"],
    ),
    ("Cursors", &["next", "prev"]),
    ("ExtendedFields", &["namespaces"]),
];

impl TypeKnowledge {
    /// No knowledge at all.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Wix's common query and paging types.
    pub fn builtin() -> Self {
        let mut k = Self::default();
        for (name, fields) in COMMON_TYPES {
            k.add(name, fields.iter().map(|f| (*f).to_owned()));
        }
        k
    }

    /// Add what `page` lists: every type shown with its fields (also under
    /// the page's package, when it has one).
    pub fn add_page(&mut self, page: &Page) {
        let package = page.package.as_ref().map(|p| p.value.trim().to_owned());
        for listing in &page.types {
            let names: Vec<String> = listing
                .members
                .iter()
                .flat_map(|m| match m {
                    Member::Field(f) => vec![f.name.value.clone()],
                    Member::OneOf(g) => g.members.iter().map(|f| f.name.value.clone()).collect(),
                })
                .collect();
            if let Some(package) = &package {
                self.by_package
                    .entry(package.clone())
                    .or_default()
                    .entry(listing.name.clone())
                    .or_default()
                    .extend(names.iter().cloned());
            }
            self.add(&listing.name, names);
        }
    }

    /// The known fields of `type_name` as the pages of `package` list it,
    /// else as any page (or the built-in list) does.
    pub fn fields_in(&self, package: Option<&str>, type_name: &str) -> Option<&BTreeSet<String>> {
        package
            .and_then(|p| self.by_package.get(p))
            .and_then(|types| types.get(type_name))
            .or_else(|| self.fields(type_name))
    }

    /// Adds everything `other` knows.
    pub fn merge(&mut self, other: TypeKnowledge) {
        for (name, fields) in other.types {
            self.types.entry(name).or_default().extend(fields);
        }
        for (package, types) in other.by_package {
            let mine = self.by_package.entry(package).or_default();
            for (name, fields) in types {
                mine.entry(name).or_default().extend(fields);
            }
        }
    }

    /// Record that `type_name` has the fields `fields` (added to what is known).
    pub fn add(&mut self, type_name: &str, fields: impl IntoIterator<Item = String>) {
        self.types.entry(type_name.to_owned()).or_default().extend(fields);
    }

    /// The known fields of `type_name`.
    pub fn fields(&self, type_name: &str) -> Option<&BTreeSet<String>> {
        self.types.get(type_name)
    }

    /// Number of types known.
    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// No type is known.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }
}
