//! The parties layer's built-in lexicons, compiled from `data/parties_*.txt`.
//!
//! Every list is general knowledge (countries, cities, demonyms, given names,
//! well-known organisations and their acronyms, titles, cue words); none is
//! fitted to an article. They are parsed once, on first use, into hash maps
//! keyed by the exact surface form (case-sensitive unless noted).
//!
//! File formats:
//! - `parties_places.txt`, `parties_orgs.txt`: one name a line,
//!   `Canonical|alias|alias`.
//! - `parties_demonyms.txt`: `Demonym=Place`, or `Demonym=` for peoples and
//!   faiths without a country (plural only: "Muslims").
//! - `parties_given.txt`: given names, whitespace-separated.
//! - `parties_cues.txt`, `parties_stop.txt`: `[section]` headers, then
//!   whitespace-separated entries; `_` stands for a space in multi-word ones.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::entries;

const PLACES: &str = include_str!("../../data/parties_places.txt");
const ORGS: &str = include_str!("../../data/parties_orgs.txt");
const DEMONYMS: &str = include_str!("../../data/parties_demonyms.txt");
const GIVEN: &str = include_str!("../../data/parties_given.txt");
const CUES: &str = include_str!("../../data/parties_cues.txt");
const STOP: &str = include_str!("../../data/parties_stop.txt");

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

/// All the parties lexicons.
pub struct Lex {
    names: HashMap<String, Entry>,
    /// Canonical name → every surface form naming it (aliases included).
    pub aliases: HashMap<&'static str, Vec<&'static str>>,
    given: HashSet<&'static str>,
    /// Places a demonym points to: countries and a few regions.
    countries: HashSet<&'static str>,
    titles_lower: HashSet<String>,
    sections: HashMap<&'static str, HashSet<String>>,
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

fn sections(source: &'static str) -> HashMap<&'static str, HashSet<String>> {
    let mut out: HashMap<&'static str, HashSet<String>> = HashMap::new();
    let mut current = "";
    for line in entries(source) {
        if line.starts_with('[') && line.ends_with(']') {
            current = &line[1..line.len() - 1];
            continue;
        }
        let set = out.entry(current).or_default();
        for w in line.split_whitespace() {
            set.insert(w.replace('_', " "));
        }
    }
    out
}

impl Lex {
    fn build() -> Lex {
        let mut names: HashMap<String, Entry> = HashMap::new();
        let mut aliases: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut max_tokens = 1;
        let mut add = |names: &mut HashMap<String, Entry>, key: &'static str, e: Entry| {
            max_tokens = max_tokens.max(token_count(key));
            names.entry(key.to_string()).or_insert(e);
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
        let mut countries = HashSet::new();
        for line in entries(DEMONYMS) {
            let Some((d, p)) = line.split_once('=') else {
                continue;
            };
            let (d, p) = (d.trim(), p.trim());
            let place = if p.is_empty() { None } else { Some(p) };
            countries.extend(place);
            add(&mut names, d, Entry::Demonym(place));
            let last = d.chars().last().unwrap_or('s');
            if !matches!(last, 's' | 'h' | 'e') {
                names.entry(format!("{d}s")).or_insert(Entry::People);
            }
        }
        let sections = sections(CUES)
            .into_iter()
            .chain(sections(STOP))
            .collect::<HashMap<_, _>>();
        let mut titles_lower = HashSet::new();
        if let Some(t) = sections.get("title") {
            for title in t {
                max_tokens = max_tokens.max(token_count(title));
                titles_lower.insert(title.to_lowercase());
                names.entry(title.clone()).or_insert(Entry::Title);
            }
        }
        let given = GIVEN
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        Lex {
            names,
            aliases,
            given,
            countries,
            titles_lower,
            sections,
            max_tokens: max_tokens.min(8),
        }
    }

    /// The entry for an exact surface form.
    pub fn get(&self, surface: &str) -> Option<Entry> {
        self.names.get(surface).copied()
    }

    /// Whether `name` is a country (a place some demonym points to).
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }

    pub fn is_given(&self, w: &str) -> bool {
        self.given.contains(w)
    }

    /// Whether `w` (any case) is a title word or phrase.
    pub fn is_title_lower(&self, w: &str) -> bool {
        self.titles_lower.contains(&w.to_lowercase())
    }

    /// Whether `section` lists `w` exactly.
    pub fn has(&self, section: &str, w: &str) -> bool {
        self.sections.get(section).is_some_and(|s| s.contains(w))
    }

    /// Whether `section` lists `w` lowercased.
    pub fn has_lower(&self, section: &str, w: &str) -> bool {
        self.sections
            .get(section)
            .is_some_and(|s| s.contains(&w.to_lowercase()))
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
        assert!(l.has("org_suffix", "Party"));
        assert!(l.has("weak", "May"));
        assert!(l.has_lower("stop", "The"));
        assert!(l.aliases["Gaza"].contains(&"Gaza Strip"));
    }
}
