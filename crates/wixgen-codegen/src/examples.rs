//! REST request examples as tests of the generated types.
//!
//! Each curl example whose `-d` body is JSON is checked against the method's
//! request type in the IR. An example that agrees becomes a test in the
//! `examples` module of the package's `src/page_tests.rs`
//! ([`crate::layout`]): the body must decode into the request struct and encode
//! back to the same JSON (after the normalisation the wire format implies:
//! `null` and empty optional arrays dropped, int64 numbers as strings, numbers
//! of `number` fields as floats). An example that does not agree is skipped,
//! named with its page and line in a comment of the generated file and in the
//! report; examples never make generation fail.

use crate::emit::docs::{self, code_text};
use crate::emit::idents::{bare, ident};
use crate::emit::plan::{self, Place, Store};
use crate::emit::scope::{PackageScope, Side};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use wixgen_ir::model::{Api, Field, Method, MethodExamples, NamedType, Package, StructType, TypeRef};

pub use wixgen_ir::model::RequestExample;
pub(crate) use wixgen_ir::sdk_objects::kind_of;

/// What became of an example.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestOutcome {
    /// A test: decode `input`, encode, compare with `expected`.
    Test { expected: Value },
    /// Not usable; the reason says why.
    Skipped(String),
    /// No request body: nothing to test.
    NoBody,
}

/// What a test from an example decodes into, as Rust identifiers of the
/// generated code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestTarget {
    /// The package module: `inbox`.
    pub module: String,
    /// The type the JSON decodes into: the request struct of a curl example,
    /// the response struct of a JavaScript example.
    pub ty: String,
    /// The method, which names the test: `get_conversation`.
    pub method: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckedExample {
    pub example: RequestExample,
    /// The request struct, when the method was found.
    pub target: Option<TestTarget>,
    pub outcome: RequestOutcome,
}

impl CheckedExample {
    /// `page:line (title): reason` for skipped examples.
    pub fn skip_reason(&self) -> Option<String> {
        match &self.outcome {
            RequestOutcome::Skipped(reason) => Some(format!(
                "{}:{} ({}): {}",
                self.example.page, self.example.line, self.example.title, reason
            )),
            _ => None,
        }
    }
}

/// Every example the model holds and its method (with its package) when it
/// is a generated one, or why it is not (a service-plugin method, no method),
/// in page order (by page, then line): what [`check_examples`] and
/// [`crate::response_examples::check_responses`] walk.
pub(crate) fn examples_of<'a, T: 'a>(
    api: &'a Api,
    pick: impl Fn(&'a MethodExamples) -> &'a [T],
    at: impl Fn(&T) -> (&str, u32),
) -> Vec<(&'a T, Found<'a>)> {
    let mut out = Vec::new();
    for package in &api.packages {
        for service in &package.services {
            for method in &service.methods {
                out.extend(pick(&method.examples).iter().map(|e| (e, Ok((package, method)))));
            }
            for method in &service.plugin_methods {
                out.extend(pick(&method.examples).iter().map(|e| (e, Err(Unmatched::PluginMethod))));
            }
        }
    }
    out.extend(
        pick(&api.unplaced.examples)
            .iter()
            .map(|e| (e, Err(Unmatched::NoMethod))),
    );
    out.sort_by(|(a, _), (b, _)| at(a).cmp(&at(b)));
    out
}

/// An example's generated method with its package, or why it has none.
pub(crate) type Found<'a> = Result<(&'a Package, &'a Method), Unmatched>;

/// Why an example's method is no generated client method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unmatched {
    /// A service-plugin method (Wix calls the app).
    PluginMethod,
    /// No method of that package, namespace and title was generated.
    NoMethod,
}

/// Check every example of the model against it, in page order. Pure and
/// deterministic.
pub fn check_examples(api: &Api) -> Vec<CheckedExample> {
    examples_of(api, |x| &x.requests, |e| (&e.page, e.line))
        .into_iter()
        .map(|(e, found)| {
            let (package, method) = match found {
                Ok(found) => found,
                Err(Unmatched::PluginMethod) => {
                    return CheckedExample {
                        example: e.clone(),
                        target: None,
                        outcome: RequestOutcome::Skipped(
                            "a service-plugin method: Wix sends the app the request, so the example is no call the client makes"
                                .to_owned(),
                        ),
                    };
                }
                Err(Unmatched::NoMethod) => {
                    return CheckedExample {
                        example: e.clone(),
                        target: None,
                        outcome: RequestOutcome::Skipped(format!(
                            "no generated method `{}.{}.{}`",
                            e.package, e.service, e.method
                        )),
                    };
                }
            };
            let target = Some(TestTarget {
                module: ident(&package.module).to_string(),
                ty: ident(&method.request_rust_name).to_string(),
                method: ident(&method.rust_name).to_string(),
            });
            let outcome = match (&e.body, check_target(method, e)) {
                (_, Err(reason)) => RequestOutcome::Skipped(reason),
                (None, Ok(())) => RequestOutcome::NoBody,
                (Some(body), Ok(())) => check_body(package, method, body),
            };
            CheckedExample {
                example: e.clone(),
                target,
                outcome,
            }
        })
        .collect()
}

/// The example's verb and URL path agree with the method's.
fn check_target(method: &Method, e: &RequestExample) -> Result<(), String> {
    let verb = plan::verb(method.http_method);
    if let Some(v) = &e.verb
        && !v.eq_ignore_ascii_case(verb)
    {
        return Err(format!("the example sends `{v}`, the method is `{verb}`"));
    }
    if let Some(url) = &e.url {
        let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        let path = path.split(['?', '#']).next().unwrap_or(path);
        if !path_matches(&method.path, path) {
            return Err(format!(
                "the example's URL path `{path}` does not match `{}`",
                plan::path_text(method)
            ));
        }
    }
    Ok(())
}

/// Whether `path` fits the template: literals exactly, each param one non-empty
/// segment (`{name=**}` params: one or more).
fn path_matches(template: &[wixgen_ir::model::PathSegment], path: &str) -> bool {
    use wixgen_ir::model::PathSegment;
    let mut rest = path;
    for (i, segment) in template.iter().enumerate() {
        match segment {
            PathSegment::Literal(l) => match rest.strip_prefix(l.as_str()) {
                Some(r) => rest = r,
                None => return false,
            },
            PathSegment::Param(ph) => {
                let end = match template.get(i + 1) {
                    Some(PathSegment::Literal(next)) => rest.find(next.as_str()).unwrap_or(rest.len()),
                    _ if ph.multi_segment => rest.len(),
                    _ => rest.find('/').unwrap_or(rest.len()),
                };
                if end == 0 || (!ph.multi_segment && rest[..end].contains('/')) {
                    return false;
                }
                rest = &rest[end..];
            }
        }
    }
    rest.is_empty() || rest == "/"
}

fn check_body(package: &Package, method: &Method, body: &str) -> RequestOutcome {
    let value: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(e) => return RequestOutcome::Skipped(format!("the body is not JSON ({e})")),
    };
    if !plan::sends_body(method) {
        return RequestOutcome::Skipped("the method sends no JSON body".to_owned());
    }
    let Value::Object(object) = &value else {
        return RequestOutcome::Skipped("the body is not a JSON object".to_owned());
    };
    let cx = PackageScope::new(package);
    let params: Vec<&Field> = method.body_params.iter().collect();
    let mut canon = SchemaCheck::request(&cx);
    match canon.fields(&method.request_rust_name, Side::Request, &params, &[], object, "") {
        Ok(expected) => RequestOutcome::Test {
            expected: Value::Object(expected),
        },
        Err(reason) => RequestOutcome::Skipped(reason),
    }
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Checks an example's JSON against the schema of a generated type and gives
/// what that type encodes it back to.
pub(crate) struct SchemaCheck<'c, 'a> {
    cx: &'c PackageScope<'a>,
    /// A response to decode: a field the schema does not have is recorded in
    /// `ignored` and kept as it is (the generated types keep unknown keys and
    /// encode them back) rather than refused, and required fields may be
    /// missing (they decode when missing).
    decode_only: bool,
    /// Paths of the fields the generated type does not know (`decode_only`).
    pub(crate) ignored: Vec<String>,
}

impl<'c, 'a> SchemaCheck<'c, 'a> {
    /// For a request body: every field must be in the schema.
    pub(crate) fn request(cx: &'c PackageScope<'a>) -> Self {
        SchemaCheck {
            cx,
            decode_only: false,
            ignored: Vec::new(),
        }
    }

    /// For a response: unknown fields are kept as they are (and recorded).
    pub(crate) fn response(cx: &'c PackageScope<'a>) -> Self {
        SchemaCheck {
            cx,
            decode_only: true,
            ignored: Vec::new(),
        }
    }

    /// Check an object against a struct's fields and groups, returning what the
    /// generated type encodes it back to.
    fn fields(
        &mut self,
        owner: &str,
        side: Side,
        fields: &[&Field],
        groups: &[wixgen_ir::model::OneOfGroup],
        object: &Map<String, Value>,
        path: &str,
    ) -> Result<Map<String, Value>, String> {
        let cx = self.cx;
        let mut out = Map::new();
        let mut group_hits: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (key, value) in object {
            let at = join(path, key);
            let known = fields.iter().any(|f| &f.wire_name == key)
                || groups.iter().any(|g| g.members.iter().any(|m| &m.wire_name == key));
            // A known field's `null` reads as unset; an unknown key is kept, `null` too.
            if value.is_null() && known {
                continue;
            }
            if let Some(f) = fields.iter().find(|f| &f.wire_name == key) {
                let plan = plan::plan_field(cx, owner, side, f, Place::Serde);
                let v = self.value(&f.ty, value, &at)?;
                if plan.store == Store::List && !plan.in_new && v.as_array().is_some_and(Vec::is_empty) {
                    continue;
                }
                out.insert(key.clone(), v);
                continue;
            }
            let member = groups
                .iter()
                .enumerate()
                .find_map(|(i, g)| g.members.iter().find(|m| &m.wire_name == key).map(|m| (i, m)));
            if let Some((i, m)) = member {
                let v = self.value(&m.ty, value, &at)?;
                group_hits.entry(i).or_default().push(key.clone());
                out.insert(key.clone(), v);
                continue;
            }
            if self.decode_only {
                self.ignored.push(at);
                out.insert(key.clone(), value.clone());
                continue;
            }
            return Err(format!("`{at}` is not a field of the schema"));
        }
        if !self.decode_only {
            for f in fields {
                let plan = plan::plan_field(cx, owner, side, f, Place::Serde);
                if plan.in_new && !out.contains_key(&f.wire_name) {
                    return Err(format!("required `{}` is missing", join(path, &f.wire_name)));
                }
            }
        }
        if side.builds() {
            for (i, g) in groups.iter().enumerate() {
                let hits = group_hits.get(&i).map_or(0, Vec::len);
                if hits > 1 {
                    return Err(format!(
                        "sets {} members of one ONE-OF group at `{}`: {}",
                        hits,
                        if path.is_empty() { "the top level" } else { path },
                        group_hits[&i].join(", ")
                    ));
                }
                if hits == 0 && g.required && !self.decode_only {
                    let names: Vec<&str> = g.members.iter().map(|m| m.wire_name.as_str()).collect();
                    return Err(format!(
                        "required ONE-OF ({}) has no member at `{}`",
                        names.join(", "),
                        path
                    ));
                }
            }
        }
        Ok(out)
    }

    pub(crate) fn value(&mut self, ty: &TypeRef, value: &Value, at: &str) -> Result<Value, String> {
        let wrong = |what: &str| Err(format!("`{at}` should be {what}, found {}", kind_of(value)));
        match ty {
            TypeRef::String | TypeRef::Timestamp => match value {
                Value::String(_) => Ok(value.clone()),
                _ => wrong("a string"),
            },
            TypeRef::Int32 => match value.as_i64() {
                Some(n) if i32::try_from(n).is_ok() => Ok(Value::from(n)),
                _ => wrong("a 32-bit integer"),
            },
            TypeRef::Int64 => match value {
                Value::Number(n) => match n.as_i64() {
                    Some(n) => Ok(Value::String(n.to_string())),
                    None => wrong("a 64-bit integer"),
                },
                Value::String(s) => match s.parse::<i64>() {
                    Ok(n) => Ok(Value::String(n.to_string())),
                    Err(_) => wrong("a 64-bit integer"),
                },
                _ => wrong("a 64-bit integer"),
            },
            TypeRef::Float64 => match value.as_f64().and_then(serde_json::Number::from_f64) {
                Some(n) if value.is_number() => Ok(Value::Number(n)),
                _ => wrong("a number"),
            },
            TypeRef::Bool => match value {
                Value::Bool(_) => Ok(value.clone()),
                _ => wrong("a boolean"),
            },
            TypeRef::Json => Ok(value.clone()),
            TypeRef::Array(inner) => match value {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        if v.is_null() {
                            Err(format!("`{at}[{i}]` is null"))
                        } else {
                            self.value(inner, v, &format!("{at}[{i}]"))
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::Array),
                _ => wrong("an array"),
            },
            TypeRef::Named(name) => match self.cx.named(name) {
                None => Ok(value.clone()),
                Some(NamedType::Enum(_)) => match value {
                    Value::String(_) => Ok(value.clone()),
                    _ => wrong("an enum value (a string)"),
                },
                Some(NamedType::Struct(s)) => match value {
                    Value::Object(object) => self.strukt(s, object, at).map(Value::Object),
                    _ => wrong("an object"),
                },
            },
        }
    }

    fn strukt(&mut self, s: &StructType, object: &Map<String, Value>, at: &str) -> Result<Map<String, Value>, String> {
        let fields: Vec<&Field> = s.fields.iter().collect();
        let side = self.cx.side(s);
        self.fields(&s.rust_name, side, &fields, &s.one_ofs, object, at)
    }
}

/// A string literal for `text`: raw (`r#"..."#`, readable JSON) unless the text
/// holds a carriage return, which raw strings cannot.
pub(crate) fn string_literal(text: &str) -> proc_macro2::Literal {
    docs::raw_literal("", text, 1).unwrap_or_else(|| proc_macro2::Literal::string(text))
}

/// The test functions of one package's request examples (those of
/// `checked` whose target is the package `module`), and the lines naming the
/// ones skipped. The functions call `round_trip::<T>(input, Some(expected))`.
pub fn package_tests(checked: &[CheckedExample], module: &str) -> (Vec<syn::Item>, Vec<String>) {
    let mine: Vec<&CheckedExample> = checked
        .iter()
        .filter(|c| c.target.as_ref().is_some_and(|t| t.module == module))
        .collect();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let tests = mine
        .iter()
        .filter_map(|c| {
            let RequestOutcome::Test { expected } = &c.outcome else {
                return None;
            };
            let target = c.target.as_ref()?;
            let n = names.entry(target.method.clone()).or_insert(0);
            *n += 1;
            let name = ident(&format!("{}_example_{}", bare(&target.method), n));
            let request = ident(&target.ty);
            let input = string_literal(c.example.body.as_deref().unwrap_or_default());
            let expected = string_literal(&serde_json::to_string_pretty(expected).unwrap_or_default());
            let doc = crate::emit::ast::doc_attrs(&[format!(
                "`{}:{}`: {}",
                code_text(&c.example.page),
                c.example.line,
                docs::doc_lines(&c.example.title).join(" ")
            )]);
            Some(crate::emit::ast::round_trip_test(
                doc,
                &name,
                &request,
                input,
                Some(expected),
            ))
        })
        .collect();
    let skipped = mine.iter().filter_map(|c| c.skip_reason()).collect();
    (tests, skipped)
}

#[cfg(test)]
mod tests {
    use super::path_matches;
    use wixgen_ir::model::PathParam;
    use wixgen_ir::model::PathSegment::{self, Literal};

    #[allow(non_snake_case)]
    fn Param(template: &str) -> PathSegment {
        PathSegment::Param(PathParam::from_template(template))
    }

    #[test]
    fn url_paths_match_templates() {
        let t = [Literal("/inbox/v2/conversations/".into()), Param("conversationId")];
        assert!(path_matches(&t, "/inbox/v2/conversations/6202c3bb"));
        assert!(!path_matches(&t, "/inbox/v2/conversations/"));
        assert!(!path_matches(&t, "/inbox/v2/conversations/a/b"));
        assert!(!path_matches(&t, "/inbox/v1/conversations/a"));
        let t = [Literal("/a/".into()), Param("id"), Literal("/b".into())];
        assert!(path_matches(&t, "/a/x/b"));
        assert!(!path_matches(&t, "/a//b"));
        let t = [Literal("/pages/".into()), Param("slug=**")];
        assert!(path_matches(&t, "/pages/a/b/c"));
        assert!(!path_matches(&t, "/pages/"));
        assert!(path_matches(
            &[Literal("/inbox/v2/messages".into())],
            "/inbox/v2/messages"
        ));
    }
}
