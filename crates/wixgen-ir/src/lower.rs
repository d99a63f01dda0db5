//! The driver: pages → drafts (one page at a time) → packages.
//!
//! Pages are processed sorted by path, so the output does not depend on the
//! order the caller passes them in. A page with an error in lowering is
//! skipped as a whole (its method and its type listings are left out) and the
//! others go on.

use crate::assemble;
use crate::diag::{IrDiagnostic, codes};
use crate::docs::docs_from;
use crate::draft::{FieldDraft, MethodDraft, PageDraft, ParamLoc, Transport, Ty};
use crate::model::{
    Api, Docs, ErrorInfo, HttpMethod, PathParam, PathSegment, PermissionScope, SourceRef, TypeDecisions,
};
use crate::reconcile::PageReconciler;
use crate::url::split_path;
use crate::{LowerOutput, PageInput};
use heck::{ToLowerCamelCase, ToUpperCamelCase};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use wixgen_schema::{Page, PossibleError, Span, Spanned};

/// One page lowered on its own, before the packages are assembled: see
/// [`crate::lower_page`]. Holds the page's draft (its method and type listings,
/// without the page model) and its diagnostics.
#[derive(Debug, Clone)]
pub struct PageLowering {
    path: String,
    draft: Option<PageDraft>,
    diagnostics: Vec<IrDiagnostic>,
}

impl PageLowering {
    /// The page's path, as given in its [`PageInput`].
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// See [`crate::lower_page`].
pub(crate) fn lower_one(input: &PageInput) -> PageLowering {
    let (draft, diagnostics) = draft_page(input);
    PageLowering {
        path: input.path.clone(),
        draft,
        diagnostics,
    }
}

/// See [`crate::lower`].
pub(crate) fn lower(pages: &[PageInput]) -> LowerOutput {
    assemble_pages(pages.par_iter().map(lower_one).collect())
}

/// See [`crate::assemble`].
pub(crate) fn assemble_pages(mut pages: Vec<PageLowering>) -> LowerOutput {
    // Pages are drafted independently (in any order), then taken in path order.
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let mut diagnostics = Vec::new();
    let mut drafts: Vec<PageDraft> = Vec::new();
    let mut seen: HashMap<(String, String, String), SourceRef> = HashMap::new();
    for PageLowering {
        draft,
        diagnostics: diags,
        ..
    } in pages
    {
        let skipped = diags.iter().any(IrDiagnostic::is_error);
        diagnostics.extend(diags);
        let Some(draft) = draft else { continue };
        if skipped {
            continue;
        }
        let key = (draft.package.clone(), draft.service.clone(), draft.method.name.clone());
        if let Some(first) = seen.get(&key) {
            diagnostics.push(
                IrDiagnostic::error(
                    codes::DUPLICATE_METHOD,
                    draft.method.source.clone(),
                    format!(
                        "method `{}` of `{}.{}` is already described by {}; this page is skipped",
                        key.2, key.0, key.1, first.page
                    ),
                )
                .with_related(first.clone(), "first described here")
                .with_help("remove one of the two pages from the schemas directory"),
            );
            continue;
        }
        seen.insert(key, draft.method.source.clone());
        drafts.push(draft);
    }
    let mut by_package: BTreeMap<String, Vec<PageDraft>> = BTreeMap::new();
    for d in drafts {
        by_package.entry(d.package.clone()).or_default().push(d);
    }
    let mut decisions = TypeDecisions::default();
    let packages = assemble::packages(by_package, &mut diagnostics, &mut decisions);
    LowerOutput {
        api: Api {
            packages,
            unplaced: Default::default(),
        },
        diagnostics,
        types: decisions,
    }
}

fn start_of(path: &str) -> SourceRef {
    SourceRef {
        page: path.to_string(),
        span: Span {
            line: 1,
            column: 1,
            offset: 0,
            len: 0,
        },
    }
}

/// Drafts one page: its REST and SDK blocks reconciled, its method and type
/// listings drafted ([`crate::lower_page`] keeps the draft with the page's
/// path). Returns the draft when the page could be lowered (errors among the
/// diagnostics still skip it).
fn draft_page(input: &PageInput) -> (Option<PageDraft>, Vec<IrDiagnostic>) {
    let path = input.path.as_str();
    let page: &Page = &input.page;
    let at = |span: Span| SourceRef {
        page: path.to_string(),
        span,
    };
    let mut diags = Vec::new();

    let rest = page.rest.as_ref().and_then(|s| s.schema.as_ref());
    let sdk = page.sdk.as_ref().and_then(|s| s.schema.as_ref());

    let rest_method_name = rest
        .and_then(|b| b.method_name.as_ref())
        .filter(|m| is_identifier(&m.value));
    let title: Spanned<String> = match (&page.title, rest_method_name) {
        (Some(t), _) => Spanned::new(t.value.trim().to_string(), t.span),
        // The parser has warned already; the REST `Method:` line names the method too.
        (None, Some(m)) => Spanned::new(m.value.trim().to_upper_camel_case(), m.span),
        (None, None) => {
            let webhook = rest
                .and_then(|b| b.webhook.as_ref())
                .or_else(|| sdk.and_then(|b| b.webhook.as_ref()));
            let d = match webhook {
                Some(w) => IrDiagnostic::warning(
                    codes::WEBHOOK_SKIPPED,
                    at(w.span),
                    "webhook page: there is no method to call, so nothing is generated for it",
                )
                .with_help("webhook payload types are not generated yet; remove the page to silence this"),
                None => IrDiagnostic::error(
                    codes::NO_TITLE,
                    start_of(path),
                    "the page has no `# MethodName` heading and no REST `Method:` line, so the method has no name; page skipped",
                )
                .with_help("fetch the method page again with `curl -sSL '<method link>'`; the first heading names the method"),
            };
            return (None, vec![d]);
        }
    };
    let title_at = at(title.span);

    let package = page.package.as_ref();
    let namespace = page.namespace.as_ref();
    if package.is_none() || namespace.is_none() {
        let missing = match (package.is_none(), namespace.is_none()) {
            (true, true) => "`# Package:` and `# Namespace:`",
            (true, false) => "`# Package:`",
            _ => "`# Namespace:`",
        };
        diags.push(
            IrDiagnostic::error(
                codes::NO_PACKAGE,
                title_at.clone(),
                format!("the page has no {missing} line, so the method has no module or client; page skipped"),
            )
            .with_help("method pages have both right under the title; fetch the page again"),
        );
    }
    let Some(rest) = rest else {
        let span = page.rest.as_ref().map_or(title.span, |s| s.span);
        diags.push(
            IrDiagnostic::error(
                codes::NO_REST_SCHEMA,
                at(span),
                "the page has no `## REST API` section with a `### Schema` block; the REST API is what is generated, so the page is skipped",
            )
            .with_help("fetch the full page with `curl -sSL '<method link>'`"),
        );
        return (None, diags);
    };

    let schema_at = at(rest.span);
    // `None`: a service-plugin page (`URL: null`), which has no endpoint and no verb.
    let endpoint: Option<(String, HttpMethod)> = match &rest.url {
        Some(u) if u.value.is_none() => {
            diags.push(
                IrDiagnostic::note(
                    codes::SERVICE_PLUGIN,
                    at(u.span),
                    "`URL: null`: a service-plugin method, which Wix calls on an app; its request and response types are generated, no client method",
                )
                .with_help("apps implement service plugins; see the README section on receiving service-plugin calls"),
            );
            None
        }
        Some(u) => {
            let url = u.value.clone().unwrap_or_default();
            let verb = match &rest.http_method {
                Some(v) => {
                    let verb = http_method(&v.value);
                    if verb.is_none() {
                        diags.push(
                            IrDiagnostic::error(
                                codes::BAD_VERB,
                                at(v.span),
                                format!("`Method: {}` is not an HTTP verb wixgen can call (GET, POST, PUT, PATCH, DELETE); page skipped", v.value.trim()),
                            )
                            .with_help("the second `Method:` line of the REST block is the HTTP verb"),
                        );
                    }
                    verb
                }
                None => {
                    diags.push(
                        IrDiagnostic::error(
                            codes::BAD_VERB,
                            schema_at.clone(),
                            "the REST schema block has no HTTP verb (the second `Method:` line); page skipped",
                        )
                        .with_help("add the verb line, e.g. ` Method: GET`, or fetch the page again"),
                    );
                    None
                }
            };
            match verb {
                Some(verb) => Some((url, verb)),
                None => return (None, diags),
            }
        }
        None => {
            diags.push(
                IrDiagnostic::error(
                    codes::NO_URL,
                    schema_at.clone(),
                    "the REST schema block has no `URL:` line; page skipped",
                )
                .with_help("the REST block should have `URL:` after `Description:` (`URL: null` on service-plugin pages); fetch the page again"),
            );
            return (None, diags);
        }
    };
    let (Some(package), Some(namespace)) = (package, namespace) else {
        return (None, diags);
    };

    let mut rec = PageReconciler::new(path, sdk, &page.types);
    let mut params = rec.params(rest);
    let response = rec.response(rest);
    rec.fill_unlisted();
    rec.required_paths(&mut params, rest, false);
    if let Some(sdk) = sdk {
        rec.required_paths(&mut params, sdk, true);
    }
    let (types, mut rec_diags) = rec.into_parts();

    let (transport, params) = match endpoint {
        Some((url, verb)) => {
            let (path, malformed) = split_path(&url);
            let url_at = rest.url.as_ref().map_or(schema_at.clone(), |u| at(u.span));
            if malformed {
                diags.push(
                    IrDiagnostic::warning(
                        codes::BAD_URL_TEMPLATE,
                        url_at.clone(),
                        format!("`{url}` has a `{{` without a closing `}}`; kept as literal text"),
                    )
                    .with_help("path parameters are written `{name}`"),
                );
            }
            let params = place_params(params, &path, verb, &url_at, &mut diags);
            // A path param whose type nothing resolved is a string (W118 says
            // so), not the free-form JSON W102 announces for other params.
            rec_diags.retain(|d| {
                d.code != codes::UNRESOLVED_OWN_NAME_TYPE
                    || !params
                        .iter()
                        .any(|(loc, p)| *loc == ParamLoc::Path && p.source.span.line == d.primary.span.line)
            });
            (
                Transport::Rest {
                    http_method: verb,
                    url,
                    path,
                },
                params,
            )
        }
        // Wix sends a service plugin its params as one JSON object.
        None => (
            Transport::ServicePlugin,
            params.into_iter().map(|p| (ParamLoc::Body, p)).collect(),
        ),
    };

    // The reconciler's findings come first, in page order.
    rec_diags.append(&mut diags);
    let diags = rec_diags;

    let rest_name = rest_method_name
        .map(|m| m.value.trim().to_string())
        .unwrap_or_else(|| title.value.to_lower_camel_case());
    let description = rest
        .description
        .as_ref()
        .or_else(|| sdk.and_then(|s| s.description.as_ref()))
        .or(page.introduction.as_ref())
        .map_or(Docs::default(), |d| docs_from(&d.value));
    let errors = if rest.errors.is_empty() {
        sdk.map_or(&rest.errors, |s| &s.errors)
    } else {
        &rest.errors
    };

    let (response, response_listing) = match response {
        Some((ty, listing)) => (Some(ty), listing),
        None => (None, None),
    };
    let method = MethodDraft {
        name: title.value.clone(),
        operation: format!("{}.{}.{}", package.value.trim(), namespace.value.trim(), rest_name),
        transport,
        params,
        response,
        response_listing,
        permission_scopes: page
            .permission_scopes
            .iter()
            .map(|s| PermissionScope {
                display_name: s.display_name.clone(),
                id: s.id.clone(),
            })
            .collect(),
        docs_link: page.method_link.as_ref().map(|l| l.value.clone()),
        docs: description,
        errors: errors.iter().map(error_info).collect(),
        source: title_at,
    };
    let draft = PageDraft {
        path: path.to_string(),
        package: package.value.trim().to_string(),
        service: namespace.value.trim().to_string(),
        method,
        types,
        examples: crate::example_shapes::ExampleShapes::of(page),
    };
    (Some(draft), diags)
}

/// A REST method name such as `getConversation` (not an SDK call signature).
fn is_identifier(s: &str) -> bool {
    let s = s.trim();
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn http_method(verb: &str) -> Option<HttpMethod> {
    match verb.trim().to_ascii_uppercase().as_str() {
        "GET" => Some(HttpMethod::Get),
        "POST" => Some(HttpMethod::Post),
        "PUT" => Some(HttpMethod::Put),
        "PATCH" => Some(HttpMethod::Patch),
        "DELETE" => Some(HttpMethod::Delete),
        _ => None,
    }
}

fn error_info(e: &PossibleError) -> ErrorInfo {
    ErrorInfo {
        http_code: e.http_code,
        status_code: e.status_code.clone(),
        application_code: e.application_code.clone(),
        description: e.description.clone(),
    }
}

/// Decides where each param goes: a `{name}` or `{name=**}` placeholder's
/// param → the path (required, a string or an integer on the wire); else the
/// query string for GET and DELETE, the JSON body otherwise. A `{a.b}`
/// placeholder is filled from the field `b` of the param `a` and adds no
/// param. A placeholder without a param of its name gets a string path param
/// of its own.
fn place_params(
    params: Vec<FieldDraft>,
    path: &[PathSegment],
    verb: HttpMethod,
    url_at: &SourceRef,
    diags: &mut Vec<IrDiagnostic>,
) -> Vec<(ParamLoc, FieldDraft)> {
    let placeholders: Vec<&PathParam> = path
        .iter()
        .filter_map(|s| match s {
            PathSegment::Param(p) => Some(p),
            PathSegment::Literal(_) => None,
        })
        .collect();
    let single: Vec<&str> = placeholders
        .iter()
        .filter(|p| p.field_path.len() == 1)
        .map(|p| p.field_path[0].as_str())
        .collect();
    let rest_loc = match verb {
        HttpMethod::Get | HttpMethod::Delete => ParamLoc::Query,
        _ => ParamLoc::Body,
    };
    let mut out: Vec<(ParamLoc, FieldDraft)> = params
        .into_iter()
        .map(|mut p| {
            if single.contains(&p.wire_name.as_str()) {
                p.required = true;
                p.ty = path_param_type(&p, diags);
                (ParamLoc::Path, p)
            } else {
                (rest_loc, p)
            }
        })
        .collect();
    for ph in placeholders {
        let head = ph.field_path[0].as_str();
        if ph.field_path.len() == 1 {
            if out.iter().any(|(loc, p)| *loc == ParamLoc::Path && p.wire_name == head) {
                continue;
            }
        } else if out.iter().any(|(loc, p)| *loc != ParamLoc::Path && p.wire_name == head) {
            // `{badge.id}`: the request carries it in `badge`; checked against the type later.
            continue;
        }
        let name = ph.field_path.join(".");
        diags.push(
            IrDiagnostic::warning(
                codes::PATH_PARAM_WITHOUT_PARAM,
                url_at.clone(),
                format!(
                    "the URL placeholder `{{{}}}` has no param of that name; generated as a required string path param `{name}`",
                    ph.template
                ),
            )
            .with_help("check the page: the param list should include it"),
        );
        out.push((
            ParamLoc::Path,
            FieldDraft {
                wire_name: name,
                ty: Ty::String,
                required: true,
                read_only: false,
                validation: Vec::new(),
                docs: Docs {
                    description: format!("Fills `{{{}}}` in the URL path.", ph.template),
                    deprecated: false,
                },
                source: url_at.clone(),
                listing: None,
            },
        ));
    }
    out
}

/// The wire type of a path param: a string or an integer. Anything else (a
/// type the page does not show, free-form JSON, a message) is sent as a
/// string, with a warning; enums are kept (their values are strings).
fn path_param_type(p: &FieldDraft, diags: &mut Vec<IrDiagnostic>) -> Ty {
    match &p.ty {
        Ty::String | Ty::Timestamp | Ty::Int32 | Ty::Int64 | Ty::Named(_) => p.ty.clone(),
        other => {
            diags.push(
                IrDiagnostic::warning(
                    codes::PATH_PARAM_TYPE,
                    p.source.clone(),
                    format!(
                        "path param `{}` is typed `{}`; a path segment is text, so it is generated as a string",
                        p.wire_name,
                        other.describe()
                    ),
                )
                .with_help("if the page's SDK section gives the real type, check that it is present"),
            );
            Ty::String
        }
    }
}
