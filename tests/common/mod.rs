//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod invariants;

/// Every quote mark the quotes layer reads, each once: the pieces every
/// property test's random text is made with, beside its own.
pub const QUOTE_MARKS: &[&str] = &[
    "“", "”", "\"", "'", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」",
];

/// The pieces of a property test's random text: the lists given, joined.
pub fn pieces(lists: &[&[&'static str]]) -> Vec<&'static str> {
    lists.iter().flat_map(|l| l.iter().copied()).collect()
}

/// xorshift64*: a tiny deterministic generator, so property-test failures
/// reproduce from their seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `xs` (non-empty).
    pub fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}
