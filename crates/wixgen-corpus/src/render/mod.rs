//! Rendering the model into method pages.

pub(crate) mod block;
mod examples;
pub(crate) mod json;
pub(crate) mod values;

use crate::model::*;
use block::{Block, Listing, Side};

/// One rendered page and the type listings on it (1-based page lines).
pub(crate) struct RenderedPage {
    pub text: String,
    pub listings: Vec<(Side, Listing)>,
}

const PREAMBLE: &[&str] = &[
    "> Portal Navigation:",
    "> ",
    "> - Append `.md` to any URL under `https://dev.wix.com/docs/` to get its markdown version.",
    "> - Pages are either content pages (article or reference text) or menu pages (a list of links to child pages).",
    "> - To get a menu page, truncate any URL to a parent path and append `.md` (e.g. `https://dev.wix.com/docs/sdk.md`, `https://dev.wix.com/docs/sdk/core-modules.md`).",
    "> - Top-level index of all portals: https://dev.wix.com/docs/llms.txt",
    "> - Full concatenated docs: https://dev.wix.com/docs/llms-full.txt",
];
const SCHEMA_HINT: &str = "> - If a reference page seems to be missing its schema (parameters, return types, or type definitions), append `?schema=true` to its `.md` URL";

pub(crate) fn page(api: &Api, pkg: &Package, m: &Method, salt: u64) -> RenderedPage {
    let style = &m.style;
    let mut out: Vec<String> = Vec::new();
    if style.preamble_bullets > 0 {
        out.extend(PREAMBLE.iter().map(|s| (*s).to_owned()));
        if style.preamble_bullets == 6 {
            out.push(SCHEMA_HINT.to_owned());
        }
        out.push(String::new());
    }
    out.push(format!("# {}", m.name));
    out.push(String::new());
    out.push(format!("# Package: {}", pkg.name));
    out.push(String::new());
    out.push(format!("# Namespace: {}", m.namespace));
    out.push(String::new());
    out.push(format!(
        "# Method link: https://dev.wix.com/docs/api-reference/{}/{}.md",
        pkg.docs_path,
        m.slug()
    ));
    out.push(String::new());
    if !m.scopes.is_empty() {
        out.push("## Permission Scopes:".to_owned());
        for (name, id) in &m.scopes {
            out.push(format!("{name}: {id}"));
        }
        out.push(String::new());
    }
    out.push("## Introduction".to_owned());
    out.push(String::new());
    for p in &m.intro {
        out.push(p.trim().to_owned());
        out.push(String::new());
    }
    out.push("---".to_owned());
    out.push(String::new());

    let mut listings = Vec::new();
    out.push("## REST API".to_owned());
    out.push(String::new());
    out.push("### Schema".to_owned());
    out.push(String::new());
    out.push("```".to_owned());
    let rest = Block::new(api, Side::Rest, style).rest(m);
    let base = out.len();
    listings.extend(rest.listings.into_iter().map(|mut l| {
        l.line += base + 1;
        (Side::Rest, l)
    }));
    out.extend(rest.lines);
    out.push("```".to_owned());
    out.push(String::new());
    out.push("### Examples".to_owned());
    out.push(String::new());
    let mut values = values::Values { api, salt };
    examples::rest(&mut out, &mut values, m);
    out.push("---".to_owned());
    out.push(String::new());

    out.push("## JavaScript SDK".to_owned());
    out.push(String::new());
    out.push("### Schema".to_owned());
    out.push(String::new());
    out.push("```".to_owned());
    let sdk = Block::new(api, Side::Sdk, style).sdk(pkg, m);
    let base = out.len();
    listings.extend(sdk.listings.into_iter().map(|mut l| {
        l.line += base + 1;
        (Side::Sdk, l)
    }));
    out.extend(sdk.lines);
    out.push("```".to_owned());
    out.push(String::new());
    out.push("### Examples".to_owned());
    out.push(String::new());
    examples::sdk(&mut out, &mut values, pkg, m);
    out.push("---".to_owned());
    debug_assert!(
        out.iter().all(|l| !l.contains('\n')),
        "one element per line keeps listing lines right"
    );
    RenderedPage {
        text: out.join("\n"),
        listings,
    }
}
