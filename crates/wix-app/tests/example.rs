//! The `wix_app` example, run as a user runs it (`cargo run -p wix-app
//! --example wix_app`), answering locally signed requests on 127.0.0.1.
//! No network beyond loopback.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};
use support::*;

fn command(env: &[(&str, &str)]) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.args(["run", "--quiet", "-p", "wix-app", "--example", "wix_app"]);
    for key in ["WIX_APP_PUBLIC_KEY", "WIX_APP_ID", "PORT"] {
        cmd.env_remove(key);
    }
    cmd.envs(env.iter().copied());
    cmd
}

/// The running example; killed when dropped. `cargo run` execs the example on
/// Unix, so the child is the server itself.
struct Server {
    child: Child,
    lines: Receiver<String>,
    url: String,
}

impl Server {
    fn start(env: &[(&str, &str)]) -> Server {
        let mut child = command(env)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("run cargo");
        let stdout = child.stdout.take().expect("stdout");
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        // The first line names the address; allow time for cargo to build.
        let first = lines
            .recv_timeout(Duration::from_secs(600))
            .expect("the example printed nothing");
        let url = first
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("first line: {first}"))
            .to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        Server { child, lines, url }
    }

    /// The next line the example prints, within a few seconds.
    fn line(&self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(10))
            .expect("no line printed")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn post(url: &str, body: String) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(url)
        .header("content-type", "text/plain")
        .body(body)
        .send()
        .await
        .expect("request to the local example");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_example_answers_webhooks_and_the_balance_plugin() {
    let server = tokio::task::spawn_blocking(|| {
        Server::start(&[("WIX_APP_PUBLIC_KEY", PUBLIC), ("WIX_APP_ID", APP_ID), ("PORT", "0")])
    })
    .await
    .unwrap();
    let webhooks = format!("{}/webhooks", server.url);
    let balance = format!("{}/v1/balance", server.url);

    // A valid webhook: 200, and the handler ran.
    let order = json!({"id": "ord-1001", "number": "10042"});
    let token = webhook(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entityAsJson": order.to_string()}),
        ),
    );
    let (status, body) = post(&webhooks, token).await;
    assert_eq!((status, body), (200, json!({"outcome": "handled"})));
    assert_eq!(
        server.line(),
        format!("handler: order ord-1001 (number 10042) created on instance {INSTANCE_ID}")
    );
    let log = server.line();
    assert!(
        log.starts_with("POST /webhooks 200 webhook wix.ecom.v1.order_created") && log.ends_with("handled"),
        "{log}"
    );

    // The second handled type: the older AppInstalled event.
    let (status, _) = post(&webhooks, webhook("AppInstalled", &json!({"appId": "app-7"}))).await;
    assert_eq!(status, 200);
    assert_eq!(
        server.line(),
        format!("handler: app app-7 installed on instance {INSTANCE_ID}")
    );
    assert!(server.line().starts_with("POST /webhooks 200 webhook AppInstalled"));

    // An event type with no handler: acknowledged.
    let token = webhook(
        "wix.contacts.v4.contact_created",
        &envelope(
            "wix.contacts.v4.contact",
            "created",
            "createdEvent",
            json!({"entity": {"id": "c-1"}}),
        ),
    );
    let (status, body) = post(&webhooks, token).await;
    assert_eq!((status, body), (200, json!({"outcome": "acknowledged"})));
    assert!(server.line().contains("no handler, acknowledged"));

    // A bad signature: 401, and no handler ran (the next line is the request log).
    let forged = sign_with(
        &webhook_claims(
            "wix.ecom.v1.order_created",
            &envelope("wix.ecom.v1.order", "created", "createdEvent", json!({"entity": order})),
        ),
        WRONG_PRIVATE,
        jsonwebtoken::Algorithm::RS256,
    );
    let (status, _) = post(&webhooks, forged.clone()).await;
    assert_eq!(status, 401);
    let log = server.line();
    assert!(log.starts_with("POST /webhooks 401 refused (signature)"), "{log}");
    assert!(!log.contains(&forged[..30]), "the token is never logged: {log}");

    // The service plugin: a signed GetBalance call.
    let call = sign(&plugin_claims(json!({"code": "GC-100"}), metadata()));
    let (status, body) = post(&balance, call).await;
    assert_eq!(
        (status, body),
        (200, json!({"balance": "25.00", "currencyCode": "USD"}))
    );
    let log = server.line();
    assert!(
        log.starts_with("POST /v1/balance 200 service plugin getBalance (request req-42)"),
        "{log}"
    );

    // An applicationError with its status.
    let call = sign(&plugin_claims(json!({"code": "unknown"}), metadata()));
    let (status, body) = post(&balance, call).await;
    assert_eq!(
        (status, body),
        (
            404,
            json!({"applicationError": {"code": "GIFT_CARD_NOT_FOUND", "data": {}}})
        )
    );
    assert!(server.line().contains("404 GIFT_CARD_NOT_FOUND"));

    // A call meant for another app: 401.
    let mut claims = plugin_claims(json!({"code": "GC-100"}), metadata());
    claims["aud"] = json!("another-app");
    let (status, _) = post(&balance, sign(&claims)).await;
    assert_eq!(status, 401);
    assert!(server.line().contains("refused (aud)"));
}

#[test]
fn the_example_says_what_is_missing_and_exits_2() {
    let out = command(&[("WIX_APP_ID", APP_ID)]).output().expect("run cargo");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("WIX_APP_PUBLIC_KEY is not set"), "{stderr}");

    let out = command(&[("WIX_APP_PUBLIC_KEY", "garbage"), ("WIX_APP_ID", APP_ID)])
        .output()
        .expect("run cargo");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("WIX_APP_PUBLIC_KEY: the public key is neither PEM"),
        "{stderr}"
    );
}
