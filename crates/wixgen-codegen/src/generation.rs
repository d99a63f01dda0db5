//! What a generation produced ([`Generation`]): the IR, the files, what
//! happened to each page, the checked examples, the placed articles and where
//! the time went. The reports ([`crate::coverage`], the text report) read it;
//! nothing here decides anything.

use crate::GeneratedFiles;
use crate::examples::CheckedExample;
use crate::response_examples::CheckedResponse;
use std::time::Duration;
use wixgen_ir::articles::Placement;
use wixgen_ir::load::{PageReport, PageStatus};
use wixgen_ir::{IrDiagnostic, TypeDecisions};

/// The outcome of [`crate::generate`].
#[derive(Debug, Clone)]
pub struct Generation {
    pub api: wixgen_ir::Api,
    pub files: GeneratedFiles,
    pub pages: Vec<PageReport>,
    pub lower_diagnostics: Vec<IrDiagnostic>,
    /// Which listings became one type, which short names several.
    pub types: TypeDecisions,
    pub examples: Vec<CheckedExample>,
    /// The JavaScript examples' `/* Promise resolves to: */` objects, checked.
    pub responses: Vec<CheckedResponse>,
    /// The article pages, and the package docs each joined (read from the
    /// model: [`wixgen_ir::articles::placements`]).
    pub articles: Vec<Placement>,
    /// Where the time went.
    pub timings: Timings,
    /// What the format cache did (`Options::format_cache`), one line.
    pub format_cache: Option<String>,
}

impl Generation {
    /// True when some page was skipped because of an error (parse or lowering).
    pub fn has_errors(&self) -> bool {
        self.pages.iter().any(|p| p.status == PageStatus::ParseErrors)
            || self.lower_diagnostics.iter().any(IrDiagnostic::is_error)
    }
}

/// Where [`crate::generate`] spent its time. Stages that run interleaved on several
/// threads (reading and parsing with lowering each page; building token
/// streams with formatting them) are measured as one wall time, shared out by
/// the CPU time each half took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Bytes of pages read.
    pub bytes: usize,
    /// Wall time reading, parsing and lowering each page.
    pub pages: Duration,
    /// CPU time reading and parsing (both resolutions), summed over threads.
    pub parse_cpu: Duration,
    /// CPU time lowering single pages, summed over threads.
    pub lower_cpu: Duration,
    /// Wall time assembling the lowered pages into packages.
    pub assemble: Duration,
    /// Wall time building and formatting every file.
    pub emit_and_format: Duration,
    /// CPU time building token streams, summed over threads.
    pub emit_cpu: Duration,
    /// CPU time formatting them with prettyplease, summed over threads.
    pub format_cpu: Duration,
}

/// `wall` shared out between two halves by their CPU times.
fn share(wall: Duration, first_cpu: Duration, second_cpu: Duration) -> (f64, f64) {
    let cpu = first_cpu.as_secs_f64() + second_cpu.as_secs_f64();
    let first = if cpu > 0.0 {
        wall.as_secs_f64() * first_cpu.as_secs_f64() / cpu
    } else {
        0.0
    };
    (first, wall.as_secs_f64() - first)
}

impl Timings {
    /// Wall seconds of parse, lower, emit and format.
    pub fn stages(&self) -> [f64; 4] {
        let (parse, lower_pages) = share(self.pages, self.parse_cpu, self.lower_cpu);
        let (emit, format) = share(self.emit_and_format, self.emit_cpu, self.format_cpu);
        [parse, lower_pages + self.assemble.as_secs_f64(), emit, format]
    }

    /// One line for `--timings`: stage times and shares, and throughput;
    /// `write` is the caller's.
    pub fn line(&self, write: Duration) -> String {
        let [parse, lower, emit, format] = self.stages();
        let write = write.as_secs_f64();
        let total = parse + lower + emit + format + write;
        let pct = |d: f64| if total > 0.0 { 100.0 * d / total } else { 0.0 };
        format!(
            "timings: total {total:.2}s, {:.1} MB/s; parse {parse:.2}s ({:.0}%), lower {lower:.2}s ({:.0}%), emit {emit:.2}s ({:.0}%), format {format:.2}s ({:.0}%), write {write:.2}s ({:.0}%) [parse+lower and emit+format run interleaved; their wall times are shared out by CPU time]",
            self.bytes as f64 / 1e6 / total.max(1e-9),
            pct(parse),
            pct(lower),
            pct(emit),
            pct(format),
            pct(write),
        )
    }
}
