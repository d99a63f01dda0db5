//! Writing generated files: only what changed, and stale generated files removed.
//!
//! - A file is written only when its bytes differ from what is on disk, so an
//!   unchanged file keeps its modification time (and cargo does not rebuild).
//! - A file under the output directory that is not part of the generation and
//!   starts with the generated header is stale: it is removed. Files without
//!   the header (hand-written tests, examples, READMEs) are never touched, and
//!   `target/` and hidden directories are not searched.
//! - [`Mode::Check`] writes nothing and reports what [`Mode::Write`] would change.

use crate::GeneratedFiles;
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

/// What a write (or check) did, with paths relative to the output directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Created or rewritten (in check mode: would be).
    pub written: Vec<PathBuf>,
    /// Already up to date.
    pub unchanged: Vec<PathBuf>,
    /// Stale generated files removed (in check mode: would be).
    pub removed: Vec<PathBuf>,
}

impl WriteReport {
    /// True when the output directory already matched the generation.
    pub fn is_clean(&self) -> bool {
        self.written.is_empty() && self.removed.is_empty()
    }

    /// Every path that is (or was) out of date.
    pub fn stale(&self) -> Vec<&Path> {
        self.written.iter().chain(&self.removed).map(PathBuf::as_path).collect()
    }
}

/// Whether a file's text starts with a wixgen generated header.
pub fn is_generated(text: &[u8]) -> bool {
    [crate::GENERATED_RUST, crate::GENERATED_TOML, crate::GENERATED_MARKDOWN]
        .iter()
        .any(|marker| text.starts_with(marker.as_bytes()))
}

/// Bring `out_dir` in line with `files` (or, in check mode, report how it differs).
pub fn write_if_changed(out_dir: &Path, files: &GeneratedFiles, mode: Mode) -> io::Result<WriteReport> {
    let mut report = WriteReport::default();
    // Files are compared and written in parallel (thousands of small files at
    // whole-API scale); the report keeps the files' order.
    let entries: Vec<(&PathBuf, &String)> = files.iter().collect();
    let outcomes: Vec<(PathBuf, bool)> = entries
        .par_iter()
        .map(|(rel, content)| {
            let path = out_dir.join(rel);
            let same = match fs::read(&path) {
                Ok(existing) => existing == content.as_bytes(),
                Err(e) if e.kind() == io::ErrorKind::NotFound => false,
                Err(e) => return Err(with_path(e, &path)),
            };
            if !same && mode == Mode::Write {
                write_atomically(&path, content.as_bytes())?;
            }
            Ok(((*rel).clone(), same))
        })
        .collect::<io::Result<_>>()?;
    for (rel, same) in outcomes {
        if same {
            report.unchanged.push(rel);
        } else {
            report.written.push(rel);
        }
    }

    let mut existing = Vec::new();
    if out_dir.is_dir() {
        walk(out_dir, Path::new(""), &mut existing)?;
    }
    existing.sort();
    for rel in existing {
        if files.contains_key(&rel) {
            continue;
        }
        let path = out_dir.join(&rel);
        let head = read_head(&path)?;
        if !is_generated(&head) {
            continue;
        }
        if mode == Mode::Write {
            fs::remove_file(&path).map_err(|e| with_path(e, &path))?;
            remove_empty_parents(out_dir, &path);
        }
        report.removed.push(rel);
    }
    Ok(report)
}

fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.wixgen-tmp"));
    fs::write(&tmp, bytes).map_err(|e| with_path(e, &tmp))?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        with_path(e, path)
    })
}

fn read_head(path: &Path) -> io::Result<Vec<u8>> {
    use io::Read;
    let mut buf = vec![0; 64];
    let mut f = fs::File::open(path).map_err(|e| with_path(e, path))?;
    let mut n = 0;
    while n < buf.len() {
        let k = f.read(&mut buf[n..])?;
        if k == 0 {
            break;
        }
        n += k;
    }
    buf.truncate(n);
    Ok(buf)
}

/// Regular files under `dir`, relative to the walk's root; skips `target` and hidden entries.
fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let dir = root.join(rel);
    for entry in fs::read_dir(&dir).map_err(|e| with_path(e, &dir))? {
        let entry = entry?;
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        if name_str.starts_with('.') || (rel.as_os_str().is_empty() && name_str == "target") {
            continue;
        }
        let file_type = entry.file_type()?;
        let child = rel.join(&name);
        if file_type.is_dir() {
            walk(root, &child, out)?;
        } else if file_type.is_file() {
            out.push(child);
        }
    }
    Ok(())
}

/// Remove directories left empty by a removal, up to (not including) `root`.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    fn files(list: &[(&str, &str)]) -> GeneratedFiles {
        list.iter().map(|(p, c)| (PathBuf::from(p), (*c).to_owned())).collect()
    }

    fn mtime(p: &Path) -> SystemTime {
        fs::metadata(p).unwrap().modified().unwrap()
    }

    fn set_old_mtime(p: &Path) {
        let old = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }

    const GEN: &str = "// @generated by wixgen from test; do not edit. Regenerate with `test`.\n";

    #[test]
    fn second_write_leaves_every_mtime_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let f = files(&[
            ("Cargo.toml", "# @generated by wixgen x\n"),
            ("src/lib.rs", GEN),
            ("src/a/mod.rs", GEN),
        ]);
        let first = write_if_changed(dir.path(), &f, Mode::Write).unwrap();
        assert_eq!(first.written.len(), 3);
        // Backdate, so that any rewrite would show as a newer mtime.
        for p in f.keys() {
            set_old_mtime(&dir.path().join(p));
        }
        let before: Vec<SystemTime> = f.keys().map(|p| mtime(&dir.path().join(p))).collect();
        let second = write_if_changed(dir.path(), &f, Mode::Write).unwrap();
        assert!(second.is_clean(), "{second:?}");
        assert_eq!(second.unchanged.len(), 3);
        let after: Vec<SystemTime> = f.keys().map(|p| mtime(&dir.path().join(p))).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn only_changed_files_are_written() {
        let dir = tempfile::tempdir().unwrap();
        write_if_changed(dir.path(), &files(&[("a.rs", GEN), ("b.rs", GEN)]), Mode::Write).unwrap();
        set_old_mtime(&dir.path().join("a.rs"));
        let a_before = mtime(&dir.path().join("a.rs"));
        let changed = format!("{GEN}fn b() {{}}\n");
        let r = write_if_changed(dir.path(), &files(&[("a.rs", GEN), ("b.rs", &changed)]), Mode::Write).unwrap();
        assert_eq!(r.written, [PathBuf::from("b.rs")]);
        assert_eq!(mtime(&dir.path().join("a.rs")), a_before);
        assert_eq!(fs::read_to_string(dir.path().join("b.rs")).unwrap(), changed);
    }

    #[test]
    fn stale_generated_files_are_removed_and_hand_written_kept() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write_if_changed(d, &files(&[("src/old/mod.rs", GEN), ("src/lib.rs", GEN)]), Mode::Write).unwrap();
        fs::create_dir_all(d.join("tests")).unwrap();
        fs::write(d.join("tests/hand.rs"), "// written by hand\n").unwrap();
        fs::create_dir_all(d.join("target/debug")).unwrap();
        fs::write(d.join("target/debug/x.rs"), GEN).unwrap();

        let next = files(&[("src/lib.rs", GEN)]);
        let check = write_if_changed(d, &next, Mode::Check).unwrap();
        assert_eq!(check.removed, [PathBuf::from("src/old/mod.rs")]);
        assert!(d.join("src/old/mod.rs").exists(), "check mode writes nothing");

        let r = write_if_changed(d, &next, Mode::Write).unwrap();
        assert_eq!(r.removed, [PathBuf::from("src/old/mod.rs")]);
        assert!(!d.join("src/old").exists(), "emptied directory removed");
        assert!(d.join("tests/hand.rs").exists());
        assert!(d.join("target/debug/x.rs").exists());
        assert!(write_if_changed(d, &next, Mode::Check).unwrap().is_clean());
    }

    #[test]
    fn check_mode_reports_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let r = write_if_changed(dir.path(), &files(&[("src/lib.rs", GEN)]), Mode::Check).unwrap();
        assert_eq!(r.stale(), [Path::new("src/lib.rs")]);
        assert!(!dir.path().join("src").exists());
    }
}
