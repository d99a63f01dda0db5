//! Resolving what indentation alone cannot (FORMAT.md, "Nesting"), with the
//! type knowledge of the whole page and of the [`TypeKnowledge`] given.
//!
//! 1. Under `param name:`, the last ONE-OF member's children and the param
//!    type's own fields sit at the same indentation. Fields known to belong
//!    to the param's type (or known not to belong to the member's type) are
//!    moved out of the member; when nothing decides, a warning says so.
//! 2. A message type is listed with its fields only once per block; later
//!    fields of that type point at the listing (`Field::listed_at`).

use crate::diag::Diagnostic;
use crate::knowledge::TypeKnowledge;
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// Field names per type name, as listed on this page, REST first.
type Listings = BTreeMap<String, BTreeSet<String>>;

/// Where each type is listed, and the ordinal of that listing among the
/// nodes [`gather_types`] offers.
type Listed = BTreeMap<String, (Span, usize)>;

/// Type knowledge as nesting resolution asks it, remembering whether it was
/// asked at all: a page that never asks resolves the same with any knowledge.
struct Lookup<'k> {
    knowledge: &'k TypeKnowledge,
    asked: std::cell::Cell<bool>,
}

impl Lookup<'_> {
    fn fields_in(&self, package: Option<&str>, name: &str) -> Option<&BTreeSet<String>> {
        self.asked.set(true);
        self.knowledge.fields_in(package, name)
    }

    fn fields(&self, name: &str) -> Option<&BTreeSet<String>> {
        self.asked.set(true);
        self.knowledge.fields(name)
    }
}

/// Resolves the page's nesting; returns whether `knowledge` was consulted
/// (when it was not, any other knowledge would give the same page).
pub(crate) fn resolve(page: &mut Page, knowledge: &TypeKnowledge, diags: &mut Vec<Diagnostic>) -> bool {
    let knowledge = &Lookup {
        knowledge,
        asked: std::cell::Cell::new(false),
    };
    // Listings not under suspicion: everything but the trailing member of each param.
    let package = page.package.as_ref().map(|p| p.value.trim().to_owned());
    let mut listings = Listings::new();
    // Only a param whose trailing member is ambiguous asks for the listings.
    let ambiguous = [&page.rest, &page.sdk]
        .into_iter()
        .flatten()
        .filter_map(|s| s.schema.as_ref())
        .any(|b| b.params.iter().any(|p| trailing_member_index(p).is_some()));
    for section in [&page.rest, &page.sdk].into_iter().flatten().filter(|_| ambiguous) {
        let Some(block) = &section.schema else { continue };
        for param in &block.params {
            let trailing = trailing_member_index(param);
            for (i, m) in param.members.iter().enumerate() {
                if Some(i) == trailing.map(|(g, _)| g) {
                    if let (Member::OneOf(g), Some((_, last))) = (m, trailing) {
                        for (j, f) in g.members.iter().enumerate() {
                            if j != last {
                                collect_field(f, &mut listings);
                            }
                        }
                    }
                    continue;
                }
                collect_member(m, &mut listings);
            }
        }
        if let Some(rt) = &block.return_type {
            if let Some(name) = rt.ty.as_ref().and_then(|t| t.value.named()) {
                add_listing(&mut listings, name, &rt.members);
            }
            rt.members.iter().for_each(|m| collect_member(m, &mut listings));
        }
    }

    // Members whose fields stayed undecided: their listing is not knowledge.
    let mut undecided = BTreeSet::new();
    for section in [&mut page.rest, &mut page.sdk].into_iter().flatten() {
        let Some(block) = &mut section.schema else { continue };
        for param in &mut block.params {
            if let Some(span) = split_trailing_member(param, package.as_deref(), &listings, knowledge, diags) {
                undecided.insert(span);
            }
        }
    }

    // The listings are found before the links are made, so that linking
    // changes lists no listing shares yet (no copy on write), and taken after
    // by the same walk: the first offer of each name, by its ordinal.
    let mut listed: Listed = BTreeMap::new();
    let mut n = 0;
    gather_types(page, &undecided, &mut |name, _, _, _, span| {
        if !listed.contains_key(name) {
            listed.insert(name.to_owned(), (span, n));
        }
        n += 1;
    });
    for section in [&mut page.rest, &mut page.sdk].into_iter().flatten() {
        let Some(block) = &mut section.schema else { continue };
        for param in block.params.iter_mut().filter(|p| !p.members.is_empty()) {
            link_members(&mut param.members, &listed, knowledge, &param.name.value, diags);
        }
        if let Some(rt) = block.return_type.as_mut().filter(|rt| !rt.members.is_empty()) {
            link_members(&mut rt.members, &listed, knowledge, "", diags);
        }
        if let Some(hook) = &mut block.webhook {
            link_members(&mut hook.event_body, &listed, knowledge, "", diags);
        }
    }
    let mut wanted: Vec<usize> = listed.values().map(|&(_, i)| i).collect();
    wanted.sort_unstable();
    let mut taken = Vec::with_capacity(wanted.len());
    let mut n = 0;
    gather_types(page, &undecided, &mut |_, section, members, enums, _| {
        if wanted.get(taken.len()) == Some(&n) {
            taken.push(Some((section, members.share(), enums.cloned())));
        }
        n += 1;
    });
    page.types = listed
        .into_iter()
        .filter_map(|(name, (span, i))| {
            let (section, members, enum_values) = taken.get_mut(wanted.binary_search(&i).ok()?)?.take()?;
            Some(TypeListing {
                name,
                section,
                members,
                enum_values,
                span,
            })
        })
        .collect();
    knowledge.asked.get()
}

/// The ONE-OF group that ends the param's members and its last member, when
/// that member has children (the ambiguous case).
fn trailing_member_index(param: &Param) -> Option<(usize, usize)> {
    let last = param.members.len().checked_sub(1)?;
    let Member::OneOf(group) = &param.members[last] else {
        return None;
    };
    let m = group.members.len().checked_sub(1)?;
    (!group.members[m].members.is_empty()).then_some((last, m))
}

/// Returns the span of the member when nothing decided its fields.
fn split_trailing_member(
    param: &mut Param,
    package: Option<&str>,
    listings: &Listings,
    knowledge: &Lookup<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Span> {
    let (g, m) = trailing_member_index(param)?;
    let param_type = param.ty.value.named().map(str::to_owned);
    let Member::OneOf(group) = &mut param.members[g] else {
        return None;
    };
    let member = &mut group.members[m];
    let fields_of = |name: &str| -> Option<BTreeSet<String>> {
        let mut set = listings.get(name).cloned();
        if let Some(known) = knowledge.fields_in(package, name) {
            set.get_or_insert_with(BTreeSet::new).extend(known.iter().cloned());
        }
        set
    };
    let split_at = if member.ty.value.is_scalar() {
        Some(0)
    } else {
        let member_fields = member.ty.value.named().and_then(fields_of);
        let param_fields = param_type
            .as_deref()
            .filter(|p| *p != param.name.value)
            .and_then(fields_of);
        if member_fields.is_none() && param_fields.is_none() {
            let first = child_name(&member.members[0]);
            diags.push(
                Diagnostic::warning(
                    "W050",
                    member.members[0].span(),
                    format!(
                        "cannot tell whether `{first}` belongs to `{}` or to `{}`: neither type is listed elsewhere; read as a field of `{}`",
                        member.name.value, param.name.value, member.name.value
                    ),
                )
                .with_help("put a page that lists one of the two types beside this one (wixgen reads the fields of types from every page it is given)"),
            );
            return Some(member.span);
        } else {
            Some(best_split(
                &member.members,
                member_fields.as_ref(),
                param_fields.as_ref(),
            ))
        }
    };
    if let Some(at) = split_at {
        let moved = member.members.split_off(at);
        param.members.extend(moved);
    }
    None
}

fn child_name(m: &Member) -> &str {
    match m {
        Member::Field(f) => &f.name.value,
        Member::OneOf(_) => "ONE-OF",
    }
}

/// Where the member's children end and the param type's fields begin: the
/// page prints the member's fields first, so the children split into a
/// prefix (the member's) and a suffix (the param type's). The split chosen
/// puts the fewest children where their type is known not to have them (a
/// ONE-OF group counts by its members' names); among equally good splits,
/// the member keeps as many as it can (a type listed in full shows all of its
/// fields, so a name both types have is the member's when it comes first).
fn best_split(children: &[Member], member: Option<&BTreeSet<String>>, param: Option<&BTreeSet<String>>) -> usize {
    let fits = |known: Option<&BTreeSet<String>>, m: &Member| -> bool {
        let Some(known) = known else { return true };
        match m {
            Member::Field(f) => known.contains(&f.name.value),
            Member::OneOf(g) => g.members.iter().all(|f| known.contains(&f.name.value)),
        }
    };
    let member_misfits: Vec<usize> = children
        .iter()
        .scan(0, |acc, c| {
            *acc += usize::from(!fits(member, c));
            Some(*acc)
        })
        .collect();
    let param_misfits_total: usize = children.iter().filter(|c| !fits(param, c)).count();
    let mut best = (usize::MAX, 0);
    let mut param_misfits_before = 0;
    for k in 0..=children.len() {
        // children[..k] are the member's, children[k..] the param type's.
        let prefix = if k == 0 { 0 } else { member_misfits[k - 1] };
        let suffix = param_misfits_total - param_misfits_before;
        let cost = prefix + suffix;
        if cost <= best.0 {
            best = (cost, k);
        }
        if k < children.len() && !fits(param, &children[k]) {
            param_misfits_before += 1;
        }
    }
    best.1
}

fn collect_member(m: &Member, listings: &mut Listings) {
    match m {
        Member::Field(f) => collect_field(f, listings),
        Member::OneOf(g) => g.members.iter().for_each(|f| collect_field(f, listings)),
    }
}

fn collect_field(f: &Field, listings: &mut Listings) {
    if let Some(name) = f.ty.value.named()
        && !f.members.is_empty()
    {
        add_listing(listings, name, &f.members);
    }
    f.members.iter().for_each(|m| collect_member(m, listings));
}

fn add_listing(listings: &mut Listings, name: &str, members: &[Member]) {
    let set = listings.entry(name.to_owned()).or_default();
    for m in members {
        match m {
            Member::Field(f) => {
                set.insert(f.name.value.clone());
            }
            Member::OneOf(g) => set.extend(g.members.iter().map(|f| f.name.value.clone())),
        }
    }
}

/// A node that lists a type: its name, section, members, enum values and span.
type Offer<'f> = dyn FnMut(&str, SectionKind, &Members, Option<&EnumValues>, Span) + 'f;

/// Offers every node that lists a type (with members or enum values), in page
/// order, REST before SDK: the first offer of each name is its listing.
fn gather_types(page: &Page, undecided: &BTreeSet<Span>, offer: &mut Offer<'_>) {
    for section in [&page.rest, &page.sdk].into_iter().flatten() {
        let Some(block) = &section.schema else { continue };
        let kind = section.kind;
        for param in &block.params {
            // A REST param typed with its own name is a page defect, not a type.
            if let Some(name) = param.ty.value.named()
                && name != param.name.value
                && (!param.members.is_empty() || param.enum_values.is_some())
            {
                offer(name, kind, &param.members, param.enum_values.as_ref(), param.span);
            }
            gather_members(&param.members, kind, undecided, offer);
        }
        if let Some(rt) = &block.return_type {
            if let Some(name) = rt.ty.as_ref().and_then(|t| t.value.named())
                && !rt.members.is_empty()
            {
                offer(name, kind, &rt.members, None, rt.span);
            }
            gather_members(&rt.members, kind, undecided, offer);
        }
        if let Some(hook) = &block.webhook {
            gather_members(&hook.event_body, kind, undecided, offer);
        }
    }
}

fn gather_members(members: &[Member], kind: SectionKind, undecided: &BTreeSet<Span>, offer: &mut Offer<'_>) {
    for m in members {
        let fields: &[Field] = match m {
            Member::Field(f) => std::slice::from_ref(f),
            Member::OneOf(g) => &g.members,
        };
        for f in fields {
            if let Some(name) = f.ty.value.named()
                && !undecided.contains(&f.span)
                && (!f.members.is_empty() || f.enum_values.is_some())
            {
                offer(name, kind, &f.members, f.enum_values.as_ref(), f.span);
            }
            gather_members(&f.members, kind, undecided, offer);
        }
    }
}

fn link_members(
    members: &mut [Member],
    listed: &Listed,
    knowledge: &Lookup<'_>,
    param: &str,
    diags: &mut Vec<Diagnostic>,
) {
    for m in members {
        match m {
            Member::Field(f) => link_field(f, listed, knowledge, param, diags),
            Member::OneOf(g) => g
                .members
                .iter_mut()
                .for_each(|f| link_field(f, listed, knowledge, param, diags)),
        }
    }
}

fn link_field(f: &mut Field, listed: &Listed, knowledge: &Lookup<'_>, param: &str, diags: &mut Vec<Diagnostic>) {
    if f.members.is_empty()
        && f.enum_values.is_none()
        && let Some(name) = f.ty.value.named()
    {
        match listed.get(name) {
            Some(&(span, _)) => f.listed_at = Some(span),
            None if knowledge.fields(name).is_some() || name == param || name == f.name.value => {}
            None => diags.push(
                Diagnostic::warning(
                    "W051",
                    f.ty.span,
                    format!(
                        "type `{name}` of `{}` is not listed on this page; its fields are unknown",
                        f.name.value
                    ),
                )
                .with_help("generation looks for the type on the other pages it is given; add a page that lists it"),
            ),
        }
    }
    // Not through `DerefMut` when empty: that would allocate a list.
    if !f.members.is_empty() {
        link_members(&mut f.members, listed, knowledge, param, diags);
    }
}

impl Member {
    /// The span of the member's line (the header for a ONE-OF group).
    pub fn span(&self) -> Span {
        match self {
            Member::Field(f) => f.span,
            Member::OneOf(g) => g.span,
        }
    }
}
