//! Article pages as the documentation of their package's module.
//!
//! `wixgen fetch` saves an article (a docs page that is not a method page)
//! byte for byte as `<schemas>/<package>/<last URL segment>.md`, beside the
//! method pages of its package. The load stage places it with the package
//! whose method pages share its folder ([`wixgen_ir::articles`],
//! [`Package::articles`]); here it becomes part of that package crate's `//!`
//! docs (and so of `wix_apis::<package>`), after the generated overview.
//!
//! - The page's frame is left out: the `> Portal Navigation:` block quote
//!   before the content, the `## Resource:`, `## Article:`, `## Article Link:`
//!   and `## Article Content:` headings, and a `---` front matter block after
//!   them. `## Article:` (or the front matter's `title:`) gives the title.
//! - The markdown is read with pulldown-cmark and written again, so that every
//!   line is rustdoc-safe: code blocks become ```` ```text ```` (never a
//!   doctest), HTML is dropped, `<` and `>` are escaped, bare URLs wrapped,
//!   brackets escaped (links to `http(s)` URLs are kept, relative ones keep
//!   their text), tables and lists kept, and no line is indented but a nested
//!   list item. Headings are shifted under one `#` heading per article.
//! - The text only ever reaches generated code as `#![doc = "..."]` string
//!   literals, so it cannot inject code.
//! - An article the load stage placed with no package is not used here; the
//!   reports say why.

use crate::emit::docs::is_safe_url;
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use wixgen_ir::model::Package;

/// The doc lines of the articles placed with `package` ([`Package::articles`],
/// by the load stage's [`wixgen_ir::articles`]), in path order, each under its
/// title.
pub fn package_doc_lines(package: &Package) -> Vec<String> {
    let mut out = Vec::new();
    for a in &package.articles {
        let (_, lines) = doc_lines(&a.text);
        if lines.is_empty() {
            continue;
        }
        out.push(String::new());
        out.extend(lines);
    }
    out
}

/// The title and the rustdoc-safe lines of an article page: one `#` heading
/// (the title, or the article's first heading) and the rest below it.
pub fn doc_lines(text: &str) -> (Option<String>, Vec<String>) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let (mut title, content, framed) = unframe(&text);
    let (content, front_title) = strip_front_matter(content);
    if title.is_none() {
        title = front_title;
    }
    let blocks = render(content, !framed);
    let min_level = blocks.iter().filter_map(|b| b.heading).min().unwrap_or(1);
    let starts_with_heading = blocks.first().is_some_and(|b| b.heading.is_some());
    let mut lines = Vec::new();
    let shift: i32 = if starts_with_heading {
        1 - i32::from(min_level)
    } else {
        if let Some(t) = &title {
            lines.push(format!("# {}", escape_text(t)));
        }
        2 - i32::from(min_level)
    };
    for block in blocks {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        match block.heading {
            Some(level) => {
                let level = (i32::from(level) + shift).clamp(1, 6);
                let hashes = "#".repeat(usize::try_from(level).unwrap_or(1));
                lines.push(format!("{hashes} {}", block.lines.concat()));
            }
            None => lines.extend(block.lines),
        }
    }
    (title, lines)
}

/// The article's title from `## Article:`, its content (after `## Article
/// Content:`, or all of it), and whether such a frame was found.
fn unframe(text: &str) -> (Option<String>, &str, bool) {
    let mut title = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        offset += line.len();
        if let Some(rest) = t.strip_prefix("## Article:") {
            title = Some(rest.trim().to_owned()).filter(|s| !s.is_empty());
        } else if t == "## Article Content:" {
            return (title, &text[offset..], true);
        }
    }
    (title, text, false)
}

/// Content without a leading `---` ... `---` front matter block, and its `title:`.
fn strip_front_matter(content: &str) -> (&str, Option<String>) {
    let start = content.len() - content.trim_start().len();
    let body = &content[start..];
    let Some(after_open) = body.strip_prefix("---\n") else {
        return (content, None);
    };
    let mut offset = 0;
    let mut title = None;
    for line in after_open.split_inclusive('\n') {
        offset += line.len();
        let t = line.trim();
        if t == "---" {
            return (&after_open[offset..], title);
        }
        if let Some(v) = t.strip_prefix("title:") {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            title = Some(v.to_owned()).filter(|s| !s.is_empty());
        }
    }
    (content, None)
}

/// A block of output: a heading (its level as written) or lines.
struct Block {
    heading: Option<u8>,
    lines: Vec<String>,
}

fn level_of(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A list being written: its next number (`None`: bulleted) and its items' indent.
struct List {
    next: Option<u64>,
    indent: usize,
}

/// Markdown read and written again, rustdoc-safe.
#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
    /// The block being written.
    lines: Vec<String>,
    /// Inline text of the paragraph, heading, item or cell being written.
    line: String,
    lists: Vec<List>,
    /// The marker (`- `, `1. ` with its indent) the next line of an item starts with.
    marker: Option<String>,
    quote_depth: usize,
    /// Inside a code block: its text so far.
    code: Option<String>,
    /// Where each open link's or image's label starts in `line`.
    links: Vec<(usize, Option<String>)>,
    /// Cells of the table row being written, and whether the head is done.
    cells: Vec<String>,
    table_columns: usize,
    in_table: bool,
    /// Inside an HTML block: dropped.
    in_html: bool,
    heading: Option<u8>,
}

/// Read `content` and write it again. With `drop_leading_quotes`, block
/// quotes before any other block (the docs' navigation preamble) are left out.
fn render(content: &str, drop_leading_quotes: bool) -> Vec<Block> {
    let mut w = Writer::default();
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut skipping_quote = 0usize;
    let mut seen_block = false;
    for event in Parser::new_ext(content, options) {
        if skipping_quote > 0 {
            match event {
                Event::Start(Tag::BlockQuote(_)) => skipping_quote += 1,
                Event::End(TagEnd::BlockQuote(_)) => skipping_quote -= 1,
                _ => {}
            }
            continue;
        }
        if drop_leading_quotes && !seen_block && matches!(event, Event::Start(Tag::BlockQuote(_))) {
            skipping_quote = 1;
            continue;
        }
        if matches!(event, Event::Start(_)) {
            seen_block = true;
        }
        w.event(event);
    }
    w.finish_block();
    w.blocks
}

impl Writer {
    fn event(&mut self, event: Event) {
        if self.in_html {
            if matches!(event, Event::End(TagEnd::HtmlBlock)) {
                self.in_html = false;
            }
            return;
        }
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.line.push_str(&escape_text(&t)),
            Event::Code(c) if self.in_table => self.line.push_str(&code_span(&c).replace('|', "\\|")),
            Event::Code(c) => self.line.push_str(&code_span(&c)),
            Event::SoftBreak | Event::HardBreak => self.line.push(' '),
            Event::Rule => {
                if self.lists.is_empty() && self.quote_depth == 0 {
                    self.finish_block();
                    self.lines.push("---".to_owned());
                    self.finish_block();
                }
            }
            Event::InlineHtml(_) | Event::Html(_) => {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => self.line.push_str(&code_span(&m)),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.line.clear(),
            Tag::Heading { level, .. } => {
                self.finish_block();
                self.line.clear();
                self.heading = Some(level_of(level));
            }
            Tag::BlockQuote(_) => {
                self.flush_item_line();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush_item_line();
                if self.lists.is_empty() {
                    self.finish_block();
                }
                self.code = Some(String::new());
            }
            Tag::HtmlBlock => self.in_html = true,
            Tag::List(start) => {
                self.flush_item_line();
                if self.lists.is_empty() {
                    self.finish_block();
                }
                let indent = self.marker_indent();
                self.lists.push(List { next: start, indent });
            }
            Tag::Item => {
                self.flush_item_line();
                let Some(list) = self.lists.last_mut() else { return };
                let marker = match list.next {
                    Some(n) => {
                        list.next = Some(n.saturating_add(1));
                        format!("{n}. ")
                    }
                    None => "- ".to_owned(),
                };
                self.marker = Some(format!("{}{marker}", " ".repeat(list.indent)));
            }
            Tag::Table(aligns) => {
                self.finish_block();
                self.table_columns = aligns.len();
                self.in_table = true;
            }
            Tag::TableHead | Tag::TableRow => self.cells.clear(),
            Tag::TableCell => self.line.clear(),
            Tag::Emphasis => self.line.push('*'),
            Tag::Strong => self.line.push_str("**"),
            Tag::Strikethrough => self.line.push_str("~~"),
            Tag::Link {
                link_type, dest_url, ..
            } => {
                let url = match link_type {
                    LinkType::Email => Some(format!("mailto:{dest_url}")),
                    _ => Some(dest_url.to_string()),
                };
                self.links.push((self.line.len(), url));
            }
            Tag::Image { .. } => self.links.push((self.line.len(), None)),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                if self.marker.is_some() || !self.lists.is_empty() {
                    // Paragraphs of a list item run on in the item's line.
                    if !self.line.is_empty() && !self.line.ends_with(' ') {
                        self.line.push(' ');
                    }
                } else {
                    let line = std::mem::take(&mut self.line);
                    self.push_paragraph(&escape_line_start(line.trim()));
                }
            }
            TagEnd::Heading(_) => {
                let text = std::mem::take(&mut self.line);
                let level = self.heading.take().unwrap_or(1);
                self.blocks.push(Block {
                    heading: Some(level),
                    lines: vec![text.trim().to_owned()],
                });
            }
            TagEnd::BlockQuote(_) => {
                self.flush_item_line();
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 && self.lists.is_empty() {
                    self.finish_block();
                }
            }
            TagEnd::List(_) => {
                self.flush_item_line();
                self.lists.pop();
                if self.lists.is_empty() {
                    self.finish_block();
                }
            }
            TagEnd::Item => self.flush_item_line(),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.line);
                self.cells.push(cell.trim().to_owned());
            }
            TagEnd::TableHead => {
                let row = self.table_row();
                self.lines.push(row);
                let columns = self.table_columns.max(1);
                self.lines.push(format!("|{}", " --- |".repeat(columns)));
            }
            TagEnd::TableRow => {
                let row = self.table_row();
                self.lines.push(row);
            }
            TagEnd::Table => {
                self.in_table = false;
                self.finish_block();
            }
            TagEnd::Emphasis => self.line.push('*'),
            TagEnd::Strong => self.line.push_str("**"),
            TagEnd::Strikethrough => self.line.push_str("~~"),
            TagEnd::Link => {
                let Some((start, url)) = self.links.pop() else { return };
                let label = self.line.split_off(start.min(self.line.len()));
                match url.filter(|u| is_safe_url(u)) {
                    Some(url) if label.is_empty() || label == escape_text(&url) => {
                        self.line.push_str(&format!("<{url}>"));
                    }
                    Some(url) => self.line.push_str(&format!("[{label}]({url})")),
                    None => self.line.push_str(&label),
                }
            }
            TagEnd::Image => {
                let _ = self.links.pop();
            }
            _ => {}
        }
    }

    fn table_row(&mut self) -> String {
        let mut cells = std::mem::take(&mut self.cells);
        cells.resize(self.table_columns.max(cells.len()).max(1), String::new());
        format!("| {} |", cells.join(" | "))
    }

    /// The indent of a list nested in the current item.
    fn marker_indent(&self) -> usize {
        self.lists.last().map_or(0, |l| {
            let width = match l.next {
                Some(n) => n.saturating_sub(1).to_string().len() + 2,
                None => 2,
            };
            l.indent + width
        })
    }

    /// Write the item line being built (its marker first), if any.
    fn flush_item_line(&mut self) {
        let text = std::mem::take(&mut self.line);
        let text = escape_line_start(text.trim());
        match self.marker.take() {
            Some(marker) => {
                let line = format!("{marker}{text}");
                self.push_line(line.trim_end().to_owned());
            }
            None if !text.is_empty() => {
                let indent = self.lists.last().map_or(0, |_| self.marker_indent());
                self.push_line(format!("{}{text}", " ".repeat(indent)));
            }
            None => {}
        }
    }

    fn push_paragraph(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.quote_depth == 0 {
            self.finish_block();
        } else if self
            .lines
            .last()
            .is_some_and(|l| !l.trim_end_matches(['>', ' ']).is_empty())
        {
            self.push_line(String::new());
        }
        self.push_line(text.to_owned());
        if self.quote_depth == 0 {
            self.finish_block();
        }
    }

    fn push_line(&mut self, line: String) {
        let prefix = "> ".repeat(self.quote_depth);
        self.lines.push(format!("{prefix}{line}").trim_end().to_owned());
    }

    fn end_code(&mut self) {
        let code = self.code.take().unwrap_or_default();
        let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        self.push_line(format!("{fence}text"));
        for l in code.trim_end_matches('\n').split('\n') {
            self.push_line(l.to_owned());
        }
        self.push_line(fence);
        if self.lists.is_empty() && self.quote_depth == 0 {
            self.finish_block();
        }
    }

    fn finish_block(&mut self) {
        if !self.lines.is_empty() {
            self.blocks.push(Block {
                heading: None,
                lines: std::mem::take(&mut self.lines),
            });
        }
    }
}

/// `code` as a code span, fenced with more backticks than it holds in a row.
fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') || longest > 0 {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", code.replace('\n', " "))
}

/// Plain text as markdown that renders as that text: markdown punctuation
/// escaped, `<`, `>` and `&` as entities, bare URLs wrapped in `<...>`.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        let url_at = ["https://", "http://"].iter().filter_map(|p| rest.find(p)).min();
        let (plain, tail) = match url_at {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        escape_plain(plain, &mut out);
        if tail.is_empty() {
            break;
        }
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '(' | ')' | '[' | ']' | '|'))
            .unwrap_or(tail.len());
        let url = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_']);
        if url.len() <= "https://".len() {
            // A scheme alone: text.
            let scheme = if tail.starts_with("https://") {
                "https://"
            } else {
                "http://"
            };
            escape_plain(scheme, &mut out);
            rest = &tail[scheme.len()..];
            continue;
        }
        out.push('<');
        out.push_str(url);
        out.push('>');
        rest = &tail[url.len()..];
    }
    out
}

fn escape_plain(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// A line of text whose start would read as a list item, a thematic break or
/// a setext underline (`- `, `+ `, `1. `, `2) `, `===`), escaped. Lines this
/// module writes start with such a character only when the text does.
fn escape_line_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        doc_lines(text).1
    }

    const FRAMED: &str = "> Portal Navigation:\n> \n> - Append `.md` to any URL.\n\n## Resource: IDs\n\n## Article: Participant IDs\n\n## Article Link: https://dev.wix.com/docs/a/ids.md\n\n## Article Content:\n\nParticipants have IDs.\n\n## Types\n\n- A **visitor**: `anonymousVisitorId`\n- A contact\n  - nested <b>bold</b>\n\n```js\nfn main() { evil() }\n```\n";

    #[test]
    fn the_frame_goes_and_the_title_leads() {
        let (title, l) = doc_lines(FRAMED);
        assert_eq!(title.as_deref(), Some("Participant IDs"));
        assert_eq!(
            l,
            [
                "# Participant IDs",
                "",
                "Participants have IDs.",
                "",
                "## Types",
                "",
                "- A **visitor**: `anonymousVisitorId`",
                "- A contact",
                "  - nested bold",
                "",
                "```text",
                "fn main() { evil() }",
                "```",
            ]
        );
    }

    #[test]
    fn an_unframed_page_keeps_its_headings_under_one_h1() {
        let l = lines("> Portal Navigation:\n> - x\n\n# About\n\nText.\n\n## More\n\n### Deeper\n");
        assert_eq!(l, ["# About", "", "Text.", "", "## More", "", "### Deeper"]);
        let l = lines("Intro.\n\n# Part\n");
        assert_eq!(l, ["Intro.", "", "## Part"]);
    }

    #[test]
    fn front_matter_gives_the_title() {
        let (title, l) = doc_lines("## Article Content:\n---\ntitle: Conversation ID\n---\n\nText.\n");
        assert_eq!(title.as_deref(), Some("Conversation ID"));
        assert_eq!(l, ["# Conversation ID", "", "Text."]);
    }

    #[test]
    fn html_brackets_and_urls_are_made_safe() {
        let l = lines(
            "See [the API](https://dev.wix.com/a.md), [local](b.md), x[0] <script>alert(1)</script> and https://e.com/x. A < B & C.\n\n<div>\nblock\n</div>\n",
        );
        assert_eq!(
            l,
            [
                "See [the API](https://dev.wix.com/a.md), local, x\\[0\\] alert(1)  and <https://e.com/x>. A &lt; B &amp; C."
            ]
        );
    }

    #[test]
    fn tables_are_kept() {
        let l = lines("| Type | ID |\n| --- | --- |\n| Member | `memberId` |\n| a \\| b | `x \\| y` |\n");
        assert_eq!(
            l,
            [
                "| Type | ID |",
                "| --- | --- |",
                "| Member | `memberId` |",
                "| a \\| b | `x \\| y` |"
            ]
        );
    }

    #[test]
    fn no_line_is_indented_code_and_fences_hold_backticks() {
        let l = lines("Text.\n\n    indented code\n\n````\n```rust\nbad()\n```\n````\n\n1. one\n2. two\n");
        assert!(l.contains(&"```text".to_owned()), "{l:?}");
        assert!(l.contains(&"````text".to_owned()), "{l:?}");
        assert!(
            l.contains(&"1. one".to_owned()) && l.contains(&"2. two".to_owned()),
            "{l:?}"
        );
        assert!(!l.iter().any(|x| x.starts_with("    ")), "{l:?}");
    }

    #[test]
    fn text_that_looks_like_markdown_stays_text() {
        assert_eq!(
            lines("\\- not a list, \\# not a heading, a\\_b"),
            ["\\- not a list, \\# not a heading, a\\_b"]
        );
        assert_eq!(lines("2024\\. A year."), ["2024\\. A year."]);
    }
}
