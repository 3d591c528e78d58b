//! Compact word lists compiled into the binary.
//!
//! Each list is a plain text file under `data/`, one entry a line (`#` starts
//! a comment), so that linguists can edit them without touching code and so
//! that their bytes show up plainly in the size budget. They are parsed once,
//! on first use.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A set of lines from a data file, built on first use.
pub struct WordSet {
    source: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(source: &'static str) -> WordSet {
        WordSet { source, set: OnceLock::new() }
    }

    fn set(&self) -> &HashSet<&'static str> {
        self.set.get_or_init(|| entries(self.source).collect())
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set().contains(word)
    }
}

/// The entries of a data file: trimmed non-empty lines, comments dropped.
pub fn entries(source: &'static str) -> impl Iterator<Item = &'static str> {
    source.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
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
}
