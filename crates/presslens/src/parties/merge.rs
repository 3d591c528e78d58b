//! Alias merging: every candidate mention joins exactly one party.
//!
//! - Lexicon names and their aliases share a canonical name ("US" → "United
//!   States", "IDF" → "Israel Defense Forces"); demonyms join their country
//!   ("Israeli" → "Israel"); possessives join their base ("Hamas’s").
//! - "Israel Defense Forces (IDF)": the bracketed acronym joins the name
//!   before it; an acronym of a longer name's initials joins it too.
//! - A one-word name joins the person whose surname (or, failing that,
//!   first name) it is, the nearest such person before it first.
//! - "the Strip", "the Church": a cue word after "the" joins the latest party
//!   whose name contains it ("Gaza", alias "Gaza Strip"); otherwise it is
//!   dropped.
//! - Headline candidates survive only when their name is known from the body
//!   or the lexicons.

use super::context::Ctx;
use super::detect::{Cand, Src};
use super::kinds::{votes, Votes};
use super::lex::s;
use super::roles::{apposition, role_before, Appos};
use crate::lexicon::Class;
use crate::lexicon::{FastMap, FastSet};
use crate::report::{Mention, Party, PartyKind};
use crate::text::TokenKind;

struct Proto {
    name: String,
    /// Kind fixed by a lexicon or cue word.
    fixed: Option<PartyKind>,
    votes: Votes,
    multiword: bool,
    /// Mentions as token ranges, with whether each is a surname-only join.
    mentions: Vec<(usize, usize)>,
    role: Option<(usize, usize)>,
    /// Tagged mentions of each kind (person, organization, place, group).
    tagged: [u32; 4],
    /// Token index of the latest mention, for nearest-antecedent joins.
    last: usize,
    first: usize,
}

/// Initials of a multi-word name's capitalised words: "World Health
/// Organisation" → "WHO".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn acronym_letters(w: &str) -> String {
    w.chars().filter(|c| c.is_alphabetic()).collect()
}

/// Drops one-word names that are common words ("More" in "Read More") and
/// compass words alone ("Western"), keeping "Western allies" as a group.
fn common_words(c: &Ctx, mut m: Cand) -> Option<Cand> {
    if m.src != Src::Unknown || m.b - m.a != 1 || m.person_hint {
        return Some(m);
    }
    if c.is_allcaps(m.a) {
        // "PS2", "IE6", "AB8": codes and versions, not names.
        return if c.base(m.a).ends_with(|ch: char| ch.is_ascii_digit()) {
            None
        } else {
            Some(m)
        };
    }
    let w = c.base(m.a);
    if c.has_lower_base(m.a, s::STOP | s::STARTER) {
        return None;
    }
    // "W", "Nm": letters and units, not names.
    if w.chars().count() <= 2 && !c.has_base(m.a, s::GIVEN) {
        return None;
    }
    if c.has_base(m.a, s::COMPASS) {
        let next = if m.b < c.n() { c.tok(m.b) } else { "" };
        if !c.poss(m.a) && Class::Collective.contains(next) {
            m.b += 1;
            m.name = c.surface(m.a, m.b);
            m.kind = Some(PartyKind::Group);
            m.src = Src::Cue;
            return Some(m);
        }
        return None;
    }
    Some(m)
}

/// A text with a score ("1 – 0") and sports words ("goal", "match").
fn is_sports_report(c: &Ctx) -> bool {
    let t = &c.doc.tokens;
    let mut words = 0;
    let mut score = false;
    for i in 0..t.len() {
        if c.is_word(i) && c.has_lower_tok(i, s::SPORT_DOC) {
            words += 1;
        }
        if i + 2 < t.len()
            && t[i].kind == TokenKind::Number
            && matches!(c.tok(i + 1), "–" | "-" | ":")
            && t[i + 2].kind == TokenKind::Number
            && c.tok(i).len() <= 2
            && c.tok(i + 2).len() <= 2
        {
            score = true;
        }
    }
    score && words >= 3
}

/// A mention next to a sports verb ("Sweden defeated ...") or a score;
/// not a dateline ("LONDON 1996-08-30" opens its line).
fn sport_context(c: &Ctx, a: usize, b: usize) -> bool {
    let para = c.doc.tokens[a].para;
    if c.doc.paragraphs[para].start == a {
        return false;
    }
    let lo = a.saturating_sub(2);
    let hi = (b + 2).min(c.n());
    (lo..hi)
        .filter(|&k| (k < a || k >= b) && c.doc.tokens[k].para == para)
        .any(|k| {
            c.is_word(k) && !c.is_cap(k) && c.has_tok(k, s::SPORT)
                || (k + 1 == a || k == b) && c.doc.tokens[k].kind == TokenKind::Number
        })
}

/// A headline candidate survives when the body knows its name; otherwise
/// the body's names inside it do ("Joe Biden Visits" → "Joe Biden"), or, for
/// a two-word name opening with a given name, the name itself (a byline).
fn headline_names(c: &Ctx, known: &FastSet<String>, m: Cand, out: &mut Vec<Cand>) {
    if !m.strict || m.src == Src::Lex || known.contains(&m.name) {
        out.push(m);
        return;
    }
    let before = out.len();
    let mut i = m.a;
    while i < m.b {
        // Names are short: look at most six tokens ahead (linear time).
        let hit = (i + 1..=m.b.min(i + 6))
            .rev()
            .find(|&j| c.is_cap(j - 1) && known.contains(&c.surface(i, j)));
        match hit {
            Some(j) => {
                let name = c.surface(i, j);
                out.push(Cand {
                    a: i,
                    b: j,
                    name,
                    kind: None,
                    src: Src::Unknown,
                    ..m.clone()
                });
                i = j;
            }
            None => i += 1,
        }
    }
    if out.len() == before && m.person_hint && m.b - m.a == 2 && c.has_base(m.a, s::GIVEN) {
        out.push(m);
    }
}

fn kind_slot(k: PartyKind) -> usize {
    match k {
        PartyKind::Person => 0,
        PartyKind::Organization => 1,
        PartyKind::Place => 2,
        PartyKind::Group => 3,
    }
}

const SPORTS_ON_TAGGED: bool = true;
const KINDS: [PartyKind; 4] = [
    PartyKind::Person,
    PartyKind::Organization,
    PartyKind::Place,
    PartyKind::Group,
];

/// The kind most tagged mentions have (ties: the earlier of person,
/// organization, place, group).
fn tagged_kind(t: &[u32; 4]) -> Option<PartyKind> {
    let best = (0..4).rev().max_by_key(|&k| t[k])?;
    (t[best] > 0).then_some(KINDS[best])
}

/// The key names are merged by: one apostrophe for all ("O’Neill" =
/// "O'Neill").
fn key(s: &str) -> String {
    s.replace(['’', 'ʼ'], "'")
}

/// Builds the parties from the candidates.
pub fn merge(c: &Ctx, cands: Vec<Cand>) -> Vec<Party> {
    // Names the body knows: headline candidates must be among them.
    let mut known: FastSet<String> = FastSet::default();
    for m in cands.iter().filter(|m| !m.strict) {
        known.insert(m.name.clone());
        known.insert(c.surface(m.a, m.b));
        if m.src == Src::Unknown {
            for t in m.a..m.b {
                if c.is_cap(t) {
                    known.insert(c.base(t).to_string());
                }
            }
        }
    }
    let mut kept = Vec::with_capacity(cands.len());
    for m in cands {
        if let Some(m) = common_words(c, m) {
            headline_names(c, &known, m, &mut kept);
        }
    }
    let cands = kept;

    // "Israel Defense Forces (IDF)": acronym → name.
    let mut alias: FastMap<String, String> = FastMap::default();
    for (k, m) in cands.iter().enumerate() {
        let b = m.b;
        if b + 2 < c.n()
            && c.tok(b) == "("
            && c.tok(b + 2) == ")"
            && c.is_allcaps(b + 1)
            && m.b - m.a >= 2
        {
            if let Some(acr) = cands.get(k + 1).filter(|x| x.a == b + 1) {
                alias.insert(acr.name.clone(), m.name.clone());
            }
        }
    }

    let mut protos: Vec<Proto> = Vec::new();
    let mut by_name: FastMap<String, usize> = FastMap::default();
    let mut by_last: FastMap<String, Vec<usize>> = FastMap::default();
    let mut by_first: FastMap<String, Vec<usize>> = FastMap::default();
    let mut by_initials: FastMap<String, usize> = FastMap::default();
    // Surnames of multi-word names: a one-word place spelled like one
    // ("Jordan" after "Michael Jordan") is that person.
    let surnames: FastSet<&str> = cands
        .iter()
        .filter(|m| {
            (m.src == Src::Unknown || m.src == Src::Tagged && m.kind == Some(PartyKind::Person))
                && m.b - m.a > 1
                && !m.strict
        })
        .map(|m| c.base(m.b - 1))
        .collect();
    let is_single = |m: &Cand| {
        m.b - m.a == 1
            && (m.src == Src::Unknown
                || m.src == Src::Tagged && m.kind == Some(PartyKind::Person)
                || matches!(m.src, Src::Lex | Src::Tagged)
                    && m.kind == Some(PartyKind::Place)
                    && !m.nested
                    && surnames.contains(c.base(m.a)))
    };

    let add = |protos: &mut Vec<Proto>,
               by_name: &mut FastMap<String, usize>,
               m: &Cand,
               name: String|
     -> usize {
        let id = *by_name.entry(key(&name)).or_insert_with(|| {
            protos.push(Proto {
                name,
                fixed: None,
                votes: Votes::default(),
                multiword: false,
                mentions: Vec::new(),
                role: None,
                tagged: [0; 4],
                last: 0,
                first: usize::MAX,
            });
            protos.len() - 1
        });
        let p = &mut protos[id];
        if m.src == Src::Tagged {
            if let Some(k) = m.kind {
                p.tagged[kind_slot(k)] += 1;
            }
        } else if p.fixed.is_none() && m.src != Src::Unknown {
            p.fixed = m.kind;
        }
        if m.src == Src::Unknown && m.kind == Some(PartyKind::Person) {
            p.votes.person += 5;
        }
        p.multiword |= m.b - m.a > 1;
        p.mentions.push((m.a, m.b));
        p.last = p.last.max(m.a);
        p.first = p.first.min(m.a);
        id
    };

    // Pass 1: every name but one-word unknown ones.
    for m in cands.iter().filter(|m| !is_single(m)) {
        let name = alias
            .get(&m.name)
            .cloned()
            .unwrap_or_else(|| m.name.clone());
        let id = add(&mut protos, &mut by_name, m, name);
        let person_like =
            m.src == Src::Unknown || m.src == Src::Tagged && m.kind == Some(PartyKind::Person);
        if person_like && m.b - m.a > 1 {
            let words: Vec<&str> = protos[id]
                .name
                .split(' ')
                .filter(|w| !matches!(*w, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"))
                .collect();
            if let (Some(f), Some(l)) = (words.first(), words.last()) {
                let (f, l) = (key(f), key(l));
                if !by_last.get(&l).is_some_and(|v| v.contains(&id)) {
                    by_last.entry(l).or_default().push(id);
                }
                if !by_first.get(&f).is_some_and(|v| v.contains(&id)) {
                    by_first.entry(f).or_default().push(id);
                }
            }
        }
        if (m.b - m.a > 1 || m.src == Src::Cue) && m.kind != Some(PartyKind::Place) {
            let ini = initials(&protos[id].name);
            if ini.chars().count() >= 2 {
                by_initials.entry(ini).or_insert(id);
            }
        }
    }
    // Words of the names (and their aliases) found so far: "Strip" → Gaza.
    let mut by_word: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, p) in protos.iter().enumerate() {
        let aliases = c
            .lex
            .aliases
            .get(p.name.as_str())
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        let mut words: Vec<&str> = p
            .name
            .split(' ')
            .chain(aliases.iter().flat_map(|a| a.split(' ')))
            .collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            by_word.entry(w.to_string()).or_default().push(i);
        }
    }
    // Pass 2: one-word unknown names join a person, an acronym's name, a
    // party named the same, a "the Strip" antecedent, or stand alone.
    for m in cands.iter().filter(|m| is_single(m)) {
        let w = c.base(m.a);
        let wk = key(w);
        let w_key = wk.as_str();
        let nearest = |ids: &[usize], protos: &[Proto]| -> Option<usize> {
            ids.iter()
                .copied()
                .filter(|&i| protos[i].first < m.a)
                .max_by_key(|&i| protos[i].last.min(m.a))
                .or_else(|| ids.first().copied())
        };
        let prev_the = m.a > 0 && matches!(c.tok(m.a - 1), "the" | "The");
        let cue = c.has_base(m.a, s::PLACE_SUFFIX | s::ORG_SUFFIX | s::ORG_PREFIX);
        let after_prep = m.a > 0
            && matches!(
                c.tok(m.a - 1),
                "in" | "to" | "from" | "at" | "near" | "into" | "across"
            );
        let target =
            if m.src == Src::Lex || m.src == Src::Tagged && m.kind == Some(PartyKind::Place) {
                by_last
                    .get(w_key)
                    .filter(|_| !after_prep)
                    .and_then(|ids| nearest(ids, &protos))
            } else if let Some(t) = alias.get(w) {
                by_name.get(&key(t)).copied()
            } else if prev_the && cue && !by_name.contains_key(w_key) {
                // The latest party with the cue word in a name or alias.
                let hit = by_word.get(w).and_then(|ids| {
                    ids.iter()
                        .copied()
                        .filter(|&i| protos[i].first < m.a)
                        .max_by_key(|&i| protos[i].last.min(m.a))
                });
                if hit.is_none() {
                    continue;
                }
                hit
            } else if let Some(ids) = by_last.get(w_key) {
                nearest(ids, &protos)
            } else if let Some(ids) = by_first
                .get(w_key)
                .filter(|ids| ids.len() == 1 || c.has_base(m.a, s::GIVEN))
            {
                nearest(ids, &protos)
            } else if c.is_allcaps(m.a) {
                by_initials.get(&acronym_letters(w)).copied()
            } else {
                None
            };
        let id = match target {
            Some(t) => {
                let p = &mut protos[t];
                p.mentions.push((m.a, m.b));
                p.last = p.last.max(m.a);
                t
            }
            None => add(
                &mut protos,
                &mut by_name,
                m,
                alias
                    .get(&m.name)
                    .cloned()
                    .unwrap_or_else(|| m.name.clone()),
            ),
        };
        let _ = id;
    }

    let sports = is_sports_report(c);
    // Kinds, roles and output.
    let mut seen: FastSet<(usize, usize)> = FastSet::default();
    let mut out: Vec<(usize, Party)> = Vec::new();
    let cand_at: FastMap<(usize, usize), &Cand> = cands.iter().map(|m| ((m.a, m.b), m)).collect();
    // Kinds the lexicons and cue words fix, by where the name ends and starts.
    let typed = cands.iter().filter(|m| m.src != Src::Unknown && !m.nested);
    let kind_end: FastMap<usize, PartyKind> =
        typed.clone().filter_map(|m| Some((m.b, m.kind?))).collect();
    let kind_start: FastMap<usize, PartyKind> =
        typed.filter_map(|m| Some((m.a, m.kind?))).collect();
    // "Shejaiya and Gaza City": a name listed with a typed one shares its kind.
    let coord = |a: usize, b: usize| -> Votes {
        let mut v = Votes::default();
        let mut vote = |k: Option<&PartyKind>| match k {
            Some(PartyKind::Place) => v.place += 1,
            Some(PartyKind::Organization) => v.org += 1,
            _ => {}
        };
        let list = |i: usize| i < c.n() && matches!(c.tok(i), "," | "and" | "or");
        if a >= 1 && list(a - 1) {
            vote(kind_end.get(&(a - 1)));
        }
        if list(b) {
            vote(kind_start.get(&(b + 1)));
        }
        v
    };
    for p in protos.iter_mut() {
        p.mentions.sort_unstable();
        p.mentions.retain(|s| seen.insert(*s));
        if p.mentions.is_empty() {
            continue;
        }
        for s in &p.mentions {
            if let Some(m) = cand_at.get(s) {
                p.votes.add(votes(c, m));
                if m.src == Src::Unknown {
                    p.votes.add(coord(s.0, s.1));
                }
            }
        }
        let one = c.surface(p.mentions[0].0, p.mentions[0].1);
        if !p.multiword && one.chars().all(|ch| !ch.is_lowercase()) {
            // An acronym is not a person.
            p.votes.person = 0;
        }
        let default = if p.multiword {
            PartyKind::Person
        } else if one.ends_with('s')
            && !one.ends_with("ss")
            && one.chars().any(|ch| ch.is_lowercase())
        {
            // "Immortals", "Agnostics": a plural name is a collective.
            PartyKind::Group
        } else {
            PartyKind::Organization
        };
        let tagged = tagged_kind(&p.tagged);
        // "Shejaiya, a neighborhood in ...": an apposition saying what the
        // name is outweighs the tagger, which sees two words either side.
        let appos = tagged.and_then(|_| {
            p.mentions
                .iter()
                .find_map(|&(_, b)| match apposition(c, b)?.2 {
                    Appos::Place => Some(PartyKind::Place),
                    Appos::Org => Some(PartyKind::Organization),
                    Appos::Role | Appos::Person => None,
                })
        });
        let mut kind = p
            .fixed
            .or(appos)
            .or(tagged)
            .or_else(|| p.votes.winner())
            .unwrap_or(default);
        // In a sports report, a country that plays is its team (the tagger
        // tells the two apart itself).
        if sports
            && (SPORTS_ON_TAGGED || tagged.is_none())
            && kind == PartyKind::Place
            && c.lex.is_country(&p.name)
            && p.mentions.iter().any(|&(a, b)| sport_context(c, a, b))
        {
            kind = PartyKind::Organization;
        }
        if kind == PartyKind::Person {
            for &(a, b) in &p.mentions {
                if p.role.is_some() {
                    break;
                }
                p.role = role_before(c, a).or_else(|| {
                    apposition(c, b)
                        .filter(|x| x.2 == Appos::Role)
                        .map(|x| (x.0, x.1))
                });
            }
        }
        let mentions = p
            .mentions
            .iter()
            .map(|&(a, b)| {
                let (s, e) = (c.doc.tokens[a].start, c.doc.tokens[b - 1].end);
                Mention {
                    start: s,
                    end: e,
                    text: c.doc.text[s..e].to_string(),
                }
            })
            .collect();
        let role = p.role.map(|(s, e)| c.doc.text[s..e].to_string());
        out.push((
            p.mentions[0].0,
            Party {
                name: p.name.clone(),
                kind,
                role,
                mentions,
            },
        ));
    }
    out.sort_by_key(|x| x.0);
    out.into_iter().map(|x| x.1).collect()
}
