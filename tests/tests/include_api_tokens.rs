//! `include_api!` expands to the checked-in code, token for token.
//!
//! The macro is a thin wrapper around [`wixgen_codegen::inline::expand`]
//! (it adds only `include_bytes!` lines for rebuild tracking,
//! [`Expansion::tracking`]), so these tests call that function and compare its
//! package modules ([`Expansion::modules`]) with:
//!
//! - the checked-in package crates under `crates/wix-apis/packages/`, read the
//!   way rustc reads a crate: `src/lib.rs` with each `pub mod x;` replaced by
//!   the items of `src/x.rs`, the crate's `#![allow(..)]` moved onto the module
//!   (`#[allow(..)] pub mod <package> {..}`), minus what only a crate file has:
//!   the `#![cfg_attr(rustfmt, rustfmt::skip)]` markers and the
//!   `#[cfg(test)] mod page_tests;` of the tests generated from the pages
//!   (comments, like the `// @generated` header, are not tokens);
//! - for the GetOrCreateConversation page alone, the golden
//!   `tests/golden/get_or_create_conversation.rs` (that page generated alone),
//!   minus its `fn main() {}`.
//!
//! Both sides are printed the way `wixgen gen` prints every file it writes
//! ([`wixgen_codegen::format_file`], prettyplease), at the same nesting,
//! and read back before they are compared: printing is the only step between
//! the generator's tokens and the checked-in files, and it drops trailing
//! commas and braces that change nothing, adds trailing commas where it breaks
//! a list over lines (which depends on the nesting: a package crate's file is
//! not nested in `pub mod <package>`) and turns `#[doc = r"..."]` into `///`
//! comments. (The macro hands rustc its tokens unprinted: printing would cost
//! time and change no code.) Then the two are compared as token strings
//! (`TokenStream::to_string`), so any difference in the generated code, down
//! to one token or literal, fails.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use std::path::Path;
use syn::{AttrStyle, Attribute, File, Item};
use wixgen_codegen::inline::{Expansion, expand};

fn parse_file(path: &Path) -> File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_rustfmt_skip(attr: &Attribute) -> bool {
    attr.path().is_ident("cfg_attr") && attr.to_token_stream().to_string().contains("rustfmt")
}

fn is_cfg_test(attr: &Attribute) -> bool {
    attr.path().is_ident("cfg") && attr.to_token_stream().to_string().contains("test")
}

/// The file's inner attributes (minus the rustfmt marker) and its items.
fn file_contents(file: File) -> TokenStream {
    let attrs = file.attrs.into_iter().filter(|a| !is_rustfmt_skip(a));
    let items = file.items;
    quote!(#(#attrs)* #(#items)*)
}

/// A checked-in package crate as the inline module `include_api!` expands to.
fn checked_in_module(crate_dir: &Path) -> TokenStream {
    let module = syn::parse_str::<syn::Ident>(&crate_dir.file_name().expect("package directory").to_string_lossy())
        .expect("package module name");
    let lib = parse_file(&crate_dir.join("src/lib.rs"));
    let mut outer = Vec::new();
    let mut inner = Vec::new();
    for mut attr in lib.attrs {
        if is_rustfmt_skip(&attr) {
            continue;
        }
        if attr.path().is_ident("allow") {
            attr.style = AttrStyle::Outer;
            outer.push(attr);
        } else {
            inner.push(attr);
        }
    }
    let mut items = Vec::new();
    for item in lib.items {
        match item {
            Item::Mod(m) if m.content.is_none() => {
                if m.attrs.iter().any(is_cfg_test) {
                    continue;
                }
                let file = parse_file(&crate_dir.join("src").join(format!("{}.rs", m.ident)));
                let (attrs, vis, ident, contents) = (&m.attrs, &m.vis, &m.ident, file_contents(file));
                items.push(quote!(#(#attrs)* #vis mod #ident { #contents }));
            }
            other => items.push(other.into_token_stream()),
        }
    }
    quote! {
        #(#outer)*
        pub mod #module {
            #(#inner)*
            #(#items)*
        }
    }
}

/// Tokens as `wixgen gen` would print them, read back.
fn printed(tokens: &TokenStream) -> TokenStream {
    let text = wixgen_codegen::format_file(tokens.clone());
    let file = syn::parse_file(&text).expect("printed tokens parse");
    file.into_token_stream()
}

/// Fails at the first differing token, showing some context around it.
fn assert_same_tokens(expansion: &TokenStream, expected: &TokenStream, what: &str) {
    let (actual, expected) = (printed(expansion).to_string(), printed(expected).to_string());
    if actual == expected {
        return;
    }
    let at = actual
        .char_indices()
        .zip(expected.chars())
        .find(|((_, a), b)| a != b)
        .map_or(actual.len().min(expected.len()), |((i, _), _)| i);
    let window = |s: &str| {
        let (mut start, mut end) = (at.saturating_sub(200), (at + 200).min(s.len()));
        while !s.is_char_boundary(start) {
            start -= 1;
        }
        while !s.is_char_boundary(end) {
            end += 1;
        }
        s[start..end].to_owned()
    };
    panic!(
        "{what}: the expansion differs from the checked-in code at byte {at}\n  expansion: …{}…\n  checked in: …{}…",
        window(&actual),
        window(&expected)
    );
}

fn expand_ok(root: &Path, path: &str) -> Expansion {
    expand(root, path).unwrap_or_else(|e| panic!("include_api!({path:?}) fails: {e}"))
}

#[test]
fn inbox_directory_expands_to_the_checked_in_inbox_package() {
    let root = wixgen_tests::workspace_root();
    let expansion = expand_ok(&root, "schemas/inbox");
    let expected = checked_in_module(&root.join("crates/wix-apis/packages/inbox"));
    assert_same_tokens(&expansion.modules, &expected, "schemas/inbox");
}

#[test]
fn all_of_schemas_expands_to_every_checked_in_package() {
    let root = wixgen_tests::workspace_root();
    let expansion = expand_ok(&root, "schemas");
    let packages_dir = root.join("crates/wix-apis/packages");
    let mut dirs: Vec<_> = std::fs::read_dir(&packages_dir)
        .expect("packages")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("src/lib.rs").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 2, "{dirs:?}");
    let expected: TokenStream = dirs.iter().map(|d| checked_in_module(d)).collect();
    assert_same_tokens(&expansion.modules, &expected, "schemas");
}

#[test]
fn get_or_create_conversation_page_expands_to_its_golden() {
    let root = wixgen_tests::workspace_root();
    let expansion = expand_ok(&root, "schemas/inbox/get-or-create-conversation.md");
    let mut golden = parse_file(&root.join("tests/golden/get_or_create_conversation.rs"));
    let main = golden.items.pop();
    assert!(
        matches!(&main, Some(Item::Fn(f)) if f.sig.ident == "main"),
        "the golden ends with `fn main() {{}}`"
    );
    assert_same_tokens(
        &expansion.modules,
        &file_contents(golden),
        "get-or-create-conversation.md",
    );
}

/// The comparison itself can fail: a one-token change to the checked-in
/// code is caught.
#[test]
fn a_one_token_difference_is_caught() {
    let root = wixgen_tests::workspace_root();
    let expansion = expand_ok(&root, "schemas/inbox");
    let expected = checked_in_module(&root.join("crates/wix-apis/packages/inbox"));
    let altered: TokenStream = expected
        .to_string()
        .replacen("pub struct", "pub(crate) struct", 1)
        .parse()
        .expect("tokens");
    let result = std::panic::catch_unwind(|| assert_same_tokens(&expansion.modules, &altered, "altered"));
    assert!(result.is_err());
}
