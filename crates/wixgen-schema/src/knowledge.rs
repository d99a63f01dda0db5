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

/// Field names per type name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeKnowledge {
    types: BTreeMap<String, BTreeSet<String>>,
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

    /// Add what `page` lists: every type shown with its fields.
    pub fn add_page(&mut self, page: &Page) {
        for listing in &page.types {
            let names = listing.members.iter().flat_map(|m| match m {
                Member::Field(f) => vec![f.name.value.clone()],
                Member::OneOf(g) => g.members.iter().map(|f| f.name.value.clone()).collect(),
            });
            self.add(&listing.name, names);
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
