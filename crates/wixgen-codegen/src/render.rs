//! Token streams to file text: prettyplease formatting, the header line, the
//! marker that keeps `cargo fmt` off generated files, and [`FileRenderer`],
//! which times emission and formatting and serves formatted text from the
//! format cache.

use crate::Header;
use crate::format_cache::FormatCache;
use crate::pieces::{Piece, Pieces};
use proc_macro2::TokenStream;
use quote::quote;
use std::time::Duration;
use wixgen_ir::cpu_clock::CpuClock;

/// CPU time spent building token streams (`emit`) and formatting them
/// (`format`), summed over the threads that did it.
#[derive(Debug, Default)]
pub struct FileRenderer {
    pub(crate) emit: CpuClock,
    format: CpuClock,
    cache: Option<FormatCache>,
}

impl FileRenderer {
    /// A clock whose files are formatted through `cache` (files whose tokens
    /// it knows are not formatted again).
    pub fn with_cache(cache: FormatCache) -> Self {
        FileRenderer {
            cache: Some(cache),
            ..FileRenderer::default()
        }
    }

    /// The format cache, when there is one.
    pub fn cache(&self) -> Option<&FormatCache> {
        self.cache.as_ref()
    }

    /// Time spent building tokens.
    pub fn emit(&self) -> Duration {
        self.emit.get()
    }

    /// Time spent formatting.
    pub fn format(&self) -> Duration {
        self.format.get()
    }

    /// Builds a file's code with `build`, then formats it, timing both.
    pub(crate) fn file(&self, header: &Header, build: impl FnOnce() -> Pieces) -> String {
        let code = self.emit.time(build);
        self.format.time(|| {
            let mut pieces = Pieces::from(skip_rustfmt(TokenStream::new()));
            pieces.append(code);
            let body = match &self.cache {
                Some(cache) => cache.render(pieces, format_pieces),
                None => format_pieces(pieces),
            };
            header.rust_line() + &body
        })
    }
}

/// A file of the generated crate: header line, then the formatted tokens,
/// marked so that `cargo fmt` leaves it as generated (rustfmt and prettyplease
/// disagree on details, and `cargo xtask gen --check` compares bytes).
pub(crate) fn render(header: &Header, tokens: TokenStream) -> String {
    format!("{}{}", header.rust_line(), format_file(skip_rustfmt(tokens)))
}

/// `tokens` behind the inner attribute that keeps `cargo fmt` off the file.
fn skip_rustfmt(tokens: TokenStream) -> TokenStream {
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #tokens
    }
}

/// The one-file form: header line and formatted tokens.
pub(crate) fn render_single(header: &Header, tokens: TokenStream) -> String {
    format!("{}{}", header.rust_line(), format_file(tokens))
}

/// Format tokens as a file with `prettyplease`.
///
/// # Panics
/// If the tokens do not parse as a file: that is a bug in this crate, since
/// page text only ever enters the tokens as identifiers (checked) and literals.
/// Top-level items are separated by a blank line.
pub fn format_file(tokens: TokenStream) -> String {
    format_pieces(Pieces::from(tokens))
}

/// [`format_file`] of code whose items are partly syntax trees already: only
/// the token pieces are parsed. Inner attributes are taken from the first
/// piece only (they can only start a file).
///
/// # Panics
/// As [`format_file`].
pub fn format_pieces(pieces: Pieces) -> String {
    let mut file: Option<syn::File> = None;
    let mut items = Vec::new();
    for piece in pieces.into_vec() {
        match piece {
            // Parsed without a copy of the tokens kept for the message: the
            // copy cost a clone of every top-level token of every file.
            Piece::Tokens(tokens) => {
                let mut parsed: syn::File = crate::emit::ast::parse(tokens);
                if !parsed.attrs.is_empty() && (file.is_some() || !items.is_empty()) {
                    panic!("wixgen-codegen produced inner attributes after an item");
                }
                items.append(&mut parsed.items);
                if file.is_none() {
                    file = Some(parsed);
                }
            }
            Piece::Item(item) => items.push(*item),
        }
    }
    let mut file = file.unwrap_or_else(|| syn::File {
        shebang: None,
        frontmatter: None,
        attrs: Vec::new(),
        items: Vec::new(),
    });
    let mut out = prettyplease::unparse(&file);
    file.attrs.clear();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 || !out.is_empty() {
            out.push('\n');
        }
        file.items = vec![item];
        out.push_str(&prettyplease::unparse(&file));
    }
    out
}
