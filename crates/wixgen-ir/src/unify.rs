//! Merging: the listings of one type (a class decided by [`crate::identity`])
//! merged into one type.
//!
//! Listings are merged in page order (pages sorted by path, listings in page
//! order), into the first listing. The rules, chosen so that generated code
//! accepts whatever any of the pages says the server sends:
//!
//! * **Identical** listings merge silently; every listing is kept in `sources`.
//! * **The request and response views** of a type (the request view leaves
//!   out read-only fields) merge silently into the response view's fields.
//! * **Drift** (a listing with fields or enum values the others lack, used at
//!   the same place): the union is generated, in first-seen order, with a
//!   warning (`W112`, `W113`) naming both listings.
//! * **Same field, different types**: refinements merge silently (`string` with
//!   a timestamp or int64, an unknown array element with a known one, `integer`
//!   with int64); anything else is a conflict (`W110`) and the field becomes
//!   free-form JSON, which decodes what either page describes. (Identity keeps
//!   listings whose shared fields clash apart; this remains for a field whose
//!   references resolved to different types on different pages.)
//! * **ONE-OF member on one page, regular field on another** (`W111`): the
//!   field is generated as a regular optional field, outside the group. A
//!   group only forbids combinations, so dropping a member from it can never
//!   reject a response that the stricter listing allows, while keeping it in
//!   the group would reject responses the other page documents (both
//!   `memberId` and `contactId` set, for `IdentificationData`). A group that
//!   is left with one member, on any page, is the same as an optional field and
//!   is generated as one, without a warning.
//! * **Required**: a field (or ONE-OF group) is required when every listing
//!   found under method params says so; listings under return types only
//!   count when there are no request listings. The lenient choice: a builder
//!   never demands a value that one of the methods does not need.
//! * **read-only** is kept if any listing says so; validation rules are the
//!   union; docs come from the first listing that has them.

use crate::diag::{IrDiagnostic, codes, location};
use crate::draft::{Context, EnumDraft, FieldDraft, OneOfDraft, StructDraft, Ty, TypeDraft};
use crate::model::SourceRef;
use std::collections::HashSet;

/// How a listing joined its type (see [`crate::identity`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// The first listing of the type.
    First,
    /// Same fields or values as the type so far.
    Identical,
    /// The other view (request or response) of the type.
    View,
    /// The same type, listed with more or fewer fields or values on a page of another age.
    Drift,
}

impl Join {
    /// How the report words it.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Join::First | Join::Identical => "identical",
            Join::View => "request and response views",
            Join::Drift => "drift",
        }
    }
}

/// Merges `next` into `acc`, two listings of one type. Kinds always agree
/// (identity never puts an enum and a message together); if they did not,
/// `next` would be ignored.
pub(crate) fn merge(acc: &mut TypeDraft, next: TypeDraft, join: Join, diags: &mut Vec<IrDiagnostic>) {
    let warn = join == Join::Drift;
    match (acc, next) {
        (TypeDraft::Struct(a), TypeDraft::Struct(mut n)) => {
            if join == Join::View && a.context == Context::Request && n.context == Context::Response {
                // The response view shows every field: its order is the type's.
                let mut sources = a.sources.clone();
                sources.extend(n.sources.iter().cloned());
                std::mem::swap(a, &mut n);
                merge_struct(a, n, warn, diags);
                a.sources = sources;
            } else {
                merge_struct(a, n, warn, diags);
            }
        }
        (TypeDraft::Enum(a), TypeDraft::Enum(n)) => merge_enum(a, n, warn, diags),
        _ => {}
    }
}

/// Finishes a merged type: a one-member ONE-OF group becomes a field.
pub(crate) fn finish(t: &mut TypeDraft) {
    if let TypeDraft::Struct(s) = t {
        demote_single_member_groups(s);
    }
}

fn merge_enum(acc: &mut EnumDraft, next: EnumDraft, warn: bool, diags: &mut Vec<IrDiagnostic>) {
    let acc_names: HashSet<String> = acc.values.iter().map(|v| v.wire.clone()).collect();
    let next_names: HashSet<String> = next.values.iter().map(|v| v.wire.clone()).collect();
    let added: Vec<String> = next
        .values
        .iter()
        .filter(|v| !acc_names.contains(&v.wire))
        .map(|v| v.wire.clone())
        .collect();
    let missing: Vec<String> = acc
        .values
        .iter()
        .filter(|v| !next_names.contains(&v.wire))
        .map(|v| v.wire.clone())
        .collect();
    for v in next.values {
        match acc.values.iter_mut().find(|a| a.wire == v.wire) {
            Some(a) => {
                if a.description.is_none() {
                    a.description = v.description;
                }
            }
            None => acc.values.push(v),
        }
    }
    if warn
        && (!added.is_empty() || !missing.is_empty())
        && let (Some(here), Some(there)) = (next.sources.first(), acc.sources.first())
    {
        diags.push(
            IrDiagnostic::warning(
                codes::ENUM_DRIFT,
                here.clone(),
                format!(
                    "enum `{}` is listed with different values here and at {}{}; generating all of them",
                    acc.name,
                    location(there),
                    drift_detail(&added, &missing)
                ),
            )
            .with_related(there.clone(), "first listed here")
            .with_help("usually one page is older than the other; nothing to do unless a value is wrong"),
        );
    }
    acc.sources.extend(next.sources);
}

fn drift_detail(added: &[String], missing: &[String]) -> String {
    let list = |v: &[String]| v.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("only here: {}", list(added)));
    }
    if !missing.is_empty() {
        parts.push(format!("only there: {}", list(missing)));
    }
    format!(" ({})", parts.join("; "))
}

/// Where a wire name sits in a struct.
#[derive(Clone, Copy)]
enum Loc {
    Regular(usize),
    Member(usize, usize),
}

fn locate(s: &StructDraft, wire: &str) -> Option<Loc> {
    if let Some(i) = s.fields.iter().position(|f| f.wire_name == wire) {
        return Some(Loc::Regular(i));
    }
    s.one_ofs.iter().enumerate().find_map(|(g, group)| {
        group
            .members
            .iter()
            .position(|f| f.wire_name == wire)
            .map(|i| Loc::Member(g, i))
    })
}

fn all_wire_names(s: &StructDraft) -> Vec<String> {
    s.one_ofs
        .iter()
        .flat_map(|g| g.members.iter())
        .chain(s.fields.iter())
        .map(|f| f.wire_name.clone())
        .collect()
}

/// How `required` of two listings combines (see the module docs).
#[derive(Clone, Copy)]
enum ReqMode {
    And,
    KeepAcc,
    TakeNext,
}

impl ReqMode {
    fn of(acc: Context, next: Context) -> Self {
        match (acc, next) {
            (Context::Request, Context::Response) => ReqMode::KeepAcc,
            (Context::Response, Context::Request) => ReqMode::TakeNext,
            _ => ReqMode::And,
        }
    }

    fn combine(self, a: bool, b: bool) -> bool {
        match self {
            ReqMode::And => a && b,
            ReqMode::KeepAcc => a,
            ReqMode::TakeNext => b,
        }
    }
}

struct MergeCtx<'d> {
    type_name: String,
    mode: ReqMode,
    diags: &'d mut Vec<IrDiagnostic>,
}

fn merge_struct(acc: &mut StructDraft, next: StructDraft, warn: bool, diags: &mut Vec<IrDiagnostic>) {
    let before = all_wire_names(acc);
    let next_names: HashSet<String> = all_wire_names(&next).into_iter().collect();
    let mut cx = MergeCtx {
        type_name: acc.name.clone(),
        mode: ReqMode::of(acc.context, next.context),
        diags,
    };
    let mut added = Vec::new();

    for group in next.one_ofs {
        let target = group.members.iter().find_map(|m| match locate(acc, &m.wire_name) {
            Some(Loc::Member(g, _)) => Some(g),
            _ => None,
        });
        if let Some(g) = target {
            acc.one_ofs[g].required = cx.mode.combine(acc.one_ofs[g].required, group.required);
        }
        let group_len = group.members.len();
        let mut fresh = Vec::new();
        for m in group.members {
            match locate(acc, &m.wire_name) {
                Some(Loc::Member(g, i)) => merge_field(&mut acc.one_ofs[g].members[i], m, &mut cx),
                Some(Loc::Regular(i)) => {
                    if group_len > 1 {
                        one_of_conflict(&mut cx, &m.wire_name, &m.source, &acc.fields[i].source, true);
                    }
                    merge_field(&mut acc.fields[i], m, &mut cx);
                }
                None => {
                    added.push(m.wire_name.clone());
                    match target {
                        Some(g) => acc.one_ofs[g].members.push(m),
                        None => fresh.push(m),
                    }
                }
            }
        }
        if !fresh.is_empty() {
            acc.one_ofs.push(OneOfDraft {
                required: group.required,
                members: fresh,
                source: group.source,
            });
        }
    }

    for f in next.fields {
        match locate(acc, &f.wire_name) {
            Some(Loc::Regular(i)) => merge_field(&mut acc.fields[i], f, &mut cx),
            Some(Loc::Member(g, i)) => {
                if acc.one_ofs[g].members.len() > 1 {
                    one_of_conflict(
                        &mut cx,
                        &f.wire_name,
                        &acc.one_ofs[g].members[i].source,
                        &f.source,
                        false,
                    );
                }
                let mut member = acc.one_ofs[g].members.remove(i);
                member.required = false;
                merge_field(&mut member, f, &mut cx);
                acc.fields.push(member);
            }
            None => {
                added.push(f.wire_name.clone());
                acc.fields.push(f);
            }
        }
    }
    acc.one_ofs.retain(|g| !g.members.is_empty());

    let missing: Vec<String> = before.into_iter().filter(|n| !next_names.contains(n)).collect();
    if warn
        && (!added.is_empty() || !missing.is_empty())
        && let (Some(here), Some(there)) = (next.sources.first(), acc.sources.first())
    {
        cx.diags.push(
            IrDiagnostic::warning(
                codes::FIELD_DRIFT,
                here.clone(),
                format!(
                    "`{}` is listed with different fields here and at {}{}; generating all of them",
                    acc.name,
                    location(there),
                    drift_detail(&added, &missing)
                ),
            )
            .with_related(there.clone(), "first listed here")
            .with_help("usually one page is older than the other; nothing to do unless a field is wrong"),
        );
    }
    if next.context == Context::Request {
        acc.context = Context::Request;
    }
    acc.sources.extend(next.sources);
}

/// `wire` is a ONE-OF member at `member_at` and a regular field at
/// `regular_at`; the listing being merged in (`primary_is_member` or not) is
/// the primary place.
fn one_of_conflict(
    cx: &mut MergeCtx<'_>,
    wire: &str,
    member_at: &SourceRef,
    regular_at: &SourceRef,
    primary_is_member: bool,
) {
    let (primary, other, other_label) = if primary_is_member {
        (member_at, regular_at, "a regular field here")
    } else {
        (regular_at, member_at, "a ONE-OF member here")
    };
    cx.diags.push(
        IrDiagnostic::warning(
            codes::ONE_OF_CONFLICT,
            primary.clone(),
            format!(
                "field `{wire}` of `{}` is a ONE-OF member at {} but a regular field at {}; generated as a regular optional field outside the ONE-OF, so that responses setting it together with a member still decode",
                cx.type_name,
                location(member_at),
                location(regular_at),
            ),
        )
        .with_related(other.clone(), other_label)
        .with_help("the pages disagree; check which one is current, and report the other to Wix"),
    );
}

fn merge_field(acc: &mut FieldDraft, next: FieldDraft, cx: &mut MergeCtx<'_>) {
    let merged = merge_ty(&acc.ty, &next.ty);
    if merged.is_conflict() {
        cx.diags.push(
            IrDiagnostic::warning(
                codes::FIELD_TYPE_CONFLICT,
                next.source.clone(),
                format!(
                    "field `{}` of `{}` is `{}` here but `{}` at {}; generated as free-form JSON, which decodes either",
                    acc.wire_name,
                    cx.type_name,
                    next.ty.describe(),
                    acc.ty.describe(),
                    location(&acc.source)
                ),
            )
            .with_related(acc.source.clone(), "first listed here")
            .with_help("the pages disagree about the type; check which one is current, and report the other to Wix"),
        );
    }
    acc.ty = merged.into_ty();
    acc.required = cx.mode.combine(acc.required, next.required);
    acc.read_only |= next.read_only;
    for rule in next.validation {
        if !acc.validation.contains(&rule) {
            acc.validation.push(rule);
        }
    }
    if acc.docs.description.is_empty() {
        acc.docs.description = next.docs.description;
    }
    acc.docs.deprecated |= next.docs.deprecated;
}

/// Two listings' types of one field, merged.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MergedTy {
    /// Equal, or one refines the other: the more precise of the two.
    Compatible(Ty),
    /// In real conflict: free-form JSON (an array of it, for arrays whose
    /// elements conflict), which decodes what either says.
    Conflict(Ty),
}

impl MergedTy {
    /// The type to generate.
    pub(crate) fn into_ty(self) -> Ty {
        match self {
            MergedTy::Compatible(t) | MergedTy::Conflict(t) => t,
        }
    }

    pub(crate) fn is_conflict(&self) -> bool {
        matches!(self, MergedTy::Conflict(_))
    }
}

/// The merged type of two listings of one field.
pub(crate) fn merge_ty(a: &Ty, b: &Ty) -> MergedTy {
    if a == b {
        return MergedTy::Compatible(a.clone());
    }
    match (a, b) {
        (Ty::Unknown, x) | (x, Ty::Unknown) => MergedTy::Compatible(x.clone()),
        (Ty::Array(x), Ty::Array(y)) => match merge_ty(x, y) {
            MergedTy::Compatible(t) => MergedTy::Compatible(Ty::Array(Box::new(t))),
            MergedTy::Conflict(t) => MergedTy::Conflict(Ty::Array(Box::new(t))),
        },
        (Ty::String, Ty::Timestamp) | (Ty::Timestamp, Ty::String) => MergedTy::Compatible(Ty::Timestamp),
        (Ty::String | Ty::Int32, Ty::Int64) | (Ty::Int64, Ty::String | Ty::Int32) => MergedTy::Compatible(Ty::Int64),
        _ => MergedTy::Conflict(Ty::Json),
    }
}

/// A one-member group is an optional field: generate it as one (a required
/// group becomes a required field). Placed before the regular fields, where
/// the page prints groups.
fn demote_single_member_groups(s: &mut StructDraft) {
    let mut demoted = Vec::new();
    s.one_ofs.retain_mut(|g| {
        if g.members.len() == 1 {
            if let Some(mut m) = g.members.pop() {
                m.required = g.required;
                demoted.push(m);
            }
            false
        } else {
            !g.members.is_empty()
        }
    });
    if !demoted.is_empty() {
        demoted.append(&mut s.fields);
        s.fields = demoted;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Docs;
    use std::collections::BTreeMap;
    use wixgen_schema::Span;

    /// Merges listings of the same name as drift (the rules above, warnings on).
    fn unify(drafts: Vec<TypeDraft>, diags: &mut Vec<IrDiagnostic>) -> BTreeMap<String, TypeDraft> {
        let mut table: BTreeMap<String, TypeDraft> = BTreeMap::new();
        for d in drafts {
            match table.get_mut(d.name()) {
                None => {
                    table.insert(d.name().to_string(), d);
                }
                Some(acc) => merge(acc, d, Join::Drift, diags),
            }
        }
        table.values_mut().for_each(finish);
        table
    }

    fn at(page: &str, line: u32) -> SourceRef {
        SourceRef {
            page: page.into(),
            span: Span {
                line,
                column: 1,
                offset: 0,
                len: 0,
            },
        }
    }

    fn field(name: &str, ty: Ty, page: &str, line: u32) -> FieldDraft {
        FieldDraft {
            wire_name: name.into(),
            ty,
            required: false,
            read_only: false,
            validation: vec![],
            docs: Docs::default(),
            source: at(page, line),
            listing: None,
        }
    }

    fn st(name: &str, page: &str, one_ofs: Vec<Vec<FieldDraft>>, fields: Vec<FieldDraft>) -> TypeDraft {
        TypeDraft::Struct(StructDraft {
            name: name.into(),
            one_ofs: one_ofs
                .into_iter()
                .map(|members| OneOfDraft {
                    required: false,
                    members,
                    source: at(page, 1),
                })
                .collect(),
            fields,
            context: Context::Response,
            sources: vec![at(page, 1)],
        })
    }

    #[test]
    fn merge_ty_rules() {
        let arr = |t: Ty| Ty::Array(Box::new(t));
        use MergedTy::{Compatible, Conflict};
        assert_eq!(merge_ty(&Ty::String, &Ty::String), Compatible(Ty::String));
        assert_eq!(
            merge_ty(&arr(Ty::Unknown), &arr(Ty::String)),
            Compatible(arr(Ty::String))
        );
        assert_eq!(merge_ty(&Ty::String, &Ty::Timestamp), Compatible(Ty::Timestamp));
        assert_eq!(merge_ty(&Ty::Int32, &Ty::Int64), Compatible(Ty::Int64));
        assert_eq!(merge_ty(&Ty::String, &Ty::Bool), Conflict(Ty::Json));
        assert_eq!(
            merge_ty(&Ty::Named("A".into()), &Ty::Named("B".into())),
            Conflict(Ty::Json)
        );
        assert_eq!(merge_ty(&arr(Ty::String), &arr(Ty::Bool)), Conflict(arr(Ty::Json)));
    }

    #[test]
    fn identical_listings_merge_silently() {
        let a = st("T", "a.md", vec![], vec![field("x", Ty::String, "a.md", 2)]);
        let b = st("T", "b.md", vec![], vec![field("x", Ty::String, "b.md", 2)]);
        let mut diags = vec![];
        let table = unify(vec![a, b], &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        let TypeDraft::Struct(t) = &table["T"] else { panic!() };
        assert_eq!(t.sources.len(), 2);
        assert_eq!(t.fields.len(), 1);
    }

    #[test]
    fn drift_is_the_union_with_a_warning() {
        let a = st("T", "a.md", vec![], vec![field("x", Ty::String, "a.md", 2)]);
        let b = st(
            "T",
            "b.md",
            vec![],
            vec![field("y", Ty::Bool, "b.md", 3), field("x", Ty::String, "b.md", 2)],
        );
        let mut diags = vec![];
        let table = unify(vec![a, b], &mut diags);
        let TypeDraft::Struct(t) = &table["T"] else { panic!() };
        let names: Vec<_> = t.fields.iter().map(|f| f.wire_name.as_str()).collect();
        assert_eq!(names, ["x", "y"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, codes::FIELD_DRIFT);
        assert!(diags[0].message.contains("only here: `y`"), "{}", diags[0].message);
    }

    #[test]
    fn type_conflict_becomes_json_and_names_both_places() {
        let a = st("T", "a.md", vec![], vec![field("x", Ty::String, "a.md", 2)]);
        let b = st("T", "b.md", vec![], vec![field("x", Ty::Bool, "b.md", 7)]);
        let mut diags = vec![];
        let table = unify(vec![a, b], &mut diags);
        let TypeDraft::Struct(t) = &table["T"] else { panic!() };
        assert_eq!(t.fields[0].ty, Ty::Json);
        assert_eq!(diags.len(), 1);
        let line = diags[0].one_line();
        assert!(line.starts_with("b.md:7:1: warning[W110]"), "{line}");
        assert!(line.contains("a.md:2:1"), "{line}");
    }

    #[test]
    fn one_of_member_versus_regular_field_becomes_regular() {
        // a.md: ONE-OF {p, q, r}; b.md: ONE-OF {p, q} + regular r
        let a = st(
            "Id",
            "a.md",
            vec![vec![
                field("p", Ty::String, "a.md", 2),
                field("q", Ty::String, "a.md", 3),
                field("r", Ty::String, "a.md", 4),
            ]],
            vec![],
        );
        let b = st(
            "Id",
            "b.md",
            vec![vec![
                field("p", Ty::String, "b.md", 2),
                field("q", Ty::String, "b.md", 3),
            ]],
            vec![field("r", Ty::String, "b.md", 5)],
        );
        for order in [vec![a.clone(), b.clone()], vec![b, a]] {
            let mut diags = vec![];
            let table = unify(order, &mut diags);
            let TypeDraft::Struct(t) = &table["Id"] else { panic!() };
            assert_eq!(t.one_ofs.len(), 1);
            let members: Vec<_> = t.one_ofs[0].members.iter().map(|f| f.wire_name.as_str()).collect();
            assert_eq!(members, ["p", "q"]);
            assert_eq!(t.fields.len(), 1);
            assert_eq!(t.fields[0].wire_name, "r");
            let conflicts: Vec<_> = diags.iter().filter(|d| d.code == codes::ONE_OF_CONFLICT).collect();
            assert_eq!(conflicts.len(), 1, "{diags:?}");
            let line = conflicts[0].one_line();
            assert!(line.contains("a.md:4:1") && line.contains("b.md:5:1"), "{line}");
        }
    }

    #[test]
    fn single_member_groups_become_fields_without_warning() {
        let mut a = st(
            "Q",
            "a.md",
            vec![vec![field("cursorPaging", Ty::Named("CP".into()), "a.md", 2)]],
            vec![field("filter", Ty::Json, "a.md", 3)],
        );
        if let TypeDraft::Struct(s) = &mut a {
            s.one_ofs[0].required = true;
        }
        let b = st(
            "Q",
            "b.md",
            vec![],
            vec![
                field("cursorPaging", Ty::Named("CP".into()), "b.md", 2),
                field("filter", Ty::Json, "b.md", 3),
            ],
        );
        let mut diags = vec![];
        let table = unify(vec![a, b], &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        let TypeDraft::Struct(t) = &table["Q"] else { panic!() };
        assert!(t.one_ofs.is_empty());
        let names: Vec<_> = t.fields.iter().map(|f| f.wire_name.as_str()).collect();
        assert_eq!(names, ["filter", "cursorPaging"]);
    }

    #[test]
    fn required_is_lenient_across_request_listings() {
        let mk = |page: &str, req: bool, ctx: Context| {
            let mut f = field("x", Ty::String, page, 2);
            f.required = req;
            TypeDraft::Struct(StructDraft {
                name: "T".into(),
                one_ofs: vec![],
                fields: vec![f],
                context: ctx,
                sources: vec![at(page, 1)],
            })
        };
        let req = |t: &TypeDraft| match t {
            TypeDraft::Struct(s) => s.fields[0].required,
            TypeDraft::Enum(_) => unreachable!(),
        };
        let mut d = vec![];
        assert!(!req(&unify(
            vec![mk("a", true, Context::Request), mk("b", false, Context::Request)],
            &mut d
        )["T"]));
        assert!(req(&unify(
            vec![mk("a", true, Context::Request), mk("b", false, Context::Response)],
            &mut d
        )["T"]));
        assert!(req(&unify(
            vec![mk("a", false, Context::Response), mk("b", true, Context::Request)],
            &mut d
        )["T"]));
    }

    #[test]
    fn enums_merge_to_the_union() {
        use crate::draft::ValueDraft;
        let e = |page: &str, vals: &[&str]| {
            TypeDraft::Enum(EnumDraft {
                name: "E".into(),
                values: vals
                    .iter()
                    .map(|v| ValueDraft {
                        wire: (*v).into(),
                        description: None,
                    })
                    .collect(),
                sources: vec![at(page, 1)],
            })
        };
        let mut diags = vec![];
        let table = unify(
            vec![e("a", &["A", "B"]), e("b", &["A", "B", "C"]), e("c", &["B", "A"])],
            &mut diags,
        );
        let TypeDraft::Enum(t) = &table["E"] else { panic!() };
        let vals: Vec<_> = t.values.iter().map(|v| v.wire.as_str()).collect();
        assert_eq!(vals, ["A", "B", "C"]);
        assert_eq!(t.sources.len(), 3);
        assert_eq!(diags.iter().filter(|d| d.code == codes::ENUM_DRIFT).count(), 2);
    }
}
