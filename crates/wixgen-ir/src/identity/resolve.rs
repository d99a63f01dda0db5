//! Step 2 of type identity: the class a bare reference stands for (see the
//! parent module for the rules). [`resolve`] returns a [`Decision`]: the class
//! chosen, the [`Rule`] that chose it and the other classes it chose among;
//! the caller decides what to report.

use super::classes::ClassOf;
use super::{Class, ClassId, ListingIx, PageIx, all_fields};
use crate::draft::{FieldDraft, PageDraft, TypeDraft};
use crate::example_shapes::{ExampleShapes, Fits, Seen};
use crate::model::SourceRef;
use std::collections::{BTreeSet, HashMap};

/// A listing on a page, for finding the listings of a name near a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Listed {
    /// Byte offset of the listing on its page.
    pub offset: usize,
    pub class: ClassId,
}

/// Everything reference resolution looks at, gathered before pages are rewritten.
pub(super) struct Index {
    pub class_of: ClassOf,
    pub by_short: HashMap<String, Vec<ClassId>>,
    /// Per page: short name → its listings, in page order.
    pub on_page: Vec<HashMap<String, Vec<Listed>>>,
    /// `(owner class, field wire name)` → classes of the listings found under that field.
    pub under_field: HashMap<(ClassId, String), BTreeSet<ClassId>>,
    /// First source of each class.
    pub first_source: Vec<SourceRef>,
    /// Classes some page lists right under a method param or a field of a
    /// method's response: the types a method takes or returns directly.
    pub top_level: BTreeSet<ClassId>,
    /// Per page: what its examples show under each field name.
    pub examples: Vec<ExampleShapes>,
    /// Class → the wire names of the fields some page lists it under.
    pub listed_as: HashMap<ClassId, BTreeSet<String>>,
    /// Per class: its fields or values, to hold against the examples.
    pub fits: Vec<Fits>,
    /// Per class: the pages that list it.
    pub pages_of: Vec<BTreeSet<PageIx>>,
}

impl Index {
    pub(super) fn new(pages: &[PageDraft], classes: &[Class], class_of: ClassOf, examples: Vec<ExampleShapes>) -> Self {
        let mut by_short: HashMap<String, Vec<ClassId>> = HashMap::new();
        for (id, c) in classes.iter().enumerate() {
            by_short.entry(c.short.clone()).or_default().push(ClassId(id));
        }
        let mut on_page = Vec::with_capacity(pages.len());
        let mut under_field: HashMap<(ClassId, String), BTreeSet<ClassId>> = HashMap::new();
        let mut top_level = BTreeSet::new();
        let mut listed_as: HashMap<ClassId, BTreeSet<String>> = HashMap::new();
        for (p, page) in pages.iter().enumerate() {
            let p = PageIx(p);
            let class = |j: usize| class_of[&(p, ListingIx(j))];
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
                    top_level.insert(class(j));
                }
            }
            let mut here: HashMap<String, Vec<Listed>> = HashMap::new();
            for (j, t) in page.types.iter().enumerate() {
                let offset = t.first_source().map_or(0, |s| s.span.offset);
                here.entry(t.name().to_string()).or_default().push(Listed {
                    offset,
                    class: class(j),
                });
                if let TypeDraft::Struct(s) = t {
                    for f in all_fields(s) {
                        if let Some(k) = f.listing {
                            under_field
                                .entry((class(j), f.wire_name.clone()))
                                .or_default()
                                .insert(class(k));
                            listed_as.entry(class(k)).or_default().insert(f.wire_name.clone());
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
                pages[p.0].types[j.0]
                    .first_source()
                    .cloned()
                    .unwrap_or_else(|| pages[p.0].method.source.clone())
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
                    match &pages[p.0].types[j.0] {
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

    /// Where class `c` is first listed.
    pub(super) fn first_source(&self, c: ClassId) -> &SourceRef {
        &self.first_source[c.0]
    }

    /// The listings of `short` on page `p`, in page order.
    fn listed_on(&self, p: PageIx, short: &str) -> &[Listed] {
        self.on_page
            .get(p.0)
            .and_then(|here| here.get(short))
            .map_or(&[], Vec::as_slice)
    }
}

/// A reference to resolve: the field (or param) whose type names a short name.
pub(super) struct Ref<'r> {
    pub page: PageIx,
    pub field: &'r FieldDraft,
    /// The class of the listing the field belongs to; `None` for a param or
    /// the method's return type.
    pub owner_class: Option<ClassId>,
    /// The owner as the warning names it.
    pub owner_label: &'r str,
    /// A method param, or a field of the method's response.
    pub top_level: bool,
}

/// The rule that chose the class of a reference, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// The page lists the type right under the field.
    ListedUnder,
    /// The package has one type of the name.
    OnlyOne,
    /// A field of a type naming the type's own short name: the type itself
    /// (a recursive type is never listed under itself).
    Recursion,
    /// The page lists one type of the name before the reference (or, when
    /// none before it, one anywhere on the page).
    SamePage,
    /// Where some page lists a type under the same field of the same owning
    /// type, one of those.
    SameField,
    /// The only candidate that fits what the examples show under the field.
    Examples,
    /// A param or a response field: the one candidate some page lists right
    /// under a param or a response field.
    Direct,
    /// The candidate listed nearest before the reference.
    Nearest,
    /// None of the above: the candidate listed first.
    FirstListed,
}

impl Rule {
    /// Every rule, in the order they are tried.
    pub(super) const ALL: [Rule; 9] = [
        Rule::ListedUnder,
        Rule::OnlyOne,
        Rule::Recursion,
        Rule::SamePage,
        Rule::SameField,
        Rule::Examples,
        Rule::Direct,
        Rule::Nearest,
        Rule::FirstListed,
    ];

    /// Whether the rule chose among candidates the pages do not tell apart
    /// (the caller warns, [`crate::codes::AMBIGUOUS_TYPE_REF`]).
    pub(super) fn is_a_guess(self) -> bool {
        matches!(self, Rule::Examples | Rule::Direct | Rule::Nearest | Rule::FirstListed)
    }

    /// How the warning words the rule.
    pub(super) fn words(self) -> &'static str {
        match self {
            Rule::ListedUnder => "the one listed under it",
            Rule::OnlyOne => "the only one of the name",
            Rule::Recursion => "the type that holds it",
            Rule::SamePage => "the one listed on the same page",
            Rule::SameField => "the one listed under the same field elsewhere",
            Rule::Examples => "the only one that fits what the page's examples show under it",
            Rule::Direct => "the type a method takes or returns directly",
            Rule::Nearest => "the nearest before it",
            Rule::FirstListed => "the first listed",
        }
    }
}

/// The class a reference stands for and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Decision {
    pub chosen: ClassId,
    pub rule: Rule,
    /// The other classes the rule chose among, in class order: for a guess,
    /// the candidates left when the pages had said what they could; otherwise
    /// every other class of the short name.
    pub others: Vec<ClassId>,
}

impl Decision {
    fn new(chosen: ClassId, rule: Rule, among: impl IntoIterator<Item = ClassId>) -> Self {
        Decision {
            chosen,
            rule,
            others: among.into_iter().filter(|&c| c != chosen).collect(),
        }
    }

    /// The chosen class and the others, in class order.
    pub(super) fn candidates(&self) -> Vec<ClassId> {
        let mut all: Vec<ClassId> = self.others.iter().copied().chain([self.chosen]).collect();
        all.sort();
        all
    }
}

/// Step 2 for one reference naming `short`: the class it stands for, or
/// `None` when the package lists no type of that name.
pub(super) fn resolve(ix: &Index, r: &Ref<'_>, short: &str) -> Option<Decision> {
    resolve_with(ix, r, short, &Rule::ALL)
}

/// [`resolve`] with only the rules in `rules` (the tests take each away).
fn resolve_with(ix: &Index, r: &Ref<'_>, short: &str, rules: &[Rule]) -> Option<Decision> {
    let on = |rule: Rule| rules.contains(&rule);
    let all: &[ClassId] = ix.by_short.get(short).map_or(&[], Vec::as_slice);
    if on(Rule::ListedUnder)
        && let Some(j) = r.field.listing
    {
        let chosen = *ix.class_of.get(&(r.page, ListingIx(j)))?;
        return Some(Decision::new(chosen, Rule::ListedUnder, all.iter().copied()));
    }
    if all.is_empty() {
        return None;
    }
    let unambiguous = |chosen: ClassId, rule: Rule| Some(Decision::new(chosen, rule, all.iter().copied()));
    if on(Rule::OnlyOne)
        && let [one] = all
    {
        return unambiguous(*one, Rule::OnlyOne);
    }
    if on(Rule::Recursion)
        && let Some(c) = recursion(r, all)
    {
        return unambiguous(c, Rule::Recursion);
    }
    let mut candidates = listed_on_page(ix, r, short);
    if on(Rule::SamePage)
        && let Some(&c) = only(&candidates)
    {
        return unambiguous(c, Rule::SamePage);
    }
    if on(Rule::SameField)
        && let Some(narrowed) = same_field(ix, r, &candidates)
    {
        if let Some(&c) = only(&narrowed) {
            return unambiguous(c, Rule::SameField);
        }
        if !narrowed.is_empty() {
            candidates = narrowed;
        }
    }
    if candidates.is_empty() {
        candidates = all.iter().copied().collect();
    }
    // From here on the pages do not say which: a guess.
    let named = candidates.clone();
    let guess = |chosen: ClassId, rule: Rule| Some(Decision::new(chosen, rule, named.iter().copied()));
    if on(Rule::Examples)
        && let Some(fitting) = fitting_examples(ix, r, &candidates)
    {
        if let Some(&c) = only(&fitting) {
            return guess(c, Rule::Examples);
        }
        candidates = fitting;
    }
    if on(Rule::Direct)
        && let Some(c) = direct(ix, r, &candidates)
    {
        return guess(c, Rule::Direct);
    }
    if on(Rule::Nearest)
        && let Some(c) = nearest(ix, r, short, &candidates)
    {
        return guess(c, Rule::Nearest);
    }
    if on(Rule::FirstListed) {
        return guess(*candidates.first()?, Rule::FirstListed);
    }
    None
}

/// The one element of `set`, if it has exactly one.
fn only(set: &BTreeSet<ClassId>) -> Option<&ClassId> {
    match set.len() {
        1 => set.first(),
        _ => None,
    }
}

/// [`Rule::Recursion`]: the owning type, when it is one of the classes of the name.
fn recursion(r: &Ref<'_>, all: &[ClassId]) -> Option<ClassId> {
    r.owner_class.filter(|owner| all.contains(owner))
}

/// [`Rule::SamePage`]: the classes of `short` the page lists before the
/// reference, or anywhere on it when none is before.
fn listed_on_page(ix: &Index, r: &Ref<'_>, short: &str) -> BTreeSet<ClassId> {
    let offset = r.field.source.span.offset;
    let listed = ix.listed_on(r.page, short);
    let before: BTreeSet<ClassId> = listed.iter().filter(|l| l.offset < offset).map(|l| l.class).collect();
    if before.is_empty() {
        listed.iter().map(|l| l.class).collect()
    } else {
        before
    }
}

/// [`Rule::SameField`]: the classes some page lists under the same field of
/// the owning type (among `candidates`, when there are any). `None` when no
/// page lists a type there (or the reference has no owning type).
fn same_field(ix: &Index, r: &Ref<'_>, candidates: &BTreeSet<ClassId>) -> Option<BTreeSet<ClassId>> {
    let owner = r.owner_class?;
    let under = ix.under_field.get(&(owner, r.field.wire_name.clone()))?;
    Some(if candidates.is_empty() {
        under.clone()
    } else {
        under.intersection(candidates).copied().collect()
    })
}

/// [`Rule::Examples`]: what the examples show under this field name, in
/// objects under the names the owner is listed under (or at the top, for a
/// param or a response field): the candidates that fit the most of it, when
/// some fit and others not.
fn fitting_examples(ix: &Index, r: &Ref<'_>, candidates: &BTreeSet<ClassId>) -> Option<BTreeSet<ClassId>> {
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
    let pages: Vec<PageIx> = match r.owner_class {
        Some(o) => ix.pages_of[o.0].iter().copied().collect(),
        None => vec![r.page],
    };
    let seen: Vec<&Seen> = pages
        .iter()
        .flat_map(|&p| ix.examples[p.0].under_parents(parents.iter().copied(), &r.field.wire_name))
        .collect();
    let fit_count = |c: ClassId| seen.iter().filter(|s| ix.fits[c.0].fits(s)).count();
    let best = candidates.iter().map(|&c| fit_count(c)).max().unwrap_or(0);
    if best == 0 {
        return None;
    }
    let fitting: BTreeSet<ClassId> = candidates.iter().copied().filter(|&c| fit_count(c) == best).collect();
    (fitting.len() < candidates.len()).then_some(fitting)
}

/// [`Rule::Direct`]: a param or a response field naming the type a method
/// takes or returns directly (a resource: `order` of `CreateOrderResponse`
/// and the `order` param) means that type, not one nested deep inside it.
fn direct(ix: &Index, r: &Ref<'_>, candidates: &BTreeSet<ClassId>) -> Option<ClassId> {
    if !r.top_level {
        return None;
    }
    let mut direct = candidates.iter().filter(|c| ix.top_level.contains(c));
    match (direct.next(), direct.next()) {
        (Some(&one), None) => Some(one),
        _ => None,
    }
}

/// [`Rule::Nearest`]: the candidate listed nearest before the reference:
/// inside nested types, the innermost enclosing scope usually holds the type
/// a short name means.
fn nearest(ix: &Index, r: &Ref<'_>, short: &str, candidates: &BTreeSet<ClassId>) -> Option<ClassId> {
    let offset = r.field.source.span.offset;
    ix.listed_on(r.page, short)
        .iter()
        .filter(|l| l.offset < offset && candidates.contains(&l.class))
        .max_by_key(|l| l.offset)
        .map(|l| l.class)
}
