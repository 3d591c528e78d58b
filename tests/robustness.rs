//! The whole engine on hostile input: random Unicode, random punctuation and
//! quote marks, huge and degenerate texts. It never panics, and every report
//! satisfies the schema's invariants in every offset unit.
#![cfg(not(target_arch = "wasm32"))]

use presslens::annotate;

mod common;
use common::Rng;

/// This test's own pieces, beside [`common::QUOTE_MARKS`].
const OWN_PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    ":",
    ";",
    "—",
    "-",
    "(",
    ")",
    "$",
    "€",
    "£",
    "%",
    "said",
    "Said",
    "told",
    "according to",
    "he",
    "She",
    "they",
    "a senior official",
    "President",
    "Joe",
    "Biden",
    "Hamas’s",
    "U.S.",
    "IDF",
    "Gaza City",
    "40",
    "1,000",
    "2.5bn",
    "six-week",
    "forty",
    "per cent",
    "in exchange for",
    "rose from",
    "to",
    "😀",
    "e\u{301}",
    "東京",
    "\u{200B}",
    "\u{FEFF}",
    "\t",
    "0",
    "Mr.",
    "Jan.",
    "10:59",
    "2024",
    "half",
    "dozens",
    "a",
    "the",
    "The",
    "of",
    "\u{0}",
    "\u{7f}",
    "\u{D7FF}",
    "\u{10FFFF}",
];

fn check(text: &str) {
    common::invariants::hold(text);
}

#[test]
fn random_texts_never_panic_and_stay_in_bounds() {
    let pieces = common::pieces(&[common::QUOTE_MARKS, OWN_PIECES]);
    let mut rng = Rng(0x5EED_0FC0_FFEE);
    for _ in 0..1500 {
        let n = (rng.next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(&pieces));
            if rng.next() % 3 == 0 {
                text.push(' ');
            }
        }
        check(&text);
    }
}

#[test]
fn degenerate_texts() {
    for text in [
        "",
        " ",
        "\n",
        "“",
        "”",
        "\"\"\"\"\"",
        "“”“”",
        "‘’",
        "'''",
        "$",
        "%",
        "1",
        "a",
        "A",
        "A.",
        "...",
    ] {
        check(text);
    }
    check(&"“".repeat(10_000));
    check(&"\"".repeat(10_001));
    check(&"1,".repeat(5_000));
    check(&"Biden ".repeat(5_000));
    check(&"a".repeat(100_000));
}

#[test]
fn a_megabyte_article_is_handled() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/article.txt"
    ))
    .unwrap();
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(&seed);
        big.push('\n');
    }
    let report = annotate(&big);
    report.check(big.len()).unwrap();
    assert!(report.quotes.len() >= 100);
}

/// The two-step annotation (`find_parties`, then `annotate_rest`: the
/// browser's JavaScript build keeps each call short with it) gives exactly
/// the one-call report, on the seed article and on random texts, in every
/// offset unit.
#[test]
fn two_steps_give_the_one_call_report() {
    use presslens::{annotate_in, annotate_rest, find_parties, Unit};
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/article.txt"
    ))
    .expect("the seed article (../shared/seed/article.txt)");
    let pieces = common::pieces(&[common::QUOTE_MARKS, OWN_PIECES]);
    let mut rng = Rng(0x7E0_57E9);
    let mut texts = vec![seed];
    for _ in 0..300 {
        let n = (rng.next() % 120) as usize;
        texts.push(
            (0..n)
                .map(|_| rng.pick(&pieces))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    for text in &texts {
        for unit in [Unit::Byte, Unit::Char, Unit::Utf16] {
            let two = annotate_rest(text, find_parties(text), unit);
            assert_eq!(two, annotate_in(text, unit), "{text:?}");
        }
    }
}
