//! The figures layer: every number form the issue lists, with negative cases,
//! the seed article, and a property test over random text.

mod common;

use presslens::{annotate, Figure, RelationKind};

fn figs(text: &str) -> Vec<Figure> {
    let r = annotate(text);
    r.check(text.len()).expect("report invariants");
    r.figures
}

/// The one figure whose text is `t`.
fn fig<'a>(fs: &'a [Figure], t: &str) -> &'a Figure {
    fs.iter().find(|f| f.text == t).unwrap_or_else(|| {
        panic!(
            "no figure {t:?} in {:#?}",
            fs.iter().map(|f| &f.text).collect::<Vec<_>>()
        )
    })
}

fn value_of(text: &str, t: &str) -> Option<f64> {
    fig(&figs(text), t).value
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

fn texts(text: &str) -> Vec<String> {
    figs(text).into_iter().map(|f| f.text).collect()
}

fn related(fs: &[Figure], a: &str, b: &str, kind: RelationKind) -> bool {
    let ia = fs.iter().position(|f| f.text == a);
    let ib = fs.iter().position(|f| f.text == b);
    match (ia, ib) {
        (Some(ia), Some(ib)) => {
            fs[ia]
                .relations
                .iter()
                .any(|r| r.kind == kind && r.figure == ib)
                && fs[ib]
                    .relations
                    .iter()
                    .any(|r| r.kind == kind && r.figure == ia)
        }
        _ => false,
    }
}

// ---- numbers ------------------------------------------------------------

#[test]
fn digits_with_separators_and_decimals() {
    assert!(close(
        value_of("They sent 1,000 troops.", "1,000 troops"),
        1000.0
    ));
    assert!(close(value_of("It weighs 2.5 tonnes.", "2.5 tonnes"), 2.5));
    assert!(close(
        value_of("About 1\u{202f}000 people came.", "1\u{202f}000 people"),
        1000.0
    ));
    assert!(close(
        value_of("About 1 000 people came.", "1 000 people"),
        1000.0
    ));
    assert!(close(
        value_of("The rate fell to .001 per cent.", ".001 per cent"),
        0.001
    ));
    assert!(close(
        value_of("Offense was minus-5 yards.", "minus-5 yards"),
        -5.0
    ));
    // A version number is no figure.
    assert!(texts("Update to version 1.2.3 now.").is_empty());
}

#[test]
fn number_words() {
    assert!(close(
        value_of("Hamas holds forty hostages.", "forty hostages"),
        40.0
    ));
    assert!(close(
        value_of(
            "We saw two hundred and fifty people.",
            "two hundred and fifty people"
        ),
        250.0
    ));
    assert!(close(
        value_of("She bought a dozen eggs.", "a dozen eggs"),
        12.0
    ));
    assert!(close(
        value_of("It takes a couple of days.", "a couple of days"),
        2.0
    ));
    assert_eq!(
        fig(&figs("It takes a couple of days."), "a couple of days")
            .unit
            .as_deref(),
        Some("day")
    );
    assert!(close(
        value_of("Half of the voters stayed home.", "Half"),
        0.5
    ));
    let fs = figs("They test three thousand samples a week.");
    let f = fig(&fs, "three thousand samples a week");
    assert!(close(f.value, 3000.0));
    assert_eq!(f.unit.as_deref(), Some("sample per week"));
    let fs = figs("Dozens of people were killed and thousands of homes lost.");
    let d = fig(&fs, "Dozens of people");
    assert_eq!(d.value, None);
    assert!(d.approximate);
    assert_eq!(
        fig(&fs, "thousands of homes").counts.as_deref(),
        Some("homes")
    );
    assert_eq!(
        fig(
            &figs("There are tens of thousands of students."),
            "tens of thousands of students"
        )
        .value,
        None
    );
    // "one" as a pronoun or in a name is no figure.
    assert!(texts("No one came, and the same one left.").is_empty());
    assert_eq!(
        texts("One US fluid ounce is small."),
        vec!["One US fluid ounce"]
    );
    assert!(texts("He flew on Air Force One.").is_empty());
    assert_eq!(texts("It is one of the best phones."), vec!["one"]);
}

#[test]
fn scales() {
    assert!(close(
        value_of("The plan costs 5 million dollars.", "5 million dollars"),
        5e6
    ));
    assert!(close(
        value_of(
            "Some 4 hundred million people live there.",
            "4 hundred million people"
        ),
        4e8
    ));
    assert!(close(
        value_of("It raised 2 lakh rupees.", "2 lakh rupees"),
        2e5
    ));
    assert!(close(
        value_of("It has 2.2 billion users.", "2.2 billion users"),
        2.2e9
    ));
    // "m" is a million only for money; otherwise metres.
    let fs = figs("The 37m skeleton cost €40m.");
    assert_eq!(fig(&fs, "37m").unit.as_deref(), Some("metre"));
    assert!(close(fig(&fs, "€40m").value, 4e7));
    // "T" is a trillion only for money; otherwise tonnes.
    let fs = figs("The fund manages $1.5T while the mill makes 40t of steel.");
    assert!(close(fig(&fs, "$1.5T").value, 1.5e12));
    assert_eq!(fig(&fs, "40t of steel").unit.as_deref(), Some("tonne"));
}

#[test]
fn money() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("It cost $2.5bn in all.", "$2.5bn", 2.5e9, "dollar"),
        ("It cost €40m in all.", "€40m", 4e7, "euro"),
        ("A ticket is £3 now.", "£3", 3.0, "pound sterling"),
        ("A meal is ₪100 there.", "₪100", 100.0, "shekel"),
        ("A meal is NIS 100 there.", "NIS 100", 100.0, "shekel"),
        (
            "A meal is 100 shekels there.",
            "100 shekels",
            100.0,
            "shekel",
        ),
        (
            "He paid 100 dollars for it.",
            "100 dollars",
            100.0,
            "dollar",
        ),
        ("He paid 100 euros for it.", "100 euros", 100.0, "euro"),
        ("The yacht was USD10m last year.", "USD10m", 1e7, "dollar"),
        ("Prices hit US $58.24 today.", "US $58.24", 58.24, "dollar"),
        (
            "A notebook for 1,200€ was bought.",
            "1,200€",
            1200.0,
            "euro",
        ),
        (
            "It fell to $-50.8bn in April.",
            "$-50.8bn",
            -50.8e9,
            "dollar",
        ),
    ];
    for &(text, t, v, unit) in cases {
        let fs = figs(text);
        let f = fig(&fs, t);
        assert!(close(f.value, v), "{text}: {:?}", f.value);
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}");
    }
    let fs = figs("Gold was $1,271.2 an ounce and oil $58 per barrel.");
    assert_eq!(
        fig(&fs, "$1,271.2 an ounce").unit.as_deref(),
        Some("dollar per ounce")
    );
    assert_eq!(
        fig(&fs, "$58 per barrel").unit.as_deref(),
        Some("dollar per barrel")
    );
}

#[test]
fn hyphenated_compounds() {
    let fs = figs("He urged a six-week pause for the 40-year-old man.");
    let p = fig(&fs, "six-week pause");
    assert!(close(p.value, 6.0));
    assert_eq!(p.unit.as_deref(), Some("week"));
    assert_eq!(p.counts.as_deref(), Some("pause"));
    let m = fig(&fs, "40-year-old man");
    assert_eq!(m.unit.as_deref(), Some("year of age"));
    assert_eq!(m.counts.as_deref(), Some("man"));
    let s = figs("United won 3-2 on Sunday.");
    let score = fig(&s, "3-2");
    assert_eq!(score.value, None);
    assert_eq!(score.unit.as_deref(), Some("score"));
    assert_eq!(
        fig(&figs("It has a six-cylinder engine."), "six-cylinder")
            .counts
            .as_deref(),
        Some("cylinder")
    );
}

#[test]
fn fractions_and_percentages() {
    for (text, t) in [
        ("Shares rose 30% today.", "30%"),
        ("Shares rose 30 per cent today.", "30 per cent"),
        ("Shares rose 30 percent today.", "30 percent"),
    ] {
        let fs = figs(text);
        let f = fig(&fs, t);
        assert!(close(f.value, 30.0), "{text}");
        assert_eq!(f.unit.as_deref(), Some("percentage"), "{text}");
    }
    let fs = figs("Nearly two-thirds of voters agreed.");
    let f = fig(&fs, "two-thirds of voters");
    assert!(close(f.value, 2.0 / 3.0));
    assert!(f.approximate);
    assert_eq!(f.counts.as_deref(), Some("voters"));
    assert!(close(
        value_of("One ounce is 1/16 of a pint.", "1/16"),
        0.0625
    ));
    assert!(close(
        value_of("A third of the population lives there.", "A third"),
        1.0 / 3.0
    ));
    // A fraction of a scale is one amount.
    let fs = figs("They raised a quarter of a million dollars.");
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert!(close(fs[0].value, 250_000.0), "{fs:?}");
    assert_eq!(fs[0].unit.as_deref(), Some("dollar"));
    assert!(close(
        value_of(
            "It cost three-quarters of a billion.",
            "three-quarters of a billion"
        ),
        750_000_000.0
    ));
    // A whole number and a fraction; vulgar fraction characters.
    assert!(close(
        value_of("The trial ran 3 1/4 hours.", "3 1/4 hours"),
        3.25
    ));
    assert!(close(value_of("It grew 4¾ inches.", "4¾ inches"), 4.75));
    let fs = figs("Stir in ¼ teaspoon of salt.");
    assert!(fs.iter().any(|f| close(f.value, 0.25)), "{fs:?}");
    // A date or a code is no fraction: "on 3 1/2/2020" stays apart.
    assert!(!figs("Filed as 7 1/2/3 in the ledger.")
        .iter()
        .any(|f| close(f.value, 7.5)));
}

#[test]
fn measures() {
    let cases: &[(&str, &str, f64, &str)] = &[
        (
            "It hit 87 mph on the road.",
            "87 mph",
            87.0,
            "mile per hour",
        ),
        (
            "It hit 140 km/h on the road.",
            "140 km/h",
            140.0,
            "kilometre per hour",
        ),
        (
            "The field stretched seven miles out.",
            "seven miles",
            7.0,
            "mile",
        ),
        ("The water was 47 feet deep.", "47 feet", 47.0, "foot"),
        ("It orbits every 33 years.", "33 years", 33.0, "year"),
        (
            "It can hit 500 degrees celsius.",
            "500 degrees celsius",
            500.0,
            "celsius",
        ),
        (
            "The battery holds 5.5kWh of charge.",
            "5.5kWh of charge",
            5.5,
            "kilowatt hour",
        ),
        ("Use 50mL of acid.", "50mL of acid", 50.0, "millilitre"),
        (
            "The site covers 311 square miles.",
            "311 square miles",
            311.0,
            "square mile",
        ),
    ];
    for &(text, t, v, unit) in cases {
        let fs = figs(text);
        let f = fig(&fs, t);
        assert!(close(f.value, v), "{text}");
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}");
    }
    // A modifier between the number and its unit leaves the unit the
    // number's; a counted noun stays counted, a multiplier no unit.
    let fs = figs("The road needs 12 more miles of asphalt and 40 straight days.");
    assert_eq!(
        fig(&fs, "12 more miles of asphalt").unit.as_deref(),
        Some("mile")
    );
    assert_eq!(fig(&fs, "40 straight days").unit.as_deref(), Some("day"));
    let fs = figs("They hired 5 more people and tried three more times.");
    assert_eq!(fig(&fs, "5 more people").unit, None);
    assert!(fs.iter().all(|f| f.unit.is_none()), "{fs:#?}");
    // Short unit letters must touch the number.
    assert_eq!(fig(&figs("They ran 4 in the morning."), "4").unit, None);
}

/// A vague or spelled amount takes a unit after "of", currencies included
/// (one vocabulary answers for both), but a capitalised word there is a
/// name, not a unit.
#[test]
fn units_after_of() {
    let fs = figs("The fund lost millions of dollars last year.");
    assert_eq!(
        fig(&fs, "millions of dollars").unit.as_deref(),
        Some("dollar")
    );
    let fs = figs("Exporters earned billions of yen abroad.");
    assert_eq!(
        fig(&fs, "billions of yen").unit.as_deref(),
        Some("japanese yen")
    );
    let fs = figs("He met two dozen of Sen. Warren's aides.");
    assert_eq!(fig(&fs, "two dozen").unit, None);
}

#[test]
fn ranges() {
    let fs = figs("Between 10 and 15 miles of road were lost.");
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].text, "Between 10 and 15 miles of road");
    assert_eq!(fs[0].value, None);
    assert_eq!(fs[0].unit.as_deref(), Some("mile"));
    let fs = figs("They expect 10-15 people.");
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].counts.as_deref(), Some("people"));
    let fs = figs("A fine of $3 billion to $5 billion is likely.");
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].unit.as_deref(), Some("dollar"));
    // An approximate upper end stays in the range.
    assert_eq!(
        figs("Visas cost $500,000 to more than $1 million.").len(),
        1
    );
    // After a determiner, "X to Y" is one range even after a change word.
    let fs = figs("Guidance is down from the $89 to $93 billion it had projected.");
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].unit.as_deref(), Some("dollar"));
    // "up to" is no change: "from up to 252 miles to 287 miles" is a range.
    assert_eq!(figs("A range from up to 252 miles to 287 miles.").len(), 1);
    let fs = figs("A surprise 5-4 decision.");
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].unit.as_deref(), Some("score"));
    // Two counts joined by "and" without "between" stay two figures.
    assert_eq!(figs("They had 10 cats and 15 dogs.").len(), 2);
}

#[test]
fn approximations() {
    for w in [
        "about",
        "nearly",
        "more than",
        "at least",
        "some",
        "up to",
        "roughly",
        "around",
        "almost",
    ] {
        let text = format!("The attack killed {w} 40 people.");
        let fs = figs(&text);
        assert!(fig(&fs, "40 people").approximate, "{w}");
    }
    assert!(!fig(&figs("The attack killed 40 people."), "40 people").approximate);
}

#[test]
fn ages_in_context() {
    let fs = figs("She retired when she turned 60 last spring.");
    assert_eq!(fig(&fs, "60").unit.as_deref(), Some("year of age"));
    let fs = figs("Life expectancy in the region is about 68 for women.");
    assert_eq!(fig(&fs, "68").unit.as_deref(), Some("year of age"));
    // Something counted comes first; other verbs say nothing of age.
    let fs = figs("The index turned 40 points lower.");
    assert_ne!(fs[0].unit.as_deref(), Some("year of age"), "{fs:?}");
    let fs = figs("She scored 60 in the final.");
    assert_eq!(fig(&fs, "60").unit, None);
}

#[test]
fn a_noun_or_two() {
    // The number after "a NOUN or" counts the noun, or is measured in it.
    let fs = figs("They hope to sign another striker or two in January.");
    assert_eq!(fig(&fs, "two").counts.as_deref(), Some("striker"));
    assert!(fig(&fs, "two").approximate);
    let fs = figs("The repair takes a week or three at most.");
    assert_eq!(fig(&fs, "three").unit.as_deref(), Some("week"));
    // A figure before "or" keeps its own: "one day or two" is no noun
    // after "a".
    let fs = figs("It lasts one day or two.");
    assert_eq!(fig(&fs, "two").counts, None);
}

// ---- not figures ----------------------------------------------------------

#[test]
fn dates_times_years_are_not_figures() {
    for text in [
        "Jul 10, 2024 10:59 am | News",
        "The probe reached Jupiter on July 4, 2016, at last.",
        "It happened on 8 July 2021 in Leeds.",
        "The vote is on March 29.",
        "The report dated Feb. 21 is out.",
        "In 2018 the firm grew.",
        "It was founded in 1985.",
        "He scored in the 96th minute.",
        "Music of the 1990s.",
        "Updated 2:55 p.m. PT: news.",
        "We met at 5am and at 10.45pm.",
        "The train left at 10.30 am and came at 4.45 pm.",
        "Dated 2024-07-10 and 10/7/2024.",
    ] {
        assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
    }
}

#[test]
fn furniture_phones_footnotes_lists_are_not_figures() {
    assert!(texts("Peace.\n\n1 Comment\n\n12 shares\n").is_empty());
    assert!(texts("Call 555-123-4567 or +44 20 7946 0958 today.").is_empty());
    assert!(texts("As reported.[3] Then more.").is_empty());
    assert!(texts("1. Norman Roth\n2) Jane Doe").is_empty());
    assert!(texts("It is at 575 Wilbraham Road.").is_empty());
    // ...but a comment count inside a sentence is a figure.
    assert_eq!(
        texts("She read 12 comments on the post."),
        vec!["12 comments"]
    );
}

#[test]
fn parts_of_names_are_not_figures() {
    for text in [
        "Biden boarded Air Force One.",
        "She watched Fox 5 news.",
        "The COVID-19 tests arrived.",
        "The G7 met.",
        "They play in the Big 12.",
        "Apple sold the iPhone 11 widely.",
        "A category 4 storm hit.",
        "The S&P 500 rose.",
        "Boeing grounded the 737 Max jets.",
        "It tied Game 7 at home.",
        "New 5G phones.",
    ] {
        assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
    }
    // A unit rescues a number after a name.
    assert_eq!(texts("Take Tylenol 500mg daily."), vec!["500mg"]);
}

#[test]
fn million_or_metre_and_other_suffixes() {
    let fs = figs("Some 1.5m people fled past a 2m wall.");
    assert!(close(fig(&fs, "1.5m people").value, 1.5e6));
    assert_eq!(
        fs.iter()
            .find(|f| f.text.starts_with("2m"))
            .and_then(|f| f.unit.as_deref()),
        Some("metre")
    );
    let fs = figs("It was 30C at noon.");
    assert_eq!(fig(&fs, "30C").unit.as_deref(), Some("celsius"));
    assert_eq!(
        fig(&figs("It is 10x faster."), "10x").unit.as_deref(),
        Some("count")
    );
    assert!(texts("They drove 4x4 trucks.")
        .iter()
        .all(|t| !t.starts_with('4')));
    let fs = figs("A $400-million-a-year business.");
    let f = fig(&fs, "$400-million-a-year business");
    assert!(close(f.value, 4e8));
    assert_eq!(f.unit.as_deref(), Some("dollar per year"));
    // A decimal before "k" is thousands; a small whole one a code.
    assert!(close(
        value_of("The race drew 1.5k runners.", "1.5k runners"),
        1500.0
    ));
    assert!(texts("It films in 4K now.").is_empty());
}

#[test]
fn counted_phrases_stop_at_verbs_and_restart_after_possessives() {
    let fs = figs("Less than a quarter of Hillary Clinton’s campaign donors gave.");
    assert_eq!(
        fig(&fs, "a quarter").counts.as_deref(),
        Some("campaign donors")
    );
    let fs = figs("Her 14-year-old daughter attends school.");
    assert_eq!(
        fig(&fs, "14-year-old daughter").counts.as_deref(),
        Some("daughter")
    );
    let fs = figs("It gives 25 million more people care.");
    assert_eq!(
        fig(&fs, "25 million more people").counts.as_deref(),
        Some("people")
    );
}

#[test]
fn more_exclusions() {
    assert!(texts("The survey ran September 16-19 online.").is_empty());
    assert!(texts("See timestamp=\"1474387200\" here.").is_empty());
    assert!(texts("Trump is 6'3\" tall.").is_empty());
    assert!(texts("We met at three o’clock.").is_empty());
    assert!(texts("They reached the last-32 stage.").is_empty());
    assert!(texts("The PS4 Pro plays games in native 4K.").is_empty());
    assert!(texts("They walked Ninety Mile Beach.").is_empty());
    assert!(texts("Gallery\n87\nMost powerful").is_empty());
    assert!(texts("The middle one shows marks.").is_empty());
    assert!(texts("Visit https://3pp.io:4439/a?id=5 or mail a5@x.com now.").is_empty());
    assert!(texts("Alerts,22 and pages.\n3. Storage model....7\n12.3. OAuth dialog").is_empty());
    // A counted noun never comes from the next line.
    assert_eq!(fig(&figs("We had 40\nHostages line"), "40").counts, None);
    assert!(texts("A downturn like 2008-9 or 2019-20.").is_empty());
    assert!(texts("The bill passed the Senate 68-32 on Wednesday.").is_empty());
    assert!(texts("The summit is on 14-15 November. Call 020 7946 0958.").is_empty());
    assert!(texts("Formula 1 returns to Silverstone.").is_empty());
    assert_eq!(texts("Roughly 300 people came."), vec!["300 people"]);
    assert_eq!(
        fig(
            &figs("Yields rose by half a percentage point."),
            "half a percentage point"
        )
        .unit
        .as_deref(),
        Some("percentage point")
    );
    // An age in apposition is a figure in years of age.
    assert_eq!(
        fig(&figs("Mr. King, 82, told me."), "82").unit.as_deref(),
        Some("year of age")
    );
}

// ---- relations ------------------------------------------------------------

#[test]
fn exchange() {
    let fs = figs("Hamas would free 40 hostages in exchange for 400 prisoners.");
    assert!(related(
        &fs,
        "40 hostages",
        "400 prisoners",
        RelationKind::Exchange
    ));
    let fs = figs("They swapped 5 tanks for 20 jets.");
    assert!(related(&fs, "5 tanks", "20 jets", RelationKind::Exchange));
    // "for" a time is no exchange.
    let fs = figs("They held 40 hostages for 6 weeks.");
    assert!(fs.iter().all(|f| f.relations.is_empty()), "{fs:#?}");
}

#[test]
fn change() {
    // The ends of a change share a unit written once, past an
    // approximation before the first.
    let fs = figs("Exports fell from about 12 tonnes to 9 in a year.");
    assert!(
        related(&fs, "12 tonnes", "9", RelationKind::Change),
        "{fs:#?}"
    );
    assert_eq!(fig(&fs, "9").unit.as_deref(), Some("tonne"));
    let fs = figs("Revenue rose from $6.8 billion to $7.4 billion.");
    assert!(related(
        &fs,
        "$6.8 billion",
        "$7.4 billion",
        RelationKind::Change
    ));
    let fs = figs("Blackmores was up 9.4 per cent to $84.");
    assert!(related(&fs, "9.4 per cent", "$84", RelationKind::Change));
    let fs = figs("The median price was $3.1 million, down 9.2% on the year.");
    assert!(related(&fs, "$3.1 million", "9.2%", RelationKind::Change));
    let fs = figs("Shares closed at $10, up from $8 a year ago.");
    assert!(related(&fs, "$10", "$8", RelationKind::Change));
    let fs = figs("Revenue rose to $7.36 billion from $6.78 billion.");
    assert!(related(
        &fs,
        "$7.36 billion",
        "$6.78 billion",
        RelationKind::Change
    ));
    // The unit written once serves both ends.
    let fs = figs("Growth will slow from 4.8 to 4.7 percent.");
    assert_eq!(fig(&fs, "4.8").unit.as_deref(), Some("percentage"));
}

#[test]
fn ratio_and_comparison() {
    // A proportion is one fraction of what the whole counts; a rate per a
    // round number one figure whose unit is the rate.
    let fs = figs("One in five Americans agree.");
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fig(&fs, "One in five Americans").value, Some(0.2));
    assert_eq!(fs[0].counts.as_deref(), Some("Americans"));
    let fs = figs("There were 3 deaths per 1,000 people.");
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(
        fig(&fs, "3 deaths per 1,000 people").unit.as_deref(),
        Some("death per 1,000 people")
    );
    // A multiplier word compares and claims no amount; a written factor
    // is a figure.
    let t = texts("The siren is more than twice the 90 decibels of a busy street.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].starts_with("90 decibels"), "{t:?}");
    assert!(texts("The new engine is triple the size of the old one.").is_empty());
    let fs = figs("The hall is 3.5 times as loud as a street.");
    assert_eq!(fig(&fs, "3.5 times").value, Some(3.5));
    let fs = figs("This year it is $33790 versus $32280 last year.");
    assert!(related(&fs, "$33790", "$32280", RelationKind::Comparison));
    let fs = figs("Eight of 10 avocados come from Mexico.");
    assert!(related(&fs, "Eight", "10 avocados", RelationKind::Ratio));
    let fs = figs("Bitcoin rose as much as 8% to $9,400 on Friday.");
    assert!(related(&fs, "8%", "$9,400", RelationKind::Change));
    // "12 goals in 20 games" is no ratio.
    assert!(figs("He scored 12 goals in 20 games.")
        .iter()
        .all(|f| f.relations.is_empty()));
    // Unrelated neighbours stay unrelated.
    let fs = figs("They had 10 cats and 15 dogs.");
    assert!(fs.iter().all(|f| f.relations.is_empty()));
    // "twice" without a comparison is no figure either.
    assert!(texts("He scored twice as United won.").is_empty());
}

// ---- seed article -------------------------------------------------------------

#[test]
fn seed_article() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/article.txt"
    ));
    let fs = figs(text);
    let h = fig(&fs, "40 hostages");
    assert!(close(h.value, 40.0));
    assert_eq!(h.counts.as_deref(), Some("hostages"));
    let p = fig(&fs, "400 security prisoners");
    assert!(close(p.value, 400.0));
    assert_eq!(p.counts.as_deref(), Some("security prisoners"));
    assert!(related(
        &fs,
        "40 hostages",
        "400 security prisoners",
        RelationKind::Exchange
    ));
    let w = fig(&fs, "six-week pause");
    assert!(close(w.value, 6.0));
    assert_eq!(w.unit.as_deref(), Some("week"));
    assert_eq!(w.counts.as_deref(), Some("pause"));
    // Not figures: page furniture, the dateline, Air Force One, list numbers.
    let comment = text.find("1 Comment").unwrap();
    for f in &fs {
        assert!(!(f.start <= comment && comment < f.end), "furniture {f:?}");
        assert!(
            !f.text.contains("One") && !f.text.contains("2024") && !f.text.contains("10:59"),
            "{f:?}"
        );
        assert!(
            f.start < comment,
            "nothing after the article is a figure: {f:?}"
        );
    }
}

// ---- property test ------------------------------------------------------------

use common::Rng;

const PIECES: &[&str] = &[
    "1",
    "40",
    "400",
    "2.5",
    "1,000",
    ",",
    ".",
    "-",
    "–",
    "−",
    "/",
    "⁄",
    ":",
    "$",
    "US",
    "€",
    "£",
    "₪",
    "NIS",
    "PS",
    "Y=",
    "%",
    "per",
    "cent",
    "percent",
    "million",
    "bn",
    "m",
    "k",
    "to",
    "from",
    "between",
    "and",
    "or",
    "for",
    "in",
    "exchange",
    "rose",
    "up",
    "down",
    "one",
    "One",
    "two",
    "forty",
    "hundred",
    "a",
    "dozen",
    "dozens",
    "of",
    "the",
    "half",
    "thirds",
    "twice",
    "times",
    "hostages",
    "miles",
    "mph",
    "km",
    "h",
    "year",
    "old",
    "July",
    "May",
    "2024",
    "am",
    "pm",
    "Comment",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    "“",
    "”",
    "’",
    "s",
    "th",
    "(",
    ")",
    "[",
    "]",
    "×",
    "10",
    "^",
    "é",
    "😀",
    "\u{202f}",
    "\u{a0}",
    "\u{200b}",
    "—",
    "#",
    "No",
    "+",
    "minus",
    "about",
    "some",
    "Air",
    "Force",
    "Model",
    "3s",
    "5G",
    "°",
    "C",
    "x",
    "sq",
    "ft",
    "”",
    "...",
    "?",
    "!",
    // The rules of the second figures round: folds, earlier units, ages,
    // fractions, scales read from the unit file, dotted hours.
    "½",
    "¾",
    "out",
    "every",
    "100,000",
    "most",
    "another",
    "turned",
    "life",
    "expectancy",
    "last",
    "by",
    "at",
    "while",
    "quarter",
    "10.30",
    "t",
    "g",
    "0",
];

#[test]
fn no_input_panics_or_yields_bad_spans() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let n = 1 + rng.below(40);
        let mut text = String::new();
        for _ in 0..n {
            if rng.below(6) == 0 {
                // A random character now and then, of any width.
                let c = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
                text.push(c);
            } else {
                text.push_str(PIECES[rng.below(PIECES.len())]);
                if rng.below(3) == 0 {
                    text.push(' ');
                }
            }
        }
        let r = annotate(&text);
        r.check(text.len())
            .unwrap_or_else(|e| panic!("round {round}: {e} in {text:?}"));
        for (i, f) in r.figures.iter().enumerate() {
            assert!(f.start <= f.end && f.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{text:?}"
            );
            assert_eq!(&text[f.start..f.end], f.text, "{text:?}");
            assert!(
                !f.text.contains('\n'),
                "figure across lines in {text:?}: {f:?}"
            );
            assert!(f.value.is_none_or(|v| v.is_finite()), "{text:?}: {f:?}");
            for rel in &f.relations {
                let other = &r.figures[rel.figure];
                assert!(
                    other
                        .relations
                        .iter()
                        .any(|b| b.figure == i && b.kind == rel.kind),
                    "one-way relation in {text:?}"
                );
            }
            if i > 0 {
                assert!(
                    r.figures[i - 1].end <= f.start,
                    "overlapping figures in {text:?}"
                );
            }
        }
    }
}

#[test]
fn numbers_that_are_no_figures_name_their_rule() {
    let text = "At 10:59 on July 4, 2016, 40 hostages were freed at 575 Wilbraham Road \
                by a G7 team from Route 66 at 9 o'clock.";
    let doc = presslens::text::Doc::new(text);
    let found: Vec<(&str, &str)> = presslens::figures::not_figures(&doc)
        .into_iter()
        .map(|(s, e, rule)| (&text[s..e], rule))
        .collect();
    assert!(found.contains(&("10", "clock time")), "{found:?}");
    assert!(found.contains(&("2016", "date after a month")), "{found:?}");
    assert!(found.contains(&("575", "street address")), "{found:?}");
    // Candidate rules name themselves too.
    assert!(found.contains(&("7", "stuck to a name")), "{found:?}");
    assert!(found.contains(&("66", "part of a name")), "{found:?}");
    assert!(found.iter().any(|(t, _)| *t == "9"), "{found:?}");
    assert!(!found.iter().any(|(t, _)| *t == "40"), "{found:?}");
    // A number folded into the figure before it names the fold.
    let text = "One in five adults smokes.";
    let doc = presslens::text::Doc::new(text);
    let found: Vec<(&str, &str)> = presslens::figures::not_figures(&doc)
        .into_iter()
        .map(|(s, e, rule)| (&text[s..e], rule))
        .collect();
    assert_eq!(found, [("five adults", "proportion")]);
}
