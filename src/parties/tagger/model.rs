//! The tagger's model: quantised weights over hashed features, label
//! transitions, and the Viterbi decode.
//!
//! File format (little-endian): magic `PLTG`, format version (1 byte),
//! feature-set version (1), log2 of the bucket count (1), number of labels
//! (1); then `(labels + 1) × labels` transition scores as i16 (the last row
//! is the start of a line); then `buckets × labels` emission weights as i8
//! stored with their sign bit flipped (`w ^ 0x80`: a zero weight is byte
//! 0x80). Most weights are zero, and wasm-opt cuts a data segment at every
//! run of zero bytes, which made the embedded model compress to almost
//! twice the size of the file; flipped, the table stays one segment.
//! Scores are integers, so decoding gives the same labels natively and in
//! wasm.

use super::features::{DocFeatures, MAX_FEATURES};
use super::labels::{allowed, is_begin, LABELS, OUT};

const MAGIC: &[u8; 4] = b"PLTG";
const FORMAT: u8 = 2;
/// Bumped whenever `features` changes what it hashes: a model trained on
/// other features is refused rather than silently wrong.
pub const FEATURES: u8 = 4;

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Not a tagger model file.
    BadMagic,
    /// A model of another file format or feature set (format, features).
    Version(u8, u8),
    /// The file is shorter or longer than its header says.
    Truncated,
}

/// A trained tagger.
#[derive(Clone)]
pub struct Model {
    bits: u8,
    trans: Vec<i32>,
    /// `trans` with BIO's constraints folded in, for the decode.
    decode: Vec<i32>,
    weights: Vec<i8>,
}

/// Bucket of a feature hash in a table of `2^bits` buckets.
#[inline]
pub fn bucket(h: u64, bits: u8) -> usize {
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits as u32)) as usize
}

/// Score of a transition BIO forbids.
const NEG: i32 = -(1 << 28);

/// The transition scores with BIO's forbidden moves folded in (row
/// `LABELS` is the start of a window), so the decode has no branches.
pub(crate) fn constrained(trans: &[i32]) -> Vec<i32> {
    let mut t = trans.to_vec();
    for p in 0..=LABELS {
        for l in 0..LABELS {
            let prev = (p < LABELS).then_some(p as u8);
            if !allowed(prev, l as u8) {
                t[p * LABELS + l] = NEG;
            }
        }
    }
    t
}

/// Viterbi over one window of `n` tokens: `emit[i * LABELS + l]` is the
/// score of label `l` at token `i`, `trans` as from [`constrained`].
/// Writes the best labels into `out`; `back` is scratch.
pub fn viterbi(n: usize, emit: &[i32], trans: &[i32], back: &mut Vec<u8>, out: &mut Vec<u8>) {
    out.clear();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n * LABELS, 0);
    let mut cur = [0i32; LABELS];
    for (l, c) in cur.iter_mut().enumerate() {
        *c = trans[LABELS * LABELS + l] + emit[l];
    }
    for i in 1..n {
        let mut next = [0i32; LABELS];
        for l in 0..LABELS {
            // BIO: an I label follows only the B or the I of its kind (the
            // labels just before it), every other move scores NEG.
            let (from, to) = if l != OUT as usize && !is_begin(l as u8) {
                (l - 1, l + 1)
            } else {
                (0, LABELS)
            };
            let (mut best, mut arg) = (i32::MIN, 0u8);
            for p in from..to {
                let s = cur[p].max(NEG) + trans[p * LABELS + l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[l] = best + emit[i * LABELS + l];
            back[i * LABELS + l] = arg;
        }
        cur = next;
    }
    let mut l = 0u8;
    for k in 1..LABELS {
        if cur[k] > cur[l as usize] {
            l = k as u8;
        }
    }
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = l;
        if i > 0 {
            l = back[i * LABELS + l as usize];
        }
    }
}

impl Model {
    /// A model from float weights, quantised to i8 with one scale (the
    /// transitions to the same scale, as i16). The scale maps the
    /// 99.9th percentile of the weights' magnitudes to `level` (the rare
    /// larger ones saturate at ±127): a small `level` leaves few distinct
    /// values and many zeros, which is what makes the file compress.
    pub fn quantise(bits: u8, weights: &[f64], trans: &[f64], level: u8) -> Model {
        let mut mags: Vec<f64> = weights
            .iter()
            .map(|w| w.abs())
            .filter(|&w| w > 0.0)
            .collect();
        let k = (mags.len() * 999 / 1000).min(mags.len().saturating_sub(1));
        let top = if mags.is_empty() {
            0.0
        } else {
            *mags.select_nth_unstable_by(k, f64::total_cmp).1
        };
        let scale = if top > 0.0 {
            level.max(1) as f64 / top
        } else {
            1.0
        };
        let q = |w: f64, lim: f64| (w * scale).round().clamp(-lim, lim) as i32;
        let trans: Vec<i32> = trans.iter().map(|&t| q(t, 32767.0)).collect();
        Model {
            bits,
            decode: constrained(&trans),
            trans,
            weights: weights.iter().map(|&w| q(w, 127.0) as i8).collect(),
        }
    }

    /// log2 of the number of weight buckets.
    pub fn bits(&self) -> u8 {
        self.bits
    }

    /// The model file (the format above).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(8 + self.trans.len() * 2 + self.weights.len());
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&[FORMAT, FEATURES, self.bits, LABELS as u8]);
        for &t in &self.trans {
            b.extend_from_slice(&(t as i16).to_le_bytes());
        }
        b.extend(self.weights.iter().map(|&w| w as u8 ^ 0x80));
        b
    }

    /// Reads a model file; a file of another version or size is refused.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        if b.len() < 8 || &b[..4] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        if b[4] != FORMAT || b[5] != FEATURES || b[7] as usize != LABELS {
            return Err(ModelError::Version(b[4], b[5]));
        }
        let bits = b[6];
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Truncated);
        }
        let nt = (LABELS + 1) * LABELS;
        let nw = (1usize << bits) * LABELS;
        if b.len() != 8 + 2 * nt + nw {
            return Err(ModelError::Truncated);
        }
        let trans: Vec<i32> = b[8..8 + 2 * nt]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as i32)
            .collect();
        let weights = b[8 + 2 * nt..].iter().map(|&x| (x ^ 0x80) as i8).collect();
        Ok(Model {
            bits,
            decode: constrained(&trans),
            trans,
            weights,
        })
    }

    /// Labels of the tokens of `f` (one per token), decoded window by
    /// window of each line (`lines`: the document's sentences); tokens
    /// outside every window are O.
    pub(crate) fn label(&self, f: &DocFeatures, lines: &[std::ops::Range<usize>]) -> Vec<u8> {
        let mut labels = vec![0u8; f.len()];
        let mut emit = Vec::new();
        let mut back = Vec::new();
        let mut out = Vec::new();
        let mut wins = Vec::new();
        let mut feats = [0u64; MAX_FEATURES];
        for r in lines {
            f.windows(r.clone(), &mut wins);
            for w in &wins {
                emit.clear();
                emit.resize(w.len() * LABELS, 0i32);
                for (k, i) in w.clone().enumerate() {
                    let nf = f.token(i, &mut feats);
                    let mut e = [0i32; LABELS];
                    for &h in &feats[..nf] {
                        let at = bucket(h, self.bits) * LABELS;
                        if let Some(row) = self.weights.get(at..at + LABELS) {
                            for l in 0..LABELS {
                                e[l] += row[l] as i32;
                            }
                        }
                    }
                    emit[k * LABELS..(k + 1) * LABELS].copy_from_slice(&e);
                }
                viterbi(w.len(), &emit, &self.decode, &mut back, &mut out);
                labels[w.clone()].copy_from_slice(&out);
            }
        }
        labels
    }
}
