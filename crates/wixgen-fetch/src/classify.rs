//! What a downloaded page is: a method page, a webhook page, an article, a
//! menu page, a page the parser refuses, or something else.
//!
//! The rules, in order:
//!
//! 1. **HTML** (a `text/html` response, or a body starting with `<!doctype html` or `<html`) is
//!    not a docs markdown page: *other*.
//! 2. The page goes through the parser ([`wixgen_schema::parse`]). When the parser refuses it (no
//!    page model: a whitespace-collapsed page, `E100`; an empty one, `E001`) it is **refused**, with
//!    the parser's rendered message.
//! 3. A page with `# Package:`, a `## REST API` or a `## JavaScript SDK` section is a **method
//!    page**, or a **webhook page** when its schema block is a `Webhook:` block. A method page with
//!    no `# Package:` is refused with the parser's message (it has nowhere to go).
//! 4. A page with a `## Article Link:` or `## Article:` heading (how the docs mark their content
//!    pages) is an **article**.
//! 5. A **menu page** is, outside block quotes (the `> Portal Navigation:` preamble), nothing but
//!    headings, thematic breaks and lists whose every item holds a link (or a nested list of such
//!    items): no paragraph, code block, HTML block or table at the top level. Its links are the
//!    page's children. (The docs describe menu pages as "a list of links to child pages"; their exact
//!    layout has not been observed, so this accepts any mix of headings and link lists.)
//! 6. Any other page with text outside block quotes is an **article**; one with none is *other*.
//!
//! Headings, links and lists are found with pulldown-cmark, never by string search, so that a `#`
//! or a link inside a code block is never taken for one.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// A method page's facts that fetching needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodInfo {
    /// `# Package:`
    pub package: String,
    /// `# Method link:`
    pub method_link: Option<String>,
    /// Some section has a `### Schema` block (when none has, the page is fetched again with
    /// `?schema=true`).
    pub has_schema: bool,
    /// The parser's errors, rendered (the page is still saved; generation reports and skips it).
    pub errors: Vec<String>,
}

/// What a page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    Method(MethodInfo),
    /// A webhook page: nothing is generated for webhooks yet.
    Webhook {
        package: String,
    },
    Article {
        /// `## Article Link:`, when the page has one.
        link: Option<String>,
    },
    Menu {
        /// Every link destination, as written, in page order.
        links: Vec<String>,
    },
    /// The parser refuses the page; `message` is its rendered diagnostics.
    Refused {
        message: String,
    },
    Other {
        reason: String,
    },
}

impl PageKind {
    /// `method page`, `menu page`, ...
    pub fn label(&self) -> &'static str {
        match self {
            PageKind::Method(_) => "method page",
            PageKind::Webhook { .. } => "webhook page",
            PageKind::Article { .. } => "article",
            PageKind::Menu { .. } => "menu page",
            PageKind::Refused { .. } => "refused",
            PageKind::Other { .. } => "not a docs page",
        }
    }
}

/// Classify a page. `shown` names it in rendered diagnostics (its URL); `content_type` is the
/// response's `Content-Type`, if any.
pub fn classify(bytes: &[u8], shown: &str, content_type: Option<&str>) -> PageKind {
    let text = String::from_utf8_lossy(bytes);
    if is_html(&text, content_type) {
        return PageKind::Other {
            reason: "served HTML, not a markdown page (docs pages are fetched at `<page URL>.md`)".to_owned(),
        };
    }
    let out = wixgen_schema::parse(bytes);
    let render_errors = || -> Vec<String> { out.errors().map(|d| d.render(shown, &text, false)).collect() };
    let Some(page) = &out.page else {
        return PageKind::Refused {
            message: render_errors().join("\n"),
        };
    };
    let sections = [&page.rest, &page.sdk];
    if page.is_method_page() {
        let Some(package) = &page.package else {
            return PageKind::Refused {
                message: render_errors().join("\n"),
            };
        };
        let schemas = || sections.into_iter().flatten().filter_map(|s| s.schema.as_ref());
        if schemas().any(|b| b.webhook.is_some()) {
            return PageKind::Webhook {
                package: package.value.clone(),
            };
        }
        return PageKind::Method(MethodInfo {
            package: package.value.clone(),
            method_link: page.method_link.as_ref().map(|l| l.value.clone()),
            has_schema: schemas().next().is_some(),
            errors: render_errors(),
        });
    }
    let shape = Shape::of(&text);
    if let Some(link) = shape.article_link {
        return PageKind::Article { link: Some(link) };
    }
    if shape.article_marker {
        return PageKind::Article { link: None };
    }
    if shape.menu && !shape.links.is_empty() {
        return PageKind::Menu { links: shape.links };
    }
    if shape.has_text {
        return PageKind::Article { link: None };
    }
    PageKind::Other {
        reason: "no content besides the navigation preamble".to_owned(),
    }
}

fn is_html(text: &str, content_type: Option<&str>) -> bool {
    if content_type.is_some_and(|ct| ct.trim().to_ascii_lowercase().starts_with("text/html")) {
        return true;
    }
    let start: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// The markdown facts classification needs, outside block quotes.
#[derive(Debug, Default)]
struct Shape {
    /// Only headings, rules and link lists.
    menu: bool,
    links: Vec<String>,
    /// Some text outside block quotes.
    has_text: bool,
    /// `## Article:` or `## Article Link:` seen.
    article_marker: bool,
    article_link: Option<String>,
}

/// One open list item: whether it holds a link, or a nested list.
#[derive(Default)]
struct Item {
    link: bool,
    sublist: bool,
}

impl Shape {
    fn of(text: &str) -> Shape {
        let mut shape = Shape {
            menu: true,
            ..Shape::default()
        };
        let mut quote = 0usize;
        let mut items: Vec<Item> = Vec::new();
        let mut lists = 0usize;
        let mut heading: Option<String> = None;
        for event in Parser::new(text) {
            match &event {
                Event::Start(Tag::BlockQuote(_)) => quote += 1,
                Event::End(TagEnd::BlockQuote(_)) => quote = quote.saturating_sub(1),
                _ if quote > 0 => {}
                Event::Start(Tag::Heading { level, .. }) => {
                    heading = (*level == HeadingLevel::H2).then(String::new);
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some(h) = heading.take() {
                        let h = h.trim();
                        if let Some(link) = h.strip_prefix("Article Link:") {
                            shape.article_marker = true;
                            let link = link.trim();
                            if !link.is_empty() {
                                shape.article_link = Some(link.to_owned());
                            }
                        } else if h.starts_with("Article:") {
                            shape.article_marker = true;
                        }
                    }
                }
                Event::Start(Tag::List(_)) => {
                    lists += 1;
                    if let Some(item) = items.last_mut() {
                        item.sublist = true;
                    }
                }
                Event::End(TagEnd::List(_)) => lists = lists.saturating_sub(1),
                Event::Start(Tag::Item) => items.push(Item::default()),
                Event::End(TagEnd::Item) => {
                    if let Some(item) = items.pop()
                        && !item.link
                        && !item.sublist
                    {
                        shape.menu = false;
                    }
                }
                Event::Start(Tag::Paragraph) if lists == 0 => shape.menu = false,
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_)) => shape.menu = false,
                Event::Start(Tag::Link { dest_url, .. }) => {
                    if let Some(item) = items.last_mut() {
                        item.link = true;
                        shape.links.push(dest_url.to_string());
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if !t.trim().is_empty() {
                        shape.has_text = true;
                    }
                    if let Some(h) = heading.as_mut() {
                        h.push_str(t);
                    }
                }
                _ => {}
            }
        }
        shape
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREAMBLE: &str =
        "> Portal Navigation:\n> \n> - Append `.md` to any URL.\n> - Pages are either content pages or menu pages.\n\n";

    fn kind(text: &str) -> PageKind {
        classify(text.as_bytes(), "page.md", None)
    }

    #[test]
    fn a_menu_page_gives_its_links() {
        let text = format!(
            "{PREAMBLE}# Conversations\n\n## Methods\n\n- [Get Conversation](https://dev.wix.com/docs/a/get-conversation.md)\n- [List](list.md): lists them\n\n## Articles\n\n* [Participant IDs](https://dev.wix.com/docs/a/ids.md)\n"
        );
        assert_eq!(
            kind(&text),
            PageKind::Menu {
                links: vec![
                    "https://dev.wix.com/docs/a/get-conversation.md".to_owned(),
                    "list.md".to_owned(),
                    "https://dev.wix.com/docs/a/ids.md".to_owned(),
                ]
            }
        );
    }

    #[test]
    fn nested_menu_lists_count() {
        let text = "# APIs\n\n- Inbox\n  - [Conversations](c.md)\n  - [Messages](m.md)\n";
        assert!(matches!(kind(text), PageKind::Menu { links } if links.len() == 2));
    }

    #[test]
    fn a_paragraph_makes_it_an_article() {
        let text = format!("{PREAMBLE}# About\n\nSome text with a [link](x.md).\n\n- [a](a.md)\n");
        assert_eq!(kind(&text), PageKind::Article { link: None });
    }

    #[test]
    fn a_list_item_without_a_link_makes_it_an_article() {
        let text = "# About\n\n- [a](a.md)\n- just words\n";
        assert_eq!(kind(text), PageKind::Article { link: None });
    }

    #[test]
    fn links_in_code_are_not_links() {
        let text = "# About\n\n```\n- [a](a.md)\n```\n";
        assert_eq!(kind(text), PageKind::Article { link: None });
    }

    #[test]
    fn article_markers_win() {
        let text = format!(
            "{PREAMBLE}## Resource: Introduction\n\n## Article: Introduction\n\n## Article Link: https://dev.wix.com/docs/a/introduction.md\n\n## Article Content:\n\n- [Send messages](https://dev.wix.com/docs/a/send-message.md)\n"
        );
        assert_eq!(
            kind(&text),
            PageKind::Article {
                link: Some("https://dev.wix.com/docs/a/introduction.md".to_owned())
            }
        );
    }

    #[test]
    fn the_seed_article_is_an_article() {
        let text = "Conversation ID\n\nConversation participants are assigned IDs based on whether they've provided contact information.";
        assert_eq!(kind(text), PageKind::Article { link: None });
    }

    #[test]
    fn method_pages_give_package_and_link() {
        let text = "# Ping\n\n# Package: demo\n\n# Namespace: PingService\n\n# Method link: https://dev.wix.com/docs/x/ping.md\n\n## REST API\n\n### Schema\n\n```\n Method: ping\n URL: https://www.wixapis.com/ping\n Method: GET\n Return type: PingResponse\n```\n";
        let PageKind::Method(info) = kind(text) else {
            panic!("not a method page: {:?}", kind(text))
        };
        assert_eq!(info.package, "demo");
        assert_eq!(info.method_link.as_deref(), Some("https://dev.wix.com/docs/x/ping.md"));
        assert!(info.has_schema);
    }

    #[test]
    fn a_method_page_without_schema_says_so() {
        let text = "# Ping\n\n# Package: demo\n\n## REST API\n\nNo schema here.\n";
        let PageKind::Method(info) = kind(text) else { panic!() };
        assert!(!info.has_schema);
    }

    #[test]
    fn a_method_page_without_package_is_refused_with_the_parser_message() {
        let text = "# Ping\n\n## REST API\n\n### Schema\n\n```\n Method: ping\n```\n";
        let PageKind::Refused { message } = kind(text) else {
            panic!()
        };
        assert!(message.contains("E042"), "{message}");
    }

    #[test]
    fn html_and_empty_pages() {
        assert!(matches!(
            classify(b"<!DOCTYPE html><html></html>", "x", None),
            PageKind::Other { .. }
        ));
        assert!(matches!(
            classify(b"# Title\n", "x", Some("text/html; charset=utf-8")),
            PageKind::Other { .. }
        ));
        assert!(matches!(classify(b"", "x", None), PageKind::Refused { .. }));
        assert!(matches!(kind(PREAMBLE), PageKind::Other { .. }));
    }
}
