//! [`Pieces`]: the code of a file as emitted, token streams and syntax trees
//! in order.
//!
//! Most of a file is token streams from `quote!`, which prettyplease formats
//! after `syn` parses them; the items every type repeats are built as `syn`
//! items (`emit/ast.rs`) and skip that parse. The same pieces give the
//! tokens of the one-file form and `include_api!`.

use proc_macro2::TokenStream;
use quote::ToTokens;

/// One piece of a file.
#[derive(Clone)]
pub enum Piece {
    /// Tokens of zero or more items (inner attributes only at the start of a file).
    Tokens(TokenStream),
    /// One item, already a syntax tree.
    Item(Box<syn::Item>),
}

/// The code of a file (or of part of one), in order.
#[derive(Clone, Default)]
pub struct Pieces(Vec<Piece>);

impl Pieces {
    /// No code.
    pub fn new() -> Self {
        Pieces(Vec::new())
    }

    /// One item.
    pub fn item(item: syn::Item) -> Self {
        Pieces(vec![Piece::Item(Box::new(item))])
    }

    /// Appends tokens (merged with tokens before them).
    pub fn push_tokens(&mut self, tokens: TokenStream) {
        if tokens.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(Piece::Tokens(last)) => last.extend(tokens),
            _ => self.0.push(Piece::Tokens(tokens)),
        }
    }

    /// Appends an item.
    pub fn push_item(&mut self, item: syn::Item) {
        self.0.push(Piece::Item(Box::new(item)));
    }

    /// Appends other pieces.
    pub fn append(&mut self, other: Pieces) {
        for piece in other.0 {
            match piece {
                Piece::Tokens(tokens) => self.push_tokens(tokens),
                Piece::Item(item) => self.0.push(Piece::Item(item)),
            }
        }
    }

    /// The pieces in order: no two token pieces in a row.
    pub fn into_vec(self) -> Vec<Piece> {
        self.0
    }

    /// All of it as one token stream.
    pub fn to_tokens(&self) -> TokenStream {
        let mut out = TokenStream::new();
        for piece in &self.0 {
            match piece {
                Piece::Tokens(tokens) => out.extend(tokens.clone()),
                Piece::Item(item) => item.to_tokens(&mut out),
            }
        }
        out
    }
}

impl From<TokenStream> for Pieces {
    fn from(tokens: TokenStream) -> Self {
        let mut pieces = Pieces::new();
        pieces.push_tokens(tokens);
        pieces
    }
}

impl std::fmt::Debug for Pieces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pieces").field(&self.to_tokens().to_string()).finish()
    }
}
