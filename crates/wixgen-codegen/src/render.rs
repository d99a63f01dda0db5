//! Token streams to file text: prettyplease formatting, the header line, the
//! marker that keeps `cargo fmt` off generated files, and [`FileRenderer`],
//! which times emission and formatting and serves formatted text from the
//! format cache.

use crate::Header;
use crate::format_cache::FormatCache;
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

    /// Builds a file's tokens with `build`, then formats them, timing both.
    pub(crate) fn file(&self, header: &Header, build: impl FnOnce() -> TokenStream) -> String {
        let tokens = self.emit.time(build);
        self.format.time(|| match &self.cache {
            Some(cache) => {
                let line = header.rust_line();
                let body = cache.render(skip_rustfmt(tokens), format_file);
                line + &body
            }
            None => render(header, tokens),
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
    // Parsed without a copy of the tokens kept for the message: the copy
    // cost a clone of every top-level token of every file.
    let mut file = match syn::parse2::<syn::File>(tokens) {
        Ok(file) => file,
        Err(e) => panic!("wixgen-codegen produced invalid Rust: {e}"),
    };
    let items = std::mem::take(&mut file.items);
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
