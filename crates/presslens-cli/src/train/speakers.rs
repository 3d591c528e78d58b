//! `presslens train speakers`: the speaker-ranking model of the quotes layer.
//!
//! Reads gold JSONL (`quotes-polnear-train.jsonl` by default), runs the
//! engine's rule pass and candidate generation on each document, labels each
//! candidate of each matched quotation with the scoring rule of `presslens
//! eval` (the mention overlaps the annotated source, or shares a name word
//! with it), and learns the weights ([`presslens::quotes::learn`]).
//!
//! - `--cv K`: K-fold cross-validation over the documents (fold = document
//!   index mod K; train on K−1 folds, score the last), reporting each fold,
//!   the mean and the worst fold, for the rules alone and for the model;
//!   nothing is written.
//! - otherwise: trains on everything and writes the model file (`--out`,
//!   default `data/quotes_speakers.model`).
//!
//! Deterministic: same data, epochs and seed, same file.

use std::time::Instant;

use presslens::quotes::learn::{self, Example, Settings};
use presslens::quotes::{rank, Pass};
use presslens::text::Doc;

use crate::eval::{self, GoldDoc};

const DEFAULT_DATA: &str = "../shared/train/quotes-polnear-train.jsonl";
const DEFAULT_OUT: &str = "data/quotes_speakers.model";

struct Options {
    data: String,
    out: String,
    cv: Option<usize>,
    settings: Settings,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        data: DEFAULT_DATA.into(),
        out: DEFAULT_OUT.into(),
        cv: None,
        settings: Settings::default(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--data" => o.data = val("--data")?,
            "--out" => o.out = val("--out")?,
            "--cv" => {
                let k: usize = val("--cv")?.parse().map_err(|e| format!("--cv: {e}"))?;
                if k < 2 {
                    return Err("--cv needs at least 2 folds".into());
                }
                o.cv = Some(k);
            }
            "--epochs" => {
                o.settings.epochs = val("--epochs")?
                    .parse()
                    .map_err(|e| format!("--epochs: {e}"))?
            }
            "--seed" => {
                o.settings.seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?
            }
            other => return Err(format!("train speakers: unknown argument {other}")),
        }
    }
    Ok(o)
}

/// The training examples of one gold document: one per predicted quotation
/// that matches a gold quotation with a speaker.
pub fn examples(gold: &GoldDoc) -> Vec<Example> {
    let text = gold.text.as_str();
    let doc = Doc::new(text);
    let parties = presslens::parties::find(&doc);
    let pass = Pass::new(&doc, &parties);
    let qcs = rank::candidates(&pass);
    // Byte offset -> char offset.
    let mut b2c = vec![0usize; text.len() + 1];
    let mut c = 0;
    for (b, ch) in text.char_indices() {
        for x in b2c.iter_mut().skip(b).take(ch.len_utf8()) {
            *x = c;
        }
        c += 1;
    }
    b2c[text.len()] = c;
    let chars: Vec<char> = text.chars().collect();
    let pred: Vec<(usize, usize)> = qcs
        .iter()
        .map(|qc| {
            let q = &pass.spans[qc.span];
            eval::trim_span(&chars, b2c[q.start], b2c[q.end])
        })
        .collect();
    let golds: Vec<(usize, usize)> = gold
        .quotes
        .iter()
        .map(|q| eval::trim_span(&chars, q.start, q.end))
        .collect();
    let m = eval::match_pairs(pred.len(), golds.len(), 0.5, |p, g| {
        eval::iou(pred[p], golds[g])
    });
    let mut out = Vec::new();
    for (p, g) in m {
        let gq = &gold.quotes[g];
        if gq.speaker.is_none() && gq.speaker_spans.is_empty() {
            continue;
        }
        out.push(Example::new(&qcs[p], |sp| {
            let span = (b2c[sp.start.min(text.len())], b2c[sp.end.min(text.len())]);
            eval::speaker_matches(&chars, span, &sp.name, gq)
        }));
    }
    out
}

fn load(path: &str) -> Result<Vec<Vec<Example>>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldDoc =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        if g.layers.iter().any(|l| l == "quotes") {
            docs.push(examples(&g));
        }
    }
    Ok(docs)
}

fn pct(r: (usize, usize)) -> f64 {
    if r.1 == 0 {
        0.0
    } else {
        r.0 as f64 / r.1 as f64
    }
}

fn rules_accuracy(ex: &[Example]) -> (usize, usize) {
    (ex.iter().filter(|e| e.rules_right()).count(), ex.len())
}

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<bool, String> {
    let o = parse(args)?;
    let t0 = Instant::now();
    let docs = load(&o.data)?;
    let all: Vec<Example> = docs.iter().flatten().cloned().collect();
    let reachable = all.iter().filter(|e| e.correct.iter().any(|&c| c)).count();
    println!(
        "{}: {} documents, {} attributed quotations matched, {} with a right candidate ({:.3}), {:.1} candidates each ({:.1}s)",
        o.data,
        docs.len(),
        all.len(),
        reachable,
        pct((reachable, all.len())),
        all.iter().map(|e| e.cands.len()).sum::<usize>() as f64 / all.len().max(1) as f64,
        t0.elapsed().as_secs_f64()
    );
    if let Some(k) = o.cv {
        println!(
            "{:<6} {:>7} {:>8} {:>8}",
            "fold", "quotes", "rules", "model"
        );
        let mut accs = Vec::new();
        for fold in 0..k {
            let (train, test): (Vec<_>, Vec<_>) =
                docs.iter().enumerate().partition(|(i, _)| i % k != fold);
            let train: Vec<Example> = train.into_iter().flat_map(|(_, d)| d.clone()).collect();
            let test: Vec<Example> = test.into_iter().flat_map(|(_, d)| d.clone()).collect();
            let model = learn::train(&train, o.settings);
            let (r, m) = (rules_accuracy(&test), learn::accuracy(&model, &test));
            println!(
                "{:<6} {:>7} {:>8.3} {:>8.3}",
                fold + 1,
                test.len(),
                pct(r),
                pct(m)
            );
            accs.push((pct(r), pct(m)));
        }
        let mean = |f: fn(&(f64, f64)) -> f64| accs.iter().map(f).sum::<f64>() / accs.len() as f64;
        let worst = |f: fn(&(f64, f64)) -> f64| accs.iter().map(f).fold(1.0, f64::min);
        for (row, a, b) in [
            ("mean", mean(|a| a.0), mean(|a| a.1)),
            ("worst", worst(|a| a.0), worst(|a| a.1)),
        ] {
            println!("{row:<6} {:>7} {a:>8.3} {b:>8.3}", "");
        }
        println!("({:.1}s)", t0.elapsed().as_secs_f64());
        return Ok(true);
    }
    let model = learn::train(&all, o.settings);
    let bytes = model.to_bytes();
    std::fs::write(&o.out, &bytes).map_err(|e| format!("{}: {e}", o.out))?;
    println!(
        "rules {:.3}, model {:.3} on the training data; wrote {} ({} bytes) in {:.1}s",
        pct(rules_accuracy(&all)),
        pct(learn::accuracy(&model, &all)),
        o.out,
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(true)
}
