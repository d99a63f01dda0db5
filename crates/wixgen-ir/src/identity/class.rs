//! What type identity decides, shared by its steps: the classes (the types
//! of a package) and the indices of pages, listings and classes.

use crate::draft::{FieldDraft, StructDraft};
use crate::unify::Join;
use std::collections::{BTreeSet, HashMap};

/// The position of a page among the package's pages (in path order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PageIx(pub usize);

/// The position of a listing among its page's listings ([`crate::draft::PageDraft::types`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ListingIx(pub usize);

/// The position of a class among the classes of its package, in the order they were first listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ClassId(pub usize);

/// Who uses a type: the owner of the field or param whose type it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Owner {
    /// A field of the named type with this key.
    Type(String),
    /// A param of the REST method with this name (its request struct).
    Request(String),
    /// The response of the method with this name.
    Response(String),
}

/// What sets a class apart from the other classes of its short name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SetApart {
    /// The first class of its short name: there was none before it to differ from.
    First,
    /// How its first listing differs from the first class of its name it was held against.
    Differs(String),
}

impl SetApart {
    /// How the report words it (nothing for the first class).
    pub(crate) fn text(&self) -> &str {
        match self {
            SetApart::First => "",
            SetApart::Differs(reason) => reason,
        }
    }
}

/// One type of the package: the listings that are it.
#[derive(Debug, Clone)]
pub(crate) struct Class {
    pub key: String,
    pub short: String,
    pub is_enum: bool,
    /// Every listing of the type and how it joined, first listing first.
    pub listings: Vec<(PageIx, ListingIx, Join)>,
    /// What sets this class apart from the first class of its name.
    pub reason: SetApart,
    /// Where the type is used: `(owner, field or param wire name)`.
    pub owners: BTreeSet<(Owner, String)>,
    /// The uses where the page lists the type right under the field (not a bare reference).
    pub listed_under: BTreeSet<(Owner, String)>,
}

/// The class of each listing.
pub(super) type ClassOf = HashMap<(PageIx, ListingIx), ClassId>;

/// Every field of a message, ONE-OF members first (the order of the page).
pub(super) fn all_fields(s: &StructDraft) -> impl Iterator<Item = &FieldDraft> {
    s.one_ofs.iter().flat_map(|g| g.members.iter()).chain(&s.fields)
}
