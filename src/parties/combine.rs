//! Where the tagger and the rules meet: the tagger decides which tokens
//! name a party and of what kind; the rules keep what they know that the
//! tagger was never taught (the product's conventions, a lexicon's
//! canonical names and aliases, places nested in longer names).
//!
//! For every name the tagger finds (other than `Other`):
//! - tokens the rules veto ("Air Force One", "in May", a sentence-initial
//!   "Moreover") are cut from its ends, and drop it if inside; leading
//!   title tokens ("President") are cut;
//! - a rule candidate over exactly the same tokens is kept, with the
//!   tagger's kind, except where a lexicon or cue word fixes the kind by
//!   convention (a demonym is its country, a people a group, a dateline a
//!   place);
//! - rule names that make up its span between them, hyphenated lexicon
//!   names or with a known organisation among them ("Israel-Hamas", "Joe
//!   Biden Hamas"), stay those names;
//! - otherwise the tagger's span is a new candidate of the tagger's kind;
//! - a common word alone ("Moreover") is left to the rules. (Names on
//!   title-case lines are the tagger's too: leaving them to the rules lost
//!   the name lists of sports results, 0.3 points left one corpus out.)
//!
//! Rule candidates the tagger does not confirm are kept when they overlap
//! no tagger name and come from a lexicon or a cue word (the rules know
//! what the tagger missed; a plain capitalised run it left out is no
//! name), and, for demonyms and peoples, when the tagger calls them
//! `Other` (CoNLL's MISC: "Israeli" joins Israel here). A rule name nested
//! in a tagged name is dropped. Each choice was measured leaving one
//! training corpus out (`presslens eval --protocol`; README, "Parties
//! tagger").

use super::context::Ctx;
use super::detect::{Cand, Src};
use super::lex::{s, Entry};
use super::tagger::Kind;
use crate::report::PartyKind;

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A rule candidate whose kind or joining is a convention the tagger was
/// not taught: a cue word or a dateline, "the Strip" (it joins the party
/// named with it), a demonym (its country) or a people (a group).
fn conventional(c: &Ctx, r: &Cand) -> bool {
    if r.src == Src::Cue {
        return true;
    }
    // "WASHINGTON (Reuters) -": a known place in capitals opening a line,
    // before a bracket or a dash, is a dateline.
    let t = &c.doc.tokens;
    if r.src == Src::Lex
        && r.kind == Some(PartyKind::Place)
        && c.doc.paragraphs[t[r.a].para].start == r.a
        && (r.a..r.b).all(|k| !c.is_word(k) || c.is_allcaps(k))
        && r.b < c.n()
        && matches!(c.tok(r.b), "(" | "," | "—" | "–" | "-")
    {
        return true;
    }
    if r.src == Src::Unknown
        && r.b - r.a == 1
        && r.a > 0
        && matches!(c.tok(r.a - 1), "the" | "The")
        && c.has_base(r.a, s::PLACE_SUFFIX | s::ORG_SUFFIX | s::ORG_PREFIX)
    {
        return true;
    }
    r.src == Src::Lex
        && r.b - r.a == 1
        && matches!(
            c.lex.get(c.base(r.a)),
            Some(Entry::Demonym(_) | Entry::People)
        )
}

/// The candidates `merge` receives.
pub fn combine(c: &Ctx, rules: Vec<Cand>, tagged: &[(usize, usize, Kind)]) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(tagged.len() + rules.len() / 4);
    let mut used = vec![false; rules.len()];
    let mut names: Vec<(usize, usize, Kind)> = Vec::with_capacity(tagged.len());
    for &(a0, b0, k) in tagged {
        let Some((a, b)) = trimmed(c, a0, b0, k) else {
            continue;
        };
        names.push((a, b, k));
        let Some(kind) = k.party_kind() else { continue };
        // The same tokens, or a lexicon name that adds only punctuation
        // ("Va." for "Va").
        let same = |r: &Cand| {
            !r.nested
                && (r.a == a && r.b == b
                    || r.src == Src::Lex
                        && r.a <= a
                        && r.b >= b
                        && (r.a..a).chain(b..r.b).all(|t| !c.is_word(t)))
        };
        if let Some(i) = rules.iter().position(same) {
            used[i] = true;
            let mut r = rules[i].clone();
            if !conventional(c, &r) {
                r.kind = Some(kind);
                r.src = Src::Tagged;
            }
            r.strict = false;
            out.push(r);
            continue;
        }
        // "Israel-Hamas", "Joe Biden Hamas": the rule names that make up
        // the tagger's span between them stay those names.
        if let Some(inner) = tiled_by_rules(c, &rules, a, b) {
            for i in inner {
                used[i] = true;
                out.push(rules[i].clone());
            }
            continue;
        }
        out.push(Cand {
            a,
            b,
            name: c.surface(a, b),
            kind: Some(kind),
            src: Src::Tagged,
            person_hint: kind == PartyKind::Person,
            strict: false,
            nested: false,
        });
    }
    for (i, r) in rules.into_iter().enumerate() {
        if used[i] {
            continue;
        }
        let hit = names.iter().find(|t| overlaps((r.a, r.b), (t.0, t.1)));
        // Rule names inside a tagged name ("Texas" in "University of
        // Texas") are dropped: the tagger names the outer one. Plain
        // capitalised runs the tagger does not name are no names (it read
        // their context); lexicon and cue names it missed stay. (Leave one
        // corpus out, typed F1: +1.3 points on the mean; README.)
        let keep = match hit {
            None => r.src != Src::Unknown || conventional(c, &r),
            Some(t) => t.2 == Kind::Other && conventional(c, &r),
        };
        if keep {
            out.push(r);
        }
    }
    out.sort_by_key(|m| (m.a, std::cmp::Reverse(m.b)));
    out
}

/// The tagger's name `a0..b0` of kind `k` less what the rules know is no
/// part of a name, or `None` if nothing of it is a name: leading titles,
/// vetoed tokens and common words are cut, trailing vetoed tokens too; what
/// is left must hold a capital and not be a common word or acronym alone.
fn trimmed(c: &Ctx, a0: usize, b0: usize, k: Kind) -> Option<(usize, usize)> {
    let (mut a, mut b) = (a0, b0);
    // Leading titles, vetoed tokens and common words ("Later Byrd"),
    // but not the start of a person's name the tagger reads on: an
    // initial ("A. Dale") or a given name that is also a month or a
    // common word ("Jan Kroslak").
    let forename = |t: usize| {
        k == Kind::Person && t + 1 < b0 && (c.doc.is_name_initial(t) || c.has_base(t, s::GIVEN))
    };
    while a < b
        && !forename(a)
        && (c.title_tok[a]
            || c.vetoed(a)
            || b - a > 1
                && c.is_word(a)
                && !c.is_allcaps(a)
                && c.has_lower_base(a, s::STOP | s::STARTER)
                && !c.has_base(a, s::GIVEN))
    {
        a += 1;
    }
    while a < b && c.vetoed(b - 1) {
        b -= 1;
    }
    // What is left must hold a capital ("Jan 5" less the month is
    // no name).
    if a == b
        || (a..b)
            .any(|t| c.vetoed(t) && !(forename(a) && (t == a || t == a + 1 && c.tok(t) == ".")))
        || !(a..b).any(|t| c.tok(t).chars().any(char::is_uppercase))
    {
        return None;
    }
    // A common word alone ("Moreover") or a common acronym ("GDP"): the
    // stop lists say it is none.
    if b - a == 1
        && (!c.is_allcaps(a) && c.has_lower_base(a, s::STOP | s::STARTER)
            || c.is_allcaps(a) && c.has_base(a, s::ACRO_STOP))
    {
        return None;
    }
    Some((a, b))
}

/// "Israel-Hamas", "Joe Biden Hamas": two or more rule names that make up
/// the tagger's span `a..b` between them, joined by hyphens with a lexicon
/// entry among them or with a known organisation among them, are those
/// names ("Dynamo Moscow" stays one). Their indices, if so.
fn tiled_by_rules(c: &Ctx, rules: &[Cand], a: usize, b: usize) -> Option<Vec<usize>> {
    let inner: Vec<usize> = (0..rules.len())
        .filter(|&i| {
            let r = &rules[i];
            !r.nested && r.a >= a && r.b <= b
        })
        .collect();
    let hyphens = (a..b).any(|t| c.tok(t) == "-");
    let known_org =
        |i: usize| rules[i].src == Src::Lex && rules[i].kind == Some(PartyKind::Organization);
    let tiled = inner.len() >= 2
        && inner
            .iter()
            .any(|&i| known_org(i) || hyphens && rules[i].src == Src::Lex)
        && (a..b)
            .all(|t| inner.iter().any(|&i| rules[i].a <= t && t < rules[i].b) || c.tok(t) == "-");
    tiled.then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    /// The names `combine` keeps of one tagged name over `text`'s tokens
    /// `a..b`, with the rules' candidates.
    fn kept(text: &str, a: usize, b: usize, k: Kind) -> Vec<String> {
        let doc = Doc::new(text);
        let mut c = Ctx::new(&doc);
        let rules = super::super::detect::detect(&mut c);
        combine(&c, rules, &[(a, b, k)])
            .into_iter()
            .filter(|m| m.src == Src::Tagged)
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn a_persons_initial_or_given_name_stays_a_titles_goes() {
        // "A" is a stop word and "Jan" a month, but the tagger reads on
        // into a surname: the first name of a person, kept.
        let t = "Glamorgan 259 (A. Dale 69, H. Morris 69).";
        let doc = Doc::new(t);
        let a = doc
            .tokens
            .iter()
            .position(|x| &t[x.start..x.end] == "A")
            .unwrap();
        assert_eq!(kept(t, a, a + 3, Kind::Person), vec!["A. Dale"]);
        assert_eq!(
            kept("Then Jan Kroslak won.", 1, 3, Kind::Person),
            vec!["Jan Kroslak"]
        );
        // A title before the name is cut ("President"), and so is a
        // common word the tagger took in ("Later Byrd").
        assert_eq!(kept("Later Byrd won.", 0, 2, Kind::Person), vec!["Byrd"]);
        assert_eq!(
            kept("said President Joe Biden today", 1, 4, Kind::Person),
            vec!["Joe Biden"]
        );
        // Not an organisation's: "A" opening a tagged organisation is cut.
        assert_eq!(
            kept("A Reuters report.", 0, 2, Kind::Organization),
            vec!["Reuters"]
        );
    }
}
