//! `parse` must not panic on any bytes, and every diagnostic must point into
//! the input and render. The same properties as `tests/no_panic.rs`, for
//! coverage-guided fuzzing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = wixgen_schema::parse(data);
    // Spans index the page as `from_utf8_lossy` decodes it (the input itself
    // when it is UTF-8).
    let text = String::from_utf8_lossy(data);
    assert!(out.diagnostics.len() <= 101, "{} diagnostics", out.diagnostics.len());
    assert!(out.page.is_some() || out.has_errors(), "no page and no error");
    for d in &out.diagnostics {
        let s = d.span;
        assert!(s.line >= 1 && s.column >= 1, "{}: {s:?}", d.code);
        assert!(
            s.offset.checked_add(s.len).is_some_and(|end| end <= text.len()),
            "{}: {s:?}",
            d.code
        );
        assert!(text.is_char_boundary(s.offset), "{}: {s:?}", d.code);
        assert!(d.help.is_some(), "{} has no help", d.code);
        let _ = d.render("page.md", &text, false);
    }
});
