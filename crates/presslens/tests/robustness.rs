//! The whole engine on hostile input: random Unicode, random punctuation and
//! quote marks, huge and degenerate texts. It never panics, and every report
//! satisfies the schema's invariants in every offset unit.
#![cfg(not(target_arch = "wasm32"))]

use presslens::{annotate, Unit};

mod common;
use common::Rng;

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "「",
    "」",
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
    let report = annotate(text);
    report
        .check(text.len())
        .unwrap_or_else(|e| panic!("{e} in {text:?}"));
    for q in &report.quotes {
        assert!(
            text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
            "quote offsets on char boundaries"
        );
    }
    for p in &report.parties {
        for m in &p.mentions {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
    for f in &report.figures {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(
            f.value.is_none_or(f64::is_finite),
            "figure values are finite: {f:?}"
        );
    }
    let utf16_len = text.encode_utf16().count();
    report
        .clone()
        .into_unit(text, Unit::Utf16)
        .check(utf16_len)
        .unwrap();
    report
        .into_unit(text, Unit::Char)
        .check(text.chars().count())
        .unwrap();
}

#[test]
fn random_texts_never_panic_and_stay_in_bounds() {
    let mut rng = Rng(0x5EED_0FC0_FFEE);
    for _ in 0..1500 {
        let n = (rng.next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
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
