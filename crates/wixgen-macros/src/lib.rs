//! `include_api!`: the bindings `wixgen gen` writes, generated inside your own
//! build from the method pages you choose.
//!
//! ```rust,no_run
//! // Cargo.toml: [dependencies] wixgen-macros, wix-client; nothing else.
//! // (Your path would be like "pages/inbox"; this example reads the pages of
//! // the wixgen workspace, relative to this crate.)
//! wixgen_macros::include_api!("../../schemas/inbox");
//!
//! async fn run(client: wix_client::Client) -> Result<(), wix_client::Error> {
//!     let conversations = inbox::ConversationsService::new(client);
//!     let request = inbox::GetOrCreateConversationRequest::new(
//!         inbox::ParticipantIdKind::AnonymousVisitorId("40096143-...".into()),
//!     );
//!     let response = conversations.get_or_create_conversation(&request).await?;
//!     println!("{:?}", response.conversation);
//!     Ok(())
//! }
//! # fn main() {}
//! ```
//!
//! # The argument
//!
//! One string literal: a method page, or a directory searched recursively for
//! `*.md` pages (hidden directories and `target/` skipped), relative to the
//! directory of the calling crate's `Cargo.toml` (`CARGO_MANIFEST_DIR`).
//! Markdown files that are not method pages (a README, an article) are
//! skipped, as `wixgen gen` skips them.
//!
//! # The expansion
//!
//! The same code `wixgen gen` writes for those pages, from the same
//! implementation ([`wixgen_codegen::inline::expand`]): one module per package
//! (`pub mod inbox { pub mod types {..} pub mod conversations_service {..} .. }`,
//! with the package's types and clients re-exported at its root), at the place
//! of the call. The code names nothing but `wix_client` (serde, serde_json and
//! futures through `wix_client::reexports`), so the calling crate needs no
//! other dependency.
//!
//! # Errors and warnings
//!
//! An unreadable path, a directory without method pages, and every error of
//! a page (the parser's or lowering's) are compile errors pointing at the
//! argument, each with the page's path (as you wrote it, relative to the
//! manifest directory), line and column, the message and the hint. Warnings
//! do not fail the build and are not shown (stable Rust gives proc macros no
//! way to emit a warning that `-D warnings` would not turn into an error):
//! run `wixgen parse <pages>` or `wixgen gen --schemas <dir>` to see them.
//!
//! # Rebuilds
//!
//! Stable Rust has no API for a proc macro to declare the files it reads, so
//! the expansion includes every file it read with `include_bytes!` (in an
//! unused constant, which adds nothing to the binary). rustc then lists them
//! among the crate's inputs, and Cargo rebuilds the crate, expanding the macro
//! again, when a page **changes or is removed**.
//!
//! A page **added** to a directory is not among those inputs. To pick up new
//! pages without touching a source file, give the calling crate a build script
//! that watches the directory (Cargo then compares the modification times of
//! everything under it):
//!
//! ```text
//! // build.rs
//! fn main() {
//!     println!("cargo::rerun-if-changed=pages");
//! }
//! ```
//!
//! (Needs no build dependency. A build script that prints any
//! `rerun-if-changed` line is re-run only for those paths; Cargo rebuilds the
//! crate whenever it re-runs.)

use proc_macro::TokenStream;
use std::path::PathBuf;
use syn::LitStr;

/// Expands to the bindings of the method pages at a path relative to the
/// calling crate's `CARGO_MANIFEST_DIR`: a page, or a directory searched
/// recursively for `*.md` pages. See the [crate] documentation.
#[proc_macro]
pub fn include_api(input: TokenStream) -> TokenStream {
    let path = syn::parse_macro_input!(input as LitStr);
    expand(&path).unwrap_or_else(|e| e.to_compile_error()).into()
}

fn expand(path: &LitStr) -> Result<proc_macro2::TokenStream, syn::Error> {
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| {
            syn::Error::new(
                path.span(),
                "CARGO_MANIFEST_DIR is not set: `include_api!` resolves its path against it, so build with Cargo",
            )
        })?;
    match wixgen_codegen::inline::expand(&base, &path.value()) {
        Ok(expansion) => Ok(expansion.into_tokens()),
        Err(e) => {
            let mut errors = e.messages().into_iter().map(|m| syn::Error::new(path.span(), m));
            let mut first = errors
                .next()
                .unwrap_or_else(|| syn::Error::new(path.span(), e.to_string()));
            errors.for_each(|next| first.combine(next));
            Err(first)
        }
    }
}
