//! Compile tests. The goldens (`golden/*.rs`) must build and run; each case
//! in `ui/` misuses the generated Inbox API, or gives `include_api!` a path it
//! must refuse (`ui/include_api_*.rs`, reading the pages under
//! `ui/include_api/`), and must fail to compile with the error recorded in its
//! `.stderr` file.
//!
//! After a deliberate change to the generated API or to rustc's messages,
//! regenerate the `.stderr` files with
//!
//! ```text
//! TRYBUILD=overwrite cargo test -p wixgen-tests --test trybuild
//! ```
//!
//! and read them: each must still say plainly what is wrong.

use std::path::{Path, PathBuf};

/// The folder trybuild builds the cases in, which is their
/// `CARGO_MANIFEST_DIR`: `<target dir>/tests/trybuild/<crate>/`, the target
/// directory asked of cargo as trybuild asks it (so `CARGO_TARGET_DIR` and
/// `build.target-dir` are followed).
fn trybuild_project_dir() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--no-deps", "--format-version=1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let target = metadata["target_directory"].as_str().expect("target_directory");
    Path::new(target).join("tests/trybuild").join(env!("CARGO_PKG_NAME"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.expect("directory entry");
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

#[test]
fn goldens_compile_and_misuse_does_not() {
    // The `include_api!` cases name their pages relative to the folder they
    // are built in: put a fresh copy of `ui/include_api/` there, wherever the
    // target directory is.
    let pages = trybuild_project_dir().join("include_api");
    let _ = std::fs::remove_dir_all(&pages);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/include_api"), &pages);
    let t = trybuild::TestCases::new();
    t.pass("golden/*.rs");
    t.compile_fail("ui/*.rs");
}
