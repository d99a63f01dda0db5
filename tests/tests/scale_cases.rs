//! The cases of whole-API scale, end to end: the crate generated from
//! `tests/fixtures/cases/` builds without warnings, and `tests/cases/cases.rs`
//! (decoding, wiremock calls) passes against it.
//!
//! The crate is written to a temp dir with the workspace's `Cargo.lock` and
//! built in the workspace's target directory, so dependencies are built once.

use std::path::{Path, PathBuf};
use std::process::Command;
use wixgen_codegen::crate_files::{CrateOptions, Runtime};
use wixgen_codegen::{Header, Mode, Options, generate, write_if_changed};

fn workspace_target_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is `<target>/tmp`.
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .to_path_buf()
}

fn cargo(dir: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO"))
        .arg(args[0])
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .args(&args[1..])
        .env("CARGO_TARGET_DIR", workspace_target_dir())
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_cases_crate_builds_cleanly_and_its_tests_pass() {
    let root = wixgen_tests::workspace_root();
    let runtime = root.join("crates/wix-client").canonicalize().unwrap();
    let options = Options {
        label: "tests/fixtures/cases".to_owned(),
        header: Header::new("tests/fixtures/cases", "the scale_cases test"),
        krate: CrateOptions {
            name: "wix-apis".to_owned(),
            runtime: Runtime::Path(runtime.display().to_string()),
        },
        format_cache: None,
    };
    let generation = generate(&root.join("tests/fixtures/cases"), &options).unwrap();
    let report = generation.report();
    assert!(!generation.has_errors(), "{report}");
    // The service-plugin page is a note, not an error.
    assert!(report.contains("get-balance.md:22:7: note[N101]"), "{report}");
    let splits: Vec<&str> = generation.types.splits.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        splits,
        ["Address", "StreetAddress", "ItemType", "Type", "Width"],
        "{report}"
    );

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_if_changed(dir, &generation.files, Mode::Write).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    std::fs::copy(root.join("tests/cases/cases.rs"), dir.join("tests/cases.rs")).unwrap();
    let mut manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    manifest = manifest.replace(
        "\n[dev-dependencies]\n",
        "\n[dev-dependencies]\ntokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }\nwiremock = \"0.6\"\n",
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();

    cargo(
        dir,
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
    );
    cargo(dir, &["test", "--offline", "--quiet", "--workspace", "--all-features"]);
}
