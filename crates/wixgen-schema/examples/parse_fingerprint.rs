//! Prints the serialized `ParseOutput` of every page given (files or
//! directories, walked in name order) and of `wixgen_corpus::generate(N)`, one
//! JSON line per input, for comparing the parser's output before and after a
//! change: `cargo run --release -p wixgen-schema --example parse_fingerprint --
//! 300 tests/fixtures/pages schemas > out.jsonl`.

use std::path::{Path, PathBuf};

fn walk(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(rd) = std::fs::read_dir(path) else {
            eprintln!("{}: cannot read the directory", path.display());
            return;
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            walk(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "md") {
        out.push(path.to_path_buf());
    }
}

fn emit(name: &str, bytes: &[u8]) {
    let out = wixgen_schema::parse(bytes);
    match serde_json::to_string(&out) {
        Ok(json) => println!("{name}\t{json}"),
        Err(e) => println!("{name}\tserialization failed: {e}"),
    }
}

/// The page and variants of it: CRLF endings, a byte-order mark, cut in half,
/// every line re-indented by two spaces.
fn variants(name: &str, bytes: &[u8]) {
    emit(name, bytes);
    let text = String::from_utf8_lossy(bytes);
    emit(&format!("{name}:crlf"), text.replace('\n', "\r\n").as_bytes());
    emit(
        &format!("{name}:bom"),
        [&b"\xEF\xBB\xBF"[..], bytes].concat().as_slice(),
    );
    emit(&format!("{name}:half"), &bytes[..bytes.len() / 2]);
    let indented: String = text.lines().map(|l| format!("  {l}\n")).collect();
    emit(&format!("{name}:indented"), indented.as_bytes());
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let mut files = Vec::new();
    for a in args {
        walk(Path::new(&a), &mut files);
    }
    for f in &files {
        match std::fs::read(f) {
            Ok(b) => variants(&f.display().to_string(), &b),
            Err(e) => eprintln!("{}: {e}", f.display()),
        }
    }
    let corpus = wixgen_corpus::generate(count);
    for (name, text) in &corpus.files {
        emit(&format!("corpus:{name}"), text.as_bytes());
    }
}
