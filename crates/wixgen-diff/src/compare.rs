//! Walking two IRs side by side and applying the rules of [`crate`].

use crate::report::{Action, Change, Kind, Place};
use std::collections::{BTreeMap, BTreeSet};
use wixgen_ir::model::{Api, EnumType, Field, Method, NamedType, OneOfGroup, Package, StructType, TypeRef};
use wixgen_ir::sides::{Side, Sides};

pub(crate) fn diff(old: &Api, new: &Api) -> Vec<Change> {
    let mut out = Out::default();
    let olds: BTreeMap<&str, &Package> = old.packages.iter().map(|p| (p.name.as_str(), p)).collect();
    let news: BTreeMap<&str, &Package> = new.packages.iter().map(|p| (p.name.as_str(), p)).collect();
    for name in keys(&olds, &news) {
        match (olds.get(name), news.get(name)) {
            (Some(_), None) => out.push(
                Kind::Package,
                Action::Removed,
                true,
                Place::package(name),
                "its module, Cargo feature, methods and types are gone".to_owned(),
            ),
            (None, Some(_)) => out.push(
                Kind::Package,
                Action::Added,
                false,
                Place::package(name),
                "a new module behind a new Cargo feature".to_owned(),
            ),
            (Some(o), Some(n)) => package(&mut out, o, n),
            (None, None) => {}
        }
    }
    out.changes
}

#[derive(Default)]
struct Out {
    changes: Vec<Change>,
}

impl Out {
    fn push(&mut self, kind: Kind, action: Action, breaking: bool, place: Place, why: String) {
        self.changes.push(Change {
            kind,
            action,
            breaking,
            place,
            why,
        });
    }
}

/// The union of two maps' keys, sorted.
fn keys<K: Ord + Copy, A, B>(a: &BTreeMap<K, A>, b: &BTreeMap<K, B>) -> Vec<K> {
    let mut all: BTreeSet<K> = a.keys().copied().collect();
    all.extend(b.keys().copied());
    all.into_iter().collect()
}

/// A type as the report writes it.
pub(crate) fn type_text(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "string".to_owned(),
        TypeRef::Int32 => "int32".to_owned(),
        TypeRef::Int64 => "int64".to_owned(),
        TypeRef::Float64 => "number".to_owned(),
        TypeRef::Bool => "boolean".to_owned(),
        TypeRef::Timestamp => "timestamp".to_owned(),
        TypeRef::Json => "object".to_owned(),
        TypeRef::Array(inner) => format!("array<{}>", type_text(inner)),
        TypeRef::Named(n) => n.clone(),
    }
}

fn package(out: &mut Out, o: &Package, n: &Package) {
    let pkg = o.name.as_str();
    let (om, nm) = (method_map(o), method_map(n));
    for key in keys(&om, &nm) {
        let place = Place::member(pkg, key.0, key.1);
        match (om.get(&key), nm.get(&key)) {
            (Some(_), None) => out.push(
                Kind::Method,
                Action::Removed,
                true,
                place,
                "the method and its request type are gone".to_owned(),
            ),
            (None, Some(_)) => out.push(
                Kind::Method,
                Action::Added,
                false,
                place,
                "a new method on the service client".to_owned(),
            ),
            (Some(a), Some(b)) => method(out, pkg, key.0, a, b),
            (None, None) => {}
        }
    }

    let (os, ns) = (Sides::of(o), Sides::of(n));
    let (ot, nt) = (type_map(o), type_map(n));
    for name in keys(&ot, &nt) {
        let place = Place::item(pkg, name);
        match (ot.get(name), nt.get(name)) {
            (Some(_), None) => out.push(
                Kind::Type,
                Action::Removed,
                true,
                place,
                "the type is gone (or renamed)".to_owned(),
            ),
            (None, Some(_)) => out.push(Kind::Type, Action::Added, false, place, "a new type".to_owned()),
            (Some(NamedType::Struct(a)), Some(NamedType::Struct(b))) => {
                structure(out, pkg, a, b, os.side(a), ns.side(b));
            }
            (Some(NamedType::Enum(a)), Some(NamedType::Enum(b))) => enumeration(out, pkg, a, b),
            (Some(a), Some(_)) => {
                let was = if matches!(a, NamedType::Struct(_)) {
                    "a struct, now an enum"
                } else {
                    "an enum, now a struct"
                };
                out.push(Kind::Type, Action::Changed, true, place, format!("was {was}"));
            }
            (None, None) => {}
        }
    }
}

fn method_map(p: &Package) -> BTreeMap<(&str, &str), &Method> {
    p.services
        .iter()
        .flat_map(|s| s.methods.iter().map(move |m| ((s.name.as_str(), m.name.as_str()), m)))
        .collect()
}

fn type_map(p: &Package) -> BTreeMap<&str, &NamedType> {
    p.types.iter().map(|t| (t.rust_name(), t)).collect()
}

fn field_map(s: &StructType) -> BTreeMap<&str, &Field> {
    s.fields.iter().map(|f| (f.wire_name.as_str(), f)).collect()
}

/// Where a param is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loc {
    Path,
    Query,
    Body,
}

impl Loc {
    fn label(self) -> &'static str {
        match self {
            Loc::Path => "in the URL path",
            Loc::Query => "in the query string",
            Loc::Body => "in the JSON body",
        }
    }
}

/// A param is an argument of the request's `new` when it fills the path, or is required and not
/// read-only.
fn param_in_new(loc: Loc, f: &Field) -> bool {
    loc == Loc::Path || (f.required && !f.read_only)
}

/// A field is an argument of `new` (on a built type) when it is required and not read-only.
fn field_in_new(f: &Field) -> bool {
    f.required && !f.read_only
}

fn params(m: &Method) -> BTreeMap<&str, (Loc, &Field)> {
    let mut out = BTreeMap::new();
    for (loc, list) in [
        (Loc::Body, &m.body_params),
        (Loc::Query, &m.query_params),
        (Loc::Path, &m.path_params),
    ] {
        for f in list {
            out.insert(f.wire_name.as_str(), (loc, f));
        }
    }
    out
}

fn method(out: &mut Out, pkg: &str, service: &str, o: &Method, n: &Method) {
    let here = || Place::member(pkg, service, &n.name);
    let owner = format!("{service}.{}", n.name);
    if o.http_method != n.http_method || o.url != n.url {
        out.push(
            Kind::Method,
            Action::Changed,
            false,
            here(),
            format!(
                "now {} {} (was {} {}); calls compile unchanged",
                verb(n),
                n.url,
                verb(o),
                o.url
            ),
        );
    }
    if o.request_rust_name != n.request_rust_name {
        out.push(
            Kind::Type,
            Action::Changed,
            true,
            here(),
            format!(
                "the request type is now `{}` (was `{}`)",
                n.request_rust_name, o.request_rust_name
            ),
        );
    }
    if o.response != n.response {
        let text = |r: &Option<TypeRef>| {
            r.as_ref()
                .map_or("nothing".to_owned(), |t| format!("`{}`", type_text(t)))
        };
        out.push(
            Kind::Type,
            Action::Changed,
            true,
            here(),
            format!("returns {} (was {})", text(&n.response), text(&o.response)),
        );
    }
    match (o.pagination.is_some(), n.pagination.is_some()) {
        (true, false) => out.push(
            Kind::Method,
            Action::Changed,
            true,
            here(),
            format!("no longer paginated: `{}_stream` is gone", o.rust_name),
        ),
        (false, true) => out.push(
            Kind::Method,
            Action::Changed,
            false,
            here(),
            format!("now paginated: a new `{}_stream` method", n.rust_name),
        ),
        _ => {}
    }

    let req = &n.request_rust_name;
    let (op, np) = (params(o), params(n));
    for name in keys(&op, &np) {
        let place = Place::member(pkg, &owner, name);
        match (op.get(name), np.get(name)) {
            (Some(_), None) => out.push(
                Kind::Param,
                Action::Removed,
                true,
                place,
                format!("its `{req}` field and setter are gone"),
            ),
            (None, Some((loc, f))) => {
                if param_in_new(*loc, f) {
                    out.push(
                        Kind::Param,
                        Action::Added,
                        true,
                        place,
                        format!("required: a new argument of `{req}::new`"),
                    );
                } else {
                    out.push(
                        Kind::Param,
                        Action::Added,
                        false,
                        place,
                        format!(
                            "optional: a new `with_{}` setter on `{req}`",
                            f.rust_name.trim_start_matches("r#")
                        ),
                    );
                }
            }
            (Some((ol, of)), Some((nl, nf))) => {
                if of.ty != nf.ty {
                    out.push(
                        Kind::Type,
                        Action::Changed,
                        true,
                        place.clone(),
                        format!("now `{}` (was `{}`)", type_text(&nf.ty), type_text(&of.ty)),
                    );
                }
                let (was, now) = (param_in_new(*ol, of), param_in_new(*nl, nf));
                if was != now {
                    out.push(
                        Kind::Required,
                        Action::Changed,
                        true,
                        place.clone(),
                        requiredness(now, req),
                    );
                } else if ol != nl {
                    out.push(
                        Kind::Param,
                        Action::Changed,
                        false,
                        place,
                        format!("sent {} now (was {}); calls compile unchanged", nl.label(), ol.label()),
                    );
                }
            }
            (None, None) => {}
        }
    }
}

/// Why a change of required-ness on a built type breaks.
fn requiredness(now_required: bool, owner: &str) -> String {
    if now_required {
        format!("now required: `{owner}::new` takes it as an argument")
    } else {
        format!("now optional: it leaves `{owner}::new` for a `with_*` setter")
    }
}

/// `GET`, `POST`, ... (the IR's verbs print as `Get` with `Debug`).
fn verb(m: &Method) -> String {
    format!("{:?}", m.http_method).to_uppercase()
}

fn side_text(side: Side) -> &'static str {
    match side {
        Side::Request => "built in requests",
        Side::Both => "built in requests and decoded from responses",
        Side::Response => "returned in responses only",
    }
}

fn structure(out: &mut Out, pkg: &str, o: &StructType, n: &StructType, os: Side, ns: Side) {
    let name = n.rust_name.as_str();
    if os != ns {
        let required_group = o.one_ofs.iter().chain(&n.one_ofs).any(|g| g.required);
        let breaking = os.builds() != ns.builds() || required_group;
        let what = match (os.builds(), ns.builds()) {
            (false, true) => "`new` and `with_*` setters replace its all-optional fields",
            (true, false) => "`new` and its setters are gone; every field is optional",
            _ if required_group => "its required ONE-OF is now held in an `Option`, or no longer is",
            _ => "its fields and constructors stay as they are",
        };
        out.push(
            Kind::Type,
            Action::Changed,
            breaking,
            Place::item(pkg, name),
            format!("now {} (was {}): {what}", side_text(ns), side_text(os)),
        );
    }
    let built = os.builds() || ns.builds();

    let (of, nf) = (field_map(o), field_map(n));
    for wire in keys(&of, &nf) {
        let place = Place::member(pkg, name, wire);
        match (of.get(wire), nf.get(wire)) {
            (Some(_), None) => out.push(
                Kind::Field,
                Action::Removed,
                true,
                place,
                "code that reads or sets the field no longer compiles".to_owned(),
            ),
            (None, Some(f)) => {
                if ns.builds() && field_in_new(f) {
                    out.push(
                        Kind::Field,
                        Action::Added,
                        true,
                        place,
                        format!("required: a new argument of `{name}::new`"),
                    );
                } else if ns.builds() {
                    out.push(
                        Kind::Field,
                        Action::Added,
                        false,
                        place,
                        "optional: a new `Option` field and `with_*` setter (the struct is #[non_exhaustive])"
                            .to_owned(),
                    );
                } else {
                    out.push(
                        Kind::Field,
                        Action::Added,
                        false,
                        place,
                        "a new optional field of a response-only type (the struct is #[non_exhaustive])".to_owned(),
                    );
                }
            }
            (Some(a), Some(b)) => field_pair(out, place, name, a, b, built),
            (None, None) => {}
        }
    }
    one_ofs(out, pkg, name, &o.one_ofs, &n.one_ofs, ns, built);
}

fn field_pair(out: &mut Out, place: Place, owner: &str, a: &Field, b: &Field, built: bool) {
    if a.ty != b.ty {
        out.push(
            Kind::Type,
            Action::Changed,
            true,
            place.clone(),
            format!("now `{}` (was `{}`)", type_text(&b.ty), type_text(&a.ty)),
        );
    }
    let (was, now) = (field_in_new(a), field_in_new(b));
    if was != now {
        if built {
            out.push(Kind::Required, Action::Changed, true, place, requiredness(now, owner));
        } else {
            out.push(
                Kind::Required,
                Action::Changed,
                false,
                place,
                format!(
                    "now {} on a response-only type, where every field is optional",
                    if now { "required" } else { "optional" }
                ),
            );
        }
    }
}

fn member_names(g: &OneOfGroup) -> BTreeSet<&str> {
    g.members.iter().map(|m| m.wire_name.as_str()).collect()
}

/// Pair old and new ONE-OF groups by shared members (most shared first).
fn pair_groups<'a>(o: &'a [OneOfGroup], n: &'a [OneOfGroup]) -> Vec<(Option<&'a OneOfGroup>, Option<&'a OneOfGroup>)> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (i, a) in o.iter().enumerate() {
        for (j, b) in n.iter().enumerate() {
            let shared = member_names(a).intersection(&member_names(b)).count();
            if shared > 0 {
                candidates.push((shared, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_o, mut used_n) = (BTreeSet::new(), BTreeSet::new());
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if used_o.contains(&i) || used_n.contains(&j) {
            continue;
        }
        used_o.insert(i);
        used_n.insert(j);
        pairs.push((Some(&o[i]), Some(&n[j])));
    }
    for (i, a) in o.iter().enumerate() {
        if !used_o.contains(&i) {
            pairs.push((Some(a), None));
        }
    }
    for (j, b) in n.iter().enumerate() {
        if !used_n.contains(&j) {
            pairs.push((None, Some(b)));
        }
    }
    pairs
}

fn group_label(g: &OneOfGroup) -> String {
    let names: Vec<&str> = g.members.iter().map(|m| m.wire_name.as_str()).collect();
    format!("ONE-OF ({})", names.join(", "))
}

fn one_ofs(out: &mut Out, pkg: &str, owner: &str, o: &[OneOfGroup], n: &[OneOfGroup], ns: Side, built: bool) {
    for pair in pair_groups(o, n) {
        match pair {
            (Some(a), None) => {
                for m in &a.members {
                    out.push(
                        Kind::OneOfMember,
                        Action::Removed,
                        true,
                        Place::member(pkg, owner, m.wire_name.as_str()),
                        "its ONE-OF group is gone: code that sets or reads the member no longer compiles".to_owned(),
                    );
                }
            }
            (None, Some(b)) => {
                let breaking = ns.builds() && b.required;
                for m in &b.members {
                    let why = if breaking {
                        format!("in a new required ONE-OF group: a new argument of `{owner}::new`")
                    } else {
                        "in a new optional ONE-OF group".to_owned()
                    };
                    out.push(
                        Kind::OneOfMember,
                        Action::Added,
                        breaking,
                        Place::member(pkg, owner, m.wire_name.as_str()),
                        why,
                    );
                }
            }
            (Some(a), Some(b)) => {
                let am: BTreeMap<&str, &Field> = a.members.iter().map(|m| (m.wire_name.as_str(), m)).collect();
                let bm: BTreeMap<&str, &Field> = b.members.iter().map(|m| (m.wire_name.as_str(), m)).collect();
                for wire in keys(&am, &bm) {
                    let place = Place::member(pkg, owner, wire);
                    match (am.get(wire), bm.get(wire)) {
                        (Some(_), None) => out.push(
                            Kind::OneOfMember,
                            Action::Removed,
                            true,
                            place,
                            "code that sets or reads the member no longer compiles".to_owned(),
                        ),
                        (None, Some(_)) => out.push(
                            Kind::OneOfMember,
                            Action::Added,
                            false,
                            place,
                            if ns.builds() {
                                format!("a new variant of `{}` (the enum is #[non_exhaustive])", b.rust_name)
                            } else {
                                "a new optional field of a response-only type".to_owned()
                            },
                        ),
                        (Some(x), Some(y)) if x.ty != y.ty => out.push(
                            Kind::Type,
                            Action::Changed,
                            true,
                            place,
                            format!("now `{}` (was `{}`)", type_text(&y.ty), type_text(&x.ty)),
                        ),
                        _ => {}
                    }
                }
                if a.rust_name != b.rust_name {
                    out.push(
                        Kind::Type,
                        Action::Changed,
                        true,
                        Place::member(pkg, owner, group_label(b)),
                        format!("the ONE-OF enum is now `{}` (was `{}`)", b.rust_name, a.rust_name),
                    );
                }
                if a.required != b.required {
                    let place = Place::member(pkg, owner, group_label(b));
                    if built {
                        out.push(
                            Kind::Required,
                            Action::Changed,
                            true,
                            place,
                            requiredness(b.required, owner),
                        );
                    } else {
                        out.push(
                            Kind::Required,
                            Action::Changed,
                            false,
                            place,
                            format!(
                                "now {} on a response-only type, where every member is optional",
                                if b.required { "required" } else { "optional" }
                            ),
                        );
                    }
                }
            }
            (None, None) => {}
        }
    }
}

fn enumeration(out: &mut Out, pkg: &str, o: &EnumType, n: &EnumType) {
    let ov: BTreeSet<&str> = o.variants.iter().map(|v| v.wire_name.as_str()).collect();
    let nv: BTreeSet<&str> = n.variants.iter().map(|v| v.wire_name.as_str()).collect();
    for v in ov.union(&nv) {
        let place = Place::member(pkg, n.rust_name.as_str(), *v);
        match (ov.contains(v), nv.contains(v)) {
            (true, false) => out.push(
                Kind::EnumValue,
                Action::Removed,
                true,
                place,
                "code that names the variant no longer compiles (the value still decodes as `Unknown`)".to_owned(),
            ),
            (false, true) => out.push(
                Kind::EnumValue,
                Action::Added,
                false,
                place,
                "enums are open and #[non_exhaustive]".to_owned(),
            ),
            _ => {}
        }
    }
}
