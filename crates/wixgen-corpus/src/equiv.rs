//! Merge classes: which types no page can tell apart (same short name, same
//! fields with the same shapes, recursively), by partition refinement.

use crate::model::*;
use std::collections::BTreeMap;

fn shape(ty: &Ty) -> String {
    match ty {
        Ty::Ref(_) => "ref".into(),
        Ty::Array(inner) => format!("array<{}>", shape(inner)),
        other => other.describe(),
    }
}

fn field_sig(f: &FieldDef) -> String {
    format!("{}:{}:{}:{}", f.name, shape(&f.ty), f.required, f.read_only)
}

/// Class label (smallest full name of its class) per type.
pub(crate) fn classes(types: &BTreeMap<String, TypeDef>) -> BTreeMap<String, String> {
    let names: Vec<&String> = types.keys().collect();
    let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let base: Vec<String> = names
        .iter()
        .map(|n| match &types[*n] {
            TypeDef::Enum(e) => {
                let v: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
                format!("enum {} [{}]", e.short, v.join(","))
            }
            TypeDef::Message(m) => {
                let groups: Vec<String> = m
                    .one_ofs
                    .iter()
                    .map(|g| {
                        format!(
                            "{}({})",
                            g.required,
                            g.members.iter().map(field_sig).collect::<Vec<_>>().join(",")
                        )
                    })
                    .collect();
                let origin = if m.origin == Origin::SdkOptions {
                    format!("options {}", m.full)
                } else {
                    String::new()
                };
                format!(
                    "message {} {origin} [{}] [{}]",
                    m.short,
                    groups.join(";"),
                    m.fields.iter().map(field_sig).collect::<Vec<_>>().join(",")
                )
            }
        })
        .collect();
    let refs: Vec<Vec<usize>> = names
        .iter()
        .map(|n| match &types[*n] {
            TypeDef::Enum(_) => Vec::new(),
            TypeDef::Message(m) => m
                .all_fields()
                .filter_map(|f| f.ty.reference())
                .filter_map(|r| index.get(r).copied())
                .collect(),
        })
        .collect();
    let mut class: Vec<usize> = renumber(&base);
    loop {
        let sigs: Vec<String> = (0..names.len())
            .map(|i| {
                let children: Vec<String> = refs[i].iter().map(|&j| class[j].to_string()).collect();
                format!("{}|{}|{}", class[i], base[i], children.join(","))
            })
            .collect();
        let next = renumber(&sigs);
        let before = class.iter().collect::<std::collections::BTreeSet<_>>().len();
        let after = next.iter().collect::<std::collections::BTreeSet<_>>().len();
        class = next;
        if after == before {
            break;
        }
    }
    let mut label: BTreeMap<usize, &str> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        label.entry(class[i]).or_insert(n.as_str());
    }
    names
        .iter()
        .enumerate()
        .map(|(i, n)| ((*n).clone(), label[&class[i]].to_owned()))
        .collect()
}

fn renumber(sigs: &[String]) -> Vec<usize> {
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    sigs.iter()
        .map(|s| {
            let next = ids.len();
            *ids.entry(s.as_str()).or_insert(next)
        })
        .collect()
}
