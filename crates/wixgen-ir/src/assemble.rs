//! Assembly: a package's page drafts unified, checked, named and turned into IR.
//!
//! Rust names are claimed in a fixed order so that collisions resolve the same
//! way every run: in a package's type namespace first the named types (sorted
//! by page name), then the service clients, then the request structs (by
//! service, then method), then the ONE-OF enums (by struct); within a struct
//! the regular fields in page order, then the ONE-OF group fields.

use crate::diag::{IrDiagnostic, codes};
use crate::draft::{FieldDraft, MethodDraft, PageDraft, ParamLoc, StructDraft, Transport, Ty, TypeDraft};
use crate::identity::{self, Class, Owner};
use crate::model::{
    Docs, EnumType, EnumVariant, Field, Method, MethodExamples, MethodSamples, NamedType, OneOfGroup, Package,
    PathSegment, PluginMethod, Service, SplitType, StructType, TypeDecisions, TypeMerge, TypeRef, TypeSplit, Usage,
};
use crate::names::{self, NameSet};
use crate::paging;
use crate::qualify::{Qualify, qualified};
use crate::samples::{Drafted, Synth};
use crate::types::to_type_ref;
use crate::usage;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every package, sorted by name, with the type decisions of each.
pub(crate) fn packages(
    by_package: BTreeMap<String, Vec<PageDraft>>,
    diags: &mut Vec<IrDiagnostic>,
    decisions: &mut TypeDecisions,
) -> Vec<Package> {
    let mut modules = NameSet::new();
    let mut features = NameSet::new();
    let named: Vec<(String, String, String, Vec<PageDraft>)> = by_package
        .into_iter()
        .map(|(name, pages)| {
            let module = modules.claim_snake(&names::module_name(&name));
            let feature = features.claim_with_dash(&names::feature_name(&name));
            (name, module, feature, pages)
        })
        .collect();
    // Packages are independent: assembled in parallel, reported in name order.
    let assembled: Vec<(Package, Vec<IrDiagnostic>, TypeDecisions)> = named
        .into_par_iter()
        .map(|(name, module, feature, pages)| {
            let mut d = Vec::new();
            let mut t = TypeDecisions::default();
            let p = package(name, module, feature, pages, &mut d, &mut t);
            (p, d, t)
        })
        .collect();
    assembled
        .into_iter()
        .map(|(p, d, t)| {
            diags.extend(d);
            decisions.merges.extend(t.merges);
            decisions.splits.extend(t.splits);
            p
        })
        .collect()
}

/// The key of the request type of a service-plugin method, unique in `table`.
fn plugin_request_key(table: &BTreeMap<String, TypeDraft>, method: &str) -> String {
    let base = names::request_struct_name(method);
    let mut key = base.clone();
    let mut n = 2;
    while table.contains_key(&key) {
        key = format!("{base}#plugin{n}");
        n += 1;
    }
    key
}

fn package(
    name: String,
    module: String,
    feature: String,
    mut pages: Vec<PageDraft>,
    diags: &mut Vec<IrDiagnostic>,
    decisions: &mut TypeDecisions,
) -> Package {
    let identity = identity::decide(&mut pages, diags);
    let mut table = identity.table;

    // A response type listed nowhere is an empty message.
    for p in &pages {
        if let Some(Ty::Named(n)) = &p.method.response {
            table.entry(n.clone()).or_insert_with(|| {
                TypeDraft::Struct(StructDraft {
                    name: n.clone(),
                    one_ofs: Vec::new(),
                    fields: Vec::new(),
                    context: crate::draft::Context::Response,
                    sources: vec![p.method.source.clone()],
                })
            });
        }
    }
    // A service plugin's params are the one message Wix sends it.
    let mut plugin_requests: HashMap<String, String> = HashMap::new();
    for p in &pages {
        if p.method.transport == Transport::ServicePlugin {
            let key = plugin_request_key(&table, &p.method.name);
            table.insert(
                key.clone(),
                TypeDraft::Struct(StructDraft {
                    name: names::request_struct_name(&p.method.name),
                    one_ofs: Vec::new(),
                    fields: p.method.params.iter().map(|(_, f)| f.clone()).collect(),
                    context: crate::draft::Context::Response,
                    sources: vec![p.method.source.clone()],
                }),
            );
            plugin_requests.insert(p.method.name.clone(), key);
        }
    }

    resolve_unlisted(&mut table, &mut pages, diags);

    let usage = usage::compute(&table, pages.iter().map(|p| &p.method), &plugin_requests);
    table.retain(|k, _| usage.contains_key(k));

    let qualify = Qualify::new(&pages);
    let mut type_names = NameSet::new();
    let rust_of = type_rust_names(&table, &identity.classes, &mut type_names, &qualify);
    let lookup = |n: &str| rust_of.get(n).cloned();
    record_decisions(&name, &identity.classes, &table, &rust_of, decisions);

    let synth = Synth::new(&pages, &table);
    let samples: Vec<Drafted> = (0..pages.len()).map(|p| synth.method(p)).collect();
    let mut by_service: BTreeMap<String, Vec<(MethodDraft, Drafted)>> = BTreeMap::new();
    for (p, samples) in pages.into_iter().zip(samples) {
        by_service.entry(p.service).or_default().push((p.method, samples));
    }
    let service_rust: Vec<String> = by_service
        .keys()
        .map(|s| type_names.claim_type(&names::type_name(s)))
        .collect();
    let mut request_names: HashMap<(String, String), String> = HashMap::new();
    for (svc, methods) in by_service.iter_mut() {
        methods.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        for (m, _) in methods.iter().filter(|(m, _)| m.transport != Transport::ServicePlugin) {
            // Qualified by the service when the plain name is a type of the package already.
            let wanted = qualify.request_name(svc, &m.name);
            let r = if type_names.contains(&wanted) {
                type_names.claim_type(&qualified(svc, &names::request_struct_name(&m.name)))
            } else {
                type_names.claim_type(&wanted)
            };
            request_names.insert((svc.clone(), m.name.clone()), r);
        }
    }
    decisions.splits.extend(
        qualify.report(
            &name,
            by_service
                .iter()
                .flat_map(|(svc, methods)| methods.iter().map(move |(m, _)| (svc.as_str(), m))),
            &request_names,
        ),
    );

    let mut types: Vec<NamedType> = table
        .iter()
        .map(|(key, t)| {
            let rust_name = lookup(key).unwrap_or_else(|| names::type_name(t.name()));
            let u = usage.get(key).copied().unwrap_or_default();
            match t {
                TypeDraft::Struct(s) => NamedType::Struct(struct_ir(s, rust_name, u, &mut type_names, &lookup)),
                TypeDraft::Enum(e) => {
                    let mut variants = variant_set();
                    let mut seen = HashSet::new();
                    NamedType::Enum(EnumType {
                        name: e.name.clone(),
                        rust_name,
                        docs: Docs::default(),
                        variants: e
                            .values
                            .iter()
                            .filter(|v| seen.insert(v.wire.clone()))
                            .map(|v| EnumVariant {
                                wire_name: v.wire.clone(),
                                rust_name: variants.claim_camel(&names::variant_name(&v.wire)),
                                docs: crate::docs::docs_from(v.description.as_deref().unwrap_or("")),
                            })
                            .collect(),
                        usage: u,
                        sources: e.sources.clone(),
                    })
                }
            }
        })
        .collect();
    types.sort_by(|a, b| a.rust_name().cmp(b.rust_name()));

    let by_rust: HashMap<&str, &NamedType> = types.iter().map(|t| (t.rust_name(), t)).collect();
    let mut services: Vec<Service> = by_service
        .into_iter()
        .zip(service_rust)
        .map(|((svc, methods), rust_name)| {
            let mut method_names = NameSet::new();
            let mut rest_methods = Vec::new();
            let mut plugin_methods = Vec::new();
            for (m, drafted) in methods {
                let rust_name = method_names.claim_snake(&names::snake_case(&m.name));
                let samples = MethodSamples {
                    request: drafted.request,
                    response: drafted.response,
                    response_unknown_keys: drafted.response_unknown_keys,
                };
                if m.transport == Transport::ServicePlugin {
                    let request = plugin_requests
                        .get(&m.name)
                        .and_then(|k| lookup(k))
                        .map_or(TypeRef::Json, TypeRef::Named);
                    let mut method = plugin_method_ir(m, rust_name, request, &lookup);
                    method.samples = samples;
                    plugin_methods.push(method);
                    continue;
                }
                let request = request_names
                    .get(&(svc.clone(), m.name.clone()))
                    .cloned()
                    .unwrap_or_else(|| names::request_struct_name(&m.name));
                let mut method = method_ir(m, rust_name, request, &lookup, &by_rust, diags);
                method.pagination = paging::detect(&method, &by_rust);
                method.samples = samples;
                rest_methods.push(method);
            }
            rest_methods.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
            plugin_methods.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
            Service {
                name: svc,
                rust_name,
                methods: rest_methods,
                plugin_methods,
            }
        })
        .collect();
    services.sort_by(|a, b| a.name.cmp(&b.name));

    Package {
        name,
        module,
        feature,
        services,
        types,
        articles: Vec::new(),
    }
}

/// Rust names of the package's types, by key. A short name that stands for
/// one type is that type's name; one that stands for several (a split) names
/// each after where it is used: `<Owner><Name>`, the owner being the
/// alphabetically first type (or request, or response) whose field a page
/// lists it under (else the first holding it at all), then
/// `<Owner><Field><Name>` if that is taken, then a numeric suffix. Names
/// that are not split are claimed first.
fn type_rust_names(
    table: &BTreeMap<String, TypeDraft>,
    classes: &[Class],
    type_names: &mut NameSet,
    qualify: &Qualify,
) -> HashMap<String, String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for t in table.values() {
        *count.entry(t.name()).or_default() += 1;
    }
    let mut rust_of: HashMap<String, String> = HashMap::new();
    for (key, t) in table {
        if count[t.name()] == 1 {
            rust_of.insert(key.clone(), type_names.claim_type(&names::type_name(t.name())));
        }
    }
    let class_by_key: HashMap<&str, &Class> = classes.iter().map(|c| (c.key.as_str(), c)).collect();
    let mut namer = SplitNamer {
        table,
        class_by_key,
        rust_of,
        visiting: HashSet::new(),
        qualify,
    };
    for key in table.keys() {
        namer.name(key, type_names);
    }
    namer.rust_of
}

struct SplitNamer<'a> {
    table: &'a BTreeMap<String, TypeDraft>,
    class_by_key: HashMap<&'a str, &'a Class>,
    rust_of: HashMap<String, String>,
    visiting: HashSet<String>,
    qualify: &'a Qualify,
}

impl SplitNamer<'_> {
    fn name(&mut self, key: &str, type_names: &mut NameSet) -> String {
        if let Some(n) = self.rust_of.get(key) {
            return n.clone();
        }
        let short = self.table.get(key).map_or(key, |t| t.name()).to_string();
        let own = names::type_name(&short);
        if !self.visiting.insert(key.to_string()) {
            // A cycle of split types: the owner is named by its short name here.
            return own;
        }
        // Named after a use where a page lists the type (a bare reference
        // may be a guess), the alphabetically first such owner.
        let mut owners: Vec<(bool, String, String)> = Vec::new();
        let sources = self.table.get(key).map_or(&[][..], |t| t.sources());
        if let Some(class) = self.class_by_key.get(key).copied() {
            for (owner, field) in &class.owners {
                // A request or response is qualified by its service (the
                // method name would repeat in `<Method><Method>Response`).
                let owner_name = match owner {
                    Owner::Type(k) if self.table.contains_key(k) => self.name(k, type_names),
                    Owner::Type(_) => continue,
                    Owner::Request(m) => match self.qualify.service_of(sources, m) {
                        Some(svc) => self.qualify.request_name(svc, m),
                        None => names::request_struct_name(m),
                    },
                    Owner::Response(m) => match self.qualify.service_of(sources, m) {
                        Some(svc) => qualified(svc, ""),
                        None => names::type_name(m),
                    },
                };
                let bare = !class.listed_under.contains(&(owner.clone(), field.clone()));
                owners.push((bare, owner_name, field.clone()));
            }
        }
        owners.sort();
        let owners: Vec<(String, String)> = owners.into_iter().map(|(_, o, f)| (o, f)).collect();
        let name = match owners.first() {
            Some((owner, field)) => {
                let first = format!("{owner}{own}");
                // The root of a response has no field name to add.
                let field_name = if field.is_empty() {
                    String::new()
                } else {
                    names::type_name(field)
                };
                if !type_names.contains(&first) || field_name == own || field_name.is_empty() {
                    type_names.claim_type(&first)
                } else {
                    type_names.claim_type(&format!("{owner}{field_name}{own}"))
                }
            }
            None => type_names.claim_type(&own),
        };
        self.visiting.remove(key);
        self.rust_of.insert(key.to_string(), name.clone());
        name
    }
}

/// Adds the package's merges and splits to the report.
fn record_decisions(
    package: &str,
    classes: &[Class],
    table: &BTreeMap<String, TypeDraft>,
    rust_of: &HashMap<String, String>,
    decisions: &mut TypeDecisions,
) {
    let live: Vec<&Class> = classes.iter().filter(|c| table.contains_key(&c.key)).collect();
    let sources = |c: &Class| table.get(&c.key).map_or_else(Vec::new, |t| t.sources().to_vec());
    for c in &live {
        if c.listings.len() > 1 {
            let mut how: Vec<&str> = c.listings.iter().skip(1).map(|(_, _, j)| j.word()).collect();
            how.sort();
            how.dedup();
            decisions.merges.push(TypeMerge {
                package: package.to_string(),
                name: c.short.clone(),
                rust_name: rust_of.get(&c.key).cloned().unwrap_or_default(),
                sources: sources(c),
                how: how.join(", "),
            });
        }
    }
    let mut by_short: BTreeMap<&str, Vec<&Class>> = BTreeMap::new();
    for c in &live {
        by_short.entry(c.short.as_str()).or_default().push(c);
    }
    for (short, group) in by_short {
        if group.len() < 2 {
            continue;
        }
        decisions.splits.push(TypeSplit {
            package: package.to_string(),
            name: short.to_string(),
            types: group
                .iter()
                .map(|c| SplitType {
                    rust_name: rust_of.get(&c.key).cloned().unwrap_or_default(),
                    kind: if c.is_enum { "enum" } else { "message" }.to_string(),
                    sources: sources(c),
                    reason: c.reason.text().to_string(),
                    used_by: c
                        .owners
                        .iter()
                        .take(4)
                        .map(|(o, f)| {
                            let owner = match o {
                                Owner::Type(k) => rust_of.get(k).cloned().unwrap_or_else(|| k.clone()),
                                Owner::Request(m) => names::request_struct_name(m),
                                Owner::Response(m) => format!("{m} (response)"),
                            };
                            if f.is_empty() { owner } else { format!("{owner}.{f}") }
                        })
                        .collect(),
                })
                .collect(),
        });
    }
}

/// Replaces references to types listed nowhere in the package with JSON,
/// warning once per page and type.
fn resolve_unlisted(table: &mut BTreeMap<String, TypeDraft>, pages: &mut [PageDraft], diags: &mut Vec<IrDiagnostic>) {
    let known: HashSet<String> = table.keys().cloned().collect();
    let mut warned: HashSet<(String, String)> = HashSet::new();
    let mut fix = |f: &mut FieldDraft| {
        let Some(n) = f.ty.named().map(str::to_string) else {
            return;
        };
        if known.contains(&n) {
            return;
        }
        f.ty = json_for_named(&f.ty);
        if warned.insert((f.source.page.clone(), n.clone())) {
            diags.push(
                IrDiagnostic::warning(
                    codes::UNLISTED_TYPE,
                    f.source.clone(),
                    format!(
                        "field `{}` has type `{n}`, which no page of the package lists; generated as free-form JSON",
                        f.wire_name
                    ),
                )
                .with_help(format!("add a page of the package that lists the fields of `{n}`")),
            );
        }
    };
    for t in table.values_mut() {
        if let TypeDraft::Struct(s) = t {
            s.one_ofs
                .iter_mut()
                .flat_map(|g| g.members.iter_mut())
                .for_each(&mut fix);
            s.fields.iter_mut().for_each(&mut fix);
        }
    }
    for p in pages.iter_mut() {
        p.method.params.iter_mut().for_each(|(_, f)| fix(f));
    }
}

fn json_for_named(ty: &Ty) -> Ty {
    match ty {
        Ty::Array(inner) => Ty::Array(Box::new(json_for_named(inner))),
        Ty::Named(_) => Ty::Json,
        other => other.clone(),
    }
}

fn variant_set() -> NameSet {
    let mut set = NameSet::new();
    set.reserve(names::UNKNOWN_VARIANT);
    set
}

fn field_ir(f: &FieldDraft, rust_name: String, lookup: &dyn Fn(&str) -> Option<String>) -> Field {
    Field {
        wire_name: f.wire_name.clone(),
        rust_name,
        ty: to_type_ref(&f.ty, lookup),
        required: f.required,
        read_only: f.read_only,
        validation: f.validation.clone(),
        docs: f.docs.clone(),
        source: f.source.clone(),
    }
}

fn struct_ir(
    s: &StructDraft,
    rust_name: String,
    usage: Usage,
    type_names: &mut NameSet,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> StructType {
    let mut field_names = NameSet::new();
    let mut seen = HashSet::new();
    let fields: Vec<Field> = s
        .fields
        .iter()
        .filter(|f| seen.insert(f.wire_name.clone()))
        .map(|f| field_ir(f, field_names.claim_snake(&names::snake_case(&f.wire_name)), lookup))
        .collect();
    let groups = s.one_ofs.len();
    let one_ofs = s
        .one_ofs
        .iter()
        .map(|g| {
            let first = g.members.first().map_or("", |m| m.wire_name.as_str());
            let (enum_name, field_name) = names::one_of_names(&rust_name, first, groups);
            let mut member_names = NameSet::new();
            let mut variants = variant_set();
            let members: Vec<&FieldDraft> = g.members.iter().filter(|m| seen.insert(m.wire_name.clone())).collect();
            OneOfGroup {
                rust_name: type_names.claim_type(&enum_name),
                field_rust_name: field_names.claim_snake(&field_name),
                required: g.required,
                variant_rust_names: members
                    .iter()
                    .map(|m| variants.claim_camel(&names::variant_name(&m.wire_name)))
                    .collect(),
                members: members
                    .iter()
                    .map(|m| field_ir(m, member_names.claim_snake(&names::snake_case(&m.wire_name)), lookup))
                    .collect(),
            }
        })
        .collect();
    StructType {
        name: s.name.clone(),
        rust_name,
        docs: Docs::default(),
        one_ofs,
        fields,
        usage,
        sources: s.sources.clone(),
    }
}

fn method_ir(
    m: MethodDraft,
    rust_name: String,
    request_rust_name: String,
    lookup: &dyn Fn(&str) -> Option<String>,
    types: &HashMap<&str, &NamedType>,
    diags: &mut Vec<IrDiagnostic>,
) -> Method {
    let Transport::Rest {
        http_method,
        url,
        mut path,
    } = m.transport
    else {
        unreachable!("service-plugin methods are lowered by plugin_method_ir")
    };
    let mut param_names = NameSet::new();
    let (mut path_params, mut query_params, mut body_params) = (Vec::new(), Vec::new(), Vec::new());
    for (loc, p) in &m.params {
        let f = field_ir(p, param_names.claim_snake(&names::snake_case(&p.wire_name)), lookup);
        match loc {
            ParamLoc::Path => path_params.push(f),
            ParamLoc::Query => query_params.push(f),
            ParamLoc::Body => body_params.push(f),
        }
    }
    // `{a.b}`: the field path must lead through message fields to a string or an integer.
    for segment in &mut path {
        let PathSegment::Param(ph) = segment else { continue };
        if ph.field_path.len() < 2 || nested_path_ok(&ph.field_path, &query_params, &body_params, types) {
            continue;
        }
        let name = ph.field_path.join(".");
        diags.push(
            IrDiagnostic::warning(
                codes::NESTED_PATH_PARAM,
                m.source.clone(),
                format!(
                    "the URL placeholder `{{{}}}` names a field the request types do not have (or one that is not a string or an integer); generated as a separate string path param `{name}`",
                    ph.template
                ),
            )
            .with_help(format!("callers must pass the same value as `{name}` in the body")),
        );
        ph.field_path = vec![name.clone()];
        path_params.push(Field {
            wire_name: name.clone(),
            rust_name: param_names.claim_snake(&names::snake_case(&name)),
            ty: TypeRef::String,
            required: true,
            read_only: false,
            validation: Vec::new(),
            docs: Docs {
                description: format!("Fills `{{{}}}` in the URL path.", ph.template),
                deprecated: false,
            },
            source: m.source.clone(),
        });
    }
    Method {
        name: m.name,
        operation: m.operation,
        rust_name,
        http_method,
        url,
        path,
        path_params,
        query_params,
        body_params,
        request_rust_name,
        response: m.response.as_ref().map(|r| to_type_ref(r, lookup)),
        permission_scopes: m.permission_scopes,
        docs_link: m.docs_link,
        docs: m.docs,
        errors: m.errors,
        pagination: None,
        samples: MethodSamples::default(),
        examples: MethodExamples::default(),
        source: m.source,
    }
}

/// Whether `path` (wire names from a query or body param down) reaches a
/// string or integer field through message fields.
fn nested_path_ok(path: &[String], query: &[Field], body: &[Field], types: &HashMap<&str, &NamedType>) -> bool {
    let Some(first) = query.iter().chain(body).find(|f| f.wire_name == path[0]) else {
        return false;
    };
    let mut ty = &first.ty;
    for wire in &path[1..] {
        let TypeRef::Named(n) = ty else { return false };
        let Some(NamedType::Struct(s)) = types.get(n.as_str()) else {
            return false;
        };
        let Some(f) = s
            .fields
            .iter()
            .chain(s.one_ofs.iter().flat_map(|g| g.members.iter()))
            .find(|f| &f.wire_name == wire)
        else {
            return false;
        };
        ty = &f.ty;
    }
    matches!(
        ty,
        TypeRef::String | TypeRef::Timestamp | TypeRef::Int32 | TypeRef::Int64
    )
}

fn plugin_method_ir(
    m: MethodDraft,
    rust_name: String,
    request: TypeRef,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> PluginMethod {
    PluginMethod {
        name: m.name,
        operation: m.operation,
        rust_name,
        request,
        response: m.response.as_ref().map(|r| to_type_ref(r, lookup)),
        docs_link: m.docs_link,
        docs: m.docs,
        errors: m.errors,
        samples: MethodSamples::default(),
        examples: MethodExamples::default(),
        source: m.source,
    }
}
