//! Roles from titles and appositions, and the apposition nouns that also tell
//! a name's kind.
//!
//! - Before a name: the title phrase right before it, with the names and
//!   modifiers it contains: "US President Joe Biden" → "US President",
//!   "the opposition leader Yair Lapid" → "opposition leader".
//! - After a name: ", a senior Hamas official" → "senior Hamas official";
//!   ", a neighborhood in ..." makes the name a place instead.

use super::context::Ctx;
use super::lex::{s, Entry};
use crate::lexicon::Class;

/// What an apposition's head noun says about the name before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appos {
    /// A role ("official", "leader"): the name is a person.
    Role,
    Place,
    Org,
    Person,
}

fn known_name(c: &Ctx, k: usize) -> bool {
    c.is_cap(k)
        && (c.is_allcaps(k)
            || c.lex
                .get(c.base(k))
                .is_some_and(|e| !matches!(e, Entry::Title))
            || c.seen_mid(c.base(k)))
}

/// The longest role phrase read before a name, in tokens ("former Utah
/// state senate majority leader" is 6). The walk back stops there, so a
/// paragraph that repeats "President Biden" thousands of times costs a
/// bounded look-back per mention instead of one back to its start
/// (quadratic: 8,000 repeats took 39 s).
const MAX_ROLE_TOKENS: usize = 16;

/// The role phrase right before the name starting at token `a`, as a byte
/// range, if there is one.
pub fn role_before(c: &Ctx, a: usize) -> Option<(usize, usize)> {
    if a == 0 {
        return None;
    }
    let para = c.doc.tokens[a].para;
    let head = |k: usize| {
        c.title_tok[k]
            || c.is_word(k)
                && !c.is_cap(k)
                && (c.has_tok(k, s::ROLE_HEAD) || c.has_lower_tok(k, s::TITLE_LOWER))
    };
    let last = a - 1;
    // "Prime Minister's Questions": a possessive title names no one.
    if c.poss(last) {
        return None;
    }
    // "President of France Emmanuel Macron": a known name after a title's "of".
    let of_name = last >= 2
        && known_name(c, last)
        && matches!(c.tok(last - 1), "of" | "for")
        && c.title_tok[last - 2];
    let last_ok = head(last) || of_name || c.tok(last) == "." && last > 0 && c.title_tok[last - 1];
    if !last_ok || c.doc.tokens[last].para != para {
        return None;
    }
    let mut j = a;
    let floor = a.saturating_sub(MAX_ROLE_TOKENS);
    while j > floor {
        let k = j - 1;
        if c.doc.tokens[k].para != para {
            break;
        }
        let t = c.tok(k);
        let ok = head(k)
            || t == "." && k > 0 && c.title_tok[k - 1]
            || t == "-" && c.glued(k) && c.glued(k + 1)
            || matches!(t, "of" | "for") && j < a && k > 0 && c.title_tok[k - 1]
            || c.is_word(k) && !c.is_cap(k) && c.has_tok(k, s::ROLE_MOD)
            || (j < a || of_name) && known_name(c, k) && !c.poss(k);
        if !ok {
            break;
        }
        j = k;
    }
    // Leading names must lead into a title word, not stand alone.
    let role_mod = |j: usize| c.is_word(j) && c.has_tok(j, s::ROLE_MOD);
    while j < a && !head(j) && !role_mod(j) && !known_name(c, j) {
        j += 1;
    }
    if j >= a {
        return None;
    }
    // An honorific right before the name ends the role: "Mr. Toccafondi".
    let mut h = a;
    if h > j && c.tok(h - 1) == "." {
        h -= 1;
    }
    if h > j && Class::Honorific.contains(c.tok(h - 1)) {
        return None;
    }
    let (s, e) = (c.doc.tokens[j].start, c.doc.tokens[a - 1].end);
    Some((s, e))
}

/// The apposition after the name ending at token `b` (", a senior Hamas
/// official"): the byte range of its role phrase and what its head says.
pub fn apposition(c: &Ctx, b: usize) -> Option<(usize, usize, Appos)> {
    let n = c.n();
    if b >= n || c.tok(b) != "," {
        return None;
    }
    let para = c.doc.tokens[b].para;
    let mut k = b + 1;
    let det = k < n && matches!(c.tok(k), "a" | "an" | "the");
    if det {
        k += 1;
    }
    let start = k;
    let mut words = 0;
    while k < n && words < 6 && c.doc.tokens[k].para == para && (c.is_word(k) || c.tok(k) == "-") {
        let w = c.tok(k);
        if !c.is_cap(k) {
            let cls = c.cls_tok(k);
            if let Some(cl) = head_class(cls) {
                let e = head_end(c, k, cl, det)?;
                return Some((c.doc.tokens[start].start, c.doc.tokens[e - 1].end, cl));
            }
            // Before the head come modifiers ("senior") and adverbs
            // ("widely"), after an article any word; never a clause word
            // or a verb.
            if cls & s::ROLE_MOD == 0 && !w.ends_with("ly") && !det || ends_apposition(w) {
                return None;
            }
        }
        if c.tok(k) != "-" {
            words += 1;
        }
        k += 1;
    }
    None
}

/// What an apposition's head noun says, from its lexicon classes: a role
/// first, as "official" is both a role and a person noun.
fn head_class(cls: u64) -> Option<Appos> {
    if cls & s::ROLE_HEAD != 0 {
        Some(Appos::Role)
    } else if cls & s::PLACE_NOUN != 0 {
        Some(Appos::Place)
    } else if cls & s::ORG_NOUN != 0 {
        Some(Appos::Org)
    } else if cls & s::PERSON_NOUN != 0 {
        Some(Appos::Person)
    } else {
        None
    }
}

/// One past the apposition whose head of class `cl` is token `k`, or
/// `None` if it is no apposition. Without an article only a role heads
/// one (", senior official"), and the head ends the phrase unless a
/// preposition follows: another word is a plural or a verb. A role's
/// capitalised of-phrase is part of it: "the president of Hamas".
fn head_end(c: &Ctx, k: usize, cl: Appos, det: bool) -> Option<usize> {
    let role = cl == Appos::Role;
    if !det && !role {
        return None;
    }
    let n = c.n();
    let next = if k + 1 < n { c.tok(k + 1) } else { "" };
    if next.chars().next().is_some_and(char::is_alphabetic)
        && !matches!(
            next,
            "of" | "for" | "at" | "in" | "with" | "and" | "who" | "to" | "from" | "on"
        )
    {
        return None;
    }
    if role && matches!(next, "of" | "for" | "at") {
        let para = c.doc.tokens[k].para;
        let mut m = k + 2;
        if m < n && c.tok(m) == "the" {
            m += 1;
        }
        let s = m;
        while m < n && c.is_cap(m) && c.doc.tokens[m].para == para && !c.poss(m) {
            m += 1;
        }
        if m > s && !(m < n && c.poss(m)) {
            return Some(m);
        }
    }
    Some(k + 1)
}

/// Words that end an apposition before its head: a clause ("who",
/// "which") or a verb ("said", "has") follows the name instead.
fn ends_apposition(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "which"
            | "that"
            | "said"
            | "says"
            | "is"
            | "was"
            | "has"
            | "had"
            | "will"
            | "would"
    )
}
