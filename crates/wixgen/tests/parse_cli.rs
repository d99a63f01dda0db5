//! `wixgen parse` as a user runs it: exit codes, JSON on stdout, diagnostics on stderr.

use std::process::{Command, Output};

fn fixture_page(path: &str) -> String {
    format!("{}/../../tests/fixtures/pages/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn wixgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wixgen"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run wixgen")
}

#[test]
fn json_for_every_fixture_page_and_exit_0() {
    let pages = [
        "seeds/get-or-create-conversation.md",
        "real/query-resource-types.md",
        "real/get-availability-time-slot.md",
        "reconstructed/get-conversation.md",
    ];
    for page in pages {
        let out = wixgen(&["parse", "--json", &fixture_page(page)]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{page}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
        assert!(doc["path"].as_str().unwrap().ends_with(page));
        assert!(
            doc["page"]["rest"]["schema"]["params"]
                .as_array()
                .is_some_and(|p| !p.is_empty())
        );
        assert!(
            doc["page"]["rest"]["schema"]["span"]["line"].as_u64().is_some(),
            "nodes carry positions"
        );
    }
    // Several pages at once: one JSON object per line.
    let all: Vec<String> = pages.iter().map(|p| fixture_page(p)).collect();
    let mut args = vec!["parse", "--json"];
    args.extend(all.iter().map(String::as_str));
    let out = wixgen(&args);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 4);
    for line in stdout.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each line is JSON");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("get-availability-time-slot.md:181:64"), "{stderr}");
    assert!(stderr.ends_with("4 pages: 0 errors, 1 warning\n"), "{stderr}");
}

#[test]
fn collapsed_page_exits_1_with_refusal() {
    let out = wixgen(&["parse", &fixture_page("seeds/000_4f03bd3e1384cd8c.txt")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("error[E100]: the page has lost its line structure"),
        "{stderr}"
    );
    assert!(stderr.contains("000_4f03bd3e1384cd8c.txt:1:1"), "{stderr}");
    assert!(stderr.contains("curl -sSL 'https://dev.wix.com/docs/api-reference/crm/communication/inbox/conversations/get-or-create-conversation.md'"), "{stderr}");
}

#[test]
fn missing_file_exits_1_and_usage_errors_exit_2() {
    let out = wixgen(&["parse", "/nonexistent/page.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/page.md"));
    assert_eq!(wixgen(&["parse"]).status.code(), Some(2));
    assert_eq!(wixgen(&["parse", "--no-such-flag", "x.md"]).status.code(), Some(2));
    assert_eq!(wixgen(&[]).status.code(), Some(2));
}
