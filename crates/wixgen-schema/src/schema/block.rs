//! Reading a `### Schema` fence into a [`SchemaBlock`].

use super::attrs::parse_entry;
use super::line::{LineKind, classify};
use super::tree::{Item, ItemKind, build};
use super::types::parse_return_type;
use crate::diag::Diagnostic;
use crate::model::*;
use crate::source::Source;

const HTTP_VERBS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// Which part of the block the following member lines belong to.
enum Region {
    Header,
    Params,
    Return,
    Errors,
    EventBody,
}

/// A node whose member lines are still being collected.
struct Open {
    indent: usize,
    items: Vec<Item>,
}

struct Builder<'s, 'a> {
    src: &'s Source<'a>,
    block: SchemaBlock,
    region: Region,
    param: Option<(Param, Open)>,
    ret: Option<(ReturnType, Open)>,
    event: Option<(Webhook, Open)>,
    /// The indentation of a line that was skipped: member lines nested deeper
    /// than it belong to it and are skipped with it, rather than being
    /// attached to whatever came before.
    skip_under: Option<usize>,
}

/// Parse the content of a schema fence. `content` is a slice of the page text;
/// `span` covers the whole fence.
pub(crate) fn parse_block(src: &Source, content: &str, span: Span, diags: &mut Vec<Diagnostic>) -> SchemaBlock {
    let mut b = Builder {
        src,
        block: SchemaBlock {
            span,
            method_name: None,
            description: None,
            url: None,
            http_method: None,
            notes: Vec::new(),
            required_parameters: None,
            params: Vec::new(),
            return_type: None,
            errors: Vec::new(),
            filter_capabilities: Vec::new(),
            webhook: None,
        },
        region: Region::Header,
        param: None,
        ret: None,
        event: None,
        skip_under: None,
    };
    let mut in_enum_block = false;
    let mut warned_tab = false;
    let mut from = 0;
    let ends = src.newlines_in(content).chain([content.len()]);
    for raw in ends.map(|end| {
        let raw = &content[from..end];
        from = end + 1;
        raw
    }) {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let body = line.trim_start_matches([' ', '\t']);
        let lead = &line[..line.len() - body.len()];
        if lead.contains('\t') && !warned_tab {
            warned_tab = true;
            diags.push(
                Diagnostic::warning(
                    "W020",
                    src.span_of(lead),
                    "tab in the indentation of a schema line; a tab counts as one space",
                )
                .with_help("nesting is read from indentation: indent with spaces as the docs do"),
            );
        }
        let indent = lead.len();
        let kind = classify(body, in_enum_block);
        in_enum_block = match kind {
            // Block values after an inline list are read too (and warned about).
            LineKind::Enum(_) | LineKind::EnumValue(_) => true,
            _ => false,
        };
        b.line(kind, body.trim_end(), indent, diags);
    }
    b.close_all(diags);
    b.block
}

impl Builder<'_, '_> {
    fn line(&mut self, kind: LineKind<'_>, text: &str, indent: usize, diags: &mut Vec<Diagnostic>) {
        let src = self.src;
        let span = src.span_of(text);
        let member = matches!(
            kind,
            LineKind::Field(_) | LineKind::OneOf(_) | LineKind::Enum(_) | LineKind::EnumValue(_)
        );
        if let Some(depth) = self.skip_under {
            if member && indent > depth {
                return;
            }
            if !matches!(kind, LineKind::Blank | LineKind::Unknown) {
                self.skip_under = None;
            }
        }
        match kind {
            LineKind::Blank => {}
            LineKind::Method(value) => {
                self.close_all(diags);
                let v = Spanned::new(value.to_owned(), src.span_of(value));
                if HTTP_VERBS.contains(&value) {
                    set_once(&mut self.block.http_method, v, "HTTP method (`Method: <VERB>`)", diags);
                } else {
                    set_once(&mut self.block.method_name, v, "`Method:` name", diags);
                }
            }
            LineKind::Description(value) => {
                self.close_all(diags);
                set_once(
                    &mut self.block.description,
                    Spanned::new(value.to_owned(), src.span_of(value)),
                    "`Description:`",
                    diags,
                );
            }
            LineKind::Url(value) => {
                self.close_all(diags);
                // `URL: null` marks a service-plugin page, a page kind of its
                // own: lowering reports what is generated for it.
                let url = (value != "null").then(|| value.to_owned());
                if url.is_some() && !value.starts_with("https://") && !value.starts_with("http://") {
                    diags.push(
                        Diagnostic::warning(
                            "W022",
                            src.span_of(value),
                            format!("`URL:` value `{value}` is not an http(s) URL"),
                        )
                        .with_help("write the full endpoint, e.g. `URL: https://www.wixapis.com/...`"),
                    );
                }
                set_once(
                    &mut self.block.url,
                    Spanned::new(url, src.span_of(value)),
                    "`URL:`",
                    diags,
                );
            }
            LineKind::Note(value) => {
                self.close_all(diags);
                self.block
                    .notes
                    .push(Spanned::new(value.to_owned(), src.span_of(value)));
            }
            LineKind::RequiredParams(value) => {
                self.close_all(diags);
                let paths = value
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect();
                set_once(
                    &mut self.block.required_parameters,
                    Spanned::new(paths, src.span_of(value)),
                    "`Required parameters:`",
                    diags,
                );
            }
            LineKind::MethodParams => {
                self.close_all(diags);
                self.region = Region::Params;
            }
            LineKind::Param(rest) => {
                self.close_param(diags);
                if !matches!(self.region, Region::Params) {
                    diags.push(
                        Diagnostic::warning(
                            "W023",
                            span,
                            "`param name:` line outside `Method parameters:`; read as a parameter",
                        )
                        .with_help("put `Method parameters:` before the parameters"),
                    );
                    self.close_all(diags);
                    self.region = Region::Params;
                }
                if let Some(e) = parse_entry(src, rest, "param name", diags) {
                    if let Some(stray) = &e.stray {
                        diags.push(stray_warning(stray, &e.name.value));
                    }
                    let param = Param {
                        name: e.name,
                        ty: e.ty,
                        attrs: e.attrs,
                        stray: e.stray,
                        members: Members::default(),
                        enum_values: None,
                        span,
                    };
                    self.param = Some((
                        param,
                        Open {
                            indent,
                            items: Vec::new(),
                        },
                    ));
                } else {
                    self.skip_under = Some(indent);
                }
            }
            LineKind::ReturnType(value) => {
                self.close_all(diags);
                self.region = Region::Return;
                let ty = match parse_return_type(value) {
                    Ok((ty, promise)) => {
                        if promise && ty.is_none() {
                            diags.push(
                                Diagnostic::warning("W025", src.span_of(value), "`Return type: PROMISE` has lost its type argument")
                                    .with_help("the page was probably HTML-stripped; fetch it again with `curl -sSL '<method link>'`"),
                            );
                        }
                        Some((ty.map(|t| Spanned::new(t, src.span_of(value))), promise))
                    }
                    Err(_) => {
                        diags.push(
                            Diagnostic::error("E021", src.span_of(value), format!("`{value}` is not a return type"))
                                .with_help(
                                    "write `Return type: TypeName` (REST) or `Return type: PROMISE<TypeName>` (SDK); the fields under it were skipped",
                                ),
                        );
                        self.skip_under = Some(indent);
                        None
                    }
                };
                if let Some((ty, promise)) = ty {
                    if self.block.return_type.is_some() {
                        diags.push(
                            Diagnostic::warning("W026", span, "second `Return type:` line; the first one is kept")
                                .with_help("remove the duplicate; the fields under it were skipped"),
                        );
                        self.skip_under = Some(indent);
                    } else {
                        let rt = ReturnType {
                            ty,
                            promise,
                            members: Members::default(),
                            span,
                        };
                        self.ret = Some((
                            rt,
                            Open {
                                indent,
                                items: Vec::new(),
                            },
                        ));
                    }
                }
            }
            LineKind::PossibleErrors => {
                self.close_all(diags);
                self.region = Region::Errors;
            }
            LineKind::ErrorEntry(text) => {
                if !matches!(self.region, Region::Errors) {
                    diags.push(
                        Diagnostic::warning(
                            "W027",
                            span,
                            "`HTTP Code:` line outside `Possible Errors:`; read as an error entry",
                        )
                        .with_help("put `Possible Errors:` before the error entries"),
                    );
                }
                self.block.errors.push(parse_error_entry(src, text, span, diags));
            }
            LineKind::FilterCapability(rest) => {
                let (field, ops) = rest.split_once('|').unwrap_or((rest, ""));
                let ops = ops.trim().strip_prefix("operators:").unwrap_or(ops);
                self.block.filter_capabilities.push(FilterCapability {
                    field: field.trim().to_owned(),
                    operators: ops
                        .split(',')
                        .map(str::trim)
                        .filter(|o| !o.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    span,
                });
            }
            LineKind::Webhook(value) => {
                self.close_all(diags);
                let name = (!value.is_empty()).then(|| Spanned::new(value.to_owned(), src.span_of(value)));
                self.block
                    .webhook
                    .get_or_insert_with(|| Webhook {
                        name: None,
                        event_body: Vec::new(),
                        span,
                    })
                    .name = name;
            }
            LineKind::EventBody => {
                self.close_all(diags);
                self.region = Region::EventBody;
                let hook = self.block.webhook.take().unwrap_or(Webhook {
                    name: None,
                    event_body: Vec::new(),
                    span,
                });
                self.event = Some((
                    hook,
                    Open {
                        indent,
                        items: Vec::new(),
                    },
                ));
            }
            LineKind::OneOf(rest) => {
                let required = match rest.trim() {
                    "" => false,
                    "- required: true" => true,
                    "- required: false" => false,
                    other => {
                        diags.push(
                            Diagnostic::warning(
                                "W028",
                                src.span_of(rest),
                                format!("unexpected `{other}` after `- ONE-OF:`; ignored"),
                            )
                            .with_help("the header is `- ONE-OF:` or `- ONE-OF: - required: true`"),
                        );
                        false
                    }
                };
                self.push_item(
                    Item {
                        indent,
                        kind: ItemKind::OneOf { required, span },
                    },
                    span,
                    diags,
                );
            }
            LineKind::Field(rest) => {
                if let Some(e) = parse_entry(src, rest, "- name", diags) {
                    if let Some(stray) = &e.stray {
                        diags.push(stray_warning(stray, &e.name.value));
                    }
                    let field = Field {
                        name: e.name,
                        ty: e.ty,
                        attrs: e.attrs,
                        enum_values: None,
                        members: Members::default(),
                        listed_at: None,
                        span,
                    };
                    self.push_item(
                        Item {
                            indent,
                            kind: ItemKind::Field(Box::new(field)),
                        },
                        span,
                        diags,
                    );
                } else {
                    self.skip_under = Some(indent);
                }
            }
            LineKind::Enum(rest) => {
                let values = rest
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(|v| EnumValue {
                        name: v.to_owned(),
                        description: None,
                        span: src.span_of(v),
                    })
                    .collect();
                let ev = EnumValues {
                    inline: !rest.is_empty(),
                    values,
                    span,
                };
                self.push_item(
                    Item {
                        indent,
                        kind: ItemKind::Enum(ev),
                    },
                    span,
                    diags,
                );
            }
            LineKind::EnumValue(rest) => {
                let (name, desc) = match rest.split_once(':') {
                    Some((n, d)) => (n.trim_end(), Some(d.trim().to_owned())),
                    None => (rest, None),
                };
                let v = EnumValue {
                    name: name.to_owned(),
                    description: desc,
                    span: src.span_of(name),
                };
                self.push_item(
                    Item {
                        indent,
                        kind: ItemKind::EnumValue(v),
                    },
                    span,
                    diags,
                );
            }
            LineKind::Unknown if text.starts_with("-  ") && matches!(classify(text, true), LineKind::EnumValue(_)) => {
                diags.push(
                    Diagnostic::error("E032", span, "enum value line does not follow `- enum:`")
                        .with_help("put `-     VALUE: text` lines right after `- enum:`; the line was skipped"),
                );
            }
            LineKind::Unknown => {
                diags.push(
                    Diagnostic::error("E020", span, format!("unknown line in schema block: `{}`", truncate(text, 60)))
                        .with_help("expected `Method:`, `URL:`, `param name:`, `- name:`, `- ONE-OF:`, `- enum:`, `Return type:`, ...; the line was skipped"),
                );
            }
        }
    }

    fn push_item(&mut self, item: Item, span: Span, diags: &mut Vec<Diagnostic>) {
        let open = match self.region {
            Region::Params => self.param.as_mut().map(|(_, o)| o),
            Region::Return => self.ret.as_mut().map(|(_, o)| o),
            Region::EventBody => self.event.as_mut().map(|(_, o)| o),
            Region::Header | Region::Errors => None,
        };
        match open {
            Some(open) => open.items.push(item),
            None => {
                self.skip_under = Some(item.indent);
                diags.push(
                    Diagnostic::error("E022", span, "member line outside a parameter, return type or event body")
                        .with_help("member lines (`- name:`, `- ONE-OF:`, `- enum:`) belong under `param name:`, `Return type:` or `Event body:`; the line and the lines under it were skipped"),
                );
            }
        }
    }

    fn close_param(&mut self, diags: &mut Vec<Diagnostic>) {
        if let Some((mut param, open)) = self.param.take() {
            let (members, own_enum) = build(open.items, open.indent, diags);
            param.members = mark_implicit_one_ofs(members, open.indent).into();
            param.enum_values = own_enum;
            self.block.params.push(param);
        }
    }

    fn close_all(&mut self, diags: &mut Vec<Diagnostic>) {
        self.close_param(diags);
        if let Some((mut rt, open)) = self.ret.take() {
            let (members, own_enum) = build(open.items, open.indent, diags);
            rt.members = members.into();
            if let Some(e) = own_enum {
                diags.push(
                    Diagnostic::warning("W029", e.span, "enum values directly under `Return type:`; ignored")
                        .with_help("list enum values under a field"),
                );
            }
            self.block.return_type = Some(rt);
        }
        if let Some((mut hook, open)) = self.event.take() {
            let (members, _) = build(open.items, open.indent, diags);
            hook.event_body = members;
            self.block.webhook = Some(hook);
        }
    }
}

/// Directly under `param name:` (indent p), ONE-OF members sit at p + 2; a
/// one-member group may have no header. Wrap such header-less members in an
/// implicit group (FORMAT.md, "Nesting" 1).
fn mark_implicit_one_ofs(members: Vec<Member>, param_indent: usize) -> Vec<Member> {
    members
        .into_iter()
        .map(|m| match m {
            Member::Field(f) if column_of(&f) == param_indent + 3 => {
                let span = f.span;
                Member::OneOf(OneOf {
                    required: false,
                    implicit: true,
                    members: vec![f],
                    span,
                })
            }
            other => other,
        })
        .collect()
}

/// The field's indentation: its `- name:` starts at column indent + 1.
fn column_of(f: &Field) -> usize {
    f.span.column as usize
}

/// W024: a token after the type. SDK `options` params end with a stray `none`
/// (FORMAT.md, section 5): nothing to do about that one.
fn stray_warning(stray: &Spanned<String>, name: &str) -> Diagnostic {
    let help = if stray.value == "none" {
        "SDK pages end `options` params with a stray `none`; nothing to do"
    } else {
        "remove the extra token; the type was read without it"
    };
    Diagnostic::warning(
        "W024",
        stray.span,
        format!("stray `{}` after the type of `{name}`; ignored", stray.value),
    )
    .with_help(help)
}

fn set_once<T>(slot: &mut Option<T>, value: T, what: &str, diags: &mut Vec<Diagnostic>)
where
    T: HasSpan,
{
    if slot.is_some() {
        diags.push(
            Diagnostic::warning(
                "W010",
                value.span(),
                format!("{what} given twice; the first one is kept"),
            )
            .with_help("remove the duplicate line"),
        );
    } else {
        *slot = Some(value);
    }
}

trait HasSpan {
    fn span(&self) -> Span;
}

impl<T> HasSpan for Spanned<T> {
    fn span(&self) -> Span {
        self.span
    }
}

fn parse_error_entry(src: &Source, text: &str, span: Span, diags: &mut Vec<Diagnostic>) -> PossibleError {
    const KEYS: [&str; 4] = ["HTTP Code:", "Status Code:", "Application Code:", "Description:"];
    let mut e = PossibleError {
        http_code: None,
        status_code: None,
        application_code: None,
        description: None,
        span,
    };
    // Cut before ` | <Key>:` for the known keys only; descriptions may contain `|`.
    let mut cuts = vec![0];
    for (i, _) in text.match_indices(" | ") {
        if KEYS.iter().any(|k| text[i + 3..].starts_with(k)) {
            cuts.push(i);
        }
    }
    cuts.push(text.len());
    for w in cuts.windows(2) {
        let seg = text[w[0]..w[1]].trim_start_matches(" | ").trim();
        let Some(key) = KEYS.iter().find(|k| seg.starts_with(**k)) else {
            continue;
        };
        let value = seg[key.len()..].trim();
        match *key {
            "HTTP Code:" => match value.parse() {
                Ok(code) => e.http_code = Some(code),
                Err(_) => diags.push(
                    Diagnostic::warning(
                        "W040",
                        src.span_of(value),
                        format!("`HTTP Code: {value}` is not a number"),
                    )
                    .with_help("write the HTTP status as digits, e.g. `HTTP Code: 404`"),
                ),
            },
            "Status Code:" => e.status_code = Some(value.to_owned()),
            "Application Code:" => e.application_code = Some(value.to_owned()),
            _ => e.description = Some(value.to_owned()),
        }
    }
    e
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text.to_owned(),
    }
}
