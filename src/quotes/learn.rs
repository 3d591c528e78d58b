//! Learning the speaker model: an averaged perceptron over candidate lists.
//!
//! Each training example is one quotation's candidates ([`super::rank`]) with
//! which of them a human annotator would accept. Whenever the highest-scoring
//! candidate is not acceptable, the weights move towards the best-scoring
//! acceptable one and away from the wrong pick; the weights averaged over all
//! steps are kept (they generalise better than the last ones). The order of
//! examples is shuffled per epoch by a fixed-seed generator, so training is
//! deterministic: the same data and seed give the same model file.

use crate::report::Speaker;
use crate::shuffle::XorShift;

use super::rank::{Model, QuoteCandidates, N_FEATS};

/// One quotation: its candidates' features and which candidates are right.
#[derive(Debug, Clone, Default)]
pub struct Example {
    /// Each candidate's feature ids.
    pub cands: Vec<Vec<u16>>,
    /// Whether each candidate is the gold speaker.
    pub correct: Vec<bool>,
    /// Whether the first candidate is the rules' speaker (else the rules gave
    /// none), to score the rules alone.
    pub rule_first: bool,
}

impl Example {
    /// The example of one quotation's candidates, `right` saying which
    /// speakers an annotator would accept.
    pub fn new(qc: &QuoteCandidates, right: impl Fn(&Speaker) -> bool) -> Example {
        Example {
            cands: qc.cands.iter().map(|c| c.feats.clone()).collect(),
            correct: qc.cands.iter().map(|c| right(&c.speaker)).collect(),
            rule_first: qc.rule_first,
        }
    }

    /// Whether the rules alone get it right.
    pub fn rules_right(&self) -> bool {
        self.rule_first && self.correct.first().copied().unwrap_or(false)
    }

    /// Whether training can learn from it: some candidate is right.
    fn usable(&self) -> bool {
        self.correct.iter().any(|&c| c) && self.cands.len() == self.correct.len()
    }
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the examples.
    pub epochs: usize,
    /// The seed of the order the examples are visited in.
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 12,
            seed: 0x5eed_5ea4e4,
        }
    }
}

fn dot(w: &[f64], f: &[u16]) -> f64 {
    f.iter()
        .map(|&i| w.get(i as usize).copied().unwrap_or(0.0))
        .sum()
}

fn argmax(w: &[f64], cands: &[Vec<u16>], only: Option<&[bool]>) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, c) in cands.iter().enumerate() {
        if only.is_some_and(|o| !o[i]) {
            continue;
        }
        let s = dot(w, c);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|b| b.0)
}

/// Learns a model from `examples`.
///
/// The weights start at zero, where ties go to the first candidate (the
/// rules' one), so that what the data never contradicts keeps the rules'
/// answer.
pub fn train(examples: &[Example], settings: Settings) -> Model {
    let mut w = vec![0f64; N_FEATS];
    // Accumulated updates times their step, for lazy averaging.
    let mut u = vec![0f64; N_FEATS];
    let mut step = 1f64;
    let usable: Vec<usize> = (0..examples.len())
        .filter(|&i| examples[i].usable())
        .collect();
    let mut order = usable.clone();
    let mut rng = XorShift::new(settings.seed);
    for _ in 0..settings.epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let ex = &examples[e];
            let Some(pred) = argmax(&w, &ex.cands, None) else {
                continue;
            };
            if !ex.correct[pred] {
                if let Some(gold) = argmax(&w, &ex.cands, Some(&ex.correct)) {
                    for &f in &ex.cands[gold] {
                        w[f as usize] += 1.0;
                        u[f as usize] += step;
                    }
                    for &f in &ex.cands[pred] {
                        w[f as usize] -= 1.0;
                        u[f as usize] -= step;
                    }
                }
            }
            step += 1.0;
        }
    }
    let avg: Vec<f64> = w.iter().zip(&u).map(|(w, u)| w - u / step).collect();
    Model::from_weights(&avg)
}

/// How many examples `model` gets right, out of how many (examples with no
/// right candidate count as misses).
pub fn accuracy(model: &Model, examples: &[Example]) -> (usize, usize) {
    let mut right = 0;
    for ex in examples {
        let scored: Vec<i64> = ex.cands.iter().map(|c| model.score(c)).collect();
        let mut best: Option<(usize, i64)> = None;
        for (i, &s) in scored.iter().enumerate() {
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        if best.is_some_and(|(i, _)| ex.correct.get(i).copied().unwrap_or(false)) {
            right += 1;
        }
    }
    (right, examples.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_to_prefer_a_feature() {
        // Feature 7 marks the right candidate, listed second; feature 3 is
        // noise on the first.
        let ex = Example {
            cands: vec![vec![3, 5], vec![7, 5]],
            correct: vec![false, true],
            rule_first: true,
        };
        let examples = vec![ex; 4];
        assert_eq!(accuracy(&Model::empty(), &examples), (0, 4));
        let m = train(&examples, Settings::default());
        assert_eq!(accuracy(&m, &examples), (4, 4));
        // Negative: nothing to learn from examples with no right candidate.
        let none = vec![
            Example {
                cands: vec![vec![3], vec![7]],
                correct: vec![false, false],
                rule_first: true,
            };
            3
        ];
        let m = train(&none, Settings::default());
        assert!(m.is_empty());
    }

    #[test]
    fn model_file_round_trips() {
        let mut w = vec![0.0; N_FEATS];
        w[1] = 2.0;
        w[9] = -1.0;
        let m = Model::from_weights(&w);
        let b = m.to_bytes();
        assert_eq!(Model::from_bytes(&b), Some(m));
        // Negative: a truncated or foreign file is no model.
        assert_eq!(Model::from_bytes(&b[..b.len() - 1]), None);
        assert_eq!(Model::from_bytes(b"not a model"), None);
    }

    #[test]
    fn training_is_deterministic() {
        let examples: Vec<Example> = (0..20u16)
            .map(|i| Example {
                cands: vec![vec![i % 5, 10], vec![(i + 1) % 5, 11]],
                correct: vec![i % 3 == 0, i % 3 != 0],
                rule_first: true,
            })
            .collect();
        let a = train(&examples, Settings::default()).to_bytes();
        let b = train(&examples, Settings::default()).to_bytes();
        assert_eq!(a, b);
    }
}
