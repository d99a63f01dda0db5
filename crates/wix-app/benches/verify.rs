//! Verification cost: `Verifier::verify_webhook` on a typical webhook token
//! (an order event, about 3 KB) and on one near the 1 MiB size cap, the
//! figures behind `src/offload.rs` (inline up to 16 KiB, the blocking pool
//! above).
//!
//! `cargo bench -p wix-app --bench verify`

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::json;
use support::*;

fn order_token(padding: usize) -> String {
    let mut claims = webhook_claims(
        "wix.ecom.v1.order_created",
        &envelope(
            "wix.ecom.v1.order",
            "created",
            "createdEvent",
            json!({"entityAsJson": json!({"id": "ord-1", "lineItems": vec![json!({"name": "item", "quantity": 1}); 20]}).to_string()}),
        ),
    );
    // A bench may run for hours; the token must not expire meanwhile.
    claims["exp"] = json!(now() + 90 * 3600);
    if padding > 0 {
        claims["padding"] = json!("x".repeat(padding));
    }
    sign(&claims)
}

fn verify(c: &mut Criterion) {
    let verifier = verifier();
    let mut group = c.benchmark_group("verify_webhook");
    group.measurement_time(Duration::from_secs(5));
    for (name, token) in [("typical", order_token(0)), ("near_cap", order_token(760_000))] {
        assert!(verifier.verify_webhook(token.as_bytes()).is_ok(), "{name}");
        println!("{name}: {} bytes", token.len());
        group.throughput(Throughput::Bytes(token.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| verifier.verify_webhook(black_box(token.as_bytes())).is_ok())
        });
    }
    group.finish();
}

criterion_group!(benches, verify);
criterion_main!(benches);
