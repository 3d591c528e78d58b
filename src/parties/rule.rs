//! The parties layer's named rules, one table: each rule that takes, drops,
//! joins or types a span says so when explaining ([`super::explain`],
//! `presslens eval --explain`), and every rule has an example below that
//! shows it firing.

/// A rule of the parties layer, in the order a name meets them: the
/// candidates' rules (`detect`), then the merge's (`merge`), then the kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// "NEW YORK (Reuters) -": capitals opening a line before an agency, a
    /// comma or a dash name a place.
    Dateline,
    /// "Moreover", "The": a sentence-initial common word or an article is
    /// no part of a name.
    SentenceInitial,
    /// "Air Force One", "Clean Air Act": vehicles, laws and versioned
    /// products are no parties.
    ProductOrLaw,
    /// "the Google Science Fair": an event is no party; the names inside
    /// it are.
    EventName,
    /// "in English": a language is no party.
    Language,
    /// "Refugee Council Enver Solomon": a cue name, then a person's.
    PersonAfterCue,
    /// "Likud Party", "Gaza City": a cue word gives the name its kind.
    CueName,
    /// "More" of "Read More": a one-word name that is a common word.
    CommonWord,
    /// A headline's name the article's body never uses.
    UnknownHeadlineName,
    /// "Jordan" after "Michael Jordan" (not after "in"): a lexicon place
    /// spelled like a person's surname is that person.
    PlaceLikeSurname,
    /// "IDF" after "Israel Defense Forces (IDF)".
    Acronym,
    /// "the Strip" after "Gaza Strip": the latest party with the cue word.
    TheCueWord,
    /// "the Strip" with no party before it that has the word.
    TheCueWordAlone,
    /// "Netanyahu" after "Benjamin Netanyahu".
    Surname,
    /// "Benjamin" after "Benjamin Netanyahu".
    FirstName,
    /// "WHO" after "World Health Organization".
    Initials,
    /// A one-word name that joins none: a party of its own.
    OwnParty,
    /// A lexicon entry or a cue word fixes the party's kind.
    KindFixed,
    /// "Shejaiya, a neighborhood in Gaza": an apposition says what it is.
    KindApposition,
    /// The kind most of the party's tagged mentions have.
    KindTagged,
    /// The votes of the party's contexts ("said", "in", "the … of").
    KindVotes,
    /// No evidence: a multi-word name is a person, a plural one a group,
    /// any other an organisation.
    KindDefault,
}

impl Rule {
    /// Every rule, in the order a name meets them.
    pub const ALL: [Rule; 22] = [
        Rule::Dateline,
        Rule::SentenceInitial,
        Rule::ProductOrLaw,
        Rule::EventName,
        Rule::Language,
        Rule::PersonAfterCue,
        Rule::CueName,
        Rule::CommonWord,
        Rule::UnknownHeadlineName,
        Rule::PlaceLikeSurname,
        Rule::Acronym,
        Rule::TheCueWord,
        Rule::TheCueWordAlone,
        Rule::Surname,
        Rule::FirstName,
        Rule::Initials,
        Rule::OwnParty,
        Rule::KindFixed,
        Rule::KindApposition,
        Rule::KindTagged,
        Rule::KindVotes,
        Rule::KindDefault,
    ];

    /// What `presslens eval --explain` prints for the rule.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Dateline => "dateline",
            Rule::SentenceInitial => "dropped: sentence-initial word or article",
            Rule::ProductOrLaw => "dropped: product or law",
            Rule::EventName => "dropped: event name (the names inside kept)",
            Rule::Language => "dropped: language",
            Rule::PersonAfterCue => "person after a cue name",
            Rule::CueName => "cue name",
            Rule::CommonWord => "dropped: common word",
            Rule::UnknownHeadlineName => "dropped: headline name the body does not know",
            Rule::PlaceLikeSurname => "joined: a place spelled like a surname",
            Rule::Acronym => "joined: acronym of a name",
            Rule::TheCueWord => "joined: \"the\" + cue word",
            Rule::TheCueWordAlone => "dropped: \"the\" + cue word with no party before",
            Rule::Surname => "joined: surname",
            Rule::FirstName => "joined: first name",
            Rule::Initials => "joined: initials",
            Rule::OwnParty => "one word, a party of its own",
            Rule::KindFixed => "kind: fixed by a lexicon or cue word",
            Rule::KindApposition => "kind: an apposition says what it is",
            Rule::KindTagged => "kind: most of its tagged mentions",
            Rule::KindVotes => "kind: the votes of its contexts",
            Rule::KindDefault => "kind: the default for its shape",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;
    use crate::text::Doc;

    /// For each rule: a text, the words it fires on, and whether the
    /// example needs the tagger (the rules alone otherwise).
    const EXAMPLES: &[(Rule, &str, &str, bool)] = &[
        (
            Rule::Dateline,
            "NEW YORK (Reuters) - Stocks fell.",
            "NEW YORK",
            false,
        ),
        (
            Rule::SentenceInitial,
            "Moreover Hamas agreed.",
            "Moreover",
            false,
        ),
        (
            Rule::ProductOrLaw,
            "They flew on Air Force One.",
            "Air Force One",
            false,
        ),
        (
            Rule::EventName,
            "She won the Google Science Fair in May.",
            "Google Science Fair",
            false,
        ),
        (
            Rule::Language,
            "The talks were held in English.",
            "English",
            false,
        ),
        (
            Rule::PersonAfterCue,
            "said Refugee Council Enver Solomon on Monday.",
            "Refugee Council Enver Solomon",
            false,
        ),
        (
            Rule::CueName,
            "Voters backed the Likud Party again.",
            "Likud Party",
            false,
        ),
        (
            Rule::CommonWord,
            "The story ends here. Read More",
            "More",
            false,
        ),
        (
            Rule::UnknownHeadlineName,
            "Storm Hits Coast\nRain fell all day on the town.",
            "Storm Hits Coast",
            false,
        ),
        (
            Rule::PlaceLikeSurname,
            "Michael Jordan scored. The coach said Jordan was tired.",
            "Jordan",
            false,
        ),
        (
            Rule::Acronym,
            "The Wexley Harbour Trust (WHT) met. Later the WHT agreed.",
            "WHT",
            false,
        ),
        (
            Rule::TheCueWord,
            "Aid reached the Gaza Strip. Fighting in the Strip went on.",
            "Strip",
            false,
        ),
        (
            Rule::TheCueWordAlone,
            "Fighting in the Strip went on.",
            "Strip",
            false,
        ),
        (
            Rule::Surname,
            "Benjamin Netanyahu spoke. Netanyahu said it would end.",
            "Netanyahu",
            false,
        ),
        (
            Rule::FirstName,
            "Benjamin Netanyahu spoke. Later, Benjamin said it would end.",
            "Benjamin",
            false,
        ),
        (
            Rule::Initials,
            "The Zorblat Kinetic Union met. The ZKU agreed.",
            "ZKU",
            false,
        ),
        (Rule::OwnParty, "He met Smith on Monday.", "Smith", false),
        (
            Rule::KindFixed,
            "Hamas said the talks failed.",
            "Hamas",
            false,
        ),
        (
            Rule::KindApposition,
            "They fled Shejaiya, a neighborhood in Gaza City.",
            "Shejaiya",
            true,
        ),
        (
            Rule::KindTagged,
            "Officials said Joe Biden spoke in Paris on Monday.",
            "Joe Biden",
            true,
        ),
        (
            Rule::KindVotes,
            "They drove to the market in Zorblat Wexley.",
            "Zorblat Wexley",
            false,
        ),
        (
            Rule::KindDefault,
            "We saw that Zorblat Wexley was right.",
            "Zorblat Wexley",
            false,
        ),
    ];

    fn fired(text: &str, words: &str, tagger: bool) -> Vec<Rule> {
        let doc = Doc::new(text);
        let model = if tagger {
            super::super::tagger::shipped()
        } else {
            None
        };
        // The last occurrence: the one a joining rule joins.
        let at = text.rfind(words).expect("example words in their text");
        let span = (at, at + words.len());
        super::super::explain_with(&doc, model)
            .into_iter()
            .filter(|&(s, e, _)| (s, e) == span)
            .map(|x| x.2)
            .collect()
    }

    #[test]
    fn each_rule_fires_on_its_example() {
        let failed: Vec<String> = EXAMPLES
            .iter()
            .filter_map(|&(rule, text, words, tagger)| {
                let got = fired(text, words, tagger);
                (!got.contains(&rule))
                    .then(|| format!("{rule:?} on {words:?} in {text:?}: {got:?}"))
            })
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn every_rule_has_an_example_and_one_description() {
        for rule in Rule::ALL {
            assert!(
                EXAMPLES.iter().any(|e| e.0 == rule),
                "no example for {rule:?}"
            );
        }
        let mut d: Vec<&str> = Rule::ALL.iter().map(|r| r.describe()).collect();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), Rule::ALL.len());
    }
}
