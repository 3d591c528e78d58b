//! Integration tests of the quotes layer: every pattern of issue 3 with a
//! negative case, the seed article, and a property test over random text.

mod common;

use presslens::quotes;
use presslens::text::Doc;
use presslens::{Mention, Party, PartyKind, Quote};

fn find(t: &str) -> Vec<Quote> {
    quotes::find(&Doc::new(t), &[])
}

fn find_with(t: &str, parties: &[Party]) -> Vec<Quote> {
    quotes::find(&Doc::new(t), parties)
}

/// (quoted text without marks, speaker name, named) for each quote.
fn summary(t: &str) -> Vec<(String, String, bool)> {
    find(t)
        .iter()
        .map(|q| {
            let inner = q
                .text
                .trim_matches(|c: char| !c.is_alphanumeric() && !".,?!".contains(c))
                .to_string();
            let (name, named) = q
                .speaker
                .as_ref()
                .map_or((String::new(), false), |s| (s.name.clone(), s.named));
            (inner, name, named)
        })
        .collect()
}

fn speaker_of(t: &str) -> Option<String> {
    find(t)
        .first()
        .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
}

fn mention_of(t: &str) -> Option<String> {
    find(t)
        .first()
        .and_then(|q| q.speaker.as_ref().map(|s| t[s.start..s.end].to_string()))
}

const LONG: &str = "We will bring this matter to a close within a few weeks";

// ---------------------------------------------------------------- marks

#[test]
fn every_mark_family_pairs() {
    for (o, c) in [
        ("“", "”"),
        ("\"", "\""),
        ("«", "»"),
        ("‹", "›"),
        ("„", "“"),
        ("‚", "‘"),
        ("「", "」"),
        ("''", "''"),
        ("‘", "’"),
    ] {
        let t = format!("{o}{LONG},{c} said Jane Doe.");
        let q = find(&t);
        assert_eq!(q.len(), 1, "{o}…{c}");
        assert!(
            q[0].text.starts_with(o) && q[0].text.ends_with(c),
            "{o}…{c}: {}",
            q[0].text
        );
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Jane Doe");
    }
    // Negative: a closing mark alone opens nothing.
    assert!(find(&format!("{LONG}” said Jane Doe.")).is_empty());
}

#[test]
fn single_quotes_nest_inside_double() {
    let t = format!("“He told me ‘{LONG}’ and left,” said Jane Doe.");
    let q = find(&t);
    assert_eq!(q.len(), 1);
    assert!(q[0].text.starts_with("“He told"));
    // Negative: the nested quote is not reported on its own.
    assert!(!q.iter().any(|q| q.text.starts_with('‘')));
}

#[test]
fn apostrophes_and_possessives_are_not_marks() {
    let t = format!("There’s Hamas’s plan, the ’90s, rock ’n’ roll and the Joneses’ house. “{LONG},” said Jane Doe.");
    let q = find(&t);
    assert_eq!(q.len(), 1);
    assert!(q[0].text.starts_with("“We will"));
    let t = "There's the '90s and rock 'n' roll and the Joneses' house, said Jane Doe.";
    assert!(find(t).is_empty());
}

#[test]
fn stray_marks_never_swallow_the_article() {
    let t = format!("He said “{LONG} and then some.\n\nThe next paragraph is plain text.\n\nAnd so is this one, with no marks.");
    assert!(find(&t).is_empty());
    // Negative: a paragraph that opens a quote without closing it runs to
    // its own end only.
    let t = format!("“{LONG} and then some.\n\nThe next paragraph is plain text.");
    let q = find(&t);
    assert_eq!(q.len(), 1);
    assert!(!q[0].text.contains('\n'));
}

#[test]
fn multi_paragraph_quotes_follow_the_news_convention() {
    let t = format!("Jane Doe said:\n\n“{LONG}.\n\n“{LONG}.\n\n“{LONG}.”\n\nThe end.");
    let q = find(&t);
    assert_eq!(q.len(), 3);
    assert!(q
        .iter()
        .all(|q| q.speaker.as_ref().map(|s| s.name.as_str()) == Some("Jane Doe")));
    assert!(q.iter().all(|q| !q.text.contains('\n')));
    // Negative: no mark opening the next paragraph, no continuation.
    let t = format!("He said “{LONG}.\n\n{LONG}.”");
    assert!(find(&t).iter().all(|q| !q.text.contains('\n')));
}

#[test]
fn odd_mark_counts_do_not_fail() {
    for t in [
        "“",
        "”",
        "\"",
        "''",
        "“a” “b",
        "\"a\"b\"c\"",
        "‘’‘’‘",
        "«",
        "»»",
        "「",
        "“\n”\n“",
        "'''''",
    ] {
        let q = find(t);
        for q in q {
            assert!(q.start <= q.end && q.end <= t.len());
        }
    }
}

// ---------------------------------------------------------------- speech

#[test]
fn scare_quotes_titles_and_nicknames_are_not_speech() {
    assert!(find("This was written by an “objective” U.S. journalist.").is_empty());
    assert!(find("They watched “The Good, the Bad and the Ugly” on Sunday night.").is_empty());
    assert!(find("Trump, known as “the Donald” to fans, arrived.").is_empty());
    assert!(find("Trump says voter fraud “would be one hell of a way to lose.”").is_empty());
    // Negative: a short quote with a cue is speech.
    assert_eq!(find("“Not now,” she said.").len(), 1);
}

// ---------------------------------------------------------------- attribution

/// What a case expects of the first quotation's speaker.
#[derive(Debug)]
enum Want {
    /// This speaker.
    Speaker(&'static str),
    /// None at all.
    NoSpeaker,
    /// Anyone but this one (a listener, a description in apposition).
    Not(&'static str),
}

impl Want {
    fn holds(&self, got: Option<&str>) -> bool {
        match self {
            Want::Speaker(s) => got == Some(*s),
            Want::NoSpeaker => got.is_none(),
            Want::Not(s) => got != Some(*s),
        }
    }
}

use Want::{NoSpeaker, Not, Speaker};

/// Attribution patterns and their negatives: (name, text with `{LONG}` for
/// the quoted words, speaker).
const ATTRIBUTION: &[(&str, &str, Want)] = &[
    ("said X", "“{LONG},” said Jane Doe.", Speaker("Jane Doe")),
    (
        "said X: a noun \"report\" is not a cue",
        "“{LONG},” the report on Jane Doe.",
        NoSpeaker,
    ),
    ("X said", "“{LONG},” Jane Doe said.", Speaker("Jane Doe")),
    (
        "X said: another clause between quote and verb",
        "“{LONG}.” Democrats seized on the remark, in which he said more.",
        NoSpeaker,
    ),
    (
        "X said: a new sentence about something else",
        "“{LONG}.” The crowd cheered for hours and the band later said nothing.",
        NoSpeaker,
    ),
    (
        "X added, adding",
        "“{LONG},” Jane Doe added, adding that it was late.",
        Speaker("Jane Doe"),
    ),
    ("X noted", "“{LONG},” Jane Doe noted.", Speaker("Jane Doe")),
    (
        "X noted: no verb, no speaker",
        "“{LONG},” Jane Doe and her friends.",
        NoSpeaker,
    ),
    (
        "X painted: an ordinary verb is no cue",
        "“{LONG},” Jane Doe painted.",
        NoSpeaker,
    ),
    ("X said: “", "Jane Doe said: “{LONG}.”", Speaker("Jane Doe")),
    ("X said, “", "Jane Doe said, “{LONG}.”", Speaker("Jane Doe")),
    (
        "X said: “ — a colon after a plain clause",
        "The plan was simple and all in the room knew it: “{LONG}.”",
        NoSpeaker,
    ),
    (
        "X stressed, saying",
        "Antony Blinken stressed the importance of a pause before Ramadan, saying, “{LONG}.”",
        Speaker("Antony Blinken"),
    ),
    (
        "saying with no subject in the sentence",
        "Before the vote, saying, “{LONG}.”",
        NoSpeaker,
    ),
    (
        "according to X after",
        "“{LONG},” according to Jane Doe.",
        Speaker("Jane Doe"),
    ),
    (
        "according to X before",
        "According to Jane Doe, “{LONG}.”",
        Speaker("Jane Doe"),
    ),
    (
        "according to X: \"according\" alone",
        "“{LONG},” accordingly.",
        NoSpeaker,
    ),
    (
        "X told Reuters: “",
        "Jane Doe told Reuters: “{LONG}.”",
        Speaker("Jane Doe"),
    ),
    (
        "X told Reuters after",
        "“{LONG},” Jane Doe told Reuters.",
        Speaker("Jane Doe"),
    ),
    (
        "X told Reuters: Reuters is the listener",
        "Jane Doe told Reuters: “{LONG}.”",
        Not("Reuters"),
    ),
    ("” — X", "“{LONG}.” — Jane Doe", Speaker("Jane Doe")),
    (
        "”― X, one per line",
        "“{LONG}.”― Jane Doe\n“{LONG}.” ― John Roe",
        Speaker("Jane Doe"),
    ),
    (
        "” — a description ending the line",
        "“{LONG}.” — a voter in Ohio",
        Speaker("a voter in Ohio"),
    ),
    (
        "” — a clause is no speaker",
        "“{LONG}” — and then it rained.",
        NoSpeaker,
    ),
];

#[test]
fn attribution_patterns() {
    let failed: Vec<String> = ATTRIBUTION
        .iter()
        .filter_map(|(name, text, want)| {
            let t = text.replace("{LONG}", LONG);
            let got = speaker_of(&t);
            let ok = text.contains("{LONG}") && want.holds(got.as_deref());
            (!ok).then(|| format!("{name}: {t:?} gave {got:?}, want {want:?}"))
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        ATTRIBUTION.len(),
        failed.join("\n")
    );
}

#[test]
fn quote_only_paragraph_continues_previous_speaker() {
    let t = format!("“{LONG},” said Jane Doe.\n\n“{LONG}.”");
    let s = summary(&t);
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].1, "Jane Doe");
    // Negative: a paragraph without quotes in between breaks it.
    let t = format!("“{LONG},” said Jane Doe.\n\nThe rally ended.\n\n“{LONG}.”");
    assert_eq!(summary(&t)[1].1, "");
}

#[test]
fn pronouns_resolve_to_the_nearest_person() {
    let t = format!("Jane Doe and the Senate met on Monday.\n\n“{LONG},” she said.");
    assert_eq!(speaker_of(&t).as_deref(), Some("Jane Doe"));
    assert_eq!(mention_of(&t).as_deref(), Some("she"));
    // With parties: prefer a person party over an organisation.
    let parties = vec![
        party("Jane Doe", PartyKind::Person, &t, "Jane Doe"),
        party(
            "United States Senate",
            PartyKind::Organization,
            &t,
            "Senate",
        ),
    ];
    let q = find_with(&t, &parties);
    assert_eq!(q[0].speaker.as_ref().unwrap().party, Some(0));
    // Gender agreement from first names and titles.
    let t = format!("Hillary Clinton debated Donald Trump.\n\n“{LONG},” she said.");
    assert_eq!(speaker_of(&t).as_deref(), Some("Hillary Clinton"));
    let t = format!("Mr. Smith met Jane Doe.\n\n“{LONG},” he said.");
    assert_eq!(speaker_of(&t).as_deref(), Some("Smith"));
    // "they" takes the nearest plural description, or organisation.
    let t = format!("Officials in Kyiv expected more attacks. “{LONG},” they said.");
    let s = find(&t)[0].speaker.clone().unwrap();
    assert_eq!((s.name.as_str(), s.named), ("Officials", false));
    let t = format!("Officials met the Senate. “{LONG},” they said.");
    let parties = vec![party(
        "United States Senate",
        PartyKind::Organization,
        &t,
        "Senate",
    )];
    assert_eq!(
        find_with(&t, &parties)[0].speaker.as_ref().unwrap().name,
        "United States Senate"
    );
    // Negative: a pronoun with nobody before it stays unresolved.
    let t = format!("“{LONG},” he said.");
    assert!(!find(&t)[0].speaker.as_ref().unwrap().named);
}

#[test]
fn apposition_after_the_name() {
    let t = format!("“{LONG},” stated Osama Hamdan, a senior Hamas official.");
    assert_eq!(speaker_of(&t).as_deref(), Some("Osama Hamdan"));
    let t = format!("“{LONG},” Osama Hamdan, a senior Hamas official, said.");
    assert_eq!(speaker_of(&t).as_deref(), Some("Osama Hamdan"));
    let t = format!("“{LONG},” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said.");
    assert_eq!(speaker_of(&t).as_deref(), Some("Scott Pruitt"));
    let t = format!("To which she said, “{LONG}.”");
    assert_eq!(mention_of(&t).as_deref(), Some("she"));
    let t = format!("“{LONG},” the official, who spoke on condition of anonymity, said.");
    assert_eq!(speaker_of(&t).as_deref(), Some("the official"));
    // Negative: the description in apposition is not the speaker's name.
    assert_ne!(speaker_of(&t).as_deref(), Some("a senior Hamas official"));
}

#[test]
fn reporting_verb_lexicon_is_large() {
    for v in [
        "said",
        "stated",
        "remarked",
        "noted",
        "insisted",
        "warned",
        "told",
        "wrote",
        "tweeted",
        "reported",
        "explained",
        "argued",
        "conceded",
        "quipped",
    ] {
        let t = format!("“{LONG},” Jane Doe {v}.");
        assert_eq!(speaker_of(&t).as_deref(), Some("Jane Doe"), "{v}");
    }
    // The negative, an ordinary verb, is in ATTRIBUTION.
}

// ---------------------------------------------------------------- anonymous sources

#[test]
fn anonymous_sources_are_not_named() {
    for (tail, name) in [
        (
            "said a senior Israeli official.",
            "a senior Israeli official",
        ),
        (
            "said a spokesperson for a group representing families of fallen soldiers.",
            "a spokesperson for a group representing families of fallen soldiers",
        ),
        ("officials said.", "officials"),
        (
            "said sources familiar with the talks.",
            "sources familiar with the talks",
        ),
    ] {
        let t = format!("“{LONG},” {tail}");
        let q = find(&t);
        let s = q[0].speaker.as_ref().unwrap();
        assert_eq!(s.name, name);
        assert!(!s.named, "{name}");
    }
    // Negative: a name is named.
    let q = find(&format!("“{LONG},” said Jane Doe."));
    assert!(q[0].speaker.as_ref().unwrap().named);
}

// ---------------------------------------------------------------- canonical names

fn party(name: &str, kind: PartyKind, t: &str, mention: &str) -> Party {
    let mentions = t
        .match_indices(mention)
        .map(|(i, m)| Mention {
            start: i,
            end: i + m.len(),
            text: m.to_string(),
        })
        .collect();
    Party {
        name: name.to_string(),
        kind,
        role: None,
        mentions,
    }
}

#[test]
fn names_come_from_the_party_covering_the_mention() {
    let t = format!("Secretary of State Antony Blinken arrived. “{LONG},” Blinken noted.");
    let parties = vec![party("Antony Blinken", PartyKind::Person, &t, "Blinken")];
    let q = find_with(&t, &parties);
    let s = q[0].speaker.as_ref().unwrap();
    assert_eq!((s.name.as_str(), s.party), ("Antony Blinken", Some(0)));
    assert_eq!(&t[s.start..s.end], "Blinken");
    // Without parties: the longest form in the article, titles stripped.
    assert_eq!(speaker_of(&t).as_deref(), Some("Antony Blinken"));
    // Negative: a party that does not cover the mention is not used.
    let parties = vec![party("Joe Biden", PartyKind::Person, &t, "Secretary")];
    let q = find_with(&t, &parties);
    assert_eq!(q[0].speaker.as_ref().unwrap().party, None);
}

#[test]
fn acronyms_expand() {
    let t = format!("“{LONG},” reported the IDF.");
    assert_eq!(speaker_of(&t).as_deref(), Some("Israel Defense Forces"));
    // A transcript label takes the name as the article spells it.
    let t = "Vice presidential nominee Mike Pence spoke.\n\n\"PENCE: We will win this race and many more after it.\"";
    assert_eq!(speaker_of(t).as_deref(), Some("Mike Pence"));
    // Negative: an unknown acronym stays as written.
    let t = format!("“{LONG},” reported the XQZ.");
    assert_eq!(speaker_of(&t).as_deref(), Some("XQZ"));
    let t = format!("“{LONG},” said DARPA.");
    assert_eq!(speaker_of(&t).as_deref(), Some("DARPA"));
}

// ---------------------------------------------------------------- seed

#[test]
fn seed_article_quotes_and_speakers() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/article.txt"
    ));
    let gold: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/gold.json"
    )))
    .unwrap();
    let report = presslens::annotate(text);
    report.check(text.len()).unwrap();
    let gq = gold["quotes"].as_array().unwrap();
    let mut found = 0;
    for g in gq {
        let gt = g["text"].as_str().unwrap();
        let q = report
            .quotes
            .iter()
            .find(|q| q.text.contains(gt))
            .unwrap_or_else(|| panic!("missing quote {gt}"));
        let s = q
            .speaker
            .as_ref()
            .unwrap_or_else(|| panic!("no speaker for {gt}"));
        assert_eq!(s.name, g["speaker"].as_str().unwrap(), "speaker of {gt}");
        assert_eq!(s.named, g["named"].as_bool().unwrap(), "named of {gt}");
        found += 1;
    }
    assert_eq!(found, gq.len());
    for nq in gold["not_quotes"].as_array().unwrap() {
        let nt = nq["text"].as_str().unwrap();
        assert!(
            !report
                .quotes
                .iter()
                .any(|q| q.text.trim_matches(|c: char| !c.is_alphanumeric()) == nt),
            "{nt} is not speech"
        );
    }
    assert_eq!(report.quotes.len(), gq.len(), "no other quotes in the seed");
}

// ---------------------------------------------------------------- property

use common::Rng;

/// This test's own pieces, beside [`common::QUOTE_MARKS`].
const OWN_PIECES: &[&str] = &[
    "''",
    "`",
    "—",
    "―",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "said",
    "says",
    "told",
    "according",
    "to",
    "he",
    "she",
    "they",
    "a",
    "senior",
    "official",
    "Jane",
    "Doe",
    "Mr",
    "President",
    "Biden",
    "the",
    "IDF",
    "We",
    "will",
    "win",
    "There’s",
    "’90s",
    "é",
    "😀",
    "\u{301}",
    "\u{200B}",
    "1,000",
    "saying",
    "adding",
    "Hamas’s",
    "'n'",
    "—Jane",
    "U.S.",
];

#[test]
fn random_text_never_panics_and_spans_stay_in_one_paragraph() {
    let pieces = common::pieces(&[common::QUOTE_MARKS, OWN_PIECES]);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let n = rng.below(60);
        let mut t = String::new();
        for _ in 0..n {
            t.push_str(pieces[rng.below(pieces.len())]);
            if rng.below(3) == 0 {
                t.push(' ');
            }
        }
        let doc = Doc::new(&t);
        let qs = quotes::find(&doc, &[]);
        for q in &qs {
            assert!(
                q.start < q.end && q.end <= t.len(),
                "span {}..{} in {t:?}",
                q.start,
                q.end
            );
            assert!(t.is_char_boundary(q.start) && t.is_char_boundary(q.end));
            assert!(
                !t[q.start..q.end].contains('\n'),
                "quote crosses a paragraph in {t:?}"
            );
            if let Some(s) = &q.speaker {
                assert!(
                    s.start <= s.end
                        && s.end <= t.len()
                        && t.is_char_boundary(s.start)
                        && t.is_char_boundary(s.end)
                );
            }
            if let Some(c) = &q.cue {
                assert!(c.start <= c.end && c.end <= t.len());
            }
        }
        // The whole engine too.
        presslens::annotate(&t).check(t.len()).unwrap();
    }
}

#[test]
fn pathological_inputs_stay_valid() {
    // Thousands of marks in one paragraph, deep nesting, many quotes. (How
    // fast is measured by `make bench`, not asserted here.)
    let mut t = String::new();
    for i in 0..4000 {
        t.push_str(["“", "‘", "«", "\"", "'", "”", "’", "»"][i % 8]);
        t.push_str("word ");
    }
    t.push('\n');
    for _ in 0..2000 {
        t.push_str("“We will win this race and many others,” he said. ");
    }
    let q = find(&t);
    assert!(q.len() >= 2000);
    for q in &q {
        assert!(q.start < q.end && q.end <= t.len());
    }
}

#[test]
fn seed_speakers_do_not_depend_on_the_parties_layer() {
    // Whatever the parties layer finds (here: nothing), canonical names come
    // from the article itself: "Biden" → "Joe Biden", "the IDF" → "Israel
    // Defense Forces".
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/article.txt"
    ));
    let gold: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/gold.json"
    )))
    .unwrap();
    let q = find(text);
    for g in gold["quotes"].as_array().unwrap() {
        let gt = g["text"].as_str().unwrap();
        let found = q
            .iter()
            .find(|q| q.text.contains(gt))
            .unwrap_or_else(|| panic!("missing {gt}"));
        assert_eq!(
            found.speaker.as_ref().map(|s| s.name.as_str()),
            g["speaker"].as_str(),
            "{gt}"
        );
    }
}
