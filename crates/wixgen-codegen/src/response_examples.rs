//! The objects the JavaScript examples' promises resolve to, as tests of the
//! response types.
//!
//! An SDK example on a method page often ends with a comment showing what the
//! call returns:
//!
//! ```text
//! /* Promise resolves to:
//!  * {
//!  *   "conversation": { "_id": "092d...", ... },
//!  *   "newConversation": false
//!  * }
//!  */
//! ```
//!
//! The object is JavaScript, not JSON, and its keys are SDK names: the load
//! stage reads it as JSON5 and maps each key to the wire name of the field it
//! stands for, walking the response type ([`wixgen_ir::sdk_objects`],
//! `ResponseExample::wire`). The result must decode
//! into the method's response type and encode back to the same JSON, fields
//! the schema does not have included (the generated types keep unknown keys
//! and encode them back; each one is a warning).
//!
//! An object that does not parse, or disagrees with the schema (a value of the
//! wrong type), is skipped with a warning naming its page and line; examples
//! never make generation fail. The object is checked against the REST response
//! type only when the SDK block returns the type of the same name: an SDK call
//! that resolves to something else (the entity inside the response) is skipped
//! and said so, never guessed.

use crate::emit::docs::{self, code_text};
use crate::emit::idents::{bare, ident};
use crate::emit::scope::PackageScope;
use crate::examples::{Found, SchemaCheck, TestTarget, Unmatched, examples_of, string_literal};
use serde_json::Value;
use std::collections::BTreeMap;
pub use wixgen_ir::model::ResponseExample;
use wixgen_ir::model::{Api, NamedType, ResponseObject, TypeRef};

/// What became of a response example.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseOutcome {
    /// A test: decode `input` (wire names), encode, compare with `expected`.
    Test {
        input: Value,
        expected: Value,
        /// Fields the schema does not have, which decoding ignores.
        ignored: Vec<String>,
    },
    /// Not usable: where (the page line of the problem) and why.
    Skipped { line: u32, reason: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckedResponse {
    pub example: ResponseExample,
    /// The response struct, when the method was found.
    pub target: Option<TestTarget>,
    pub outcome: ResponseOutcome,
}

impl CheckedResponse {
    /// `page:line (title): reason` for a skipped example.
    pub fn skip_reason(&self) -> Option<String> {
        match &self.outcome {
            ResponseOutcome::Skipped { line, reason } => Some(format!(
                "{}:{line} ({}): {reason}",
                self.example.page, self.example.title
            )),
            ResponseOutcome::Test { .. } => None,
        }
    }

    /// One line per warning: `page:line: warning: ...`.
    pub fn warnings(&self) -> Vec<String> {
        let e = &self.example;
        match &self.outcome {
            ResponseOutcome::Skipped { line, reason } => vec![format!(
                "{}:{line}: warning: JavaScript example skipped ({}): {reason}",
                e.page, e.title
            )],
            ResponseOutcome::Test { ignored, .. } => ignored
                .iter()
                .map(|path| {
                    format!(
                        "{}:{}: warning: JavaScript example ({}): `{path}` is not in the schema; the test checks that it is kept and encoded back",
                        e.page, e.line, e.title
                    )
                })
                .collect(),
        }
    }

    pub fn is_test(&self) -> bool {
        matches!(self.outcome, ResponseOutcome::Test { .. })
    }
}

/// Check every response example of the model against it, in page order.
/// Pure and deterministic.
pub fn check_responses(api: &Api) -> Vec<CheckedResponse> {
    examples_of(api, |x| &x.responses, |e| (&e.page, e.line))
        .into_iter()
        .map(|(e, found)| check_one(e, found))
        .collect()
}

fn check_one(e: &ResponseExample, found: Found) -> CheckedResponse {
    let skipped = |target, reason: String| CheckedResponse {
        example: e.clone(),
        target,
        outcome: ResponseOutcome::Skipped { line: e.line, reason },
    };
    let (package, method) = match found {
        Ok(found) => found,
        Err(Unmatched::PluginMethod) => {
            return skipped(
                None,
                "a service-plugin method: the app answers Wix, no client call resolves to it".to_owned(),
            );
        }
        Err(Unmatched::NoMethod) => {
            return skipped(
                None,
                format!("no generated method `{}.{}.{}`", e.package, e.service, e.method),
            );
        }
    };
    let Some(TypeRef::Named(response)) = &method.response else {
        return skipped(None, "the method has no response type".to_owned());
    };
    let cx = PackageScope::new(package);
    let Some(NamedType::Struct(s)) = cx.named(response) else {
        return skipped(
            None,
            format!("the response type `{response}` is not a generated struct"),
        );
    };
    let target = Some(TestTarget {
        module: ident(&package.module).to_string(),
        ty: ident(&s.rust_name).to_string(),
        method: ident(&method.rust_name).to_string(),
    });
    match (&e.sdk_returns, &e.rest_returns) {
        (Some(sdk), Some(rest)) if sdk == rest => {}
        (Some(sdk), Some(rest)) => {
            return skipped(
                target,
                format!("the SDK call resolves to `{sdk}`, not to the REST response `{rest}`; not checked"),
            );
        }
        _ => {
            return skipped(
                target,
                "the page's SDK and REST blocks do not both name the return type, so what the object is cannot be told"
                    .to_owned(),
            );
        }
    }
    let input = match &e.wire {
        ResponseObject::Wire(input) => input.clone(),
        ResponseObject::Unusable { line, reason } => {
            return CheckedResponse {
                example: e.clone(),
                target,
                outcome: ResponseOutcome::Skipped {
                    line: *line,
                    reason: reason.clone(),
                },
            };
        }
        ResponseObject::NotRead => {
            return skipped(target, "the load stage did not read the object; not tested".to_owned());
        }
    };
    let mut canon = SchemaCheck::response(&cx);
    match canon.value(&TypeRef::Named(response.clone()), &input, "") {
        Ok(expected) => CheckedResponse {
            example: e.clone(),
            target,
            outcome: ResponseOutcome::Test {
                input,
                expected,
                ignored: canon.ignored,
            },
        },
        Err(reason) => skipped(target, reason),
    }
}

/// The test functions of one package's response examples, and the lines
/// naming the ones skipped. The functions call `round_trip::<T>(input, expected)`.
pub fn package_tests(checked: &[CheckedResponse], module: &str) -> (Vec<syn::Item>, Vec<String>) {
    let mine: Vec<&CheckedResponse> = checked
        .iter()
        .filter(|c| c.target.as_ref().is_some_and(|t| t.module == module))
        .collect();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut tests = Vec::new();
    for c in &mine {
        let (
            ResponseOutcome::Test {
                input,
                expected,
                ignored,
            },
            Some(target),
        ) = (&c.outcome, &c.target)
        else {
            continue;
        };
        let n = names.entry(target.method.clone()).or_insert(0);
        *n += 1;
        let name = ident(&format!("{}_resolves_{}", bare(&target.method), n));
        let ty = ident(&target.ty);
        let input_text = string_literal(&serde_json::to_string_pretty(input).unwrap_or_default());
        let expected =
            (input != expected).then(|| string_literal(&serde_json::to_string_pretty(expected).unwrap_or_default()));
        let mut lines = vec![format!(
            "`{}:{}`: {}",
            code_text(&c.example.page),
            c.example.line,
            docs::doc_lines(&c.example.title).join(" ")
        )];
        if !ignored.is_empty() {
            let list: Vec<String> = ignored.iter().map(|p| format!("`{}`", code_text(p))).collect();
            lines.push(String::new());
            lines.push(format!(
                "Not in the schema, so kept as unknown keys and encoded back: {}.",
                list.join(", ")
            ));
        }
        let doc = crate::emit::ast::doc_attrs(&lines);
        tests.push(crate::emit::ast::round_trip_test(doc, &name, &ty, input_text, expected));
    }
    let skipped = mine.iter().filter_map(|c| c.skip_reason()).collect();
    (tests, skipped)
}
