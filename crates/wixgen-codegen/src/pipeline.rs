//! The generator's driver: load → check examples → layout → reports, over a
//! directory of pages.
//!
//! 1. The load stage ([`wixgen_ir::load`]) finds the pages, parses them (again
//!    with every page's type knowledge where nesting asked), lowers each method
//!    page and takes out its examples; a page with parse errors is skipped and
//!    reported; a markdown file that is not a method page is an article.
//! 2. The lowered pages are assembled into the IR, each example put on its
//!    method and each article with the package whose method pages share its
//!    folder ([`wixgen_ir::articles`]), or left unplaced with a note (outside
//!    package folders) or a warning.
//! 3. [`crate::layout`] checks the model's examples against it and emits every
//!    file; `COVERAGE.md` ([`crate::coverage`]) only reads the result.

use crate::Header;
use crate::crate_files::CrateOptions;
use crate::format_cache::FormatCache;
use crate::generation::{Generation, Timings};
use crate::layout::{self, EmitOptions};
use crate::render::FileRenderer;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;
pub use wixgen_ir::load::{PageReport, PageStatus};

#[derive(Debug, Clone)]
pub struct Options {
    /// How page paths are written in reports, IR source references and
    /// generated comments: `<label>/<path under the directory>`. `schemas` for
    /// the checked-in crate.
    pub label: String,
    pub header: Header,
    pub krate: CrateOptions,
    /// A [`FormatCache`] file: files whose tokens it knows are not formatted
    /// again, and it is saved after the run. `None`: format every file.
    pub format_cache: Option<PathBuf>,
}

impl Options {
    /// The options of the checked-in `crates/wix-apis`.
    pub fn checked_in() -> Self {
        Options {
            label: "schemas".to_owned(),
            header: Header::checked_in(),
            krate: CrateOptions::default(),
            format_cache: None,
        }
    }
}

/// Generate the crate from every page under `schemas_dir`.
pub fn generate(schemas_dir: &Path, options: &Options) -> io::Result<Generation> {
    let start = Instant::now();
    let rels = wixgen_schema::find_pages(schemas_dir)?;
    let mut loaded = wixgen_ir::load::load_pages(schemas_dir, &rels, &options.label)?;
    let parsed_at = Instant::now();
    let lowered = loaded.assemble();
    let lowered_at = Instant::now();
    let emit_options = EmitOptions {
        header: options.header.clone(),
        krate: options.krate.clone(),
    };
    let clock = match &options.format_cache {
        Some(path) => FileRenderer::with_cache(FormatCache::load(path)),
        None => FileRenderer::default(),
    };
    let emitted = layout::emit_checked(&lowered.api, &emit_options, &clock);
    let emitted_at = Instant::now();
    let format_cache = clock.cache().map(|cache| {
        let saved = match cache.save() {
            Ok(()) => String::new(),
            Err(e) => format!("; not saved ({e}): the next run formats every file"),
        };
        format!(
            "note: format cache {}: {} of {} file(s) taken from it, not formatted again{saved}",
            cache.path().display(),
            cache.hits(),
            cache.lookups(),
        )
    });
    let mut generation = Generation {
        articles: wixgen_ir::articles::placements(&lowered.api),
        api: lowered.api,
        files: emitted.files,
        pages: loaded.reports,
        lower_diagnostics: lowered.diagnostics,
        types: lowered.types,
        examples: emitted.examples,
        responses: emitted.responses,
        timings: Timings {
            bytes: loaded.bytes,
            pages: parsed_at - start,
            parse_cpu: loaded.parse_cpu,
            lower_cpu: loaded.lower_cpu,
            assemble: lowered_at - parsed_at,
            emit_and_format: emitted_at - lowered_at,
            emit_cpu: clock.emit(),
            format_cpu: clock.format(),
        },
        format_cache,
    };
    generation.add_coverage(&options.header);
    // COVERAGE.md is part of emission.
    generation.timings.emit_and_format = lowered_at.elapsed();
    Ok(generation)
}
