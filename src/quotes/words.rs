//! The word classes the quotes layer reads (sections of the one lexicon,
//! `data/lexicon.txt`), and small predicates over them.

use std::sync::OnceLock;

use crate::lexicon::{entries, Class, FastMap, WordSet};

/// Reporting verbs in all their forms: said, told, wrote, tweeted, insisted…
pub static REPORTING_VERBS: WordSet = WordSet::of(Class::ReportingVerb);
/// Title words before a name: President, Sen., Secretary, Mr.…
pub static TITLES: WordSet = WordSet::any(&[Class::Title, Class::SpeakerTitle]);
/// Nouns that may head a speaker description: people (official,
/// spokesperson, sources…), organisations and groups (campaign, ministry…)
/// and documents (statement, report…).
pub static PERSON_NOUNS: WordSet =
    WordSet::any(&[Class::SpeakerNoun, Class::GroupNoun, Class::DocumentNoun]);
/// Heads of descriptions of organisations and groups speaking as one.
pub static GROUP_NOUNS: WordSet = WordSet::of(Class::GroupNoun);
/// Heads of descriptions of documents quoted as sources.
pub static DOCUMENT_NOUNS: WordSet = WordSet::of(Class::DocumentNoun);
/// Last words of event names, which never speak.
static EVENT_WORDS: WordSet = WordSet::any(&[Class::EventSuffix, Class::EventWord]);

/// Whether a name (as written) names an event: "the Fox Business Debate".
pub fn is_event_name(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| EVENT_WORDS.contains(w))
}
/// Determiners, quantifiers and possessives that open a description.
pub static FUNCTION_WORDS: WordSet = WordSet::of(Class::FunctionWord);
/// Adverbs and auxiliaries between a speaker and its verb.
pub static ADVERBS: WordSet = WordSet::of(Class::Adverb);
/// Prepositions before a noun phrase.
pub static PREPOSITIONS: WordSet = WordSet::of(Class::Preposition);

/// Capitalised sentence openers that are not names, besides function words.
pub static OPENERS: WordSet = WordSet::of(Class::Opener);
/// Abbreviations whose period is a token of its own: Mr, Sen, Calif…
pub static ABBREVS: WordSet = WordSet::of(Class::Abbrev);
/// Words that end a description going forward: who, which, said…
pub static CLAUSE_WORDS: WordSet = WordSet::of(Class::ClauseWord);
static PARTICLES: WordSet = WordSet::of(Class::NameParticle);
static ORG_WORDS: WordSet = WordSet::any(&[Class::OrgSuffix, Class::OrgWord]);
static CALENDAR: WordSet = WordSet::any(&[Class::Month, Class::Weekday]);

/// Common first names by gender, for pronoun agreement.
pub static MALE_NAMES: WordSet = WordSet::of(Class::MaleName);
pub static FEMALE_NAMES: WordSet = WordSet::of(Class::FemaleName);

static ACRONYMS_SRC: &str = include_str!("../../data/quotes_acronyms.txt");
static ACRONYMS: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();

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

/// A word in lower case, as `str::to_lowercase` gives it, without allocating
/// for ASCII words (nearly all words of an English article).
pub enum Lower<'a> {
    /// The word itself: ASCII with no upper-case letter.
    Same(&'a str),
    /// An ASCII word lowered into a buffer.
    Buf([u8; 32], u8),
    /// Anything else, lowered by `to_lowercase`.
    Heap(String),
}

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(w) => w,
            Lower::Buf(b, n) => std::str::from_utf8(&b[..*n as usize]).unwrap_or(""),
            Lower::Heap(s) => s,
        }
    }
}

/// `w` in lower case (see [`Lower`]).
pub fn lower(w: &str) -> Lower<'_> {
    let b = w.as_bytes();
    if !b.is_ascii() || b.len() > 32 {
        return Lower::Heap(w.to_lowercase());
    }
    if !b.iter().any(u8::is_ascii_uppercase) {
        return Lower::Same(w);
    }
    let mut buf = [0u8; 32];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Lower::Buf(buf, b.len() as u8)
}

/// Whether the lower-case form of `w` is in `set`.
pub fn contains_lower(set: &WordSet, w: &str) -> bool {
    set.contains(lower(w).as_str())
}

/// Whether `w` is a reporting verb form (case-insensitive on the first letter).
///
/// The list is all lower case, so a capitalised word is only looked up lowered.
pub fn is_reporting_verb(w: &str) -> bool {
    if w.chars().next().is_some_and(char::is_uppercase) {
        contains_lower(&REPORTING_VERBS, w)
    } else {
        REPORTING_VERBS.contains(w)
    }
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
    PARTICLES.contains(w)
}

/// Last words of organisation names, which are never stripped as titles:
/// "State Department", "Defense Ministry".
pub fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains(w)
}

/// Months and weekdays: capitalised but never names.
pub fn is_calendar_word(w: &str) -> bool {
    CALENDAR.contains(w)
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
        assert!(PERSON_NOUNS.contains("statement") && DOCUMENT_NOUNS.contains("statement"));
        assert!(PERSON_NOUNS.contains("ministry") && GROUP_NOUNS.contains("ministry"));
        assert!(!DOCUMENT_NOUNS.contains("official"));
        assert!(is_event_name("the Republican National Convention"));
        assert!(!is_event_name("Jane Doe"));
        assert_eq!(acronym("IDF"), Some("Israel Defense Forces"));
        assert_eq!(acronym("XYZ"), None);
    }

    #[test]
    fn reporting_verbs_are_lower_case() {
        // is_reporting_verb looks a capitalised word up lowered only.
        assert!(crate::lexicon::entries_in(Class::ReportingVerb)
            .all(|e| !e.chars().any(char::is_uppercase)));
    }
}
