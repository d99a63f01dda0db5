//! Example values that agree with the schema: built from the model, with
//! REST wire names (or SDK names for `Promise resolves to`), read-only
//! fields left out of requests, one member per ONE-OF, bounded depth.

use super::json::Json;
use crate::model::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Names {
    Rest,
    Sdk,
}

pub(crate) struct Values<'a> {
    pub api: &'a Api,
    /// A counter that varies ids and choices deterministically.
    pub salt: u64,
}

impl Values<'_> {
    fn next(&mut self) -> u64 {
        self.salt = self
            .salt
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.salt >> 33
    }

    pub fn guid(&mut self) -> String {
        let a = self.next();
        let b = self.next();
        let c = self.next();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a & 0xffff_ffff,
            b & 0xffff,
            (b >> 16) & 0xfff,
            0x8000 | (c & 0x3fff),
            (a << 16 | c) & 0xffff_ffff_ffff
        )
    }

    pub fn scalar(&mut self, name: &str, ty: &Ty, names: Names) -> Json {
        match ty {
            Ty::String => Json::Str(self.string(name)),
            Ty::Int64 => Json::Str(format!("{}", 1 + self.next() % 40)),
            Ty::Int32 => Json::Num(format!("{}", 1 + self.next() % 20)),
            Ty::Number => Json::Num(format!("{}.{}", 1 + self.next() % 200, self.next() % 100)),
            Ty::Bool => Json::Bool(self.next().is_multiple_of(2)),
            Ty::Timestamp => Json::Str(format!(
                "2025-{:02}-{:02}T{:02}:30:00.000Z",
                1 + self.next() % 12,
                1 + self.next() % 28,
                8 + self.next() % 10
            )),
            Ty::Map => {
                if name == "filter" {
                    Json::Obj(vec![(
                        "status".into(),
                        Json::Obj(vec![("$eq".into(), Json::Str("ACTIVE".into()))]),
                    )])
                } else if name == "namespaces" {
                    Json::Obj(vec![(
                        "@acme/loyalty-app".into(),
                        Json::Obj(vec![("tier".into(), Json::Str("gold".into()))]),
                    )])
                } else {
                    Json::Obj(vec![("key".into(), Json::Str("value".into()))])
                }
            }
            Ty::Ref(full) => self.reference(full, names, 0, 3),
            Ty::Array(inner) => Json::Arr(vec![self.scalar(name, inner, names)]),
        }
    }

    fn string(&mut self, name: &str) -> String {
        let lower = name.to_lowercase();
        if lower.ends_with("id") || lower == "cursor" {
            if lower == "cursor" {
                return "eyJpZCI6IjEyMyJ9".to_owned();
            }
            return self.guid();
        }
        if lower.contains("email") {
            return "jane.doe@example.com".to_owned();
        }
        if lower.contains("url") {
            return "https://static.wixstatic.com/media/11062b_7a8b4c.jpg".to_owned();
        }
        if lower.contains("currency") {
            return "USD".to_owned();
        }
        if lower == "slug" {
            return "summer-collection/sunset-dress".to_owned();
        }
        if lower.contains("phone") {
            return "+14155550123".to_owned();
        }
        if lower.contains("timezone") {
            return "America/New_York".to_owned();
        }
        if lower.contains("country") {
            return "US".to_owned();
        }
        if lower.contains("price") || lower.contains("amount") || lower == "value" || lower == "cost" || lower == "rate"
        {
            return format!("{}.{:02}", 5 + self.next() % 95, self.next() % 100);
        }
        const WORDS: &[&str] = &[
            "Morning Yoga",
            "Classic Cars",
            "Peak Fitness",
            "Sunset Dress",
            "Team Meeting",
            "Gold Tier",
            "Spring Sale",
            "Main Street",
        ];
        WORDS[(self.next() % WORDS.len() as u64) as usize].to_owned()
    }

    fn reference(&mut self, full: &str, names: Names, depth: usize, max: usize) -> Json {
        match self.api.types.get(full) {
            Some(TypeDef::Enum(e)) => {
                let pick = e
                    .values
                    .iter()
                    .find(|v| !v.name.starts_with("UNKNOWN") && !v.name.starts_with("UNSPECIFIED"))
                    .or(e.values.first());
                Json::Str(pick.map_or_else(String::new, |v| v.name.clone()))
            }
            Some(TypeDef::Message(_)) if depth >= max => Json::Obj(vec![]),
            Some(TypeDef::Message(m)) => self.object(m, names, false, depth + 1, max),
            None => Json::Null,
        }
    }

    /// An object of message `m`: for a request (`request`), without
    /// read-only fields; required fields always, others about half the time.
    pub fn object(&mut self, m: &MessageDef, names: Names, request: bool, depth: usize, max: usize) -> Json {
        let mut out = Vec::new();
        for g in &m.one_ofs {
            let visible: Vec<&FieldDef> = g.members.iter().filter(|f| !(request && f.read_only)).collect();
            if visible.is_empty() {
                continue;
            }
            let f = visible[(self.next() % visible.len() as u64) as usize];
            out.push((field_name(&f.name, names), self.value(f, names, request, depth, max)));
        }
        for f in &m.fields {
            if request && f.read_only {
                continue;
            }
            let keep = f.required || depth <= 1 || self.next().is_multiple_of(2);
            if !keep {
                continue;
            }
            // Stop at recursion: a field of the message's own type.
            if f.ty.reference() == Some(&m.full) {
                continue;
            }
            out.push((field_name(&f.name, names), self.value(f, names, request, depth, max)));
        }
        Json::Obj(out)
    }

    pub fn value(&mut self, f: &FieldDef, names: Names, request: bool, depth: usize, max: usize) -> Json {
        match &f.ty {
            Ty::Ref(full) => self.ref_value(full, names, request, depth, max),
            Ty::Array(inner) => match inner.as_ref() {
                Ty::Ref(full) => Json::Arr(vec![self.ref_value(full, names, request, depth, max)]),
                other => Json::Arr(vec![self.scalar(&f.name, other, names)]),
            },
            other => self.scalar(&f.name, other, names),
        }
    }

    fn ref_value(&mut self, full: &str, names: Names, request: bool, depth: usize, max: usize) -> Json {
        match self.api.types.get(full) {
            Some(TypeDef::Message(m)) if depth < max => self.object(m, names, request, depth + 1, max),
            Some(TypeDef::Message(_)) => Json::Obj(vec![]),
            _ => self.reference(full, names, depth, max),
        }
    }
}

/// The name a field has on the given side ([`wixgen_ir::sdk_names`], the rule
/// the generator reads SDK names back with).
pub(crate) fn field_name(name: &str, names: Names) -> String {
    match names {
        Names::Sdk => wixgen_ir::sdk_names::sdk_name_of_rest(name).to_owned(),
        Names::Rest => name.to_owned(),
    }
}
