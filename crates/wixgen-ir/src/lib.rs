//! Lowering of parsed Wix method pages into a typed IR.
//!
//! The pipeline is parse (`wixgen-schema`) → **lower** (this crate) → emit
//! (`wixgen-codegen`). [`lower`] takes every parsed page, reconciles each
//! page's REST and SDK blocks, unifies the named types of each package across
//! its pages, names everything for Rust ([`names`]) and returns the [`Api`]
//! together with [`IrDiagnostic`]s that name page, line and column.
//!
//! ```no_run
//! # fn pages() -> Vec<wixgen_ir::PageInput> { Vec::new() }
//! let out = wixgen_ir::lower(&pages());
//! for d in &out.diagnostics {
//!     eprintln!("{}", d.one_line());
//! }
//! for package in &out.api.packages {
//!     println!("{} ({} types)", package.module, package.types.len());
//! }
//! ```
//!
//! Lowering never panics on a page the parser produced. A page that cannot be
//! lowered (no URL, no verb, no REST block, a duplicate method) is reported as
//! an error and skipped, types and all; the other pages go on. Choices made
//! for the user (a type conflict between two pages, a REST defect resolved
//! from the SDK) are warnings.
//!
//! The rules are documented where they live: [`reconcile`](crate) (REST vs
//! SDK) in `reconcile.rs`, type mapping in `types.rs`, cross-page unification in
//! `unify.rs`, pagination in `paging.rs`.

mod assemble;
pub mod diag;
pub mod docs;
mod draft;
mod lower;
pub mod model;
pub mod names;
mod paging;
mod reconcile;
mod types;
mod unify;
mod url;
mod usage;

pub use diag::{IrDiagnostic, codes};
pub use model::*;
pub use wixgen_schema::Severity;

use serde::Serialize;

/// One parsed page and the path it was read from (used in diagnostics and
/// in every [`SourceRef`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PageInput {
    pub path: String,
    pub page: wixgen_schema::Page,
}

/// The result of lowering: the IR and everything found along the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LowerOutput {
    pub api: Api,
    pub diagnostics: Vec<IrDiagnostic>,
}

impl LowerOutput {
    /// True when some page was skipped because of an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(IrDiagnostic::is_error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &IrDiagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &IrDiagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Lowers parsed pages into the IR. Pages are processed in path order, so the
/// result does not depend on the order of `pages`.
pub fn lower(pages: &[PageInput]) -> LowerOutput {
    lower::lower(pages)
}
