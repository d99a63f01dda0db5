//! Identifiers: the only way a name from a page becomes Rust syntax.
//!
//! Every identifier in generated code is built here, from a name that is
//! checked to be a plain ASCII identifier. Anything else is rewritten
//! (deterministically) into one, so nothing a page says can turn into tokens
//! other than a single identifier.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};
use wixgen_ir::names::{NON_RAW_KEYWORDS, NameSet, is_keyword};

/// An identifier for `name`. `r#type` and plain keywords (`type`, by the one
/// keyword table, [`wixgen_ir::names::is_keyword`]) become raw identifiers;
/// names that cannot be raw (`self`, `_`) get a trailing `_`; anything that is
/// not an ASCII identifier is sanitised. Never panics.
pub fn ident(name: &str) -> Ident {
    let bare = name.strip_prefix("r#").unwrap_or(name);
    let bare = sanitize(bare);
    if bare == "_" || NON_RAW_KEYWORDS.contains(&bare.as_str()) {
        return Ident::new(&format!("{bare}_"), Span::call_site());
    }
    if is_keyword(&bare) {
        Ident::new_raw(&bare, Span::call_site())
    } else {
        Ident::new(&bare, Span::call_site())
    }
}

/// `name` as a plain ASCII identifier: invalid characters become `_` (runs
/// collapsed, none at the ends), a leading digit gets a `_` in front, the empty
/// name becomes `unnamed`. Valid names are returned unchanged.
fn sanitize(name: &str) -> String {
    let mut out = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        let replaced: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        replaced
            .split('_')
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("_")
    };
    if out.is_empty() {
        out.push_str("unnamed");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// The name without a raw prefix, as written in prose and in method names
/// built from it (`with_type` for the field `r#type`).
pub fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// `UpperCamelCase` for a snake or camel name (`anonymous_visitor_id` →
/// `AnonymousVisitorId`); never empty.
pub fn upper_camel(name: &str) -> String {
    let s = bare(name).to_upper_camel_case();
    if s.is_empty() { "Unnamed".to_owned() } else { s }
}

/// `snake_case` (`ConversationsService` → `conversations_service`); never empty.
pub fn snake(name: &str) -> String {
    let s = bare(name).to_snake_case();
    if s.is_empty() { "unnamed".to_owned() } else { s }
}

/// `lowerCamelCase` by lowering the first character only, as Wix writes
/// operation names (`GetOrCreateConversation` → `getOrCreateConversation`).
pub fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Make each name in `names` unique by appending `2`, `3`, ... to later
/// duplicates, in order, as lowering names collisions
/// ([`wixgen_ir::names::NameSet`]). Deterministic: the first keeps its name.
pub fn dedupe(names: &mut [String]) {
    let mut taken = NameSet::new();
    for name in names.iter_mut() {
        *name = taken.claim_camel(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(name: &str) -> String {
        ident(name).to_string()
    }

    #[test]
    fn plain_names_pass_through() {
        assert_eq!(s("participant_id"), "participant_id");
        assert_eq!(s("Conversation"), "Conversation");
    }

    #[test]
    fn keywords_become_raw() {
        assert_eq!(s("type"), "r#type");
        assert_eq!(s("r#type"), "r#type");
        assert_eq!(s("async"), "r#async");
        assert_eq!(s("gen"), "r#gen");
    }

    #[test]
    fn every_keyword_of_the_table_becomes_an_identifier_syn_reads_back() {
        for k in wixgen_ir::names::RUST_KEYWORDS {
            let id = s(k);
            assert!(id == format!("r#{k}") || id == format!("{k}_"), "{k}: {id}");
            assert!(syn::parse_str::<Ident>(&id).is_ok(), "{k}: {id}");
        }
        // Words syn refuses as plain identifiers are all in the table.
        for word in [
            "as", "fn", "impl", "type", "match", "async", "await", "dyn", "abstract", "yield",
        ] {
            assert!(syn::parse_str::<Ident>(word).is_err(), "{word}");
            assert!(wixgen_ir::names::is_keyword(word), "{word}");
        }
        for plain in ["union", "raw", "safe", "macro_rules", "default"] {
            assert_eq!(s(plain), plain);
        }
    }

    #[test]
    fn names_that_cannot_be_raw_get_an_underscore() {
        assert_eq!(s("self"), "self_");
        assert_eq!(s("Self"), "Self_");
        assert_eq!(s("crate"), "crate_");
        assert_eq!(s("_"), "__");
    }

    #[test]
    fn injection_attempts_become_one_identifier() {
        assert_eq!(s("a; fn evil() {}"), "a_fn_evil");
        assert_eq!(s("x\"]"), "x");
        assert_eq!(s("1st"), "_1st");
        assert_eq!(s(""), "unnamed");
        assert_eq!(s("naïve"), "na_ve");
        assert_eq!(s("_private"), "_private");
    }

    #[test]
    fn dedupe_is_deterministic() {
        let mut names = vec!["a".to_owned(), "a".to_owned(), "a2".to_owned(), "a".to_owned()];
        dedupe(&mut names);
        assert_eq!(names, ["a", "a2", "a22", "a3"]);
    }

    #[test]
    fn cases() {
        assert_eq!(upper_camel("anonymous_visitor_id"), "AnonymousVisitorId");
        assert_eq!(upper_camel("r#type"), "Type");
        assert_eq!(snake("ConversationsService"), "conversations_service");
        assert_eq!(lower_first("GetOrCreateConversation"), "getOrCreateConversation");
    }
}
