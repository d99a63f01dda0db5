//! Listing-derived round trips, in each package crate's generated tests.
//!
//! For every method, lowering synthesizes a response from the page's own
//! `Return type:` listing and a request from its params
//! ([`wixgen_ir::model::MethodSamples`]). Each becomes a test: the JSON must
//! decode into the generated type and encode back to the expected JSON. A
//! sample that could not be built is listed in the module's docs and in the
//! generation report, never dropped silently.

use crate::emit::ast;
use crate::emit::docs::code_text;
use crate::emit::idents::ident;
use crate::examples::string_literal;
use std::collections::BTreeSet;
use wixgen_ir::model::{Api, NamedType, Package, SampleOutcome, TypeRef};

/// One sample to test, or the reason there is none.
pub struct ListingCase<'a> {
    /// `schemas/inbox/get-conversation.md`
    pub page: &'a str,
    /// `GetConversation request` / `... response`
    pub what: String,
    /// The Rust type decoded into, when the method has one.
    pub rust_type: Option<String>,
    pub outcome: &'a SampleOutcome,
    /// The second response sample, with a key no listing names in every
    /// listed object (`response_unknown_keys`); not listed when skipped (the
    /// first sample says why).
    pub unknown_keys: bool,
}

/// Every sample of a package, in service and method order.
pub fn package_cases(package: &Package) -> Vec<ListingCase<'_>> {
    let struct_name = |t: &TypeRef| match t {
        TypeRef::Named(n) => package
            .types
            .iter()
            .find(|ty| ty.rust_name() == n)
            .filter(|ty| matches!(ty, NamedType::Struct(_)))
            .map(|ty| ty.rust_name().to_owned()),
        _ => None,
    };
    let mut out = Vec::new();
    for service in &package.services {
        for m in &service.methods {
            if let Some(o) = &m.samples.request {
                out.push(ListingCase {
                    page: &m.source.page,
                    what: format!("{} request", m.name),
                    rust_type: Some(m.request_rust_name.clone()),
                    outcome: o,
                    unknown_keys: false,
                });
            }
            if let (Some(o), Some(r)) = (&m.samples.response, &m.response) {
                out.push(ListingCase {
                    page: &m.source.page,
                    what: format!("{} response", m.name),
                    rust_type: struct_name(r),
                    outcome: o,
                    unknown_keys: false,
                });
            }
            if let (Some(o), Some(r)) = (&m.samples.response_unknown_keys, &m.response) {
                out.push(ListingCase {
                    page: &m.source.page,
                    what: format!("{} response with unknown keys", m.name),
                    rust_type: struct_name(r),
                    outcome: o,
                    unknown_keys: true,
                });
            }
        }
        for m in &service.plugin_methods {
            if let Some(o) = &m.samples.request {
                out.push(ListingCase {
                    page: &m.source.page,
                    what: format!("{} plugin request", m.name),
                    rust_type: struct_name(&m.request),
                    outcome: o,
                    unknown_keys: false,
                });
            }
            if let (Some(o), Some(r)) = (&m.samples.response, &m.response) {
                out.push(ListingCase {
                    page: &m.source.page,
                    what: format!("{} plugin response", m.name),
                    rust_type: struct_name(r),
                    outcome: o,
                    unknown_keys: false,
                });
            }
            if let (Some(o), Some(r)) = (&m.samples.response_unknown_keys, &m.response) {
                out.push(ListingCase {
                    page: &m.source.page,
                    what: format!("{} plugin response with unknown keys", m.name),
                    rust_type: struct_name(r),
                    outcome: o,
                    unknown_keys: true,
                });
            }
        }
    }
    out
}

/// The number of round-trip tests [`package_tests`] writes, across the API.
pub fn test_count(api: &Api) -> usize {
    api.packages
        .iter()
        .flat_map(package_cases)
        .filter(|c| c.rust_type.is_some() && matches!(c.outcome, SampleOutcome::Sample(_)))
        .count()
}

/// The test functions of one package's listing-derived round trips, and the
/// lines naming the samples that could not be built. The functions call
/// `round_trip::<T>(input, expected)`.
pub fn package_tests(package: &Package) -> (Vec<syn::Item>, Vec<String>) {
    let mut names = BTreeSet::new();
    let mut skipped = Vec::new();
    let mut tests = Vec::new();
    for case in package_cases(package) {
        let sample = match case.outcome {
            SampleOutcome::Sample(s) => s,
            SampleOutcome::Skipped(_) if case.unknown_keys => continue,
            SampleOutcome::Skipped(reason) => {
                skipped.push(format!("`{}` ({}): {reason}", code_text(case.page), case.what));
                continue;
            }
        };
        let Some(rust_type) = &case.rust_type else { continue };
        let base = crate::emit::idents::snake(&case.what);
        let mut name = base.clone();
        let mut n = 2;
        while !names.insert(name.clone()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        let name = ident(&name);
        let ty = ident(rust_type);
        let input = string_literal(&serde_json::to_string(&sample.input).unwrap_or_default());
        let expected = (sample.expected != sample.input)
            .then(|| string_literal(&serde_json::to_string(&sample.expected).unwrap_or_default()));
        let doc = ast::doc_attrs(&[if case.unknown_keys {
            format!(
                "`{}`: the {} response as the page lists it, with a key no listing names in every listed object: kept and encoded back.",
                code_text(case.page),
                case.what.trim_end_matches(" response with unknown keys")
            )
        } else {
            format!("`{}`: the {} as the page lists it.", code_text(case.page), case.what)
        }]);
        tests.push(ast::round_trip_test(doc, &name, &ty, input, expected));
    }
    (tests, skipped)
}
