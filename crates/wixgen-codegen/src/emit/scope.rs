//! What the emitters of one package share: its types by Rust name, which
//! structs users build ([`Side`]), which fields are boxed to break a cycle, and
//! how prelude names are spelled. Plain facts about the package, read by every
//! emitter; this file imports nothing else of the crate.

use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};
use wixgen_ir::model::{NamedType, Package, StructType, TypeRef};
pub(crate) use wixgen_ir::sides::Side;
use wixgen_ir::sides::Sides;

/// Names of the prelude items generated code uses in type position. When a
/// package defines a type with one of these names, the package's code spells
/// them with full paths instead.
const PRELUDE_TYPES: &[&str] = &["Option", "String", "Vec", "Box", "Result", "Into", "From", "Default"];

/// Per-package facts the emitters need.
pub(crate) struct PackageScope<'a> {
    pub(crate) package: &'a Package,
    types: BTreeMap<&'a str, &'a NamedType>,
    /// Which structs users build ([`wixgen_ir::sides`]).
    sides: Sides,
    /// `(struct, field rust name)` edges that must be boxed to break a cycle.
    boxed: BTreeSet<(String, String)>,
    /// Spell prelude types with full paths.
    full_paths: bool,
}

impl<'a> PackageScope<'a> {
    pub(crate) fn new(package: &'a Package) -> Self {
        let types: BTreeMap<&str, &NamedType> = package.types.iter().map(|t| (t.rust_name(), t)).collect();
        let full_paths = package.types.iter().any(|t| PRELUDE_TYPES.contains(&t.rust_name()))
            || package.services.iter().any(|s| {
                s.methods
                    .iter()
                    .any(|m| PRELUDE_TYPES.contains(&m.request_rust_name.as_str()))
            });
        let mut cx = PackageScope {
            package,
            types,
            sides: Sides::of(package),
            boxed: BTreeSet::new(),
            full_paths,
        };
        cx.boxed = cx.cycle_edges();
        cx
    }

    /// The shape of a struct: see [`Side`].
    pub(crate) fn side(&self, s: &StructType) -> Side {
        self.sides.side(s)
    }

    pub(crate) fn named(&self, rust_name: &str) -> Option<&'a NamedType> {
        self.types.get(rust_name).copied()
    }

    /// The Rust name of a service's client struct: its IR name, unless a type
    /// of the package already has it (then `<Name>Client`).
    pub(crate) fn service_name(&self, rust_name: &str) -> String {
        let taken = |n: &str| {
            self.types.contains_key(n)
                || self
                    .package
                    .services
                    .iter()
                    .any(|s| s.methods.iter().any(|m| m.request_rust_name == n))
        };
        let mut name = rust_name.to_owned();
        while taken(&name) {
            name.push_str("Client");
        }
        name
    }

    /// `base`, or `base` with `Items` appended until it names no type,
    /// request struct or service of the package: for items codegen adds.
    pub(crate) fn free_name(&self, base: &str) -> String {
        let taken = |n: &str| {
            self.types.contains_key(n)
                || self
                    .package
                    .services
                    .iter()
                    .any(|s| s.rust_name == n || s.methods.iter().any(|m| m.request_rust_name == n))
        };
        let mut name = base.to_owned();
        while taken(&name) {
            name.push_str("Items");
        }
        name
    }

    pub(crate) fn is_boxed(&self, owner: &str, field: &str) -> bool {
        self.boxed.contains(&(owner.to_owned(), field.to_owned()))
    }

    /// Struct-to-struct edges stored inline (not behind a `Vec`) that lie on a
    /// cycle: those fields are boxed so the types have a finite size.
    fn cycle_edges(&self) -> BTreeSet<(String, String)> {
        let mut edges: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
        for t in &self.package.types {
            if let NamedType::Struct(s) = t {
                let fields = s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| g.members.iter()));
                for f in fields {
                    if let TypeRef::Named(target) = &f.ty
                        && let Some(NamedType::Struct(_)) = self.named(target)
                    {
                        edges.entry(&s.rust_name).or_default().push((&f.rust_name, target));
                    }
                }
            }
        }
        let reaches = |from: &str, to: &str| {
            let mut seen = BTreeSet::new();
            let mut stack = vec![from];
            while let Some(n) = stack.pop() {
                if n == to {
                    return true;
                }
                if seen.insert(n)
                    && let Some(next) = edges.get(n)
                {
                    stack.extend(next.iter().map(|(_, t)| *t));
                }
            }
            false
        };
        let mut out = BTreeSet::new();
        for (owner, list) in &edges {
            for (field, target) in list {
                if reaches(target, owner) {
                    out.insert(((*owner).to_owned(), (*field).to_owned()));
                }
            }
        }
        out
    }

    // Prelude spellings.

    /// A prelude name, spelled with its full `::std` path when a generated
    /// type of the same name would shadow it.
    fn prelude(&self, full: TokenStream, short: TokenStream) -> TokenStream {
        if self.full_paths { full } else { short }
    }

    pub(crate) fn option(&self) -> TokenStream {
        self.prelude(quote!(::std::option::Option), quote!(Option))
    }
    pub(crate) fn string(&self) -> TokenStream {
        self.prelude(quote!(::std::string::String), quote!(String))
    }
    pub(crate) fn vec(&self) -> TokenStream {
        self.prelude(quote!(::std::vec::Vec), quote!(Vec))
    }
    pub(crate) fn boxed_ty(&self) -> TokenStream {
        self.prelude(quote!(::std::boxed::Box), quote!(Box))
    }
    pub(crate) fn result(&self) -> TokenStream {
        self.prelude(quote!(::std::result::Result), quote!(Result))
    }
    pub(crate) fn trait_from(&self) -> TokenStream {
        self.prelude(quote!(::std::convert::From), quote!(From))
    }

    /// The Rust type of a value of `ty` (no `Option`, no `Box`).
    pub(crate) fn rust_type(&self, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::String | TypeRef::Timestamp => self.string(),
            TypeRef::Int32 => quote!(i32),
            TypeRef::Int64 => quote!(i64),
            TypeRef::Float64 => quote!(f64),
            TypeRef::Bool => quote!(bool),
            TypeRef::Json => quote!(wix_client::reexports::serde_json::Value),
            TypeRef::Array(inner) => {
                let vec = self.vec();
                let inner = self.rust_type(inner);
                quote!(#vec<#inner>)
            }
            TypeRef::Named(name) => match self.named(name) {
                Some(t) => {
                    let id = super::idents::ident(t.rust_name());
                    quote!(#id)
                }
                // A reference the IR could not resolve: keep the data as JSON
                // rather than emit a name that does not exist.
                None => quote!(wix_client::reexports::serde_json::Value),
            },
        }
    }

    /// A prelude type (`Option`, `Vec`, `Box`, `Into`...) with one generic
    /// argument, as a syntax tree: `::std::<module>::<name><arg>` when a
    /// generated type shadows it, `<name><arg>` otherwise.
    pub(crate) fn prelude_syn(&self, module: &str, name: &str, arg: Option<syn::Type>) -> syn::Type {
        if self.full_paths {
            super::ast::path_type(&["std", module, name], true, arg)
        } else {
            super::ast::path_type(&[name], false, arg)
        }
    }

    /// A function of a prelude type (`Box::new`), as [`Self::prelude_syn`] spells the type.
    pub(crate) fn prelude_fn(&self, module: &str, name: &str, function: &str) -> syn::Path {
        let segments: &[&str] = if self.full_paths {
            &["std", module, name, function]
        } else {
            &[name, function]
        };
        super::ast::path(segments, self.full_paths)
    }

    /// [`Self::rust_type`] as a syntax tree (the same tokens).
    pub(crate) fn syn_type(&self, ty: &TypeRef) -> syn::Type {
        use super::ast::path_type;
        match ty {
            TypeRef::String | TypeRef::Timestamp => self.prelude_syn("string", "String", None),
            TypeRef::Int32 => path_type(&["i32"], false, None),
            TypeRef::Int64 => path_type(&["i64"], false, None),
            TypeRef::Float64 => path_type(&["f64"], false, None),
            TypeRef::Bool => path_type(&["bool"], false, None),
            TypeRef::Json => json_type(),
            TypeRef::Array(inner) => self.prelude_syn("vec", "Vec", Some(self.syn_type(inner))),
            TypeRef::Named(name) => match self.named(name) {
                Some(t) => super::ast::named_type(&super::idents::ident(t.rust_name())),
                None => json_type(),
            },
        }
    }

    /// Whether a value of `ty` is stored as a `String` and so accepted as
    /// `impl Into<String>` by constructors and setters.
    pub(crate) fn takes_into(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::String | TypeRef::Timestamp => true,
            TypeRef::Named(n) => matches!(self.named(n), Some(NamedType::Struct(_))),
            _ => false,
        }
    }
}

fn json_type() -> syn::Type {
    super::ast::path_type(&["wix_client", "reexports", "serde_json", "Value"], false, None)
}
