//! Load test: many GETs at concurrency 64 against a local mock server that
//! answers 5% of requests with 503 and 1% with 429 (chosen deterministically
//! from each request's ID). Every request must succeed, none may be lost, and
//! none may be attempted more often than the retry policy allows.
//!
//! Size it with `WIX_LOAD_REQUESTS` (default 10000):
//! `WIX_LOAD_REQUESTS=10000 cargo test -p wix-client --release --test load -- --nocapture`

mod common;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures::StreamExt;
use serde::Deserialize;
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};
use wix_client::{ApiRequest, Auth, Client, HttpMethod, RequestOptions, RetryPolicy};

const CONCURRENCY: usize = 64;
const MAX_ATTEMPTS: u32 = 4;
const ID_HEADER: &str = "x-load-id";

/// A fixed mix of the request ID (splitmix64), so the failure plan is the same on every run.
fn mix(id: u64) -> u64 {
    let mut z = id.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The failures planned for a request: (status, how many attempts fail).
/// 5% get 503 (a fifth of those twice), 1% get 429, the rest succeed at once.
fn plan(id: u64) -> Option<(u16, u32)> {
    match mix(id) % 1000 {
        0..10 => Some((503, 2)),
        10..50 => Some((503, 1)),
        50..60 => Some((429, 1)),
        _ => None,
    }
}

/// Answers by plan and counts attempts per request ID.
#[derive(Default)]
struct Flaky {
    attempts: Mutex<HashMap<u64, u32>>,
}

impl Respond for Flaky {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let Some(id) = request
            .headers
            .get(ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
        else {
            return ResponseTemplate::new(400);
        };
        let attempt = {
            let mut attempts = self.attempts.lock().expect("lock");
            let count = attempts.entry(id).or_insert(0);
            *count += 1;
            *count
        };
        match plan(id) {
            Some((status, failures)) if attempt <= failures => ResponseTemplate::new(status),
            _ => ResponseTemplate::new(200).set_body_json(json!({"id": id.to_string()})),
        }
    }
}

/// Wraps the shared responder so the test keeps a handle to its counts.
struct Shared(std::sync::Arc<Flaky>);

impl Respond for Shared {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.0.respond(request)
    }
}

#[derive(Deserialize)]
struct Echo {
    #[serde(with = "wix_client::wire::int64")]
    id: i64,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_gets_at_concurrency_64_all_succeed() {
    let total: u64 = std::env::var("WIX_LOAD_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);

    let server = MockServer::builder().disable_request_recording().start().await;
    let flaky = std::sync::Arc::new(Flaky::default());
    Mock::given(method("GET"))
        .respond_with(Shared(flaky.clone()))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .auth(Auth::access_token("load-token"))
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(MAX_ATTEMPTS)
                .initial_backoff(Duration::from_millis(1))
                .max_backoff(Duration::from_millis(10))
                .max_elapsed(Duration::from_secs(30)),
        )
        .build()
        .expect("client");

    let started = Instant::now();
    let results: Vec<(u64, Result<Echo, wix_client::Error>, Duration)> = futures::stream::iter(0..total)
        .map(|id| {
            let client = client.clone();
            async move {
                let opts = RequestOptions::default().header(ID_HEADER, id.to_string());
                let req = ApiRequest::new(HttpMethod::Get, "load.ItemsService.getItem")
                    .path("/v1/items/")
                    .path_param(&id.to_string())
                    .options(&opts);
                let sent = Instant::now();
                let result = client.send::<Echo>(req).await;
                (id, result, sent.elapsed())
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let wall = started.elapsed();

    let mut latencies = Vec::with_capacity(results.len());
    for (id, result, latency) in &results {
        let echo = result.as_ref().unwrap_or_else(|e| panic!("request {id} failed: {e}"));
        assert_eq!(u64::try_from(echo.id).ok(), Some(*id), "answer matches request");
        latencies.push(*latency);
    }
    assert_eq!(results.len() as u64, total, "every request completed");

    let attempts = flaky.attempts.lock().expect("lock");
    assert_eq!(attempts.len() as u64, total, "no request lost");
    let mut retried = 0_u64;
    for id in 0..total {
        let seen = attempts.get(&id).copied().unwrap_or(0);
        let expected = 1 + plan(id).map_or(0, |(_, failures)| failures);
        assert!(seen <= MAX_ATTEMPTS, "request {id} sent {seen} times");
        assert_eq!(seen, expected, "request {id}: attempts");
        retried += u64::from(seen > 1);
    }
    let attempts_total: u64 = attempts.values().map(|&n| u64::from(n)).sum();

    latencies.sort_unstable();
    let rps = total as f64 / wall.as_secs_f64();
    println!(
        "wix-client load: {total} requests ({attempts_total} attempts, {retried} retried) \
         at concurrency {CONCURRENCY} in {:.2} s: {rps:.0} req/s, p50 {:.2} ms, p99 {:.2} ms",
        wall.as_secs_f64(),
        percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
    );
}
