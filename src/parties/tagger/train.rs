//! Training: an averaged structured perceptron over the tagger's features.
//!
//! Each line of each example is decoded with the current weights (Viterbi
//! over the BIO transitions); where the best labels differ from the gold
//! ones, the gold labels' features and transitions gain one and the
//! predicted ones lose one. The shipped weights are the average over every
//! step (the usual lazy-sum trick), which generalises much better than the
//! last weights. Lines are visited in an order shuffled from a fixed seed,
//! so the same data and options give the same model, byte for byte.

use super::super::context::Ctx;
use super::features::{DocFeatures, MAX_FEATURES};
use super::labels::{begin, inside, Kind, LABELS, OUT};
use super::model::{bucket, constrained, viterbi, Model};
use crate::shuffle::XorShift;
use crate::text::Doc;

/// One training document: its text and its names as byte ranges.
#[derive(Debug, Clone)]
pub struct Example {
    /// The document's text.
    pub text: String,
    /// Its names: UTF-8 byte ranges and kinds.
    pub names: Vec<(usize, usize, Kind)>,
}

/// Training options.
#[derive(Debug, Clone)]
pub struct Options {
    /// log2 of the number of weight buckets (the model holds
    /// `2^bits × labels` bytes of weights).
    pub bits: u8,
    /// Passes over the training data.
    pub epochs: usize,
    /// The seed of the order the examples are visited in.
    pub seed: u64,
    /// Quantisation level of the 99.9th-percentile weight (see
    /// [`Model::quantise`]).
    pub level: u8,
    /// Perceptrons trained in different orders (seeds `seed`, `seed +
    /// 0x9e37`, …) whose averaged weights are averaged again: less variance
    /// from the order (leave one corpus out: +0.4 points with 3).
    pub runs: usize,
}

impl Default for Options {
    fn default() -> Self {
        // The shipped model's options, chosen on CoNLL dev and held-out
        // training documents against the payload budget (README, "Parties
        // tagger").
        Options {
            bits: 16,
            epochs: 8,
            seed: 0x5eed,
            level: 7,
            runs: 3,
        }
    }
}

/// One sentence of training data: feature buckets per token and gold labels.
struct Line {
    /// `offsets[k]..offsets[k + 1]` indexes `feats` for token `k`.
    offsets: Vec<u32>,
    feats: Vec<u32>,
    gold: Vec<u8>,
}

/// Gold labels of the tokens of `doc`: a token is inside a name when it
/// overlaps it. Names are taken longest first at each start; a name that
/// overlaps one already labelled is skipped (a flat tagger learns the outer
/// name of nested ones).
pub(crate) fn gold_labels(doc: &Doc, names: &[(usize, usize, Kind)]) -> Vec<u8> {
    let toks = &doc.tokens;
    let mut labels = vec![OUT; toks.len()];
    let mut names = names.to_vec();
    names.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    for (s, e, k) in names {
        let a = toks.partition_point(|t| t.end <= s);
        let b = toks.partition_point(|t| t.start < e);
        if a >= b || labels[a..b].iter().any(|&l| l != OUT) || toks[a].para != toks[b - 1].para {
            continue;
        }
        labels[a] = begin(k);
        for l in &mut labels[a + 1..b] {
            *l = inside(k);
        }
    }
    labels
}

fn prepare(ex: &Example, bits: u8, out: &mut Vec<Line>) {
    let doc = Doc::new(&ex.text);
    let ctx = Ctx::new(&doc);
    let f = DocFeatures::new(&ctx);
    let gold = gold_labels(&doc, &ex.names);
    let mut buf = [0u64; MAX_FEATURES];
    // Whole sentences, although the decode sees only windows of them
    // (`DocFeatures::windows`): the words far from any capital teach O as
    // well (measured: tagger alone, held-out GUM train 0.616 trained on
    // windows, 0.646 on sentences; CoNLL dev 0.889, 0.893).
    for r in &doc.sentences {
        let mut line = Line {
            offsets: vec![0],
            feats: Vec::with_capacity(r.len() * 40),
            gold: gold[r.clone()].to_vec(),
        };
        for i in r.clone() {
            let n = f.token(i, &mut buf);
            line.feats
                .extend(buf[..n].iter().map(|&h| bucket(h, bits) as u32));
            line.offsets.push(line.feats.len() as u32);
        }
        out.push(line);
    }
}

/// Weights and their running sums for averaging.
struct Averaged {
    w: Vec<i32>,
    sum: Vec<i64>,
}

impl Averaged {
    fn new(n: usize) -> Self {
        Averaged {
            w: vec![0; n],
            sum: vec![0; n],
        }
    }
    #[inline]
    fn add(&mut self, k: usize, d: i32, step: i64) {
        self.w[k] += d;
        self.sum[k] += step * d as i64;
    }
    fn average(&self, step: i64) -> Vec<f64> {
        self.w
            .iter()
            .zip(&self.sum)
            .map(|(&w, &s)| w as f64 - s as f64 / step as f64)
            .collect()
    }
}

/// Trains a model; `after_epoch(epoch, model)` sees the averaged model after
/// each epoch (to score it on a dev set).
pub fn train(
    examples: &[Example],
    opts: &Options,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Model {
    let bits = opts.bits.clamp(8, 24);
    let mut lines = Vec::new();
    for ex in examples {
        prepare(ex, bits, &mut lines);
    }
    lines.retain(|l| !l.gold.is_empty());
    let runs = opts.runs.max(1) as u64;
    if runs == 1 {
        return run(&lines, bits, opts, opts.seed, &mut after_epoch).0;
    }
    let (mut ws, mut ts): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    for r in 0..runs {
        let (_, w, t) = run(
            &lines,
            bits,
            opts,
            opts.seed.wrapping_add(r * 0x9e37),
            &mut |_, _| {},
        );
        if ws.is_empty() {
            ws = w;
            ts = t;
        } else {
            ws.iter_mut().zip(&w).for_each(|(a, b)| *a += b);
            ts.iter_mut().zip(&t).for_each(|(a, b)| *a += b);
        }
    }
    ws.iter_mut().for_each(|a| *a /= runs as f64);
    ts.iter_mut().for_each(|a| *a /= runs as f64);
    let model = Model::quantise(bits, &ws, &ts, opts.level);
    after_epoch(opts.epochs, &model);
    model
}

fn run(
    lines: &[Line],
    bits: u8,
    opts: &Options,
    seed: u64,
    after_epoch: &mut dyn FnMut(usize, &Model),
) -> (Model, Vec<f64>, Vec<f64>) {
    let mut w = Averaged::new((1usize << bits) * LABELS);
    let mut t = Averaged::new((LABELS + 1) * LABELS);
    let mut rng = XorShift::new(seed);
    let mut order: Vec<usize> = (0..lines.len()).collect();
    let mut step: i64 = 1;
    let (mut emit, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    let mut decode = constrained(&t.w);
    let mut model = Model::quantise(bits, &w.average(1), &t.average(1), opts.level);
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &li in &order {
            let line = &lines[li];
            let n = line.gold.len();
            emit.clear();
            emit.resize(n * LABELS, 0i32);
            for k in 0..n {
                let fs = &line.feats[line.offsets[k] as usize..line.offsets[k + 1] as usize];
                let e = &mut emit[k * LABELS..(k + 1) * LABELS];
                for &f in fs {
                    let at = f as usize * LABELS;
                    for (x, &y) in e.iter_mut().zip(&w.w[at..at + LABELS]) {
                        *x += y;
                    }
                }
            }
            viterbi(n, &emit, &decode, &mut back, &mut pred);
            if pred != line.gold {
                for k in 0..n {
                    let (g, p) = (line.gold[k] as usize, pred[k] as usize);
                    let (gp, pp) = if k == 0 {
                        (LABELS, LABELS)
                    } else {
                        (line.gold[k - 1] as usize, pred[k - 1] as usize)
                    };
                    if (gp, g) != (pp, p) {
                        t.add(gp * LABELS + g, 1, step);
                        t.add(pp * LABELS + p, -1, step);
                    }
                    if g != p {
                        let fs =
                            &line.feats[line.offsets[k] as usize..line.offsets[k + 1] as usize];
                        for &f in fs {
                            w.add(f as usize * LABELS + g, 1, step);
                            w.add(f as usize * LABELS + p, -1, step);
                        }
                    }
                }
                decode = constrained(&t.w);
            }
            step += 1;
        }
        model = Model::quantise(bits, &w.average(step), &t.average(step), opts.level);
        after_epoch(epoch + 1, &model);
    }
    (model, w.average(step), t.average(step))
}
