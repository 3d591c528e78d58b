//! `presslens eval --protocol`: how the parties layer holds up on a corpus
//! it has never seen. For each corpus of [`CORPORA`] with a score file, a
//! tagger is trained on every other corpus (same options as the shipped
//! model) and scored on it: the rules alone, that tagger alone, and the
//! two together as they ship. Then the shipped model on the CoNLL-2003 dev
//! split and on GUM dev (`../shared/eval`, reported, never trained on).

use std::thread;

use presslens::parties::tagger::train::{train, Example, Options};
use presslens::parties::tagger::{self, Model};

use super::parties::{example, read_gold, CORPORA};
use crate::eval::{self, GoldDoc, Scores};

/// One row of the table: typed mention F1 of the three configurations.
struct Row {
    name: String,
    rules: f64,
    tagger: f64,
    shipped: f64,
}

/// Typed F1 of the rules alone (`None`), the tagger alone and both.
fn row(name: String, docs: &[GoldDoc], model: Option<&Model>) -> Row {
    let (mut r, mut t, mut s) = (Scores::default(), Scores::default(), Scores::default());
    for d in docs {
        eval::eval_doc_with(d, None, &mut r);
        eval::eval_tagger(d, model, &mut t);
        eval::eval_doc_with(d, model, &mut s);
    }
    Row {
        name,
        rules: r.parties_typed.f1(),
        tagger: t.parties_typed.f1(),
        shipped: s.parties_typed.f1(),
    }
}

fn print_row(r: &Row) {
    println!(
        "{:<58} {:>7.3} {:>7.3} {:>8.3} {:>+8.3}",
        r.name,
        r.rules,
        r.tagger,
        r.shipped,
        r.shipped - r.rules
    );
}

/// Runs the protocol over the training files in `data` and GUM dev at
/// `gum_dev`, training with `opts`; prints the table. `save`: a folder to
/// write each fold's model to (`FILE.jsonl.model`), for `presslens eval
/// --model` on its corpus.
pub fn run(data: &str, gum_dev: &str, save: Option<&str>, opts: &Options) -> Result<bool, String> {
    let t0 = std::time::Instant::now();
    let mut corpora = Vec::new();
    for c in CORPORA {
        let train_docs = read_gold(&format!("{data}/{}", c.train))?;
        let score_docs = match c.score {
            None => Vec::new(),
            Some(f) if f == c.train => train_docs.clone(),
            Some(f) => read_gold(&format!("{data}/{f}"))?,
        };
        corpora.push((c, train_docs, score_docs));
    }
    // Leave one corpus out: the folds run on two threads at a time.
    let folds: Vec<Row> = thread::scope(|sc| {
        let mut rows = Vec::new();
        let held: Vec<usize> = (0..corpora.len())
            .filter(|&i| corpora[i].0.score.is_some())
            .collect();
        for pair in held.chunks(2) {
            let handles: Vec<_> = pair
                .iter()
                .map(|&out| {
                    let corpora = &corpora;
                    sc.spawn(move || {
                        let examples: Vec<Example> = corpora
                            .iter()
                            .enumerate()
                            .filter(|&(i, _)| i != out)
                            .flat_map(|(_, (c, docs, _))| {
                                docs.iter()
                                    .flat_map(move |d| std::iter::repeat_n(d, c.weight))
                            })
                            .map(example)
                            .collect();
                        let m = train(&examples, opts, |_, _| {});
                        let (c, _, score) = &corpora[out];
                        if let Some(dir) = save {
                            let path = format!("{dir}/{}.model", c.train);
                            if let Err(e) = std::fs::write(&path, m.to_bytes()) {
                                eprintln!("protocol: {path}: {e}");
                            }
                        }
                        row(
                            format!("{} ({})", c.name, c.score.unwrap_or_default()),
                            score,
                            Some(&m),
                        )
                    })
                })
                .collect();
            rows.extend(handles.into_iter().map(|h| h.join().expect("fold")));
        }
        rows
    });
    println!("== leave one corpus out: typed mention F1, trained on the other corpora");
    println!(
        "{:<58} {:>7} {:>7} {:>8} {:>8}",
        "held-out corpus", "rules", "tagger", "shipped", "-rules"
    );
    for r in &folds {
        print_row(r);
    }
    let n = folds.len() as f64;
    let mean = |f: fn(&Row) -> f64| folds.iter().map(f).sum::<f64>() / n;
    let worst = |f: fn(&Row) -> f64| folds.iter().map(f).fold(f64::INFINITY, f64::min);
    print_row(&Row {
        name: "mean".into(),
        rules: mean(|r| r.rules),
        tagger: mean(|r| r.tagger),
        shipped: mean(|r| r.shipped),
    });
    print_row(&Row {
        name: "worst".into(),
        rules: worst(|r| r.rules),
        tagger: worst(|r| r.tagger),
        shipped: worst(|r| r.shipped),
    });
    let below = folds.iter().filter(|r| r.shipped < r.rules).count();
    println!("corpora where shipped < rules: {below}");
    println!("== the shipped model");
    let shipped = tagger::shipped();
    let conll = CORPORA[0].score.unwrap_or_default();
    print_row(&row(
        conll.to_string(),
        &read_gold(&format!("{data}/{conll}"))?,
        shipped,
    ));
    print_row(&row(gum_dev.to_string(), &read_gold(gum_dev)?, shipped));
    eprintln!("protocol: {:.1}s", t0.elapsed().as_secs_f64());
    Ok(true)
}
