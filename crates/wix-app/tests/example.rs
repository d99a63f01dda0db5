//! The `wix_app` example, run as a user runs it (`cargo run -p wix-app
//! --example wix_app`), answering locally signed requests on 127.0.0.1.
//! No network beyond loopback.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::*;

fn command(env: &[(&str, &str)]) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.args(["run", "--quiet", "-p", "wix-app", "--example", "wix_app"]);
    for key in [
        "WIX_APP_PUBLIC_KEY",
        "WIX_APP_ID",
        "PORT",
        "HEADER_TIMEOUT_SECS",
        "BODY_TIMEOUT_SECS",
        "BODY_LIMIT_BYTES",
        "MAX_CONNECTIONS",
    ] {
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

/// Starts the example off the async worker (cargo may build it first).
async fn start(env: Vec<(&'static str, String)>) -> Server {
    tokio::task::spawn_blocking(move || {
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Server::start(&env)
    })
    .await
    .unwrap()
}

fn defaults() -> Vec<(&'static str, String)> {
    vec![
        ("WIX_APP_PUBLIC_KEY", PUBLIC.to_owned()),
        ("WIX_APP_ID", APP_ID.to_owned()),
        ("PORT", "0".to_owned()),
    ]
}

/// Writes `bytes` on a raw connection to the example and reads until the
/// server closes it, or `wait` passes. Returns what was read, and when the
/// connection was closed (`None`: still open after `wait`).
async fn raw_exchange(url: &str, bytes: &'static [u8], wait: Duration) -> (String, Option<Duration>) {
    let addr = url.strip_prefix("http://").unwrap().to_owned();
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(&addr).expect("connect to the example");
        stream.write_all(bytes).expect("write");
        let started = Instant::now();
        let mut read = Vec::new();
        let mut buffer = [0u8; 4096];
        loop {
            let left = wait.saturating_sub(started.elapsed());
            if left.is_zero() {
                return (String::from_utf8_lossy(&read).into_owned(), None);
            }
            stream.set_read_timeout(Some(left)).unwrap();
            match stream.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => read.extend_from_slice(&buffer[..n]),
                Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                    return (String::from_utf8_lossy(&read).into_owned(), None);
                }
                // A reset is the server closing the connection too.
                Err(_) => break,
            }
        }
        (String::from_utf8_lossy(&read).into_owned(), Some(started.elapsed()))
    })
    .await
    .unwrap()
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

    // A limit that would turn a protection off is refused, naming the setting.
    for (name, value) in [
        ("HEADER_TIMEOUT_SECS", "0"),
        ("BODY_TIMEOUT_SECS", "-1"),
        ("BODY_LIMIT_BYTES", "lots"),
        ("MAX_CONNECTIONS", "0"),
    ] {
        let out = command(&[("WIX_APP_PUBLIC_KEY", PUBLIC), ("WIX_APP_ID", APP_ID), (name, value)])
            .output()
            .expect("run cargo");
        assert_eq!(out.status.code(), Some(2), "{name}={value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("{name} must be")), "{stderr}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn point_5_the_example_closes_slow_connections_and_trims_the_app_id() {
    let mut env = defaults();
    env[1].1 = format!("{APP_ID}\n");
    env.push(("HEADER_TIMEOUT_SECS", "1".to_owned()));
    env.push(("BODY_TIMEOUT_SECS", "1".to_owned()));
    let server = start(env).await;

    // Half of its headers, then nothing: closed after the header timeout.
    let (_, closed) = raw_exchange(
        &server.url,
        b"POST /webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/pl",
        Duration::from_secs(20),
    )
    .await;
    let closed = closed.expect("a connection that stopped mid-headers is still open after 20 s");
    assert!(closed >= Duration::from_millis(900), "closed after {closed:?}");

    // 4 bytes of a promised 1 MB body: 408, and the connection is closed.
    let (answer, closed) = raw_exchange(
        &server.url,
        b"POST /webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\nabcd",
        Duration::from_secs(20),
    )
    .await;
    assert!(
        closed.is_some(),
        "a connection that stopped mid-body is still open after 20 s"
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");

    // WIX_APP_ID with a trailing newline (as `$(cat app-id.txt)` or an env file gives it).
    let call = sign(&plugin_claims(json!({"code": "GC-100"}), metadata()));
    let (status, body) = post(&format!("{}/v1/balance", server.url), call).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test(flavor = "multi_thread")]
async fn acceptance_2_the_example_refuses_oversized_bodies_and_weak_tokens() {
    let mut env = defaults();
    env.push(("HEADER_TIMEOUT_SECS", "2".to_owned()));
    let server = start(env).await;
    let webhooks = format!("{}/webhooks", server.url);
    let balance = format!("{}/v1/balance", server.url);

    let (_, closed) = raw_exchange(
        &server.url,
        b"POST /webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        Duration::from_secs(30),
    )
    .await;
    assert!(
        closed.is_some(),
        "a connection that stopped mid-headers is open after 30 s"
    );

    // Over the 1 MiB default body limit: 413, before any verification.
    let (status, _) = post(&webhooks, "A".repeat(3 << 19)).await;
    assert_eq!(status, 413);

    let order = || {
        webhook_claims(
            "wix.ecom.v1.order_created",
            &envelope(
                "wix.ecom.v1.order",
                "created",
                "createdEvent",
                json!({"entity": {"id": "ord-1", "number": "1"}}),
            ),
        )
    };
    let mut no_exp = order();
    no_exp.as_object_mut().unwrap().remove("exp");
    let mut future_nbf = order();
    future_nbf["nbf"] = json!(now() + 3600);
    let crit = sign_with_header(
        &json!({"alg": "RS256", "typ": "JWT", "crit": ["b64"], "b64": true}),
        &order(),
    );
    for (what, token) in [
        ("no exp", sign(&no_exp)),
        ("future nbf", sign(&future_nbf)),
        ("crit", crit),
    ] {
        let (status, body) = post(&webhooks, token).await;
        assert_eq!(status, 401, "{what}: {body}");
    }

    let mut odd = plugin_claims(json!({"code": "GC-100"}), metadata());
    odd["iss"] = json!(123);
    odd["aud"] = json!({"x": 1});
    let mut plugin_no_exp = plugin_claims(json!({"code": "GC-100"}), metadata());
    plugin_no_exp.as_object_mut().unwrap().remove("exp");
    for (what, claims) in [("non-string iss/aud", odd), ("no exp", plugin_no_exp)] {
        let (status, body) = post(&balance, sign(&claims)).await;
        assert_eq!(status, 401, "{what}: {body}");
    }
    // And a sound call still answers.
    let (status, _) = post(&balance, sign(&plugin_claims(json!({"code": "GC-100"}), metadata()))).await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn point_5_the_example_serves_at_most_max_connections_at_once() {
    let mut env = defaults();
    env.push(("MAX_CONNECTIONS", "1".to_owned()));
    env.push(("HEADER_TIMEOUT_SECS", "2".to_owned()));
    let server = start(env).await;

    // One idle connection takes the only slot until the header timeout closes it.
    let addr = server.url.strip_prefix("http://").unwrap().to_owned();
    let idle = TcpStream::connect(&addr).expect("connect");
    std::thread::sleep(Duration::from_millis(200));

    let started = Instant::now();
    let call = sign(&plugin_claims(json!({"code": "GC-100"}), metadata()));
    let (status, _) = post(&format!("{}/v1/balance", server.url), call).await;
    let waited = started.elapsed();
    assert_eq!(status, 200);
    assert!(
        waited >= Duration::from_secs(1),
        "the second connection was served after {waited:?}, while the first held the only slot"
    );
    drop(idle);
}
