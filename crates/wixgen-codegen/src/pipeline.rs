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
//! 3. The model's examples are checked against it ([`crate::layout::check`]),
//!    and [`crate::layout`] emits every file while `COVERAGE.md`
//!    ([`crate::coverage`]), which reads the IR and the checks, is written
//!    beside it on the other core.

use crate::crate_files::CrateOptions;
use crate::format_cache::FormatCache;
use crate::generation::{Generation, Timings};
use crate::layout::{self, EmitOptions};
use crate::render::FileRenderer;
use crate::{GeneratedFiles, Header, coverage};
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
    let (examples, responses) = layout::check(&lowered.api);
    let mut generation = Generation {
        articles: wixgen_ir::articles::placements(&lowered.api),
        api: lowered.api,
        files: GeneratedFiles::new(),
        pages: loaded.reports,
        lower_diagnostics: lowered.diagnostics,
        types: lowered.types,
        examples,
        responses,
        timings: Timings::default(),
        format_cache: None,
    };
    // COVERAGE.md reads the IR and the checks, not the files: it is written
    // on one core while the other starts on the packages (it took a core
    // alone for 4% of the run after them).
    let (files, coverage) = rayon::join(
        || {
            layout::emit_files(
                &generation.api,
                &emit_options,
                &clock,
                &generation.examples,
                &generation.responses,
            )
        },
        || coverage::render(&generation, &options.header),
    );
    generation.files = files;
    generation.files.insert(PathBuf::from(coverage::FILE), coverage);
    generation.format_cache = clock.cache().map(|cache| {
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
    // COVERAGE.md is part of emission.
    generation.timings = Timings {
        bytes: loaded.bytes,
        pages: parsed_at - start,
        parse_cpu: loaded.parse_cpu,
        lower_cpu: loaded.lower_cpu,
        assemble: lowered_at - parsed_at,
        emit_and_format: lowered_at.elapsed(),
        emit_cpu: clock.emit(),
        format_cpu: clock.format(),
    };
    Ok(generation)
}
