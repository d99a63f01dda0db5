//! `URL:` lines: the path template split into literals and `{param}`s.

use crate::model::{PathParam, PathSegment};

/// A URL template's path, split. The scheme and host are dropped (the base URL
/// is the client's), as are a query string and a fragment. An unclosed `{` is
/// kept as literal text and reported in the second value.
pub(crate) fn split_path(url: &str) -> (Vec<PathSegment>, bool) {
    let rest = match url.find("://") {
        Some(i) => {
            let after = &url[i + 3..];
            after.find('/').map_or("/", |j| &after[j..])
        }
        None => url,
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let mut segments = Vec::new();
    let mut literal = String::new();
    let mut malformed = false;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '{' {
            if let Some(len) = rest[i + 1..].find('}') {
                let name = rest[i + 1..i + 1 + len].trim();
                let param = PathParam::from_template(name);
                if !param.field_path.is_empty() {
                    if !literal.is_empty() {
                        segments.push(PathSegment::Literal(std::mem::take(&mut literal)));
                    }
                    segments.push(PathSegment::Param(param));
                    while chars.peek().is_some_and(|&(j, _)| j <= i + 1 + len) {
                        chars.next();
                    }
                    continue;
                }
            } else {
                malformed = true;
            }
        }
        literal.push(c);
    }
    if !literal.is_empty() || segments.is_empty() {
        segments.push(PathSegment::Literal(if literal.is_empty() {
            "/".into()
        } else {
            literal
        }));
    }
    (segments, malformed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PathSegment::Literal;

    #[allow(non_snake_case)]
    fn Param(template: &str) -> PathSegment {
        PathSegment::Param(PathParam::from_template(template))
    }

    #[test]
    fn placeholder_forms() {
        let p = PathParam::from_template("conversationId");
        assert_eq!(
            (p.field_path, p.multi_segment),
            (vec!["conversationId".to_string()], false)
        );
        let p = PathParam::from_template("badge.id");
        assert_eq!(
            (p.field_path, p.multi_segment),
            (vec!["badge".to_string(), "id".to_string()], false)
        );
        let p = PathParam::from_template("slug=**");
        assert_eq!(
            (p.template.as_str(), p.field_path, p.multi_segment),
            ("slug=**", vec!["slug".to_string()], true)
        );
        let p = PathParam::from_template("name=*");
        assert_eq!((p.field_path, p.multi_segment), (vec!["name".to_string()], false));
        assert!(PathParam::from_template("=**").field_path.is_empty());
    }

    #[test]
    fn splits_host_and_params() {
        assert_eq!(
            split_path("https://www.wixapis.com/inbox/v2/conversations/{conversationId}"),
            (
                vec![Literal("/inbox/v2/conversations/".into()), Param("conversationId")],
                false
            )
        );
        assert_eq!(
            split_path("https://www.wixapis.com/inbox/v2/conversations"),
            (vec![Literal("/inbox/v2/conversations".into())], false)
        );
        assert_eq!(
            split_path("https://x.com/a/{a}/b/{b.c}:cancel?x=1"),
            (
                vec![
                    Literal("/a/".into()),
                    Param("a"),
                    Literal("/b/".into()),
                    Param("b.c"),
                    Literal(":cancel".into())
                ],
                false
            )
        );
        assert_eq!(split_path("https://x.com"), (vec![Literal("/".into())], false));
        assert_eq!(split_path("https://x.com/a/{b"), (vec![Literal("/a/{b".into())], true));
        assert_eq!(split_path("/v1/{é}"), (vec![Literal("/v1/".into()), Param("é")], false));
    }
}
