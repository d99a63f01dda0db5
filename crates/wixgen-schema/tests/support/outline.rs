//! A compact, line-per-node text form of a parsed schema block, so tests can
//! state the exact tree a page must produce.
//!
//! ```text
//! param participantId: ParticipantId required @36
//!   one-of required @37
//!     contactId: string @38 "Contact GUID. ..."
//! ```

use std::fmt::Write;
use wixgen_schema::*;

pub fn block(b: &SchemaBlock) -> String {
    let mut out = String::new();
    if let Some(m) = &b.method_name {
        writeln!(out, "method {} @{}", m.value, m.span.line).unwrap();
    }
    if let Some(u) = &b.url {
        writeln!(out, "url {} @{}", u.value.as_deref().unwrap_or("null"), u.span.line).unwrap();
    }
    if let Some(v) = &b.http_method {
        writeln!(out, "verb {} @{}", v.value, v.span.line).unwrap();
    }
    for n in &b.notes {
        writeln!(out, "note {:?} @{}", n.value, n.span.line).unwrap();
    }
    if let Some(r) = &b.required_parameters {
        writeln!(out, "required-parameters {} @{}", r.value.join(", "), r.span.line).unwrap();
    }
    for p in &b.params {
        write!(out, "param {}: {}", p.name.value, ty(&p.ty.value)).unwrap();
        attrs(&mut out, &p.attrs);
        if let Some(s) = &p.stray {
            write!(out, " stray={:?}", s.value).unwrap();
        }
        writeln!(out, " @{}", p.span.line).unwrap();
        if let Some(e) = &p.enum_values {
            enums(&mut out, e, 1);
        }
        members(&mut out, &p.members, 1);
    }
    if let Some(r) = &b.return_type {
        let t = r.ty.as_ref().map_or("?".to_owned(), |t| ty(&t.value));
        writeln!(
            out,
            "return {}{} @{}",
            t,
            if r.promise { " promise" } else { "" },
            r.span.line
        )
        .unwrap();
        members(&mut out, &r.members, 1);
    }
    for e in &b.errors {
        writeln!(
            out,
            "error {} {} {} {:?} @{}",
            e.http_code.map_or("?".into(), |c| c.to_string()),
            e.status_code.as_deref().unwrap_or("?"),
            e.application_code.as_deref().unwrap_or("?"),
            e.description.as_deref().unwrap_or(""),
            e.span.line
        )
        .unwrap();
    }
    out
}

fn members(out: &mut String, ms: &[Member], depth: usize) {
    for m in ms {
        match m {
            Member::Field(f) => field(out, f, depth),
            Member::OneOf(g) => {
                let pad = "  ".repeat(depth);
                let req = if g.required { " required" } else { "" };
                let imp = if g.implicit { " implicit" } else { "" };
                writeln!(out, "{pad}one-of{req}{imp} @{}", g.span.line).unwrap();
                for f in &g.members {
                    field(out, f, depth + 1);
                }
            }
        }
    }
}

fn field(out: &mut String, f: &Field, depth: usize) {
    let pad = "  ".repeat(depth);
    write!(out, "{pad}{}: {}", f.name.value, ty(&f.ty.value)).unwrap();
    attrs(out, &f.attrs);
    if let Some(at) = f.listed_at {
        write!(out, " listed@{}", at.line).unwrap();
    }
    writeln!(out, " @{}", f.span.line).unwrap();
    if let Some(e) = &f.enum_values {
        enums(out, e, depth + 1);
    }
    members(out, &f.members, depth + 1);
}

fn enums(out: &mut String, e: &EnumValues, depth: usize) {
    let pad = "  ".repeat(depth);
    let form = if e.inline { "inline" } else { "block" };
    writeln!(out, "{pad}enum {form} @{}", e.span.line).unwrap();
    for v in &e.values {
        match &v.description {
            Some(d) => writeln!(out, "{pad}  {} {:?} @{}", v.name, d, v.span.line).unwrap(),
            None => writeln!(out, "{pad}  {} @{}", v.name, v.span.line).unwrap(),
        }
    }
}

fn attrs(out: &mut String, a: &Attributes) {
    if a.required {
        out.push_str(" required");
    }
    if a.read_only {
        out.push_str(" read-only");
    }
    for v in &a.validation {
        write!(out, " [{}]", rule(&v.value)).unwrap();
    }
    if let Some(d) = &a.description {
        write!(out, " {:?}", d.value).unwrap();
    }
}

fn rule(r: &ValidationRule) -> String {
    match r {
        ValidationRule::Format(f) => format!("format {f}"),
        ValidationRule::Bound { keyword, value } => format!("{keyword} {value}"),
        ValidationRule::Json { keyword, json } => format!("{keyword} {json}"),
        ValidationRule::Flag(f) => f.clone(),
    }
}

pub fn ty(t: &TypeExpr) -> String {
    match t {
        TypeExpr::String => "string".into(),
        TypeExpr::Integer => "integer".into(),
        TypeExpr::Number => "number".into(),
        TypeExpr::Boolean => "boolean".into(),
        TypeExpr::Date => "Date".into(),
        TypeExpr::Object => "object".into(),
        TypeExpr::FormattedString(f) => format!("string ({f})"),
        TypeExpr::Array(None) => "array".into(),
        TypeExpr::Array(Some(inner)) => format!("array<{}>", ty(inner)),
        TypeExpr::Named(n) => n.clone(),
    }
}
