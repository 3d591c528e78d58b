//! Compact word lists compiled into the binary.
//!
//! Each list is a plain text file under `data/`, one entry a line (`#` starts
//! a comment), so that linguists can edit them without touching code and so
//! that their bytes show up plainly in the size budget. They are parsed once,
//! on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast, non-cryptographic hasher (the FxHash function used inside
/// rustc) for the engine's word tables. The keys are our own lexicon entries
/// and words of the text, looked up millions of times per megabyte; SipHash's
/// protection against hash flooding buys nothing here and costs several
/// times the time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Hash builder for [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashSet` with [`FxHasher`].
pub type FastSet<T> = HashSet<T, FxBuild>;
/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, FxBuild>;

/// A set of lines from a data file, built on first use.
pub struct WordSet {
    source: &'static str,
    set: OnceLock<FastSet<&'static str>>,
}

impl WordSet {
    pub const fn new(source: &'static str) -> WordSet {
        WordSet {
            source,
            set: OnceLock::new(),
        }
    }

    fn set(&self) -> &FastSet<&'static str> {
        self.set.get_or_init(|| entries(self.source).collect())
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set().contains(word)
    }
}

/// The entries of a data file: trimmed non-empty lines, comments dropped.
pub fn entries(source: &'static str) -> impl Iterator<Item = &'static str> {
    source
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Verbs that introduce reported speech, in all their inflected forms.
pub static REPORTING_VERBS: WordSet = WordSet::new(include_str!("../data/reporting_verbs.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_load() {
        assert!(REPORTING_VERBS.contains("said"));
        assert!(REPORTING_VERBS.contains("told"));
        assert!(!REPORTING_VERBS.contains("table"));
    }

    #[test]
    fn fast_map_works_as_a_map() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, w) in ["a", "bb", "ccc", "dddddddd", "eeeeeeeee", ""]
            .iter()
            .enumerate()
        {
            m.insert(w, i);
        }
        assert_eq!(m.len(), 6);
        assert_eq!(m["dddddddd"], 3);
        assert_eq!(m[""], 5);
        assert!(!m.contains_key("x"));
    }
}
