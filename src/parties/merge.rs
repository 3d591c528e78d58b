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
use super::Rule;
use crate::lexicon::Class;
use crate::lexicon::{FastMap, FastSet};
use crate::report::{Mention, Party, PartyKind};

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

const KINDS: [PartyKind; 4] = [
    PartyKind::Person,
    PartyKind::Organization,
    PartyKind::Place,
    PartyKind::Group,
];

/// The slot of `k` in [`Proto::tagged`] (the order of [`KINDS`]).
fn kind_slot(k: PartyKind) -> usize {
    match k {
        PartyKind::Person => 0,
        PartyKind::Organization => 1,
        PartyKind::Place => 2,
        PartyKind::Group => 3,
    }
}

/// The kind most tagged mentions have (ties: the earlier of person,
/// organization, place, group).
fn tagged_kind(t: &[u32; 4]) -> Option<PartyKind> {
    let best = (0..4).rev().max_by_key(|&k| t[k])?;
    (t[best] > 0).then_some(KINDS[best])
}

/// A tagged person's name: joined and indexed like an unknown one, by its
/// surname and first name.
fn person_like(m: &Cand) -> bool {
    m.src == Src::Unknown || m.src == Src::Tagged && m.kind == Some(PartyKind::Person)
}

/// The key names are merged by: one apostrophe for all ("O’Neill" =
/// "O'Neill").
fn key(s: &str) -> String {
    s.replace(['’', 'ʼ'], "'")
}

/// Builds the parties from the candidates: the rules below, in order.
pub fn merge(c: &Ctx, cands: Vec<Cand>) -> Vec<Party> {
    let cands = drop_unknown_names(c, cands);
    let alias = acronym_aliases(c, &cands);
    let surnames = surnames(c, &cands);
    let single = |m: &Cand| is_single(c, &surnames, m);
    let mut ix = Index::default();
    // Pass 1: every name but one-word unknown ones.
    for m in cands.iter().filter(|m| !single(m)) {
        ix.add_name(m, &alias);
    }
    // Pass 2: one-word unknown names join a person, an acronym's name, a
    // party named the same, a "the Strip" antecedent, or stand alone.
    let by_word = ix.words(c);
    for m in cands.iter().filter(|m| single(m)) {
        let (join, rule) = ix.antecedent(c, m, &alias, &by_word);
        c.note(m.a, m.b, rule);
        match join {
            Join::To(t) => {
                let p = &mut ix.protos[t];
                p.mentions.push((m.a, m.b));
                p.last = p.last.max(m.a);
            }
            Join::Alone => {
                ix.add(m, aliased(&alias, &m.name));
            }
            Join::Dropped => {}
        }
    }
    parties(c, &cands, ix.protos)
}

/// Drops common words ([`common_words`]) and headline names the body does
/// not know ([`headline_names`]).
fn drop_unknown_names(c: &Ctx, cands: Vec<Cand>) -> Vec<Cand> {
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
        let (a, b) = (m.a, m.b);
        match common_words(c, m) {
            Some(m) => {
                let before = kept.len();
                headline_names(c, &known, m, &mut kept);
                if kept.len() == before {
                    c.note(a, b, Rule::UnknownHeadlineName);
                }
            }
            None => c.note(a, b, Rule::CommonWord),
        }
    }
    kept
}

/// "Israel Defense Forces (IDF)": acronym → name.
fn acronym_aliases(c: &Ctx, cands: &[Cand]) -> FastMap<String, String> {
    let mut alias: FastMap<String, String> = FastMap::default();
    for (k, m) in cands.iter().enumerate() {
        let b = m.b;
        if b + 2 < c.n()
            && c.tok(b) == "("
            && c.tok(b + 2) == ")"
            && c.is_allcaps(b + 1)
            && m.b - m.a >= 2
            && abbreviates(c.tok(b + 1), &c.surface(m.a, m.b))
        {
            if let Some(acr) = cands.get(k + 1).filter(|x| x.a == b + 1) {
                alias.insert(acr.name.clone(), m.name.clone());
            }
        }
    }
    alias
}

/// Whether `short` can abbreviate `long` (Schwartz and Hearst, 2003): its
/// letters and digits appear in `long` in order, the first one opening a
/// word. "IDF" abbreviates "Israel Defense Forces"; the agency in
/// "LOS ANGELES (AP) —" abbreviates nothing before it.
fn abbreviates(short: &str, long: &str) -> bool {
    let long: Vec<char> = long.chars().flat_map(char::to_lowercase).collect();
    let short: Vec<char> = short
        .chars()
        .filter(|ch| ch.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if short.is_empty() {
        return false;
    }
    // Match from the end, each letter as far right as it can be; the first
    // one must also open a word.
    let mut at = long.len();
    for (k, &ch) in short.iter().enumerate().rev() {
        loop {
            if at == 0 {
                return false;
            }
            at -= 1;
            let opens = at == 0 || !long[at - 1].is_alphanumeric();
            if long[at] == ch && (k > 0 || opens) {
                break;
            }
        }
    }
    true
}

/// The name a mention goes by: its acronym's full name, or its own.
fn aliased(alias: &FastMap<String, String>, name: &str) -> String {
    alias.get(name).cloned().unwrap_or_else(|| name.to_string())
}

/// Surnames of multi-word names: a one-word place spelled like one
/// ("Jordan" after "Michael Jordan") is that person.
fn surnames<'c>(c: &'c Ctx, cands: &[Cand]) -> FastSet<&'c str> {
    cands
        .iter()
        .filter(|m| person_like(m) && m.b - m.a > 1 && !m.strict)
        .map(|m| c.base(m.b - 1))
        .collect()
}

/// A one-word name that joins an earlier party if it can (pass 2): an
/// unknown word or tagged person, or a place (lexicon or tagged) spelled
/// like a surname.
fn is_single(c: &Ctx, surnames: &FastSet<&str>, m: &Cand) -> bool {
    m.b - m.a == 1
        && (person_like(m)
            || matches!(m.src, Src::Lex | Src::Tagged)
                && m.kind == Some(PartyKind::Place)
                && !m.nested
                && surnames.contains(c.base(m.a)))
}

/// Where a one-word name goes ([`Index::antecedent`]).
enum Join {
    /// Into this party.
    To(usize),
    /// A party of its own.
    Alone,
    /// Nowhere: "the Strip" with no party before it that has the word.
    Dropped,
}

/// The parties being built, and the indexes a later mention is joined by.
#[derive(Default)]
struct Index {
    protos: Vec<Proto>,
    by_name: FastMap<String, usize>,
    by_last: FastMap<String, Vec<usize>>,
    by_first: FastMap<String, Vec<usize>>,
    by_initials: FastMap<String, usize>,
}

impl Index {
    /// Adds a mention to the party `name` (made if new); returns its index.
    fn add(&mut self, m: &Cand, name: String) -> usize {
        let protos = &mut self.protos;
        let id = *self.by_name.entry(key(&name)).or_insert_with(|| {
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
    }

    /// Pass 1: a name of its own, indexed by its first and last words (an
    /// unknown multi-word name) and by its initials.
    fn add_name(&mut self, m: &Cand, alias: &FastMap<String, String>) {
        let id = self.add(m, aliased(alias, &m.name));
        if person_like(m) && m.b - m.a > 1 {
            let words: Vec<&str> = self.protos[id]
                .name
                .split(' ')
                .filter(|w| !matches!(*w, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"))
                .collect();
            if let (Some(f), Some(l)) = (words.first(), words.last()) {
                let (f, l) = (key(f), key(l));
                if !self.by_last.get(&l).is_some_and(|v| v.contains(&id)) {
                    self.by_last.entry(l).or_default().push(id);
                }
                if !self.by_first.get(&f).is_some_and(|v| v.contains(&id)) {
                    self.by_first.entry(f).or_default().push(id);
                }
            }
        }
        if (m.b - m.a > 1 || m.src == Src::Cue) && m.kind != Some(PartyKind::Place) {
            let ini = initials(&self.protos[id].name);
            if ini.chars().count() >= 2 {
                self.by_initials.entry(ini).or_insert(id);
            }
        }
    }

    /// Words of the names (and their aliases) found so far: "Strip" → Gaza.
    fn words(&self, c: &Ctx) -> FastMap<String, Vec<usize>> {
        let mut by_word: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, p) in self.protos.iter().enumerate() {
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
        by_word
    }

    /// Of `ids`, the party with a mention before `at` whose latest mention
    /// is nearest, else the first.
    fn nearest(&self, ids: &[usize], at: usize) -> Option<usize> {
        ids.iter()
            .copied()
            .filter(|&i| self.protos[i].first < at)
            .max_by_key(|&i| self.protos[i].last.min(at))
            .or_else(|| ids.first().copied())
    }

    /// Pass 2: the party a one-word name joins, by the first rule that
    /// holds: a lexicon place spelled like a person's surname (not after
    /// "in", "to" …); an acronym's full name; "the Strip" → the latest party
    /// with the cue word in a name or alias; a person's surname; a person's
    /// first name (unambiguous, or a given name); an all-caps word → the
    /// party with those initials.
    fn antecedent(
        &self,
        c: &Ctx,
        m: &Cand,
        alias: &FastMap<String, String>,
        by_word: &FastMap<String, Vec<usize>>,
    ) -> (Join, Rule) {
        let w = c.base(m.a);
        let wk = key(w);
        let w_key = wk.as_str();
        let prev_the = m.a > 0 && matches!(c.tok(m.a - 1), "the" | "The");
        let cue = c.has_base(m.a, s::PLACE_SUFFIX | s::ORG_SUFFIX | s::ORG_PREFIX);
        let after_prep = m.a > 0
            && matches!(
                c.tok(m.a - 1),
                "in" | "to" | "from" | "at" | "near" | "into" | "across"
            );
        let (target, rule) =
            if m.src == Src::Lex || m.src == Src::Tagged && m.kind == Some(PartyKind::Place) {
                let t = self
                    .by_last
                    .get(w_key)
                    .filter(|_| !after_prep)
                    .and_then(|ids| self.nearest(ids, m.a));
                (t, Rule::PlaceLikeSurname)
            } else if let Some(t) = alias.get(w) {
                (self.by_name.get(&key(t)).copied(), Rule::Acronym)
            } else if prev_the && cue && !self.by_name.contains_key(w_key) {
                // The latest party with the cue word in a name or alias.
                let hit = by_word.get(w).and_then(|ids| {
                    ids.iter()
                        .copied()
                        .filter(|&i| self.protos[i].first < m.a)
                        .max_by_key(|&i| self.protos[i].last.min(m.a))
                });
                if hit.is_none() {
                    return (Join::Dropped, Rule::TheCueWordAlone);
                }
                (hit, Rule::TheCueWord)
            } else if let Some(ids) = self.by_last.get(w_key) {
                (self.nearest(ids, m.a), Rule::Surname)
            } else if let Some(ids) = self
                .by_first
                .get(w_key)
                .filter(|ids| ids.len() == 1 || c.has_base(m.a, s::GIVEN))
            {
                (self.nearest(ids, m.a), Rule::FirstName)
            } else if c.is_allcaps(m.a) {
                (
                    self.by_initials.get(&acronym_letters(w)).copied(),
                    Rule::Initials,
                )
            } else {
                (None, Rule::OwnParty)
            };
        match target {
            Some(t) => (Join::To(t), rule),
            None => (Join::Alone, Rule::OwnParty),
        }
    }
}

/// The parties, in text order: each one's mentions (a token span in one
/// party only), kind ([`kind_of`]) and role.
fn parties(c: &Ctx, cands: &[Cand], mut protos: Vec<Proto>) -> Vec<Party> {
    let mut seen: FastSet<(usize, usize)> = FastSet::default();
    let mut out: Vec<(usize, Party)> = Vec::new();
    let cand_at: FastMap<(usize, usize), &Cand> = cands.iter().map(|m| ((m.a, m.b), m)).collect();
    let coord = Coordination::new(cands);
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
                    p.votes.add(coord.votes(c, s.0, s.1));
                }
            }
        }
        let kind = kind_of(c, p);
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

/// Kinds the lexicons and cue words fix, by where a name ends and starts:
/// "Shejaiya and Gaza City": a name listed with a typed one shares its kind.
struct Coordination {
    kind_end: FastMap<usize, PartyKind>,
    kind_start: FastMap<usize, PartyKind>,
}

impl Coordination {
    fn new(cands: &[Cand]) -> Coordination {
        let typed = cands.iter().filter(|m| m.src != Src::Unknown && !m.nested);
        Coordination {
            kind_end: typed.clone().filter_map(|m| Some((m.b, m.kind?))).collect(),
            kind_start: typed.filter_map(|m| Some((m.a, m.kind?))).collect(),
        }
    }

    /// The votes of the typed names listed next to tokens `a..b`.
    fn votes(&self, c: &Ctx, a: usize, b: usize) -> Votes {
        let mut v = Votes::default();
        let mut vote = |k: Option<&PartyKind>| match k {
            Some(PartyKind::Place) => v.place += 1,
            Some(PartyKind::Organization) => v.org += 1,
            _ => {}
        };
        let list = |i: usize| i < c.n() && matches!(c.tok(i), "," | "and" | "or");
        if a >= 1 && list(a - 1) {
            vote(self.kind_end.get(&(a - 1)));
        }
        if list(b) {
            vote(self.kind_start.get(&(b + 1)));
        }
        v
    }
}

/// A party's kind: fixed by a lexicon or cue word, else the votes' winner,
/// else a default (a multi-word name is a person, a plural one-word name a
/// group, any other an organisation). An acronym is not a person. A
/// country that plays in a sports report stays a place, as CoNLL annotates
/// it (typing it as its team cost 2.4 points of CoNLL dev for a gain on one
/// GUM document).
fn kind_of(c: &Ctx, p: &mut Proto) -> PartyKind {
    let one = c.surface(p.mentions[0].0, p.mentions[0].1);
    if !p.multiword && one.chars().all(|ch| !ch.is_lowercase()) {
        // An acronym is not a person.
        p.votes.person = 0;
    }
    let default = if p.multiword {
        PartyKind::Person
    } else if one.ends_with('s') && !one.ends_with("ss") && one.chars().any(|ch| ch.is_lowercase())
    {
        // "Immortals", "Agnostics": a plural name is a collective.
        PartyKind::Group
    } else {
        PartyKind::Organization
    };
    let tagged = tagged_kind(&p.tagged);
    // "Shejaiya, a neighborhood in ...": an apposition saying what the name
    // is outweighs the tagger, which sees two words either side.
    let appos = tagged.and_then(|_| {
        p.mentions
            .iter()
            .find_map(|&(_, b)| match apposition(c, b)?.2 {
                Appos::Place => Some(PartyKind::Place),
                Appos::Org => Some(PartyKind::Organization),
                Appos::Role | Appos::Person => None,
            })
    });
    let (kind, rule) = match (p.fixed, appos, tagged, p.votes.winner()) {
        (Some(k), ..) => (k, Rule::KindFixed),
        (None, Some(k), ..) => (k, Rule::KindApposition),
        (None, None, Some(k), _) => (k, Rule::KindTagged),
        (None, None, None, Some(k)) => (k, Rule::KindVotes),
        (None, None, None, None) => (default, Rule::KindDefault),
    };
    c.note(p.mentions[0].0, p.mentions[0].1, rule);
    kind
}

#[cfg(test)]
mod tests {
    use crate::report::PartyKind;
    use crate::text::Doc;

    /// Each party's name, kind and mention texts, from the rules alone
    /// (these tests are of the merge rules, not of a retrained tagger).
    fn parties(text: &str) -> Vec<(String, PartyKind, Vec<String>)> {
        super::super::find_with(&Doc::new(text), None)
            .into_iter()
            .map(|p| {
                (
                    p.name,
                    p.kind,
                    p.mentions.into_iter().map(|m| m.text).collect(),
                )
            })
            .collect()
    }

    fn mentions_of(text: &str, name: &str) -> Vec<String> {
        parties(text)
            .into_iter()
            .find(|p| p.0 == name)
            .map(|p| p.2)
            .unwrap_or_default()
    }

    #[test]
    fn one_word_names_join_by_the_first_rule_that_holds() {
        // A surname joins its person.
        assert_eq!(
            mentions_of(
                "Talks began. Antony Blinken flew in. Later Blinken spoke.",
                "Antony Blinken"
            ),
            ["Antony Blinken", "Blinken"]
        );
        // A bracketed acronym joins the name before it, and so do its
        // later mentions.
        assert_eq!(
            mentions_of(
                "The Palestinian Health Ministry (PHM) spoke. PHM said so.",
                "Palestinian Health Ministry"
            ),
            ["Palestinian Health Ministry", "PHM", "PHM"]
        );
        // "the Strip" joins the latest party with the word in a name or alias.
        assert!(mentions_of(
            "Troops entered Gaza on Monday. Aid reached the Strip later.",
            "Gaza"
        )
        .contains(&"Strip".to_string()));
        // A lone word no party names stands alone.
        assert!(parties("Officials met Obrecht on Monday.")
            .iter()
            .any(|p| p.0 == "Obrecht"));
    }

    #[test]
    fn acronyms_abbreviate_their_names() {
        use super::abbreviates;
        assert!(abbreviates("IDF", "Israel Defense Forces"));
        assert!(abbreviates("PHM", "Palestinian Health Ministry"));
        assert!(abbreviates("NATO", "North Atlantic Treaty Organization"));
        assert!(abbreviates(
            "UNHCR",
            "United Nations High Commissioner for Refugees"
        ));
        assert!(!abbreviates("AP", "LOS ANGELES"));
        assert!(!abbreviates("XYZ", "Israel Defense Forces"));
        assert!(!abbreviates("", "Israel"));
        // The first letter opens a word: "DF" is no acronym of "Defense
        // Forces" written as "IDF Forces".
        assert!(!abbreviates("SF", "Israel Defense Forces"));
    }

    #[test]
    fn kinds_fall_back_to_a_default() {
        // An acronym is never a person; a plural one-word name is a group.
        let ps = parties("Members of XQZ met. The Immortals said no.");
        assert!(
            ps.iter().any(|p| p.0 == "XQZ" && p.1 != PartyKind::Person),
            "{ps:?}"
        );
    }
}
