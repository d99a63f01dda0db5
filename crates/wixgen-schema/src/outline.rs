//! The page outline (FORMAT.md section 1), found with pulldown-cmark: headings,
//! paragraphs and fenced code blocks at the top level, never by scanning for `#`.

use crate::curl::parse_curl;
use crate::diag::Diagnostic;
use crate::model::*;
use crate::schema::parse_block;
use crate::source::{Source, lf};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// A top-level block of the page.
enum Block {
    Heading {
        level: HeadingLevel,
        text: String,
        range: Range<usize>,
    },
    Paragraph {
        range: Range<usize>,
    },
    Code {
        info: String,
        content: Range<usize>,
        range: Range<usize>,
    },
    Rule {
        range: Range<usize>,
    },
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut heading: Option<(HeadingLevel, String, Range<usize>)> = None;
    let mut code: Option<(String, Option<Range<usize>>, Range<usize>)> = None;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    match &tag {
                        Tag::Heading { level, .. } => heading = Some((*level, String::new(), range.clone())),
                        Tag::Paragraph => out.push(Block::Paragraph { range: range.clone() }),
                        Tag::CodeBlock(kind) => {
                            let info = match kind {
                                CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                                CodeBlockKind::Indented => String::new(),
                            };
                            code = Some((info, None, range.clone()));
                        }
                        _ => {}
                    }
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    match tag {
                        TagEnd::Heading(_) => {
                            if let Some((level, text, range)) = heading.take() {
                                out.push(Block::Heading {
                                    level,
                                    text: text.trim().to_owned(),
                                    range,
                                });
                            }
                        }
                        TagEnd::CodeBlock => {
                            if let Some((info, content, range)) = code.take() {
                                let content = content.unwrap_or(range.start..range.start);
                                out.push(Block::Code { info, content, range });
                            }
                        }
                        _ => {}
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, _)) = &mut heading {
                    text.push_str(&t);
                }
                if let Some((_, content, _)) = &mut code {
                    *content = Some(match content.take() {
                        Some(c) => c.start.min(range.start)..c.end.max(range.end),
                        None => range.clone(),
                    });
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text, _)) = &mut heading {
                    text.push(' ');
                }
            }
            Event::Rule if depth == 0 => out.push(Block::Rule { range }),
            _ => {}
        }
    }
    out
}

/// Which part of the page the walk is in.
#[derive(PartialEq)]
enum At {
    Top,
    Scopes,
    Intro(usize),
    Section,
    Other,
}

/// Where in a REST/SDK section the walk is.
#[derive(PartialEq)]
enum Sub {
    None,
    Schema,
    Examples,
    Example,
}

pub(crate) fn parse_outline(src: &Source, diags: &mut Vec<Diagnostic>) -> Page {
    let text: &str = &src.text;
    let mut page = Page {
        title: None,
        package: None,
        namespace: None,
        method_link: None,
        permission_scopes: Vec::new(),
        introduction: None,
        rest: None,
        sdk: None,
        types: Vec::new(),
    };
    let mut at = At::Top;
    let mut section: Option<Section> = None;
    let mut sub = Sub::None;
    let mut pending_title: Option<(Spanned<String>, Option<Spanned<String>>)> = None;
    let (mut seen_scopes, mut seen_intro) = (false, false);

    let blocks = blocks(text);
    let finish_intro = |page: &mut Page, start: usize, end: usize| {
        let body = text.get(start..end).unwrap_or("").trim();
        if !body.is_empty() {
            page.introduction = Some(Spanned::new(lf(body), src.span_of(body)));
        }
    };
    for block in &blocks {
        // Close the introduction at the next rule or heading.
        if let At::Intro(start) = at {
            let end = match block {
                Block::Rule { range } | Block::Heading { range, .. } => Some(range.start),
                _ => None,
            };
            if let Some(end) = end {
                finish_intro(&mut page, start, end);
                at = At::Other;
            }
        }
        match block {
            Block::Heading { level, text: h, range } => {
                let raw = &text[range.clone()];
                let value_span = |v: &str| {
                    raw.find(v).map_or(src.span(range.start, raw.trim_end().len()), |i| {
                        src.span(range.start + i, v.len())
                    })
                };
                match level {
                    HeadingLevel::H1 => {
                        let (key, value) = h
                            .split_once(':')
                            .map_or((h.as_str(), ""), |(k, v)| (k.trim(), v.trim()));
                        let spanned = || Spanned::new(value.to_owned(), value_span(value));
                        let slot = match key {
                            "Package" => Some(&mut page.package),
                            "Namespace" => Some(&mut page.namespace),
                            "Method link" => Some(&mut page.method_link),
                            _ => None,
                        };
                        match slot {
                            Some(Some(_)) => diags.push(
                                Diagnostic::warning(
                                    "W060",
                                    value_span(h),
                                    format!("second `# {key}:` heading; ignored"),
                                )
                                .with_help("a page has one of each `#` heading; the first one is kept"),
                            ),
                            Some(slot) => *slot = Some(spanned()),
                            None if page.title.is_none() => page.title = Some(Spanned::new(h.clone(), value_span(h))),
                            None => diags.push(
                                Diagnostic::warning(
                                    "W060",
                                    value_span(h),
                                    format!("second title heading `# {h}`; ignored"),
                                )
                                .with_help("a page has one `# Method` title; the rest of the page was read"),
                            ),
                        }
                    }
                    HeadingLevel::H2 => {
                        close_section(&mut page, &mut section, &mut pending_title, diags);
                        sub = Sub::None;
                        let kind = match h.trim_end_matches(':') {
                            "REST API" => Some(SectionKind::Rest),
                            "JavaScript SDK" => Some(SectionKind::Sdk),
                            _ => None,
                        };
                        at = match (kind, h.as_str()) {
                            (Some(kind), _) => {
                                let existing = match kind {
                                    SectionKind::Rest => page.rest.is_some(),
                                    SectionKind::Sdk => page.sdk.is_some(),
                                };
                                if existing {
                                    diags.push(
                                        Diagnostic::warning(
                                            "W061",
                                            value_span(h),
                                            format!("second `## {h}` section; ignored"),
                                        )
                                        .with_help("a page has one REST and one SDK section"),
                                    );
                                    At::Other
                                } else {
                                    section = Some(Section {
                                        kind,
                                        span: value_span(h),
                                        schema: None,
                                        examples: Vec::new(),
                                    });
                                    At::Section
                                }
                            }
                            (None, "Permission Scopes:" | "Permission Scopes" | "Introduction") => {
                                let intro = h == "Introduction";
                                let seen = if intro { &mut seen_intro } else { &mut seen_scopes };
                                if std::mem::replace(seen, true) {
                                    diags.push(
                                        Diagnostic::warning(
                                            "W061",
                                            value_span(h),
                                            format!("second `## {h}` section; ignored"),
                                        )
                                        .with_help("a page has one such section; the first one is kept"),
                                    );
                                    At::Other
                                } else if intro {
                                    At::Intro(range.end)
                                } else {
                                    At::Scopes
                                }
                            }
                            _ => At::Other,
                        };
                    }
                    HeadingLevel::H3 if at == At::Section => {
                        flush_example(&mut section, &mut pending_title, diags);
                        match (h.as_str(), &sub) {
                            ("Schema", Sub::None) => sub = Sub::Schema,
                            ("Examples", _) => sub = Sub::Examples,
                            (_, Sub::Examples | Sub::Example) => {
                                sub = Sub::Example;
                                pending_title = Some((Spanned::new(h.clone(), value_span(h)), None));
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Block::Paragraph { range } => match at {
                At::Scopes => {
                    for line in text[range.clone()].lines() {
                        let line = line.trim();
                        match line.rsplit_once(": ") {
                            Some((name, id)) if !id.trim().is_empty() => page.permission_scopes.push(PermissionScope {
                                display_name: name.trim().to_owned(),
                                id: id.trim().to_owned(),
                                span: src.span_of(line),
                            }),
                            _ if !line.is_empty() => diags.push(
                                Diagnostic::warning(
                                    "W062",
                                    src.span_of(line),
                                    format!("permission scope line `{line}` is not `Display Name: SCOPE.ID`"),
                                )
                                .with_help("write one `Display Name: SCOPE.ID` per line; the line was skipped"),
                            ),
                            _ => {}
                        }
                    }
                }
                At::Section if sub == Sub::Example => {
                    if let Some((_, desc @ None)) = &mut pending_title {
                        let body = text[range.clone()].trim();
                        *desc = Some(Spanned::new(lf(body), src.span_of(body)));
                    }
                }
                _ => {}
            },
            Block::Code { info, content, range } => {
                let fence_span = src.span(range.start, first_line_len(&text[range.clone()]));
                let closed = fence_closed(&text[range.clone()]);
                if !closed {
                    diags.push(
                        Diagnostic::error(
                            "E003",
                            fence_span,
                            "code fence never closes: everything after it was read as code",
                        )
                        .with_help("add a closing ``` line after the block"),
                    );
                }
                if at != At::Section {
                    continue;
                }
                let content_text = &text[content.clone()];
                match sub {
                    Sub::Schema => {
                        let (content_text, ran_on) = before_page_structure(src, content_text);
                        if let Some(line) = ran_on
                            && closed
                        {
                            diags.push(
                                Diagnostic::error(
                                    "E003",
                                    fence_span,
                                    format!(
                                        "code fence is not closed before line {} (`{}`): the page from there on was read as code",
                                        src.span_of(line).line,
                                        line.trim()
                                    ),
                                )
                                .with_help("add a closing ``` line after the schema block; the block was read up to that line"),
                            );
                        }
                        if let Some(sec) = &mut section {
                            let block_span = src.span(range.start, range.end - range.start);
                            if sec.schema.is_none() {
                                sec.schema = Some(parse_block(src, content_text, block_span, diags));
                            }
                        }
                        sub = Sub::None;
                    }
                    Sub::Example => {
                        if let (Some(sec), Some((title, description))) = (&mut section, pending_title.take()) {
                            let curl = if info.eq_ignore_ascii_case("curl") || sec.kind == SectionKind::Rest {
                                parse_curl(src, content_text)
                            } else {
                                None
                            };
                            sec.examples.push(Example {
                                title,
                                description,
                                language: (!info.is_empty()).then(|| info.clone()),
                                code: Spanned::new(lf(content_text), src.span_of(content_text)),
                                curl,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Block::Rule { .. } => {}
        }
    }
    if let At::Intro(start) = at {
        finish_intro(&mut page, start, text.len());
    }
    close_section(&mut page, &mut section, &mut pending_title, diags);
    page
}

fn flush_example(
    section: &mut Option<Section>,
    pending: &mut Option<(Spanned<String>, Option<Spanned<String>>)>,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some((title, _)) = pending.take()
        && section.is_some()
    {
        diags.push(
            Diagnostic::warning(
                "W063",
                title.span,
                format!("example `{}` has no code block", title.value),
            )
            .with_help("follow each example heading with a fenced code block"),
        );
    }
}

fn close_section(
    page: &mut Page,
    section: &mut Option<Section>,
    pending: &mut Option<(Spanned<String>, Option<Spanned<String>>)>,
    diags: &mut Vec<Diagnostic>,
) {
    flush_example(section, pending, diags);
    if let Some(sec) = section.take() {
        if sec.schema.is_none() {
            diags.push(
                Diagnostic::error("E041", sec.span, "section has no `### Schema` code block")
                    .with_help("put the schema in a fenced block under `### Schema`"),
            );
        }
        match sec.kind {
            SectionKind::Rest => page.rest = Some(sec),
            SectionKind::Sdk => page.sdk = Some(sec),
        }
    }
}

fn first_line_len(s: &str) -> usize {
    s.find('\n').unwrap_or(s.len())
}

/// A schema line never starts a code fence or a `##`-`####` heading: such a
/// line means that the block's closing fence is missing and the page after it
/// was read into the block. Returns the content before that line, and the line.
fn before_page_structure<'c>(src: &Source, content: &'c str) -> (&'c str, Option<&'c str>) {
    let mut at = 0;
    // The lines of `content.split_inclusive('\n')`, cut at the line index's `\n`s.
    let ends = src.newlines_in(content).map(|i| i + 1);
    let ends = ends.chain((!content.ends_with('\n')).then_some(content.len()));
    for end in ends.filter(|&end| end > 0) {
        let line = &content[at..end];
        let t = line.trim_start_matches([' ', '\t']);
        if ["```", "~~~", "## ", "### ", "#### "].iter().any(|m| t.starts_with(m)) {
            return (&content[..at], Some(line.trim_end()));
        }
        at += line.len();
    }
    (content, None)
}

/// True when the fenced block's last line is a closing fence of the opening's kind.
fn fence_closed(block: &str) -> bool {
    let block = block.trim_end();
    let Some(open) = block.lines().next() else { return true };
    let open = open.trim_start();
    let Some(ch) = open.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return true; // indented code block: no fence
    };
    let open_len = open.chars().take_while(|c| *c == ch).count();
    // The last of the lines after the first (`block` has no line ending at its end).
    match memchr::memrchr(b'\n', block.as_bytes()).map(|i| &block[i + 1..]) {
        Some(close) => {
            let close = close.trim();
            close.chars().all(|c| c == ch) && close.chars().count() >= open_len
        }
        None => false,
    }
}
