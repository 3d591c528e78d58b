//! How engine time grows with input size: `cargo run --release --example
//! scaling -- [ARTICLE.txt]`.
//!
//! Real article text (the given file, repeated with paragraph breaks) at
//! 10 KB, 100 KB, 1 MB and 10 MB, and adversarial texts at 10 KB, 100 KB
//! and 1 MB: one paragraph repeating a titled name before a reporting verb,
//! ten thousand quote marks in one paragraph, numbers only, capitalised
//! words only. Each line prints the time per size and the ratio to the
//! size before it: linear growth is about 10× per 10×; a quadratic path
//! shows as about 100×. Printed, never asserted (tests assert no timings).

use std::time::Instant;

/// Repeats `unit` (joined by `sep`) until the text reaches `bytes`.
fn grow(unit: &str, sep: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        if !s.is_empty() {
            s.push_str(sep);
        }
        s.push_str(unit);
    }
    s
}

/// `n` distinct numbers, as a counting report would list them.
fn numbers(bytes: usize) -> String {
    let mut s = String::new();
    let mut i = 0u64;
    while s.len() < bytes {
        s.push_str(&(i * 37 % 100_003).to_string());
        s.push_str(if i % 3 == 0 { ", " } else { " " });
        i += 1;
    }
    s
}

/// Capitalised pseudo-words, none of them in a lexicon.
fn capitals(bytes: usize) -> String {
    let mut s = String::new();
    let mut i = 0u32;
    while s.len() < bytes {
        let a = (b'A' + (i % 26) as u8) as char;
        let b = (b'a' + (i / 26 % 26) as u8) as char;
        let c = (b'a' + (i / 676 % 26) as u8) as char;
        s.push_str(&format!("{a}{b}{c}ovan "));
        i += 1;
    }
    s
}

/// Seconds for one `annotate` call (the best of a few for short texts, so
/// the small sizes are not noise).
fn time(text: &str) -> f64 {
    let runs = if text.len() <= 100_000 { 5 } else { 1 };
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            let r = presslens::annotate(text);
            std::hint::black_box(r);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn row(name: &str, sizes: &[usize], make: impl Fn(usize) -> String) {
    let mut line = format!("{name:<34}");
    let mut prev: Option<f64> = None;
    for &n in sizes {
        let text = make(n);
        let s = time(&text);
        let ratio = prev.map_or(String::new(), |p| format!(" ({:.0}×)", s / p.max(1e-9)));
        line.push_str(&format!(" {:>9.1} ms{ratio:<7}", s * 1e3));
        prev = Some(s);
    }
    println!("{line}");
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/article.txt".into());
    let article = match std::fs::read_to_string(&path) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("scaling: {path}: {e}");
            std::process::exit(2);
        }
    };
    // Warm the lexicons up outside the timings.
    presslens::annotate(&article);
    let kb = 1_000;
    println!(
        "{:<34} {:>19} {:>19} {:>19} {:>19}",
        "engine time (ratio to the size before)", "10 KB", "100 KB", "1 MB", "10 MB"
    );
    row(
        "article text",
        &[10 * kb, 100 * kb, 1_000 * kb, 10_000 * kb],
        |n| grow(article.trim(), "\n\n", n),
    );
    let adversarial = [10 * kb, 100 * kb, 1_000 * kb];
    row("one paragraph: President Biden …", &adversarial, |n| {
        grow("President Biden", " ", n) + " said."
    });
    row("one paragraph of quote marks", &adversarial, |n| {
        grow("“a” said", " ", n)
    });
    row("numbers only", &adversarial, numbers);
    row("capitalised words only", &adversarial, capitals);
}
