//! Formatting remembered between runs.
//!
//! Formatting is the largest stage of generation (about 40% of its CPU time
//! at 5,000 pages: `syn` parses every token stream back into a syntax tree,
//! then prettyplease prints it), and a regeneration after a small change
//! formats thousands of files whose tokens did not change. A [`FormatCache`]
//! maps each file's tokens (as text) to the formatted file, so that those
//! files are not formatted again.
//!
//! The cache can never change what is generated, only how fast:
//!
//! - an entry's key is a 128-bit hash of the tokens and the
//!   identity of the running generator binary (its path, size and
//!   modification time), so a rebuilt generator (a new emitter, a new
//!   prettyplease) starts from an empty cache;
//! - a file that cannot be read, or that does not hold what this module
//!   writes, is an empty cache (the run formats everything and writes a new
//!   one);
//! - it is saved with only the entries the run used, so it does not grow.
//!
//! It lives outside the generated output (`cargo xtask gen` keeps it under
//! `target/`; `wixgen gen --format-cache FILE`), and `cargo xtask gen --check`
//! on a clean clone, with no cache, checks the committed output byte for byte.

use crate::pieces::Pieces;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a cache file starts with (format version included).
const MAGIC: &[u8] = b"wixgen format cache 1\n";

type Key = (u64, u64);

/// Formatted files by the hash of their tokens; see the module docs.
#[derive(Debug)]
pub struct FormatCache {
    path: PathBuf,
    /// Identity of the running generator; part of every key.
    generator: String,
    /// Entries read from the file, taken out as they are used.
    loaded: Mutex<HashMap<Key, String>>,
    /// Entries this run used or made: what [`FormatCache::save`] writes.
    used: Mutex<HashMap<Key, String>>,
    hits: AtomicUsize,
    lookups: AtomicUsize,
}

impl FormatCache {
    /// The cache at `path`: its entries when the file holds a cache, else
    /// none (a missing, unreadable or foreign file is never an error here).
    pub fn load(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let generator = generator_identity();
        let loaded = std::fs::read(&path).ok().and_then(|b| decode(&b)).unwrap_or_default();
        Self::with(path, generator, loaded)
    }

    fn with(path: PathBuf, generator: String, loaded: HashMap<Key, String>) -> Self {
        FormatCache {
            path,
            generator,
            loaded: Mutex::new(loaded),
            used: Mutex::new(HashMap::new()),
            hits: AtomicUsize::new(0),
            lookups: AtomicUsize::new(0),
        }
    }

    /// Where the cache is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many files were taken from the cache instead of formatted.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// How many files were asked for.
    pub fn lookups(&self) -> usize {
        self.lookups.load(Ordering::Relaxed)
    }

    /// `format(code)`, from the cache when code of these tokens was formatted
    /// before by this generator. A file's header line is not part of it, so
    /// output folders whose headers differ share entries.
    pub(crate) fn render(&self, code: Pieces, format: impl FnOnce(Pieces) -> String) -> String {
        self.lookups.fetch_add(1, Ordering::Relaxed);
        if self.generator.is_empty() {
            return format(code);
        }
        let text = code.to_tokens().to_string();
        let key = self.key(&text);
        drop(text);
        let found = lock(&self.loaded).remove(&key);
        let file = match found {
            Some(file) => {
                self.hits.fetch_add(1, Ordering::Relaxed);
                file
            }
            None => format(code),
        };
        lock(&self.used).insert(key, file.clone());
        file
    }

    fn key(&self, tokens: &str) -> Key {
        let hash = |seed: u64| {
            let mut h = DefaultHasher::new();
            seed.hash(&mut h);
            self.generator.hash(&mut h);
            tokens.hash(&mut h);
            h.finish()
        };
        (hash(1), hash(2))
    }

    /// Writes the entries this run used to the cache file (atomically:
    /// a temporary file renamed over it), creating its folder. Nothing is
    /// written when the file already holds exactly those entries (every file
    /// taken from it, none of it left unused).
    pub fn save(&self) -> io::Result<()> {
        let used = lock(&self.used);
        if self.hits() == used.len() && lock(&self.loaded).is_empty() && self.path.is_file() {
            return Ok(());
        }
        let mut keys: Vec<&Key> = used.keys().collect();
        keys.sort();
        let mut bytes = MAGIC.to_vec();
        for key in keys {
            let file = &used[key];
            bytes.extend_from_slice(&key.0.to_le_bytes());
            bytes.extend_from_slice(&key.1.to_le_bytes());
            bytes.extend_from_slice(&(file.len() as u64).to_le_bytes());
            bytes.extend_from_slice(file.as_bytes());
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // One temporary file per process: two runs saving at once each
        // rename a whole file of their own.
        let tmp = self.path.with_extension(format!("{}.tmp", std::process::id()));
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, &self.path)
    }
}

/// A poisoned lock only means another thread panicked while formatting; the
/// map itself is still whole.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The running binary: path, size and modification time. Empty when it
/// cannot be told; the cache is then not used.
fn generator_identity() -> String {
    let exe = std::env::current_exe().ok();
    let meta = exe.as_ref().and_then(|e| std::fs::metadata(e).ok());
    match (exe, meta) {
        (Some(exe), Some(meta)) => {
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}|{}|{modified}", exe.display(), meta.len())
        }
        _ => String::new(),
    }
}

/// The entries of a cache file, or `None` when `bytes` is not one.
fn decode(bytes: &[u8]) -> Option<HashMap<Key, String>> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut out = HashMap::new();
    let u64_at = |rest: &mut &[u8]| -> Option<u64> {
        let (head, tail) = rest.split_first_chunk::<8>()?;
        *rest = tail;
        Some(u64::from_le_bytes(*head))
    };
    while !rest.is_empty() {
        let k0 = u64_at(&mut rest)?;
        let k1 = u64_at(&mut rest)?;
        let len = usize::try_from(u64_at(&mut rest)?).ok()?;
        if rest.len() < len {
            return None;
        }
        let (file, tail) = rest.split_at(len);
        out.insert((k0, k1), String::from_utf8(file.to_vec()).ok()?);
        rest = tail;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::format_pieces as format_file;
    use quote::quote;
    use std::cell::Cell;

    /// `format_file`, counting its calls in `n`.
    fn counted(n: &Cell<usize>) -> impl Fn(Pieces) -> String + '_ {
        move |t| {
            n.set(n.get() + 1);
            format_file(t)
        }
    }

    fn a() -> Pieces {
        quote!(
            fn a() {}
        )
        .into()
    }

    fn b() -> Pieces {
        quote!(
            struct B;
        )
        .into()
    }

    #[test]
    fn a_saved_cache_gives_back_the_same_files_without_formatting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/format-cache");
        let n = Cell::new(0);
        let first = FormatCache::load(&path);
        let file_a = first.render(a(), counted(&n));
        let file_b = first.render(b(), counted(&n));
        assert_eq!(file_a, format_file(a()));
        assert_eq!((n.get(), first.hits(), first.lookups()), (2, 0, 2));
        first.save().unwrap();

        let second = FormatCache::load(&path);
        assert_eq!(second.render(a(), counted(&n)), file_a);
        assert_eq!(second.render(b(), counted(&n)), file_b);
        assert_eq!((n.get(), second.hits()), (2, 2), "nothing formatted again");
        // Other tokens are formatted.
        second.render(
            Pieces::from(quote!(
                fn c() {}
            )),
            counted(&n),
        );
        assert_eq!((n.get(), second.hits(), second.lookups()), (3, 2, 3));
    }

    #[test]
    fn only_the_entries_a_run_used_are_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("format-cache");
        let first = FormatCache::load(&path);
        first.render(a(), format_file);
        first.render(b(), format_file);
        first.save().unwrap();
        let second = FormatCache::load(&path);
        second.render(a(), format_file);
        second.save().unwrap();
        let third = FormatCache::load(&path);
        assert_eq!(lock(&third.loaded).len(), 1);
        // A run that takes every entry and makes none leaves the file as it is.
        third.render(a(), format_file);
        std::fs::write(&path, [MAGIC, b"marker"].concat()).unwrap();
        third.save().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), [MAGIC, b"marker"].concat());
    }

    #[test]
    fn a_generator_that_cannot_tell_its_identity_does_not_use_the_cache() {
        let cache = FormatCache::with(PathBuf::new(), String::new(), HashMap::new());
        cache.render(a(), format_file);
        assert!(lock(&cache.used).is_empty());
    }

    #[test]
    fn another_generator_binary_does_not_share_entries() {
        let old = FormatCache::with(PathBuf::new(), "old build".into(), HashMap::new());
        let new = FormatCache::with(PathBuf::new(), "new build".into(), HashMap::new());
        assert_ne!(old.key("fn a () { }"), new.key("fn a () { }"));
        assert_eq!(old.key("fn a () { }"), old.key("fn a () { }"));
    }

    #[test]
    fn a_file_that_is_not_a_cache_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("format-cache");
        for bytes in [
            &b"not a cache"[..],
            MAGIC,
            &[MAGIC, &[1, 2, 3][..]].concat(),
            &[MAGIC, &[0; 16][..], &100u64.to_le_bytes()[..], b"short"].concat(),
        ] {
            std::fs::write(&path, bytes).unwrap();
            let cache = FormatCache::load(&path);
            assert!(lock(&cache.loaded).is_empty(), "{bytes:?}");
            let n = Cell::new(0);
            cache.render(a(), counted(&n));
            assert_eq!(n.get(), 1);
        }
        assert_eq!(FormatCache::load(dir.path().join("missing")).hits(), 0);
    }
}
