//! Assembly: a package's page drafts unified, checked, named and turned into IR.
//!
//! Rust names are claimed in a fixed order so that collisions resolve the same
//! way every run: in a package's type namespace first the named types (sorted
//! by page name), then the service clients, then the request structs (by
//! service, then method), then the ONE-OF enums (by struct); within a struct
//! the regular fields in page order, then the ONE-OF group fields.

use crate::diag::{IrDiagnostic, codes};
use crate::draft::{FieldDraft, MethodDraft, PageDraft, ParamLoc, StructDraft, Ty, TypeDraft};
use crate::model::{
    Docs, EnumType, EnumVariant, Field, Method, NamedType, OneOfGroup, Package, Service, StructType, Usage,
};
use crate::names::{self, NameSet};
use crate::paging;
use crate::types::to_type_ref;
use crate::unify::unify;
use crate::usage;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every package, sorted by name.
pub(crate) fn packages(by_package: BTreeMap<String, Vec<PageDraft>>, diags: &mut Vec<IrDiagnostic>) -> Vec<Package> {
    let mut modules = NameSet::new();
    let mut features = NameSet::new();
    by_package
        .into_iter()
        .map(|(name, pages)| {
            let module = modules.claim_snake(&names::module_name(&name));
            let feature = features.claim_with_dash(&names::feature_name(&name));
            package(name, module, feature, pages, diags)
        })
        .collect()
}

fn package(
    name: String,
    module: String,
    feature: String,
    mut pages: Vec<PageDraft>,
    diags: &mut Vec<IrDiagnostic>,
) -> Package {
    let drafts: Vec<TypeDraft> = pages.iter().flat_map(|p| p.types.iter().cloned()).collect();
    let mut table = unify(drafts, diags);

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

    resolve_unlisted(&mut table, &mut pages, diags);

    let usage = usage::compute(&table, pages.iter().map(|p| &p.method));
    table.retain(|k, _| usage.contains_key(k));

    let mut type_names = NameSet::new();
    let rust_of: HashMap<String, String> = table
        .keys()
        .map(|k| (k.clone(), type_names.claim_type(&names::type_name(k))))
        .collect();
    let lookup = |n: &str| rust_of.get(n).cloned();

    let mut by_service: BTreeMap<String, Vec<MethodDraft>> = BTreeMap::new();
    for p in pages {
        by_service.entry(p.service).or_default().push(p.method);
    }
    let service_rust: Vec<String> = by_service
        .keys()
        .map(|s| type_names.claim_type(&names::type_name(s)))
        .collect();
    let mut request_names: HashMap<(String, String), String> = HashMap::new();
    for (svc, methods) in by_service.iter_mut() {
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        for m in methods.iter() {
            let r = type_names.claim_type(&names::request_struct_name(&m.name));
            request_names.insert((svc.clone(), m.name.clone()), r);
        }
    }

    let mut types: Vec<NamedType> = table
        .values()
        .map(|t| {
            let rust_name = lookup(t.name()).unwrap_or_else(|| names::type_name(t.name()));
            let u = usage.get(t.name()).copied().unwrap_or_default();
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
            let mut methods: Vec<Method> = methods
                .into_iter()
                .map(|m| {
                    let rust_name = method_names.claim_snake(&names::snake_case(&m.name));
                    let request = request_names
                        .get(&(svc.clone(), m.name.clone()))
                        .cloned()
                        .unwrap_or_else(|| names::request_struct_name(&m.name));
                    let mut method = method_ir(m, rust_name, request, &lookup);
                    method.pagination = paging::detect(&method, &by_rust);
                    method
                })
                .collect();
            methods.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
            Service {
                name: svc,
                rust_name,
                methods,
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
) -> Method {
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
    Method {
        name: m.name,
        operation: m.operation,
        rust_name,
        http_method: m.http_method,
        url: m.url,
        path: m.path,
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
        source: m.source,
    }
}
