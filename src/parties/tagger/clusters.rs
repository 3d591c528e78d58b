//! Word clusters: for each of the most frequent English words, which
//! cluster of distributionally similar words it falls in, at three
//! granularities. A tagger that has seen "Obama" as a person can then read
//! an unseen name of the same cluster alike; the clusters were learnt from
//! far more text (GloVe's 6 billion tokens of Wikipedia and Gigaword news)
//! than any annotated corpus has, which is what carries a tagger to news it
//! was not trained on.
//!
//! The table is `data/word_clusters.txt`, derived by `make clusters`
//! (`scripts/build-clusters.sh`: k-means over the GloVe 6B 50-dimension
//! vectors, PDDL 1.0) and committed. Its lines: `#` comments; `@parents K:`
//! and, for each fine cluster, its coarse cluster (the levels nest, so a
//! word needs one id); then one line per fine cluster, `id:` and its words.
//! It is parsed once, on first use.

use std::sync::OnceLock;

use crate::lexicon::FastMap;

const TABLE: &str = include_str!("../../../data/word_clusters.txt");

/// Levels of clusters, coarse to fine.
pub const LEVELS: usize = 3;

/// Cluster ids of one word, coarse to fine.
pub type Ids = [u16; LEVELS];

/// Ids of a word the table does not hold.
pub const UNKNOWN: Ids = [u16::MAX; LEVELS];

struct Table {
    /// Word → fine cluster.
    fine: FastMap<&'static str, u16>,
    /// Fine cluster → its cluster at each coarser level, coarse first.
    parents: Vec<Vec<u16>>,
}

static CLUSTERS: OnceLock<Table> = OnceLock::new();

/// Reads the table; lines that do not parse are skipped (a word whose
/// cluster has no parent gets none).
fn parse(table: &'static str) -> Table {
    let mut t = Table {
        fine: FastMap::default(),
        parents: Vec::new(),
    };
    for line in table.lines() {
        if let Some(rest) = line.strip_prefix("@parents ") {
            let ids = rest.split_once(':').map_or("", |x| x.1);
            t.parents.push(
                ids.split_ascii_whitespace()
                    .map(|x| x.parse().unwrap_or(u16::MAX))
                    .collect(),
            );
        } else if let Some((id, words)) = line.split_once(':') {
            let Ok(id) = id.parse::<u16>() else { continue };
            for w in words.split_ascii_whitespace() {
                t.fine.insert(w, id);
            }
        }
    }
    t
}

/// The cluster ids of a lower-cased word (apostrophes as `'`), or
/// [`UNKNOWN`].
pub fn of(lower: &str) -> Ids {
    let t = CLUSTERS.get_or_init(|| parse(TABLE));
    let Some(&f) = t.fine.get(lower) else {
        return UNKNOWN;
    };
    let mut ids = UNKNOWN;
    ids[LEVELS - 1] = f;
    for (id, p) in ids.iter_mut().zip(&t.parents) {
        *id = p.get(f as usize).copied().unwrap_or(u16::MAX);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_words_share_clusters_and_unknown_words_have_none() {
        assert_ne!(of("monday"), UNKNOWN);
        assert_eq!(of("monday"), of("tuesday"));
        assert_ne!(of("monday")[LEVELS - 1], of("london")[LEVELS - 1]);
        assert_eq!(of("zzxqv"), UNKNOWN);
        assert_eq!(of(""), UNKNOWN);
    }

    #[test]
    fn every_fine_cluster_has_a_coarse_one() {
        let t = CLUSTERS.get_or_init(|| parse(TABLE));
        assert!(t.fine.len() > 10_000);
        assert_eq!(t.parents.len(), LEVELS - 1);
        for p in &t.parents {
            assert!(t.fine.values().all(|&f| (f as usize) < p.len()));
        }
    }

    #[test]
    fn bad_lines_are_skipped() {
        let t = parse("# header\n@parents 2: 0 1 x\n0: a b\nx: c\n2: d\nno colon\n");
        assert_eq!(t.fine.len(), 3);
        assert_eq!(t.parents, vec![vec![0, 1, u16::MAX]]);
        assert_eq!((t.fine["a"], t.fine["d"]), (0, 2));
    }
}
