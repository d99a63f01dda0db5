//! Forward compatibility: after an optional field and an enum value are added
//! to a page and the crate is regenerated, code written against the previous
//! output still compiles.
//!
//! Both generations are written as standalone crates into a temp dir, and a
//! small program (below) is `cargo check`ed against each. The checks share the
//! workspace's target directory (and its `Cargo.lock`), so dependencies are
//! checked once.

use std::path::{Path, PathBuf};
use std::process::Command;
use wixgen_codegen::crate_files::{CrateOptions, Runtime};
use wixgen_codegen::{Header, Mode, Options, generate, write_if_changed};

/// Uses the generated API the way callers do: builders for requests, pattern
/// matches over enums, field access and `..` patterns on responses.
const PROGRAM: &str = r#"
use wix_apis::inbox::{
    ChannelType, Conversation, ConversationsService, GetConversationRequest, GetConversationResponse,
    GetOrCreateConversationRequest, ParticipantIdKind,
};

pub fn channel_names(conversation: &Conversation) -> Vec<String> {
    conversation
        .channels
        .iter()
        .map(|channel| match channel {
            ChannelType::Chat => "chat".to_owned(),
            ChannelType::Email => "email".to_owned(),
            ChannelType::Unknown(other) => other.clone(),
            other => other.as_str().to_lowercase(),
        })
        .collect()
}

pub fn requests() -> (GetConversationRequest, GetOrCreateConversationRequest) {
    (
        GetConversationRequest::new("6202c3bb-f263-3c16-8c90-d6387d9ed420"),
        GetOrCreateConversationRequest::new(ParticipantIdKind::MemberId("m".to_owned())),
    )
}

pub fn decode(text: &str) -> Option<String> {
    let response: GetConversationResponse = serde_json::from_str(text).ok()?;
    let mut conversation = response.conversation.unwrap_or_default();
    conversation.participant_display_data = None;
    let Conversation { id, participant, .. } = conversation;
    let _kind = participant.and_then(|p| p.kind());
    id
}

pub async fn call(service: &ConversationsService) -> Result<Option<String>, wix_apis::wix_client::Error> {
    let response = service.get_conversation(&requests().0).await?;
    Ok(response.conversation.and_then(|c| c.id))
}
"#;

fn workspace_target_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is `<target>/tmp`.
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .to_path_buf()
}

fn generate_into(schemas: &Path, out: &Path) -> String {
    let root = wixgen_tests::workspace_root();
    let runtime = root.join("crates/wix-client").canonicalize().unwrap();
    let options = Options {
        label: "schemas".to_owned(),
        header: Header::new("schemas/", "forward_compat test"),
        krate: CrateOptions {
            name: "wix-apis".to_owned(),
            runtime: Runtime::Path(runtime.display().to_string()),
        },
        format_cache: None,
    };
    let generation = generate(schemas, &options).expect("generate");
    assert!(!generation.has_errors(), "{}", generation.report());
    write_if_changed(out, &generation.files, Mode::Write).expect("write");
    generation.files[Path::new("packages/inbox/src/types.rs")].clone()
}

fn check_program_against(generated: &Path, user: &Path) {
    let root = wixgen_tests::workspace_root();
    std::fs::create_dir_all(user).unwrap();
    std::fs::write(
        user.join("Cargo.toml"),
        format!(
            "[package]\nname = \"forward-compat-user\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [lib]\npath = \"lib.rs\"\n\n[dependencies]\n\
             wix-apis = {{ path = {:?}, default-features = false, features = [\"inbox\"] }}\nserde_json = \"1\"\n\n\
             [profile.dev.package.\"*\"]\ndebug = false\n\n[profile.dev]\ndebug = \"line-tables-only\"\n\n[workspace]\n",
            generated.display().to_string()
        ),
    )
    .unwrap();
    std::fs::write(user.join("lib.rs"), PROGRAM).unwrap();
    std::fs::copy(root.join("Cargo.lock"), user.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet", "--manifest-path"])
        .arg(user.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", workspace_target_dir())
        .output()
        .expect("run cargo check");
    assert!(
        output.status.success(),
        "the program does not compile against {}:\n{}",
        generated.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn code_written_against_the_old_output_compiles_against_the_new() {
    let root = wixgen_tests::workspace_root();
    let tmp = tempfile::tempdir().expect("tempdir");
    let (old_pages, new_pages) = (tmp.path().join("old/schemas"), tmp.path().join("new/schemas"));
    for dir in [&old_pages, &new_pages] {
        std::fs::create_dir_all(dir).unwrap();
        for page in ["get-conversation.md", "get-or-create-conversation.md"] {
            std::fs::copy(root.join("schemas/inbox").join(page), dir.join(page)).unwrap();
        }
    }

    // The new page: one more enum value, one more optional field (REST and SDK).
    let page = std::fs::read_to_string(new_pages.join("get-conversation.md")).unwrap();
    let mut changed = String::new();
    for line in page.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("- name: businessDisplayData ") {
            let indent = &line[..line.len() - trimmed.len()];
            changed.push_str(&format!(
                "{indent}- name: archived | type: boolean | description: Whether the business archived the conversation. \n"
            ));
        }
        changed.push_str(&line.replace("WHATSAPP", "WHATSAPP, TELEGRAM"));
        changed.push('\n');
    }
    assert_ne!(page, changed);
    std::fs::write(new_pages.join("get-conversation.md"), changed).unwrap();

    let (old_crate, new_crate) = (tmp.path().join("old/wix-apis"), tmp.path().join("new/wix-apis"));
    let old_types = generate_into(&old_pages, &old_crate);
    let new_types = generate_into(&new_pages, &new_crate);
    assert!(
        !old_types.contains("Telegram") && new_types.contains("Telegram"),
        "the enum value was added"
    );
    assert!(
        !old_types.contains("pub archived: Option<bool>") && new_types.contains("pub archived: Option<bool>"),
        "the field was added"
    );

    check_program_against(&old_crate, &tmp.path().join("old/user"));
    check_program_against(&new_crate, &tmp.path().join("new/user"));
}
