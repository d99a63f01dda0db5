//! Which shape the generated code gives a message type, as codegen decides it
//! (`crates/wixgen-codegen/src/emit/structs.rs`, `Side`): a type users **build**
//! (reachable from a method's params through fields that are not read-only)
//! gets `new(required...)` and `with_*` setters; a type that is only decoded
//! (**response-only**) has every field optional. Only the shape matters here,
//! so this reads the IR and nothing of codegen.

use std::collections::{BTreeMap, BTreeSet};
use wixgen_ir::model::{NamedType, Package, StructType, TypeRef};

/// The shape of a generated struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Built by users only.
    Request,
    /// Built by users and decoded from responses.
    Both,
    /// Decoded only: every field optional.
    Response,
}

impl Side {
    /// Users build it with `new` and setters.
    pub fn builds(self) -> bool {
        self != Side::Response
    }
}

/// The sides of a package's structs, by Rust name.
pub struct Sides {
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
