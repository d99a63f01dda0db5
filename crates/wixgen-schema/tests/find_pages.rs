//! `find_pages`: which files of a directory are pages, links included.

use std::fs;
use std::path::{Path, PathBuf};
use wixgen_schema::find_pages;

fn write(path: &Path) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, "# Page\n").unwrap();
}

fn listed(dir: &Path) -> Vec<String> {
    find_pages(dir)
        .unwrap()
        .iter()
        .map(|p| wixgen_schema::slash_path(p))
        .collect()
}

// Symbolic links as Unix makes them; CI runs on Linux.
#[cfg(unix)]
#[test]
fn links_to_pages_and_to_folders_are_followed_once_and_a_broken_page_link_is_listed() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    write(&outside.path().join("common/page.md"));
    write(&outside.path().join("single.md"));
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("inbox/get.md"));
    symlink(outside.path().join("common"), dir.path().join("linked")).unwrap();
    symlink(outside.path().join("single.md"), dir.path().join("inbox/single.md")).unwrap();
    // A loop: a folder linking to its parent.
    symlink(dir.path().join("inbox"), dir.path().join("inbox/again")).unwrap();
    symlink(dir.path().join("missing.md"), dir.path().join("broken.md")).unwrap();
    symlink(dir.path().join("missing.txt"), dir.path().join("broken.txt")).unwrap();
    // A link that comes before the folder it names, in path order: the folder
    // is listed under the first of its paths, whatever order the file system
    // lists entries in.
    symlink(dir.path().join("inbox"), dir.path().join("aa-inbox")).unwrap();
    assert_eq!(
        listed(dir.path()),
        ["aa-inbox/get.md", "aa-inbox/single.md", "broken.md", "linked/page.md"]
    );
    // The broken link is reported by name when it is read.
    let err = fs::read(dir.path().join(PathBuf::from("broken.md"))).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}
