//! REST (curl) and SDK (JavaScript) examples that agree with the schema.

use super::json::Json;
use super::values::{Names, Values, field_name};
use crate::build::sdk::{placeholders, signature};
use crate::model::*;

/// The request body (REST names), the URL with path values filled in, and
/// the query string for GET and DELETE.
fn request(values: &mut Values, m: &Method) -> (String, Option<Json>) {
    let api = values.api;
    let req = api.message(&m.request);
    let mut url = m.url.clone().unwrap_or_default();
    let holes = placeholders(&url);
    let mut path_values: Vec<(String, String)> = Vec::new();
    for h in &holes {
        let v = if h == "slug" {
            "summer-collection/sunset-dress".to_owned()
        } else {
            values.guid()
        };
        path_values.push((h.clone(), v));
    }
    for (h, v) in &path_values {
        for form in [format!("{{{h}}}"), format!("{{{h}=**}}")] {
            url = url.replace(&form, v);
        }
    }
    let top: Vec<&str> = holes.iter().filter(|h| !h.contains('.')).map(String::as_str).collect();
    let mut body = match values.object(req, Names::Rest, true, 0, 4) {
        Json::Obj(items) => items,
        _ => Vec::new(),
    };
    body.retain(|(k, _)| !top.contains(&k.as_str()));
    if m.verb.has_body() {
        (url, Some(Json::Obj(body)))
    } else {
        let query: Vec<String> = body
            .iter()
            .filter_map(|(k, v)| match v {
                Json::Str(s) => Some(format!("{k}={}", s.replace(' ', "+"))),
                Json::Num(n) => Some(format!("{k}={n}")),
                Json::Bool(b) => Some(format!("{k}={b}")),
                Json::Arr(items) => match items.first() {
                    Some(Json::Str(s)) => Some(format!("{k}={}", s.replace(' ', "+"))),
                    _ => None,
                },
                Json::Obj(fields) => fields.iter().find_map(|(fk, fv)| match fv {
                    Json::Num(n) => Some(format!("{k}.{fk}={n}")),
                    _ => None,
                }),
                Json::Null => None,
            })
            .collect();
        if !query.is_empty() {
            url = format!("{url}?{}", query.join("&"));
        }
        (url, None)
    }
}

pub(crate) fn rest(out: &mut Vec<String>, values: &mut Values, m: &Method) {
    for ex in &m.examples {
        out.push(format!("### {}", ex.title));
        match &ex.description {
            Some(d) => {
                out.push(d.clone());
                out.push(String::new());
            }
            None => out.push(String::new()),
        }
        out.push("```curl".to_owned());
        if m.style.tilde_fence {
            out.push("~~~cURL".to_owned());
        }
        let (url, body) = if m.url.is_some() {
            request(values, m)
        } else {
            // Service plugins: Wix calls the app's endpoint.
            let req = values.api.message(&m.request);
            let body = values.object(req, Names::Rest, true, 0, 4);
            (format!("https://my-app.example.com/v1/{}", m.slug()), Some(body))
        };
        out.push(format!("curl -X {} \\", m.verb.as_str()));
        out.push(format!("'{url}' \\"));
        match body {
            Some(b) => {
                out.push("-H 'Authorization: <AUTH>' \\".to_owned());
                out.extend(format!("-d '{}'", b.pretty()).split('\n').map(str::to_owned));
            }
            None => out.push("-H 'Authorization: <AUTH>'".to_owned()),
        }
        if m.style.tilde_fence {
            out.push("~~~".to_owned());
        }
        if ex.with_response {
            let resp = values.api.message(&m.response);
            let json = values.object(resp, Names::Rest, false, 0, 4);
            out.push(String::new());
            out.extend(json.pretty().split('\n').map(str::to_owned));
        }
        out.push("```".to_owned());
        out.push(String::new());
    }
}

/// A key the listing does not name, as Wix adds fields after a crate is
/// generated: in the resolved object of every third method that shows one
/// (`adds_key_later`, by name, so the rest of the corpus does not change).
fn added_later(m: &Method, json: &mut Json) {
    if !crate::build::methods::adds_key_later(&m.name) {
        return;
    }
    if let Json::Obj(items) = json {
        items.push((
            "addedAfterTheListing".to_owned(),
            Json::Obj(vec![
                ("since".to_owned(), Json::Str("2025-01-01".to_owned())),
                (
                    "values".to_owned(),
                    Json::Arr(vec![Json::Num("1".to_owned()), Json::Bool(true)]),
                ),
            ]),
        ));
    }
}

/// `ConversationsService` → `conversations`; `AvailabilityTimeSlots` → `availabilityTimeSlots`.
fn module(ns: &str) -> String {
    let base = ns
        .trim_end_matches("Service")
        .trim_end_matches("V4")
        .trim_end_matches("Provider");
    let base = lower_first(if base.is_empty() { ns } else { base });
    if base.ends_with('s') { base } else { format!("{base}s") }
}

pub(crate) fn sdk(out: &mut Vec<String>, values: &mut Values, pkg: &Package, m: &Method) {
    let api = values.api;
    let sig = signature(api, m);
    let mut args: Vec<String> = sig
        .positional
        .iter()
        .map(|p| field_name(&p.field.name, Names::Sdk))
        .collect();
    if sig.options.is_some() {
        args.push("options".to_owned());
    }
    let args = args.join(",");
    let module = module(&m.namespace);
    let camel = m.camel();
    let name = &m.name;
    let sdk = &pkg.sdk_module;
    let resp = api.message(&m.response);
    if m.js_resolves && !resp.is_empty() {
        out.push(format!("### {} (with the response)", camel));
        out.push("```javascript".to_owned());
        out.push(format!("import {{ {module} }} from '{sdk}';"));
        out.push(String::new());
        out.push(format!("export async function my{name}Function({args}) {{"));
        out.push("  try {".to_owned());
        out.push(format!("    const result = await {module}.{camel}({args});"));
        out.push("    return result;".to_owned());
        out.push("  } catch (error) {".to_owned());
        out.push("    console.error(error);".to_owned());
        out.push("    // Handle the error".to_owned());
        out.push("  }".to_owned());
        out.push("}".to_owned());
        out.push(String::new());
        out.push("/* Promise resolves to:".to_owned());
        let mut json = values.object(resp, Names::Sdk, false, 0, 3);
        added_later(m, &mut json);
        let json = json.pretty();
        for line in json.lines() {
            out.push(format!(" * {line}"));
        }
        out.push(" */".to_owned());
        out.push("```".to_owned());
        out.push(String::new());
    }
    out.push(format!("### {camel}"));
    out.push("```javascript".to_owned());
    out.push(format!("import {{ {module} }} from '{sdk}';"));
    out.push(String::new());
    out.push(format!("async function {camel}({args}) {{"));
    out.push(format!("  const response = await {module}.{camel}({args});"));
    out.push("};".to_owned());
    out.push("```".to_owned());
    out.push(String::new());
    if m.url.is_some() {
        out.push(format!("### {camel} (with elevated permissions)"));
        out.push("```javascript".to_owned());
        out.push(format!("import {{ {module} }} from '{sdk}';"));
        out.push("import { auth } from '@wix/essentials';".to_owned());
        out.push(String::new());
        out.push(format!("async function my{name}Method({args}) {{"));
        out.push(format!("  const elevated{name} = auth.elevate({module}.{camel});"));
        out.push(format!("  const response = await elevated{name}({args});"));
        out.push("}".to_owned());
        out.push("```".to_owned());
        out.push(String::new());
    }
    out.push(format!("### {camel} (self-hosted)"));
    out.push("Self-hosted SDK calls require you to [create a client](https://dev.wix.com/docs/sdk/articles/work-with-the-sdk/about-the-wix-client.md).".to_owned());
    out.push(String::new());
    out.push("```javascript".to_owned());
    out.push("import { createClient } from '@wix/sdk';".to_owned());
    out.push(format!("import {{ {module} }} from '{sdk}';"));
    out.push("// Import the auth strategy for the relevant access type".to_owned());
    out.push("// Import the relevant host module if needed".to_owned());
    out.push(String::new());
    out.push("const myWixClient = createClient ({".to_owned());
    out.push(format!("  modules: {{ {module} }},"));
    out.push("  // Include the auth strategy and host as relevant".to_owned());
    out.push("});".to_owned());
    out.push(String::new());
    out.push(String::new());
    out.push(format!("async function {camel}({args}) {{"));
    out.push(format!(
        "  const response = await myWixClient.{module}.{camel}({args});"
    ));
    out.push("};".to_owned());
    out.push("```".to_owned());
    out.push(String::new());
}
