//! Detection: finds the spans that name parties, without a model.
//!
//! One left-to-right pass gathers *runs* of capitalised words on a line
//! (lexicon entries, titles, plain capitalised words, and the connectors
//! "of"/"for"/name particles that may sit inside a name), then splits each
//! run into *candidates*:
//! - a sentence-initial word is a name only with evidence (a lexicon entry,
//!   the same word capitalised mid-sentence elsewhere, a given name, more
//!   capitalised words after it), never a common word ("The", "He");
//! - titles ("Prime Minister", "Dr.") split a run and are not part of names;
//! - a run ending in an organisation or place cue ("... Forces", "... City")
//!   or built on "University of ..." is one name of that kind;
//! - a run ending in a number word ("Air Force One") is a vehicle or event;
//! - months, days and holidays are names only after a given name or title
//!   ("Theresa May", not "in May");
//! - "Israel-Hamas" is two parties when both halves are known names;
//! - lines in title case (headlines) yield only names known from the lexicons
//!   or from the body; the caller filters those ([`Cand::strict`]).

use super::context::Ctx;
use super::lex::{s, Entry};
use super::Rule;
use crate::lexicon::Class;
use crate::report::PartyKind;

/// Where a candidate's kind comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Src {
    /// A lexicon entry (kind and canonical name known).
    Lex,
    /// A cue word ("Party", "City") or a lexicon name followed by more words.
    Cue,
    /// Plain capitalised words: kind from context.
    Unknown,
    /// A name the tagger found: its kind is a vote, and the party takes the
    /// kind most of its tagged mentions have.
    Tagged,
}

/// A span of tokens that names a party.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Token range `a..b`.
    pub a: usize,
    pub b: usize,
    /// Canonical name (lexicon) or the surface without possessive.
    pub name: String,
    pub kind: Option<PartyKind>,
    pub src: Src,
    /// Starts with a given name, or follows a title.
    pub person_hint: bool,
    /// Comes from a headline line: keep only if the name is known.
    pub strict: bool,
    /// A place named inside a longer name ("Texas" in "University of Texas").
    pub nested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum It {
    Lex(Entry),
    Title,
    Cap,
    Conn,
    Weak,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    a: usize,
    b: usize,
    it: It,
}

/// Finds the candidate names in `c`'s document, in text order.
pub fn detect(c: &mut Ctx) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = c.n();
    let mut i = 0;
    while i < n {
        if let Some(cand) = dateline_at(c, i) {
            c.note(cand.a, cand.b, Rule::Dateline);
            // The story opens after the dateline's dash: its first word is
            // sentence-initial ("- Stocks fell").
            let para = c.doc.tokens[i].para;
            let dash = (cand.b..n.min(cand.b + 12))
                .take_while(|&k| c.doc.tokens[k].para == para)
                .find(|&k| matches!(c.tok(k), "—" | "–" | "-") && c.doc.tokens[k].space_before);
            if let Some(k) = dash.map(|d| d + 1).filter(|&k| k < n && c.is_word(k)) {
                c.initial[k] = true;
            }
            i = cand.b;
            out.push(cand);
            continue;
        }
        let Some(mut run) = collect_run(c, i) else {
            i += 1;
            continue;
        };
        absorb_title_of(&mut run);
        let end = run.last().map_or(i + 1, |x| x.b).max(i + 1);
        for x in &run {
            if x.it == It::Title {
                for t in x.a..x.b {
                    c.title_tok[t] = true;
                }
            }
        }
        process_run(c, run, &mut out);
        i = end;
    }
    out
}

/// "NEW YORK (Reuters) -", "LOS ANGELES (AP) —", "NEW YORK, Jan 5": words
/// in capitals opening a paragraph, then an agency in brackets, a comma and
/// a capitalised word or number, or a dash, are a dateline's place, read
/// before the name runs (whose rules would take "NEW" for a common word in
/// capitals). One word alone counts before an agency only.
fn dateline_at(c: &Ctx, i: usize) -> Option<Cand> {
    let t = &c.doc.tokens;
    if c.doc.paragraphs[t[i].para].start != i {
        return None;
    }
    let caps = |k: usize| {
        k < c.n()
            && c.is_word(k)
            && c.is_allcaps(k)
            && t[k].para == t[i].para
            && c.tok(k).len() >= 2
    };
    let mut b = i;
    while caps(b) && b - i < 4 {
        b += 1;
    }
    if b == i || b + 1 >= c.n() || t[b].para != t[i].para {
        return None;
    }
    let next = c.tok(b + 1);
    let agency = c.tok(b) == "("
        && b + 2 < c.n()
        && c.tok(b + 2) == ")"
        && next.chars().next().is_some_and(char::is_uppercase);
    let comma = c.tok(b) == ","
        && (next.chars().next().is_some_and(char::is_uppercase)
            || t[b + 1].kind == crate::text::TokenKind::Number);
    let dash = matches!(c.tok(b), "—" | "–" | "-") && t[b].space_before && !caps_follow(c, b);
    if !(agency || (b - i >= 2 && (comma || dash))) {
        return None;
    }
    Some(dateline_place(c, i, b))
}

/// The line goes on in capitals after token `k` ("RUGBY UNION - CUTTITTA
/// BACK FOR ITALY"): a headline or a section slug, whose opening words are
/// no dateline (the story after a dateline is written in sentence case).
fn caps_follow(c: &Ctx, k: usize) -> bool {
    let para = c.doc.tokens[k].para;
    let words: Vec<usize> = (k + 1..c.n())
        .take_while(|&j| c.doc.tokens[j].para == para)
        .filter(|&j| c.is_word(j) && c.tok(j).chars().count() >= 2)
        .take(4)
        .collect();
    !words.is_empty() && words.iter().filter(|&&j| c.is_allcaps(j)).count() * 2 > words.len()
}

/// A dateline's place: the words in capitals `a..b`, named in title case
/// ("NEW YORK" → "New York").
fn dateline_place(c: &Ctx, a: usize, b: usize) -> Cand {
    let mut name = String::new();
    for (k, ch) in c.surface(a, b).chars().enumerate() {
        if k == 0 || name.ends_with(' ') {
            name.push(ch);
        } else {
            name.extend(ch.to_lowercase());
        }
    }
    Cand {
        a,
        b,
        name,
        kind: Some(PartyKind::Place),
        src: Src::Cue,
        person_hint: false,
        strict: false,
        nested: false,
    }
}

/// Gathers the run of name items starting at token `i`, if one starts there.
fn collect_run(c: &Ctx, i: usize) -> Option<Vec<Item>> {
    let first = item_at(c, i, &[])?;
    if matches!(first.it, It::Conn) {
        return None;
    }
    let mut run = vec![first];
    let para = c.doc.tokens[i].para;
    loop {
        let last = *run.last().unwrap_or(&first);
        let j = last.b;
        if j >= c.n() || c.doc.tokens[j].para != para || c.poss(j - 1) {
            break;
        }
        // Hyphen between two known names: "Israel-Hamas" stops the run.
        if c.tok(j) == "-" {
            break;
        }
        let Some(next) = item_at(c, j, &run) else {
            break;
        };
        run.push(next);
    }
    while run.last().is_some_and(|x| x.it == It::Conn) {
        run.pop();
    }
    Some(run)
}

/// The name item at token `j`, given the run so far: a lower-case
/// connector or lexicon entry, a lexicon entry, or a capitalised word.
fn item_at(c: &Ctx, j: usize, run: &[Item]) -> Option<Item> {
    if !c.is_word(j) {
        return None;
    }
    if !c.is_cap(j) {
        return lower_item(c, j, run);
    }
    lexicon_item(c, j, run).or_else(|| cap_item(c, j, run))
}

/// A lower-case word inside a name: a lexicon entry before a hyphen
/// ("al-Qaeda"), a particle ("bin"), or "of"/"for"/"the" joining a cue
/// name to its capitalised rest ("University of the West").
fn lower_item(c: &Ctx, j: usize, run: &[Item]) -> Option<Item> {
    let w = c.tok(j);
    // A lexicon entry may start lower-case before a hyphen: "al-Qaeda".
    if c.glued(j + 1) && c.tok(j + 1) == "-" {
        if let Some((b, e)) = c.lookup(j) {
            if e != Entry::Title {
                return Some(Item {
                    a: j,
                    b,
                    it: It::Lex(e),
                });
            }
        }
    }
    let the_cap =
        matches!(w, "of" | "for") && j + 2 < c.n() && c.tok(j + 1) == "the" && c.is_cap(j + 2);
    if run.is_empty()
        || !(c.is_cap(j + 1) || the_cap)
        || c.doc.tokens.get(j + 1).map(|t| t.para) != c.doc.tokens.get(j).map(|t| t.para)
    {
        // "of the Welfare": "the" after a connector.
        if !(w == "the" && run.last().is_some_and(|x| x.it == It::Conn) && c.is_cap(j + 1)) {
            return None;
        }
    }
    let prev = run.last()?;
    if Class::NameParticle.contains(w) && matches!(prev.it, It::Cap) {
        return Some(Item {
            a: j,
            b: j + 1,
            it: It::Conn,
        });
    }
    if w == "the" && prev.it == It::Conn {
        return Some(Item {
            a: j,
            b: j + 1,
            it: It::Conn,
        });
    }
    let joins = matches!(w, "of" | "for")
        && (run.iter().any(|x| is_prefix_cue(c, x)) || prev.it == It::Title)
        && (c.is_cap(j + 1) || the_cap);
    joins.then_some(Item {
        a: j,
        b: j + 1,
        it: It::Conn,
    })
}

/// A capitalised word that opens a lexicon entry (a title, a place, an
/// organisation…), or a known place or organisation in capitals.
fn lexicon_item(c: &Ctx, j: usize, run: &[Item]) -> Option<Item> {
    if let Some((b, e)) = c.lookup(j) {
        let it = if e == Entry::Title {
            It::Title
        } else {
            It::Lex(e)
        };
        // "Martin Luther King": a rank after a given name's run is a surname.
        let surname = e == Entry::Title
            && b == j + 1
            && run
                .first()
                .is_some_and(|f| f.it == It::Cap && c.has_base(f.a, s::GIVEN))
            && run.last().is_some_and(|l| l.it == It::Cap)
            && c.has_base(j, s::RANK_SURNAME);
        let it = if surname { It::Cap } else { it };
        return Some(Item { a: j, b, it });
    }
    // "WASHINGTON (Reuters)": a known name in capitals.
    if c.is_allcaps(j) && c.base(j).chars().count() >= 4 {
        let w = c.base(j);
        let mut t = String::with_capacity(w.len());
        for (k, ch) in w.chars().enumerate() {
            if k == 0 {
                t.push(ch);
            } else {
                t.extend(ch.to_lowercase());
            }
        }
        if let Some(e) = c
            .lex
            .get(&t)
            .filter(|e| matches!(e, Entry::Place(_) | Entry::Org(_)))
        {
            return Some(Item {
                a: j,
                b: j + 1,
                it: It::Lex(e),
            });
        }
    }
    None
}

/// Any other capitalised word: none if it is a contraction, a common word
/// in capitals or inside a run, a label, a letter before a hyphen or a
/// common acronym; a weak word (a month, a day); else the word, through
/// hyphens to further capitalised parts and an initial's period.
fn cap_item(c: &Ctx, j: usize, run: &[Item]) -> Option<Item> {
    let w = c.tok(j);
    let next = if j + 1 < c.n() { c.tok(j + 1) } else { "" };
    // "I’ll", "I've": contractions.
    if let Some(k) = w.rfind(|ch: char| crate::text::is_apostrophe(ch)) {
        let tail = &w[k..].trim_start_matches(|ch: char| crate::text::is_apostrophe(ch));
        if matches!(*tail, "ll" | "m" | "ve" | "d" | "re" | "t") {
            return None;
        }
    }
    // "UNLESS": a common word in capitals for emphasis.
    if c.is_allcaps(j) && c.has_lower_base(j, s::STOP) {
        return None;
    }
    // "Air Force One": a number word ends a name (and voids it, below).
    if !run.is_empty() && c.has_base(j, s::NUMBER) {
        return Some(Item {
            a: j,
            b: j + 1,
            it: It::Cap,
        });
    }
    let common = !c.is_allcaps(j) && c.has_lower_base(j, s::STOP) && !c.has_base(j, s::WEAK);
    // "Image:" labels, "T-shirt" letters, and common words inside a run
    // ("U.S. The ...") end a run.
    let label = next == ":" && (common || c.has_lower_base(j, s::STARTER));
    if label || common && !run.is_empty() {
        return None;
    }
    if c.base(j).chars().count() == 1 && next == "-" && c.glued(j + 1) {
        return None;
    }
    if c.is_allcaps(j) && c.has_base(j, s::ACRO_STOP) {
        return None;
    }
    if c.has_base(j, s::WEAK) {
        return Some(Item {
            a: j,
            b: j + 1,
            it: It::Weak,
        });
    }
    // A capitalised word, through hyphens to further capitalised parts
    // ("Shin-Wook", "Make-A-Wish"), and an initial's period ("W.").
    let mut b = j + 1;
    while !c.poss(b - 1)
        && b + 1 < c.n()
        && c.tok(b) == "-"
        && c.glued(b)
        && c.glued(b + 1)
        && c.is_cap(b + 1)
    {
        b += 2;
    }
    if b < c.n()
        && c.tok(b) == "."
        && c.glued(b)
        && c.base(j).chars().count() == 1
        && c.is_cap(b + 1)
    {
        b += 1;
    }
    Some(Item {
        a: j,
        b,
        it: It::Cap,
    })
}

/// A capitalised word that opens an "X of Y" name: "University", "Gulf".
fn is_prefix_cue(c: &Ctx, x: &Item) -> bool {
    if !matches!(x.it, It::Cap | It::Title | It::Lex(Entry::Org(_))) {
        return false;
    }
    c.has_base(x.b - 1, s::ORG_PREFIX | s::PLACE_PREFIX | s::ORG_SUFFIX)
}

/// "Minister of Education Stefania Giannini": the of-phrase belongs to the
/// title.
fn absorb_title_of(run: &mut [Item]) {
    let mut k = 0;
    while k + 2 < run.len() {
        if run[k].it == It::Title && run[k + 1].it == It::Conn && run[k + 2].it == It::Cap {
            run[k + 1].it = It::Title;
            run[k + 2].it = It::Title;
        }
        k += 1;
    }
}

/// Whether the sentence-initial word at `i` is a name.
fn initial_is_name(c: &Ctx, i: usize, more: bool) -> bool {
    let w = c.base(i);
    if c.has_lower_base(i, s::STOP | s::STARTER) {
        return false;
    }
    if c.seen_mid(w) {
        return true;
    }
    if c.seen_lower(w) {
        return false;
    }
    // "Zelenskiy said": a name before a reporting verb.
    let next = if i + 1 < c.n() { c.tok(i + 1) } else { "" };
    if !more && !w.ends_with('s') && Class::ReportingVerb.contains(next) {
        return true;
    }
    // "Leaving the group, ...", "Reportedly": inflected common words.
    if !more && !c.is_allcaps(i) && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly")) {
        return false;
    }
    c.has_base(i, s::GIVEN) || more || c.is_allcaps(i)
}

fn kind_of_entry(e: Entry) -> Option<PartyKind> {
    match e {
        Entry::Place(_) | Entry::Demonym(Some(_)) => Some(PartyKind::Place),
        Entry::Org(_) => Some(PartyKind::Organization),
        Entry::People => Some(PartyKind::Group),
        Entry::Demonym(None) | Entry::Title => None,
    }
}

/// Splits a run into candidates: the rules below, in order; the first that
/// takes the run ends it. Token ranges the rules know are no party are
/// vetoed for the tagger ([`Ctx::veto_span`]).
fn process_run(c: &Ctx, mut run: Vec<Item>, out: &mut Vec<Cand>) {
    let strict = c.headline[c.doc.tokens[run[0].a].para] || c.titled_span[run[0].a];
    let first = run[0].a;
    // Before trim_start, which would take "NEW" of "NEW YORK (Reuters) -"
    // for a sentence-initial common word.
    if dateline(c, &run, out) {
        c.note(first, run[run.len() - 1].b, Rule::Dateline);
        return;
    }
    trim_start(c, &mut run);
    if let Some(x) = run.first().filter(|x| x.a > first) {
        c.note(first, x.a, Rule::SentenceInitial);
    }
    if run.is_empty() {
        return;
    }
    let span = (run[0].a, run[run.len() - 1].b);
    let rule = if product_or_law(c, &run) {
        Some(Rule::ProductOrLaw)
    } else if event_name(c, &run, out) {
        Some(Rule::EventName)
    } else if language(c, &run) {
        Some(Rule::Language)
    } else {
        None
    };
    if let Some(rule) = rule {
        c.note(span.0, span.1, rule);
        return;
    }
    let Some(run) = person_after_cue(c, run, strict, out) else {
        c.note(span.0, span.1, Rule::PersonAfterCue);
        return;
    };
    if cue_name(c, &run, strict, out) {
        c.note(span.0, span.1, Rule::CueName);
        return;
    }
    for (items, titled) in split_at_titles(c, run) {
        let seg = Segment {
            items: &items,
            titled,
            strict,
        };
        split_segment(c, &seg, out);
    }
}

/// A sentence-initial common word is not part of a name; nor is "The" of
/// "The Huffington Post", or a common word after an abbreviation's period
/// ("Sr. Later Byrd").
fn trim_start(c: &Ctx, run: &mut Vec<Item>) {
    // A sentence-initial common word is not part of a name.
    if c.initial[run[0].a] {
        match run[0].it {
            It::Cap
                if !initial_is_name(c, run[0].a, run.iter().skip(1).any(|x| x.it == It::Cap)) =>
            {
                if c.has_lower_base(run[0].a, s::STOP | s::STARTER) {
                    c.veto_span(run[0].a, run[0].b);
                }
                run.remove(0);
            }
            It::Weak => {
                run.remove(0);
            }
            _ => {}
        }
        while run.first().is_some_and(|x| x.it == It::Conn) {
            run.remove(0);
        }
    }
    while run.len() > 1
        && run[0].it == It::Cap
        && (matches!(c.tok(run[0].a), "The" | "A" | "An")
            || c.has_lower_base(run[0].a, s::STOP) && !c.has_base(run[0].a, s::GIVEN))
    {
        run.remove(0);
    }
}

/// "NEWPORT NEWS, Va. —": a dateline in capitals names a place.
fn dateline(c: &Ctx, run: &[Item], out: &mut Vec<Cand>) -> bool {
    let last = *run.last().unwrap_or(&run[0]);
    let para_start = c.doc.tokens[run[0].a].para != c.doc.tokens[run[0].a.saturating_sub(1)].para
        || run[0].a == 0;
    let after = if c.doc.same_para(last.b, run[0].a) {
        c.tok(last.b)
    } else {
        ""
    };
    if para_start
        && run.iter().all(|x| x.it == It::Cap && c.is_allcaps(x.a))
        && matches!(after, "," | "(" | "—" | "–" | "-")
        && !caps_follow(c, last.b)
        && run.len() >= 2
    {
        out.push(dateline_place(c, run[0].a, last.b));
        return true;
    }
    false
}

/// "Air Force One", "Clean Air Act", "Internet Explorer 6": vehicles, laws,
/// events and products, not parties (and, but for a versioned product,
/// no party for the tagger either).
fn product_or_law(c: &Ctx, run: &[Item]) -> bool {
    let last = *run.last().unwrap_or(&run[0]);
    let lw = c.base(last.b - 1);
    let versioned = last.b < c.n()
        && c.doc.tokens[last.b].kind == crate::text::TokenKind::Number
        && c.doc.tokens[last.b].space_before
        && run.iter().all(|x| x.it == It::Cap);
    let named = run.len() >= 2 && (c.lex.has(s::NUMBER, lw) || versioned);
    // A result line ("Aston Villa 2 Chelsea 1", "Leeds United 3, ...")
    // looks versioned too, but names its teams: no veto there.
    let score = versioned && {
        let k = last.b + 1;
        k < c.n() && (c.is_cap(k) || matches!(c.tok(k), "," | "-" | "–" | ":" | "("))
    };
    // Only a number word vetoes the tagger's name ("Air Force One"): a
    // number after a name is as often a result ("Ian Woosnam 70 76") as a
    // version ("Internet Explorer 6"), which the tagger tells apart
    // (CoNLL dev +1.5 points of typed F1).
    if named && !score && c.lex.has(s::NUMBER, lw) {
        c.veto_span(run[0].a, last.b);
    }
    named
}

/// "Google Science Fair": an event, but the organisation or place inside
/// its name is still named.
fn event_name(c: &Ctx, run: &[Item], out: &mut Vec<Cand>) -> bool {
    let last = *run.last().unwrap_or(&run[0]);
    let lw = c.base(last.b - 1);
    if last.it == It::Cap && c.lex.has(s::EVENT_SUFFIX, lw) {
        push_nested(run, true, out);
        return true;
    }
    false
}

/// "in English": a language.
fn language(c: &Ctx, run: &[Item]) -> bool {
    let last = *run.last().unwrap_or(&run[0]);
    run.len() == 1
        && matches!(last.it, It::Lex(Entry::Demonym(_)))
        && run[0].a > 0
        && matches!(
            c.tok(run[0].a - 1),
            "in" | "speak" | "speaks" | "spoke" | "spoken" | "speaking"
        )
        && !c.is_cap(last.b)
}

/// "Refugee Council Enver Solomon": a name with a cue word, then two or
/// three plain capitalised words right after it, is a name and a person.
/// Gives the run back when the rule does not take it.
fn person_after_cue(
    c: &Ctx,
    mut run: Vec<Item>,
    strict: bool,
    out: &mut Vec<Cand>,
) -> Option<Vec<Item>> {
    if run.len() >= 4 && !strict {
        let mut t = run.len();
        while t > 0
            && run[t - 1].it == It::Cap
            && !c.has_base(run[t - 1].a, s::ORG_SUFFIX)
            && !c.has_base(run[t - 1].a, s::PLACE_SUFFIX)
        {
            t -= 1;
        }
        let trailing = run.len() - t;
        if (2..=3).contains(&trailing) && t >= 2 {
            let p = run[t - 1];
            let cue_before = p.it == It::Cap && c.has_base(p.a, s::ORG_SUFFIX)
                || matches!(p.it, It::Lex(Entry::Place(_)));
            if cue_before
                && run[..t]
                    .iter()
                    .any(|x| x.it == It::Cap && c.has_base(x.a, s::ORG_SUFFIX))
            {
                let tail = run.split_off(t);
                process_run(c, run, out);
                let (ta, tb) = (tail[0].a, tail[tail.len() - 1].b);
                out.push(Cand {
                    a: ta,
                    b: tb,
                    name: c.surface(ta, tb),
                    kind: None,
                    src: Src::Unknown,
                    person_hint: true,
                    strict,
                    nested: false,
                });
                return None;
            }
        }
    }
    Some(run)
}

/// A name ending in a cue word ("Likud Party", "Gaza City"), built on "X of
/// Y", "North Korea", "Lake Geneva", "University College London": one name
/// of the kind the cue says.
fn cue_name(c: &Ctx, run: &[Item], strict: bool, out: &mut Vec<Cand>) -> bool {
    let last = *run.last().unwrap_or(&run[0]);
    let (a, b) = (run[0].a, last.b);
    let has_of = run
        .iter()
        .any(|x| x.it == It::Conn && matches!(c.tok(x.a), "of" | "for"))
        && run.iter().any(|x| x.it != It::Title && is_prefix_cue(c, x));
    let has_person = run
        .windows(2)
        .any(|w| w[0].it == It::Title && w[1].it == It::Cap);
    if run.len() >= 2 && !has_person && !strict {
        let lw = c.base(last.b - 1);
        let before_last = run
            .len()
            .checked_sub(2)
            .map(|k| c.base(run[k].b - 1))
            .unwrap_or("");
        let lex_org_after_names = matches!(last.it, It::Lex(Entry::Org(_)))
            && run[..run.len() - 1]
                .iter()
                .all(|x| matches!(x.it, It::Cap | It::Lex(Entry::Place(_) | Entry::Demonym(_))));
        let cue_kind = if last.it == It::Cap && c.lex.has(s::ORG_SUFFIX, lw) || lex_org_after_names
        {
            Some(PartyKind::Organization)
        } else if last.it == It::Cap && c.lex.has(s::PLACE_SUFFIX, lw) {
            // "Irving Independent School District" is an organisation.
            Some(
                if lw == "District" && c.lex.has(s::ORG_SUFFIX, before_last) {
                    PartyKind::Organization
                } else {
                    PartyKind::Place
                },
            )
        } else if has_of {
            let fw = run
                .iter()
                .find(|x| is_prefix_cue(c, x))
                .map_or("", |x| c.base(x.a));
            Some(if c.lex.has(s::PLACE_PREFIX, fw) {
                PartyKind::Place
            } else {
                PartyKind::Organization
            })
        } else if run.len() == 2
            && run[0].it == It::Cap
            && (c.has_base(run[0].a, s::COMPASS) && matches!(run[1].it, It::Lex(Entry::Place(_)))
                || c.has_base(run[0].a, s::PLACE_PREFIX) && !c.lex.has(s::ORG_SUFFIX, lw))
        {
            // "North Korea"; "Lake Geneva" but not "Lake Holdings".
            Some(PartyKind::Place)
        } else if run[0].it == It::Cap
            && c.has_base(run[0].a, s::ORG_PREFIX)
            && !c.has_base(run[1].a, s::GIVEN)
        {
            // "Instituto Gonzaga", "University College London".
            Some(PartyKind::Organization)
        } else {
            None
        };
        if let Some(k) = cue_kind {
            let a = run
                .iter()
                .find(|x| !matches!(x.it, It::Title | It::Conn))
                .map_or(a, |x| x.a);
            push_nested(run, false, out);
            out.push(Cand {
                a,
                b,
                name: c.surface(a, b),
                kind: Some(k),
                src: Src::Cue,
                person_hint: false,
                strict,
                nested: false,
            });
            return true;
        }
    }
    false
}

/// Splits a run at titles (each part remembers whether a title came before
/// it); months and the like survive only after a name or title.
fn split_at_titles(c: &Ctx, run: Vec<Item>) -> Vec<(Vec<Item>, bool)> {
    let a = run[0].a;
    let mut segs: Vec<(Vec<Item>, bool)> = Vec::new(); // (items, after a title)
    let mut cur: Vec<Item> = Vec::new();
    let mut after_title = title_context_before(c, a);
    let mut seg_after_title = after_title;
    for x in run {
        match x.it {
            It::Title => {
                if !cur.is_empty() {
                    segs.push((std::mem::take(&mut cur), seg_after_title));
                }
                after_title = true;
                seg_after_title = true;
            }
            It::Weak => {
                let after_name = cur
                    .last()
                    .is_some_and(|p| p.it == It::Cap && c.has_base(p.a, s::GIVEN));
                let next_num = c
                    .doc
                    .tokens
                    .get(x.b)
                    .is_some_and(|t| t.kind == crate::text::TokenKind::Number);
                if (after_name || cur.is_empty() && after_title) && !next_num {
                    cur.push(Item { it: It::Cap, ..x });
                } else {
                    c.veto_span(x.a, x.b);
                    if !cur.is_empty() {
                        segs.push((std::mem::take(&mut cur), seg_after_title));
                        seg_after_title = false;
                    }
                }
                after_title = false;
            }
            _ => {
                if cur.is_empty() {
                    seg_after_title = after_title;
                }
                cur.push(x);
                after_title = false;
            }
        }
    }
    if !cur.is_empty() {
        segs.push((cur, seg_after_title));
    }
    segs
}

/// The run at `a` follows "Ambassador to (the)" / "President of": a place
/// there stands alone ("... to the United States Hamdullah Mohib").
fn title_context_before(c: &Ctx, a: usize) -> bool {
    let mut k = a;
    for _ in 0..3 {
        if k == 0 {
            return false;
        }
        k -= 1;
        let w = c.tok(k);
        if c.title_tok[k] || c.has_lower_tok(k, s::TITLE_LOWER | s::ROLE_HEAD) {
            return k + 1 < a;
        }
        if !matches!(w, "the" | "to" | "of" | "for" | "in") {
            return false;
        }
    }
    false
}

/// Places named inside a longer name, as nested candidates.
fn push_nested(run: &[Item], orgs: bool, out: &mut Vec<Cand>) {
    for x in run {
        let (name, kind) = match x.it {
            It::Lex(Entry::Place(p)) => (p, PartyKind::Place),
            It::Lex(Entry::Org(p)) if orgs => (p, PartyKind::Organization),
            _ => continue,
        };
        out.push(Cand {
            a: x.a,
            b: x.b,
            name: name.to_string(),
            kind: Some(kind),
            src: Src::Lex,
            person_hint: false,
            strict: false,
            nested: true,
        });
    }
}

/// A title-free stretch of a run ([`split_at_titles`]), which
/// [`split_segment`] reads into names.
struct Segment<'s> {
    items: &'s [Item],
    /// A title stands before it ("Prime Minister Benjamin Netanyahu").
    titled: bool,
    /// Its line is a headline or a title-case stretch, where capitals tell
    /// little: no names are joined on their evidence alone.
    strict: bool,
}

/// Splits a title-free segment into names.
fn split_segment(c: &Ctx, seg: &Segment, out: &mut Vec<Cand>) {
    let mut k = 0;
    while k < seg.items.len() {
        k = match seg.items[k].it {
            It::Lex(e) => lex_candidates(c, seg, k, e, out),
            It::Cap => cap_candidates(c, seg, k, out),
            _ => k + 1,
        };
    }
}

/// The end of the capitalised words and connectors after `seg[k]`.
fn words_end(seg: &[Item], k: usize) -> usize {
    let mut m = k + 1;
    while m < seg.len() && matches!(seg[m].it, It::Cap | It::Conn) {
        m += 1;
    }
    m
}

/// The candidates of a segment starting with the lexicon entry `seg[k]`;
/// returns where the next one starts.
fn lex_candidates(c: &Ctx, seg: &Segment, k: usize, e: Entry, out: &mut Vec<Cand>) -> usize {
    if place_then_org(c, seg, k, e, out) {
        return k + 2;
    }
    // A known name followed by more capitalised words is usually
    // one longer name ("Los Angeles Lakers", "Afghan Girls"),
    // unless a given name starts them or a title precedes.
    let m = words_end(seg.items, k);
    let follows = m > k + 1 && seg.items[k + 1].it == It::Cap;
    if follows && given_name_first(c, seg, k, m, out) {
        return m;
    }
    if follows && longer_name(c, seg, k, m, e, out) {
        return m;
    }
    lone_entry(c, seg.items[k], e, out);
    k + 1
}

/// "U.S. Environmental Protection Agency", "UK Home Office": a place
/// entry glued to the organisation entry after it names the organisation
/// (the place nested). Whether it took `seg[k]` and `seg[k + 1]`.
fn place_then_org(c: &Ctx, seg: &Segment, k: usize, e: Entry, out: &mut Vec<Cand>) -> bool {
    let items = seg.items;
    let x = items[k];
    if !matches!(e, Entry::Place(_))
        || seg.strict
        || seg.titled
        || k + 1 >= items.len()
        || x.b != items[k + 1].a
    {
        return false;
    }
    let It::Lex(Entry::Org(_)) = items[k + 1].it else {
        return false;
    };
    let b = items[k + 1].b;
    push_nested(&items[k..k + 1], false, out);
    out.push(Cand {
        a: x.a,
        b,
        name: c.surface(x.a, b),
        kind: Some(PartyKind::Organization),
        src: Src::Cue,
        person_hint: false,
        strict: seg.strict,
        nested: false,
    });
    true
}

/// "Jordan Henderson", "Victoria Beckham": an entry of one word that is
/// also a given name, before capitalised words `k + 1..m`, starts a
/// person's name. Whether it took `seg[k..m]`.
fn given_name_first(c: &Ctx, seg: &Segment, k: usize, m: usize, out: &mut Vec<Cand>) -> bool {
    let x = seg.items[k];
    if seg.strict || x.b - x.a != 1 || !c.lex.is_given(&c.surface(x.a, x.b)) {
        return false;
    }
    let b = seg.items[m - 1].b;
    out.push(Cand {
        a: x.a,
        b,
        name: c.surface(x.a, b),
        kind: Some(PartyKind::Person),
        src: Src::Unknown,
        person_hint: true,
        strict: seg.strict,
        nested: false,
    });
    true
}

/// An entry and the capitalised words `k + 1..m` after it as one longer
/// name, an organisation's unless the entry is a demonym with no country
/// ("Afghan Girls"); not after a title, nor before a given name. Whether
/// it took `seg[k..m]`.
fn longer_name(c: &Ctx, seg: &Segment, k: usize, m: usize, e: Entry, out: &mut Vec<Cand>) -> bool {
    let x = seg.items[k];
    let next_given = c.has_base(seg.items[k + 1].a, s::GIVEN);
    let after_title =
        matches!(e, Entry::Title) || seg.titled || k == 0 && title_context_before(c, x.a);
    if next_given || seg.strict || after_title {
        return false;
    }
    let b = seg.items[m - 1].b;
    push_nested(&seg.items[k..m], true, out);
    let kind = if matches!(e, Entry::Demonym(None)) {
        None
    } else {
        Some(PartyKind::Organization)
    };
    out.push(Cand {
        a: x.a,
        b,
        name: c.surface(x.a, b),
        kind,
        src: Src::Cue,
        person_hint: false,
        strict: seg.strict,
        nested: false,
    });
    true
}

/// The entry `x` alone, named as the lexicon spells it, if its kind is
/// one of a party.
fn lone_entry(c: &Ctx, x: Item, e: Entry, out: &mut Vec<Cand>) {
    let name = match e {
        Entry::Place(p) | Entry::Org(p) | Entry::Demonym(Some(p)) => p.to_string(),
        _ => c.surface(x.a, x.b),
    };
    if let Some(kind) = kind_of_entry(e) {
        out.push(Cand {
            a: x.a,
            b: x.b,
            name,
            kind: Some(kind),
            src: Src::Lex,
            person_hint: false,
            strict: false,
            nested: false,
        });
    }
}

/// The candidates of a segment starting with the capitalised word `seg[k]`;
/// returns where the next one starts.
fn cap_candidates(c: &Ctx, seg: &Segment, k: usize, out: &mut Vec<Cand>) -> usize {
    let (titled, strict) = (seg.titled, seg.strict);
    let seg = seg.items;
    let x = seg[k];
    let mut m = words_end(seg, k);
    // "FIRST Global": an unknown acronym stands alone before
    // plain words.
    if c.is_allcaps(x.a)
        && c.base(x.a).chars().filter(|c| c.is_alphabetic()).count() >= 3
        && m > k + 1
        && !c.is_allcaps(seg[k + 1].a)
    {
        out.push(Cand {
            a: x.a,
            b: x.b,
            name: c.surface(x.a, x.b),
            kind: None,
            src: Src::Unknown,
            person_hint: false,
            strict,
            nested: false,
        });
        return m;
    }
    // "Daniel Jordan": a given name and a place-named surname.
    if m < seg.len() && m + 1 == seg.len() && c.has_base(x.a, s::GIVEN) {
        if let It::Lex(Entry::Place(_)) = seg[m].it {
            if seg[m].b - seg[m].a == 1 {
                m += 1;
            }
        }
    }
    while m > k + 1 && seg[m - 1].it == It::Conn {
        m -= 1;
    }
    let b = seg[m - 1].b;
    let person_hint = titled || c.has_base(x.a, s::GIVEN);
    out.push(Cand {
        a: x.a,
        b,
        name: c.surface(x.a, b),
        kind: None,
        src: Src::Unknown,
        person_hint,
        strict,
        nested: false,
    });
    m
}

#[cfg(test)]
mod tests {
    use crate::report::PartyKind;
    use crate::text::Doc;

    /// Each party's name and kind, from the rules alone (these tests are
    /// of the rules; the tagger's decisions move with every retraining).
    fn parties(text: &str) -> Vec<(String, PartyKind)> {
        super::super::find_with(&Doc::new(text), None)
            .into_iter()
            .map(|p| (p.name, p.kind))
            .collect()
    }

    fn has(text: &str, name: &str, kind: PartyKind) -> bool {
        parties(text).iter().any(|p| p.0 == name && p.1 == kind)
    }

    fn names(text: &str) -> Vec<String> {
        parties(text).into_iter().map(|p| p.0).collect()
    }

    /// One case per rule of `process_run`, for what it takes.
    #[test]
    fn each_run_rule_names_what_it_takes() {
        // trim_start: "The" is no part of the name.
        assert!(names("He wrote for The Springfield Herald last year.")
            .contains(&"Springfield Herald".into()));
        // dateline: a line opening in capitals names a place.
        assert!(has(
            "NEWPORT NEWS, Va. — Crowds gathered.",
            "Newport News",
            PartyKind::Place
        ));
        // …but a line in capitals throughout is a headline or a section
        // slug, and its opening words no dateline ("RUGBY UNION - CUTTITTA
        // BACK FOR ITALY"), nor is a line of capitals before the next
        // paragraph's bracket.
        for t in [
            "RUGBY UNION - CUTTITTA BACK FOR ITALY.\nRome, Aug 30",
            "LATEST PREVIOUS ACTUAL\n(Parent) FORECAST",
        ] {
            let ps = parties(t);
            assert!(
                !ps.iter()
                    .any(|p| p.0 == "Rugby Union" || p.0 == "Latest Previous Actual"),
                "{ps:?}"
            );
        }
        assert!(has("NEW YORK - Stocks fell.", "New York", PartyKind::Place));
        // product_or_law: vehicles, laws and versions are no parties.
        let n = names("They flew on Air Force One and used Internet Explorer 6 there.");
        assert!(
            !n.iter()
                .any(|x| x.contains("Air Force") || x.contains("Explorer")),
            "{n:?}"
        );
        // event_name: the organisation inside an event's name is still named.
        assert!(names("She won the Google Science Fair in May.").contains(&"Google".into()));
        // language: "in English" is no party.
        assert!(!names("The talks were held in English.").contains(&"English".into()));
        // person_after_cue: a cue name, then a person's name.
        let ps = parties("said Refugee Council Enver Solomon on Monday.");
        assert!(ps.iter().any(|p| p.0 == "Refugee Council"), "{ps:?}");
        assert!(
            ps.iter()
                .any(|p| p.0 == "Enver Solomon" && p.1 == PartyKind::Person),
            "{ps:?}"
        );
        // cue_name: the cue word gives the kind.
        assert!(has(
            "Voters backed the Likud Party again.",
            "Likud Party",
            PartyKind::Organization
        ));
        assert!(has(
            "Residents of Gaza City fled.",
            "Gaza City",
            PartyKind::Place
        ));
        // split_at_titles: a title splits a run and is no part of the name.
        assert!(has(
            "Officials said Prime Minister Benjamin Netanyahu agreed.",
            "Benjamin Netanyahu",
            PartyKind::Person
        ));
    }
}
