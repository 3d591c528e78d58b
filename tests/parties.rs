//! The parties layer: the seed article's gold parties, and one test per rule
//! with its negative cases.

use presslens::parties;
use presslens::text::Doc;
use presslens::{Party, PartyKind};

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/article.txt"
));
const GOLD: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/gold.json"
));

/// The rules alone: the tests below, one per rule, are of the rules, whose
/// decisions do not move when the tagger is retrained.
fn find(text: &str) -> Vec<Party> {
    parties::find_with(&Doc::new(text), None)
}

/// What ships (the tagger and the rules): checked for properties that hold
/// whatever a retraining decides (the seed's gold parties, sound spans).
fn shipped(text: &str) -> Vec<Party> {
    parties::find(&Doc::new(text))
}

fn party<'a>(ps: &'a [Party], name: &str) -> Option<&'a Party> {
    ps.iter().find(|p| p.name == name)
}

fn names(ps: &[Party]) -> Vec<&str> {
    ps.iter().map(|p| p.name.as_str()).collect()
}

fn mentions(p: &Party) -> Vec<&str> {
    p.mentions.iter().map(|m| m.text.as_str()).collect()
}

/// A mention's text as the eval compares it: without a leading "the" or a
/// possessive.
fn norm(s: &str) -> &str {
    let s = s.strip_prefix("the ").unwrap_or(s);
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

fn kind(s: &str) -> PartyKind {
    match s {
        "person" => PartyKind::Person,
        "organization" => PartyKind::Organization,
        "place" => PartyKind::Place,
        _ => PartyKind::Group,
    }
}

#[test]
fn seed_gold_parties() {
    let gold: serde_json::Value = serde_json::from_str(GOLD).unwrap();
    let ps = shipped(SEED);
    let mut roles = 0;
    for g in gold["parties"].as_array().unwrap() {
        let name = g["name"].as_str().unwrap();
        let p =
            party(&ps, name).unwrap_or_else(|| panic!("missing party {name}: {:?}", names(&ps)));
        assert_eq!(p.kind, kind(g["kind"].as_str().unwrap()), "kind of {name}");
        let got = mentions(p);
        for m in g["mentions"].as_array().unwrap() {
            let m = norm(m.as_str().unwrap());
            assert!(
                got.iter().any(|x| norm(x) == m),
                "{name}: mention {m:?} not in {got:?}"
            );
        }
        // Every mention's text names this party, nothing else.
        for m in &p.mentions {
            assert_eq!(&SEED[m.start..m.end], m.text);
        }
        if let Some(r) = g.get("role").and_then(|r| r.as_str()) {
            assert_eq!(p.role.as_deref(), Some(r), "role of {name}");
            roles += 1;
        }
    }
    assert_eq!(roles, 5);
    for np in gold["not_parties"].as_array().unwrap() {
        let t = np["text"].as_str().unwrap();
        assert!(
            ps.iter()
                .all(|p| p.name != t && p.mentions.iter().all(|m| m.text != t)),
            "{t} must not be a party"
        );
        // Nor may any part of it be ("Air Force" in "Air Force One").
        for (at, _) in SEED.match_indices(t) {
            let end = at + t.len();
            for p in &ps {
                assert!(
                    p.mentions.iter().all(|m| m.end <= at || m.start >= end),
                    "{} inside {t}",
                    p.name
                );
            }
        }
    }
}

#[test]
fn a_mention_belongs_to_one_party() {
    let ps = shipped(SEED);
    let mut spans: Vec<(usize, usize)> = ps
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    let n = spans.len();
    spans.sort_unstable();
    spans.dedup();
    assert_eq!(spans.len(), n);
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    let ps = find(
        "The talks resumed. He said so. Despite this, Moreover the plan held. Families waited.",
    );
    assert!(ps.is_empty(), "{:?}", names(&ps));
    // ... but a sentence-initial name seen elsewhere is one.
    let ps = find("Likud objected. A senior Likud member spoke.");
    assert_eq!(
        mentions(party(&ps, "Likud").unwrap()),
        vec!["Likud", "Likud"]
    );
}

#[test]
fn headline_case_lines_give_only_known_names() {
    let ps = find("Talks Resume in Qatar as Fighting Rages\n\nThe talks went on in Doha.");
    assert_eq!(names(&ps), vec!["Qatar", "Doha"]);
    // A headline quoted inside a body line is treated the same way.
    let ps = find("Read: Israel-Hamas Talks Resume in Qatar as Fighting Rages | Israel News");
    assert!(
        party(&ps, "Fighting Rages").is_none() && party(&ps, "Talks Resume").is_none(),
        "{:?}",
        names(&ps)
    );
    assert!(party(&ps, "Hamas").is_some());
}

#[test]
fn may_the_month_is_not_the_name() {
    let ps = find("The vote is in May. Talks began on May 5. Theresa May said no. Mrs May left.");
    assert_eq!(names(&ps), vec!["Theresa May"]);
    assert_eq!(mentions(&ps[0]), vec!["Theresa May", "May"]);
    let ps = find("Fighting paused before Ramadan and resumed on Monday.");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn us_the_country_is_not_us_the_pronoun() {
    let ps = find("He told us the US would act, and the U.S. did.");
    let us = party(&ps, "United States").unwrap();
    assert_eq!(mentions(us), vec!["US", "U.S."]);
    assert_eq!(ps.len(), 1);
}

#[test]
fn titles_make_roles_not_names() {
    let ps = find("US President Joe Biden met Secretary of State Antony Blinken. Biden spoke. Dr. Jane Roe agreed.");
    let biden = party(&ps, "Joe Biden").unwrap();
    assert_eq!(biden.role.as_deref(), Some("US President"));
    assert_eq!(mentions(biden), vec!["Joe Biden", "Biden"]);
    assert_eq!(
        party(&ps, "Antony Blinken").unwrap().role.as_deref(),
        Some("Secretary of State")
    );
    assert_eq!(party(&ps, "United States").unwrap().kind, PartyKind::Place);
    // An honorific alone is not a role, and a title alone is not a party.
    assert_eq!(party(&ps, "Jane Roe").unwrap().role, None);
    let ps = find("The President later left the room.");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn appositions_make_roles() {
    let ps = find("“No,” said Osama Hamdan, a senior Hamas official. The opposition leader Yair Lapid agreed.");
    assert_eq!(
        party(&ps, "Osama Hamdan").unwrap().role.as_deref(),
        Some("senior Hamas official")
    );
    assert_eq!(
        party(&ps, "Yair Lapid").unwrap().role.as_deref(),
        Some("opposition leader")
    );
    assert_eq!(party(&ps, "Hamas").unwrap().kind, PartyKind::Organization);
    // A place-noun apposition types the name, it is no role.
    let ps = find("Troops entered Shejaiya, a neighborhood in the east.");
    let s = party(&ps, "Shejaiya").unwrap();
    assert_eq!((s.kind, s.role.as_deref()), (PartyKind::Place, None));
}

#[test]
fn organisation_cues_and_acronyms() {
    let ps = find("The Israel Defense Forces (IDF) struck. The IDF said the Green Dawn Party and the Ministry of Health agreed.");
    let idf = party(&ps, "Israel Defense Forces").unwrap();
    assert_eq!(mentions(idf), vec!["Israel Defense Forces", "IDF", "IDF"]);
    assert_eq!(
        party(&ps, "Green Dawn Party").unwrap().kind,
        PartyKind::Organization
    );
    assert_eq!(
        party(&ps, "Ministry of Health").unwrap().kind,
        PartyKind::Organization
    );
    // An acronym spelled out earlier joins its name.
    let ps = find("The Global Climate Fund met. GCF officials left.");
    assert_eq!(
        mentions(party(&ps, "Global Climate Fund").unwrap()),
        vec!["Global Climate Fund", "GCF"]
    );
    // Non-party acronyms are not names.
    let ps = find("The CEO said GDP and TV sales fell.");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn hyphenated_pairs_are_two_parties() {
    let ps = find("The Israel-Hamas war and US-China talks went on. Kim Shin-Wook scored.");
    assert!(party(&ps, "Israel").is_some() && party(&ps, "Hamas").is_some());
    assert!(party(&ps, "China").is_some());
    assert!(party(&ps, "Kim Shin-Wook").is_some(), "{:?}", names(&ps));
}

#[test]
fn multi_word_places_and_place_cues() {
    let ps = find("Strikes hit Gaza City and Gaza. Leaders of the Middle East met in East Jerusalem near Fisht Stadium.");
    assert_eq!(
        names(&ps),
        vec![
            "Gaza City",
            "Gaza",
            "Middle East",
            "East Jerusalem",
            "Fisht Stadium"
        ]
    );
    assert!(ps.iter().all(|p| p.kind == PartyKind::Place));
}

#[test]
fn demonyms_join_their_country_and_plurals_are_groups() {
    let ps = find("Qatari and Egyptian mediators met Israeli officials in Israel. Palestinians and Gazans waited.");
    assert_eq!(
        mentions(party(&ps, "Israel").unwrap()),
        vec!["Israeli", "Israel"]
    );
    assert_eq!(party(&ps, "Qatar").unwrap().kind, PartyKind::Place);
    assert_eq!(party(&ps, "Egypt").unwrap().kind, PartyKind::Place);
    assert_eq!(party(&ps, "Palestinians").unwrap().kind, PartyKind::Group);
    assert_eq!(party(&ps, "Gazans").unwrap().kind, PartyKind::Group);
}

#[test]
fn possessives_and_surnames_join_the_full_name() {
    let ps = find("Benjamin Netanyahu spoke. Netanyahu’s coalition and Hamas’s leaders met Hamas. Later Benjamin left.");
    let b = party(&ps, "Benjamin Netanyahu").unwrap();
    assert_eq!(
        mentions(b),
        vec!["Benjamin Netanyahu", "Netanyahu’s", "Benjamin"]
    );
    assert_eq!(
        mentions(party(&ps, "Hamas").unwrap()),
        vec!["Hamas’s", "Hamas"]
    );
    assert_eq!(ps.len(), 2, "{:?}", names(&ps));
}

#[test]
fn the_strip_joins_gaza() {
    let ps = find("Fighting in Gaza went on. A pullout from the Strip was demanded.");
    assert_eq!(mentions(party(&ps, "Gaza").unwrap()), vec!["Gaza", "Strip"]);
    // With no antecedent, "the Strip" is no party.
    let ps = find("They walked along the Strip in Las Vegas.");
    assert!(party(&ps, "Strip").is_none(), "{:?}", names(&ps));
}

#[test]
fn vehicles_and_events_are_not_parties() {
    let ps = find("Then Biden boarded Air Force One after World War II ended.");
    assert_eq!(names(&ps), vec!["Biden"]);
    assert!(
        ps.iter()
            .all(|p| p.name != "Air Force One" && !p.name.contains("World War")),
        "{:?}",
        names(&ps)
    );
}

#[test]
fn unknown_names_take_kind_from_context() {
    let ps = find("Kendrick Moxon, who led the group, said so. Fighting spread to Zarqa. The Zorblatt Foundation paid.");
    assert_eq!(
        party(&ps, "Kendrick Moxon").unwrap().kind,
        PartyKind::Person
    );
    assert_eq!(party(&ps, "Zarqa").unwrap().kind, PartyKind::Place);
    assert_eq!(
        party(&ps, "Zorblatt Foundation").unwrap().kind,
        PartyKind::Organization
    );
}

#[test]
fn odd_input_does_not_panic() {
    for t in [
        "",
        "A",
        "’s",
        "The",
        "US-",
        "-Hamas",
        "Mr.",
        "(IDF)",
        "X (",
        "the Strip",
        "Prime Minister",
        "É’s ’s",
        "A. B. C.",
        "May",
        "U.S.A.’s",
        "Israel-",
        "of the Of",
    ] {
        for p in find(t).into_iter().chain(shipped(t)) {
            for m in &p.mentions {
                assert!(m.start < m.end && m.end <= t.len());
            }
        }
    }
}

#[test]
fn laws_events_and_products_are_not_parties() {
    // ("Internet Explorer 6" is no longer here: the tagger reads it as a
    // name, and the rule that voided capitalised words before a number cost
    // 1.5 points of typed F1 on CoNLL dev, where it voided result lines:
    // "Rotor Volgograd 2 Spartak Moscow 1".)
    let ps = find("Congress passed the Clean Air Act. She won the Booker Prize.");
    assert_eq!(names(&ps), vec!["Congress"]);
    // A known organisation inside such a name is still named.
    let ps = find("He won the Google Science Fair last year.");
    assert_eq!(names(&ps), vec!["Google"]);
}

#[test]
fn countries_in_sports_reports_stay_places() {
    // CoNLL's convention, kept for every reader: "Sweden" that plays is
    // still the country (typing it as its team cost 2.4 points of CoNLL dev).
    let t = "Sweden defeated South Korea 1 – 0 in the match. The goal came from a penalty. Sweden's striker scored. The game was in Sochi.";
    for ps in [find(t), shipped(t)] {
        assert_eq!(party(&ps, "Sweden").unwrap().kind, PartyKind::Place);
        assert_eq!(party(&ps, "South Korea").unwrap().kind, PartyKind::Place);
    }
}

#[test]
fn an_organisation_then_a_person_are_two_names() {
    let ps = find("The chief executive of the Refugee Council Enver Solomon said it was wrong.");
    assert_eq!(
        party(&ps, "Refugee Council").unwrap().kind,
        PartyKind::Organization
    );
    assert_eq!(party(&ps, "Enver Solomon").unwrap().kind, PartyKind::Person);
    // A cue word at the end keeps a long name whole.
    let ps = find("He studied at the Irving Independent School District.");
    assert_eq!(
        party(&ps, "Irving Independent School District")
            .unwrap()
            .kind,
        PartyKind::Organization
    );
    // The place inside the name is a nested mention of its own.
    assert_eq!(party(&ps, "Irving").unwrap().kind, PartyKind::Place);
    assert_eq!(ps.len(), 2);
}

#[test]
fn datelines_labels_and_emphasis() {
    let ps = find("WASHINGTON (Reuters) - The talks went on. Image: Ahmed Mohamed. It will fail UNLESS they act.");
    assert_eq!(names(&ps), vec!["Washington", "Reuters", "Ahmed Mohamed"]);
    assert_eq!(party(&ps, "Washington").unwrap().kind, PartyKind::Place);
}

#[test]
fn datelines_in_capitals_are_places_and_agencies_no_aliases() {
    // Error classes seen on new text: "NEW YORK (Reuters) -" typed as an
    // organisation (the rules took "NEW" for a common word in capitals),
    // "(AP)" read as the acronym of the place before it, and "Jan 5" less
    // its month left as a name. Rules alone and as shipped alike.
    for t in [
        "NEW YORK (Reuters) - Stocks fell on Monday.",
        "NEW YORK, Jan 5 (Reuters) - Stocks fell on Monday.",
    ] {
        for ps in [find(t), shipped(t)] {
            let ny = party(&ps, "New York").unwrap();
            assert_eq!(
                (ny.kind, mentions(ny)),
                (PartyKind::Place, vec!["NEW YORK"])
            );
            assert!(party(&ps, "Reuters").is_some(), "{t}");
            assert!(
                party(&ps, "5").is_none() && party(&ps, "Jan").is_none(),
                "{t}"
            );
        }
    }
    let t = "LOS ANGELES (AP) — Stocks fell on Monday.";
    for ps in [find(t), shipped(t)] {
        assert_eq!(
            mentions(party(&ps, "Los Angeles").unwrap()),
            vec!["LOS ANGELES"]
        );
        assert!(party(&ps, "Associated Press").is_some(), "{:?}", names(&ps));
    }
    // A line of capitals without a bracketed agency, a comma or a dash is
    // no dateline.
    let ps = find("BREAKING NEWS: talks resume.");
    assert!(party(&ps, "Breaking News").is_none(), "{:?}", names(&ps));
}

#[test]
fn title_of_phrases_are_roles() {
    let ps = find("Minister of Education Stefania Giannini spoke. President of France Emmanuel Macron listened.");
    assert_eq!(
        party(&ps, "Stefania Giannini").unwrap().role.as_deref(),
        Some("Minister of Education")
    );
    assert_eq!(
        party(&ps, "Emmanuel Macron").unwrap().role.as_deref(),
        Some("President of France")
    );
    assert!(party(&ps, "France").is_some());
    assert!(party(&ps, "Education").is_none(), "{:?}", names(&ps));
}

#[test]
fn place_named_surnames_and_ranks_in_names() {
    let ps = find("Michael Jordan scored. Jordan said he was tired. Later he flew to Jordan. Martin Luther King Jr. spoke.");
    assert_eq!(
        mentions(party(&ps, "Michael Jordan").unwrap()),
        vec!["Michael Jordan", "Jordan"]
    );
    assert_eq!(party(&ps, "Jordan").unwrap().kind, PartyKind::Place);
    assert!(
        party(&ps, "Martin Luther King Jr").is_some(),
        "{:?}",
        names(&ps)
    );
    // A rank before a name is a title, not a surname.
    let ps = find("King Charles met Prince William.");
    assert_eq!(party(&ps, "Charles").unwrap().role.as_deref(), Some("King"));
}

#[test]
fn acronyms_in_capitals_and_words_in_capitals() {
    let ps = find("The FIRST Global challenge began. FIRST officials said the NATO summit, not the CEO, mattered.");
    assert_eq!(
        mentions(party(&ps, "FIRST").unwrap()),
        vec!["FIRST", "FIRST"]
    );
    assert!(
        party(&ps, "Global").is_none() && party(&ps, "CEO").is_none(),
        "{:?}",
        names(&ps)
    );
    assert_eq!(
        party(&ps, "North Atlantic Treaty Organization")
            .unwrap()
            .kind,
        PartyKind::Organization
    );
}

#[test]
fn plural_names_are_groups_and_western_allies() {
    let ps = find("Fans of Immortals cheered. The United States and other Western allies pushed. Western leaders met in Western Australia.");
    assert_eq!(party(&ps, "Immortals").unwrap().kind, PartyKind::Group);
    assert_eq!(party(&ps, "Western allies").unwrap().kind, PartyKind::Group);
    assert!(party(&ps, "Western").is_none(), "{:?}", names(&ps));
    assert_eq!(
        party(&ps, "Western Australia").unwrap().kind,
        PartyKind::Place
    );
}

#[test]
fn random_text_never_panics_and_spans_are_sound() {
    let alphabet: Vec<&str> = vec![
        "The",
        "US",
        "us",
        "U.S.",
        "Hamas’s",
        "Israel",
        "-",
        "Israeli",
        "(",
        "IDF",
        ")",
        "of",
        "the",
        "University",
        "May",
        "Prime",
        "Minister",
        "Dr.",
        "Mr",
        ".",
        ",",
        "“",
        "”",
        "’s",
        "'",
        "Gaza",
        "City",
        "Strip",
        "Air",
        "Force",
        "One",
        "said",
        "a",
        "senior",
        "official",
        "É",
        "ß",
        "😀",
        "\n",
        "1",
        "–",
        "0",
        "Jordan",
        "Michael",
        "WASHINGTON",
        ":",
        "Image",
        "for",
        "al",
        "Qaeda",
        "Western",
        "allies",
        "Sweden",
        "goal",
        "match",
    ];
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    for _ in 0..300 {
        let mut t = String::new();
        let len = (seed >> 33) % 60;
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let w = alphabet[(seed >> 33) as usize % alphabet.len()];
            t.push_str(w);
            if (seed >> 20) % 3 != 0 {
                t.push(' ');
            }
        }
        for ps in [find(&t), shipped(&t)] {
            let mut spans = Vec::new();
            for p in &ps {
                assert!(!p.mentions.is_empty());
                for m in &p.mentions {
                    assert!(
                        m.start < m.end
                            && m.end <= t.len()
                            && t.is_char_boundary(m.start)
                            && t.is_char_boundary(m.end),
                        "{t:?}"
                    );
                    spans.push((m.start, m.end));
                }
            }
            let n = spans.len();
            spans.sort_unstable();
            spans.dedup();
            assert_eq!(spans.len(), n, "a span in two parties: {t:?}");
        }
    }
}

#[test]
fn long_inputs_are_handled() {
    // One huge sentence and one huge capitalised run: both complete with
    // valid output. (Their speed is measured by `make bench`, not asserted.)
    let a = "Hamas and the Israeli army met in Gaza City with US President Joe Biden ".repeat(4000);
    let b = "Alpha Beta Gamma ".repeat(20000);
    let pa = shipped(&a);
    assert!(party(&pa, "Hamas").is_some_and(|p| p.mentions.len() == 4000));
    for p in shipped(&b) {
        for m in &p.mentions {
            assert!(m.start < m.end && m.end <= b.len());
        }
    }
}

#[test]
fn us_politics_conventions() {
    let t = "NEWPORT NEWS, Va. — James O’Neill spoke. O'Neill left. I’ll vote, said Harry F. Byrd Sr. Later Byrd's aides met the NYPD in Newport News.";
    let ps = find(t);
    let nn = party(&ps, "Newport News").unwrap();
    assert_eq!(
        (nn.kind, mentions(nn)),
        (PartyKind::Place, vec!["NEWPORT NEWS", "Newport News"])
    );
    assert_eq!(party(&ps, "Virginia").unwrap().kind, PartyKind::Place);
    assert_eq!(
        mentions(party(&ps, "James O’Neill").unwrap()),
        vec!["James O’Neill", "O'Neill"]
    );
    assert_eq!(
        mentions(party(&ps, "Harry F. Byrd Sr").unwrap()),
        vec!["Harry F. Byrd Sr", "Byrd's"]
    );
    assert_eq!(party(&ps, "NYPD").unwrap().kind, PartyKind::Organization);
    assert!(
        ps.iter().all(|p| !p.name.starts_with("I’")),
        "{:?}",
        names(&ps)
    );
}

#[test]
fn headline_runs_keep_the_body_names_inside_them() {
    let ps =
        find("Joe Biden Visits Israel Amid Talks\n\nUS President Joe Biden arrived on Tuesday.");
    let b = party(&ps, "Joe Biden").unwrap();
    assert_eq!(mentions(b), vec!["Joe Biden", "Joe Biden"]);
    assert!(
        ps.iter()
            .all(|p| !p.name.contains("Visits") && !p.name.contains("Talks")),
        "{:?}",
        names(&ps)
    );
}
