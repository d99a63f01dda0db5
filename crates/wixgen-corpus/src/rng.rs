//! The one source of randomness: ChaCha8 from a fixed seed derived from the
//! page count, read through a few helpers written here (so that the corpus
//! depends on the ChaCha stream alone, which is documented as reproducible).

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

pub(crate) struct Rng(ChaCha8Rng);

impl Rng {
    /// A stream for `pages` pages and a `stream` label (independent streams
    /// for independent decisions, so that one change does not shift all).
    pub fn new(pages: usize, stream: &str) -> Self {
        let mut seed = *b"wixgen-corpus seed v1 ..........";
        let mix = (pages as u64).to_le_bytes();
        for (i, b) in mix.iter().enumerate() {
            seed[24 + i] = *b;
        }
        // FNV-1a of the label into bytes 16..24.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in stream.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for (i, b) in h.to_le_bytes().iter().enumerate() {
            seed[16 + i] = *b;
        }
        Rng(ChaCha8Rng::from_seed(seed))
    }

    pub fn u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (`n > 0`), by rejection (no modulo bias).
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0)");
        let n = n as u64;
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = self.u64();
            if v < zone {
                return (v % n) as usize;
            }
        }
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
