//! The parties layer's built-in lexicons, compiled from `data/parties_*.txt`.
//!
//! Every list is general knowledge (countries, cities, demonyms, given names,
//! well-known organisations and their acronyms, titles, cue words); none is
//! fitted to an article. They are parsed once, on first use, into a list of
//! names sorted by surface form (case-sensitive unless noted) and a map from
//! words to their classes, as bits.
//!
//! File formats:
//! - `parties_places.txt`, `parties_orgs.txt`: one name a line,
//!   `Canonical|alias|alias`.
//! - `parties_demonyms.txt`: `Demonym=Place`, or `Demonym=` for peoples and
//!   faiths without a country (plural only: "Muslims").
//!
//! The word classes (cue words, stop words, titles, given names) are
//! sections of the engine's one lexicon (`data/lexicon.txt`,
//! [`crate::lexicon`]); [`s`] names the ones this layer reads.

use std::sync::OnceLock;

use crate::lexicon::{classes, entries, entries_in, Class, FastMap};

const PLACES: &str = include_str!("../../data/parties_places.txt");
const ORGS: &str = include_str!("../../data/parties_orgs.txt");
const DEMONYMS: &str = include_str!("../../data/parties_demonyms.txt");

/// What a lexicon entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A place, with its canonical name.
    Place(&'static str),
    /// An organisation, with its canonical name.
    Org(&'static str),
    /// A demonym used as an adjective or singular noun ("Israeli"): the
    /// country it points to, if any.
    Demonym(Option<&'static str>),
    /// A plural demonym or people ("Palestinians", "Muslims"): a group.
    People,
    /// A title or honorific ("Prime Minister", "Dr.").
    Title,
}

/// The lexicon classes this layer reads, as bits ([`Class::bit`]). Their
/// bit positions are part of the tagger's features, so the classes keep
/// their order at the head of [`Class`].
pub mod s {
    use crate::lexicon::Class;

    pub const ORG_SUFFIX: u64 = Class::OrgSuffix.bit();
    pub const ORG_PREFIX: u64 = Class::OrgPrefix.bit();
    pub const PLACE_SUFFIX: u64 = Class::PlaceSuffix.bit();
    pub const PLACE_PREFIX: u64 = Class::PlacePrefix.bit();
    pub const COMPASS: u64 = Class::Compass.bit();
    /// A title or honorific before a name (a tagger feature).
    pub const TITLE: u64 = Class::Title.bit();
    pub const RANK_SURNAME: u64 = Class::RankSurname.bit();
    pub const ROLE_HEAD: u64 = Class::RoleHead.bit();
    pub const ROLE_MOD: u64 = Class::RoleMod.bit();
    pub const SPORT: u64 = Class::Sport.bit();
    pub const PLACE_NOUN: u64 = Class::PlaceNoun.bit();
    pub const ORG_NOUN: u64 = Class::OrgNoun.bit();
    pub const PERSON_NOUN: u64 = Class::PersonNoun.bit();
    pub const STOP: u64 = Class::Stop.bit();
    pub const STARTER: u64 = Class::Starter.bit();
    pub const WEAK: u64 = Class::Weak.bit();
    pub const ACRO_STOP: u64 = Class::AcroStop.bit();
    pub const EVENT_SUFFIX: u64 = Class::EventSuffix.bit();
    pub const NUMBER: u64 = Class::Number.bit();
    /// A given name (case-sensitive).
    pub const GIVEN: u64 = Class::Given.bit();
    /// A place some demonym points to.
    pub const COUNTRY: u64 = Class::Country.bit();
    /// A title, lowercased.
    pub const TITLE_LOWER: u64 = Class::TitleLower.bit();
    /// Every class above: what [`super::Lex::class`] answers with.
    pub const ALL: u64 = (TITLE_LOWER << 1) - 1;
    // The tagger's class features are these bit numbers: moving a class
    // means retraining (`make train`).
    const _: () = assert!(
        ORG_SUFFIX == 1 && TITLE_LOWER == 1 << 21,
        "the tagger's features number these bits"
    );
}

/// All the parties lexicons.
pub struct Lex {
    /// Every surface form, sorted (exact look-ups and prefix tests by binary
    /// search); the first entry listed wins.
    names: Vec<(&'static str, Entry)>,
    /// Bits of the hashed first three bytes of every name: a surface whose
    /// bit is clear starts no name.
    heads: Vec<u64>,
    /// Canonical name → every surface form naming it (aliases included).
    pub aliases: FastMap<&'static str, Vec<&'static str>>,
    /// Most tokens any multi-word entry spans (bounds the lookup window).
    pub max_tokens: usize,
}

static LEX: OnceLock<Lex> = OnceLock::new();

/// The lexicons, built on first use.
pub fn lex() -> &'static Lex {
    LEX.get_or_init(Lex::build)
}

/// Rough count of tokens in an entry, as the tokenizer would split it.
fn token_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        if c.is_alphanumeric() || c == '.' && in_word {
            if !in_word {
                n += 1;
            }
            in_word = true;
        } else {
            if !c.is_whitespace() {
                n += 1;
            }
            in_word = false;
        }
    }
    n
}

const HEAD_BITS: usize = 1 << 14;

/// The bit for the first three bytes of `s`, if it has three.
fn head(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 3 {
        return None;
    }
    let x = (b[0] as u32) | (b[1] as u32) << 8 | (b[2] as u32) << 16;
    Some((x.wrapping_mul(0x9E37_79B1) >> 18) as usize % HEAD_BITS)
}

/// `w` lowercased, borrowed when it already is.
pub fn lower_cow(w: &str) -> std::borrow::Cow<'_, str> {
    let same = if w.is_ascii() {
        !w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().all(|c| c.to_lowercase().eq([c]))
    };
    if same {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

impl Lex {
    fn build() -> Lex {
        let mut names: Vec<(&'static str, Entry)> = Vec::new();
        let mut aliases: FastMap<&'static str, Vec<&'static str>> = FastMap::default();
        let mut max_tokens = 1;
        let mut add = |names: &mut Vec<(&'static str, Entry)>, key: &'static str, e: Entry| {
            max_tokens = max_tokens.max(token_count(key));
            names.push((key, e));
        };
        for (src, is_place) in [(PLACES, true), (ORGS, false)] {
            for line in entries(src) {
                let mut parts = line.split('|').map(str::trim).filter(|p| !p.is_empty());
                let Some(canon) = parts.next() else { continue };
                let e = if is_place {
                    Entry::Place(canon)
                } else {
                    Entry::Org(canon)
                };
                add(&mut names, canon, e);
                let list = aliases.entry(canon).or_default();
                list.push(canon);
                for a in parts {
                    add(&mut names, a, e);
                    list.push(a);
                }
            }
        }
        for line in entries(DEMONYMS) {
            let Some((d, p)) = line.split_once('=') else {
                continue;
            };
            let (d, p) = (d.trim(), p.trim());
            let place = if p.is_empty() { None } else { Some(p) };
            add(&mut names, d, Entry::Demonym(place));
            let last = d.chars().last().unwrap_or('s');
            if !matches!(last, 's' | 'h' | 'e') {
                let mut plural = String::with_capacity(d.len() + 1);
                plural.push_str(d);
                plural.push('s');
                names.push((plural.leak(), Entry::People));
            }
        }
        for w in entries_in(Class::Title) {
            max_tokens = max_tokens.max(token_count(w));
            names.push((w, Entry::Title));
        }
        // Stable: the first of equal keys stays first, and is kept.
        names.sort_by_key(|x| x.0);
        names.dedup_by_key(|x| x.0);
        let mut heads = vec![0u64; HEAD_BITS / 64];
        for (k, _) in &names {
            if let Some(h) = head(k) {
                heads[h / 64] |= 1 << (h % 64);
            }
        }
        Lex {
            names,
            heads,
            aliases,
            max_tokens: max_tokens.min(8),
        }
    }

    /// Where `surface` is or would be in the sorted names.
    fn find(&self, surface: &str) -> usize {
        self.names.partition_point(|x| x.0 < surface)
    }

    /// The entry for an exact surface form.
    pub fn get(&self, surface: &str) -> Option<Entry> {
        self.names
            .get(self.find(surface))
            .filter(|x| x.0 == surface)
            .map(|x| x.1)
    }

    /// The entry for `surface`, and whether any entry starts with `full`
    /// (which `surface` is a prefix of).
    pub fn get_prefix(&self, surface: &str, full: &str) -> (Option<Entry>, bool) {
        if let Some(h) = head(surface) {
            if self.heads[h / 64] & 1 << (h % 64) == 0 {
                return (None, false);
            }
        }
        let k = self.find(surface);
        let e = self.names.get(k).filter(|x| x.0 == surface).map(|x| x.1);
        let k = if full.len() == surface.len() {
            k
        } else {
            self.find(full)
        };
        let more = self.names.get(k).is_some_and(|x| x.0.starts_with(full));
        (e, more)
    }

    /// The classes (`s::*` bits) of `w`; the lexicon's other classes are
    /// other layers' business.
    pub fn class(&self, w: &str) -> u64 {
        classes(w).0 & s::ALL
    }

    pub fn is_given(&self, w: &str) -> bool {
        self.class(w) & s::GIVEN != 0
    }

    /// Whether the section `bit` lists `w` exactly.
    pub fn has(&self, bit: u64, w: &str) -> bool {
        self.class(w) & bit != 0
    }

    /// Whether the section `bit` lists `w` lowercased.
    #[cfg(test)]
    fn has_lower(&self, bit: u64, w: &str) -> bool {
        self.class_lower(w) & bit != 0
    }

    /// The classes of `w` lowercased.
    pub fn class_lower(&self, w: &str) -> u64 {
        self.class(&lower_cow(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        let l = lex();
        assert_eq!(l.get("IDF"), Some(Entry::Org("Israel Defense Forces")));
        assert_eq!(l.get("US"), Some(Entry::Place("United States")));
        assert_eq!(l.get("us"), None);
        assert_eq!(l.get("Israeli"), Some(Entry::Demonym(Some("Israel"))));
        assert_eq!(l.get("Palestinians"), Some(Entry::People));
        assert_eq!(l.get("Muslims"), Some(Entry::People));
        assert_eq!(l.get("Prime Minister"), Some(Entry::Title));
        assert!(l.is_given("Benjamin"));
        assert!(l.has(s::ORG_SUFFIX, "Party"));
        assert!(l.has(s::WEAK, "May"));
        assert!(l.has_lower(s::STOP, "The"));
        assert!(l.aliases["Gaza"].contains(&"Gaza Strip"));
    }
}
