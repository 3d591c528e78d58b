//! Speakers: the noun phrases that say things, and their canonical names.
//!
//! Three sorts of speaker mention come out of attribution:
//! - a name ("Osama Hamdan", "US President Joe Biden", "the IDF"), canonicalised
//!   through the parties layer, else an acronym list, else the longest form of
//!   the name in the article, titles stripped ("Blinken" → "Antony Blinken");
//! - a pronoun (he, she, they), resolved to the nearest compatible person
//!   before it: a party of kind person, else a capitalised name found here;
//! - a description of an anonymous source ("a senior Israeli official",
//!   "sources familiar with the talks"), reported with `named: false` and the
//!   description itself as the name.

use std::cell::RefCell;

use crate::lexicon::FastMap;
use crate::report::{Party, PartyKind, Speaker, SpeakerKind};
use crate::text::{strip_possessive, Doc};

use super::np::{ends_description, is_capital_opener, name_run_forward, strip_titles, Np, NpKind};
use super::words::{self, Pronoun, ADVERBS, FUNCTION_WORDS, PERSON_NOUNS, TITLES};

/// The longest written form of a name and the gender a title gave it, if any.
type LongestForm<'a> = (&'a str, Option<Gender>);

/// Canonical names and pronoun resolution over one document.
///
/// Everything it looks up is indexed once in [`Resolver::new`], so that
/// resolving a speaker costs a hash lookup or a short backward scan, never a
/// pass over the document.
pub struct Resolver<'a> {
    doc: &'a Doc<'a>,
    parties: &'a [Party],
    /// Capitalised names found by a scan: (first, name_first, last) token
    /// indices, in text order, with their bare words.
    names: Vec<(usize, usize, usize)>,
    /// The bare words of all names, one after the other; name `k`'s are
    /// `words[word_at[k]..word_at[k + 1]]`.
    words: Vec<&'a str>,
    word_at: Vec<usize>,
    /// Each scanned name's bare form, as an index into the distinct forms.
    form: Vec<usize>,
    /// How often each distinct bare form occurs in the article.
    form_count: Vec<usize>,
    /// Longest forms already looked up, per distinct form and gender (none,
    /// male, female): a name repeated all over an article is looked up once.
    longest_memo: RefCell<Vec<[Memo<Option<&'a str>>; 3]>>,
    /// Names by their last word: the first such name; `next_same_last`
    /// chains the others in text order.
    by_last: FastMap<&'a str, usize>,
    next_same_last: Vec<Option<usize>>,
    /// Candidates for pronouns, ordered by end byte.
    persons: Vec<Cand<'a>>,
    groups: Vec<Cand<'a>>,
    /// Parties by name.
    party_names: FastMap<&'a str, usize>,
    /// Party mentions by the token they start at: `mention_head[t]` is the
    /// first (party, mention) starting at token `t`, `mention_next` chains the
    /// others; with the longest mention's length,
    /// overlaps are found by looking at a few tokens, with no sorting.
    mention_head: Vec<Option<usize>>,
    mention_next: Vec<Option<usize>>,
    mention_ids: Vec<(usize, usize)>,
    longest_mention: usize,
    /// The gender each party's first name implies.
    party_gender: Vec<Option<Gender>>,
}

fn cand_end(c: &Cand) -> usize {
    c.end
}

/// A pronoun candidate: a mention at bytes `start..end`.
#[derive(Debug, Clone)]
struct Cand<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    party: Option<usize>,
    gender: Option<Gender>,
}

/// A person's gender as a title ("Mrs") or a common first name implies it:
/// "he" and "she" agree with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

impl Gender {
    fn other(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }

    /// The slot of a known or unknown gender in a per-gender table
    /// (unknown, male, female).
    fn slot(g: Option<Gender>) -> usize {
        match g {
            None => 0,
            Some(Gender::Male) => 1,
            Some(Gender::Female) => 2,
        }
    }
}

/// A value worked out once: not yet, or done (which may be "none found").
#[derive(Debug, Clone, Copy)]
enum Memo<T> {
    NotYet,
    Done(T),
}

/// The gender a title implies.
fn title_gender(w: &str) -> Option<Gender> {
    // Every title below starts with one of these capitals.
    if !matches!(
        w.as_bytes().first(),
        Some(b'C' | b'D' | b'F' | b'K' | b'L' | b'M' | b'P' | b'Q' | b'S')
    ) {
        return None;
    }
    match w {
        "Mr" | "Mr." | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Congressman"
        | "Councilman" | "Spokesman" | "Chairman" => Some(Gender::Male),
        "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Dame" | "Lady" | "Queen" | "Princess"
        | "Congresswoman" | "Councilwoman" | "Spokeswoman" | "Chairwoman" => Some(Gender::Female),
        _ => None,
    }
}

/// Appends the words of `first..=last` to `out`, possessives stripped.
fn bare_words<'a>(doc: &Doc<'a>, first: usize, last: usize, out: &mut Vec<&'a str>) {
    for k in first..=last {
        if doc.is_word(k) {
            out.push(strip_possessive(doc.tok(k)));
        }
    }
}

/// The capitalised names of `doc`, as (first, name_first, last) token
/// indices in text order (titles before `name_first`): each run of
/// capitalised words that does not open with a sentence opener.
fn scan_names(doc: &Doc) -> Vec<(usize, usize, usize)> {
    let mut names = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        if !doc.is_cap(i) || is_capital_opener(doc.tok(i)) {
            i += 1;
            continue;
        }
        let Some(last) = name_run_forward(doc, i, n) else {
            i += 1;
            continue;
        };
        names.push((i, strip_titles(doc, i, last), last));
        i = last + 1;
    }
    names
}

impl<'a> Resolver<'a> {
    /// Indexes the names of `doc`, the mentions of `parties` and the
    /// candidates for pronouns, once for the document.
    pub fn new(doc: &'a Doc<'a>, parties: &'a [Party]) -> Resolver<'a> {
        let names = scan_names(doc);
        let n = doc.tokens.len();
        let mut words = Vec::with_capacity(names.len() * 2);
        let mut word_at = Vec::with_capacity(names.len() + 1);
        word_at.push(0);
        for &(_, nf, l) in &names {
            bare_words(doc, nf, l, &mut words);
            word_at.push(words.len());
        }
        // Words never hold spaces, so equal word lists are equal joined forms.
        let mut forms: FastMap<&[&'a str], usize> = FastMap::default();
        let mut form = Vec::with_capacity(names.len());
        let mut form_count: Vec<usize> = Vec::new();
        for w in word_at.windows(2).map(|r| &words[r[0]..r[1]]) {
            let next = forms.len();
            let f = *forms.entry(w).or_insert(next);
            if f == form_count.len() {
                form_count.push(0);
            }
            form_count[f] += 1;
            form.push(f);
        }
        drop(forms);
        let mut by_last: FastMap<&'a str, usize> = FastMap::default();
        let mut next_same_last = vec![None; names.len()];
        for k in (0..names.len()).rev() {
            if let Some(&l) = words[word_at[k]..word_at[k + 1]].last() {
                if let Some(prev) = by_last.insert(l, k) {
                    next_same_last[k] = Some(prev);
                }
            }
        }
        let mut party_names: FastMap<&'a str, usize> = FastMap::default();
        for (k, p) in parties.iter().enumerate() {
            party_names.entry(p.name.as_str()).or_insert(k);
        }
        let mut r = Resolver {
            doc,
            parties,
            names,
            words,
            word_at,
            form,
            longest_memo: RefCell::new(Vec::new()),
            form_count,
            by_last,
            next_same_last,
            persons: Vec::new(),
            groups: Vec::new(),
            party_names,
            party_gender: parties.iter().map(|p| first_name_gender(&p.name)).collect(),
            mention_head: vec![None; n],
            mention_next: Vec::new(),
            mention_ids: Vec::new(),
            longest_mention: 0,
        };
        r.index_mentions();
        r.index_candidates();
        r
    }

    /// Indexes the parties' mentions by the token they start at, so that
    /// the party covering a speaker mention is found by looking at a few
    /// tokens.
    fn index_mentions(&mut self) {
        let doc = self.doc;
        let n = doc.tokens.len();
        for (pi, p) in self.parties.iter().enumerate() {
            for (mi, m) in p.mentions.iter().enumerate() {
                if m.start > m.end || m.end > doc.text.len() || n == 0 {
                    continue;
                }
                let t = doc.token_at(m.start);
                self.mention_next.push(self.mention_head[t]);
                self.mention_head[t] = Some(self.mention_ids.len());
                self.mention_ids.push((pi, mi));
                self.longest_mention = self.longest_mention.max(m.end - m.start);
            }
        }
    }

    /// Collects pronoun candidates: party mentions (persons; organisations
    /// and groups), then person-like scanned names the parties layer missed.
    fn index_candidates(&mut self) {
        let d = self.doc;
        let mut persons = Vec::new();
        let mut groups = Vec::new();
        for (pi, party) in self.parties.iter().enumerate() {
            let is_person = party.kind == PartyKind::Person;
            let is_group = matches!(party.kind, PartyKind::Organization | PartyKind::Group);
            if !is_person && !is_group {
                continue;
            }
            let name_gender = if is_person {
                self.party_gender[pi].or_else(|| {
                    let w: Vec<&str> = party.name.split_whitespace().collect();
                    first_name_gender(self.longest_form(&w)?)
                })
            } else {
                None
            };
            for m in &party.mentions {
                if m.start >= m.end || m.end > d.text.len() {
                    continue;
                }
                let male = if is_person {
                    self.gender_at(m.start).or(name_gender)
                } else {
                    None
                };
                let c = Cand {
                    start: m.start,
                    end: m.end,
                    name: &party.name,
                    party: Some(pi),
                    gender: male,
                };
                if is_person {
                    persons.push(c);
                } else {
                    groups.push(c);
                }
            }
        }
        // Sorted by end now (stably, as at the end), to look ends up.
        persons.sort_by_key(cand_end);
        self.add_scanned_persons(&mut persons);
        persons.sort_by_key(cand_end);
        groups.sort_by_key(cand_end);
        self.persons = persons;
        self.groups = groups;
    }

    /// Adds to `persons` (the party mentions, sorted by end) the scanned
    /// names the parties layer missed that look like people: two words or
    /// more, a title or a gendered first name, and neither an organisation
    /// word nor a shouted headline. A name that ends where a person party's
    /// mention does is there already, as that party. Longest forms are worked out once per form and
    /// gender, as a name recurs all over an article.
    fn add_scanned_persons(&self, persons: &mut Vec<Cand<'a>>) {
        let d = self.doc;
        let known = persons.len();
        // Longest forms by (bare form, gender from a title: none, male, female).
        let mut cache: Vec<[Option<LongestForm<'a>>; 3]> = Vec::new();
        cache.resize_with(self.form_count.len(), Default::default);
        for k in 0..self.names.len() {
            let (first, nf, last) = self.names[k];
            let end = d.tokens[last].end;
            let at = persons[..known].partition_point(|c| c.end < end);
            if persons[..known].get(at).is_some_and(|c| c.end == end) {
                continue;
            }
            let w = self.name_words(k);
            let Some(&lw) = w.last() else { continue };
            let titled = nf > first && (first..nf).any(|x| TITLES.contains(d.tok(x)));
            let own = self.gender_at(d.tokens[nf].start);
            let slot = &mut cache[self.form[k]][Gender::slot(own)];
            let (name, male) = match *slot {
                Some(n) => n,
                None => {
                    let n = self
                        .longest_form_of(w, own)
                        .unwrap_or_else(|| self.name_text(nf, last));
                    let male = own.or_else(|| first_name_gender(n));
                    *slot = Some((n, male));
                    (n, male)
                }
            };
            let personish = (w.len() >= 2 || titled || male.is_some())
                && !words::is_org_word(lw)
                && !is_headline(name);
            if personish {
                let party = self.party_names.get(name).copied();
                persons.push(Cand {
                    start: d.tokens[first].start,
                    end,
                    name,
                    party,
                    gender: male,
                });
            }
        }
    }

    /// The parties the resolver links speakers to.
    pub fn parties(&self) -> &'a [Party] {
        self.parties
    }

    /// The capitalised names scanned in tokens `lo..hi`, as (first,
    /// name_first, last) token indices in text order.
    pub fn names_in(&self, lo: usize, hi: usize) -> &[(usize, usize, usize)] {
        let a = self.names.partition_point(|n| n.0 < lo);
        let b = self.names.partition_point(|n| n.0 < hi);
        &self.names[a..b.max(a)]
    }

    /// The bare words of scanned name `k`.
    fn name_words(&self, k: usize) -> &[&'a str] {
        &self.words[self.word_at[k]..self.word_at[k + 1]]
    }

    fn name_text(&self, first: usize, last: usize) -> &'a str {
        let d = self.doc;
        let (s, e) = (d.tokens[first].start, d.tokens[last].end);
        strip_possessive(&d.text[s..e])
    }

    /// The party that has a mention overlapping bytes `s..e` and shares its
    /// head word `head` (or expands it as an acronym).
    fn party_for(&self, s: usize, e: usize, head: &str, gender: Option<Gender>) -> Option<usize> {
        // (party, mention, overlap): the largest overlap, the first party
        // and mention on ties.
        let mut best: Option<(usize, usize, usize)> = None;
        let d = self.doc;
        if d.tokens.is_empty() {
            return None;
        }
        let t0 = d.token_at(s.saturating_sub(self.longest_mention));
        let t1 = d.token_at(e.saturating_sub(1));
        let hits = (t0..=t1).flat_map(|t| {
            let mut k = self.mention_head[t];
            std::iter::from_fn(move || {
                let at = k?;
                k = self.mention_next[at];
                let id = self.mention_ids[at];
                Some(id)
            })
        });
        for (pi, mi) in hits {
            let p = &self.parties[pi];
            if gender.is_some() && self.party_gender[pi] == gender.map(Gender::other) {
                continue; // "Mr. Obama" is not Michelle Obama
            }
            {
                let m = &p.mentions[mi];
                if m.start < e && s < m.end && m.start <= m.end {
                    let ov = m.end.min(e) - m.start.max(s);
                    let shares = p
                        .name
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(head))
                        || initials(&p.name) == head.replace('.', "")
                        || strip_possessive(m.text.trim_start_matches("the ")) == head;
                    let better =
                        best.is_none_or(|(bp, bm, b)| ov > b || ov == b && (pi, mi) < (bp, bm));
                    if shares && better {
                        best = Some((pi, mi, ov));
                    }
                }
            }
        }
        best.map(|b| b.0)
    }

    /// [`Self::longest_form_of`] for mention `np`, remembered per distinct
    /// form when `np` is exactly a scanned name.
    fn longest_form_memo(&self, np: Np, words: &[&str], gender: Option<Gender>) -> Option<&'a str> {
        let k = self.names.partition_point(|n| n.2 < np.last);
        let scanned = self
            .names
            .get(k)
            .filter(|n| n.2 == np.last && n.1 == np.name_first)
            .map(|_| self.form[k]);
        let Some(f) = scanned else {
            return self.longest_form_of(words, gender);
        };
        let g = Gender::slot(gender);
        if let Some(&Memo::Done(hit)) = self.longest_memo.borrow().get(f).map(|m| &m[g]) {
            return hit;
        }
        let found = self.longest_form_of(words, gender);
        let mut memo = self.longest_memo.borrow_mut();
        if memo.len() <= f {
            memo.resize(self.form_count.len().max(f + 1), [Memo::NotYet; 3]);
        }
        memo[f][g] = Memo::Done(found);
        found
    }

    /// The longest form of a name in the article: the scanned name whose
    /// words end with `words` and has the most words (then the most uses).
    fn longest_form(&self, words: &[&str]) -> Option<&'a str> {
        self.longest_form_of(words, None)
    }

    /// [`Self::longest_form`], skipping forms of the other gender.
    fn longest_form_of(&self, words: &[&str], gender: Option<Gender>) -> Option<&'a str> {
        let last = words.last()?;
        let mut best: Option<(usize, usize, usize)> = None; // (len, count, name index)
        let mut next = self.by_last.get(last).copied();
        while let Some(k) = next {
            next = self.next_same_last[k];
            let w = self.name_words(k);
            if w.len() <= words.len() || !w.ends_with(words) {
                continue;
            }
            if let Some(g) = gender {
                let nf = self.names[k].1;
                let other =
                    first_name_gender(w[0]).or_else(|| self.gender_at(self.doc.tokens[nf].start));
                if other == Some(g.other()) {
                    continue;
                }
            }
            let count = self.form_count[self.form[k]];
            let key = (w.len(), count);
            if best.is_none_or(|(l, c, _)| key > (l, c)) {
                best = Some((w.len(), count, k));
            }
        }
        best.map(|(_, _, k)| self.name_text(self.names[k].1, self.names[k].2))
    }

    /// A named speaker for mention `np`.
    pub fn named(&self, np: Np) -> Speaker {
        let d = self.doc;
        let (s, e) = (d.tokens[np.first].start, d.tokens[np.last].end);
        let (ns, ne) = (d.tokens[np.name_first].start, d.tokens[np.last].end);
        let mut words = Vec::new();
        bare_words(d, np.name_first, np.last, &mut words);
        let head = words.last().copied().unwrap_or("");
        let gender = self.gender_at(ns);
        let party = self.party_for(ns, ne, head, gender);
        if let Some(pi) = party {
            // Trust the parties layer's name when it is a clean name; if it
            // still carries titles or a determiner ("US President Joe
            // Biden", "The IDF"), keep the link but name the speaker here.
            if is_clean_name(&self.parties[pi].name) {
                return Speaker {
                    name: self.parties[pi].name.clone(),
                    start: s,
                    end: e,
                    named: true,
                    party: Some(pi),
                    kind: party_speaker_kind(self.parties[pi].kind),
                };
            }
        }
        let name = if words.len() == 1 && words::acronym(head).is_some() {
            words::acronym(head).unwrap_or(head).to_string()
        } else if words.len() == 1
            && head.chars().count() > 3
            && head.chars().all(|c| c.is_uppercase())
        {
            // A transcript label ("PENCE"): the name as the article spells it.
            let mut cased: String = head.chars().take(1).collect();
            cased.extend(head.chars().skip(1).flat_map(char::to_lowercase));
            // An acronym the article never spells otherwise stays as it is.
            let seen = self.by_last.contains_key(cased.as_str());
            match self.longest_form(&[cased.as_str()]) {
                Some(n) => n.to_string(),
                None if seen => cased,
                None => head.to_string(),
            }
        } else {
            self.longest_form_memo(np, &words, gender)
                .unwrap_or_else(|| self.name_text(np.name_first, np.last))
                .to_string()
        };
        // Else a party named exactly so.
        let party = party.or_else(|| self.party_names.get(name.as_str()).copied());
        let kind = match party {
            Some(pi) => party_speaker_kind(self.parties[pi].kind),
            None if words::acronym(head).is_some() || words::is_org_word(head) => {
                SpeakerKind::Organization
            }
            None => SpeakerKind::Person,
        };
        Speaker {
            name,
            start: s,
            end: e,
            named: true,
            party,
            kind,
        }
    }

    /// An anonymous source: the description is the name.
    pub fn described(&self, np: Np) -> Speaker {
        let d = self.doc;
        let (s, e) = (d.tokens[np.first].start, d.tokens[np.last].end);
        Speaker {
            name: d.text[s..e].to_string(),
            start: s,
            end: e,
            named: false,
            party: None,
            kind: description_kind(d, np.first, np.last),
        }
    }

    /// A pronoun resolved to the nearest compatible party or name before it:
    /// for he/she a person (a party of kind person, or a capitalised name
    /// found here) whose gender, when known from a title or a first name,
    /// agrees; for they/it an organisation or group.
    pub fn pronoun(&self, np: Np, p: Pronoun) -> Speaker {
        self.pronoun_in_context(np, p, None)
    }

    /// [`Self::pronoun`] with the discourse around it: `salient` is the
    /// speaker the article quoted last (in this paragraph or the one before).
    /// He or she is that person when no other person of the same gender
    /// became the subject of a sentence since ("Moreau said the talks could
    /// help Jean Tremblay. “We all need a break,” he said." is Moreau), else
    /// the nearest person in subject position among the nearest few, else the
    /// nearest compatible person.
    pub fn pronoun_in_context(&self, np: Np, p: Pronoun, salient: Option<&Speaker>) -> Speaker {
        let d = self.doc;
        let (s, e) = (d.tokens[np.first].start, d.tokens[np.last].end);
        let unresolved = Speaker {
            name: d.text[s..e].to_string(),
            start: s,
            end: e,
            named: false,
            party: None,
            kind: match p {
                Pronoun::He | Pronoun::She | Pronoun::First => SpeakerKind::Person,
                Pronoun::They | Pronoun::It => SpeakerKind::Anonymous,
            },
        };
        let pick = match p {
            Pronoun::He | Pronoun::She => {
                let g = if p == Pronoun::He {
                    Gender::Male
                } else {
                    Gender::Female
                };
                if let Some(sal) = self.salient_person(s, g, salient) {
                    return Speaker {
                        name: sal.name.clone(),
                        start: s,
                        end: e,
                        named: true,
                        party: sal.party,
                        kind: SpeakerKind::Person,
                    };
                }
                self.person_before(np, s, g)
            }
            Pronoun::They => {
                if let Some(sp) = self.plural_before_groups(np, s, e) {
                    return sp;
                }
                self.group_before(s)
            }
            Pronoun::It => self.group_before(s),
            Pronoun::First => None,
        };
        match pick {
            Some(c) => Speaker {
                name: c.name.to_string(),
                start: s,
                end: e,
                named: true,
                party: c.party,
                kind: match c.party {
                    Some(pi) => party_speaker_kind(self.parties[pi].kind),
                    None if matches!(p, Pronoun::He | Pronoun::She) => SpeakerKind::Person,
                    None => SpeakerKind::Organization,
                },
            },
            None => unresolved,
        }
    }

    /// The salient speaker (the one quoted last) as "he" or "she" at byte
    /// `s`: a named person of that gender (or unknown), unless another
    /// agreeing person is a subject since.
    fn salient_person<'s>(
        &self,
        s: usize,
        g: Gender,
        salient: Option<&'s Speaker>,
    ) -> Option<&'s Speaker> {
        let before = &self.persons[..self.persons.partition_point(|c| c.end <= s)];
        let agrees = |c: &&Cand| c.gender.is_none() || c.gender == Some(g);
        let sal = salient.filter(|x| {
            x.named && x.kind == SpeakerKind::Person && x.end <= s && !is_headline(&x.name) && {
                let gs = x
                    .party
                    .and_then(|pi| self.party_gender.get(pi).copied().flatten());
                gs.or_else(|| first_name_gender(&x.name)) != Some(g.other())
            }
        })?;
        let rival = before
            .iter()
            .rev()
            .take_while(|c| c.start >= sal.end)
            .any(|c| agrees(&c) && c.name != sal.name && self.is_subject(c));
        (!rival).then_some(sal)
    }

    /// The person "he" or "she" at `np` (byte `s`) stands for: an agreeing
    /// subject among the nearest few (this paragraph or the one before),
    /// else an agreeing known gender among them, else the nearest of
    /// unknown gender.
    fn person_before(&self, np: Np, s: usize, g: Gender) -> Option<&Cand<'a>> {
        let d = self.doc;
        let before = &self.persons[..self.persons.partition_point(|c| c.end <= s)];
        let agrees = |c: &&Cand| c.gender.is_none() || c.gender == Some(g);
        let para = d.tokens[np.first].para;
        let subject = before
            .iter()
            .rev()
            .take(4)
            .take_while(|c| d.tokens[d.token_at(c.start)].para + 1 >= para)
            .find(|c| agrees(c) && self.is_subject(c));
        subject.or_else(|| {
            before
                .iter()
                .rev()
                .take(4)
                .find(|c| c.gender == Some(g))
                .or_else(|| {
                    before
                        .iter()
                        .rev()
                        .find(|c| c.gender.is_none() || c.gender == Some(g))
                })
        })
    }

    /// "Officials in Kyiv said … “…,” they said": a plural description
    /// nearer than any group is what "they" at `np` (bytes `s..e`) stands
    /// for.
    fn plural_before_groups(&self, np: Np, s: usize, e: usize) -> Option<Speaker> {
        let d = self.doc;
        let (a, b) = self.plural_before(np.first)?;
        let nearer = self
            .group_before(s)
            .is_none_or(|c| c.end <= d.tokens[b].end);
        nearer.then(|| {
            let (ds, de) = (d.tokens[a].start, d.tokens[b].end);
            Speaker {
                name: d.text[ds..de].to_string(),
                start: s,
                end: e,
                named: false,
                party: None,
                kind: description_kind(d, a, b),
            }
        })
    }

    /// The nearest group or organisation ending before byte `s`.
    fn group_before(&self, s: usize) -> Option<&Cand<'a>> {
        self.groups[..self.groups.partition_point(|c| c.end <= s)].last()
    }

    /// Whether a person mention is the subject of its clause: it opens its
    /// sentence, or a verb follows it ("Moreau said", "Okafor joked").
    fn is_subject(&self, c: &Cand) -> bool {
        let d = self.doc;
        let first = d.token_at(c.start);
        if d.is_sentence_initial(first) {
            return true;
        }
        let mut k = d
            .tokens
            .partition_point(|t| t.end <= c.end.saturating_sub(1))
            + 1;
        while k < d.tokens.len() && d.is_word(k) && ADVERBS.contains(d.tok(k)) {
            k += 1;
        }
        if k >= d.tokens.len() || !d.is_word(k) {
            return false;
        }
        words::is_reporting_verb(d.tok(k)) || is_verb_like(d, k)
    }

    /// The nearest plural description of people before token `i`, within
    /// a short window: "officials", "Israeli officials", "the residents".
    fn plural_before(&self, i: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        let lim = i.saturating_sub(60);
        let mut k = i;
        while k > lim {
            k -= 1;
            let t = d.lower(k);
            let plural = (d.is_lower(k) || d.is_word(k) && d.is_sentence_initial(k))
                && PERSON_NOUNS.contains(t)
                && (t.ends_with('s') && !t.ends_with("ss")
                    || matches!(t, "people" | "police" | "men" | "women" | "staff"));
            if !plural {
                continue;
            }
            let mut a = k;
            while a > lim
                && d.same_para(a - 1, k)
                && (d.is_cap(a - 1) && !is_capital_opener(d.tok(a - 1))
                    || FUNCTION_WORDS.contains(d.lower(a - 1))
                    || d.is_lower(a - 1)
                        && k - a < 3
                        && !words::is_reporting_verb(d.tok(a - 1))
                        && !ends_description(d.tok(a - 1)))
            {
                a -= 1;
            }
            return Some((a, k));
        }
        None
    }

    /// The gender implied by a title right before the name starting at byte `at`.
    fn gender_at(&self, at: usize) -> Option<Gender> {
        let d = self.doc;
        let i = d.tokens.partition_point(|t| t.start < at);
        let mut k = i;
        while k > 0 && i - k < 3 {
            k -= 1;
            if let Some(g) = title_gender(d.tok(k)) {
                return Some(g);
            }
            if !d.is_cap(k) && d.tok(k) != "." {
                break;
            }
        }
        None
    }

    /// The speaker for any mention.
    pub fn speaker(&self, np: Np) -> Speaker {
        match np.kind {
            NpKind::Name => self.named(np),
            NpKind::Descriptor => self.described(np),
            NpKind::Pronoun(p) => self.pronoun(np, p),
        }
    }
}

/// A name of three or more words in capitals only ("CONGRESS HAS
/// INVESTIGATED HIM"): a headline, not a name.
pub fn is_headline(name: &str) -> bool {
    let mut n = 0;
    for w in name.split_whitespace() {
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// Whether the word at `i` looks like a finite verb the lists do not know:
/// lower case, ending in -ed or -s ("barked", "quips"), not a function word
/// or adverb.
pub fn is_verb_like(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) || !doc.is_lower(i) {
        return false;
    }
    let t = doc.tok(i);
    t.len() > 3
        && (t.ends_with("ed") || t.ends_with('s') && !t.ends_with("ss"))
        && !FUNCTION_WORDS.contains(t)
        && !ADVERBS.contains(t)
}

/// The speaker kind of a party: a person, else an organisation (a place that
/// speaks is its government; a group speaks as one).
fn party_speaker_kind(k: PartyKind) -> SpeakerKind {
    match k {
        PartyKind::Person => SpeakerKind::Person,
        PartyKind::Organization | PartyKind::Group | PartyKind::Place => SpeakerKind::Organization,
    }
}

/// The kind of a description `first..=last`, from its head, the first noun
/// that may head a speaker: a document ("a statement from the campaign"), an
/// organisation or group ("the campaign"), else an anonymous source.
pub fn description_kind(doc: &Doc, first: usize, last: usize) -> SpeakerKind {
    for k in first..=last.min(doc.tokens.len().saturating_sub(1)) {
        if !doc.is_word(k) {
            continue;
        }
        let l = doc.lower(k);
        if words::DOCUMENT_NOUNS.contains(l) {
            return SpeakerKind::Document;
        }
        if words::GROUP_NOUNS.contains(l) {
            return SpeakerKind::Organization;
        }
        if PERSON_NOUNS.contains(l) {
            return SpeakerKind::Anonymous;
        }
    }
    SpeakerKind::Anonymous
}

/// Whether a party name is a bare name: it does not open with a determiner
/// or a title word ("The IDF", "US President Joe Biden", "State Antony
/// Blinken"), unless it names an organisation ("State Department").
fn is_clean_name(name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = ws.last() else { return false };
    // A shouted transcript label ("PENCE") is not yet a name.
    if ws.len() == 1
        && last.chars().count() > 4
        && last.chars().all(|c| c.is_uppercase())
        && words::acronym(last).is_none()
    {
        return false;
    }
    if words::is_org_word(last) {
        return true;
    }
    let first_is_det = ws.len() > 1 && words::contains_lower(&FUNCTION_WORDS, ws[0]);
    let has_title = ws.len() > 1
        && ws[..ws.len() - 1]
            .iter()
            .any(|w| TITLES.contains(w) || TITLES.contains(w.trim_end_matches('.')));
    !first_is_det && !has_title
}

/// The gender a name's first word implies.
fn first_name_gender(name: &str) -> Option<Gender> {
    let first = first_word(name)?;
    if words::MALE_NAMES.contains(first) {
        Some(Gender::Male)
    } else if words::FEMALE_NAMES.contains(first) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// `s.split_whitespace().next()`, with ASCII settled byte by byte.
fn first_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if !b.is_ascii() {
        return s.split_whitespace().next();
    }
    // ASCII whitespace as `char::is_whitespace` has it: \t \n \x0B \x0C \r and space.
    let space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let start = b.iter().position(|c| !space(c))?;
    let end = b[start..]
        .iter()
        .position(space)
        .map_or(b.len(), |e| start + e);
    Some(&s[start..end])
}

/// The initials of a multi-word name: "Israel Defense Forces" → "IDF".
fn initials(name: &str) -> String {
    let ws: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if ws.len() < 2 {
        return String::new();
    }
    ws.iter().filter_map(|w| w.chars().next()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_canonical() {
        let t = "Secretary of State Antony Blinken spoke. Later Blinken said so.";
        let d = Doc::new(t);
        let r = Resolver::new(&d, &[]);
        let i = d
            .tokens
            .iter()
            .rposition(|x| x.text(t) == "Blinken")
            .unwrap();
        let s = r.named(Np {
            first: i,
            last: i,
            name_first: i,
            kind: NpKind::Name,
        });
        assert_eq!(s.name, "Antony Blinken");
        // Negative: an organisation's words are not stripped as titles.
        let t = "The State Department said it.";
        let d = Doc::new(t);
        let r = Resolver::new(&d, &[]);
        let s = r.named(Np {
            first: 1,
            last: 2,
            name_first: strip_titles(&d, 1, 2),
            kind: NpKind::Name,
        });
        assert_eq!(s.name, "State Department");
    }

    #[test]
    fn pronouns_resolve_to_nearest_person() {
        let t = "Jane Doe met Mr. John Smith. She said so.";
        let d = Doc::new(t);
        let r = Resolver::new(&d, &[]);
        let i = d.tokens.iter().position(|x| x.text(t) == "She").unwrap();
        let s = r.pronoun(
            Np {
                first: i,
                last: i,
                name_first: i,
                kind: NpKind::Pronoun(Pronoun::She),
            },
            Pronoun::She,
        );
        assert_eq!(s.name, "Jane Doe");
        assert_eq!(&t[s.start..s.end], "She");
        // Negative: no person before the pronoun leaves it unresolved.
        let t = "He said so.";
        let d = Doc::new(t);
        let r = Resolver::new(&d, &[]);
        let s = r.pronoun(
            Np {
                first: 0,
                last: 0,
                name_first: 0,
                kind: NpKind::Pronoun(Pronoun::He),
            },
            Pronoun::He,
        );
        assert!(!s.named);
    }
}
