//! List the Bookings resource types whose name starts with some text, with a
//! typed query, every page of them.
//!
//! ```text
//! cargo run -p wix-apis --example query_resource_types -- --name-starts-with TEXT [--limit N]
//! ```
//!
//! Queries `name` starting with TEXT, sorted by `name` ascending, N per page
//! (default 50), streams every page and prints each resource type as
//! `id<TAB>name`, one per line. With `WIX_API_KEY` and `WIX_SITE_ID` (or
//! `WIX_ACCOUNT_ID`) set, it calls the API at `WIX_API_BASE_URL` (default
//! `https://www.wixapis.com`). With no key, it starts a built-in local mock
//! server and says so on its first line (on stderr, so that stdout holds only
//! the resource types). Exits 0 on success; on failure prints the error and
//! exits 1 (2 for bad arguments).

use std::process::ExitCode;

use futures::StreamExt;
use wix_apis::resources::{ResourceType, ResourceTypesService};
use wix_client::wql::Query;

mod support;

const USAGE: &str = "usage: query_resource_types --name-starts-with TEXT [--limit N]";

struct Args {
    prefix: String,
    limit: u32,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match args_from(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    // The mock server is kept alive until the walk is done: dropping it stops it.
    let (client, _mock) = support::client_from_env(mock::start, |line| eprintln!("{line}")).await?;
    let service = ResourceTypesService::new(client);
    let query = Query::new()
        .filter(ResourceType::NAME.starts_with(args.prefix))
        .sort(ResourceType::NAME.asc())
        .limit(args.limit);
    let mut resource_types = std::pin::pin!(service.query_resource_types_typed_stream(&query));
    while let Some(resource_type) = resource_types.next().await {
        let resource_type = resource_type?;
        println!(
            "{}\t{}",
            resource_type.id.as_deref().unwrap_or(""),
            resource_type.name.as_deref().unwrap_or("")
        );
    }
    Ok(())
}

fn args_from(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut prefix = None;
    let mut limit = 50;
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--name-starts-with" => prefix = Some(value),
            "--limit" => {
                limit = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=100).contains(n))
                    .ok_or_else(|| format!("--limit takes a page size from 1 to 100, not `{value}`"))?;
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    let prefix = prefix.ok_or("--name-starts-with is required")?;
    Ok(Args { prefix, limit })
}

/// A local stand-in for `POST /bookings/v2/resources/resource-types/query`:
/// a few resource types, filtered by `$startsWith` on `name`, sorted by name,
/// paged by cursor. The cursor is the offset of the next page; later requests
/// carry only the cursor and the limit, as the page asks, so the cursor also
/// remembers the prefix.
mod mock {
    use serde_json::{Value, json};
    use wiremock::matchers::{header_exists, method, path};
    use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

    const NAMES: &[&str] = &[
        "meeting room",
        "meeting booth",
        "meeting hall",
        "projector",
        "meeting pod",
        "tennis court",
        "meeting lounge",
    ];

    struct ResourceTypes;

    fn bad_request(message: &str) -> ResponseTemplate {
        ResponseTemplate::new(400).set_body_json(json!({ "message": message }))
    }

    impl Respond for ResourceTypes {
        fn respond(&self, request: &Request) -> ResponseTemplate {
            let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
            let query = &body["query"];
            let limit = query["cursorPaging"]["limit"].as_u64().unwrap_or(50) as usize;
            let (prefix, offset) = match query["cursorPaging"]["cursor"].as_str() {
                Some(cursor) => {
                    if query.get("filter").is_some() || query.get("sort").is_some() {
                        return bad_request("a request with a cursor takes no filter or sort");
                    }
                    match cursor
                        .split_once(':')
                        .and_then(|(o, p)| Some((p.to_owned(), o.parse().ok()?)))
                    {
                        Some(parsed) => parsed,
                        None => return bad_request("unknown cursor"),
                    }
                }
                None => match query["filter"]["name"]["$startsWith"].as_str() {
                    Some(prefix) => (prefix.to_owned(), 0usize),
                    None => (String::new(), 0),
                },
            };
            let mut matching: Vec<(usize, &str)> = NAMES
                .iter()
                .enumerate()
                .filter(|(_, n)| n.starts_with(&prefix))
                .map(|(i, n)| (i, *n))
                .collect();
            matching.sort_by_key(|(_, n)| *n);
            let page: Vec<Value> = matching
                .iter()
                .skip(offset)
                .take(limit)
                .map(|(i, n)| json!({ "id": format!("rt-{}", i + 1), "name": n, "revision": "1" }))
                .collect();
            let next = offset + page.len();
            let cursors = if next < matching.len() {
                json!({ "next": format!("{next}:{prefix}") })
            } else {
                json!({})
            };
            ResponseTemplate::new(200).set_body_json(json!({
                "resourceTypes": page,
                "pagingMetadata": { "count": page.len(), "cursors": cursors, "hasNext": next < matching.len() }
            }))
        }
    }

    pub async fn start() -> MockServer {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/bookings/v2/resources/resource-types/query"))
            .and(header_exists("authorization"))
            .respond_with(ResourceTypes)
            .mount(&server)
            .await;
        server
    }
}
