//! How a message type travels: its `wix_client::wire::object::Object` impl.
//!
//! Generated types do not derive serde's traits, whose generated visitors
//! were most of the generated crate's compile time. Each struct instead gets
//! one match arm and one statement per field (`decode_field`,
//! `encode_fields`, generic over the format, so nothing is compiled until a
//! format uses them), and a one-line `Serialize`/`Deserialize` pair from
//! `wix_client::__serde_object!`.
//! The JSON is what the derive wrote: set fields only, unknown keys ignored,
//! int64 as strings, a ONE-OF group as its member's key (first key wins).

use super::Cx;
use super::idents::ident;
use super::one_of::GroupPlan;
use super::structs::{FieldPlan, Place, Store};
use proc_macro2::TokenStream;
use quote::quote;
use wixgen_ir::model::TypeRef;

/// The `decode_field` arm body storing into `self.<id>`, for a value stored as `store`.
fn decode_arm(id: &proc_macro2::Ident, ty: &TypeRef, store: Store) -> TokenStream {
    match (ty, store) {
        (TypeRef::Int64, Store::Optional) => quote!(w::set_int64(value, &mut self.#id)),
        (TypeRef::Array(inner), Store::List) if **inner == TypeRef::Int64 => {
            quote!(w::set_int64_list(value, &mut self.#id))
        }
        (_, Store::List) => quote!(w::set_list(value, &mut self.#id)),
        (_, Store::Optional) => quote!(w::set(value, &mut self.#id)),
    }
}

fn encode_stmt(id: &proc_macro2::Ident, wire: &str, ty: &TypeRef, store: Store) -> TokenStream {
    match (ty, store) {
        (TypeRef::Int64, Store::Optional) => quote!(w::put_int64(out, #wire, &self.#id)?;),
        (TypeRef::Array(inner), Store::List) if **inner == TypeRef::Int64 => {
            quote!(w::put_int64_list(out, #wire, &self.#id)?;)
        }
        (_, Store::List) => quote!(w::put_list(out, #wire, &self.#id)?;),
        (_, Store::Optional) => quote!(w::put(out, #wire, &self.#id)?;),
    }
}

/// `impl Object for <name>` and the serde glue, for a struct with `fields`
/// (only those in its serde form are encoded) and `groups`.
pub(crate) fn object_impl(cx: &Cx, name: &str, fields: &[FieldPlan], groups: &[GroupPlan]) -> TokenStream {
    let ty = ident(name);
    let result = cx.result();
    let vec = cx.vec();
    let mut arms = Vec::new();
    let mut encodes = Vec::new();
    let mut empties = Vec::new();

    for g in groups {
        let id = ident(&g.group.field_rust_name);
        if g.side.builds() {
            // The group is an `Option<Kind>`: the first member key decides.
            let kind = ident(&g.group.rust_name);
            let mut enc = Vec::new();
            for m in &g.members {
                let wire = &m.field.wire_name;
                let variant = ident(&m.variant);
                let setter = match &m.field.ty {
                    TypeRef::Int64 => quote!(set_member_int64),
                    TypeRef::Array(inner) if **inner == TypeRef::Int64 => quote!(set_member_int64_list),
                    TypeRef::Array(_) => quote!(set_member_list),
                    _ => quote!(set_member),
                };
                let wrap = if m.boxed {
                    let b = cx.boxed_ty();
                    quote!(|v| #kind::#variant(#b::new(v)))
                } else {
                    quote!(#kind::#variant)
                };
                arms.push(quote!(#wire => w::#setter(value, &mut self.#id, #wrap),));
                enc.push(match &m.field.ty {
                    TypeRef::Int64 => quote!(#kind::#variant(v) => w::put_member_int64(out, #wire, v)?,),
                    TypeRef::Array(inner) if **inner == TypeRef::Int64 => {
                        quote!(#kind::#variant(v) => w::put_member_int64_list(out, #wire, v)?,)
                    }
                    _ => quote!(#kind::#variant(v) => w::put_member(out, #wire, v)?,),
                });
            }
            encodes.push(quote! {
                if let Some(kind) = &self.#id {
                    match kind {
                        #(#enc)*
                    }
                }
            });
            empties.push(quote!(#id: None,));
        } else {
            // Response-only: every member is a field of its own.
            for m in &g.members {
                let plan = super::structs::plan_field(cx, name, g.side, m.field, Place::Serde);
                let fid = plan.ident();
                let wire = &m.field.wire_name;
                let arm = decode_arm(&fid, &m.field.ty, plan.store);
                arms.push(quote!(#wire => #arm,));
                encodes.push(encode_stmt(&fid, wire, &m.field.ty, plan.store));
                empties.push(empty_init(&fid, plan.store, &vec));
            }
        }
    }
    for f in fields {
        let id = f.ident();
        empties.push(empty_init(&id, f.store, &vec));
        if f.place != Place::Serde {
            continue;
        }
        let wire = &f.field.wire_name;
        let arm = decode_arm(&id, &f.field.ty, f.store);
        arms.push(quote!(#wire => #arm,));
        encodes.push(encode_stmt(&id, wire, &f.field.ty, f.store));
    }
    let out_param = if encodes.is_empty() { quote!(_out) } else { quote!(out) };
    let (key_param, decode_body) = if arms.is_empty() {
        (quote!(_key), quote!(w::skip(value)))
    } else {
        (
            quote!(key),
            quote! {
                match key {
                    #(#arms)*
                    _ => w::skip(value),
                }
            },
        )
    };
    let use_w = if encodes.is_empty() {
        quote!()
    } else {
        quote!(
            use wix_client::wire::object as w;
        )
    };
    quote! {
        impl wix_client::wire::object::Object for #ty {
            const NAME: &'static str = #name;

            fn empty() -> Self {
                Self { #(#empties)* }
            }

            fn decode_field<'de, D: wix_client::reexports::serde::Deserializer<'de>>(
                &mut self,
                #key_param: &str,
                value: D,
            ) -> #result<(), D::Error> {
                use wix_client::wire::object as w;
                #decode_body
            }

            fn encode_fields<M: wix_client::reexports::serde::ser::SerializeMap>(
                &self,
                #out_param: &mut M,
            ) -> #result<(), M::Error> {
                #use_w
                #(#encodes)*
                Ok(())
            }
        }
    }
}

fn empty_init(id: &proc_macro2::Ident, store: Store, vec: &TokenStream) -> TokenStream {
    match store {
        Store::List => quote!(#id: #vec::new(),),
        Store::Optional => quote!(#id: None,),
    }
}
