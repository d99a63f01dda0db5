//! The JavaScript SDK's view of a method: path params and required params
//! become positional arguments, the rest moves into an `options` argument
//! (a type of its own, `<Method>Options`).

use crate::model::*;

pub(crate) struct SdkParam {
    /// The field, named as the REST request names it (renamed when rendered).
    pub field: FieldDef,
}

pub(crate) struct SdkSignature {
    pub positional: Vec<SdkParam>,
    /// Full name of the options type, when some params are not positional.
    pub options: Option<String>,
}

/// Placeholders of a URL template: `{a}`, `{a.b}`, `{a=**}` → `a`, `a.b`, `a`.
pub(crate) fn placeholders(url: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = url;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        let inner = &rest[open + 1..open + close];
        out.push(inner.split('=').next().unwrap_or(inner).to_owned());
        rest = &rest[open + close + 1..];
    }
    out
}

pub(crate) fn options_name(m: &Method) -> String {
    format!("{}Options", m.request.trim_end_matches("Request"))
}

pub(crate) fn signature(api: &Api, m: &Method) -> SdkSignature {
    let req = api.message(&m.request);
    let mut positional: Vec<SdkParam> = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for p in m.url.as_deref().map(placeholders).unwrap_or_default() {
        if let Some((head, leaf)) = p.split_once('.') {
            // `{badge.id}`: the SDK takes the id as its own first argument.
            let mut field = FieldDef {
                name: leaf.to_owned(),
                ty: Ty::String,
                required: true,
                read_only: false,
                validation: vec!["format GUID".to_owned()],
                description: format!("{} GUID.", upper_first(head)),
            };
            field.required = true;
            positional.push(SdkParam { field });
        } else if let Some(f) = req.fields.iter().find(|f| f.name == p) {
            positional.push(SdkParam { field: f.clone() });
            taken.push(p);
        }
    }
    for f in &req.fields {
        if f.required && !taken.contains(&f.name) {
            positional.push(SdkParam { field: f.clone() });
            taken.push(f.name.clone());
        }
    }
    let rest = req.fields.iter().any(|f| !taken.contains(&f.name)) || !req.one_ofs.is_empty();
    SdkSignature {
        positional,
        options: rest.then(|| options_name(m)),
    }
}

/// Register every method's options type in the model.
pub(crate) fn add_options_types(api: &mut Api) {
    let mut new = Vec::new();
    for p in &api.packages {
        for m in &p.methods {
            let sig = signature(api, m);
            let Some(full) = sig.options else { continue };
            let taken: Vec<&str> = sig.positional.iter().map(|s| s.field.name.as_str()).collect();
            let req = api.message(&m.request);
            new.push(MessageDef {
                short: full.rsplit('.').next().unwrap_or(&full).to_owned(),
                full,
                one_ofs: req.one_ofs.clone(),
                fields: req
                    .fields
                    .iter()
                    .filter(|f| !taken.contains(&f.name.as_str()))
                    .cloned()
                    .collect(),
                origin: Origin::SdkOptions,
            });
        }
    }
    for m in new {
        api.types.insert(m.full.clone(), TypeDef::Message(m));
    }
}
