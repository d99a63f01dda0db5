//! Step 2 of type identity: the class a bare reference stands for (see the
//! parent module for the rules). [`resolve`] returns a [`Decision`]: the class
//! chosen, the [`Rule`] that chose it and the other classes it chose among;
//! the caller decides what to report.

use super::class::{Class, ClassId, ClassOf, ListingIx, PageIx, all_fields};
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Ty;
    use crate::model::Docs;
    use wixgen_schema::Span;

    /// The classes of the package the table resolves in, by id.
    const CLASSES: [(&str, bool, &[&str]); 11] = [
        ("Status", true, &["PUBLISHED", "CANCELED"]),       // 0: a staff member's
        ("Status", true, &["VERIFIED", "UNVERIFIED"]),      // 1: an address's
        ("Order", false, &["name", "settings"]),            // 2: the resource
        ("Order", true, &["NEWEST_FIRST", "OLDEST_FIRST"]), // 3: a sort order
        ("Window", false, &["childWindows", "size"]),       // 4
        ("Window", true, &["SMALL", "LARGE"]),              // 5
        ("Paging", false, &["limit", "offset"]),            // 6
        ("StaffMember", false, &["status", "address"]),     // 7
        ("Address", false, &["status"]),                    // 8
        ("CreateOrderResponse", false, &["order"]),         // 9
        ("Location", false, &["status"]),                   // 10
    ];

    /// Per page: `(short name, byte offset, class)` of its listings.
    const PAGES: [&[(&str, usize, usize)]; 5] = [
        &[
            ("Status", 100, 1),
            ("Status", 300, 0),
            ("Order", 500, 2),
            ("Order", 600, 3),
            ("Window", 700, 4),
            ("Window", 750, 5),
        ],
        &[("Status", 100, 0)],
        &[("Status", 100, 0), ("Status", 200, 1)],
        &[],
        &[("Status", 100, 1), ("Status", 200, 0)],
    ];

    /// The curl request body of page 2 and of page 4 (the others have no examples).
    const PAGE_2_BODY: &str = r#"{"status": "PUBLISHED", "address": {"status": "VERIFIED"}}"#;
    const PAGE_4_BODY: &str = r#"{"status": "PUBLISHED", "address": {"status": "VERIFIED"}}"#;

    fn source(offset: usize) -> SourceRef {
        SourceRef {
            page: "p.md".into(),
            span: Span {
                line: 1,
                column: 1,
                offset,
                len: 1,
            },
        }
    }

    /// What `wixgen_schema` makes of a page whose one curl example sends `body`.
    fn shapes_of_curl(body: &str) -> ExampleShapes {
        let md = format!(
            "# Create\n\n# Package: demo\n\n# Namespace: DemoService\n\n## REST API\n\n### Schema\n\n```\n Method: create\n URL: https://www.wixapis.com/demo/v1/things\n Method: POST\n```\n\n### Examples\n\n### Create a thing\n\n```curl\ncurl -X POST 'https://www.wixapis.com/demo/v1/things' \\\n-d '{body}'\n```\n\n---\n"
        );
        let page = wixgen_schema::parse(md.as_bytes())
            .page
            .expect("the example page parses");
        let shapes = ExampleShapes::of(&page);
        assert_ne!(shapes, ExampleShapes::default(), "the example of {md} shows nothing");
        shapes
    }

    /// The package of the table: [`CLASSES`] listed on [`PAGES`]; page 0's
    /// first listing is right under the field of row `ListedUnder`;
    /// `Address.status` lists the address's `Status` on some page; the
    /// resource `Order` is what a method takes directly; `Location` is listed
    /// under `address` fields on pages 3 and 4.
    fn index() -> Index {
        let mut by_short: HashMap<String, Vec<ClassId>> = HashMap::new();
        for (id, (short, _, _)) in CLASSES.iter().enumerate() {
            by_short.entry(short.to_string()).or_default().push(ClassId(id));
        }
        let mut pages_of = vec![BTreeSet::new(); CLASSES.len()];
        let mut class_of = ClassOf::new();
        let on_page = PAGES
            .iter()
            .enumerate()
            .map(|(p, listings)| {
                let mut here: HashMap<String, Vec<Listed>> = HashMap::new();
                for (j, &(short, offset, class)) in listings.iter().enumerate() {
                    class_of.insert((PageIx(p), ListingIx(j)), ClassId(class));
                    pages_of[class].insert(PageIx(p));
                    here.entry(short.to_string()).or_default().push(Listed {
                        offset,
                        class: ClassId(class),
                    });
                }
                here
            })
            .collect();
        for (class, pages) in [(7, [0].as_slice()), (8, &[0]), (9, &[0]), (10, &[3, 4])] {
            pages_of[class].extend(pages.iter().map(|&p| PageIx(p)));
        }
        let fits = CLASSES
            .iter()
            .map(|(_, is_enum, names)| Fits {
                is_enum: *is_enum,
                names: names.iter().map(|n| n.to_string()).collect(),
            })
            .collect();
        let mut examples = vec![ExampleShapes::default(); PAGES.len()];
        examples[2] = shapes_of_curl(PAGE_2_BODY);
        examples[4] = shapes_of_curl(PAGE_4_BODY);
        Index {
            class_of,
            by_short,
            on_page,
            under_field: HashMap::from([((ClassId(8), "status".to_string()), BTreeSet::from([ClassId(1)]))]),
            first_source: (0..CLASSES.len()).map(|c| source(c * 1000)).collect(),
            top_level: BTreeSet::from([ClassId(2)]),
            examples,
            listed_as: HashMap::from([(ClassId(10), BTreeSet::from(["address".to_string()]))]),
            fits,
            pages_of,
        }
    }

    /// One reference and how it must be resolved.
    struct Row {
        rule: Rule,
        page: usize,
        /// The class of the listing holding the field; `None`: a param.
        owner: Option<usize>,
        top_level: bool,
        field: &'static str,
        short: &'static str,
        offset: usize,
        listing: Option<usize>,
        chosen: usize,
        others: &'static [usize],
    }

    /// One row per rule (two where a rule has two sides); in each, the rules
    /// before it do not decide and the ones after it would decide otherwise.
    const ROWS: &[Row] = &[
        // The page lists the address's `Status` right under the field; the
        // nearest `Status` before it is the staff member's.
        Row {
            rule: Rule::ListedUnder,
            page: 0,
            owner: Some(7),
            top_level: false,
            field: "status",
            short: "Status",
            offset: 400,
            listing: Some(0),
            chosen: 1,
            others: &[0],
        },
        // `Paging` is one type in the package, listed nowhere on this page.
        Row {
            rule: Rule::OnlyOne,
            page: 0,
            owner: Some(7),
            top_level: false,
            field: "paging",
            short: "Paging",
            offset: 50,
            listing: None,
            chosen: 6,
            others: &[],
        },
        // `Window.childWindows` names `Window`: the message itself, not the
        // enum listed nearer before it.
        Row {
            rule: Rule::Recursion,
            page: 0,
            owner: Some(4),
            top_level: false,
            field: "childWindows",
            short: "Window",
            offset: 800,
            listing: None,
            chosen: 4,
            others: &[5],
        },
        // One `Order` listed before the reference on its page (the other after it).
        Row {
            rule: Rule::SamePage,
            page: 0,
            owner: Some(7),
            top_level: false,
            field: "order",
            short: "Order",
            offset: 550,
            listing: None,
            chosen: 2,
            others: &[3],
        },
        // None before it: the one listed anywhere on the page.
        Row {
            rule: Rule::SamePage,
            page: 1,
            owner: Some(7),
            top_level: false,
            field: "status",
            short: "Status",
            offset: 50,
            listing: None,
            chosen: 0,
            others: &[1],
        },
        // Two `Status` before it; some page lists the address's under `Address.status`.
        Row {
            rule: Rule::SameField,
            page: 0,
            owner: Some(8),
            top_level: false,
            field: "status",
            short: "Status",
            offset: 400,
            listing: None,
            chosen: 1,
            others: &[0],
        },
        // A `status` param: the example sends `"PUBLISHED"` at the top; the
        // nearest `Status` before it is the other.
        Row {
            rule: Rule::Examples,
            page: 2,
            owner: None,
            top_level: true,
            field: "status",
            short: "Status",
            offset: 300,
            listing: None,
            chosen: 0,
            others: &[1],
        },
        // `Location.status`, with `Location` listed under `address`: only
        // what the example shows under `address` counts (`"VERIFIED"`), not
        // the top-level `"PUBLISHED"`.
        Row {
            rule: Rule::Examples,
            page: 4,
            owner: Some(10),
            top_level: false,
            field: "status",
            short: "Status",
            offset: 300,
            listing: None,
            chosen: 1,
            others: &[0],
        },
        // The same field on page 3, which has no example and lists no `Status`:
        // the example of page 4, which lists `Location` too, decides.
        Row {
            rule: Rule::Examples,
            page: 3,
            owner: Some(10),
            top_level: false,
            field: "status",
            short: "Status",
            offset: 300,
            listing: None,
            chosen: 1,
            others: &[0],
        },
        // A response field `order`: the resource the method takes, not the
        // sort-order enum listed nearer before it.
        Row {
            rule: Rule::Direct,
            page: 0,
            owner: Some(9),
            top_level: true,
            field: "order",
            short: "Order",
            offset: 650,
            listing: None,
            chosen: 2,
            others: &[3],
        },
        // The same reference deeper down: the nearest before it.
        Row {
            rule: Rule::Nearest,
            page: 0,
            owner: Some(7),
            top_level: false,
            field: "sort",
            short: "Order",
            offset: 650,
            listing: None,
            chosen: 3,
            others: &[2],
        },
        // Nothing on the page, no field, no example, not top-level: the first listed.
        Row {
            rule: Rule::FirstListed,
            page: 3,
            owner: Some(7),
            top_level: false,
            field: "status",
            short: "Status",
            offset: 300,
            listing: None,
            chosen: 0,
            others: &[1],
        },
    ];

    fn field(row: &Row) -> FieldDraft {
        FieldDraft {
            wire_name: row.field.into(),
            ty: Ty::Named(row.short.into()),
            required: false,
            read_only: false,
            validation: vec![],
            docs: Docs::default(),
            source: source(row.offset),
            listing: row.listing,
        }
    }

    fn reference<'r>(row: &Row, field: &'r FieldDraft) -> Ref<'r> {
        Ref {
            page: PageIx(row.page),
            field,
            owner_class: row.owner.map(ClassId),
            owner_label: "Owner",
            top_level: row.top_level,
        }
    }

    #[test]
    fn each_rule_decides_its_row_and_without_it_the_row_is_decided_otherwise() {
        let ix = index();
        for (n, row) in ROWS.iter().enumerate() {
            let f = field(row);
            let r = reference(row, &f);
            let expected = Decision {
                chosen: ClassId(row.chosen),
                rule: row.rule,
                others: row.others.iter().copied().map(ClassId).collect(),
            };
            assert_eq!(
                resolve(&ix, &r, row.short),
                Some(expected.clone()),
                "row {n} ({:?})",
                row.rule
            );
            let without: Vec<Rule> = Rule::ALL.into_iter().filter(|&rule| rule != row.rule).collect();
            let otherwise = resolve_with(&ix, &r, row.short, &without);
            assert_ne!(
                otherwise,
                Some(expected),
                "row {n}: {:?} is not what decides it",
                row.rule
            );
        }
    }

    #[test]
    fn every_rule_has_a_row() {
        for rule in Rule::ALL {
            assert!(ROWS.iter().any(|row| row.rule == rule), "no row for {rule:?}");
        }
    }

    #[test]
    fn only_the_choices_among_candidates_the_pages_do_not_tell_apart_are_guesses() {
        let guesses: Vec<Rule> = Rule::ALL.into_iter().filter(|r| r.is_a_guess()).collect();
        assert_eq!(
            guesses,
            [Rule::Examples, Rule::Direct, Rule::Nearest, Rule::FirstListed]
        );
    }

    #[test]
    fn a_name_the_package_does_not_list_resolves_to_nothing() {
        let ix = index();
        let row = &ROWS[1];
        let f = field(row);
        assert_eq!(resolve(&ix, &reference(row, &f), "Nowhere"), None);
    }

    #[test]
    fn the_candidates_of_a_decision_are_the_chosen_and_the_others_in_class_order() {
        let d = Decision::new(ClassId(2), Rule::Nearest, [ClassId(3), ClassId(2), ClassId(0)]);
        assert_eq!(d.others, [ClassId(3), ClassId(0)]);
        assert_eq!(d.candidates(), [ClassId(0), ClassId(2), ClassId(3)]);
    }
}
