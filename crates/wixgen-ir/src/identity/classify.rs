//! Step 1 of type identity: which listings of a package are one class (see
//! the parent module for the rules).

use super::class::{Class, ClassId, ClassOf, ListingIx, PageIx, SetApart, all_fields};
use crate::draft::{Context, PageDraft, Ty, TypeDraft};
use crate::unify::{self, Join};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
                    *t = unify::merge_ty(t, &ty).into_ty();
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
            && unify::merge_ty(cty, ty).is_conflict()
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
fn listing_uses(pages: &[PageDraft]) -> HashMap<(PageIx, ListingIx), BTreeSet<(String, String)>> {
    let mut uses: HashMap<(PageIx, ListingIx), BTreeSet<(String, String)>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        let p = PageIx(p);
        for t in &page.types {
            if let TypeDraft::Struct(s) = t {
                for f in all_fields(s) {
                    if let Some(j) = f.listing {
                        uses.entry((p, ListingIx(j)))
                            .or_default()
                            .insert((s.name.clone(), f.wire_name.clone()));
                    }
                }
            }
        }
        let m = &page.method;
        for (_, f) in &m.params {
            if let Some(j) = f.listing {
                uses.entry((p, ListingIx(j)))
                    .or_default()
                    .insert((format!("{}Request", m.name), f.wire_name.clone()));
            }
        }
        if let Some(j) = m.response_listing {
            uses.entry((p, ListingIx(j)))
                .or_default()
                .insert(("<response>".into(), m.name.clone()));
        }
    }
    uses
}

/// Step 1: the classes, each listing in exactly one, with their keys.
pub(super) fn classify(pages: &[PageDraft]) -> (Vec<Class>, ClassOf) {
    let mut uses = listing_uses(pages);
    let mut classes: Vec<Class> = Vec::new();
    let mut summaries: Vec<Summary> = Vec::new();
    let mut by_short: HashMap<String, Vec<usize>> = HashMap::new();
    let mut class_of: ClassOf = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        let p = PageIx(p);
        for (j, t) in page.types.iter().enumerate() {
            let j = ListingIx(j);
            let summary = Summary::of(t, uses.remove(&(p, j)).unwrap_or_default());
            let candidates = by_short.entry(t.name().to_string()).or_default();
            // How it differs from the first class of its name (none: it is the first).
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
                    class_of.insert((p, j), ClassId(c));
                }
                None => {
                    let id = classes.len();
                    candidates.push(id);
                    classes.push(Class {
                        key: String::new(),
                        short: t.name().to_string(),
                        is_enum: matches!(t, TypeDraft::Enum(_)),
                        listings: vec![(p, j, Join::First)],
                        reason: first_reason.map_or(SetApart::First, SetApart::Differs),
                        owners: BTreeSet::new(),
                        listed_under: BTreeSet::new(),
                    });
                    summaries.push(summary);
                    class_of.insert((p, j), ClassId(id));
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
fn merge_drift(classes: Vec<Class>, summaries: Vec<Summary>, class_of: ClassOf) -> (Vec<Class>, ClassOf) {
    let n = classes.len();
    let pages_of: Vec<BTreeSet<PageIx>> = classes
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
            new_id.insert(ClassId(id), ClassId(out.len()));
        }
        out.push(base);
    }
    // Keep the first-listed order of classes (what the report shows).
    let class_of = class_of.into_iter().map(|(k, v)| (k, new_id[&v])).collect();
    (out, class_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{EnumDraft, FieldDraft, StructDraft, ValueDraft};
    use crate::model::{Docs, SourceRef};
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
