//! The `wixgen` CLI as a user runs it, pinned by snapshot cases (trycmd): each
//! `tests/cases/*.toml` is one command line (its arguments, and its exit code as
//! `status`), with the exact stdout and stderr beside it (`.stdout`, `.stderr`);
//! each `tests/cases/*.trycmd` is a sequence of commands run in one sandbox.
//! They run in `tests/cases/pages/` (the pages the cases read), copied to a
//! fresh directory for cases that write (`fs.sandbox = true`), so paths in
//! the output are relative and the same on every machine.
//!
//! `fetch` cases download from a local server started here, named `[DOCS]` in
//! the snapshots (its port changes from run to run).
//!
//! The snapshots are written by the cases, never by hand: after a change of
//! output, `TRYCMD=overwrite cargo test -p wixgen --test cli_cases`, then
//! review the diff. A new case: its `.toml`, with empty `.stdout` and
//! `.stderr` files, and the same command.

use std::path::Path;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNTS: &str = "/docs/api-reference/cases/accounts";

fn page(rel: &str) -> Vec<u8> {
    let at = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/pages")
        .join(rel);
    std::fs::read(&at).unwrap_or_else(|e| panic!("{}: {e}", at.display()))
}

async fn serve(server: &MockServer, at: &str, status: u16, body: Vec<u8>) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(status).set_body_bytes(body))
        .mount(server)
        .await;
}

/// The docs of the `accounts` case package: a menu page over a method page, an
/// article and a collapsed page, and a page that is not there (404).
async fn docs_server() -> MockServer {
    let server = MockServer::start().await;
    let menu = format!(
        "# Accounts\n\n## Accounts\n\n\
         - [Get Account](https://dev.wix.com{ACCOUNTS}/get-account.md)\n\
         - [About Accounts](https://dev.wix.com{ACCOUNTS}/about-accounts.md)\n"
    );
    serve(&server, &format!("{ACCOUNTS}.md"), 200, menu.into_bytes()).await;
    serve(
        &server,
        &format!("{ACCOUNTS}/get-account.md"),
        200,
        page("good/accounts/get-account.md"),
    )
    .await;
    serve(
        &server,
        &format!("{ACCOUNTS}/about-accounts.md"),
        200,
        page("articles-only/notes/about-accounts.md"),
    )
    .await;
    serve(
        &server,
        &format!("{ACCOUNTS}/get-or-create-conversation.md"),
        200,
        page("collapsed/inbox/get-or-create-conversation.md"),
    )
    .await;
    serve(&server, &format!("{ACCOUNTS}/gone.md"), 404, b"not found".to_vec()).await;
    server
}

#[test]
fn cli_cases() {
    // The server lives on this runtime while the cases run.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let server = runtime.block_on(docs_server());
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("wixgen", Path::new(env!("CARGO_BIN_EXE_wixgen")).to_path_buf())
        .env("WIXGEN_DOCS_BASE", server.uri())
        .env("NO_COLOR", "1")
        .insert_var("[DOCS]", server.uri())
        .expect("a valid variable")
        .case("tests/cases/*.toml")
        .case("tests/cases/*.trycmd");
    cases.run();
    drop(server);
}

/// Codes the CLI cannot show, each with the reason. Keep it short: a code
/// that can be reached gets a case instead. (A code nothing emits any more is
/// retired in `wixgen_ir::codes::RETIRED`, not listed here.)
const UNREACHABLE: &[(&str, &str)] = &[];

/// Every diagnostic code string (`"E042"`, `"W102"`, `"N101"`) written in the
/// sources of the parser, lowering and generation, with how many times.
fn code_strings() -> std::collections::BTreeMap<String, usize> {
    fn walk(dir: &Path, codes: &mut std::collections::BTreeMap<String, usize>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, codes);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                for piece in text.split('"').skip(1).step_by(2) {
                    let b = piece.as_bytes();
                    if b.len() == 4 && matches!(b[0], b'E' | b'W' | b'N') && b[1..].iter().all(u8::is_ascii_digit) {
                        *codes.entry(piece.to_owned()).or_default() += 1;
                    }
                }
            }
        }
    }
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut codes = std::collections::BTreeMap::new();
    for krate in ["wixgen-schema", "wixgen-ir", "wixgen-codegen"] {
        walk(&crates.join(krate).join("src"), &mut codes);
    }
    codes
}

/// The codes in use: every code string of the sources but the retired ones.
fn declared_codes() -> std::collections::BTreeSet<String> {
    code_strings()
        .into_keys()
        .filter(|c| !wixgen_ir::codes::RETIRED.iter().any(|(r, _)| r == c))
        .collect()
}

/// Issue 21, acceptance 2: every code the generator can emit is shown by some
/// case (as `[CODE]` in a snapshot), or is listed in [`UNREACHABLE`] with why.
#[test]
fn every_diagnostic_code_has_a_case() {
    let declared = declared_codes();
    assert!(
        declared.contains("E100") && declared.contains("W102") && declared.contains("N101"),
        "the scan found the codes: {declared:?}"
    );
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut shown = String::new();
    for entry in std::fs::read_dir(&cases).expect("tests/cases") {
        let path = entry.expect("an entry").path();
        if path
            .extension()
            .is_some_and(|e| e == "stdout" || e == "stderr" || e == "trycmd")
        {
            shown.push_str(&String::from_utf8_lossy(&std::fs::read(&path).expect("a snapshot")));
        }
    }
    let missing: Vec<&String> = declared
        .iter()
        .filter(|c| !shown.contains(&format!("[{c}]")) && !UNREACHABLE.iter().any(|(u, _)| u == c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes no case shows (add a case, or list the code in UNREACHABLE with why): {missing:?}"
    );
    let strings = code_strings();
    for (code, why) in wixgen_ir::codes::RETIRED {
        assert_eq!(
            strings.get(*code),
            Some(&1),
            "{code} is retired ({why}): its one mention is its entry in `codes::RETIRED`, never a code in use"
        );
        assert!(
            !shown.contains(&format!("[{code}]")),
            "{code} is retired ({why}) but a case shows it"
        );
    }
    for (code, why) in UNREACHABLE {
        assert!(
            declared.contains(*code),
            "{code} is listed unreachable but declared nowhere"
        );
        assert!(
            !shown.contains(&format!("[{code}]")),
            "{code} is listed unreachable ({why}) but a case shows it"
        );
    }
}
