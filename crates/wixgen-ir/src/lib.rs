//! Lowering of parsed Wix method pages into a typed IR.
//!
//! The pipeline is parse (`wixgen-schema`) → **lower** (this crate) → emit
//! (`wixgen-codegen`). [`lower`] takes every parsed page, reconciles each
//! page's REST and SDK blocks, unifies the named types of each package across
//! its pages, names everything for Rust ([`names`]) and returns the [`Api`]
//! together with [`IrDiagnostic`]s that name page, line and column.
//!
//! ```
//! let page = "# Ping\n\n# Package: demo\n\n# Namespace: PingService\n\n## REST API\n\n### Schema\n\n```\n \
//!  Method: ping\n URL: https://www.wixapis.com/demo/v1/ping/{id}\n Method: GET\n Method parameters:\n \
//!    param name: id | type: string | description: Thing GUID.\n```\n";
//! let parsed = wixgen_schema::parse(page.as_bytes());
//! let input = wixgen_ir::PageInput { path: "ping.md".into(), page: parsed.page.unwrap() };
//! let out = wixgen_ir::lower(&[input]);
//! for d in &out.diagnostics {
//!     eprintln!("{}", d.one_line()); // ping.md:LINE:COL: warning[W...]: ...
//! }
//! let method = &out.api.packages[0].services[0].methods[0];
//! assert_eq!(method.rust_name, "ping");
//! assert_eq!(method.path_params[0].rust_name, "id");
//! ```
//!
//! Lowering never panics on a page the parser produced. A page that cannot be
//! lowered (no URL or `URL: null`, no HTTP verb, no REST block, a duplicate
//! method) is reported as an error and skipped, its types included; the other
//! pages go on. Choices made for the user are warnings. In short:
//!
//! * **REST is primary**, the SDK block of the same page fills in what REST
//!   lacks: `required` (params, fields, ONE-OF headers), the real type where REST
//!   writes a param's own name, array element types, `Date` for timestamps.
//!   SDK `_id`/`_createdDate`/`_updatedDate` match REST `id`/...; wire names
//!   always come from REST.
//! * **Types** map as `string`→`String` (`Int64`/`Timestamp` by `format`),
//!   `integer`→`Int32`, `number`→`Float64`, `boolean`→`Bool`, `Date`→`Timestamp`,
//!   `object`→`Json`, bare `array`→`Array(Json)` unless another listing knows the
//!   element (arrays named `*Ids` hold strings), named types by name.
//! * **Unification** merges the listings of a type across a package's pages:
//!   identical → merged; extra fields or enum values → union (warning);
//!   different field types → `Json` (warning); ONE-OF member on one page and
//!   regular field on another → regular optional field (warning); one-member
//!   ONE-OF → optional field. Required only if every request listing says so.
//! * **Usage** (`request`/`response`) is transitive from params and responses;
//!   types reachable from neither are dropped.
//! * **Names** follow [`names`]; collisions get numeric suffixes in a fixed order.
//! * **Pagination** is detected from cursor paging in the request (a param, or
//!   a field of a param, whose type is `CursorPaging` or a `limit` + `cursor`
//!   message, at any name: `paging.cursor`, `query.cursorPaging.cursor`) and
//!   `pagingMetadata.cursors.next` plus one array of items in the response.
//! * **Order**: pages by path; packages, services by name; methods and types by
//!   Rust name.

pub mod articles;
mod assemble;
pub mod cpu_clock;
pub mod diag;
pub mod docs;
mod draft;
mod example_shapes;
mod identity;
pub mod load;
mod lower;
pub mod model;
pub mod names;
mod paging;
mod qualify;
pub mod queries;
mod reconcile;
mod samples;
pub mod sdk_names;
pub mod sdk_objects;
pub mod sides;
mod types;
mod unify;
mod url;
mod usage;

pub use diag::{IrDiagnostic, codes};
pub use lower::PageLowering;
pub use model::*;
pub use wixgen_schema::Severity;

/// One parsed page and the path it was read from (used in diagnostics and
/// in every [`SourceRef`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PageInput {
    /// The page's path as the user should see it (`schemas/inbox/get-conversation.md`).
    pub path: String,
    /// The parsed page.
    pub page: wixgen_schema::Page,
}

/// The result of lowering: the IR and everything found along the way.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LowerOutput {
    /// Every package, from the pages that could be lowered.
    pub api: Api,
    /// Errors (a page skipped), warnings (a choice made) and notes, in the order found.
    pub diagnostics: Vec<IrDiagnostic>,
    /// Which listings were merged into one type, which short names split into several.
    pub types: TypeDecisions,
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
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning)
    }

    /// The notes.
    pub fn notes(&self) -> impl Iterator<Item = &IrDiagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Note)
    }
}

/// Lowers parsed pages into the IR. Pages are processed in path order, so the
/// result does not depend on the order of `pages`.
///
/// The same as [`lower_page`] on every page, then [`assemble`].
pub fn lower(pages: &[PageInput]) -> LowerOutput {
    lower::lower(pages)
}

/// The first half of [`lower`], for one page: what does not depend on the
/// other pages (reconciling the REST and SDK halves, drafting the method and
/// the type listings). A generator can lower each page as soon as it is parsed
/// and drop the page model, instead of holding every page until the end.
pub fn lower_page(page: &PageInput) -> PageLowering {
    lower::lower_one(page)
}

/// The second half of [`lower`]: the packages from every page's
/// [`lower_page`], in path order whatever the order given.
pub fn assemble(pages: Vec<PageLowering>) -> LowerOutput {
    lower::assemble_pages(pages)
}
