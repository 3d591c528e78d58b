//! The word lists the quotes layer reads, compiled in from `data/quotes_*.txt`,
//! and small predicates over them.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{entries, WordSet};

/// Reporting verbs in all their forms: said, told, wrote, tweeted, insisted…
pub static REPORTING_VERBS: WordSet =
    WordSet::new(include_str!("../../data/quotes_reporting_verbs.txt"));
/// Title words before a name: President, Sen., Secretary, Mr.…
pub static TITLES: WordSet = WordSet::new(include_str!("../../data/quotes_titles.txt"));
/// Nouns heading an anonymous source: official, spokesperson, sources…
pub static PERSON_NOUNS: WordSet = WordSet::new(include_str!("../../data/quotes_person_nouns.txt"));
/// Determiners, quantifiers and possessives that open a description.
pub static FUNCTION_WORDS: WordSet =
    WordSet::new(include_str!("../../data/quotes_function_words.txt"));
/// Adverbs and auxiliaries between a speaker and its verb.
pub static ADVERBS: WordSet = WordSet::new(include_str!("../../data/quotes_adverbs.txt"));

/// Common first names by gender, for pronoun agreement.
pub static MALE_NAMES: WordSet = WordSet::new(include_str!("../../data/quotes_names_male.txt"));
pub static FEMALE_NAMES: WordSet = WordSet::new(include_str!("../../data/quotes_names_female.txt"));

static ACRONYMS_SRC: &str = include_str!("../../data/quotes_acronyms.txt");
static ACRONYMS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();

/// The full name of a well-known organisation acronym ("IDF").
pub fn acronym(a: &str) -> Option<&'static str> {
    ACRONYMS
        .get_or_init(|| {
            entries(ACRONYMS_SRC)
                .filter_map(|l| {
                    let (k, v) = l.split_once('=')?;
                    Some((k.trim(), v.trim()))
                })
                .collect()
        })
        .get(a)
        .copied()
}

/// Whether `w` is a reporting verb form (case-insensitive on the first letter).
pub fn is_reporting_verb(w: &str) -> bool {
    REPORTING_VERBS.contains(w)
        || w.chars().next().is_some_and(char::is_uppercase)
            && REPORTING_VERBS.contains(&w.to_lowercase())
}

/// Participles that attach a quote to the subject of their clause:
/// "X stressed …, saying, “…”".
pub fn is_participle(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing") && is_reporting_verb(w)
}

/// Personal pronouns that can be speakers.
pub fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match w {
        "he" | "He" => Pronoun::He,
        "she" | "She" => Pronoun::She,
        "they" | "They" => Pronoun::They,
        "it" | "It" => Pronoun::It,
        "I" | "we" | "We" => Pronoun::First,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    First,
}

/// Lower-case particles inside names: Charles de Gaulle, bin Salman.
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
            | "y"
            | "ben"
            | "abu"
    )
}

/// Last words of organisation names, which are never stripped as titles:
/// "State Department", "Defense Ministry".
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "Department"
            | "Ministry"
            | "Office"
            | "Party"
            | "Committee"
            | "Council"
            | "Agency"
            | "Forces"
            | "Force"
            | "House"
            | "University"
            | "Times"
            | "News"
            | "Post"
            | "Journal"
            | "Institute"
            | "Foundation"
            | "Association"
            | "Union"
            | "Commission"
            | "Service"
            | "Bureau"
            | "Administration"
            | "Court"
            | "Army"
            | "Navy"
            | "Police"
            | "Senate"
            | "Congress"
            | "Campaign"
            | "Center"
            | "Centre"
            | "Group"
            | "Company"
            | "Corporation"
            | "Bank"
            | "Fund"
            | "Network"
            | "Magazine"
            | "Press"
            | "Reuters"
            | "Organization"
            | "Organisation"
            | "Caucus"
            | "Project"
    )
}

/// Months and weekdays: capitalised but never names.
pub fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(is_reporting_verb("said"));
        assert!(is_reporting_verb("Said"));
        assert!(is_reporting_verb("tweeted"));
        assert!(!is_reporting_verb("table"));
        assert!(is_participle("saying"));
        assert!(!is_participle("said"));
        assert!(TITLES.contains("Sen."));
        assert!(PERSON_NOUNS.contains("official"));
        assert_eq!(acronym("IDF"), Some("Israel Defense Forces"));
        assert_eq!(acronym("XYZ"), None);
    }
}
