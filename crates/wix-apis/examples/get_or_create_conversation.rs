//! Get (or create) the Inbox conversation with a site member, contact or visitor.
//!
//! ```text
//! cargo run -p wix-apis --example get_or_create_conversation -- --member-id ID
//! ```
//!
//! With `WIX_API_KEY` and `WIX_SITE_ID` (or `WIX_ACCOUNT_ID`) set, it calls the
//! API at `WIX_API_BASE_URL` (default `https://www.wixapis.com`). With no key,
//! it starts a built-in local mock server and says so on its first line.
//! Exits 0 on success; on failure prints the error and exits 1 (2 for bad
//! arguments).
//!
//! Logs go to stderr through `tracing-subscriber`, filtered by `RUST_LOG`
//! (default `warn`): `RUST_LOG=wix_client=debug` shows the call's span and
//! each attempt. The mock server answers the first call with a 429, so the
//! retry shows.

use std::process::ExitCode;
use wix_apis::inbox::{
    ConversationsService, GetOrCreateConversationRequest, GetOrCreateConversationResponse, IdentificationDataKind,
    ParticipantIdKind,
};

mod support;

const USAGE: &str = "usage: get_or_create_conversation (--member-id ID | --contact-id ID | --visitor-id ID)";

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .init();
    let participant = match participant_from_args(std::env::args().skip(1)) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(participant).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(participant: ParticipantIdKind) -> Result<(), Box<dyn std::error::Error>> {
    // The mock server is kept alive until the call is done: dropping it stops it.
    let (client, _mock) = support::client_from_env(mock::start, |line| println!("{line}")).await?;
    let conversations = ConversationsService::new(client);
    let response = conversations
        .get_or_create_conversation(&GetOrCreateConversationRequest::new(participant))
        .await?;
    print!("{}", describe(&response));
    Ok(())
}

fn participant_from_args(mut args: impl Iterator<Item = String>) -> Result<ParticipantIdKind, String> {
    let flag = args.next().ok_or("no participant given")?;
    let id = args
        .next()
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("{flag} needs an ID"))?;
    if let Some(extra) = args.next() {
        return Err(format!("unexpected argument `{extra}`: give exactly one participant"));
    }
    match flag.as_str() {
        "--member-id" => Ok(ParticipantIdKind::MemberId(id)),
        "--contact-id" => Ok(ParticipantIdKind::ContactId(id)),
        "--visitor-id" => Ok(ParticipantIdKind::AnonymousVisitorId(id)),
        other => Err(format!("unknown option `{other}`")),
    }
}

/// The conversation in a form for people.
fn describe(response: &GetOrCreateConversationResponse) -> String {
    let Some(c) = &response.conversation else {
        return "The response carried no conversation.\n".to_owned();
    };
    // A member or visitor is the ONE-OF; Wix may also send the contact ID beside it.
    let participant = c.participant.as_ref();
    let participant = match (
        participant.and_then(|p| p.kind()),
        participant.and_then(|p| p.contact_id.as_deref()),
    ) {
        (Some(IdentificationDataKind::MemberId(id)), _) => format!("site member {id}"),
        (Some(IdentificationDataKind::AnonymousVisitorId(id)), _) => format!("anonymous visitor {id}"),
        (Some(other), _) => format!("{other:?}"),
        (None, Some(contact)) => format!("contact {contact}"),
        (None, None) => "(not given)".to_owned(),
    };
    let name = |d: &Option<wix_apis::inbox::ConversationDisplayData>| {
        d.as_ref()
            .and_then(|d| d.name.clone())
            .unwrap_or_else(|| "(no name)".to_owned())
    };
    let channels: Vec<&str> = c.channels.iter().map(|ch| ch.as_str()).collect();
    let created = match response.new_conversation {
        Some(true) => "created now",
        Some(false) => "already existed",
        None => "unknown",
    };
    format!(
        "Conversation {}\n  participant:  {participant} ({})\n  business:     {}\n  channels:     {}\n  conversation: {created}\n",
        c.id.as_deref().unwrap_or("(no id)"),
        name(&c.participant_display_data),
        name(&c.business_display_data),
        if channels.is_empty() {
            "(none listed)".to_owned()
        } else {
            channels.join(", ")
        },
    )
}

/// A local stand-in for `POST /inbox/v2/conversations`, answering like the
/// page's example response for whichever participant is asked for.
mod mock {
    use serde_json::{Value, json};
    use wiremock::matchers::{header_exists, method, path};
    use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

    struct Conversation;

    impl Respond for Conversation {
        fn respond(&self, request: &Request) -> ResponseTemplate {
            let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
            let Some(participant) = body.get("participantId").filter(|p| p.is_object()) else {
                return ResponseTemplate::new(400).set_body_json(json!({
                    "message": "participantId is required",
                    "details": { "validationError": { "fieldViolations": [
                        { "field": "participantId", "description": "must be set", "violatedRule": "REQUIRED_FIELD" }
                    ] } }
                }));
            };
            ResponseTemplate::new(200)
                .insert_header("x-wix-request-id", "mock-request-1")
                .set_body_json(json!({
                    "conversation": {
                        "id": "092d1135-99cf-3ca9-a0bf-378e1df4539b",
                        "participant": participant,
                        "channels": ["CHAT", "EMAIL"],
                        "businessDisplayData": { "name": "Classic Cars" },
                        "participantDisplayData": { "name": "alevine@email.com" }
                    },
                    "newConversation": false
                }))
        }
    }

    pub async fn start() -> MockServer {
        let server = MockServer::start().await;
        // Rate-limited once, as Wix may answer: the client waits and tries again.
        Mock::given(method("POST"))
            .and(path("/inbox/v2/conversations"))
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("x-wix-request-id", "mock-request-0")
                    .set_body_json(json!({"message": "Too many requests"})),
            )
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path("/inbox/v2/conversations"))
            .and(header_exists("authorization"))
            .respond_with(Conversation)
            .mount(&server)
            .await;
        server
    }
}
