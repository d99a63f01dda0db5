//! Small constructors for the model's types and fields.

use crate::model::*;
use std::collections::BTreeMap;

pub(crate) type Types = BTreeMap<String, TypeDef>;

pub(crate) fn short_of(full: &str) -> &str {
    full.rsplit('.').next().unwrap_or(full)
}

pub(crate) fn f(name: &str, ty: Ty, description: &str) -> FieldDef {
    FieldDef {
        name: name.to_owned(),
        ty,
        required: false,
        read_only: false,
        validation: Vec::new(),
        description: description.to_owned(),
    }
}

pub(crate) trait FieldExt {
    fn req(self) -> Self;
    fn ro(self) -> Self;
    fn val(self, rule: &str) -> Self;
}

impl FieldExt for FieldDef {
    fn req(mut self) -> Self {
        self.required = true;
        self
    }
    fn ro(mut self) -> Self {
        self.read_only = true;
        self
    }
    fn val(mut self, rule: &str) -> Self {
        self.validation.push(rule.to_owned());
        self
    }
}

pub(crate) fn r(full: &str) -> Ty {
    Ty::Ref(full.to_owned())
}

pub(crate) fn arr(ty: Ty) -> Ty {
    Ty::Array(Box::new(ty))
}

pub(crate) fn one_of(name: &str, members: Vec<FieldDef>) -> OneOfDef {
    OneOfDef {
        name: name.to_owned(),
        required: false,
        members,
    }
}

/// Add a message (kept as is when the full name exists: shared types are
/// built by the same code and so are identical). Returns a reference to it.
pub(crate) fn message(types: &mut Types, full: &str, one_ofs: Vec<OneOfDef>, fields: Vec<FieldDef>) -> Ty {
    types.entry(full.to_owned()).or_insert_with(|| {
        TypeDef::Message(MessageDef {
            full: full.to_owned(),
            short: short_of(full).to_owned(),
            one_ofs,
            fields,
            origin: Origin::Api,
        })
    });
    r(full)
}

/// Add an enum; values given as `NAME` or `NAME: description`. Block form
/// when the values carry descriptions.
pub(crate) fn enumeration(types: &mut Types, full: &str, values: &[&str]) -> Ty {
    types.entry(full.to_owned()).or_insert_with(|| {
        let values: Vec<EnumValueDef> = values
            .iter()
            .map(|v| match v.split_once(": ") {
                Some((n, d)) => EnumValueDef {
                    name: n.to_owned(),
                    description: d.to_owned(),
                },
                None => EnumValueDef {
                    name: (*v).to_owned(),
                    description: String::new(),
                },
            })
            .collect();
        let block = values.iter().any(|v| !v.description.is_empty());
        TypeDef::Enum(EnumDef {
            full: full.to_owned(),
            short: short_of(full).to_owned(),
            values,
            block,
        })
    });
    r(full)
}
