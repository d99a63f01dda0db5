//! Issue 22, points 7 to 11: what the client does when the token endpoint,
//! the rate limiter, the body size, the base URL or the cursors misbehave.
//! Each test is named after its point.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use common::{fast_policy, get_items};
use futures::StreamExt;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};
use wix_client::paginate::cursor_stream;
use wix_client::{Auth, Client, Error, ErrorKind, OAuthApp, RequestOptions};

// ---------------------------------------------------------------------------
// Point 7: one shared token refresh, bounded by each request's timeout.

fn oauth_builder(server: &MockServer) -> wix_client::ClientBuilder {
    Client::builder()
        .base_url(server.uri())
        .auth(Auth::oauth_app(OAuthApp::new("app-id", "app-secret", "instance-1")))
        .retry_policy(fast_policy())
        .token_refresh_margin(Duration::from_secs(60))
}

async fn token_requests(server: &MockServer) -> usize {
    server
        .received_requests()
        .await
        .expect("recording on")
        .iter()
        .filter(|r| r.url.path() == "/oauth2/token")
        .count()
}

/// Starts `callers` GETs at once (behind a barrier); caller `i` uses the timeout `timeout_of(i)`.
/// Returns each caller's result, how long it took and its timeout.
async fn concurrent_gets(
    client: &Client,
    callers: usize,
    timeout_of: impl Fn(usize) -> Duration,
) -> Vec<(Result<Value, Error>, Duration, Duration)> {
    let barrier = Arc::new(tokio::sync::Barrier::new(callers));
    let tasks: Vec<_> = (0..callers)
        .map(|i| {
            let client = client.clone();
            let barrier = Arc::clone(&barrier);
            let timeout = timeout_of(i);
            tokio::spawn(async move {
                barrier.wait().await;
                let started = Instant::now();
                let opts = RequestOptions::default().timeout(timeout);
                let result = client.send::<Value>(get_items().options(&opts)).await;
                (result, started.elapsed(), timeout)
            })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("task"));
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn point_7_a_failing_token_endpoint_is_asked_once_for_64_concurrent_callers() {
    let server = MockServer::start().await;
    // The refresh takes 300 ms, so all 64 callers arrive while it is in flight.
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_json(json!({"message": "token service down"}))
                .set_delay(Duration::from_millis(300)),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = oauth_builder(&server).build().expect("client");
    let own_timeout = Duration::from_secs(3);
    let results = tokio::time::timeout(Duration::from_secs(15), concurrent_gets(&client, 64, |_| own_timeout))
        .await
        .expect("the 64 calls end (one after another, each refreshing under a lock, they would take 64 x 300 ms)");
    for (result, elapsed, timeout) in &results {
        let err = result.as_ref().expect_err("the token endpoint fails");
        assert!(matches!(err, Error::Auth { .. }), "{err:?}");
        assert_eq!(
            err.status(),
            Some(500),
            "every waiter gets the refresh's own error: {err}"
        );
        assert!(err.to_string().contains("token service down"), "{err}");
        assert!(
            elapsed < timeout,
            "a caller took {elapsed:?}, its timeout is {timeout:?}"
        );
    }
    assert_eq!(
        token_requests(&server).await,
        1,
        "one token request for one refresh attempt"
    );
    let slowest = results.iter().map(|(_, elapsed, _)| *elapsed).max().unwrap_or_default();
    println!(
        "64 callers, failing token endpoint: 1 token request, slowest caller {slowest:?} (timeout {own_timeout:?})"
    );

    // A failure is not cached: the next call is a new refresh attempt.
    let err = client.send::<Value>(get_items()).await.expect_err("still down");
    assert_eq!(err.status(), Some(500));
    assert_eq!(token_requests(&server).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn point_7_a_hanging_token_endpoint_releases_each_caller_at_its_own_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": "late", "expires_in": 3600}))
                .set_delay(Duration::from_secs(60)),
        )
        .mount(&server)
        .await;
    let client = oauth_builder(&server)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    // Half the callers give each attempt 300 ms, the other half 900 ms.
    let timeout_of = |i: usize| Duration::from_millis(if i.is_multiple_of(2) { 300 } else { 900 });
    let results = tokio::time::timeout(Duration::from_secs(10), concurrent_gets(&client, 64, timeout_of))
        .await
        .expect("every caller is released by its own timeout, not by the token fetch's");
    let slack = Duration::from_millis(700);
    for (result, elapsed, timeout) in &results {
        let err = result.as_ref().expect_err("no token in time");
        let Error::Auth { source, .. } = err else {
            panic!("expected an auth error, got {err:?}");
        };
        assert_eq!(source.kind(), ErrorKind::Timeout, "{err}");
        assert!(
            *elapsed >= *timeout && *elapsed < *timeout + slack,
            "a caller with timeout {timeout:?} took {elapsed:?}"
        );
    }
    assert_eq!(token_requests(&server).await, 1, "the waiters share one fetch");
    for timeout in [Duration::from_millis(300), Duration::from_millis(900)] {
        let took: Vec<Duration> = results.iter().filter(|r| r.2 == timeout).map(|r| r.1).collect();
        let (min, max) = (took.iter().min().copied(), took.iter().max().copied());
        println!(
            "64 callers, hanging token endpoint: {} with timeout {timeout:?} released after {min:?} to {max:?}",
            took.len()
        );
    }
}

#[tokio::test]
async fn point_7_a_token_shorter_lived_than_the_margin_is_reused_for_half_its_lifetime() {
    let server = MockServer::start().await;
    let tokens = Arc::new(common::TokenSequence::new(2));
    let responder = Arc::clone(&tokens);
    Mock::given(method("POST"))
        .and(path("/oauth2/token"))
        .respond_with(move |request: &Request| wiremock::Respond::respond(&*responder, request))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    // A 2 s token and a 60 s margin: the margin is cut to 1 s, half the lifetime.
    let client = oauth_builder(&server).build().expect("client");
    for _ in 0..3 {
        let _: Value = client.send(get_items()).await.expect("ok");
    }
    assert_eq!(
        token_requests(&server).await,
        1,
        "reused within the first half of its life"
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let _: Value = client.send(get_items()).await.expect("ok");
    assert_eq!(token_requests(&server).await, 2, "replaced in the second half");
    let used: Vec<String> = server
        .received_requests()
        .await
        .expect("recording")
        .iter()
        .filter_map(|r| {
            r.headers
                .get("authorization")
                .map(|v| v.to_str().unwrap_or("").to_owned())
        })
        .collect();
    assert_eq!(used, ["tok-0", "tok-0", "tok-0", "tok-1"]);
}

// ---------------------------------------------------------------------------
// Point 8: Retry-After longer than the policy allows ends the retries; HTTP dates.

async fn always(status: u16, retry_after: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(status).insert_header("retry-after", retry_after))
        .mount(&server)
        .await;
    server
}

async fn hits(server: &MockServer) -> usize {
    server.received_requests().await.expect("recording").len()
}

fn capped_policy() -> wix_client::RetryPolicy {
    fast_policy().max_backoff(Duration::from_millis(50))
}

#[tokio::test]
async fn point_8_a_retry_after_longer_than_max_backoff_returns_the_429_at_once() {
    let server = always(429, "3600").await;
    let client = common::builder(&server)
        .retry_policy(capped_policy())
        .build()
        .expect("client");
    let started = Instant::now();
    let err = client.send::<Value>(get_items()).await.expect_err("rate limited");
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    assert_eq!(hits(&server).await, 1, "not retried before Wix said");
    assert_eq!(err.status(), Some(429));
    assert!(err.is_retryable());
    let text = err.to_string();
    assert!(text.contains("3600 s"), "the error names the delay: {text}");
    // Typed: the kind, the delay, and the 429 answer itself.
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    let Error::RateLimited(limit) = &err else {
        panic!("expected a rate-limit error, got {err:?}");
    };
    assert_eq!(limit.retry_after, Some(Duration::from_secs(3600)));
    assert_eq!(limit.api.attempts, 1);
    assert_eq!(err.api_error().map(|a| a.status), Some(429));
    assert!(text.contains("rate limiting"), "{text}");
}

#[tokio::test]
async fn point_8_a_retry_after_longer_than_the_time_left_returns_the_429_at_once() {
    let server = always(429, "2").await;
    // 2 s is within the 5 s max backoff, but past the 1 s max elapsed.
    let policy = fast_policy()
        .max_backoff(Duration::from_secs(5))
        .max_elapsed(Duration::from_secs(1));
    let client = common::builder(&server).retry_policy(policy).build().expect("client");
    let started = Instant::now();
    let err = client.send::<Value>(get_items()).await.expect_err("rate limited");
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    assert_eq!(hits(&server).await, 1);
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
}

#[tokio::test]
async fn point_8_a_503_with_a_long_retry_after_is_not_retried_early_either() {
    let server = always(503, "3600").await;
    let client = common::builder(&server)
        .retry_policy(capped_policy())
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("unavailable");
    assert_eq!(hits(&server).await, 1);
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
}

#[tokio::test]
async fn point_8_a_429_without_retry_after_is_retried_then_typed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429))
        .expect(4)
        .mount(&server)
        .await;
    let err = common::client(&server)
        .send::<Value>(get_items())
        .await
        .expect_err("rate limited");
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.retry_after(), None);
    assert_eq!(err.api_error().map(|a| a.attempts), Some(4));
    assert!(err.to_string().contains("after 4 attempt(s)"), "{err}");
}

#[tokio::test]
async fn point_8_retry_after_as_an_http_date_is_honoured() {
    let in_an_hour = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
    let server = always(429, &in_an_hour).await;
    let client = common::builder(&server)
        .retry_policy(capped_policy())
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("rate limited");
    assert_eq!(
        hits(&server).await,
        1,
        "a date an hour ahead is an hour's wait, not the backoff"
    );
    assert_eq!(err.status(), Some(429));

    // A date in the past means "now".
    let server = MockServer::start().await;
    let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(30));
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", past.as_str()))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let recorder = Arc::new(common::Recorder::default());
    let client = common::builder(&server)
        .retry_policy(
            fast_policy()
                .initial_backoff(Duration::from_secs(1))
                .max_backoff(Duration::from_secs(2)),
        )
        .shared_observer(recorder.clone())
        .build()
        .expect("client");
    let _: Value = client.send(get_items()).await.expect("ok");
    let responses = recorder.responses.lock().expect("lock");
    assert_eq!(responses[0].retry_delay, Some(Duration::ZERO));
}

// ---------------------------------------------------------------------------
// Point 9: response bodies are capped while they are read.

/// Serves one connection on a local port: answers with `head` and then
/// `body_len` bytes, and returns how many body bytes it could write before the
/// client stopped reading (a write stalled for 2 s counts as stopped).
async fn serve_once(head: String, body_len: usize) -> (String, tokio::task::JoinHandle<usize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let task = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let mut request = Vec::new();
        let mut buf = [0_u8; 4096];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            match socket.read(&mut buf).await {
                Ok(0) | Err(_) => return 0,
                Ok(n) => request.extend_from_slice(&buf[..n]),
            }
        }
        if socket.write_all(head.as_bytes()).await.is_err() {
            return 0;
        }
        let chunk = vec![b'x'; 64 * 1024];
        let mut written = 0;
        while written < body_len {
            let n = chunk.len().min(body_len - written);
            match tokio::time::timeout(Duration::from_secs(2), socket.write_all(&chunk[..n])).await {
                Ok(Ok(())) => written += n,
                _ => break,
            }
        }
        written
    });
    (url, task)
}

const SIXTY_FOUR_MIB: usize = 64 * 1024 * 1024;

#[tokio::test]
async fn point_9_a_64_mib_error_body_is_not_read_whole() {
    let head = format!(
        "HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: {SIXTY_FOUR_MIB}\r\n\r\n"
    );
    let (url, server) = serve_once(head, SIXTY_FOUR_MIB).await;
    let client = Client::builder()
        .base_url(url)
        .auth(Auth::access_token("t"))
        .retry_policy(wix_client::RetryPolicy::none())
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("500");
    assert_eq!(err.status(), Some(500), "{err}");
    drop(client);
    let written = server.await.expect("server");
    assert!(
        written < SIXTY_FOUR_MIB / 2,
        "the client read {written} bytes of a 64 MiB error body"
    );
}

#[tokio::test]
async fn point_9_a_success_body_over_the_limit_fails_while_it_is_read() {
    const LIMIT: usize = 1024 * 1024;
    const SENT: usize = 32 * 1024 * 1024;
    // No content-length: the body runs until the connection closes.
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n".to_owned();
    let (url, server) = serve_once(head, SENT).await;
    let client = Client::builder()
        .base_url(url)
        .auth(Auth::access_token("t"))
        .retry_policy(wix_client::RetryPolicy::none())
        .max_response_body(LIMIT)
        .build()
        .expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("too large");
    assert_eq!(err.kind(), ErrorKind::ResponseTooLarge, "{err}");
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                limit: LIMIT,
                status: 200,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("max_response_body"), "says what to do: {err}");
    assert!(!err.is_retryable());
    drop(client);
    let written = server.await.expect("server");
    assert!(written < SENT / 2, "the client read {written} bytes with a 1 MiB limit");
}

#[tokio::test]
async fn point_9_a_declared_length_over_the_limit_is_refused_unread_and_the_limit_itself_passes() {
    let server = MockServer::start().await;
    let body = format!("\"{}\"", "x".repeat(998)); // 1,000 bytes of JSON
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), "application/json"))
        .mount(&server)
        .await;
    let at_limit = common::builder(&server)
        .max_response_body(1000)
        .build()
        .expect("client");
    let value: Value = at_limit.send(get_items()).await.expect("exactly the limit is fine");
    assert_eq!(value.as_str().map(str::len), Some(998));
    let under = common::builder(&server).max_response_body(999).build().expect("client");
    let err = under.send::<Value>(get_items()).await.expect_err("one byte over");
    assert_eq!(err.kind(), ErrorKind::ResponseTooLarge, "{err}");
    assert_eq!(err.status(), Some(200));
}

#[tokio::test]
async fn point_9_an_error_body_over_the_limit_keeps_its_status_and_start() {
    let server = MockServer::start().await;
    let body = format!("{{\"message\":\"{}\"}}", "m".repeat(5000));
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let client = common::builder(&server).max_response_body(100).build().expect("client");
    let err = client.send::<Value>(get_items()).await.expect_err("404");
    assert_eq!(err.kind(), ErrorKind::Api);
    let api = err.api_error().expect("api error");
    assert_eq!(api.status, 404);
    assert_eq!(api.body_excerpt.len(), 100, "only the first 100 bytes were read");
    assert!(api.body_excerpt.starts_with("{\"message\":\"mmm"));
}

// ---------------------------------------------------------------------------
// Point 10: https is required for the base URL, loopback excepted.

#[test]
fn point_10_an_http_base_url_for_a_remote_host_is_refused() {
    for url in [
        "http://www.wixapis.com",
        "http://10.0.0.8:8080",
        "http://localhost.evil.com",
    ] {
        let err = Client::builder()
            .base_url(url)
            .auth(Auth::access_token("t"))
            .build()
            .expect_err(url);
        assert_eq!(err.kind(), ErrorKind::Config, "{url}: {err}");
        let text = err.to_string();
        assert!(text.contains("https"), "{text}");
    }
    for url in [
        "http://127.0.0.1:8080",
        "http://localhost:1234",
        "http://[::1]:80",
        "https://www.wixapis.com",
    ] {
        Client::builder()
            .base_url(url)
            .auth(Auth::access_token("t"))
            .build()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
    }
    let opted_in = Client::builder()
        .base_url("http://proxy.internal:8080")
        .auth(Auth::access_token("t"))
        .allow_insecure_http(true)
        .build()
        .expect("opted in");
    assert_eq!(opted_in.base_url(), "http://proxy.internal:8080");
    let err = Client::builder()
        .base_url("http://proxy.internal:8080")
        .auth(Auth::oauth_app(OAuthApp::new("a", "s", "i")))
        .build()
        .expect_err("refused for OAuth too");
    assert!(
        err.to_string().contains("allow_insecure_http"),
        "says what to do: {err}"
    );
}

// ---------------------------------------------------------------------------
// Point 11: a cursor cycle ends the walk with an error.

#[tokio::test]
async fn point_11_a_cursor_cycle_a_b_a_ends_with_a_pagination_error() {
    // First page -> A -> B -> A -> ...
    let stream = cursor_stream(
        None::<String>,
        |cursor: Option<String>| async move {
            let (items, next) = match cursor.as_deref() {
                None => (vec!["p0"], "A"),
                Some("A") => (vec!["a1", "a2"], "B"),
                Some(_) => (vec!["b1"], "A"),
            };
            Ok::<_, Error>((items, Some(next.to_owned())))
        },
        |req, cursor| *req = Some(cursor),
        |resp| resp,
    );
    let results: Vec<Result<&str, Error>> = stream.take(50).collect().await;
    let items: Vec<&str> = results.iter().filter_map(|r| r.as_ref().ok().copied()).collect();
    assert_eq!(items, ["p0", "a1", "a2", "b1"], "each page once");
    assert_eq!(results.len(), 5, "then one error: {results:?}");
    let err = results[4].as_ref().expect_err("pagination error");
    assert_eq!(err.kind(), ErrorKind::Pagination);
    assert!(err.to_string().contains("cycle"), "{err}");
}
