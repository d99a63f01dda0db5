//! The runtime client's own cost per call: the same call through `wix-client`
//! and through a hand-written `reqwest` + `serde_json` call, side by side.
//!
//! `cargo bench -p wix-client --bench call`
//!
//! The call: a `POST` with a 1 KB JSON body, answered 200 with a 2 KB JSON body
//! that is decoded into a type built the way generated code builds it
//! (`wix_client::__object!` and `__serde_object!`, as `wix-apis` does).
//!
//! The server is a minimal HTTP/1.1 keep-alive server on 127.0.0.1 in this
//! process, on its own thread and its own single-threaded tokio runtime; it
//! answers every request with the same pre-serialized bytes. It listens on two
//! ports, one per client, only so that each client's connections can be
//! counted: both are served by the same thread and code. The clients run on
//! the main thread, on a single-threaded tokio runtime, so the counting
//! allocator below counts the client side only, and the thread's CPU time is
//! the client's own cost. Both clients are `reqwest` clients with the same
//! settings (connect timeout, timeout, no redirects, user agent, HTTP/1.1,
//! default pool), and both pools are warmed at each mode's concurrency first.
//!
//! A shared machine's load moves by more than the difference measured, so the
//! two clients are interleaved in short rounds within one process: a pair is
//! one round of each (`WIX_CALL_REQUESTS` calls, default 200), alternating
//! which goes first; the ratio wix-client / reqwest is taken per pair and the
//! printed figure is the median of `WIX_CALL_PAIRS` (default 101) pair ratios,
//! with their quartiles. Each client's own median calls/s, client-thread CPU
//! time per call and allocations per call are printed beside it.
//!
//! Two modes: sequential (one call at a time) and 64 calls in flight
//! (`buffer_unordered(64)`). `WIX_CALL_MODES` picks them (`sequential`, `64`,
//! comma-separated; default both).
//!
//! Profiling: `WIX_CALL_ONLY=wix` (or `plain`) runs that client alone for
//! `WIX_CALL_PAIRS` x `WIX_CALL_REQUESTS` calls per mode after the warm-up, and
//! prints only its totals, e.g. under `valgrind --tool=callgrind`.

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

/// What the server counted on one port.
#[derive(Default)]
struct Served {
    connections: AtomicU64,
    requests: AtomicU64,
}

/// Starts the server on its own thread, one port per client; returns the
/// addresses and counters, in the order of `ports`.
fn serve(body: &[u8], ports: usize) -> Vec<(SocketAddr, Arc<Served>)> {
    let mut answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-wix-request-id: bench\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(body);
    let answer: Arc<[u8]> = answer.into();
    let listeners: Vec<(std::net::TcpListener, Arc<Served>)> = (0..ports)
        .map(|_| {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
            listener.set_nonblocking(true).expect("non-blocking listener");
            (listener, Arc::new(Served::default()))
        })
        .collect();
    let out = listeners
        .iter()
        .map(|(l, served)| (l.local_addr().expect("local address"), served.clone()))
        .collect();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        rt.block_on(async move {
            let accepting = listeners.into_iter().map(|(listener, served)| {
                let answer = answer.clone();
                async move {
                    let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
                    loop {
                        let Ok((stream, _)) = listener.accept().await else {
                            continue;
                        };
                        let _ = stream.set_nodelay(true);
                        served.connections.fetch_add(1, Ordering::Relaxed);
                        tokio::spawn(connection(stream, answer.clone(), served.clone()));
                    }
                }
            });
            futures::future::join_all(accepting).await;
        });
    });
    out
}

/// Answers the requests of one connection until it closes.
async fn connection(mut stream: tokio::net::TcpStream, answer: Arc<[u8]>, served: Arc<Served>) {
    let mut buf: Vec<u8> = Vec::with_capacity(8192);
    let mut chunk = vec![0u8; 8192];
    loop {
        // Read a request head, then its body (Content-Length).
        let mut scanned = 0;
        let head_end = loop {
            if let Some(end) = find_bytes(&buf[scanned..], b"\r\n\r\n") {
                break scanned + end + 4;
            }
            scanned = buf.len().saturating_sub(3);
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let len = content_length(&buf[..head_end]);
        while buf.len() < head_end + len {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..head_end + len);
        served.requests.fetch_add(1, Ordering::Relaxed);
        if stream.write_all(&answer).await.is_err() {
            return;
        }
    }
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The `content-length` of a request head (0 when absent), without allocating.
fn content_length(head: &[u8]) -> usize {
    const NAME: &[u8] = b"content-length:";
    head.split(|&b| b == b'\n')
        .find(|line| line.len() > NAME.len() && line[..NAME.len()].eq_ignore_ascii_case(NAME))
        .and_then(|line| std::str::from_utf8(&line[NAME.len()..]).ok())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------
// The two calls.

const TOKEN: &str = "bench-access-token";
/// The user agent `wix-client` sends.
const USER_AGENT: &str = concat!("wix-client/", env!("CARGO_PKG_VERSION"));

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

#[derive(Clone, Copy, PartialEq, Debug)]
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

/// What a round measured, per call.
#[derive(Clone, Copy)]
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

/// The value at quantile `q` (0 to 1, nearest rank) of `v`.
fn quantile(v: &[f64], q: f64) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * q).round() as usize]
}

/// The median of per-pair ratios as a change, with the 95% confidence
/// interval of the median (order statistics: ranks n/2 ± 0.98·√n, no
/// assumption on the distribution) and the interquartile range.
fn describe(ratios: &[f64], what: &str) -> String {
    let mut v = ratios.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let half = 0.98 * (n as f64).sqrt();
    let rank = |r: f64| (r.round().max(0.0) as usize).min(n - 1);
    let (lo, hi) = (rank((n as f64 - 1.0) / 2.0 - half), rank((n as f64 - 1.0) / 2.0 + half));
    format!(
        "{what} median {:+.1}% (95% CI of the median {:+.1}% to {:+.1}%; IQR {:+.1}% to {:+.1}%; {n} pairs)",
        pct(quantile(&v, 0.5)),
        pct(v[lo]),
        pct(v[hi]),
        pct(quantile(&v, 0.25)),
        pct(quantile(&v, 0.75)),
    )
}

/// A percentage change from a ratio.
fn pct(ratio: f64) -> f64 {
    100.0 * (ratio - 1.0)
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
    let pairs = env_usize("WIX_CALL_PAIRS", if quick { 3 } else { 101 });
    let n = env_usize("WIX_CALL_REQUESTS", if quick { 64 } else { 200 });
    assert!(
        pairs >= 1 && n >= 1,
        "WIX_CALL_PAIRS and WIX_CALL_REQUESTS must be at least 1"
    );
    let only = match std::env::var("WIX_CALL_ONLY").as_deref() {
        Err(_) => None,
        Ok("wix") => Some(Which::Wix),
        Ok("plain") => Some(Which::Plain),
        Ok(other) => panic!("WIX_CALL_ONLY={other}: expected `wix` or `plain`"),
    };
    let modes: Vec<(&str, usize)> = match std::env::var("WIX_CALL_MODES") {
        Err(_) => vec![("sequential", 1), ("64 in flight", 64)],
        Ok(v) => v
            .split(',')
            .map(|m| match m.trim() {
                "sequential" => ("sequential", 1),
                "64" => ("64 in flight", 64),
                other => panic!("WIX_CALL_MODES: `{other}`: expected `sequential` or `64`"),
            })
            .collect(),
    };

    let (request_len, response_len) = (1024, 2048);
    let (request, response) = (items_of_size(request_len), items_of_size(response_len));
    let answer = serde_json::to_vec(&response).expect("the answer serializes");
    let ports = serve(&answer, 2);
    let ((wix_addr, wix_served), (plain_addr, plain_served)) = (ports[0].clone(), ports[1].clone());

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    // `wix-client`'s reqwest settings (`ClientBuilder::build`), on the plain client too.
    let clients = Clients {
        wix: Client::builder()
            .auth(Auth::access_token(TOKEN))
            .base_url(format!("http://{wix_addr}"))
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .build()
            .expect("the client builds"),
        options: RequestOptions::default(),
        http: reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(USER_AGENT)
            .http1_only()
            .build()
            .expect("reqwest builds"),
        url: format!("http://{plain_addr}{PATH}"),
    };

    rt.block_on(async {
        if let Some(which) = only {
            for (mode, in_flight) in modes {
                run(&clients, which, 4 * in_flight.max(50), in_flight, &request, &response).await;
                let m = run(&clients, which, pairs * n, in_flight, &request, &response).await;
                println!(
                    "{which:?} alone, {mode}: {} calls, {:.0} calls/s, {:.1} CPU µs/call, {:.1} allocs/call",
                    pairs * n,
                    m.rate,
                    m.cpu_us,
                    m.allocs
                );
            }
            return;
        }
        println!(
            "client call: POST {request_len}-byte JSON body, 200 with {response_len}-byte JSON decoded; \
             {pairs} pairs of rounds of {n} calls (wix-client, reqwest; order alternating), one client thread, \
             server thread on 127.0.0.1"
        );
        println!(
            "future of one call: wix-client {} bytes, reqwest {} bytes",
            std::mem::size_of_val(&wix_call(&clients.wix, &clients.options, &request)),
            std::mem::size_of_val(&plain_call(&clients.http, &clients.url, &request)),
        );
        println!(
            "{:<13} {:<11} {:>8} {:>12} {:>12} {:>6}",
            "mode", "client", "calls/s", "CPU µs/call", "allocs/call", "conns*"
        );
        for (mode, in_flight) in modes {
            // Warm both pools at this concurrency (and the code paths).
            for which in [Which::Wix, Which::Plain, Which::Wix, Which::Plain] {
                run(&clients, which, 4 * in_flight.max(50), in_flight, &request, &response).await;
            }
            let mut got: Vec<[Measured; 2]> = Vec::with_capacity(pairs);
            for p in 0..pairs {
                let order = if p % 2 == 0 {
                    [Which::Wix, Which::Plain]
                } else {
                    [Which::Plain, Which::Wix]
                };
                let mut pair = [None, None];
                for which in order {
                    let m = run(&clients, which, n, in_flight, &request, &response).await;
                    pair[usize::from(which == Which::Plain)] = Some(m);
                }
                got.push(pair.map(|m| m.expect("both clients ran")));
            }
            let side = |i: usize, f: fn(&Measured) -> f64| got.iter().map(|p| f(&p[i])).collect::<Vec<f64>>();
            let ratios = |f: fn(&Measured) -> f64| got.iter().map(|p| f(&p[0]) / f(&p[1])).collect::<Vec<f64>>();
            let (rate_ratio, cpu_ratio) = (ratios(|m| m.rate), ratios(|m| m.cpu_us));
            let conns = [
                wix_served.connections.load(Ordering::Relaxed),
                plain_served.connections.load(Ordering::Relaxed),
            ];
            for (i, name) in [(0, "wix-client"), (1, "reqwest")] {
                println!(
                    "{mode:<13} {name:<11} {:>8.0} {:>12.1} {:>12.1} {:>6}",
                    quantile(&side(i, |m| m.rate), 0.5),
                    quantile(&side(i, |m| m.cpu_us), 0.5),
                    quantile(&side(i, |m| m.allocs), 0.5),
                    conns[i]
                );
            }
            println!(
                "{mode:<13} wix-client / reqwest, per pair: {}",
                describe(&rate_ratio, "calls/s")
            );
            println!(
                "{mode:<13} wix-client / reqwest, per pair: {}",
                describe(&cpu_ratio, "CPU/call")
            );
        }
    });
    println!(
        "* connections each client opened so far. Server answered {} + {} requests on {} + {} connections \
         (wix-client + reqwest, all modes, warm-ups included)",
        wix_served.requests.load(Ordering::Relaxed),
        plain_served.requests.load(Ordering::Relaxed),
        wix_served.connections.load(Ordering::Relaxed),
        plain_served.connections.load(Ordering::Relaxed),
    );
}
