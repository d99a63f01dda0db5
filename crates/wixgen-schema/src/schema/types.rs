//! Type expressions: `string`, `array<Sorting>`, `string (date-time)`, `PROMISE<T>`.

use crate::model::TypeExpr;

/// Why a type expression could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TypeError {
    Empty,
    /// `array<Foo` or `array<Foo>>`: byte offset of the offending bracket.
    Unbalanced(usize),
    /// Not a type name: byte offset of the first bad character.
    BadName(usize),
}

/// Parse a type as written after `type:` (already trimmed).
pub(crate) fn parse_type(text: &str) -> Result<TypeExpr, TypeError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TypeError::Empty);
    }
    parse_at(text, 0)
}

fn parse_at(text: &str, base: usize) -> Result<TypeExpr, TypeError> {
    // The first `<`, or the first `>` when no `<` follows it (a type is a few
    // bytes: a plain scan beats memchr's setup).
    let bytes = text.as_bytes();
    let (open, close) = match bytes.iter().position(|&b| b == b'<' || b == b'>') {
        Some(i) if bytes[i] == b'<' => (Some(i), None),
        Some(i) => (bytes[i..].iter().position(|&b| b == b'<').map(|j| i + j), Some(i)),
        None => (None, None),
    };
    if let Some(open) = open {
        let head = &text[..open];
        if !text.ends_with('>') {
            return Err(TypeError::Unbalanced(base + open));
        }
        let inner = &text[open + 1..text.len() - 1];
        check_balance(inner, base + open + 1)?;
        if head != "array" {
            // PROMISE<...> is handled by the caller; anything else is unknown.
            return Err(TypeError::BadName(base));
        }
        if inner.trim().is_empty() {
            return Err(TypeError::Empty);
        }
        return Ok(TypeExpr::Array(Some(Box::new(parse_at(
            inner.trim(),
            base + open + 1,
        )?))));
    }
    if let Some(close) = close {
        return Err(TypeError::Unbalanced(base + close));
    }
    if let Some(rest) = text.strip_prefix("string (")
        && let Some(format) = rest.strip_suffix(')')
    {
        return Ok(TypeExpr::FormattedString(format.trim().to_owned()));
    }
    Ok(match text {
        "string" => TypeExpr::String,
        "integer" => TypeExpr::Integer,
        "number" => TypeExpr::Number,
        "boolean" => TypeExpr::Boolean,
        "Date" => TypeExpr::Date,
        "object" => TypeExpr::Object,
        "array" => TypeExpr::Array(None),
        name => {
            // Byte by byte while the name is ASCII (`char::is_alphanumeric`
            // is `u8::is_ascii_alphanumeric` there), by characters after.
            let ascii = name.bytes().position(|c| !c.is_ascii()).unwrap_or(name.len());
            let bad = name.as_bytes()[..ascii]
                .iter()
                .enumerate()
                .position(|(i, &c)| !(c.is_ascii_alphanumeric() || c == b'_' || (c == b'.' && i > 0)))
                .or_else(|| {
                    name[ascii..]
                        .char_indices()
                        .find(|&(i, c)| !(c.is_alphanumeric() || c == '_' || (c == '.' && ascii + i > 0)))
                        .map(|(i, _)| ascii + i)
                });
            if let Some(bad) = bad {
                return Err(TypeError::BadName(base + bad));
            }
            TypeExpr::Named(name.to_owned())
        }
    })
}

fn check_balance(inner: &str, base: usize) -> Result<(), TypeError> {
    let mut depth = 0i32;
    for (i, c) in inner.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth -= 1;
                if depth < 0 {
                    return Err(TypeError::Unbalanced(base + i));
                }
            }
            _ => {}
        }
    }
    if depth != 0 {
        Err(TypeError::Unbalanced(base))
    } else {
        Ok(())
    }
}

/// A `Return type:` value: `PROMISE<T>` unwrapped. Returns `(type, promise)`;
/// the type is `None` for a bare `PROMISE` whose argument was stripped.
pub(crate) fn parse_return_type(text: &str) -> Result<(Option<TypeExpr>, bool), TypeError> {
    let text = text.trim();
    if text == "PROMISE" {
        return Ok((None, true));
    }
    if let Some(rest) = text.strip_prefix("PROMISE<") {
        let Some(inner) = rest.strip_suffix('>') else {
            return Err(TypeError::Unbalanced(7));
        };
        return parse_at(inner.trim(), 8).map(|t| (Some(t), true));
    }
    parse_type(text).map(|t| (Some(t), false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(n: &str) -> TypeExpr {
        TypeExpr::Named(n.into())
    }

    #[test]
    fn scalars_and_names() {
        assert_eq!(parse_type("string"), Ok(TypeExpr::String));
        assert_eq!(parse_type(" integer "), Ok(TypeExpr::Integer));
        assert_eq!(parse_type("Date"), Ok(TypeExpr::Date));
        assert_eq!(parse_type("object"), Ok(TypeExpr::Object));
        assert_eq!(parse_type("SortOrder"), Ok(named("SortOrder")));
        assert_eq!(
            parse_type("string (date-time)"),
            Ok(TypeExpr::FormattedString("date-time".into()))
        );
    }

    #[test]
    fn arrays() {
        assert_eq!(parse_type("array"), Ok(TypeExpr::Array(None)));
        assert_eq!(
            parse_type("array<Sorting>"),
            Ok(TypeExpr::Array(Some(Box::new(named("Sorting")))))
        );
        assert_eq!(
            parse_type("array<array<string>>"),
            Ok(TypeExpr::Array(Some(Box::new(TypeExpr::Array(Some(Box::new(
                TypeExpr::String
            )))))))
        );
    }

    #[test]
    fn errors() {
        assert_eq!(parse_type(""), Err(TypeError::Empty));
        assert_eq!(parse_type("array<Sorting"), Err(TypeError::Unbalanced(5)));
        assert_eq!(parse_type("array<Sorting>>"), Err(TypeError::Unbalanced(13)));
        assert_eq!(parse_type("Sorting>"), Err(TypeError::Unbalanced(7)));
        assert_eq!(parse_type("two words"), Err(TypeError::BadName(3)));
        assert_eq!(parse_type("array<>"), Err(TypeError::Empty));
    }

    #[test]
    fn return_types() {
        assert_eq!(
            parse_return_type("PROMISE<Conversation>"),
            Ok((Some(named("Conversation")), true))
        );
        assert_eq!(parse_return_type("PROMISE"), Ok((None, true)));
        assert_eq!(
            parse_return_type("GetConversationResponse"),
            Ok((Some(named("GetConversationResponse")), false))
        );
    }
}
