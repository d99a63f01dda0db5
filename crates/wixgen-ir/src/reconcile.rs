//! REST versus SDK: one page's two schema blocks reconciled into drafts.
//!
//! The REST block is primary: it gives the wire names, the structure and the
//! types. The SDK block of the same page is walked alongside it and supplies
//! what REST lacks (FORMAT.md §3):
//!
//! * `required: true` on params, fields and ONE-OF headers (a fact is required
//!   when either section says so);
//! * the real type where REST writes a param's own name (`type: localEndDate`,
//!   `array<resourceTypes>`), and the element type of a bare `array`;
//! * `Date` where REST writes `string` (both are the same JSON string);
//! * descriptions and validation REST leaves out.
//!
//! SDK fields are matched to REST fields by name, where the SDK's `_id`,
//! `_createdDate` and `_updatedDate` match REST's `id`, `createdDate` and
//! `updatedDate`. SDK params that are not REST params (the `options` param of
//! non-positional params) are searched for REST params too.

use crate::diag::{IrDiagnostic, codes};
use crate::docs::docs_from;
use crate::draft::{Context, EnumDraft, FieldDraft, OneOfDraft, StructDraft, Ty, TypeDraft, ValueDraft};
use crate::model::SourceRef;
use crate::names;
use crate::sdk_names::{counterpart, rest_name_of_sdk};
use crate::types::{apply_format, guess, lower_expr, refine, written_name};
use std::collections::{BTreeSet, HashMap, HashSet};
use wixgen_schema::{
    Attributes, EnumValues, Field, Member, OneOf, Param, SchemaBlock, SectionKind, Span, Spanned, TypeExpr, TypeListing,
};

/// The advice of W104 for a lower-case type that is not the field's own name.
const MISSPELLED_TYPE_HELP: &str = "type names are PascalCase and scalars are `string`, `integer`, `number`, `boolean` or `object`: check the spelling of the type";

/// A param or a field: the parts reconciliation needs.
#[derive(Clone, Copy)]
struct Node<'a> {
    name: &'a Spanned<String>,
    ty: &'a Spanned<TypeExpr>,
    attrs: &'a Attributes,
    members: &'a [Member],
    enum_values: Option<&'a EnumValues>,
}

impl<'a> From<&'a Param> for Node<'a> {
    fn from(p: &'a Param) -> Self {
        Node {
            name: &p.name,
            ty: &p.ty,
            attrs: &p.attrs,
            members: &p.members,
            enum_values: p.enum_values.as_ref(),
        }
    }
}

impl<'a> From<&'a Field> for Node<'a> {
    fn from(f: &'a Field) -> Self {
        Node {
            name: &f.name,
            ty: &f.ty,
            attrs: &f.attrs,
            members: &f.members,
            enum_values: f.enum_values.as_ref(),
        }
    }
}

/// The SDK field of `members` (regular or ONE-OF member) that stands for REST's `rest_name`.
fn find_sdk_field<'a>(members: &'a [Member], rest_name: &str) -> Option<&'a Field> {
    let all = members.iter().flat_map(|m| match m {
        Member::Field(f) => std::slice::from_ref(f).iter(),
        Member::OneOf(g) => g.members.iter(),
    });
    counterpart(all.map(|f| (f.name.value.as_str(), f)), rest_name, true)
}

/// The SDK ONE-OF group holding any of `group`'s members.
fn find_sdk_group<'a>(members: &'a [Member], group: &OneOf) -> Option<&'a OneOf> {
    members.iter().find_map(|m| match m {
        Member::OneOf(g)
            if g.members.iter().any(|sm| {
                group
                    .members
                    .iter()
                    .any(|rm| rest_name_of_sdk(&sm.name.value) == rm.name.value)
            }) =>
        {
            Some(g)
        }
        _ => None,
    })
}

/// The SDK listings of a page, by type name (first listing with content wins).
#[derive(Default)]
struct SdkIndex<'a> {
    structs: HashMap<&'a str, &'a [Member]>,
    enums: HashMap<&'a str, &'a EnumValues>,
}

impl<'a> SdkIndex<'a> {
    fn build(sdk: Option<&'a SchemaBlock>, listings: &'a [TypeListing]) -> Self {
        let mut index = SdkIndex::default();
        if let Some(block) = sdk {
            for p in &block.params {
                index.add_node(Node::from(p));
            }
            if let Some(rt) = &block.return_type {
                if let Some(n) = rt.ty.as_ref().and_then(|t| t.value.named()) {
                    index.add(n, &rt.members, None);
                }
                index.add_members(&rt.members);
            }
        }
        for l in listings.iter().filter(|l| l.section == SectionKind::Sdk) {
            index.add(&l.name, &l.members, l.enum_values.as_ref());
        }
        index
    }

    fn add(&mut self, name: &'a str, members: &'a [Member], values: Option<&'a EnumValues>) {
        if !members.is_empty() {
            self.structs.entry(name).or_insert(members);
        }
        if let Some(v) = values {
            self.enums.entry(name).or_insert(v);
        }
    }

    fn add_node(&mut self, node: Node<'a>) {
        if let Some(n) = node.ty.value.named() {
            self.add(n, node.members, node.enum_values);
        }
        self.add_members(node.members);
    }

    fn add_members(&mut self, members: &'a [Member]) {
        for m in members {
            match m {
                Member::Field(f) => self.add_node(Node::from(f)),
                Member::OneOf(g) => g.members.iter().for_each(|f| self.add_node(Node::from(f))),
            }
        }
    }
}

/// Reconciles one page. Create with [`PageReconciler::new`], lower params and
/// the return type, then [`PageReconciler::fill_unlisted`] and
/// [`PageReconciler::into_parts`].
pub(crate) struct PageReconciler<'a> {
    path: &'a str,
    listings: &'a [TypeListing],
    sdk_block: Option<&'a SchemaBlock>,
    sdk: SdkIndex<'a>,
    /// Every listing found, in page order.
    pub types: Vec<TypeDraft>,
    pub diags: Vec<IrDiagnostic>,
    /// Named types referenced on the page, with the first place.
    referenced: Vec<(String, Context)>,
    /// Spans of REST listings already lowered, so the page's `types` table adds no duplicates.
    seen_spans: HashSet<Span>,
}

impl<'a> PageReconciler<'a> {
    pub(crate) fn new(path: &'a str, sdk_block: Option<&'a SchemaBlock>, listings: &'a [TypeListing]) -> Self {
        PageReconciler {
            path,
            listings,
            sdk_block,
            sdk: SdkIndex::build(sdk_block, listings),
            types: Vec::new(),
            diags: Vec::new(),
            referenced: Vec::new(),
            seen_spans: HashSet::new(),
        }
    }

    fn at(&self, span: Span) -> SourceRef {
        SourceRef {
            page: self.path.to_string(),
            span,
        }
    }

    /// Lowers the REST params, each reconciled with its SDK counterpart.
    pub(crate) fn params(&mut self, rest: &'a SchemaBlock) -> Vec<FieldDraft> {
        let rest_names: HashSet<&str> = rest.params.iter().map(|p| p.name.value.as_str()).collect();
        let sdk_params: &'a [Param] = self.sdk_block.map_or(&[], |b| b.params.as_slice());
        let mut out = Vec::new();
        for p in &rest.params {
            let sdk = counterpart(
                sdk_params.iter().map(|s| (s.name.value.as_str(), s)),
                &p.name.value,
                true,
            )
            .map(Node::from)
            .or_else(|| {
                sdk_params
                    .iter()
                    .filter(|s| !rest_names.contains(s.name.value.as_str()))
                    .find_map(|s| find_sdk_field(&s.members, &p.name.value))
                    .map(Node::from)
            });
            out.push(self.node(Node::from(p), sdk, Context::Request, false));
        }
        out
    }

    /// Lowers the REST return type; its listing is matched with the SDK's
    /// return type when both name the same type, else with the SDK listing of that name.
    pub(crate) fn response(&mut self, rest: &'a SchemaBlock) -> Option<(Ty, Option<usize>)> {
        let rt = rest.return_type.as_ref()?;
        let rt_ty = rt.ty.as_ref()?;
        let mut listing = None;
        let (ty, _) = lower_expr(&rt_ty.value, "", &Attributes::default());
        if let Some(name) = ty.named() {
            let name = name.to_string();
            self.referenced.push((name.clone(), Context::Response));
            if !rt.members.is_empty() {
                let sdk_rt = self.sdk_block.and_then(|b| b.return_type.as_ref());
                let sdk_members = match sdk_rt {
                    Some(s)
                        if s.ty.as_ref().and_then(|t| t.value.named()) == Some(name.as_str())
                            && !s.members.is_empty() =>
                    {
                        s.members.as_slice()
                    }
                    _ => self.sdk.structs.get(name.as_str()).copied().unwrap_or(&[]),
                };
                listing =
                    Some(self.record_struct(&name, &rt.members, sdk_members, Context::Response, false, rt_ty.span));
            }
        }
        Some((ty, listing))
    }

    /// Lowers one param or field with its SDK counterpart, recording the
    /// listing of its type when the page lists it here.
    fn node(&mut self, node: Node<'a>, sdk: Option<Node<'a>>, ctx: Context, sdk_as_rest: bool) -> FieldDraft {
        let own = node.name.value.as_str();
        let wire = if sdk_as_rest { rest_name_of_sdk(own) } else { own }.to_string();
        let (rest_ty, defect) = lower_expr(&node.ty.value, own, node.attrs);
        let sdk_ty = sdk.map(|s| lower_expr(&s.ty.value, &s.name.value, s.attrs).0);
        let mut ty = match &sdk_ty {
            Some(s) => refine(&rest_ty, s),
            None => rest_ty.clone(),
        };
        if defect || rest_ty.has_unknown() {
            // The type came from the SDK; REST's validation still describes it.
            let format = node.attrs.format().or_else(|| sdk.and_then(|s| s.attrs.format()));
            ty = apply_format(ty, format);
        }
        let has_listing = !node.members.is_empty() || node.enum_values.is_some();
        if has_listing && ty.named().is_none() {
            if ty.has_unknown() {
                // The page lists fields (or values) under a type it does not name: name it after the field.
                let synth = names::type_name(own);
                ty = ty.with_element_name(&synth);
                let warning = match written_name(&node.ty.value) {
                    Some(written) if written != own => IrDiagnostic::warning(
                        codes::UNLISTED_TYPE,
                        self.at(node.ty.span),
                        format!("`{own}` has type `{written}`, which is not a type name; its listed fields are generated as type `{synth}`"),
                    )
                    .with_help(MISSPELLED_TYPE_HELP),
                    _ => IrDiagnostic::warning(
                        codes::UNRESOLVED_OWN_NAME_TYPE,
                        self.at(node.ty.span),
                        format!(
                            "`{own}` is typed with its own name and the SDK section does not name the type; its listed fields are generated as type `{synth}`"
                        ),
                    )
                    .with_help("check the JavaScript SDK section of the page for the real type name"),
                };
                self.diags.push(warning);
            } else if node.enum_values.is_some() {
                self.diags.push(
                    IrDiagnostic::warning(
                        codes::ENUM_ON_SCALAR,
                        self.at(node.ty.span),
                        format!(
                            "`{own}` has enum values but its type `{}` is not a named type; generated as the plain type",
                            ty.describe()
                        ),
                    )
                    .with_help("the values are kept in the field's docs only if the description lists them"),
                );
            }
        }
        if ty.has_unknown() {
            let guessed = guess(&ty, own, node.attrs).or_else(|| sdk.and_then(|s| guess(&ty, own, s.attrs)));
            if let Some(g) = guessed {
                ty = g;
            } else if defect {
                let warning = match written_name(&node.ty.value) {
                    Some(written) if written != own => IrDiagnostic::warning(
                        codes::UNLISTED_TYPE,
                        self.at(node.ty.span),
                        format!(
                            "`{own}` has type `{written}`, which is not a type name and not its own name; generated as free-form JSON"
                        ),
                    )
                    .with_help(MISSPELLED_TYPE_HELP),
                    _ => IrDiagnostic::warning(
                        codes::UNRESOLVED_OWN_NAME_TYPE,
                        self.at(node.ty.span),
                        format!(
                            "`{own}` is typed with its own name (a defect of REST param lines) and the SDK section does not give the real type; generated as free-form JSON"
                        ),
                    )
                    .with_help("add the page's JavaScript SDK section, which states the real type"),
                };
                self.diags.push(warning);
            }
        }
        let mut listing = None;
        if let Some(name) = ty.named().map(str::to_string) {
            self.referenced.push((name.clone(), ctx));
            if has_listing {
                let sdk_named = sdk_ty.as_ref().and_then(|t| t.named().map(str::to_string));
                if let Some(values) = node.enum_values {
                    let sdk_values = sdk
                        .and_then(|s| s.enum_values)
                        .or_else(|| self.sdk.enums.get(name.as_str()).copied());
                    listing = Some(self.record_enum(&name, values, sdk_values));
                } else {
                    let sdk_members = sdk
                        .map(|s| s.members)
                        .filter(|m| !m.is_empty())
                        .or_else(|| self.sdk.structs.get(name.as_str()).copied())
                        .or_else(|| sdk_named.and_then(|n| self.sdk.structs.get(n.as_str()).copied()))
                        .unwrap_or(&[]);
                    listing =
                        Some(self.record_struct(&name, node.members, sdk_members, ctx, sdk_as_rest, node.ty.span));
                }
            }
        }
        let attrs_desc = node.attrs.description();
        let description = if attrs_desc.trim().is_empty() {
            sdk.map_or("", |s| s.attrs.description())
        } else {
            attrs_desc
        };
        let validation = if node.attrs.validation.is_empty() {
            sdk.map(|s| &s.attrs.validation)
        } else {
            Some(&node.attrs.validation)
        };
        FieldDraft {
            wire_name: wire,
            ty,
            required: node.attrs.required || sdk.is_some_and(|s| s.attrs.required),
            read_only: node.attrs.read_only || sdk.is_some_and(|s| s.attrs.read_only),
            validation: validation.map_or_else(Vec::new, |v| v.iter().map(|r| r.value.clone()).collect()),
            docs: docs_from(description),
            source: self.at(node.name.span),
            listing,
        }
    }

    /// Records a message listing; returns its index in [`Self::types`].
    fn record_struct(
        &mut self,
        name: &str,
        members: &'a [Member],
        sdk_members: &'a [Member],
        ctx: Context,
        sdk_as_rest: bool,
        span: Span,
    ) -> usize {
        let (one_ofs, fields) = self.members(members, sdk_members, ctx, sdk_as_rest);
        self.types.push(TypeDraft::Struct(StructDraft {
            name: name.to_string(),
            one_ofs,
            fields,
            context: ctx,
            sources: vec![self.at(span)],
        }));
        self.types.len() - 1
    }

    /// Records an enum listing; returns its index in [`Self::types`].
    fn record_enum(&mut self, name: &str, values: &EnumValues, sdk: Option<&EnumValues>) -> usize {
        let source = if values.values.is_empty() {
            sdk.unwrap_or(values)
        } else {
            values
        };
        let values = source
            .values
            .iter()
            .map(|v| ValueDraft {
                wire: v.name.clone(),
                description: v.description.clone().or_else(|| {
                    sdk.and_then(|s| s.values.iter().find(|sv| sv.name == v.name))
                        .and_then(|sv| sv.description.clone())
                }),
            })
            .collect();
        self.types.push(TypeDraft::Enum(EnumDraft {
            name: name.to_string(),
            values,
            sources: vec![self.at(source.span)],
        }));
        self.types.len() - 1
    }

    fn members(
        &mut self,
        rest: &'a [Member],
        sdk: &'a [Member],
        ctx: Context,
        sdk_as_rest: bool,
    ) -> (Vec<OneOfDraft>, Vec<FieldDraft>) {
        let mut one_ofs = Vec::new();
        let mut fields = Vec::new();
        for m in rest {
            match m {
                Member::Field(f) => {
                    let rest_name = wire_of(f, sdk_as_rest);
                    let s = find_sdk_field(sdk, rest_name).map(Node::from);
                    fields.push(self.node(Node::from(f), s, ctx, sdk_as_rest));
                }
                Member::OneOf(g) => {
                    let sdk_group = find_sdk_group(sdk, g);
                    let sdk_scope: &'a [Member] = sdk;
                    let members = g
                        .members
                        .iter()
                        .map(|f| {
                            let rest_name = wire_of(f, sdk_as_rest);
                            let s = sdk_group
                                .and_then(|sg| {
                                    sg.members
                                        .iter()
                                        .find(|sm| rest_name_of_sdk(&sm.name.value) == rest_name)
                                })
                                .or_else(|| find_sdk_field(sdk_scope, rest_name))
                                .map(Node::from);
                            self.node(Node::from(f), s, ctx, sdk_as_rest)
                        })
                        .collect();
                    one_ofs.push(OneOfDraft {
                        required: g.required || sdk_group.is_some_and(|sg| sg.required),
                        members,
                        source: self.at(g.span),
                    });
                }
            }
        }
        (one_ofs, fields)
    }

    /// Applies `Required parameters:` of a block to the params and to this
    /// page's listings of the types the dotted paths walk through.
    pub(crate) fn required_paths(&mut self, params: &mut [FieldDraft], block: &SchemaBlock, from_sdk: bool) {
        let Some(req) = &block.required_parameters else { return };
        let sdk_only_params: HashSet<&str> = if from_sdk {
            block
                .params
                .iter()
                .map(|p| p.name.value.as_str())
                .filter(|n| !params.iter().any(|f| f.wire_name == *n))
                .collect()
        } else {
            HashSet::new()
        };
        for path in &req.value {
            let mut segs: Vec<&str> = path.split('.').map(str::trim).filter(|s| !s.is_empty()).collect();
            if from_sdk {
                segs = segs.into_iter().map(rest_name_of_sdk).collect();
                if segs.len() > 1 && sdk_only_params.contains(segs[0]) {
                    segs.remove(0);
                }
            }
            let Some(first) = segs.first() else { continue };
            let Some(param) = params.iter_mut().find(|p| p.wire_name == *first) else {
                if !(from_sdk && sdk_only_params.contains(first)) {
                    self.unknown_required(path, req.span, &format!("no param `{first}`"));
                }
                continue;
            };
            if segs.len() == 1 {
                param.required = true;
                continue;
            }
            let mut current: BTreeSet<String> = param.ty.named().map(str::to_string).into_iter().collect();
            for (i, seg) in segs.iter().enumerate().skip(1) {
                let last = i + 1 == segs.len();
                let mut next = BTreeSet::new();
                let mut found = false;
                for t in &mut self.types {
                    let TypeDraft::Struct(s) = t else { continue };
                    if !current.contains(&s.name) {
                        continue;
                    }
                    if let Some(f) = s.fields.iter_mut().find(|f| f.wire_name == *seg) {
                        found = true;
                        if last {
                            f.required = true;
                        } else if let Some(n) = f.ty.named() {
                            next.insert(n.to_string());
                        }
                    }
                    for g in &mut s.one_ofs {
                        if let Some(f) = g.members.iter().find(|f| f.wire_name == *seg) {
                            found = true;
                            if last {
                                g.required = true;
                            } else if let Some(n) = f.ty.named() {
                                next.insert(n.to_string());
                            }
                        }
                    }
                }
                if !found {
                    let owner = current.iter().next().cloned().unwrap_or_default();
                    let what = if owner.is_empty() {
                        format!("no fields under `{}`", segs[..i].join("."))
                    } else {
                        format!("no field `{seg}` in `{owner}`")
                    };
                    self.unknown_required(path, req.span, &what);
                    break;
                }
                current = next;
            }
        }
    }

    fn unknown_required(&mut self, path: &str, span: Span, what: &str) {
        self.diags.push(
            IrDiagnostic::warning(
                codes::UNKNOWN_REQUIRED_PATH,
                self.at(span),
                format!("`Required parameters:` names `{path}`, but the page shows {what}; ignored"),
            )
            .with_help("nothing to do unless the field should exist; the docs sometimes list fields they never show"),
        );
    }

    /// The drafts and diagnostics of the page.
    pub(crate) fn into_parts(self) -> (Vec<TypeDraft>, Vec<IrDiagnostic>) {
        (self.types, self.diags)
    }

    /// Adds listings of types that are referenced but listed only in the
    /// page's `types` table or only in the SDK section (SDK names mapped to
    /// REST wire names).
    pub(crate) fn fill_unlisted(&mut self) {
        for t in &self.types {
            if let Some(s) = t.first_source() {
                self.seen_spans.insert(s.span);
            }
        }
        let mut listed: HashSet<String> = self.types.iter().map(|t| t.name().to_string()).collect();
        let mut cursor = 0;
        while cursor < self.referenced.len() {
            let (name, ctx) = self.referenced[cursor].clone();
            cursor += 1;
            if listed.contains(&name) {
                continue;
            }
            listed.insert(name.clone());
            let listings = self.listings;
            if let Some(l) = listings
                .iter()
                .find(|l| l.section == SectionKind::Rest && l.name == name && !self.seen_spans.contains(&l.span))
            {
                let sdk_members = self.sdk.structs.get(name.as_str()).copied().unwrap_or(&[]);
                if let Some(v) = &l.enum_values {
                    let sdk_values = self.sdk.enums.get(name.as_str()).copied();
                    self.record_enum(&name, v, sdk_values);
                } else if !l.members.is_empty() {
                    self.record_struct(&name, &l.members, sdk_members, ctx, false, l.span);
                }
            } else if let Some(v) = self.sdk.enums.get(name.as_str()).copied() {
                self.record_enum(&name, v, None);
            } else if let Some(m) = self.sdk.structs.get(name.as_str()).copied() {
                let span = listings
                    .iter()
                    .find(|l| l.section == SectionKind::Sdk && l.name == name)
                    .map_or_else(|| first_span(m), |l| l.span);
                self.record_struct(&name, m, &[], ctx, true, span);
            }
        }
    }
}

fn wire_of(f: &Field, sdk_as_rest: bool) -> &str {
    if sdk_as_rest {
        rest_name_of_sdk(&f.name.value)
    } else {
        &f.name.value
    }
}

fn first_span(members: &[Member]) -> Span {
    match members.first() {
        Some(Member::Field(f)) => f.span,
        Some(Member::OneOf(g)) => g.span,
        None => Span::default(),
    }
}
