//! Building the member tree of a region (a param, the return type, an event
//! body) from its lines, by indentation.

use crate::diag::Diagnostic;
use crate::model::{EnumValue, EnumValues, Field, Member, OneOf, Span};

/// One line of a region, already read.
pub(crate) struct Item {
    pub indent: usize,
    pub kind: ItemKind,
}

pub(crate) enum ItemKind {
    Field(Box<Field>),
    OneOf {
        required: bool,
        span: Span,
    },
    /// `- enum:` line; `values` is filled for the inline form.
    Enum(EnumValues),
    EnumValue(EnumValue),
}

/// Build the members under a node at `parent_indent` from `items`.
pub(crate) fn build(
    items: Vec<Item>,
    parent_indent: usize,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Member>, Option<EnumValues>) {
    let mut it = items.into_iter().peekable();
    // Enum lines directly under the region's own node (an enum-typed param).
    let own_enum = take_enum(&mut it, parent_indent, diags);
    let mut members = Vec::new();
    loop {
        members.extend(build_level(&mut it, parent_indent, diags));
        // A line shallower than the region allows: report it, skip it, go on.
        match it.next() {
            Some(item) => diags.push(stray(&item)),
            None => break,
        }
    }
    (members, own_enum)
}

type Items = std::iter::Peekable<std::vec::IntoIter<Item>>;

fn build_level(it: &mut Items, parent_indent: usize, diags: &mut Vec<Diagnostic>) -> Vec<Member> {
    let mut out = Vec::new();
    while let Some(next) = it.peek() {
        if next.indent <= parent_indent {
            break;
        }
        let Some(item) = it.next() else { break };
        let indent = item.indent;
        match item.kind {
            ItemKind::Field(mut field) => {
                field.enum_values = take_enum(it, indent, diags);
                field.members = build_level(it, indent, diags).into();
                out.push(Member::Field(*field));
            }
            ItemKind::OneOf { required, span } => {
                let members = build_level(it, indent, diags);
                let mut fields = Vec::with_capacity(members.len());
                for m in members {
                    match m {
                        Member::Field(f) => fields.push(f),
                        Member::OneOf(inner) => diags.push(
                            Diagnostic::error(
                                "E030",
                                inner.span,
                                "a ONE-OF group directly inside another ONE-OF group",
                            )
                            .with_help("indent the inner group under one of the members; the inner group was skipped"),
                        ),
                    }
                }
                if fields.is_empty() {
                    diags.push(
                        Diagnostic::warning("W030", span, "ONE-OF group has no members")
                            .with_help("list its members one level deeper, as `- name: <name> | type: <type>`"),
                    );
                }
                out.push(Member::OneOf(OneOf {
                    required,
                    implicit: false,
                    members: fields,
                    span,
                }));
            }
            kind @ (ItemKind::Enum(_) | ItemKind::EnumValue(_)) => {
                diags.push(stray(&Item { indent, kind }));
            }
        }
    }
    out
}

/// Enum lines that follow a field line (deeper than it): inline or block form.
fn take_enum(it: &mut Items, field_indent: usize, diags: &mut Vec<Diagnostic>) -> Option<EnumValues> {
    let next = it.peek()?;
    if next.indent <= field_indent || !matches!(next.kind, ItemKind::Enum(_)) {
        return None;
    }
    let Some(Item {
        kind: ItemKind::Enum(mut values),
        ..
    }) = it.next()
    else {
        return None;
    };
    while let Some(Item {
        kind: ItemKind::EnumValue(_),
        ..
    }) = it.peek()
    {
        if let Some(Item {
            kind: ItemKind::EnumValue(v),
            ..
        }) = it.next()
        {
            if values.inline {
                diags.push(
                    Diagnostic::warning(
                        "W031",
                        v.span,
                        "block enum value after an inline `- enum:` list; added to it",
                    )
                    .with_help("use one form: `- enum: A, B`, or `- enum:` followed by `-     A: text` lines"),
                );
            }
            values.values.push(v);
        }
    }
    if values.values.is_empty() {
        diags.push(
            Diagnostic::warning("W032", values.span, "`- enum:` lists no values")
                .with_help("list values inline (`- enum: A, B`) or one per line (`-     A: text`)"),
        );
    }
    Some(values)
}

fn stray(item: &Item) -> Diagnostic {
    match &item.kind {
        ItemKind::Enum(e) => Diagnostic::error("E031", e.span, "`- enum:` line does not follow a field")
            .with_help("put enum lines right under the field whose type they list; the line was skipped"),
        ItemKind::EnumValue(v) => Diagnostic::error("E032", v.span, "enum value line does not follow `- enum:`")
            .with_help("put `-     VALUE: text` lines right after `- enum:`; the line was skipped"),
        ItemKind::Field(f) => Diagnostic::error(
            "E033",
            f.span,
            format!("field `{}` is indented less than the block it belongs to", f.name.value),
        )
        .with_help("indent fields deeper than their `param name:` or `Return type:` line; the line was skipped"),
        ItemKind::OneOf { span, .. } => Diagnostic::error(
            "E033",
            *span,
            "ONE-OF header is indented less than the block it belongs to",
        )
        .with_help("indent it deeper than its `param name:` or `Return type:` line; the group was skipped"),
    }
}
