//! One `### Schema` block, written the way the Wix docs generator writes it:
//! short names only; a message's fields (and an enum's values) listed at its
//! first occurrence in the block only; ONE-OFs before regular fields; the
//! irregular indentation under `param name:`; REST params of scalars, enums,
//! arrays and maps typed with their own name; SDK renames, `Date`, `options`.

use crate::build::sdk::{SdkSignature, signature};
use crate::model::*;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Rest,
    Sdk,
}

/// Which view of a type a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    /// Request params: read-only fields left out (unless the page style shows them).
    Request,
    Response,
}

/// A line of the block that names a message or enum type.
#[derive(Debug, Clone)]
pub(crate) struct Listing {
    /// 0-based index into the block's lines.
    pub line: usize,
    /// The param or field name as shown (`Return type:` for the return line).
    pub name: String,
    /// The type token as written (`Booking`, `array<Node>`, `visibility`).
    pub written: String,
    pub full: String,
    /// Whether the fields or values were listed under this line.
    pub expanded: bool,
    pub view: View,
}

pub(crate) struct Block<'a> {
    api: &'a Api,
    side: Side,
    style: &'a PageStyle,
    pub lines: Vec<String>,
    pub listings: Vec<Listing>,
    listed: HashSet<String>,
}

fn pad(n: usize) -> String {
    " ".repeat(n)
}

/// Enum lines under a field at `ind`: at 4d+5 for depth d = (ind-2)/3; under a param (3) at 5.
fn enum_indent(ind: usize) -> usize {
    if ind == 3 {
        5
    } else {
        4 * (ind.saturating_sub(2) / 3) + 5
    }
}

impl<'a> Block<'a> {
    pub fn new(api: &'a Api, side: Side, style: &'a PageStyle) -> Self {
        Block {
            api,
            side,
            style,
            lines: Vec::new(),
            listings: Vec::new(),
            listed: HashSet::new(),
        }
    }

    fn name(&self, name: &str) -> String {
        match self.side {
            Side::Rest => name.to_owned(),
            Side::Sdk => super::values::field_name(name, super::values::Names::Sdk),
        }
    }

    fn short(&self, full: &str) -> String {
        self.api
            .types
            .get(full)
            .map_or_else(|| full.to_owned(), |t| t.short().to_owned())
    }

    /// The type as a field line writes it.
    fn written(&self, ty: &Ty) -> String {
        match ty {
            Ty::String | Ty::Int64 => "string".into(),
            Ty::Int32 => "integer".into(),
            Ty::Number => "number".into(),
            Ty::Bool => "boolean".into(),
            Ty::Timestamp => match self.side {
                Side::Rest => "string".into(),
                Side::Sdk => "Date".into(),
            },
            Ty::Map => "object".into(),
            Ty::Ref(full) => self.short(full),
            Ty::Array(inner) => match inner.as_ref() {
                Ty::Ref(full) => format!("array<{}>", self.short(full)),
                _ => "array".into(),
            },
        }
    }

    fn validation(&self, f: &FieldDef) -> Vec<String> {
        let mut rules = Vec::new();
        match (&f.ty, self.side) {
            (Ty::Timestamp, Side::Rest) if self.style.date_time_format => rules.push("format date-time".to_owned()),
            _ => {}
        }
        rules.extend(f.validation.iter().cloned());
        if f.ty == Ty::Int64 {
            rules.push("format int64".to_owned());
        }
        rules
    }

    /// ` | description: d ` followed by `| required: true | read-only: true | validation: ...`.
    fn attrs(&self, f: &FieldDef, show_required: bool) -> String {
        let mut extra = Vec::new();
        if f.required && show_required {
            extra.push("required: true".to_owned());
        }
        if f.read_only {
            extra.push("read-only: true".to_owned());
        }
        let rules = self.validation(f);
        if !rules.is_empty() {
            extra.push(format!("validation: {}", rules.join(", ")));
        }
        let tail: Vec<String> = extra.iter().map(|a| format!("| {a}")).collect();
        format!(" | description: {} {}", f.description, tail.join(" "))
    }

    fn visible(&self, f: &FieldDef, view: View) -> bool {
        !(view == View::Request && f.read_only && !self.style.request_shows_read_only)
    }

    fn record(&mut self, name: &str, written: &str, full: &str, expanded: bool, view: View, line: usize) {
        self.listings.push(Listing {
            line,
            name: name.to_owned(),
            written: written.to_owned(),
            full: full.to_owned(),
            expanded,
            view,
        });
    }

    /// Enum values at `ind`, when the enum was not listed yet in this block.
    fn enum_lines(&mut self, e: &EnumDef, ind: usize) -> bool {
        if !self.listed.insert(e.full.clone()) {
            return false;
        }
        if e.block {
            self.lines.push(format!("{}- enum:", pad(ind)));
            for v in &e.values {
                self.lines
                    .push(format!("{}-     {}: {}", pad(ind), v.name, v.description));
            }
        } else {
            let names: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
            self.lines.push(format!("{}- enum: {}", pad(ind), names.join(", ")));
        }
        true
    }

    /// A `- name:` line at `ind` and whatever its type lists under it.
    fn field(&mut self, ind: usize, f: &FieldDef, view: View) {
        let name = self.name(&f.name);
        let written = self.written(&f.ty);
        let line = self.lines.len();
        self.lines.push(format!(
            "{}- name: {name} | type: {written}{}",
            pad(ind),
            self.attrs(f, true)
        ));
        if let Some(full) = f.ty.reference() {
            let expanded = self.expand(full, ind, ind + 3, view);
            self.record(&name, &written, full, expanded, view, line);
        }
    }

    /// List the fields (at `child`) or values (under `ind`) of `full` unless
    /// listed before in this block.
    fn expand(&mut self, full: &str, ind: usize, child: usize, view: View) -> bool {
        let api = self.api;
        match api.types.get(full) {
            Some(TypeDef::Enum(e)) => self.enum_lines(e, enum_indent(ind)),
            Some(TypeDef::Message(m)) => {
                if !self.listed.insert(full.to_owned()) {
                    return false;
                }
                self.members(m, child, view);
                true
            }
            None => false,
        }
    }

    /// Members of `m` with fields at `child`: ONE-OF headers at `child`,
    /// their members one level deeper, then the regular fields.
    fn members(&mut self, m: &MessageDef, child: usize, view: View) {
        for g in &m.one_ofs {
            let visible: Vec<&FieldDef> = g.members.iter().filter(|f| self.visible(f, view)).collect();
            if visible.is_empty() {
                continue;
            }
            self.lines.push(self.one_of_header(child, g));
            for f in visible {
                self.field(child + 3, f, view);
            }
        }
        for f in &m.fields {
            if self.visible(f, view) {
                self.field(child, f, view);
            }
        }
    }

    fn one_of_header(&self, ind: usize, g: &OneOfDef) -> String {
        let required = g.required && (self.side == Side::Sdk || self.style.rest_required_attr);
        if required {
            format!("{}- ONE-OF: - required: true", pad(ind))
        } else {
            format!("{}- ONE-OF: ", pad(ind))
        }
    }

    /// Members of a param's message type in the layout seen under `param
    /// name:`: ONE-OF header at 4 (none for a one-member group), members at
    /// 5 with their own fields at 8, the type's regular fields at 8.
    fn param_members(&mut self, m: &MessageDef, view: View) {
        for g in &m.one_ofs {
            let visible: Vec<&FieldDef> = g.members.iter().filter(|f| self.visible(f, view)).collect();
            if visible.is_empty() {
                continue;
            }
            if visible.len() > 1 {
                self.lines.push(self.one_of_header(4, g));
            }
            for f in visible {
                self.field(5, f, view);
            }
        }
        for f in &m.fields {
            if self.visible(f, view) {
                self.field(8, f, view);
            }
        }
    }

    /// One `param name:` line and its tree.
    fn param(&mut self, f: &FieldDef, shown_name: &str, show_required: bool) {
        let api = self.api;
        let rest = self.side == Side::Rest;
        let line = self.lines.len();
        match &f.ty {
            Ty::Ref(full) if !api.is_enum(full) => {
                let short = self.short(full);
                let req = if f.required && show_required {
                    "| required: true"
                } else {
                    ""
                };
                self.lines
                    .push(format!("   param name: {shown_name} | type: {short}   {req}"));
                let expanded = if self.listed.insert(full.clone()) {
                    self.param_members(api.message(full), View::Request);
                    true
                } else {
                    false
                };
                self.record(shown_name, &short, full, expanded, View::Request, line);
            }
            Ty::Array(inner) if matches!(inner.as_ref(), Ty::Ref(full) if !api.is_enum(full)) => {
                let full = inner.reference().unwrap_or_default().to_owned();
                let written = if rest {
                    format!("array<{shown_name}>")
                } else {
                    format!("array<{}>", self.short(&full))
                };
                self.lines.push(format!(
                    "   param name: {shown_name} | type: {written}{}",
                    self.attrs(f, show_required)
                ));
                let expanded = if self.listed.insert(full.clone()) {
                    // Children of a REST array param sit at 14 (get-availability-time-slot.md).
                    let child = if rest { 14 } else { 8 };
                    self.members(api.message(&full), child, View::Request);
                    true
                } else {
                    false
                };
                self.record(shown_name, &written, &full, expanded, View::Request, line);
            }
            _ => {
                // Scalars, maps, enums and arrays of them: REST writes the param's own name.
                let written = if rest {
                    match &f.ty {
                        Ty::Array(_) => format!("array<{shown_name}>"),
                        _ => shown_name.to_owned(),
                    }
                } else {
                    self.written(&f.ty)
                };
                self.lines.push(format!(
                    "   param name: {shown_name} | type: {written}{}",
                    self.attrs(f, show_required)
                ));
                if let Some(full) = f.ty.reference() {
                    let expanded = match api.enumeration(full) {
                        Some(e) => self.enum_lines(e, 5),
                        None => false,
                    };
                    self.record(shown_name, &written, full, expanded, View::Request, line);
                }
            }
        }
    }

    fn params_header(&mut self, any: bool) {
        if !any && self.style.no_params == NoParams::Missing {
            return;
        }
        let trailing = if self.style.params_trailing_space { " " } else { "" };
        self.lines.push(format!(" Method parameters:{trailing}"));
    }

    fn required_line(&mut self, paths: &[String]) {
        if paths.is_empty() {
            return;
        }
        let sep = if self.style.required_two_spaces { "  " } else { " " };
        self.lines
            .push(format!(" Required parameters:{sep}{}", paths.join(", ")));
    }

    fn return_type(&mut self, m: &Method) {
        let api = self.api;
        let resp = api.message(&m.response);
        let line = self.lines.len();
        let written = match self.side {
            Side::Rest => resp.short.clone(),
            Side::Sdk if resp.is_empty() => "void".to_owned(),
            Side::Sdk => resp.short.clone(),
        };
        match self.side {
            Side::Rest => self.lines.push(format!(" Return type: {written}")),
            Side::Sdk => self.lines.push(format!(" Return type: PROMISE<{written}>")),
        }
        let expanded = !resp.is_empty() && self.listed.insert(resp.full.clone());
        if expanded {
            self.members(resp, 2, View::Response);
        }
        self.record("Return type:", &written, &m.response, expanded, View::Response, line);
    }

    fn errors(&mut self, m: &Method) {
        if m.errors.is_empty() {
            return;
        }
        self.lines.push(String::new());
        self.lines.push(" Possible Errors:".to_owned());
        for e in &m.errors {
            self.lines.push(format!(
                "   HTTP Code: {} | Status Code: {} | Application Code: {} | Description: {}",
                e.http, e.status, e.app_code, e.description
            ));
        }
    }

    /// The REST block.
    pub fn rest(mut self, m: &Method) -> Self {
        let api = self.api;
        self.lines.push(format!(" Method: {}", m.camel()));
        self.lines.push(format!(" Description: {}", m.description));
        self.lines.push(format!(" URL: {}", m.url.as_deref().unwrap_or("null")));
        self.lines.push(format!(" Method: {}", m.verb.as_str()));
        if self.style.rest_required_line && !m.required_paths.is_empty() {
            if self.style.note {
                self.lines.push(" # Note: If the parameter `a.b` is listed under required parameters, `b` is only required if `a` is also present.".to_owned());
            }
            self.required_line(&m.required_paths);
        }
        let req = api.message(&m.request);
        let mut params: Vec<&FieldDef> = req.all_fields().collect();
        params.sort_by(|a, b| a.name.cmp(&b.name));
        self.params_header(!params.is_empty());
        let show = self.style.rest_required_attr;
        for p in params {
            self.param(p, &p.name, show);
        }
        self.return_type(m);
        self.errors(m);
        self.lines.push(String::new());
        self.lines.push(String::new());
        self
    }

    /// The SDK block.
    pub fn sdk(mut self, pkg: &Package, m: &Method) -> Self {
        let api = self.api;
        let SdkSignature { positional, options } = signature(api, m);
        let mut args: Vec<String> = positional.iter().map(|p| self.name(&p.field.name)).collect();
        if options.is_some() {
            args.push("options".to_owned());
        }
        self.lines.push(format!(
            " Method: wixClientAdmin.{}.{}.{}({})",
            pkg.name,
            m.namespace,
            m.camel(),
            args.join(", ")
        ));
        self.lines.push(format!(" Description: {}", m.description));
        let mut required: Vec<String> = positional.iter().map(|p| self.name(&p.field.name)).collect();
        for path in &m.required_paths {
            if let Some((head, rest)) = path.split_once('.')
                && required.iter().any(|r| r == head)
            {
                let renamed: Vec<String> = rest.split('.').map(|s| self.name(s)).collect();
                required.push(format!("{head}.{}", renamed.join(".")));
            } else if !path.contains('.')
                && !required.contains(path)
                && api.message(&m.request).one_ofs.iter().any(|g| &g.name == path)
            {
                required.push(path.clone());
            }
        }
        self.required_line(&required);
        self.params_header(!args.is_empty());
        let mut entries: Vec<(String, Option<&FieldDef>)> = positional
            .iter()
            .map(|p| (self.name(&p.field.name), Some(&p.field)))
            .collect();
        if options.is_some() {
            entries.push(("options".to_owned(), None));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, field) in entries {
            match field {
                Some(f) => self.param(f, &name, true),
                None => {
                    let full = options.clone().unwrap_or_default();
                    let opts = api.message(&full);
                    let line = self.lines.len();
                    self.lines
                        .push(format!("   param name: options | type: {}  none ", opts.short));
                    self.listed.insert(full.clone());
                    self.param_members(opts, View::Request);
                    let written = opts.short.clone();
                    self.record("options", &written, &full, true, View::Request, line);
                }
            }
        }
        self.return_type(m);
        self.errors(m);
        self.lines.push(String::new());
        self.lines.push(String::new());
        self
    }
}
