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
//!
//! The files, each importing only those listed after it: this one runs the
//! steps ([`decide`]: rewriting every reference to its class key, then
//! merging) and words the warning for a guessed reference; `resolve.rs` is
//! step 2, one function per rule, returning a `Decision` (the class chosen,
//! the `Rule` that chose it, the other candidates) and no diagnostic;
//! `classify.rs` is step 1; `class.rs` holds what the steps decide (classes,
//! and the page, listing and class indices as types of their own).

mod class;
mod classify;
mod resolve;

use crate::diag::{IrDiagnostic, codes, location};
use crate::draft::{FieldDraft, MethodDraft, PageDraft, Ty, TypeDraft};
use crate::unify;
use class::{ClassId, ListingIx, PageIx, all_fields};
use resolve::{Decision, Index, Ref};
use std::collections::BTreeMap;

pub(crate) use class::{Class, Owner};

/// The classes of a package and its merged types, by key.
pub(crate) struct Identity {
    pub classes: Vec<Class>,
    pub table: BTreeMap<String, TypeDraft>,
}

/// Decides the classes of a package's listings, rewrites every reference on
/// the pages to class keys, and merges each class into one type.
pub(crate) fn decide(pages: &mut [PageDraft], diags: &mut Vec<IrDiagnostic>) -> Identity {
    let (mut classes, class_of) = classify::classify(pages);
    let examples = pages.iter_mut().map(|p| std::mem::take(&mut p.examples)).collect();
    let ix = Index::new(pages, &classes, class_of, examples);
    for (p, page) in pages.iter_mut().enumerate() {
        let p = PageIx(p);
        rewrite_listing_fields(&ix, &mut classes, p, page, diags);
        rewrite_params(&ix, &mut classes, p, &mut page.method, diags);
        rewrite_response(&ix, &mut classes, p, &mut page.method, diags);
    }
    let table = merge_classes(pages, &classes, diags);
    Identity { classes, table }
}

/// The fields of every listing on the page: each listing is owned by its class.
fn rewrite_listing_fields(
    ix: &Index,
    classes: &mut [Class],
    p: PageIx,
    page: &mut PageDraft,
    diags: &mut Vec<IrDiagnostic>,
) {
    for j in 0..page.types.len() {
        let owner_class = ix.class_of[&(p, ListingIx(j))];
        let owner_key = classes[owner_class.0].key.clone();
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
            new_types.push(rewrite(ix, classes, r, Owner::Type(owner_key.clone()), diags));
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
}

/// The method's params: owned by its request.
fn rewrite_params(
    ix: &Index,
    classes: &mut [Class],
    p: PageIx,
    method: &mut MethodDraft,
    diags: &mut Vec<IrDiagnostic>,
) {
    let request_label = format!("{}Request", method.name);
    let mut param_types = Vec::new();
    for (_, f) in &method.params {
        let r = Ref {
            page: p,
            field: f,
            owner_class: None,
            owner_label: &request_label,
            top_level: true,
        };
        param_types.push(rewrite(ix, classes, r, Owner::Request(method.name.clone()), diags));
    }
    for ((_, f), ty) in method.params.iter_mut().zip(param_types) {
        if let Some(ty) = ty {
            f.ty = ty;
        }
    }
}

/// The method's return type, resolved as a field named after the method (see
/// [`response_as_field`]); its use is recorded as the method's response.
fn rewrite_response(
    ix: &Index,
    classes: &mut [Class],
    p: PageIx,
    method: &mut MethodDraft,
    diags: &mut Vec<IrDiagnostic>,
) {
    let Some(field) = response_as_field(method) else {
        return;
    };
    let Some(short) = field.ty.named() else {
        return;
    };
    let r = Ref {
        page: p,
        field: &field,
        owner_class: None,
        owner_label: &method.name,
        top_level: true,
    };
    if let Some(c) = decide_reference(ix, &r, short, diags) {
        classes[c.0]
            .owners
            .insert((Owner::Response(method.name.clone()), String::new()));
        method.response = Some(field.ty.with_element_name(&classes[c.0].key));
    }
}

/// The method's return type as the field that resolution reads: named after
/// the method, placed where the method is, under the return type's listing
/// when the page gives one. `None` when the method returns nothing.
fn response_as_field(method: &MethodDraft) -> Option<FieldDraft> {
    Some(FieldDraft {
        wire_name: method.name.clone(),
        ty: method.response.clone()?,
        required: false,
        read_only: false,
        validation: Vec::new(),
        docs: Default::default(),
        source: method.source.clone(),
        listing: method.response_listing,
    })
}

/// Rewrites `field.ty` from the short name to the class key; records the use.
fn rewrite(ix: &Index, classes: &mut [Class], r: Ref<'_>, owner: Owner, diags: &mut Vec<IrDiagnostic>) -> Option<Ty> {
    let short = r.field.ty.named()?.to_string();
    let c = decide_reference(ix, &r, &short, diags)?;
    let class = &mut classes[c.0];
    if r.field.listing.is_some() {
        class.listed_under.insert((owner.clone(), r.field.wire_name.clone()));
    }
    class.owners.insert((owner, r.field.wire_name.clone()));
    Some(r.field.ty.with_element_name(&class.key))
}

/// The class a reference stands for, warning when the choice was a guess.
fn decide_reference(ix: &Index, r: &Ref<'_>, short: &str, diags: &mut Vec<IrDiagnostic>) -> Option<ClassId> {
    let decision = resolve::resolve(ix, r, short)?;
    if decision.rule.is_a_guess() {
        diags.push(ambiguity_warning(ix, r, short, &decision));
    }
    Some(decision.chosen)
}

/// [`codes::AMBIGUOUS_TYPE_REF`]: which types the name could mean, which was
/// chosen and by which rule.
fn ambiguity_warning(ix: &Index, r: &Ref<'_>, short: &str, decision: &Decision) -> IrDiagnostic {
    let candidates = decision.candidates();
    let places: Vec<String> = candidates.iter().map(|&c| location(ix.first_source(c))).collect();
    let mut d = IrDiagnostic::warning(
        codes::AMBIGUOUS_TYPE_REF,
        r.field.source.clone(),
        format!(
            "`{}` of `{}` has type `{short}`, which names {} different types here (listed at {}), and the page does not list which; chose the one listed at {}, {}",
            r.field.wire_name,
            r.owner_label,
            candidates.len(),
            places.join(", "),
            location(ix.first_source(decision.chosen)),
            decision.rule.words(),
        ),
    )
    .with_help("if the choice is wrong, add a page that lists this field's type under it");
    for &c in &candidates {
        let label = if c == decision.chosen {
            format!("the `{short}` chosen, listed here")
        } else {
            format!("a `{short}` listed here")
        };
        d = d.with_related(ix.first_source(c).clone(), label);
    }
    d
}

/// Step 3: the listings of each class merged into one type, by key.
fn merge_classes(pages: &[PageDraft], classes: &[Class], diags: &mut Vec<IrDiagnostic>) -> BTreeMap<String, TypeDraft> {
    let mut table = BTreeMap::new();
    for c in classes {
        let mut listings = c
            .listings
            .iter()
            .map(|&(p, j, join)| (pages[p.0].types[j.0].clone(), join));
        let Some((mut acc, _)) = listings.next() else { continue };
        for (next, join) in listings {
            unify::merge(&mut acc, next, join, diags);
        }
        unify::finish(&mut acc);
        table.insert(c.key.clone(), acc);
    }
    table
}
