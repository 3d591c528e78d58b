//! `presslens eval --protocol`: how the parties layer holds up on a corpus
//! it has never seen. For each corpus of [`CORPORA`] with a score file, a
//! tagger is trained on every other corpus (same options as the shipped
//! model) and scored on it: the rules alone, that tagger alone, and the
//! two together as they ship. Then the shipped model on the CoNLL-2003 dev
//! split and on GUM dev (`../shared/eval`, reported, never trained on).

use std::thread;

use presslens::parties::tagger::train::{train, Example, Options};
use presslens::parties::tagger::{self, Model};

use super::parties::{example, read_gold, Corpus, CORPORA};
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
    let corpora = read_corpora(data)?;
    let folds = leave_one_out(&corpora, save, opts);
    print_folds(&folds);
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

/// A corpus of [`CORPORA`] as read from the data folder: the documents
/// trained on and those scored when it is held out (none if it never is).
struct CorpusDocs {
    spec: &'static Corpus,
    train: Vec<GoldDoc>,
    score: Vec<GoldDoc>,
}

/// Reads every corpus of [`CORPORA`] from `data` once, before any fold
/// trains (a corpus scored on its training file shares the reading).
fn read_corpora(data: &str) -> Result<Vec<CorpusDocs>, String> {
    let mut corpora = Vec::new();
    for spec in CORPORA {
        let train = read_gold(&format!("{data}/{}", spec.train))?;
        let score = match spec.score {
            None => Vec::new(),
            Some(f) if f == spec.train => train.clone(),
            Some(f) => read_gold(&format!("{data}/{f}"))?,
        };
        corpora.push(CorpusDocs { spec, train, score });
    }
    Ok(corpora)
}

/// One row per corpus with a score file, in [`CORPORA`] order: trained on
/// every other corpus, scored on it. The folds run on two threads at a
/// time (the machine's cores; each fold holds its own examples).
fn leave_one_out(corpora: &[CorpusDocs], save: Option<&str>, opts: &Options) -> Vec<Row> {
    thread::scope(|sc| {
        let mut rows = Vec::new();
        let held: Vec<usize> = (0..corpora.len())
            .filter(|&i| corpora[i].spec.score.is_some())
            .collect();
        for pair in held.chunks(2) {
            let handles: Vec<_> = pair
                .iter()
                .map(|&out| sc.spawn(move || fold(corpora, out, save, opts)))
                .collect();
            rows.extend(handles.into_iter().map(|h| h.join().expect("fold")));
        }
        rows
    })
}

/// The fold that holds corpus `out` out: a tagger trained on the others
/// (each document `weight` times), saved to `save` if asked, and its row.
fn fold(corpora: &[CorpusDocs], out: usize, save: Option<&str>, opts: &Options) -> Row {
    let examples: Vec<Example> = corpora
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != out)
        .flat_map(|(_, c)| {
            c.train
                .iter()
                .flat_map(move |d| std::iter::repeat_n(d, c.spec.weight))
        })
        .map(example)
        .collect();
    let m = train(&examples, opts, |_, _| {});
    let held = &corpora[out];
    let c = held.spec;
    if let Some(dir) = save {
        let path = format!("{dir}/{}.model", c.train);
        if let Err(e) = std::fs::write(&path, m.to_bytes()) {
            eprintln!("protocol: {path}: {e}");
        }
    }
    row(
        format!("{} ({})", c.name, c.score.unwrap_or_default()),
        &held.score,
        Some(&m),
    )
}

/// Prints the leave-one-out table: a row per fold, their mean and worst,
/// and on how many corpora the shipped combination trails the rules.
fn print_folds(folds: &[Row]) {
    println!("== leave one corpus out: typed mention F1, trained on the other corpora");
    println!(
        "{:<58} {:>7} {:>7} {:>8} {:>8}",
        "held-out corpus", "rules", "tagger", "shipped", "-rules"
    );
    for r in folds {
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
}
