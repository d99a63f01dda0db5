//! The page text and the mapping from byte offsets to line and column.

use crate::diag::Diagnostic;
use crate::model::Span;
use std::borrow::Cow;
use std::cell::Cell;

/// A page's text with a line index. Offsets are byte offsets into `text`,
/// which is the input minus a leading byte-order mark (so columns match what
/// an editor shows).
pub(crate) struct Source<'a> {
    pub text: Cow<'a, str>,
    /// Byte length of the stripped byte-order mark (0 or 3), added back to
    /// offsets so spans index the page's bytes. (For a page that is not valid
    /// UTF-8, spans index the text with invalid bytes replaced by U+FFFD, which
    /// is what `String::from_utf8_lossy` gives `Diagnostic::render`.)
    bom: usize,
    line_starts: Vec<usize>,
    /// Per line, whether it holds a non-ASCII byte (where a column must count
    /// characters); empty when the whole text is ASCII.
    non_ascii: Vec<bool>,
    /// The line of the last span: spans are mostly asked in page order, so the
    /// next one is usually on the same line or the next.
    last_line: Cell<usize>,
}

impl<'a> Source<'a> {
    /// Decode `bytes`, reporting a byte-order mark and invalid UTF-8.
    pub fn new(bytes: &'a [u8], diags: &mut Vec<Diagnostic>) -> Self {
        let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (3, rest),
            None => (0, bytes),
        };
        let text = match std::str::from_utf8(body) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let at = e.valid_up_to();
                let lossy = String::from_utf8_lossy(body).into_owned();
                let src = Source::index(Cow::Borrowed(&lossy[..]), bom);
                diags.push(
                    Diagnostic::error(
                        "E002",
                        src.span(at, 1),
                        "the page is not valid UTF-8; invalid bytes were replaced with U+FFFD",
                    )
                    .with_help("save the page as UTF-8 (fetch it again with `curl -sSL '<method link>'`)"),
                );
                Cow::Owned(lossy)
            }
        };
        let src = Source::index(text, bom);
        if bom > 0 {
            diags.push(
                Diagnostic::warning(
                    "W001",
                    src.span(0, 0),
                    "the page starts with a byte-order mark; it was ignored",
                )
                .with_help("save the page as UTF-8 without a BOM"),
            );
        }
        src
    }

    fn index(text: Cow<'a, str>, bom: usize) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let non_ascii = if text.is_ascii() {
            Vec::new()
        } else {
            let bytes = text.as_bytes();
            (0..line_starts.len())
                .map(|i| {
                    let end = line_starts.get(i + 1).copied().unwrap_or(bytes.len());
                    !bytes[line_starts[i]..end].is_ascii()
                })
                .collect()
        };
        Self {
            text,
            bom,
            line_starts,
            non_ascii,
            last_line: Cell::new(0),
        }
    }

    /// The index of the line holding byte `offset` (at most `text.len()`).
    fn line_of(&self, offset: usize) -> usize {
        let starts = &self.line_starts;
        let last = self.last_line.get();
        // The last span's line, or the one after it.
        for i in [last, last + 1] {
            if starts.get(i).is_some_and(|&s| s <= offset) && starts.get(i + 1).is_none_or(|&s| s > offset) {
                self.last_line.set(i);
                return i;
            }
        }
        let i = starts.partition_point(|&s| s <= offset) - 1;
        self.last_line.set(i);
        i
    }

    /// The byte positions of the `\n`s in `part`, as
    /// `memchr::memchr_iter(b'\n', part)` gives them: read from the line index
    /// when `part` is a slice of `text` (no new scan), scanned otherwise.
    pub fn newlines_in<'s>(&'s self, part: &'s str) -> impl Iterator<Item = usize> + 's {
        let base = self.text.as_ptr() as usize;
        let start = (part.as_ptr() as usize).wrapping_sub(base);
        let end = start.checked_add(part.len());
        let inside = part.as_ptr() as usize >= base && end.is_some_and(|e| e <= self.text.len());
        // The line starts after `start`, up to `end`, are the `\n`s of `part`, plus one.
        let from = if inside {
            self.line_starts.partition_point(|&s| s <= start)
        } else {
            self.line_starts.len()
        };
        let end = end.unwrap_or(0);
        let indexed = self.line_starts[from..]
            .iter()
            .take_while(move |&&s| s <= end)
            .map(move |&s| s - 1 - start);
        let scanned = (!inside)
            .then(|| memchr::memchr_iter(b'\n', part.as_bytes()))
            .into_iter()
            .flatten();
        indexed.chain(scanned)
    }

    /// The span of `len` bytes at byte `offset` of `text`.
    pub fn span(&self, offset: usize, len: usize) -> Span {
        let offset = offset.min(self.text.len());
        let line_idx = self.line_of(offset);
        let line_start = self.line_starts[line_idx];
        // An ASCII line has one character per byte.
        let column = if self.non_ascii.get(line_idx).copied().unwrap_or(false) {
            self.text
                .get(line_start..offset)
                .map_or(offset - line_start, |s| s.chars().count())
        } else {
            offset - line_start
        } + 1;
        Span {
            line: u32::try_from(line_idx + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            offset: offset + self.bom,
            len,
        }
    }

    /// The lines of `text` as [`str::lines`] gives them (without `\n` or
    /// `\r\n`; no empty line after a final `\n`), from the line index
    /// instead of a new scan.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        let text: &str = &self.text;
        let ends = self.line_starts.iter().skip(1).map(|&s| s - 1).chain([text.len()]);
        self.line_starts
            .iter()
            .zip(ends)
            .filter(move |&(&start, end)| start < end || end < text.len())
            .map(move |(&start, end)| {
                let line = &text[start..end];
                if end < text.len() {
                    line.strip_suffix('\r').unwrap_or(line)
                } else {
                    line
                }
            })
    }

    /// The span of a sub-slice of `text` (which must point into it).
    pub fn span_of(&self, part: &str) -> Span {
        let base = self.text.as_ptr() as usize;
        let start = (part.as_ptr() as usize).saturating_sub(base).min(self.text.len());
        self.span(start, part.len())
    }
}

/// `s` with CRLF line endings read as LF, for text copied into the model
/// (W002 reports CRLF once per page; spans still cover the original bytes).
pub(crate) fn lf(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_in_is_memchr_iter() {
        let page = "a\nbc\n\n  d\ne é\nf";
        let mut diags = Vec::new();
        let src = Source::new(page.as_bytes(), &mut diags);
        let text: &str = &src.text;
        let scan = |s: &str| memchr::memchr_iter(b'\n', s.as_bytes()).collect::<Vec<_>>();
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let Some(part) = text.get(start..end) else { continue };
                assert_eq!(src.newlines_in(part).collect::<Vec<_>>(), scan(part), "{start}..{end}");
            }
        }
        // Not a slice of the page: scanned.
        let other = String::from("x\ny\n");
        assert_eq!(src.newlines_in(&other).collect::<Vec<_>>(), vec![1, 3]);
    }
}
