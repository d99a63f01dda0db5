//! The hand-built edge-case IR (`wixgen_corpus::fixture`) emitted as a
//! standalone crate passes clippy with `-D warnings` and rustdoc with
//! `-D warnings`, hostile docs included. Uses the workspace's target directory
//! and `Cargo.lock`, so dependencies are checked once.

use std::path::Path;
use std::process::Command;
use wixgen_codegen::crate_files::{CrateOptions, Runtime};
use wixgen_codegen::{EmitOptions, emit};
use wixgen_codegen::{Header, Mode, write_if_changed};
use wixgen_corpus::fixture;

fn cargo(dir: &Path, args: &[&str], env: &[(&str, &str)]) {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .to_path_buf();
    let mut command = Command::new(env!("CARGO"));
    let (subcommand, rest) = args.split_first().expect("a subcommand");
    command
        .arg(subcommand)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .args(rest);
    command.env("CARGO_TARGET_DIR", target);
    for (k, v) in env {
        command.env(k, v);
    }
    let output = command.output().expect("run cargo");
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn fixture_crate_is_clippy_and_rustdoc_clean() {
    let root = wixgen_tests::workspace_root();
    let runtime = root.join("crates/wix-client").canonicalize().unwrap();
    let options = EmitOptions {
        header: Header::new("fixture", "fixture_crate test"),
        krate: CrateOptions {
            name: "wix-apis".to_owned(),
            runtime: Runtime::Path(runtime.display().to_string()),
        },
    };
    let files = emit(&fixture::api(), &options);
    let tmp = tempfile::tempdir().unwrap();
    write_if_changed(tmp.path(), &files, Mode::Write).unwrap();
    std::fs::copy(root.join("Cargo.lock"), tmp.path().join("Cargo.lock")).unwrap();
    cargo(
        tmp.path(),
        &[
            "clippy",
            "--offline",
            "--quiet",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    );
    cargo(
        tmp.path(),
        &[
            "doc",
            "--offline",
            "--quiet",
            "--workspace",
            "--all-features",
            "--no-deps",
        ],
        &[("RUSTDOCFLAGS", "-Dwarnings")],
    );
}
