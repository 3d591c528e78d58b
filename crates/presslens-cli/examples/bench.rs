//! Native engine throughput: `cargo run --release --example bench -- FILES…`
//!
//! FILES are plain texts or gold JSONL files (their `text` fields). Prints
//! MB/s per input set, with the parties tagger and without it (the rules
//! alone, the peer in the same run), and the tagger model's size; numbers
//! are reported, never asserted.

use std::time::Instant;

#[path = "common/texts.rs"]
mod common;
use common::texts;

/// MB/s of `f` over `docs` (`bytes` in all): one warm-up, then repeats
/// until at least ~0.5 s has been measured. Returns (bytes done, seconds).
fn rate(docs: &[String], bytes: usize, f: impl Fn(&str)) -> (usize, f64) {
    for d in docs {
        f(d);
    }
    let (mut reps, start) = (0usize, Instant::now());
    while reps == 0 || start.elapsed().as_secs_f64() < 0.5 {
        for d in docs {
            f(d);
        }
        reps += 1;
    }
    (bytes * reps, start.elapsed().as_secs_f64())
}

fn main() {
    let mut all_docs: Vec<String> = Vec::new();
    let model = presslens::parties::tagger::shipped();
    println!(
        "parties tagger model: {} bytes raw ({}; gzipped size: make bench's node part)",
        presslens::parties::tagger::shipped_size(),
        if model.is_some() {
            "loaded"
        } else {
            "NOT LOADED"
        }
    );
    let (mut all, mut all_rules) = ((0usize, 0f64), (0usize, 0f64));
    println!(
        "{:<40} {:>6} {:>10} {:>10} {:>12} {:>7}",
        "input", "docs", "bytes", "MB/s", "rules MB/s", "ratio"
    );
    for path in std::env::args().skip(1) {
        let docs = match texts(&path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("bench: {e}");
                continue;
            }
        };
        let bytes: usize = docs.iter().map(String::len).sum();
        all_docs.extend(docs.iter().cloned());
        let ours = rate(&docs, bytes, |d| {
            std::hint::black_box(presslens::annotate(d));
        });
        let rules = rate(&docs, bytes, |d| {
            std::hint::black_box(presslens::annotate_with(d, None));
        });
        let mbps = |x: (usize, f64)| x.0 as f64 / x.1 / 1e6;
        all = (all.0 + ours.0, all.1 + ours.1);
        all_rules = (all_rules.0 + rules.0, all_rules.1 + rules.1);
        let name = path.rsplit('/').next().unwrap_or(&path);
        println!(
            "{:<40} {:>6} {:>10} {:>10.2} {:>12.2} {:>7.2}",
            name,
            docs.len(),
            bytes,
            mbps(ours),
            mbps(rules),
            mbps(ours) / mbps(rules)
        );
    }
    if all.1 > 0.0 {
        let (m, r) = (
            all.0 as f64 / all.1 / 1e6,
            all_rules.0 as f64 / all_rules.1 / 1e6,
        );
        println!(
            "{:<40} {:>6} {:>10} {:>10.2} {:>12.2} {:>7.2}",
            "all (native engine)",
            "",
            all.0,
            m,
            r,
            m / r
        );
    }
    quotes_layer(&all_docs);
}

/// The quotes layer alone (marks, attribution, speech, speakers), on
/// documents already tokenised and with their parties found, over every input.
fn quotes_layer(docs: &[String]) {
    let prepared: Vec<(presslens::text::Doc, Vec<presslens::Party>)> = docs
        .iter()
        .map(|t| {
            let d = presslens::text::Doc::new(t);
            let p = presslens::parties::find(&d);
            (d, p)
        })
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    if bytes == 0 {
        return;
    }
    for (d, p) in &prepared {
        std::hint::black_box(presslens::quotes::find(d, p));
    }
    let (mut reps, start) = (0usize, Instant::now());
    while reps == 0 || start.elapsed().as_secs_f64() < 1.0 {
        for (d, p) in &prepared {
            std::hint::black_box(presslens::quotes::find(d, p));
        }
        reps += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:<48} {:>6} {:>10} {:>10.2}",
        "quotes layer alone (all inputs)",
        docs.len(),
        bytes,
        (bytes * reps) as f64 / secs / 1e6
    );
}
