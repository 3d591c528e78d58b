//! `presslens train parties`: the parties tagger, from the `parties-*.jsonl`
//! training files ([`CORPORA`]), scored
//! after each epoch on the CoNLL-2003 dev split (used to choose features and
//! epochs, never to train).

use std::time::Instant;

use presslens::offsets::{self, Unit};
use presslens::parties::tagger::train::{train, Example, Options};
use presslens::parties::tagger::{Kind, Model};

use crate::eval::{self, GoldDoc, Scores};

const USAGE: &str = "\
presslens train parties [--data DIR] [--out FILE] [--epochs N] [--bits N] [--seed N] [--runs N]
                        [--holdout K] [--dev FILE]
    --data DIR     the folder of the training files (the corpora of CORPORA;
                   default ../shared/train)
    --out FILE     model file (default data/parties.model)
    --epochs N     passes over the data (default 8)
    --bits N       log2 of the weight buckets (default 16)
    --level N      quantisation: the 99.9th-percentile weight becomes N (default 7)
    --runs N       perceptrons trained in different orders, averaged (default 3;
                   the per-epoch dev scores are printed for runs 1 only)
    --gum-weight N each GUM document counts N times (default 1)
    --holdout K    keep every K-th training document out of training and
                   score the tagger on them after each epoch
    --dev FILE     dev file scored after each epoch
                   (default DIR/parties-conll2003-dev.jsonl)";

/// A training corpus of `../shared/train`: the file trained on, the file
/// its leave-one-corpus-out score is measured on (`presslens eval
/// --protocol`), and how many times each of its documents counts per epoch
/// (0: not trained on).
pub struct Corpus {
    pub name: &'static str,
    pub train: &'static str,
    /// None: trained on, never a held-out corpus.
    pub score: Option<&'static str>,
    pub weight: usize,
}

/// Every corpus the tagger may learn from, the one list that `train
/// parties` and the protocol read.
pub const CORPORA: &[Corpus] = &[
    Corpus {
        name: "CoNLL-2003",
        train: "parties-conll2003-train.jsonl",
        score: Some("parties-conll2003-dev.jsonl"),
        weight: 1,
    },
    Corpus {
        name: "GUM train",
        train: "parties-gum-train.jsonl",
        score: Some("parties-gum-train.jsonl"),
        weight: 1,
    },
    Corpus {
        name: "CrossNER politics",
        train: "parties-crossner-politics-train.jsonl",
        score: Some("parties-crossner-politics-train.jsonl"),
        weight: 1,
    },
    Corpus {
        name: "wikigold",
        train: "parties-wikigold.jsonl",
        score: Some("parties-wikigold.jsonl"),
        weight: 1,
    },
    Corpus {
        name: "Broad Twitter Corpus",
        train: "parties-btc.jsonl",
        score: None,
        weight: 1,
    },
    Corpus {
        name: "WNUT-17",
        train: "parties-wnut17-train.jsonl",
        score: None,
        weight: 1,
    },
];

struct Args {
    data: String,
    out: String,
    dev: Option<String>,
    holdout: usize,
    /// Times each GUM document is repeated per epoch.
    gum_weight: usize,
    opts: Options,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        data: "../shared/train".into(),
        out: "data/parties.model".into(),
        dev: None,
        holdout: 0,
        gum_weight: 1,
        opts: Options::default(),
    };
    let mut it = args.iter();
    while let Some(k) = it.next() {
        let mut val = || {
            it.next()
                .map(String::as_str)
                .ok_or_else(|| format!("{k} needs a value\n\n{USAGE}"))
        };
        let num = |v: &str| {
            v.parse::<u64>()
                .map_err(|_| format!("{k}: not a number: {v}"))
        };
        match k.as_str() {
            "--data" => a.data = val()?.into(),
            "--out" => a.out = val()?.into(),
            "--dev" => a.dev = Some(val()?.into()),
            "--epochs" | "--bits" | "--seed" | "--level" | "--runs" => {
                set_option(&mut a.opts, k, num(val()?)?)
            }
            "--gum-weight" => a.gum_weight = num(val()?)?.clamp(1, 10) as usize,
            "--holdout" => a.holdout = num(val()?)? as usize,
            _ => return Err(format!("unknown option {k}\n\n{USAGE}")),
        }
    }
    Ok(a)
}

/// Sets the training option `key` (`--epochs`, `--bits`, `--seed`,
/// `--level`, `--runs`) to `v`, within its bounds: the one reading of these
/// options for `train parties` and `eval --protocol`. Other keys are left
/// alone.
pub fn set_option(opts: &mut Options, key: &str, v: u64) {
    match key {
        "--epochs" => opts.epochs = v as usize,
        "--bits" => opts.bits = v.clamp(8, 24) as u8,
        "--seed" => opts.seed = v,
        "--level" => opts.level = v.clamp(1, 127) as u8,
        "--runs" => opts.runs = v.clamp(1, 16) as usize,
        _ => {}
    }
}

/// A gold kind: a party kind of the report schema, or "other" (CoNLL's
/// MISC), which the tagger learns and the parties layer drops.
fn kind(s: &str) -> Option<Kind> {
    if s == "other" {
        return Some(Kind::Other);
    }
    let k = presslens::report::PartyKind::from_name(s)?;
    Kind::ALL.into_iter().find(|t| t.party_kind() == Some(k))
}

pub fn read_gold(path: &str) -> Result<Vec<GoldDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("{path}:{}: {e}", n + 1)))
        .collect()
}

/// A gold document as a training example, its offsets in bytes.
pub fn example(doc: &GoldDoc) -> Example {
    let mut offs: Vec<usize> = doc.parties.iter().flat_map(|p| [p.start, p.end]).collect();
    offsets::to_bytes(&doc.text, Unit::Char, &mut offs);
    let names = doc
        .parties
        .iter()
        .zip(offs.chunks_exact(2))
        .filter_map(|(p, o)| Some((o[0], o[1], kind(&p.kind)?)))
        .filter(|&(s, e, _)| s < e && e <= doc.text.len())
        .collect();
    Example {
        text: doc.text.clone(),
        names,
    }
}

fn score(m: &Model, docs: &[GoldDoc]) -> Scores {
    let mut s = Scores::default();
    for d in docs {
        eval::score(d, &eval::tagger_report(m, &d.text), &mut s);
    }
    s
}

pub fn run(args: &[String]) -> Result<bool, String> {
    let a = parse(args)?;
    let t0 = Instant::now();
    let mut train_docs = Vec::new();
    let mut held = Vec::new();
    for c in CORPORA {
        let times = if c.train.contains("gum") {
            c.weight * a.gum_weight
        } else {
            c.weight
        };
        if times == 0 {
            continue;
        }
        let docs = read_gold(&format!("{}/{}", a.data, c.train))?;
        eprintln!("train: {}: {} documents", c.train, docs.len());
        for (i, d) in docs.into_iter().enumerate() {
            if a.holdout > 0 && i % a.holdout == a.holdout - 1 {
                held.push(d);
            } else {
                for _ in 1..times {
                    train_docs.push(d.clone());
                }
                train_docs.push(d);
            }
        }
    }
    let dev_path = a
        .dev
        .clone()
        .unwrap_or_else(|| format!("{}/parties-conll2003-dev.jsonl", a.data));
    let dev = read_gold(&dev_path)?;
    let examples: Vec<Example> = train_docs.iter().map(example).collect();
    eprintln!(
        "train: {} examples, {} held out, bits {}, {} epochs, seed {}",
        examples.len(),
        held.len(),
        a.opts.bits,
        a.opts.epochs,
        a.opts.seed
    );
    let model = train(&examples, &a.opts, |epoch, m| {
        let d = score(m, &dev);
        let mut line = format!(
            "epoch {epoch:>2}  {:>6.1}s  dev typed F1 {:.3} (P {:.3} R {:.3})",
            t0.elapsed().as_secs_f64(),
            d.parties_typed.f1(),
            d.parties_typed.precision(),
            d.parties_typed.recall()
        );
        if !held.is_empty() {
            let h = score(m, &held);
            line += &format!("  held-out typed F1 {:.3}", h.parties_typed.f1());
        }
        eprintln!("{line}");
    });
    let final_dev = score(&model, &dev);
    println!("== tagger alone on {dev_path}");
    print!("{}", final_dev.table());
    if !held.is_empty() {
        println!("== tagger alone on the held-out training documents");
        print!("{}", score(&model, &held).table());
    }
    let bytes = model.to_bytes();
    std::fs::write(&a.out, &bytes).map_err(|e| format!("{}: {e}", a.out))?;
    eprintln!(
        "train: wrote {} ({} bytes) in {:.1}s",
        a.out,
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(true)
}
