//! A compact statistical tagger of names: which tokens name a person, an
//! organisation, a place, a group (or something else: an event, a work),
//! learnt from annotated text instead of written as rules.
//!
//! - `features`: hashed sparse features of a token (word, lower case,
//!   prefixes and suffixes, shape, neighbours, the parties lexicons);
//! - `labels`: BIO labels over the five kinds;
//! - `model`: quantised weights, the Viterbi decode, the file format;
//! - `train`: the averaged perceptron that writes the model.
//!
//! The shipped model is `data/parties.model`, built by `presslens train
//! parties` from `shared/train` and compiled in; it is parsed once, on
//! first use. A model that fails to parse leaves the tagger silent (the
//! rules alone then find names), never a panic.

mod clusters;
mod features;
mod labels;
mod model;
pub mod train;

use std::sync::OnceLock;

use super::context::Ctx;
use crate::text::Doc;
use features::DocFeatures;
pub use labels::Kind;
pub use model::{Model, ModelError};

const SHIPPED: &[u8] = include_bytes!("../../../data/parties.model");

static MODEL: OnceLock<Option<Model>> = OnceLock::new();

/// The compiled-in model, if it parses.
pub fn shipped() -> Option<&'static Model> {
    MODEL
        .get_or_init(|| Model::from_bytes(SHIPPED).ok())
        .as_ref()
}

/// Size in bytes of the compiled-in model file.
pub fn shipped_size() -> usize {
    SHIPPED.len()
}

/// Names in `c`'s document as token ranges `a..b` with their kinds, in
/// text order.
pub(crate) fn tag(c: &Ctx, m: &Model) -> Vec<(usize, usize, Kind)> {
    let f = DocFeatures::new(c);
    // Decoded sentence by sentence: no name runs across a sentence end.
    let labels = m.label(&f, &c.doc.sentences);
    let mut out = Vec::new();
    for r in &c.doc.sentences {
        labels::spans(&labels[r.clone()], r.start, &mut out);
    }
    out.retain_mut(|(a, b, _)| {
        trim_lower_edges(c, a, b);
        a < b
    });
    propagate(c, &mut out);
    out
}

/// Label consistency across the document: a name the tagger found once is
/// the same name where it recurs written alike and the tagger missed it
/// (a headline, a list, a short sentence gives it less context), with the
/// kind most of its tagged occurrences have. A one-word name recurs only
/// away from a sentence start, and never inside a longer capitalised run.
fn propagate(c: &Ctx, out: &mut Vec<(usize, usize, Kind)>) {
    let key = |a: usize, b: usize| -> Vec<&str> { (a..b).map(|t| c.base(t)).collect() };
    let mut votes: crate::lexicon::FastMap<Vec<&str>, [u32; 5]> = Default::default();
    // First words of the names found: a position whose word opens none is
    // skipped before any key is built (this runs on every document).
    let mut firsts: crate::lexicon::FastSet<&str> = Default::default();
    let mut longest = 0;
    for &(a, b, k) in out.iter() {
        if k == Kind::Other || !(a..b).all(|t| c.is_word(t) || c.tok(t) == "-") {
            continue;
        }
        votes.entry(key(a, b)).or_default()[k as usize] += 1;
        firsts.insert(c.base(a));
        longest = longest.max(b - a);
    }
    if votes.is_empty() {
        return;
    }
    let n = c.n();
    let mut covered = vec![false; n];
    for &(a, b, _) in out.iter() {
        covered[a..b].iter_mut().for_each(|x| *x = true);
    }
    let capword = |t: usize| c.is_word(t) && c.is_cap(t);
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || !capword(i) || i > 0 && capword(i - 1) || !firsts.contains(c.base(i)) {
            i += 1;
            continue;
        }
        let mut took = 0;
        for len in (1..=longest.min(n - i)).rev() {
            let (a, b) = (i, i + len);
            if covered[a..b].iter().any(|&x| x)
                || b < n && capword(b) && c.doc.tokens[b].para == c.doc.tokens[a].para
                || len == 1 && c.initial[a]
            {
                continue;
            }
            if let Some(v) = votes.get(&key(a, b)) {
                let best = (0..5)
                    .max_by_key(|&k| (v[k], std::cmp::Reverse(k)))
                    .unwrap_or(0);
                added.push((a, b, Kind::ALL[best]));
                took = len;
                break;
            }
        }
        i += took.max(1);
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|&(a, _, _)| a);
    }
}

/// A lower-case word at either end of a name ("boarding Air Force One"):
/// cut, unless it is a name particle ("al", "van") or joined to the name by
/// a hyphen ("al-Qaeda", "Moon Jae-in"). A structural rule: no training
/// corpus names a span so.
fn trim_lower_edges(c: &Ctx, a: &mut usize, b: &mut usize) {
    let lower = |t: usize| {
        c.is_word(t)
            && c.tok(t).chars().next().is_some_and(char::is_lowercase)
            && !crate::lexicon::Class::NameParticle.contains(c.tok(t))
    };
    while *a < *b && lower(*a) && !(*a + 1 < *b && c.tok(*a + 1) == "-") {
        *a += 1;
    }
    while *a < *b && lower(*b - 1) && !(*b - 1 > *a && c.tok(*b - 2) == "-") {
        *b -= 1;
    }
}

impl Model {
    /// Names in `text` as UTF-8 byte ranges with their kinds, in text
    /// order: the tagger alone, without the parties rules around it.
    pub fn tag_text(&self, text: &str) -> Vec<(usize, usize, Kind)> {
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        tag(&c, self)
            .into_iter()
            .map(|(a, b, k)| (doc.tokens[a].start, doc.tokens[b - 1].end, k))
            .collect()
    }
}
