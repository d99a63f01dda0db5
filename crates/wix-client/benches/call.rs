//! The runtime client's own cost per call: the same call through `wix-client`
//! and through a hand-written `reqwest` + `serde_json` call, side by side.
//!
//! `cargo bench -p wix-client --bench call`
//!
//! The call: a `POST` with a 1 KB JSON body, answered 200 with a 2 KB JSON body
//! that is decoded into a type built the way generated code builds it
//! (`wix_client::__object!` and `__serde_object!`, as `wix-apis` does). The
//! server is a minimal HTTP/1.1 keep-alive server on 127.0.0.1 in this process,
//! on its own thread and its own single-threaded tokio runtime; it answers
//! every request with the same bytes and stops after a bounded number of
//! requests. The clients run on the main thread, on a single-threaded tokio
//! runtime, so the counting allocator below counts the client side only (the
//! server's allocations happen on its own thread).
//!
//! Two modes: sequential (one call at a time) and 64 calls in flight. Each
//! round runs both clients, alternating which goes first; the printed numbers
//! are medians over the rounds (`WIX_CALL_RUNS`, default 15) of calls per
//! second, of the client thread's CPU time per call (a steadier witness on a
//! shared machine) and of allocations per call. `WIX_CALL_REQUESTS` (default
//! 1000) sets the calls per run.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::StreamExt;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wix_client::{ApiRequest, Auth, Client, HttpMethod, RequestOptions};

// ---------------------------------------------------------------------------
// Counting allocator: allocations made on the thread that counts.

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn note_allocation() {
    // `try_with`: the thread-locals may be gone while a thread exits.
    let _ = COUNTING.try_with(|on| {
        if on.get() {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counter only reads and writes const-initialised thread-locals (no allocation).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` with this thread's allocations counted; returns its result, the
/// count, and the CPU time this thread used.
async fn counted<T>(f: impl std::future::Future<Output = T>) -> (T, u64, Duration) {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|on| on.set(true));
    let cpu = thread_cpu_time();
    let out = f.await;
    let cpu = thread_cpu_time().saturating_sub(cpu);
    COUNTING.with(|on| on.set(false));
    (out, ALLOCATIONS.with(Cell::get), cpu)
}

/// The CPU time used by the calling thread so far (steadier than wall-clock
/// time on a shared machine: time spent waiting for a core is not in it).
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

// ---------------------------------------------------------------------------
// The payload types, written as generated code writes them.

/// An item of the request and the response.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub id: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub quantity: Option<i32>,
    pub revision: Option<i64>,
    pub price: Option<f64>,
    pub visible: Option<bool>,
}

wix_client::__object!(Item[] {
    id : opt = "id", title : opt = "title", description : opt = "description", tags : list = "tags",
    quantity : opt = "quantity", revision : int64 = "revision", price : opt = "price", visible : opt = "visible"
});

/// The request and response body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Items {
    pub items: Vec<Item>,
    pub cursor: Option<String>,
}

wix_client::__object!(Items[] { items : list = "items", cursor : opt = "cursor" });

wix_client::__serde_object!(Item, Items);

fn item(i: usize) -> Item {
    Item {
        id: Some(format!("8e1c2d3a-{i:04}-4b5c-9d0e-1f2a3b4c5d6e")),
        title: Some(format!("Item number {i}")),
        description: Some("A short description of the item, as a shop would show it.".to_owned()),
        tags: vec!["summer".to_owned(), "sale".to_owned()],
        quantity: Some(i as i32 * 3),
        revision: Some(1_700_000_000_000 + i as i64),
        price: Some(19.5 + i as f64),
        visible: Some(i.is_multiple_of(2)),
    }
}

/// `n` items and a cursor.
fn items(n: usize) -> Items {
    Items {
        items: (0..n).map(item).collect(),
        cursor: Some("eyJvZmZzZXQiOjEwMH0".to_owned()),
    }
}

/// Items whose JSON is exactly `bytes` long: as many as fit, the cursor padded.
fn items_of_size(bytes: usize) -> Items {
    let len = |v: &Items| serde_json::to_vec(v).expect("the payload serializes").len();
    let n = (1..)
        .find(|&n| len(&items(n + 1)) > bytes)
        .expect("some size is too large");
    let mut v = items(n);
    let short = bytes.checked_sub(len(&v)).expect("one item fits");
    if let Some(cursor) = &mut v.cursor {
        cursor.push_str(&"0".repeat(short));
    }
    assert_eq!(len(&v), bytes, "the payload has the size asked for");
    v
}

// ---------------------------------------------------------------------------
// The server: HTTP/1.1, keep-alive, one fixed answer.

const PATH: &str = "/bench/v1/items";

/// Starts the server on its own thread; it stops after `limit` requests.
fn serve(body: Vec<u8>, limit: u64) -> (SocketAddr, Arc<AtomicU64>) {
    let served = Arc::new(AtomicU64::new(0));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).expect("non-blocking listener");
    let addr = listener.local_addr().expect("local address");
    let mut answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-wix-request-id: bench\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(&body);
    let answer: Arc<[u8]> = answer.into();
    let count = served.clone();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
            while count.load(Ordering::Relaxed) < limit {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(connection(stream, answer.clone(), count.clone(), limit));
            }
        });
    });
    (addr, served)
}

/// Answers the requests of one connection until it closes or the limit is reached.
async fn connection(mut stream: tokio::net::TcpStream, answer: Arc<[u8]>, count: Arc<AtomicU64>, limit: u64) {
    let mut buf: Vec<u8> = Vec::with_capacity(8192);
    loop {
        // Read a request head, then its body (Content-Length).
        let head_end = loop {
            if let Some(end) = find_bytes(&buf, b"\r\n\r\n") {
                break end + 4;
            }
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let len = content_length(&buf[..head_end]);
        while buf.len() < head_end + len {
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..head_end + len);
        if count.fetch_add(1, Ordering::Relaxed) >= limit || stream.write_all(&answer).await.is_err() {
            return;
        }
    }
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn content_length(head: &[u8]) -> usize {
    let head = String::from_utf8_lossy(head);
    head.lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------
// The two calls.

const TOKEN: &str = "bench-access-token";

/// Through `wix-client`, as a generated method calls it.
async fn wix_call(client: &Client, options: &RequestOptions, body: &Items) -> Items {
    let request = ApiRequest::new(HttpMethod::Post, "bench.ItemsService.echoItems")
        .path(PATH)
        .json(body)
        .expect("the body serializes")
        .options(options);
    client.send(request).await.expect("the call succeeds")
}

/// By hand: reqwest and serde_json, the same headers.
async fn plain_call(http: &reqwest::Client, url: &str, body: &Items) -> Items {
    let bytes = serde_json::to_vec(body).expect("the body serializes");
    let response = http
        .post(url)
        .header(AUTHORIZATION, TOKEN)
        .header(ACCEPT, "application/json")
        .header(CONTENT_TYPE, "application/json")
        .body(bytes)
        .send()
        .await
        .expect("the call succeeds")
        .error_for_status()
        .expect("a 2xx answer");
    let bytes = response.bytes().await.expect("the body is read");
    serde_json::from_slice(&bytes).expect("the answer decodes")
}

#[derive(Clone, Copy, PartialEq)]
enum Which {
    Wix,
    Plain,
}

struct Clients {
    wix: Client,
    options: RequestOptions,
    http: reqwest::Client,
    url: String,
}

impl Clients {
    async fn call(&self, which: Which, body: &Items) -> Items {
        match which {
            Which::Wix => wix_call(&self.wix, &self.options, body).await,
            Which::Plain => plain_call(&self.http, &self.url, body).await,
        }
    }
}

/// What a run measured, per call.
struct Measured {
    /// Calls per second (wall clock).
    rate: f64,
    allocs: f64,
    /// Client-thread CPU time per call, in microseconds.
    cpu_us: f64,
}

/// `n` calls, `in_flight` at a time.
async fn run(clients: &Clients, which: Which, n: usize, in_flight: usize, body: &Items, expected: &Items) -> Measured {
    let start = Instant::now();
    let (ok, allocs, cpu) = counted(async {
        if in_flight == 1 {
            let mut ok = 0;
            for _ in 0..n {
                ok += usize::from(clients.call(which, body).await == *expected);
            }
            ok
        } else {
            futures::stream::iter(0..n)
                .map(|_| clients.call(which, body))
                .buffer_unordered(in_flight)
                .filter(|got| futures::future::ready(got == expected))
                .count()
                .await
        }
    })
    .await;
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(ok, n, "every answer decodes to the served value");
    Measured {
        rate: n as f64 / secs,
        allocs: allocs as f64 / n as f64,
        cpu_us: cpu.as_secs_f64() * 1e6 / n as f64,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn env_usize(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v}: expected a whole number")),
        Err(_) => default,
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it once, small.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runs = env_usize("WIX_CALL_RUNS", if quick { 1 } else { 15 });
    let n = env_usize("WIX_CALL_REQUESTS", if quick { 200 } else { 1000 });
    assert!(
        runs >= 1 && n >= 1,
        "WIX_CALL_RUNS and WIX_CALL_REQUESTS must be at least 1"
    );

    let (request_len, response_len) = (1024, 2048);
    let (request, response) = (items_of_size(request_len), items_of_size(response_len));
    let answer = serde_json::to_vec(&response).expect("the answer serializes");
    let modes = [("sequential", 1usize), ("64 in flight", 64)];
    let warm_up = 200;
    let limit = (2 * modes.len() * (runs * n + warm_up)) as u64;
    let (addr, served) = serve(answer, limit);

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    let clients = Clients {
        wix: Client::builder()
            .auth(Auth::access_token(TOKEN))
            .base_url(format!("http://{addr}"))
            .build()
            .expect("the client builds"),
        options: RequestOptions::default(),
        http: reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("reqwest builds"),
        url: format!("http://{addr}{PATH}"),
    };

    println!(
        "client call: POST {request_len}-byte JSON body, 200 with {response_len}-byte JSON decoded; {runs} runs of {n} calls per client and mode, the clients alternating (medians); one client thread, server on 127.0.0.1"
    );
    println!(
        "{:<14} {:<12} {:>10} {:>9} {:>13} {:>9} {:>12}",
        "mode", "client", "calls/s", "vs plain", "CPU µs/call", "vs plain", "allocs/call"
    );
    rt.block_on(async {
        for (mode, in_flight) in modes {
            for which in [Which::Wix, Which::Plain] {
                run(&clients, which, warm_up, in_flight, &request, &response).await;
            }
            let mut got: [Vec<Measured>; 2] = [Vec::new(), Vec::new()];
            for r in 0..runs {
                // Alternate which client goes first.
                let order = if r % 2 == 0 {
                    [Which::Wix, Which::Plain]
                } else {
                    [Which::Plain, Which::Wix]
                };
                for which in order {
                    let m = run(&clients, which, n, in_flight, &request, &response).await;
                    got[usize::from(which == Which::Plain)].push(m);
                }
            }
            let med = |i: usize, f: fn(&Measured) -> f64| median(got[i].iter().map(f).collect());
            let (rate, cpu, allocs) = (
                [med(0, |m| m.rate), med(1, |m| m.rate)],
                [med(0, |m| m.cpu_us), med(1, |m| m.cpu_us)],
                [med(0, |m| m.allocs), med(1, |m| m.allocs)],
            );
            println!(
                "{mode:<14} {:<12} {:>10.0} {:>8.1}% {:>13.1} {:>8.1}% {:>12.1}",
                "wix-client",
                rate[0],
                100.0 * (rate[0] / rate[1] - 1.0),
                cpu[0],
                100.0 * (cpu[0] / cpu[1] - 1.0),
                allocs[0]
            );
            println!(
                "{mode:<14} {:<12} {:>10.0} {:>9} {:>13.1} {:>9} {:>12.1}",
                "reqwest", rate[1], "", cpu[1], "", allocs[1]
            );
        }
    });
    println!("server answered {} requests", served.load(Ordering::Relaxed));
}
