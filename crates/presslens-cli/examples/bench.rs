//! Native engine throughput: `cargo run --release --example bench -- FILES…`
//!
//! FILES are plain texts or gold JSONL files (their `text` fields). Prints
//! MB/s per input set; numbers are reported, never asserted.

use std::time::Instant;

fn texts(path: &str) -> Result<Vec<String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    if !path.ends_with(".jsonl") {
        return Ok(vec![raw]);
    }
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value =
                serde_json::from_str(l).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
            v.get("text")
                .and_then(|t| t.as_str())
                .map(str::to_owned)
                .ok_or_else(|| format!("{path}:{}: no text", i + 1))
        })
        .collect()
}

fn main() {
    let mut all_bytes = 0usize;
    let mut all_secs = 0f64;
    let mut all_docs: Vec<String> = Vec::new();
    println!(
        "{:<48} {:>6} {:>10} {:>10}",
        "input", "docs", "bytes", "MB/s"
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
        // Repeat until at least ~0.5 s has been measured, after one warm-up.
        for d in &docs {
            std::hint::black_box(presslens::annotate(d));
        }
        let (mut reps, start) = (0usize, Instant::now());
        while reps == 0 || start.elapsed().as_secs_f64() < 0.5 {
            for d in &docs {
                std::hint::black_box(presslens::annotate(d));
            }
            reps += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        let mbps = (bytes * reps) as f64 / secs / 1e6;
        all_bytes += bytes * reps;
        all_secs += secs;
        let name = path.rsplit('/').next().unwrap_or(&path);
        println!(
            "{:<48} {:>6} {:>10} {:>10.2}",
            name,
            docs.len(),
            bytes,
            mbps
        );
    }
    if all_secs > 0.0 {
        println!(
            "{:<48} {:>6} {:>10} {:>10.2}",
            "all (native engine)",
            "",
            all_bytes,
            all_bytes as f64 / all_secs / 1e6
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
