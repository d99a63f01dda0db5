//! Rust naming rules for everything generated from a page.
//!
//! Lowering uses these to fill every `rust_name` in the IR; the code generator
//! may call them for names it makes up itself, so that both agree. The rules:
//!
//! * fields, params, methods and modules are `snake_case`; types, services and
//!   enum variants are `UpperCamelCase` (word splitting as in `heck`, with every
//!   character that is not an ASCII letter or digit treated as a word break);
//! * the wire name is never changed: it stays in the IR beside the Rust name;
//! * Rust keywords become raw identifiers (`type` → `r#type`, `gen` → `r#gen`,
//!   edition 2024); the four that cannot be raw (`self`, `Self`, `super`,
//!   `crate`) get a trailing `_` in snake case, and `Self` becomes `SelfType`
//!   (types) or `SelfValue` (variants) in camel case, which keeps the camel-case
//!   lint quiet;
//! * a name that is empty after conversion becomes `field` / `Unnamed` /
//!   `Empty`; one that starts with a digit gets a prefix (`_` for snake case,
//!   `T` for types, `V` for variants);
//! * the variant name `Unknown` is reserved for the catch-all variant codegen
//!   adds to every enum, so a wire value `UNKNOWN` becomes `UnknownValue`;
//! * type names that would shadow the Rust prelude (`String`, `Option`, ...)
//!   get the suffix `Type` ([`RESERVED_TYPE_NAMES`]);
//! * names that collide after conversion are made unique with [`NameSet`], in
//!   the order they are claimed: `foo_bar`, `foo_bar_2`, ... in snake case,
//!   `FooBar`, `FooBar2`, ... in camel case.

use heck::{ToKebabCase, ToSnakeCase, ToUpperCamelCase};
use std::collections::HashSet;

/// Strict and reserved keywords of Rust edition 2024 (weak keywords such as
/// `union` and `raw` are ordinary identifiers and are not listed).
pub const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be written as raw identifiers (`r#self` is an error).
pub const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate"];

/// Type names that generated code must not define, because they would shadow
/// the prelude (or the catch-all variant) inside a generated module.
pub const RESERVED_TYPE_NAMES: &[&str] = &["Box", "Err", "None", "Ok", "Option", "Result", "Some", "String", "Vec"];

/// The variant name codegen gives the catch-all `Unknown(String)` variant of
/// every enum; no wire value may take it.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// True for a strict or reserved keyword of edition 2024.
pub fn is_keyword(s: &str) -> bool {
    RUST_KEYWORDS.contains(&s)
}

/// Makes an already-cased identifier usable: `type` → `r#type`, `self` → `self_`.
/// Anything that is not a keyword is returned unchanged.
pub fn escape_ident(s: &str) -> String {
    if NON_RAW_KEYWORDS.contains(&s) {
        format!("{s}_")
    } else if is_keyword(s) {
        format!("r#{s}")
    } else {
        s.to_string()
    }
}

/// Replaces everything but ASCII letters and digits with a space, so that
/// `heck` splits words there and no exotic character reaches an identifier.
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn starts_with_digit(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// `snake_case` for a field, param, method or module: `imageUrl` → `image_url`,
/// `type` → `r#type`, `self` → `self_`, `3dModel` → `_3d_model`, `""` → `field`.
pub fn snake_case(wire: &str) -> String {
    let s = sanitize(wire).to_snake_case();
    if s.is_empty() {
        return "field".to_string();
    }
    if starts_with_digit(&s) {
        return format!("_{s}");
    }
    escape_ident(&s)
}

fn camel(wire: &str, empty: &str, digit_prefix: &str, self_suffix: &str) -> String {
    let s = sanitize(wire).to_upper_camel_case();
    if s.is_empty() {
        return empty.to_string();
    }
    if starts_with_digit(&s) {
        return format!("{digit_prefix}{s}");
    }
    if s == "Self" {
        return format!("Self{self_suffix}");
    }
    s
}

/// `UpperCamelCase` for a type or service: `ConversationDisplayData` stays,
/// `timeSlot` → `TimeSlot`, `Self` → `SelfType`, `3d` → `T3d`, `""` → `Unnamed`.
/// Prelude names are handled by [`NameSet::claim_type`], not here.
pub fn type_name(wire: &str) -> String {
    camel(wire, "Unnamed", "T", "Type")
}

/// `UpperCamelCase` for an enum variant from its wire value: `CHAT` → `Chat`,
/// `IN_PROGRESS` → `InProgress`, `UNKNOWN` → `UnknownValue` (see
/// [`UNKNOWN_VARIANT`]), `1_DAY` → `V1Day`, `""` → `Empty`.
pub fn variant_name(wire: &str) -> String {
    let s = camel(wire, "Empty", "V", "Value");
    if s == UNKNOWN_VARIANT {
        return format!("{UNKNOWN_VARIANT}Value");
    }
    s
}

/// The module of a package: `timeSlots` → `time_slots`.
pub fn module_name(package: &str) -> String {
    snake_case(package)
}

/// The Cargo feature of a package: `timeSlots` → `time-slots`. Only ASCII
/// letters, digits and `-`; the names the generated crate's own features take
/// (`default`, `all`, `full`) get a `pkg-` prefix.
pub fn feature_name(package: &str) -> String {
    let s = sanitize(package).to_kebab_case();
    match s.as_str() {
        "" => "unnamed".to_string(),
        "default" | "all" | "full" => format!("pkg-{s}"),
        _ => s,
    }
}

/// The request struct of a method: `GetConversation` → `GetConversationRequest`.
pub fn request_struct_name(method: &str) -> String {
    format!("{}Request", type_name(method))
}

/// The Rust name of a ONE-OF enum and of the struct field holding it. With one
/// group in the struct: `<Struct>Kind` and `kind`; with several:
/// `<Struct><FirstMember>Kind` and `<first_member>_kind`. Both still go
/// through a [`NameSet`] for uniqueness.
pub fn one_of_names(struct_rust_name: &str, first_member: &str, groups: usize) -> (String, String) {
    if groups <= 1 {
        (format!("{struct_rust_name}Kind"), "kind".to_string())
    } else {
        let member = type_name(first_member);
        let field = format!("{}_kind", sanitize(first_member).to_snake_case());
        (format!("{struct_rust_name}{member}Kind"), snake_case(&field))
    }
}

/// A set of names already taken in one scope (a struct's fields, a package's
/// types, an enum's variants). Claiming a taken name yields the first free
/// numbered variant, so collisions resolve in claim order.
#[derive(Debug, Clone, Default)]
pub struct NameSet {
    used: HashSet<String>,
}

impl NameSet {
    /// An empty scope.
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks `name` as taken without claiming it.
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_string());
    }

    /// True when `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.used.contains(name)
    }

    /// Claims a snake-case name (already converted with [`snake_case`]):
    /// `foo_bar`, then `foo_bar_2`, `foo_bar_3`, ... A raw identifier keeps its
    /// `r#` only while it is still a keyword (`r#type` → `type_2`).
    pub fn claim_snake(&mut self, name: &str) -> String {
        let bare = name.strip_prefix("r#").unwrap_or(name);
        let bare = if NON_RAW_KEYWORDS.iter().any(|k| format!("{k}_") == bare) {
            bare.trim_end_matches('_')
        } else {
            bare
        };
        self.claim_with(name, |n| escape_ident(&format!("{bare}_{n}")))
    }

    /// Claims a camel-case name (already converted): `FooBar`, then `FooBar2`, ...
    pub fn claim_camel(&mut self, name: &str) -> String {
        self.claim_with(name, |n| format!("{name}{n}"))
    }

    /// Claims a kebab-case name (a Cargo feature): `time-slots`, then `time-slots-2`, ...
    pub fn claim_with_dash(&mut self, name: &str) -> String {
        self.claim_with(name, |n| format!("{name}-{n}"))
    }

    /// Claims a type name: like [`NameSet::claim_camel`], but a name from
    /// [`RESERVED_TYPE_NAMES`] first gets the suffix `Type`.
    pub fn claim_type(&mut self, name: &str) -> String {
        if RESERVED_TYPE_NAMES.contains(&name) {
            self.claim_camel(&format!("{name}Type"))
        } else {
            self.claim_camel(name)
        }
    }

    fn claim_with(&mut self, first: &str, numbered: impl Fn(usize) -> String) -> String {
        let mut candidate = first.to_string();
        let mut n = 2;
        while self.used.contains(&candidate) {
            candidate = numbered(n);
            n += 1;
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_converts_and_escapes() {
        assert_eq!(snake_case("imageUrl"), "image_url");
        assert_eq!(snake_case("anonymousVisitorId"), "anonymous_visitor_id");
        assert_eq!(snake_case("type"), "r#type");
        assert_eq!(snake_case("gen"), "r#gen");
        assert_eq!(snake_case("match"), "r#match");
        assert_eq!(snake_case("async"), "r#async");
        assert_eq!(snake_case("self"), "self_");
        assert_eq!(snake_case("super"), "super_");
        assert_eq!(snake_case("crate"), "crate_");
        assert_eq!(snake_case("Self"), "self_");
        assert_eq!(snake_case("union"), "union");
        assert_eq!(snake_case("3dModel"), "_3d_model");
        assert_eq!(snake_case(""), "field");
        assert_eq!(snake_case("$eq"), "eq");
        assert_eq!(snake_case("_id"), "id");
        assert_eq!(snake_case("HTTPCode"), "http_code");
    }

    #[test]
    fn camel_case_types_and_variants() {
        assert_eq!(type_name("ConversationDisplayData"), "ConversationDisplayData");
        assert_eq!(type_name("timeSlot"), "TimeSlot");
        assert_eq!(type_name("Self"), "SelfType");
        assert_eq!(type_name("3d"), "T3d");
        assert_eq!(type_name(""), "Unnamed");
        assert_eq!(variant_name("CHAT"), "Chat");
        assert_eq!(variant_name("IN_PROGRESS"), "InProgress");
        assert_eq!(variant_name("UNKNOWN"), "UnknownValue");
        assert_eq!(variant_name("unknown"), "UnknownValue");
        assert_eq!(variant_name("1_DAY"), "V1Day");
        assert_eq!(variant_name("SELF"), "SelfValue");
        assert_eq!(variant_name(""), "Empty");
    }

    #[test]
    fn modules_features_requests() {
        assert_eq!(module_name("timeSlots"), "time_slots");
        assert_eq!(feature_name("timeSlots"), "time-slots");
        assert_eq!(feature_name("all"), "pkg-all");
        assert_eq!(feature_name("Default"), "pkg-default");
        assert_eq!(feature_name("a.b c"), "a-b-c");
        assert_eq!(module_name("type"), "r#type");
        assert_eq!(request_struct_name("GetConversation"), "GetConversationRequest");
    }

    #[test]
    fn collisions_resolve_in_claim_order() {
        let mut set = NameSet::new();
        assert_eq!(set.claim_snake(&snake_case("fooBar")), "foo_bar");
        assert_eq!(set.claim_snake(&snake_case("foo_bar")), "foo_bar_2");
        assert_eq!(set.claim_snake(&snake_case("FooBar")), "foo_bar_3");
        assert_eq!(set.claim_snake(&snake_case("type")), "r#type");
        assert_eq!(set.claim_snake(&snake_case("TYPE")), "type_2");
        assert_eq!(set.claim_snake(&snake_case("self")), "self_");
        assert_eq!(set.claim_snake(&snake_case("Self")), "self_2");

        let mut types = NameSet::new();
        assert_eq!(types.claim_type("FooBar"), "FooBar");
        assert_eq!(types.claim_type(&type_name("fooBar")), "FooBar2");
        assert_eq!(types.claim_type("String"), "StringType");
        assert_eq!(types.claim_type("StringType"), "StringType2");
    }

    #[test]
    fn one_of_names_depend_on_group_count() {
        assert_eq!(
            one_of_names("ParticipantId", "contactId", 1),
            ("ParticipantIdKind".to_string(), "kind".to_string())
        );
        assert_eq!(
            one_of_names("Foo", "contactId", 2),
            ("FooContactIdKind".to_string(), "contact_id_kind".to_string())
        );
    }

    #[test]
    fn every_keyword_escapes_to_something_usable() {
        for k in RUST_KEYWORDS {
            let e = escape_ident(k);
            assert_ne!(&e, k);
            if NON_RAW_KEYWORDS.contains(k) {
                assert!(e.ends_with('_'), "{e}");
            } else {
                assert_eq!(e, format!("r#{k}"));
            }
        }
    }
}
