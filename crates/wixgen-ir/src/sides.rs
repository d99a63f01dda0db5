//! Which structs users build: the one rule codegen shapes structs by and
//! `wixgen diff` judges changes by.
//!
//! A struct is **built** when it is reachable from a client method's params,
//! or from a service plugin's response (the app builds what it answers Wix
//! with), through fields that are not read-only. (A type reachable only
//! through read-only fields, like a message's `sender`, is never sent, so it
//! keeps the lossless response shape.) A built struct gets `new(required...)`
//! and `with_*` setters; one that is only decoded has every field optional.

use crate::model::{NamedType, Package, StructType, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// The shape of a generated struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Built by users only: required fields are plain, ONE-OFs are enums.
    Request,
    /// Built by users and decoded from responses: as `Request`, but every
    /// field decodes when missing.
    Both,
    /// Decoded only: every field optional, ONE-OF members kept side by side.
    Response,
}

impl Side {
    /// Users build it with `new` and setters.
    pub fn builds(self) -> bool {
        self != Side::Response
    }
}

/// The sides of a package's structs.
#[derive(Debug, Clone, Default)]
pub struct Sides {
    /// Rust names of the structs users build.
    built: BTreeSet<String>,
}

impl Sides {
    pub fn of(package: &Package) -> Self {
        let structs: BTreeMap<&str, &StructType> = package
            .types
            .iter()
            .filter_map(|t| match t {
                NamedType::Struct(s) => Some((s.rust_name.as_str(), s)),
                NamedType::Enum(_) => None,
            })
            .collect();
        let mut work: Vec<&str> = Vec::new();
        for service in &package.services {
            for m in &service.methods {
                for f in m.path_params.iter().chain(&m.query_params).chain(&m.body_params) {
                    named_refs(&f.ty, &mut work);
                }
            }
            // An app builds what it answers a service plugin with.
            for m in &service.plugin_methods {
                if let Some(r) = &m.response {
                    named_refs(r, &mut work);
                }
            }
        }
        let mut built = BTreeSet::new();
        while let Some(name) = work.pop() {
            let Some(s) = structs.get(name) else { continue };
            if !built.insert(s.rust_name.clone()) {
                continue;
            }
            for f in s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| g.members.iter())) {
                if !f.read_only {
                    named_refs(&f.ty, &mut work);
                }
            }
        }
        Sides { built }
    }

    /// The shape of `s`, a struct of the package.
    pub fn side(&self, s: &StructType) -> Side {
        match (self.built.contains(&s.rust_name), s.usage.response) {
            (true, true) => Side::Both,
            (true, false) => Side::Request,
            (false, _) => Side::Response,
        }
    }
}

fn named_refs<'t>(ty: &'t TypeRef, out: &mut Vec<&'t str>) {
    match ty {
        TypeRef::Named(n) => out.push(n),
        TypeRef::Array(inner) => named_refs(inner, out),
        _ => {}
    }
}
