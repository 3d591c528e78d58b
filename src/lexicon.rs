//! The engine's one lexicon: word -> class bits, from `data/lexicon.txt`.
//!
//! Every word class any layer reads (reporting verbs, titles, given names,
//! calendar words, particles, organisation cues, …) is a `[section]` of one
//! plain-text file, so that linguists can edit them without touching code,
//! so that their bytes show up plainly in the size budget, and so that a
//! word is looked up once for every layer. Built once, on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast, non-cryptographic hasher (the FxHash function used inside
/// rustc) for the engine's word tables. The keys are our own lexicon entries
/// and words of the text, looked up millions of times per megabyte; SipHash's
/// protection against hash flooding buys nothing here and costs several
/// times the time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Hash builder for [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashSet` with [`FxHasher`].
pub type FastSet<T> = HashSet<T, FxBuild>;
/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, FxBuild>;

/// Declares [`Class`] and its section names in one place.
macro_rules! classes {
    ($($(#[$doc:meta])* $v:ident = $name:literal,)*) => {
        /// A word class: a `[section]` of `data/lexicon.txt` (or one derived
        /// from the dictionaries), and one bit of [`Classes`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Class {
            $($(#[$doc])* $v,)*
        }

        impl Class {
            /// Every class, in bit order.
            pub const ALL: &'static [Class] = &[$(Class::$v,)*];

            /// The section name in `data/lexicon.txt`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Class::$v => $name,)*
                }
            }
        }
    };
}

classes! {
    /// A name ending in one names an organisation: "Likud Party".
    OrgSuffix = "org_suffix",
    /// "University of …": the whole name is an organisation.
    OrgPrefix = "org_prefix",
    /// A name ending in one names a place: "Gaza City".
    PlaceSuffix = "place_suffix",
    /// A name starting with one names a place: "Mount …".
    PlacePrefix = "place_prefix",
    /// Compass words: "North", "Western".
    Compass = "compass",
    /// Titles and honorifics before a person's name (the parties layer).
    Title = "title",
    /// Rank words that are also surnames.
    RankSurname = "rank_surname",
    /// Heads of role phrases: "minister", "spokesman".
    RoleHead = "role_head",
    /// Modifiers inside role phrases: "senior", "former".
    RoleMod = "role_mod",
    /// Sports words around a name ("defeated", "against"): a tagger feature.
    Sport = "sport",
    /// Common nouns of places.
    PlaceNoun = "place_noun",
    /// Common nouns of organisations.
    OrgNoun = "org_noun",
    /// Common nouns of people.
    PersonNoun = "person_noun",
    /// Function words that are never names.
    Stop = "stop",
    /// Capitalised sentence starters that are not names.
    Starter = "starter",
    /// Words that are names only with support ("May").
    Weak = "weak",
    /// Capitalised abbreviations that are no organisation.
    AcroStop = "acro_stop",
    /// Last words of event names.
    EventSuffix = "event_suffix",
    /// Number words that end versioned names.
    Number = "number",
    /// Given names (case-sensitive).
    Given = "given",
    /// Derived: every place a demonym of `parties_demonyms.txt` points to.
    Country = "country",
    /// Derived: every [`Class::Title`] entry, lowercased.
    TitleLower = "title_lower",
    /// Verbs that introduce reported speech, in all their forms.
    ReportingVerb = "reporting_verb",
    /// Words before a speaker's name besides titles ("Former", "Deputy").
    SpeakerTitle = "speaker_title",
    /// Nouns of people that may head a speaker description.
    SpeakerNoun = "speaker_noun",
    /// Heads of descriptions of groups speaking as one.
    GroupNoun = "group_noun",
    /// Heads of descriptions of documents quoted as sources.
    DocumentNoun = "document_noun",
    /// Last words of event names, which never speak.
    EventWord = "event_word",
    /// Determiners, quantifiers and possessives opening a description.
    FunctionWord = "function_word",
    /// Adverbs and auxiliaries between a speaker and its verb.
    Adverb = "adverb",
    /// Capitalised sentence openers that are not names.
    Opener = "opener",
    /// Abbreviations: a period after one is its own token and ends no sentence.
    Abbrev = "abbrev",
    /// Words that end a description going forward.
    ClauseWord = "clause_word",
    /// Last words of organisation names, never stripped as titles.
    OrgWord = "org_word",
    /// Common male given names (pronoun agreement).
    MaleName = "male_name",
    /// Common female given names (pronoun agreement).
    FemaleName = "female_name",
    /// Labels before a number that is no figure ("phase 2").
    FigureLabel = "figure_label",
    /// Street words after a house number.
    Street = "street",
    /// Page furniture counted by numbers ("3 comments").
    Furniture = "furniture",
    /// am/pm after an hour.
    Meridiem = "meridiem",
    /// Other words after an hour that make it a time.
    TimeWord = "time_word",
    /// Words that make a number a rank.
    RankWord = "rank_word",
    /// Words that can start a number expression.
    NumberStart = "number_start",
    /// Words that make "X to Y" a change rather than a range.
    ChangeWord = "change_word",
    /// Words that never belong to a counted noun phrase.
    FigureStop = "figure_stop",
    /// Minor words that do not occur inside names.
    SpanMinor = "span_minor",
    /// Function words a title-case headline leaves in lower case.
    HeadlineMinor = "headline_minor",
    /// Particles that may stand lower-case inside a personal name.
    NameParticle = "name_particle",
    /// Prepositions before a place.
    PlacePrep = "place_prep",
    /// Prepositions before a noun phrase: a pronoun after one is no
    /// subject, nor is a name a speaker's.
    Preposition = "preposition",
    /// Collective nouns after "Western", "Arab".
    Collective = "collective",
    /// Honorifics alone, which are not roles.
    Honorific = "honorific",
    /// Definite determiners and possessives opening a noun phrase after "of".
    Determiner = "determiner",
    /// Irregular plurals and collectives that head a counted phrase.
    PluralHead = "plural_head",
    /// Words before a number that make it approximate.
    Approx = "approx",
    /// Words between a number and its unit that leave the unit the
    /// number's: "12 more miles", "40 straight days".
    UnitModifier = "unit_modifier",
    /// Month names and abbreviations, as written.
    Month = "month",
    /// Weekdays, as written.
    Weekday = "weekday",
}

const _: () = assert!(Class::ALL.len() <= 64, "Classes is a u64");

impl Class {
    /// The class's bit in [`Classes`].
    pub const fn bit(self) -> u64 {
        1 << self as u8
    }

    /// The class named `name` (a section header).
    pub fn named(name: &str) -> Option<Class> {
        Class::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// Whether the lexicon lists `w` in this class, exactly as written.
    pub fn contains(self, w: &str) -> bool {
        classes(w).has(self)
    }
}

/// The classes of a word, as bits ([`Class::bit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Classes(pub u64);

impl Classes {
    pub const fn has(self, c: Class) -> bool {
        self.0 & c.bit() != 0
    }

    /// Whether any of the classes in `mask` (an OR of [`Class::bit`]s) holds.
    pub const fn any(self, mask: u64) -> bool {
        self.0 & mask != 0
    }
}

/// The lexicon's source: one file, every class (see its header for the format).
pub const SOURCE: &str = include_str!("../data/lexicon.txt");
/// Demonyms and the places they point to (`Demonym=Place`): the source of
/// [`Class::Country`].
const DEMONYMS: &str = include_str!("../data/parties_demonyms.txt");

/// Word → class bits, built once from [`SOURCE`].
struct Lexicon {
    words: FastMap<&'static str, u64>,
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::build)
}

/// `w` with `_` for spaces, as a static string.
fn unscore(w: &'static str) -> &'static str {
    if w.contains('_') {
        w.replace('_', " ").leak()
    } else {
        w
    }
}

/// The entries of every section of `src`, with their class (`None` under an
/// unknown header, which a test rules out).
fn sections(src: &'static str) -> impl Iterator<Item = (Option<Class>, &'static str)> {
    let mut class = None;
    entries(src).flat_map(move |line| {
        let header = line.starts_with('[') && line.ends_with(']');
        if header {
            class = Class::named(&line[1..line.len() - 1]);
        }
        let c = class;
        line.split_whitespace()
            .filter(move |_| !header)
            .map(move |w| (c, unscore(w)))
    })
}

/// The entries listed under `class`, in file order (for the layers that
/// need the list itself: multi-word look-ups, name tables, masks).
pub fn entries_in(class: Class) -> impl Iterator<Item = &'static str> {
    sections(SOURCE).filter_map(move |(c, w)| (c == Some(class)).then_some(w))
}

/// The bytes of section `name` of `src` (after its `[name]` line, up to the
/// next header), for tables built at compile time; empty if there is none.
pub const fn section_bytes<'a>(src: &'a [u8], name: &[u8]) -> &'a [u8] {
    let mut i = 0;
    let mut start = usize::MAX;
    while i < src.len() {
        // At the start of a line.
        if src[i] == b'[' {
            if start != usize::MAX {
                return src.split_at(i).0.split_at(start).1;
            }
            let mut k = 0;
            while k < name.len() && i + 1 + k < src.len() && src[i + 1 + k] == name[k] {
                k += 1;
            }
            if k == name.len() && i + 1 + k < src.len() && src[i + 1 + k] == b']' {
                start = i + k + 2;
            }
        }
        while i < src.len() && src[i] != b'\n' {
            i += 1;
        }
        i += 1;
    }
    if start == usize::MAX {
        &[]
    } else {
        src.split_at(start).1
    }
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut words: FastMap<&'static str, u64> = FastMap::default();
        for (c, w) in sections(SOURCE) {
            let Some(c) = c else { continue };
            *words.entry(w).or_default() |= c.bit();
            if c == Class::Title {
                let l = w.to_lowercase();
                let l: &'static str = if l == w { w } else { l.leak() };
                *words.entry(l).or_default() |= Class::TitleLower.bit();
            }
        }
        for line in entries(DEMONYMS) {
            if let Some((_, p)) = line.split_once('=') {
                let p = p.trim();
                if !p.is_empty() {
                    *words.entry(p).or_default() |= Class::Country.bit();
                }
            }
        }
        Lexicon { words }
    }
}

/// Every class `w` belongs to, as written: one look-up for all layers.
pub fn classes(w: &str) -> Classes {
    Classes(lexicon().words.get(w).copied().unwrap_or(0))
}

/// A set of words: the union of some lexicon classes. Kept as a name for
/// the layers' questions ("is this a reporting verb?"); the words live in
/// the one table.
pub struct WordSet {
    mask: u64,
}

impl WordSet {
    /// The words of `class`.
    pub const fn of(class: Class) -> WordSet {
        WordSet { mask: class.bit() }
    }

    /// The words of any of `classes`.
    pub const fn any(classes: &[Class]) -> WordSet {
        let mut mask = 0;
        let mut i = 0;
        while i < classes.len() {
            mask |= classes[i].bit();
            i += 1;
        }
        WordSet { mask }
    }

    pub fn contains(&self, word: &str) -> bool {
        classes(word).any(self.mask)
    }
}

/// The entries of a data file: trimmed non-empty lines, comments dropped.
pub fn entries(source: &'static str) -> impl Iterator<Item = &'static str> {
    source
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_names_a_class() {
        for line in entries(SOURCE) {
            if line.starts_with('[') && line.ends_with(']') {
                let name = &line[1..line.len() - 1];
                assert!(Class::named(name).is_some(), "unknown section [{name}]");
            }
        }
        for c in Class::ALL {
            let derived = matches!(c, Class::Country | Class::TitleLower);
            assert_eq!(entries_in(*c).next().is_none(), derived, "{c:?}");
        }
    }

    #[test]
    fn section_bytes_finds_a_section_at_compile_time() {
        const WEEK: &[u8] = section_bytes(SOURCE.as_bytes(), b"weekday");
        let text = std::str::from_utf8(WEEK).unwrap();
        let listed: Vec<&str> = entries(text).flat_map(str::split_whitespace).collect();
        assert_eq!(listed, entries_in(Class::Weekday).collect::<Vec<_>>());
        assert!(section_bytes(SOURCE.as_bytes(), b"week").is_empty());
    }

    #[test]
    fn one_look_up_answers_every_class() {
        let c = classes("said");
        assert!(c.has(Class::ReportingVerb));
        assert!(classes("Israel").has(Class::Country));
        assert!(classes("prime minister").has(Class::TitleLower));
        assert!(classes("more than").has(Class::Approx));
        assert_eq!(classes("xylophone"), Classes(0));
    }

    #[test]
    fn reporting_verbs_load() {
        assert!(Class::ReportingVerb.contains("said"));
        assert!(Class::ReportingVerb.contains("told"));
        assert!(!Class::ReportingVerb.contains("table"));
    }

    #[test]
    fn fast_map_works_as_a_map() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, w) in ["a", "bb", "ccc", "dddddddd", "eeeeeeeee", ""]
            .iter()
            .enumerate()
        {
            m.insert(w, i);
        }
        assert_eq!(m.len(), 6);
        assert_eq!(m["dddddddd"], 3);
        assert_eq!(m[""], 5);
        assert!(!m.contains_key("x"));
    }
}
