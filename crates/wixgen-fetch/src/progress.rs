//! Progress while downloading: a progress bar when stderr is a terminal, plain
//! lines when it is not (CI logs, pipes), nothing when quiet. Tests capture the
//! lines.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

/// Where progress goes.
pub struct Reporter {
    mode: Mode,
}

enum Mode {
    Bar(ProgressBar),
    Lines,
    Quiet,
    Capture(Mutex<Vec<String>>),
}

impl Reporter {
    /// A bar when stderr is a terminal, plain lines on stderr otherwise.
    pub fn stderr() -> Self {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(0);
            let style = ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
                .expect("a valid template")
                .progress_chars("=> ");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(120));
            Reporter { mode: Mode::Bar(bar) }
        } else {
            Reporter { mode: Mode::Lines }
        }
    }

    /// Plain lines on stderr, whatever stderr is.
    pub fn lines() -> Self {
        Reporter { mode: Mode::Lines }
    }

    /// Nothing.
    pub fn quiet() -> Self {
        Reporter { mode: Mode::Quiet }
    }

    /// Keeps the lines for [`Reporter::captured`].
    pub fn capture() -> Self {
        Reporter {
            mode: Mode::Capture(Mutex::new(Vec::new())),
        }
    }

    /// The lines kept by a [`Reporter::capture`] reporter.
    pub fn captured(&self) -> Vec<String> {
        match &self.mode {
            Mode::Capture(lines) => lines.lock().map(|l| l.clone()).unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// `n` more pages are known (the bar's length grows).
    pub fn queued(&self, n: usize) {
        if let Mode::Bar(bar) = &self.mode {
            bar.inc_length(n as u64);
        }
    }

    /// A request starts.
    pub fn started(&self, url: &str) {
        if let Mode::Bar(bar) = &self.mode {
            bar.set_message(url.to_owned());
        }
    }

    /// A page was downloaded and classified.
    pub fn fetched(&self, url: &str, what: &str) {
        if let Mode::Bar(bar) = &self.mode {
            bar.inc(1);
        }
        self.line(format!("fetched {url} ({what})"));
    }

    /// A page could not be downloaded.
    pub fn failed(&self, url: &str, why: &str) {
        if let Mode::Bar(bar) = &self.mode {
            bar.inc(1);
        }
        self.line(format!("failed {url}: {why}"));
    }

    /// A request is retried after `delay`.
    pub fn retrying(&self, url: &str, why: &str, delay: Duration, attempt: usize, attempts: usize) {
        self.line(format!(
            "retrying {url} in {:.1}s: {why} (attempt {} of {attempts})",
            delay.as_secs_f64(),
            attempt + 1
        ));
    }

    /// Any other note.
    pub fn note(&self, text: &str) {
        self.line(text.to_owned());
    }

    /// Clear the bar.
    pub fn finish(&self) {
        if let Mode::Bar(bar) = &self.mode {
            bar.finish_and_clear();
        }
    }

    fn line(&self, text: String) {
        match &self.mode {
            Mode::Bar(bar) => bar.println(text),
            Mode::Lines => eprintln!("{text}"),
            Mode::Quiet => {}
            Mode::Capture(lines) => {
                if let Ok(mut l) = lines.lock() {
                    l.push(text);
                }
            }
        }
    }
}
