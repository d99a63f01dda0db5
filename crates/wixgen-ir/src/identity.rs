//! Type identity: which listings of a package are one type.
//!
//! A page shows only a type's short name, and within one package different
//! types share short names (`Type`, `Width`, `Status`, `Address`, ...), while
//! identical copies of common types (`Paging`, `CursorPaging`) and the two
//! views of one type (a request listing lacks the read-only fields its
//! response listing shows) share names too. Keying types by short name would
//! merge listings that cannot decode each other's JSON; so identity is decided
//! from structure and use, in three steps.
//!
//! 1. **Classes.** Every listing of a package (in page order) joins the first
//!    class of its short name it is compatible with, or starts a new one:
//!    * an enum and a message are never one type;
//!    * enums are one type when they list the same values;
//!    * messages are one type when every field they share has compatible types
//!      (equal, or one refining the other: a timestamp or int64 `string`, an
//!      unknown array element) and their field sets are equal, or differ only
//!      by fields that the response view marks read-only and the request view
//!      leaves out (the two views of one type);
//!    * otherwise, messages one of which lists a subset of the other's fields
//!      (with compatible types) are one type seen on pages that show different
//!      subsets of it (an older page, a page leaving fields out: the real
//!      GetOrCreateConversation page lists `Conversation` without the
//!      `channels` its own example response carries): merged, warned (drift);
//!    * enums that differ are one type only when one contains the other's
//!      values and they are used at the same place (the same field of a type
//!      of the same name); otherwise they are different enums that happen to
//!      share a name and some values (`Status`, `Type`).
//! 2. **References.** A field whose type the page lists right under it belongs
//!    to that listing's class. A bare reference (the page lists a type once per
//!    block, later uses show only the name) is resolved by, in order: the
//!    classes of the name listed earlier on the same page (anywhere on the page
//!    when none is earlier), the classes the same field of the same owning type
//!    has where some page lists it, and the classes of the name in the package.
//!    One candidate decides; several leave a warning ([`codes::AMBIGUOUS_TYPE_REF`])
//!    naming the choice and the rule that made it. First the page's own
//!    examples (`example_shapes.rs`): the values the curl bodies and
//!    `Promise resolves to` objects of every page listing the owning type (so
//!    that all pages decide a field alike) show under this field, in objects
//!    held under the names the owning type is listed under (at the top, for a
//!    param or a response field), keep only the candidates that fit the most of them
//!    (a message holding every key shown, an enum listing the value shown);
//!    one left decides. Then a method param or a field
//!    of the method's response takes the one candidate some page lists right
//!    under a param or a response field (the type a method takes or returns
//!    directly: the response's `order` is the resource the `order` param
//!    shows, not an enum `Order` nested deep inside it); otherwise the
//!    candidate listed nearest before the reference.
//!    A field of a type that names the type's own short name is the type
//!    itself (recursion is never listed under itself).
//! 3. **Merging.** The listings of a class are merged (see [`crate::unify`]);
//!    drift is reported there.
//!
//! Each class gets a key: the short name when the package has one class of
//! that name, `Name#n` otherwise. Naming for Rust happens later
//! (`assemble`): a split name's types are named after where they are used.

use crate::diag::{IrDiagnostic, codes, location};
use crate::draft::{Context, FieldDraft, PageDraft, Ty, TypeDraft};
use crate::example_shapes::{ExampleShapes, Fits, Seen};
use crate::model::SourceRef;
use crate::unify::{self, Join};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// One type of the package: the listings that are it.
#[derive(Debug, Clone)]
pub(crate) struct Class {
    pub key: String,
    pub short: String,
    pub is_enum: bool,
    /// `(page index, listing index, how it joined)`, first listing first.
    pub listings: Vec<(usize, usize, Join)>,
    /// What sets this class apart from the first class of its name ("" for the first).
    pub reason: String,
    /// Where the type is used: `(owner, field or param wire name)`.
    pub owners: BTreeSet<(Owner, String)>,
    /// The uses where the page lists the type right under the field (not a bare reference).
    pub listed_under: BTreeSet<(Owner, String)>,
}

/// The classes of a package and its merged types, by key.
pub(crate) struct Identity {
    pub classes: Vec<Class>,
    pub table: BTreeMap<String, TypeDraft>,
}

/// What a listing says, for comparing it with a class.
struct Summary {
    is_enum: bool,
    fields: BTreeMap<String, (Ty, bool)>,
    values: BTreeSet<String>,
    response: bool,
    /// Where the listings are: `(owner short name, field)`.
    uses: BTreeSet<(String, String)>,
}

impl Summary {
    fn of(t: &TypeDraft, uses: BTreeSet<(String, String)>) -> Self {
        match t {
            TypeDraft::Enum(e) => Summary {
                is_enum: true,
                fields: BTreeMap::new(),
                values: e.values.iter().map(|v| v.wire.clone()).collect(),
                response: false,
                uses,
            },
            TypeDraft::Struct(s) => Summary {
                is_enum: false,
                fields: s
                    .one_ofs
                    .iter()
                    .flat_map(|g| g.members.iter())
                    .chain(&s.fields)
                    .map(|f| (f.wire_name.clone(), (f.ty.clone(), f.read_only)))
                    .collect(),
                values: BTreeSet::new(),
                response: s.context == Context::Response,
                uses,
            },
        }
    }

    /// Adds what `other` says (after `other` joined this class).
    fn absorb(&mut self, other: Summary) {
        for (wire, (ty, ro)) in other.fields {
            match self.fields.get_mut(&wire) {
                Some((t, r)) => {
                    *t = unify::merge_ty(t, &ty).0;
                    *r |= ro;
                }
                None => {
                    self.fields.insert(wire, (ty, ro));
                }
            }
        }
        self.values.extend(other.values);
        self.response |= other.response;
        self.uses.extend(other.uses);
    }
}

fn list(names: &[&String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// How listing (or class) `l` relates to class summary `c`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Relation {
    /// Same fields (with compatible types) or values.
    Identical,
    /// The request and response views of one type.
    View,
    /// `l` shows a strict subset of `c`'s fields or values (compatible types).
    Subset,
    /// `l` shows a strict superset of `c`'s.
    Superset,
    /// Not one type: the reason.
    Different(String),
}

fn relate(c: &Summary, l: &Summary) -> Relation {
    match (c.is_enum, l.is_enum) {
        (true, false) => return Relation::Different("a message here, an enum there".into()),
        (false, true) => return Relation::Different("an enum here, a message there".into()),
        _ => {}
    }
    if l.is_enum {
        let only_l: Vec<&String> = l.values.difference(&c.values).collect();
        let only_c: Vec<&String> = c.values.difference(&l.values).collect();
        return match (only_l.is_empty(), only_c.is_empty()) {
            (true, true) => Relation::Identical,
            (true, false) => Relation::Subset,
            (false, true) => Relation::Superset,
            (false, false) => Relation::Different(describe_difference("values", &only_l, &only_c)),
        };
    }
    for (wire, (ty, _)) in &l.fields {
        if let Some((cty, _)) = c.fields.get(wire)
            && unify::merge_ty(cty, ty).1
        {
            return Relation::Different(format!(
                "field `{wire}` is `{}` here but `{}` there",
                ty.describe(),
                cty.describe()
            ));
        }
    }
    let only_l: Vec<&String> = l.fields.keys().filter(|k| !c.fields.contains_key(*k)).collect();
    let only_c: Vec<&String> = c.fields.keys().filter(|k| !l.fields.contains_key(*k)).collect();
    if only_l.is_empty() && only_c.is_empty() {
        return Relation::Identical;
    }
    let read_only = |s: &Summary, names: &[&String]| names.iter().all(|n| s.fields.get(*n).is_some_and(|f| f.1));
    // The request view leaves out the read-only fields the response view shows.
    if !l.response && c.response && only_l.is_empty() && read_only(c, &only_c) {
        return Relation::View;
    }
    if l.response && !c.response && only_c.is_empty() && read_only(l, &only_l) {
        return Relation::View;
    }
    match (only_l.is_empty(), only_c.is_empty()) {
        (true, _) => Relation::Subset,
        (_, true) => Relation::Superset,
        _ => Relation::Different(describe_difference("fields", &only_l, &only_c)),
    }
}

/// Pass 1 joins only what is certainly one type.
fn compare(c: &Summary, l: &Summary) -> Result<Join, String> {
    match relate(c, l) {
        Relation::Identical => Ok(Join::Identical),
        Relation::View => Ok(Join::View),
        Relation::Different(reason) => Err(reason),
        Relation::Subset | Relation::Superset => Err(describe_sets(c, l)),
    }
}

/// "different fields (only here: ...; only there: ...)" for two summaries.
fn describe_sets(c: &Summary, l: &Summary) -> String {
    let (what, lk, ck): (&str, Vec<&String>, Vec<&String>) = if l.is_enum {
        ("values", l.values.iter().collect(), c.values.iter().collect())
    } else {
        ("fields", l.fields.keys().collect(), c.fields.keys().collect())
    };
    let only_l: Vec<&String> = lk.iter().filter(|k| !ck.contains(k)).copied().collect();
    let only_c: Vec<&String> = ck.iter().filter(|k| !lk.contains(k)).copied().collect();
    describe_difference(what, &only_l, &only_c)
}

/// The size of a summary: fields or values.
fn size(s: &Summary) -> usize {
    if s.is_enum { s.values.len() } else { s.fields.len() }
}

fn describe_difference(what: &str, only_l: &[&String], only_c: &[&String]) -> String {
    let mut parts = Vec::new();
    if !only_l.is_empty() {
        parts.push(format!("only here: {}", list(only_l)));
    }
    if !only_c.is_empty() {
        parts.push(format!("only there: {}", list(only_c)));
    }
    format!("different {what} ({})", parts.join("; "))
}

/// Where each listing is: `(owner short name, field)` of the field it is listed
/// under (`<Method>Request` for params, `<response>` for a return type).
fn listing_uses(pages: &[PageDraft]) -> HashMap<(usize, usize), BTreeSet<(String, String)>> {
    let mut uses: HashMap<(usize, usize), BTreeSet<(String, String)>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for t in &page.types {
            if let TypeDraft::Struct(s) = t {
                for f in all_fields(s) {
                    if let Some(j) = f.listing {
                        uses.entry((p, j))
                            .or_default()
                            .insert((s.name.clone(), f.wire_name.clone()));
                    }
                }
            }
        }
        let m = &page.method;
        for (_, f) in &m.params {
            if let Some(j) = f.listing {
                uses.entry((p, j))
                    .or_default()
                    .insert((format!("{}Request", m.name), f.wire_name.clone()));
            }
        }
        if let Some(j) = m.response_listing {
            uses.entry((p, j))
                .or_default()
                .insert(("<response>".into(), m.name.clone()));
        }
    }
    uses
}

fn all_fields(s: &crate::draft::StructDraft) -> impl Iterator<Item = &FieldDraft> {
    s.one_ofs.iter().flat_map(|g| g.members.iter()).chain(&s.fields)
}

/// Step 1: the classes, each listing in exactly one.
fn classify(pages: &[PageDraft]) -> (Vec<Class>, HashMap<(usize, usize), usize>) {
    let mut uses = listing_uses(pages);
    let mut classes: Vec<Class> = Vec::new();
    let mut summaries: Vec<Summary> = Vec::new();
    let mut by_short: HashMap<String, Vec<usize>> = HashMap::new();
    let mut class_of: HashMap<(usize, usize), usize> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for (j, t) in page.types.iter().enumerate() {
            let summary = Summary::of(t, uses.remove(&(p, j)).unwrap_or_default());
            let candidates = by_short.entry(t.name().to_string()).or_default();
            let mut first_reason = None;
            let mut joined = None;
            for &c in candidates.iter() {
                match compare(&summaries[c], &summary) {
                    Ok(join) => {
                        joined = Some((c, join));
                        break;
                    }
                    Err(reason) => {
                        first_reason.get_or_insert(reason);
                    }
                }
            }
            match joined {
                Some((c, join)) => {
                    classes[c].listings.push((p, j, join));
                    summaries[c].absorb(summary);
                    class_of.insert((p, j), c);
                }
                None => {
                    let id = classes.len();
                    candidates.push(id);
                    classes.push(Class {
                        key: String::new(),
                        short: t.name().to_string(),
                        is_enum: matches!(t, TypeDraft::Enum(_)),
                        listings: vec![(p, j, Join::First)],
                        reason: first_reason.unwrap_or_default(),
                        owners: BTreeSet::new(),
                        listed_under: BTreeSet::new(),
                    });
                    summaries.push(summary);
                    class_of.insert((p, j), id);
                }
            }
        }
    }
    let (classes, class_of) = merge_drift(classes, summaries, class_of);
    let mut by_short: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (id, c) in classes.iter().enumerate() {
        by_short.entry(c.short.clone()).or_default().push(id);
    }
    let mut classes = classes;
    for ids in by_short.values() {
        for (n, &id) in ids.iter().enumerate() {
            classes[id].key = if ids.len() == 1 {
                classes[id].short.clone()
            } else {
                format!("{}#{}", classes[id].short, n + 1)
            };
        }
    }
    (classes, class_of)
}

/// Pass 2: drift. A class whose fields (or values) are a subset of exactly
/// one other class of its name joins it when
///
/// * their shared fields have compatible types; for enums, they are also
///   listed under the same field of a type of the same name (enums of one
///   name often share values without being one enum: `Status`, `Type`),
/// * it shows at least half of the other's fields or values (two types of
///   which one is a small part of the other are likelier than a page showing
///   half a type), and
/// * no page lists both: a page lists each type once per block, so two
///   listings of one name on one page are two types (bookings' `StreetAddress`
///   and the common one).
///
/// Classes are taken largest first, so a chain `A ⊂ B ⊂ C` ends in one type.
fn merge_drift(
    classes: Vec<Class>,
    summaries: Vec<Summary>,
    class_of: HashMap<(usize, usize), usize>,
) -> (Vec<Class>, HashMap<(usize, usize), usize>) {
    let n = classes.len();
    let pages_of: Vec<BTreeSet<usize>> = classes
        .iter()
        .map(|c| c.listings.iter().map(|l| l.0).collect())
        .collect();
    let mut root: Vec<usize> = (0..n).collect();
    let mut root_pages = pages_of.clone();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    let mut by_short: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (id, c) in classes.iter().enumerate() {
        by_short.entry(c.short.as_str()).or_default().push(id);
    }
    for ids in by_short.values().filter(|ids| ids.len() > 1) {
        let mut order = ids.clone();
        order.sort_by_key(|&id| (std::cmp::Reverse(size(&summaries[id])), id));
        for &a in &order {
            let mut targets = BTreeSet::new();
            for &b in ids {
                if a == b || relate(&summaries[b], &summaries[a]) != Relation::Subset {
                    continue;
                }
                // Enums that differ are different enums (`Status`, `Type` share
                // many values), unless both are listed under the same field of
                // a type of the same name: that one enum, on pages of different ages.
                if summaries[a].is_enum && summaries[a].uses.is_disjoint(&summaries[b].uses) {
                    continue;
                }
                if size(&summaries[a]) * 2 < size(&summaries[b]) {
                    continue;
                }
                targets.insert(find(&mut root, b));
            }
            let ra = find(&mut root, a);
            targets.remove(&ra);
            if targets.len() != 1 {
                continue;
            }
            let rb = *targets.first().unwrap_or(&ra);
            if !root_pages[ra].is_disjoint(&root_pages[rb]) {
                continue;
            }
            root[ra] = rb;
            let moved = std::mem::take(&mut root_pages[ra]);
            root_pages[rb].extend(moved);
        }
    }
    // Rebuild: each root keeps its id order; absorbed classes' listings join as drift.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for id in 0..n {
        let r = find(&mut root, id);
        members.entry(r).or_default().push(id);
    }
    let mut out: Vec<Class> = Vec::new();
    let mut new_id = HashMap::new();
    let mut classes: Vec<Option<Class>> = classes.into_iter().map(Some).collect();
    for (&r, ids) in &members {
        let Some(mut base) = classes[r].take() else { continue };
        for &id in ids.iter().filter(|&&id| id != r) {
            if let Some(c) = classes[id].take() {
                for (k, (p, j, join)) in c.listings.into_iter().enumerate() {
                    base.listings.push((p, j, if k == 0 { Join::Drift } else { join }));
                }
                base.owners.extend(c.owners);
                base.listed_under.extend(c.listed_under);
            }
        }
        // Page order, so merging (and its warnings) does not depend on class order.
        base.listings.sort_by_key(|&(p, j, _)| (p, j));
        if let Some(first) = base.listings.first_mut() {
            first.2 = Join::First;
        }
        for &id in ids {
            new_id.insert(id, out.len());
        }
        out.push(base);
    }
    // Keep the first-listed order of classes (what the report shows).
    let class_of = class_of.into_iter().map(|(k, v)| (k, new_id[&v])).collect();
    (out, class_of)
}

/// Everything reference resolution looks at, gathered before pages are rewritten.
struct Index {
    class_of: HashMap<(usize, usize), usize>,
    by_short: HashMap<String, Vec<usize>>,
    /// Per page: short name → `(offset of the listing, class)`, in page order.
    on_page: Vec<HashMap<String, Vec<(usize, usize)>>>,
    /// `(owner class, field wire name)` → classes of the listings found under that field.
    under_field: HashMap<(usize, String), BTreeSet<usize>>,
    /// First source of each class.
    first_source: Vec<SourceRef>,
    /// Classes some page lists right under a method param or a field of a
    /// method's response: the types a method takes or returns directly.
    top_level: BTreeSet<usize>,
    /// Per page: what its examples show under each field name.
    examples: Vec<ExampleShapes>,
    /// Class → the wire names of the fields some page lists it under.
    listed_as: HashMap<usize, BTreeSet<String>>,
    /// Per class: its fields or values, to hold against the examples.
    fits: Vec<Fits>,
    /// Per class: the pages that list it.
    pages_of: Vec<BTreeSet<usize>>,
}

impl Index {
    fn new(
        pages: &[PageDraft],
        classes: &[Class],
        class_of: HashMap<(usize, usize), usize>,
        examples: Vec<ExampleShapes>,
    ) -> Self {
        let mut by_short: HashMap<String, Vec<usize>> = HashMap::new();
        for (id, c) in classes.iter().enumerate() {
            by_short.entry(c.short.clone()).or_default().push(id);
        }
        let mut on_page = Vec::with_capacity(pages.len());
        let mut under_field: HashMap<(usize, String), BTreeSet<usize>> = HashMap::new();
        let mut top_level = BTreeSet::new();
        let mut listed_as: HashMap<usize, BTreeSet<String>> = HashMap::new();
        for (p, page) in pages.iter().enumerate() {
            let params = page.method.params.iter().map(|(_, f)| f);
            let response_fields = page
                .method
                .response_listing
                .and_then(|j| match &page.types[j] {
                    TypeDraft::Struct(s) => Some(s),
                    TypeDraft::Enum(_) => None,
                })
                .into_iter()
                .flat_map(all_fields);
            for f in params.chain(response_fields) {
                if let Some(j) = f.listing {
                    top_level.insert(class_of[&(p, j)]);
                }
            }
            let mut here: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
            for (j, t) in page.types.iter().enumerate() {
                let offset = t.first_source().map_or(0, |s| s.span.offset);
                here.entry(t.name().to_string())
                    .or_default()
                    .push((offset, class_of[&(p, j)]));
                if let TypeDraft::Struct(s) = t {
                    for f in all_fields(s) {
                        if let Some(k) = f.listing {
                            under_field
                                .entry((class_of[&(p, j)], f.wire_name.clone()))
                                .or_default()
                                .insert(class_of[&(p, k)]);
                            listed_as
                                .entry(class_of[&(p, k)])
                                .or_default()
                                .insert(f.wire_name.clone());
                        }
                    }
                }
            }
            on_page.push(here);
        }
        let first_source = classes
            .iter()
            .map(|c| {
                let (p, j, _) = c.listings[0];
                pages[p].types[j]
                    .first_source()
                    .cloned()
                    .unwrap_or_else(|| pages[p].method.source.clone())
            })
            .collect();
        let fits = classes
            .iter()
            .map(|c| {
                let mut f = Fits {
                    is_enum: c.is_enum,
                    ..Fits::default()
                };
                for &(p, j, _) in &c.listings {
                    match &pages[p].types[j] {
                        TypeDraft::Enum(e) => f.names.extend(e.values.iter().map(|v| v.wire.clone())),
                        TypeDraft::Struct(s) => f.names.extend(all_fields(s).map(|x| x.wire_name.clone())),
                    }
                }
                f
            })
            .collect();
        let pages_of = classes
            .iter()
            .map(|c| c.listings.iter().map(|&(p, _, _)| p).collect())
            .collect();
        Index {
            class_of,
            by_short,
            on_page,
            under_field,
            first_source,
            top_level,
            examples,
            listed_as,
            fits,
            pages_of,
        }
    }
}

/// A reference to resolve: the field (or param) whose type names `short`.
struct Ref<'r> {
    page: usize,
    field: &'r FieldDraft,
    owner_class: Option<usize>,
    owner_label: &'r str,
    /// A method param, or a field of the method's response.
    top_level: bool,
}

/// Step 2 for one reference: the class it stands for, or `None` when the
/// package lists no type of that name.
fn resolve(ix: &Index, r: &Ref<'_>, short: &str, diags: &mut Vec<IrDiagnostic>) -> Option<usize> {
    if let Some(j) = r.field.listing {
        return ix.class_of.get(&(r.page, j)).copied();
    }
    let all = ix.by_short.get(short)?;
    if all.len() == 1 {
        return Some(all[0]);
    }
    // A field of a type naming the type's own name is the type itself (a
    // recursive type cannot be listed under itself: `childWindows: array<Window>`).
    if let Some(owner) = r.owner_class
        && all.contains(&owner)
    {
        return Some(owner);
    }
    let offset = r.field.source.span.offset;
    let listed_here = ix.on_page[r.page].get(short);
    let classes_where = |pred: &dyn Fn(usize) -> bool| -> BTreeSet<usize> {
        listed_here
            .into_iter()
            .flatten()
            .filter(|(o, _)| pred(*o))
            .map(|(_, c)| *c)
            .collect()
    };
    let mut candidates = classes_where(&|o| o < offset);
    if candidates.is_empty() {
        candidates = classes_where(&|_| true);
    }
    if candidates.len() == 1 {
        return candidates.first().copied();
    }
    if let Some(owner) = r.owner_class
        && let Some(under) = ix.under_field.get(&(owner, r.field.wire_name.clone()))
    {
        let narrowed: BTreeSet<usize> = if candidates.is_empty() {
            under.clone()
        } else {
            under.intersection(&candidates).copied().collect()
        };
        if narrowed.len() == 1 {
            return narrowed.first().copied();
        }
        if !narrowed.is_empty() {
            candidates = narrowed;
        }
    }
    if candidates.is_empty() {
        candidates = all.iter().copied().collect();
    }
    // What the page's examples show under this field name, in objects under
    // the names the owner is listed under (or at the top, for a param or a
    // response field), else anywhere: only the candidates that fit the most
    // of it stay (when some fit and others not).
    let mut parents: Vec<&str> = r
        .owner_class
        .and_then(|o| ix.listed_as.get(&o))
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if r.top_level || r.owner_class.is_none() {
        parents.push("");
    }
    // A field of a type is one field wherever the type is listed: the
    // examples of every page listing the owner count, so that each page
    // resolving this field decides the same way.
    let pages: Vec<usize> = match r.owner_class {
        Some(o) => ix.pages_of[o].iter().copied().collect(),
        None => vec![r.page],
    };
    let seen: Vec<&Seen> = pages
        .iter()
        .flat_map(|&p| ix.examples[p].under_parents(parents.iter().copied(), &r.field.wire_name))
        .collect();
    let fit_count = |c: usize| seen.iter().filter(|s| ix.fits[c].fits(s)).count();
    let best = candidates.iter().map(|&c| fit_count(c)).max().unwrap_or(0);
    let mut by_examples = false;
    let named = candidates.clone();
    if best > 0 {
        let fitting: BTreeSet<usize> = candidates.iter().copied().filter(|&c| fit_count(c) == best).collect();
        if fitting.len() < candidates.len() {
            by_examples = fitting.len() == 1;
            candidates = fitting;
        }
    }
    // A param or a response field naming the type a method takes or returns
    // directly (a resource: `order` of `CreateOrderResponse` and the `order`
    // param) means that type, not one nested deep inside it.
    let direct: Vec<usize> = if r.top_level {
        candidates
            .iter()
            .copied()
            .filter(|c| ix.top_level.contains(c))
            .collect()
    } else {
        Vec::new()
    };
    // Otherwise the nearest listing before the reference: inside nested types,
    // the innermost enclosing scope usually holds the type a short name means.
    let nearest = listed_here
        .into_iter()
        .flatten()
        .filter(|(o, c)| *o < offset && candidates.contains(c))
        .max_by_key(|(o, _)| *o)
        .map(|(_, c)| *c);
    let (chosen, rule) = match (direct.as_slice(), nearest) {
        _ if by_examples => (
            candidates.first().copied()?,
            "the only one that fits what the page's examples show under it",
        ),
        ([one], _) => (*one, "the type a method takes or returns directly"),
        (_, Some(c)) => (c, "the nearest before it"),
        _ => (candidates.first().copied()?, "the first listed"),
    };
    let places: Vec<String> = named.iter().map(|&c| location(&ix.first_source[c])).collect();
    let mut d = IrDiagnostic::warning(
        codes::AMBIGUOUS_TYPE_REF,
        r.field.source.clone(),
        format!(
            "`{}` of `{}` has type `{short}`, which names {} different types here (listed at {}), and the page does not list which; chose the one listed at {}, {rule}",
            r.field.wire_name,
            r.owner_label,
            named.len(),
            places.join(", "),
            location(&ix.first_source[chosen]),
        ),
    )
    .with_help("if the choice is wrong, add a page that lists this field's type under it");
    for &c in &named {
        let label = if c == chosen {
            format!("the `{short}` chosen, listed here")
        } else {
            format!("a `{short}` listed here")
        };
        d = d.with_related(ix.first_source[c].clone(), label);
    }
    diags.push(d);
    Some(chosen)
}

/// Rewrites `field.ty` from the short name to the class key; records the use.
fn rewrite(ix: &Index, classes: &mut [Class], r: Ref<'_>, owner: Owner, diags: &mut Vec<IrDiagnostic>) -> Option<Ty> {
    let short = r.field.ty.named()?.to_string();
    let c = resolve(ix, &r, &short, diags)?;
    if r.field.listing.is_some() {
        classes[c]
            .listed_under
            .insert((owner.clone(), r.field.wire_name.clone()));
    }
    classes[c].owners.insert((owner, r.field.wire_name.clone()));
    Some(r.field.ty.with_element_name(&classes[c].key))
}

/// Decides the classes of a package's listings, rewrites every reference on
/// the pages to class keys, and merges each class into one type.
pub(crate) fn decide(pages: &mut [PageDraft], diags: &mut Vec<IrDiagnostic>) -> Identity {
    let (mut classes, class_of) = classify(pages);
    let examples = pages.iter_mut().map(|p| std::mem::take(&mut p.examples)).collect();
    let ix = Index::new(pages, &classes, class_of, examples);

    for (p, page) in pages.iter_mut().enumerate() {
        // Listing fields: each listing is owned by its class.
        for j in 0..page.types.len() {
            let owner_class = ix.class_of[&(p, j)];
            let owner_key = classes[owner_class].key.clone();
            let is_response = page.method.response_listing == Some(j);
            let TypeDraft::Struct(s) = &page.types[j] else {
                continue;
            };
            let mut new_types: Vec<Option<Ty>> = Vec::new();
            for f in all_fields(s) {
                let r = Ref {
                    page: p,
                    field: f,
                    owner_class: Some(owner_class),
                    owner_label: &s.name,
                    top_level: is_response,
                };
                new_types.push(rewrite(&ix, &mut classes, r, Owner::Type(owner_key.clone()), diags));
            }
            let TypeDraft::Struct(s) = &mut page.types[j] else {
                continue;
            };
            let fields = s
                .one_ofs
                .iter_mut()
                .flat_map(|g| g.members.iter_mut())
                .chain(s.fields.iter_mut());
            for (f, ty) in fields.zip(new_types) {
                if let Some(ty) = ty {
                    f.ty = ty;
                }
            }
        }
        // Params and the response.
        let method_name = page.method.name.clone();
        let request_label = format!("{method_name}Request");
        let mut param_types = Vec::new();
        for (_, f) in &page.method.params {
            let r = Ref {
                page: p,
                field: f,
                owner_class: None,
                owner_label: &request_label,
                top_level: true,
            };
            param_types.push(rewrite(
                &ix,
                &mut classes,
                r,
                Owner::Request(method_name.clone()),
                diags,
            ));
        }
        for ((_, f), ty) in page.method.params.iter_mut().zip(param_types) {
            if let Some(ty) = ty {
                f.ty = ty;
            }
        }
        if let Some(ty) = page.method.response.clone()
            && let Some(short) = ty.named()
        {
            let fake = FieldDraft {
                wire_name: method_name.clone(),
                ty: ty.clone(),
                required: false,
                read_only: false,
                validation: Vec::new(),
                docs: Default::default(),
                source: page.method.source.clone(),
                listing: page.method.response_listing,
            };
            let r = Ref {
                page: p,
                field: &fake,
                owner_class: None,
                owner_label: &method_name,
                top_level: true,
            };
            if let Some(c) = resolve(&ix, &r, short, diags) {
                classes[c]
                    .owners
                    .insert((Owner::Response(method_name.clone()), String::new()));
                page.method.response = Some(ty.with_element_name(&classes[c].key));
            }
        }
    }

    let mut table = BTreeMap::new();
    for c in &classes {
        let mut listings = c.listings.iter().map(|&(p, j, join)| (pages[p].types[j].clone(), join));
        let Some((mut acc, _)) = listings.next() else { continue };
        for (next, join) in listings {
            unify::merge(&mut acc, next, join, diags);
        }
        unify::finish(&mut acc);
        table.insert(c.key.clone(), acc);
    }
    Identity { classes, table }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{EnumDraft, StructDraft, ValueDraft};
    use crate::model::Docs;
    use wixgen_schema::Span;

    fn at(line: u32) -> SourceRef {
        SourceRef {
            page: "p.md".into(),
            span: Span {
                line,
                column: 1,
                offset: line as usize * 100,
                len: 1,
            },
        }
    }

    fn field(name: &str, ty: Ty, ro: bool) -> FieldDraft {
        FieldDraft {
            wire_name: name.into(),
            ty,
            required: false,
            read_only: ro,
            validation: vec![],
            docs: Docs::default(),
            source: at(1),
            listing: None,
        }
    }

    fn summary(t: &TypeDraft) -> Summary {
        Summary::of(t, BTreeSet::new())
    }

    fn msg(ctx: Context, fields: Vec<FieldDraft>) -> TypeDraft {
        TypeDraft::Struct(StructDraft {
            name: "T".into(),
            one_ofs: vec![],
            fields,
            context: ctx,
            sources: vec![at(1)],
        })
    }

    fn en(values: &[&str]) -> TypeDraft {
        TypeDraft::Enum(EnumDraft {
            name: "T".into(),
            values: values
                .iter()
                .map(|v| ValueDraft {
                    wire: (*v).into(),
                    description: None,
                })
                .collect(),
            sources: vec![at(1)],
        })
    }

    #[test]
    fn enum_and_message_never_join() {
        let e = summary(&en(&["A"]));
        let m = summary(&msg(Context::Response, vec![field("a", Ty::String, false)]));
        assert_eq!(compare(&e, &m).unwrap_err(), "a message here, an enum there");
        assert_eq!(compare(&m, &e).unwrap_err(), "an enum here, a message there");
    }

    #[test]
    fn enums_relate_by_their_value_sets() {
        let a = summary(&en(&["A", "B"]));
        assert_eq!(relate(&a, &summary(&en(&["B", "A"]))), Relation::Identical);
        assert_eq!(relate(&a, &summary(&en(&["A", "B", "C"]))), Relation::Superset);
        assert_eq!(relate(&a, &summary(&en(&["A"]))), Relation::Subset);
        let Relation::Different(reason) = relate(&a, &summary(&en(&["A", "C"]))) else {
            panic!()
        };
        assert!(
            reason.contains("only here: `C`") && reason.contains("only there: `B`"),
            "{reason}"
        );
        // Pass 1 joins only identical enums; subsets are left to the drift pass.
        assert!(compare(&a, &summary(&en(&["A", "B", "C"]))).is_err());
    }

    #[test]
    fn request_and_response_views_are_one_type() {
        let response = summary(&msg(
            Context::Response,
            vec![field("id", Ty::String, true), field("name", Ty::String, false)],
        ));
        let request = summary(&msg(Context::Request, vec![field("name", Ty::String, false)]));
        assert!(matches!(compare(&response, &request), Ok(Join::View)));
        assert!(matches!(compare(&request, &response), Ok(Join::View)));
        // Two response views, one missing a read-only field: a subset, not the views.
        let other = summary(&msg(Context::Response, vec![field("name", Ty::String, false)]));
        assert_eq!(relate(&response, &other), Relation::Subset);
        // A request view missing a field that is not read-only: not the views either.
        let response2 = summary(&msg(
            Context::Response,
            vec![field("id", Ty::String, false), field("name", Ty::String, false)],
        ));
        assert_eq!(relate(&response2, &request), Relation::Subset);
        assert_eq!(relate(&request, &response2), Relation::Superset);
        // Each with a field the other lacks: two types.
        let other_fields = summary(&msg(
            Context::Response,
            vec![field("size", Ty::String, false), field("name", Ty::String, false)],
        ));
        let err = compare(&response2, &other_fields).unwrap_err();
        assert!(
            err.contains("only here: `size`") && err.contains("only there: `id`"),
            "{err}"
        );
    }

    #[test]
    fn clashing_field_types_split_refinements_do_not() {
        let a = summary(&msg(Context::Response, vec![field("x", Ty::String, false)]));
        let b = summary(&msg(Context::Response, vec![field("x", Ty::Bool, false)]));
        assert!(compare(&a, &b).unwrap_err().contains("field `x`"));
        let c = summary(&msg(Context::Response, vec![field("x", Ty::Int64, false)]));
        assert!(matches!(compare(&a, &c), Ok(Join::Identical)));
        let named = |n: &str| summary(&msg(Context::Response, vec![field("x", Ty::Named(n.into()), false)]));
        assert!(compare(&named("A"), &named("B")).is_err());
        // A clash is never a subset either.
        let ab = summary(&msg(
            Context::Response,
            vec![field("x", Ty::Bool, false), field("y", Ty::Bool, false)],
        ));
        assert!(matches!(relate(&ab, &a), Relation::Different(_)));
    }
}
