//! The generator as a new user gets it: `cargo install --path crates/wixgen`
//! into a temporary root, `wixgen gen` from the fixture pages into a folder
//! outside this checkout, and the generated crate builds with nothing but a
//! `[patch.crates-io]` entry pointing `wix-client` at this checkout (standing in
//! for the published version it depends on).
//!
//! Both builds use the workspace's target directory (a debug build, `--debug`),
//! so the dependencies the workspace build already compiled are reused; on a
//! cold target directory the test takes minutes. `--offline --locked`: the
//! dependency versions of this checkout's `Cargo.lock`, already downloaded by
//! the build of the workspace.

use std::path::Path;
use std::process::Command;

fn run(command: &mut Command) -> String {
    let output = command.output().expect("run a command");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{command:?} failed:\n{stderr}");
    stderr
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).unwrap();
        }
    }
}

/// `version` of `[workspace.package]`, which wix-client and wixgen inherit.
fn workspace_version(root: &Path) -> String {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let package = manifest
        .split("\n[workspace.package]\n")
        .nth(1)
        .expect("a [workspace.package] table");
    let line = package
        .lines()
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| l.strip_prefix("version = "))
        .expect("a workspace version");
    line.trim_matches('"').to_owned()
}

#[test]
fn installed_cli_generates_a_crate_that_builds_outside_the_checkout() {
    let root = wixgen_tests::workspace_root();
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the workspace's target directory")
        .to_path_buf();
    let install_root = tempfile::tempdir().unwrap();
    run(Command::new(env!("CARGO"))
        .args(["install", "--debug", "--offline", "--locked", "--quiet", "--path"])
        .arg(root.join("crates/wixgen"))
        .arg("--root")
        .arg(install_root.path())
        .env("CARGO_TARGET_DIR", &target));
    let wixgen = install_root
        .path()
        .join("bin")
        .join(format!("wixgen{}", std::env::consts::EXE_SUFFIX));
    assert!(wixgen.is_file(), "{} not installed", wixgen.display());

    // Outside the checkout: the system's temporary folder, not target/; the
    // pages too, as a user's would be.
    let work = tempfile::tempdir().unwrap();
    assert!(!work.path().starts_with(&root), "{}", work.path().display());
    let pages = work.path().join("pages");
    copy_dir(&root.join("tests/fixtures/pages"), &pages);
    let out = work.path().join("my-wix-apis");
    run(Command::new(&wixgen)
        .arg("gen")
        .arg("--schemas")
        .arg(&pages)
        .arg("--out")
        .arg(&out)
        .current_dir(work.path()));

    // Nothing in the generated crate names this checkout: wix-client by version.
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
    let root_text = root.display().to_string();
    assert!(!manifest.contains(&root_text), "{manifest}");
    let client = root.join("crates/wix-client");
    let version_line = format!("\nwix-client = \"{}\"\n", workspace_version(&root));
    assert!(manifest.contains(&version_line), "{manifest}");

    // The checkout's lock file: the same dependency versions, already downloaded.
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).unwrap();
    let patch = format!(
        "patch.crates-io.wix-client.path={:?}",
        client.canonicalize().unwrap().display().to_string()
    );
    run(Command::new(env!("CARGO"))
        .args([
            "build",
            "--offline",
            "--quiet",
            "--workspace",
            "--all-features",
            "--config",
        ])
        .arg(&patch)
        .arg("--manifest-path")
        .arg(out.join("Cargo.toml"))
        .current_dir(work.path())
        .env("CARGO_TARGET_DIR", &target));
}
