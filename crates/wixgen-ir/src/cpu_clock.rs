//! CPU time summed over the threads that spend it: the clocks behind
//! `wixgen gen --timings` (stages that run interleaved on rayon's threads are
//! shared out by these sums).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub struct CpuClock(AtomicU64);

impl CpuClock {
    /// Run `f`, adding its duration to the clock.
    pub fn time<T>(&self, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.0.fetch_add(nanos, Ordering::Relaxed);
        out
    }

    /// The time added so far.
    pub fn get(&self) -> Duration {
        Duration::from_nanos(self.0.load(Ordering::Relaxed))
    }
}
