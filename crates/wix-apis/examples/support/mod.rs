//! What the examples share: the client they call Wix with, from the
//! environment, or a local mock server when no key is set.

use std::future::Future;
use wiremock::MockServer;
use wix_client::{Auth, Client};

/// The client an example calls with. With `WIX_API_KEY` and `WIX_SITE_ID` (or
/// `WIX_ACCOUNT_ID`) set: the API at `WIX_API_BASE_URL` (default
/// `https://www.wixapis.com`). With no key: the mock server `start_mock`
/// starts, returned beside the client, which must keep it alive until its calls
/// are done (dropping it stops the server). `say` gets the first line, which
/// says which: stdout for an example whose output is a report, stderr for one
/// whose stdout is data.
pub async fn client_from_env<F: Future<Output = MockServer>>(
    start_mock: impl FnOnce() -> F,
    say: fn(&str),
) -> Result<(Client, Option<MockServer>), Box<dyn std::error::Error>> {
    let api_key = std::env::var("WIX_API_KEY").ok().filter(|k| !k.is_empty());
    match api_key {
        Some(key) => {
            let base_url =
                std::env::var("WIX_API_BASE_URL").unwrap_or_else(|_| wix_client::DEFAULT_BASE_URL.to_owned());
            let auth = match (std::env::var("WIX_SITE_ID"), std::env::var("WIX_ACCOUNT_ID")) {
                (Ok(site), _) if !site.is_empty() => Auth::api_key_for_site(key, site),
                (_, Ok(account)) if !account.is_empty() => Auth::api_key_for_account(key, account),
                _ => return Err("WIX_API_KEY is set but neither WIX_SITE_ID nor WIX_ACCOUNT_ID is: set one".into()),
            };
            say(&format!("Calling the Wix API at {base_url}"));
            Ok((Client::builder().auth(auth).base_url(base_url).build()?, None))
        }
        None => {
            let server = start_mock().await;
            say(&format!(
                "WIX_API_KEY is not set: using a built-in local mock server at {}",
                server.uri()
            ));
            let client = Client::builder()
                .auth(Auth::api_key_for_site("mock-api-key", "mock-site-id"))
                .base_url(server.uri())
                .build()?;
            Ok((client, Some(server)))
        }
    }
}
