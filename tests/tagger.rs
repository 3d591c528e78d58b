//! The parties tagger: the shipped model loads and tags the seed, random
//! text never breaks it, and the trainer learns what it is shown.

mod common;

use common::Rng;
use presslens::parties::tagger::train::{train, Example, Options};
use presslens::parties::tagger::{self, Kind, Model};

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/article.txt"
));

fn shipped() -> &'static Model {
    tagger::shipped().expect("the compiled-in model parses")
}

fn names(m: &Model, text: &str) -> Vec<(String, Kind)> {
    m.tag_text(text)
        .into_iter()
        .map(|(s, e, k)| (text[s..e].to_string(), k))
        .collect()
}

#[test]
fn shipped_model_tags_the_seed() {
    let got = names(shipped(), SEED);
    let has = |n: &str, k: Kind| got.iter().any(|(t, gk)| t == n && *gk == k);
    assert!(has("Joe Biden", Kind::Person), "{got:?}");
    assert!(has("Antony Blinken", Kind::Person), "{got:?}");
    assert!(has("Hamas", Kind::Organization), "{got:?}");
    assert!(has("Doha", Kind::Place), "{got:?}");
    // It tags names, not the article's common words.
    assert!(got.len() > 30 && got.len() < 200, "{}", got.len());
    let low: Vec<_> = got
        .iter()
        .filter(|(t, _)| t.chars().next().is_some_and(char::is_lowercase))
        .collect();
    assert!(low.is_empty(), "{low:?}");
}

#[test]
fn model_file_round_trips_and_refuses_garbage() {
    let m = shipped();
    let bytes = m.to_bytes();
    assert_eq!(bytes.len(), tagger::shipped_size());
    let again = Model::from_bytes(&bytes).unwrap();
    assert_eq!(names(&again, SEED), names(m, SEED));
    assert!(Model::from_bytes(b"").is_err());
    assert!(Model::from_bytes(b"PLTG\x02\x02\x0f\x0b").is_err());
    assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    let mut other = bytes.clone();
    other[5] ^= 0xff; // another feature set
    assert!(Model::from_bytes(&other).is_err());
}

#[test]
fn random_text_never_panics_and_spans_are_sound() {
    let words = [
        "Mr",
        "Biden",
        "said",
        "the",
        "IDF",
        "of",
        "New",
        "York",
        "’s",
        "-",
        ".",
        "“",
        "”",
        "\n",
        "\n\n",
        "é",
        "Ünïcödé",
        "日本",
        "🙂",
        "3",
        "1,000",
        "(",
        ")",
        "al",
        "Abu",
        "GAZA",
        "City",
        "  ",
        "\t",
        "U.S.",
        "'",
        "O’Neill",
    ];
    let m = shipped();
    let mut rng = Rng(0x007a_66e5);
    for _ in 0..300 {
        let n = rng.below(60);
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(&words));
            if rng.below(3) > 0 {
                text.push(' ');
            }
        }
        let mut last = 0;
        for (s, e, _) in m.tag_text(&text) {
            assert!(s < e && e <= text.len(), "{s}..{e} in {text:?}");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            assert!(s >= last, "names in text order, not overlapping");
            last = e;
        }
    }
    assert!(m.tag_text("").is_empty());
}

/// Invented words: a place is any word ending in "-ovo", a person any word
/// after "envoy". Nothing the model was built with can know them.
fn tiny_corpus(rng: &mut Rng, n: usize) -> Vec<Example> {
    let stems = [
        "Brank", "Zel", "Mir", "Kost", "Dar", "Vel", "Lub", "Pet", "Sav", "Tod",
    ];
    let mut out = Vec::new();
    for _ in 0..n {
        let place = format!("{}ovo", rng.pick(&stems));
        let person = format!("{}ak", rng.pick(&stems));
        let text = match rng.below(3) {
            0 => format!("The envoy {person} flew to {place} on Monday."),
            1 => format!("In {place}, the envoy {person} spoke."),
            _ => format!("Our envoy {person} visited {place} and met him."),
        };
        let p = text.find(&person).unwrap();
        let q = text.find(&place).unwrap();
        out.push(Example {
            names: vec![
                (p, p + person.len(), Kind::Person),
                (q, q + place.len(), Kind::Place),
            ],
            text,
        });
    }
    out
}

#[test]
fn the_trainer_learns_a_pattern_it_could_not_know() {
    let mut rng = Rng(42);
    let corpus = tiny_corpus(&mut rng, 90);
    let opts = Options {
        bits: 12,
        epochs: 5,
        seed: 1,
        level: 16,
        runs: 1,
    };
    let mut epochs = 0;
    let m = train(&corpus, &opts, |_, _| epochs += 1);
    assert_eq!(epochs, 5);
    // Unseen stems, unseen sentence frame.
    let text = "Yesterday the envoy Quirak left Horbovo.";
    let got = names(&m, text);
    assert!(got.contains(&("Horbovo".into(), Kind::Place)), "{got:?}");
    assert!(got.contains(&("Quirak".into(), Kind::Person)), "{got:?}");
    // An untrained model of the same shape finds nothing.
    let blank = train(
        &corpus,
        &Options {
            epochs: 0,
            ..opts.clone()
        },
        |_, _| {},
    );
    assert!(blank.tag_text(text).is_empty());
    // Training is deterministic: the same data and options, the same bytes.
    let again = train(&corpus, &opts, |_, _| {});
    assert_eq!(again.to_bytes(), m.to_bytes());
    // Several runs in different orders, averaged: still learnt, still
    // deterministic, and the caller sees the final model once.
    let bag = Options { runs: 3, ..opts };
    let mut seen = 0;
    let m3 = train(&corpus, &bag, |_, _| seen += 1);
    assert_eq!(seen, 1);
    assert!(names(&m3, text).contains(&("Horbovo".into(), Kind::Place)));
    assert_eq!(train(&corpus, &bag, |_, _| {}).to_bytes(), m3.to_bytes());
}
