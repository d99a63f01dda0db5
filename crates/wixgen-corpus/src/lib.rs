//! A deterministic generator of Wix method pages shaped like the real ones,
//! as test material for correctness at scale and for benchmarks.
//!
//! The generator builds a model of an API first (packages; types by full
//! name such as `wix.ricos.v1.DividerData.Width`; methods with verbs, URL
//! templates, params, responses, scopes, errors, examples), then renders each
//! method to a page the way the Wix docs generator does, defects included
//! (FORMAT.md): short names only, a type's fields listed at its first
//! occurrence in a block only, the irregular indentation under `param
//! name:`, REST params typed with their own name, the SDK's `_id`, `Date`,
//! `options ... none` and `PROMISE<...>`. `CORPUS.json` records, for every
//! type listing on every page, the full name it stands for, and the model.
//!
//! Same page count, same bytes: all randomness is ChaCha8 from a seed derived
//! from the page count.
//!
//! [`fixture`] is test material of another kind: a hand-built IR with the
//! shapes pages rarely show at once (the golden `tests/golden/edge_cases.rs`).
//!
//! ```
//! let corpus = wixgen_corpus::generate(30);
//! assert_eq!(corpus.files.len(), 30);
//! assert!(corpus.manifest.summary.packages >= 20);
//! ```

mod build;
mod catalog;
mod equiv;
pub mod fixture;
pub mod manifest;
mod model;
mod render;
mod rng;
mod vocab;

use manifest::*;
use model::TypeDef;
use render::block::{Side, View};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

/// The manifest's file name, beside the package directories.
pub const MANIFEST: &str = "CORPUS.json";

/// A generated corpus: pages by relative path, and the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    /// `bookings/create-booking.md` → page text.
    pub files: BTreeMap<String, String>,
    pub manifest: Manifest,
}

/// Generate a corpus of exactly `pages` method pages.
pub fn generate(pages: usize) -> Corpus {
    let api = build::build_api(pages);
    let mut files = BTreeMap::new();
    let mut entries = BTreeMap::new();
    let mut packages = BTreeMap::new();
    let mut summary = Summary::default();
    for pkg in &api.packages {
        let mut paths = Vec::new();
        for m in &pkg.methods {
            let mut path = format!("{}/{}.md", pkg.dir, m.slug());
            let mut n = 2;
            while files.contains_key(&path) {
                path = format!("{}/{}-{n}.md", pkg.dir, m.slug());
                n += 1;
            }
            let salt = path.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            let page = render::page(&api, pkg, m, salt);
            summary.bytes += page.text.len();
            let listings = page
                .listings
                .into_iter()
                .map(|(side, l)| ListingEntry {
                    line: l.line,
                    section: match side {
                        Side::Rest => "rest",
                        Side::Sdk => "sdk",
                    },
                    name: l.name,
                    written: l.written,
                    full: l.full,
                    expanded: l.expanded,
                    view: match l.view {
                        View::Request => "request",
                        View::Response => "response",
                    },
                })
                .collect();
            let request = api.message(&m.request);
            let response = api.message(&m.response);
            let mut cases: Vec<String> = m.cases.iter().map(|c| (*c).to_owned()).collect();
            if request.is_empty() && !cases.iter().any(|c| c == "no-params") {
                cases.push("no-params".into());
            }
            if response.is_empty() && !cases.iter().any(|c| c == "empty-response") {
                cases.push("empty-response".into());
            }
            entries.insert(
                path.clone(),
                PageEntry {
                    package: pkg.dir.clone(),
                    package_name: pkg.name.clone(),
                    namespace: m.namespace.clone(),
                    method: m.name.clone(),
                    verb: m.verb.as_str().to_owned(),
                    url: m.url.clone(),
                    service_plugin: m.service_plugin(),
                    request: m.request.clone(),
                    response: m.response.clone(),
                    no_params: request.is_empty(),
                    empty_response: response.is_empty(),
                    cases,
                    listings,
                },
            );
            summary.pages += 1;
            summary.methods += 1;
            if m.service_plugin() {
                summary.service_plugin_pages += 1;
            }
            files.insert(path.clone(), page.text);
            paths.push(path);
        }
        packages.insert(
            pkg.dir.clone(),
            PackageEntry {
                name: pkg.name.clone(),
                service_plugin: pkg.service_plugin,
                pages: paths,
            },
        );
    }
    summary.packages = packages.len();
    let classes = equiv::classes(&api.types);
    let types = api
        .types
        .iter()
        .map(|(full, t)| (full.clone(), type_entry(t, &classes[full])))
        .collect();
    Corpus {
        files,
        manifest: Manifest {
            generator: "wixgen-corpus 1".to_owned(),
            pages_requested: pages,
            summary,
            pages: entries,
            packages,
            types,
        },
    }
}

fn field_entry(f: &model::FieldDef) -> FieldEntry {
    FieldEntry {
        name: f.name.clone(),
        ty: f.ty.describe(),
        required: f.required,
        read_only: f.read_only,
    }
}

fn type_entry(t: &TypeDef, class: &str) -> TypeEntry {
    match t {
        TypeDef::Message(m) => TypeEntry {
            kind: "message",
            short: m.short.clone(),
            origin: match m.origin {
                model::Origin::Api => "api",
                model::Origin::SdkOptions => "sdk_options",
            },
            merge_class: class.to_owned(),
            one_ofs: m
                .one_ofs
                .iter()
                .map(|g| OneOfEntry {
                    name: g.name.clone(),
                    required: g.required,
                    members: g.members.iter().map(field_entry).collect(),
                })
                .collect(),
            fields: m.fields.iter().map(field_entry).collect(),
            values: Vec::new(),
        },
        TypeDef::Enum(e) => TypeEntry {
            kind: "enum",
            short: e.short.clone(),
            origin: "api",
            merge_class: class.to_owned(),
            one_ofs: Vec::new(),
            fields: Vec::new(),
            values: e.values.iter().map(|v| v.name.clone()).collect(),
        },
    }
}

impl Corpus {
    /// The manifest as pretty JSON (deterministic: sorted maps, fixed field order).
    pub fn manifest_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.manifest).expect("the manifest serialises");
        s.push('\n');
        s
    }

    /// Write the pages and `CORPUS.json` under `dir`. A directory that is not
    /// empty must hold a previous corpus (a `CORPUS.json`): its pages are
    /// removed first, so that a smaller corpus leaves no stale pages.
    pub fn write_to(&self, dir: &Path) -> io::Result<()> {
        if dir.exists() {
            let old = dir.join(MANIFEST);
            let non_empty = fs::read_dir(dir)?.next().is_some();
            if non_empty && !old.exists() {
                return Err(io::Error::other(format!(
                    "{} is not empty and holds no {MANIFEST}; choose an empty or new directory",
                    dir.display()
                )));
            }
            if old.exists() {
                remove_previous(dir, &old)?;
            }
        }
        for (rel, text) in &self.files {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, text)?;
        }
        fs::create_dir_all(dir)?;
        fs::write(dir.join(MANIFEST), self.manifest_json())
    }
}

/// Remove the pages a previous manifest lists, and package directories left empty.
fn remove_previous(dir: &Path, manifest: &Path) -> io::Result<()> {
    let text = fs::read_to_string(manifest)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| io::Error::other(format!("{}: not a corpus manifest: {e}", manifest.display())))?;
    let Some(pages) = value.get("pages").and_then(|p| p.as_object()) else {
        return Err(io::Error::other(format!(
            "{}: not a corpus manifest (no `pages`)",
            manifest.display()
        )));
    };
    for rel in pages.keys() {
        if rel.contains("..") || Path::new(rel).is_absolute() || !rel.ends_with(".md") {
            continue;
        }
        let path = dir.join(rel);
        if path.is_file() {
            fs::remove_file(&path)?;
        }
        if let Some(parent) = path.parent()
            && parent != dir
            && fs::read_dir(parent)?.next().is_none()
        {
            fs::remove_dir(parent)?;
        }
    }
    fs::remove_file(manifest)
}
