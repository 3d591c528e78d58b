//! Noun phrases that can say things, read from the tokens: names (with
//! their titles, initials and particles), descriptions of anonymous sources
//! ("a senior Israeli official") and pronouns, scanned forward from a
//! reporting verb ("said the IDF") or backward from it ("Hamas said").
//! Which party or person a phrase names is [`super::speakers`]'s work.

use crate::text::{possessive_base, strip_possessive, Doc, TokenKind};

use super::words::{self, Pronoun, ADVERBS, FUNCTION_WORDS, PERSON_NOUNS, TITLES};

/// What a speaker mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    Name,
    Pronoun(Pronoun),
    Descriptor,
}

/// A speaker mention: tokens `first..=last`; for names, `name_first..=last`
/// is the name without titles or a determiner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub first: usize,
    pub last: usize,
    pub name_first: usize,
    pub kind: NpKind,
}

/// Abbreviations whose period is glued to them as a separate token.
fn is_abbrev(w: &str) -> bool {
    words::ABBREVS.contains(w) || crate::text::is_capital_letter(w)
}

/// Whether the period at token `i` belongs to an abbreviation or initial.
pub fn is_abbrev_period(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.tok(i) == "."
        && !doc.tokens[i].space_before
        && doc.is_word(i - 1)
        && is_abbrev(doc.tok(i - 1))
}

/// Capitalised sentence openers that are not names: "But Trump said".
pub(super) fn is_capital_opener(w: &str) -> bool {
    let l = words::lower(w);
    let l = l.as_str();
    FUNCTION_WORDS.contains(l) || words::OPENERS.contains(l)
}

/// The last token of a name run starting at `i` (a capitalised word), within
/// `i..lim`: capitalised words, initials with their period, hyphenated parts,
/// particles (de, bin) and "of" inside titles (Secretary of State).
pub(super) fn name_run_forward(doc: &Doc, i: usize, lim: usize) -> Option<usize> {
    if !doc.is_cap(i)
        || words::is_calendar_word(doc.tok(i))
        || words::is_reporting_verb(doc.tok(i)) && doc.tok(i) != "Said"
    {
        return None;
    }
    let mut last = i;
    let mut j = i + 1;
    while j < lim && doc.same_para(i, j) {
        let t = doc.tok(j);
        let glued = !doc.tokens[j].space_before;
        // Tested lazily, cheapest first: the run ends at most tokens.
        let word = || doc.is_cap(j) && !words::is_calendar_word(t) && !words::is_reporting_verb(t);
        // "Mr. Obama", "H. Tribe", "G.K. Butterfield"
        let initial =
            || t == "." && glued && j + 1 < lim && doc.is_cap(j + 1) && is_abbrev(doc.tok(j - 1));
        let hyphen = || {
            (t == "-" || t == "‐")
                && glued
                && j + 1 < lim
                && doc.is_cap(j + 1)
                && !doc.tokens[j + 1].space_before
        };
        let particle = || {
            j + 1 < lim
                && doc.is_cap(j + 1)
                && (words::is_name_particle(t) || t == "of" && TITLES.contains(doc.tok(j - 1)))
        };
        if !(word() || initial() || hyphen() || particle()) {
            break;
        }
        last = j;
        j += 1;
    }
    Some(last)
}

/// The first token of a name run ending at `e` (a capitalised word), not
/// before `lo`.
fn name_run_backward(doc: &Doc, e: usize, lo: usize) -> usize {
    let mut first = e;
    let mut j = e;
    while j > lo {
        let p = j - 1;
        if !doc.same_para(p, e) {
            break;
        }
        let t = doc.tok(p);
        let glued_next = !doc.tokens[j].space_before;
        let word = || doc.is_cap(p) && !words::is_calendar_word(t) && !words::is_reporting_verb(t);
        let initial =
            || t == "." && !doc.tokens[p].space_before && p > lo && is_abbrev(doc.tok(p - 1));
        let hyphen = || {
            (t == "-" || t == "‐")
                && glued_next
                && !doc.tokens[p].space_before
                && p > lo
                && doc.is_cap(p - 1)
        };
        let particle = || {
            p > lo
                && doc.is_cap(p - 1)
                && (words::is_name_particle(t) || t == "of" && TITLES.contains(doc.tok(p - 1)))
        };
        if !(word() || initial() || hyphen() || particle()) {
            break;
        }
        first = p;
        j = p;
    }
    // Drop capitalised sentence openers ("But Trump") and a leading "The".
    while first < e && doc.is_cap(first) && is_capital_opener(doc.tok(first)) {
        first += 1;
    }
    while first < e && !doc.is_cap(first) {
        first += 1;
    }
    first
}

/// The first token of the bare name in a run `first..=last`: after the last
/// title word ("US President Joe Biden" → "Joe Biden"), unless the run names
/// an organisation ("State Department").
pub(super) fn strip_titles(doc: &Doc, first: usize, last: usize) -> usize {
    if words::is_org_word(strip_possessive(doc.tok(last))) {
        return first;
    }
    let mut start = first;
    for k in first..last {
        let t = doc.tok(k);
        if doc.is_word(k) && TITLES.contains(t) {
            start = k + 1;
        }
    }
    // Skip a period or "of" left after the title.
    while start <= last
        && (doc.tok(start) == "." || doc.tok(start) == "of" || doc.tok(start) == "-")
    {
        start += 1;
    }
    if start > last || !doc.is_cap(start) {
        first
    } else {
        start
    }
}

/// Words that end a description going forward.
pub(super) fn ends_description(w: &str) -> bool {
    words::CLAUSE_WORDS.contains(w)
}

/// A speaker mention starting at token `i`, not reaching `lim`: "said X",
/// "according to X".
pub fn np_forward(doc: &Doc, i: usize, lim: usize) -> Option<Np> {
    if i >= lim || !doc.is_word(i) {
        return None;
    }
    let t = doc.tok(i);
    if let Some(p) = words::pronoun(t) {
        if p != Pronoun::First || t == "I" {
            return Some(Np {
                first: i,
                last: i,
                name_first: i,
                kind: NpKind::Pronoun(p),
            });
        }
    }
    if let Some(np) = role_then_name(doc, i, lim) {
        return Some(np);
    }
    let lower = words::lower(t);
    let lower = lower.as_str();
    let det = FUNCTION_WORDS.contains(lower) || possessive_base(t).is_some();
    if doc.is_cap(i) && !det && !is_capital_opener(t) {
        let last = name_run_forward(doc, i, lim)?;
        // A capitalised adjective before a noun is a description: "Israeli officials".
        if doc.is_lower(last + 1) && last + 1 < lim && PERSON_NOUNS.contains(doc.tok(last + 1)) {
            return description_forward(doc, i, lim);
        }
        let nf = strip_titles(doc, i, last);
        return Some(Np {
            first: i,
            last,
            name_first: nf,
            kind: NpKind::Name,
        });
    }
    if det || PERSON_NOUNS.contains(lower) {
        // "the IDF", "The New York Times": a determiner and a name ending the phrase.
        if (lower == "the") && doc.is_cap(i + 1) && i + 1 < lim {
            if let Some(last) = name_run_forward(doc, i + 1, lim) {
                let next_lower_noun = last + 1 < lim
                    && doc.is_lower(last + 1)
                    && !ends_description(doc.tok(last + 1));
                if !next_lower_noun {
                    return Some(Np {
                        first: i,
                        last,
                        name_first: strip_titles(doc, i + 1, last),
                        kind: NpKind::Name,
                    });
                }
            }
        }
        return description_forward(doc, i, lim);
    }
    None
}

/// Whether word `k` names a role: a title ("Gov.") or, lower case, a noun
/// heading a person ("governor", "adviser", "director").
fn is_role_word(doc: &Doc, k: usize) -> bool {
    let t = doc.tok(k);
    TITLES.contains(t) || doc.is_lower(k) && PERSON_NOUNS.contains(t)
}

/// Most words a role may take before the name it introduces.
const ROLE_WORDS: usize = 8;

/// A name after a long title or role, going forward from `i`: "former Utah
/// governor Michael Leavitt", "Harbourfront programme director Lena Okafor",
/// "undecided Republican voter Stephanie Hooton". The mention spans the role;
/// the name is the capitalised run after the last role word. None unless a
/// role word stands right before the run (or inside it, as "Gov. Jim
/// Hodges"), so that "Israeli officials" and "the plan" stay what they are.
fn role_then_name(doc: &Doc, i: usize, lim: usize) -> Option<Np> {
    let mut j = i;
    let mut prev_role = false;
    let mut words_seen = 0;
    while j < lim && doc.same_para(i, j) && words_seen < ROLE_WORDS {
        let t = doc.tok(j);
        if doc.tokens[j].kind != TokenKind::Word {
            // Hyphens and possessive marks glued inside a role ("vice-chair"),
            // an abbreviation's period ("Gov.").
            let inside = matches!(t, "-" | "’" | "'")
                && !doc.tokens[j].space_before
                && doc.is_word(j + 1)
                && !doc.tokens[j + 1].space_before;
            if !(inside || is_abbrev_period(doc, j)) || j == i {
                return None;
            }
            j += 1;
            continue;
        }
        if ends_description(t)
            || words::pronoun(t).is_some()
            || words::is_reporting_verb(t) && !PERSON_NOUNS.contains(t)
        {
            return None;
        }
        if doc.is_cap(j) && prev_role && !TITLES.contains(t) {
            let last = name_run_forward(doc, j, lim)?;
            // A name before a role word is part of the role: "former Utah
            // governor Michael Leavitt".
            if last + 1 < lim && doc.is_lower(last + 1) && PERSON_NOUNS.contains(doc.tok(last + 1))
            {
                words_seen += last + 1 - j;
                j = last + 1;
                prev_role = false;
                continue;
            }
            let nf = strip_titles(doc, j, last);
            return Some(Np {
                first: i,
                last,
                name_first: nf,
                kind: NpKind::Name,
            });
        }
        prev_role = is_role_word(doc, j);
        words_seen += 1;
        j += 1;
    }
    None
}

/// A description from `i`: words up to punctuation or a clause word.
fn description_forward(doc: &Doc, i: usize, lim: usize) -> Option<Np> {
    let mut last = i;
    let mut j = i + 1;
    let mut n = 1;
    while j < lim && doc.same_para(i, j) && n < 14 {
        let t = doc.tok(j);
        if doc.is_word(j) {
            if ends_description(t) || words::is_reporting_verb(t) && !PERSON_NOUNS.contains(t) {
                break;
            }
            last = j;
            n += 1;
        } else if (t == "-" || t == "’" || t == "'")
            && !doc.tokens[j].space_before
            && doc.is_word(j + 1)
        {
            // hyphenated words
        } else if doc.tokens[j].kind == TokenKind::Number {
            last = j;
        } else {
            break;
        }
        j += 1;
    }
    // A description must have a head that can speak, or open with a determiner.
    let has_noun = (i..=last).any(|k| doc.is_word(k) && PERSON_NOUNS.contains(doc.lower(k)));
    if !has_noun && last == i {
        return None;
    }
    Some(Np {
        first: i,
        last,
        name_first: i,
        kind: NpKind::Descriptor,
    })
}

/// A subject found right before its verb, and how it stands there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Next to the verb (past adverbs, days, a parenthesis): "Jane Doe said".
    Adjacent(Np),
    /// Before an apposition set off by commas: "Osama Hamdan, a senior Hamas
    /// official, said".
    Apposition(Np),
}

impl Subject {
    /// The mention, however it stands.
    pub fn np(self) -> Np {
        match self {
            Subject::Adjacent(np) | Subject::Apposition(np) => np,
        }
    }
}

/// A speaker mention ending right before token `hi` (the reporting verb),
/// within `lo..hi`: "X said", "Osama Hamdan, a senior Hamas official, said",
/// "a senior Likud member said". Returns None when `lo..hi` holds more than a
/// subject.
pub fn np_backward(doc: &Doc, lo: usize, hi: usize) -> Option<Np> {
    subject_backward(doc, lo, hi).map(Subject::np)
}

/// [`np_backward`], saying whether the mention stands before an apposition
/// (attribution names that pattern apart).
pub fn subject_backward(doc: &Doc, lo: usize, hi: usize) -> Option<Subject> {
    let mut e = hi;
    // Skip adverbs and auxiliaries: "also said", "has said".
    while e > lo && doc.is_word(e - 1) && ADVERBS.contains(doc.lower(e - 1)) {
        e -= 1;
    }
    // Days and times: "said Monday" comes after, but "X on Monday said" before.
    while e > lo + 1 && doc.is_word(e - 1) && words::is_calendar_word(doc.tok(e - 1)) {
        e -= 1;
        if e > lo && matches!(doc.tok(e - 1), "on" | "last" | "this") {
            e -= 1;
        }
    }
    if e <= lo {
        return None;
    }
    let last = skip_paren(doc, lo, e - 1)?;
    if doc.tok(last) == "," {
        return before_apposition(doc, lo, last).map(Subject::Apposition);
    }
    np_backward_core(doc, lo, last).map(Subject::Adjacent)
}

/// The mention before appositions ending with the comma at `last`:
/// "Osama Hamdan, a senior Hamas official, said",
/// "Rep. Jim Jordan (R-Ohio), an oversight panel member, said",
/// "Scott Pruitt, the attorney general of Oklahoma, one of the states
/// suing, said": the mention before the nearest comma that has one, up
/// to three appositions back.
fn before_apposition(doc: &Doc, lo: usize, last: usize) -> Option<Np> {
    let mut c = last;
    for _ in 0..3 {
        let p = (lo..c).rev().take(32).find(|&x| doc.tok(x) == ",")?;
        if p <= lo {
            return None;
        }
        let end = skip_paren(doc, lo, p - 1)?;
        if let Some(np) = np_backward_core(doc, lo, end) {
            let nested = np.first > lo && doc.tok(np.first - 1) == ",";
            if np.kind != NpKind::Descriptor || !nested {
                return Some(np);
            }
        }
        c = p;
    }
    None
}

/// Steps back over a parenthesis ending at `last`: "Jason Chaffetz (R-Utah)".
fn skip_paren(doc: &Doc, lo: usize, last: usize) -> Option<usize> {
    if doc.tok(last) != ")" {
        return Some(last);
    }
    let mut k = last;
    while k > lo && doc.tok(k) != "(" {
        k -= 1;
    }
    if doc.tok(k) != "(" || k == lo {
        return None;
    }
    Some(k - 1)
}

/// The mention ending at token `last`, the whole of the clause `lo..=last`
/// but for openers: a pronoun, a name or a description, by what `last` is.
fn np_backward_core(doc: &Doc, lo: usize, last: usize) -> Option<Np> {
    if last < lo {
        return None;
    }
    if let Some(p) = words::pronoun(doc.tok(last)) {
        return pronoun_backward(doc, lo, last, p);
    }
    if doc.is_cap(last) {
        return name_backward(doc, lo, last);
    }
    if doc.is_lower(last) || doc.is_word(last) {
        return description_backward(doc, lo, last);
    }
    None
}

/// The pronoun `p` at `last` as a subject: "it" only where it opens the
/// clause (it is rarely a speaker otherwise), the others unless a
/// preposition governs them.
fn pronoun_backward(doc: &Doc, lo: usize, last: usize, p: Pronoun) -> Option<Np> {
    let clause_start = last == lo
        || !doc.is_word(last - 1)
        || doc.is_cap(last - 1) && is_capital_opener(doc.tok(last - 1))
        || matches!(
            doc.tok(last - 1),
            "and" | "which" | "that" | "as" | "but" | "so" | "then"
        );
    let after_preposition = last > lo && words::PREPOSITIONS.contains(doc.tok(last - 1));
    if clause_start || p != Pronoun::It && !after_preposition {
        return Some(Np {
            first: last,
            last,
            name_first: last,
            kind: NpKind::Pronoun(p),
        });
    }
    None
}

/// The name ending at the capitalised word `last`, when everything before
/// it in the clause is a determiner, an opener or a short role (else the
/// clause has more than a subject).
fn name_backward(doc: &Doc, lo: usize, last: usize) -> Option<Np> {
    let first = name_run_backward(doc, last, lo);
    if !doc.is_cap(first) {
        return None;
    }
    let mut mstart = first;
    if first > lo && doc.tok(first - 1).eq_ignore_ascii_case("the") {
        mstart = first - 1;
    }
    if !clause_prefix_ok(doc, lo, mstart) {
        return None;
    }
    let nf = strip_titles(doc, first, last);
    Some(Np {
        first: mstart,
        last,
        name_first: nf,
        kind: NpKind::Name,
    })
}

/// A description from the clause start (after openers) to `last`: one that
/// opens like a noun phrase and has a head that can speak (or is short and
/// opens with a determiner), with no verb or pronoun that would make it a
/// clause.
fn description_backward(doc: &Doc, lo: usize, last: usize) -> Option<Np> {
    let mut first = lo;
    while first < last
        && (doc.is_cap(first)
            && is_capital_opener(doc.tok(first))
            && !FUNCTION_WORDS.contains(doc.lower(first))
            || doc.tokens[first].kind == TokenKind::Punct)
    {
        first += 1;
    }
    let n = (first..=last).filter(|&k| doc.is_word(k)).count();
    if n == 0 || n > 12 {
        return None;
    }
    let opener = doc.lower(first);
    let ok_start = FUNCTION_WORDS.contains(opener)
        || possessive_base(doc.tok(first)).is_some()
        || doc.is_cap(first)
        || PERSON_NOUNS.contains(opener);
    let has_noun = (first..=last).any(|k| doc.is_word(k) && PERSON_NOUNS.contains(doc.lower(k)));
    // A reporting verb inside is a clause, unless it is the head noun
    // ("the report said").
    let verbish = (first..=last).any(|k| {
        doc.is_word(k)
            && words::is_reporting_verb(doc.tok(k))
            && !PERSON_NOUNS.contains(doc.lower(k))
    });
    let det_start = FUNCTION_WORDS.contains(opener) || possessive_base(doc.tok(first)).is_some();
    let pronounish =
        (first..=last).any(|k| words::pronoun(doc.tok(k)).is_some() || doc.tok(k) == "and");
    if ok_start && (has_noun || n <= 4 && det_start) && !verbish && !pronounish {
        return Some(Np {
            first,
            last,
            name_first: first,
            kind: NpKind::Descriptor,
        });
    }
    None
}

/// Whether the tokens `lo..s` before a name are only clause openers or a
/// short role ("Tulsa police Chief", "White House press secretary").
fn clause_prefix_ok(doc: &Doc, lo: usize, s: usize) -> bool {
    let openers = (lo..s).all(|k| {
        doc.tokens[k].kind == TokenKind::Punct
            || is_capital_opener(doc.tok(k))
            || ADVERBS.contains(doc.lower(k))
    });
    let role = s - lo <= 7
        && (lo..s).all(|k| {
            let t = doc.tok(k);
            if doc.tokens[k].kind == TokenKind::Punct {
                return matches!(t, "-" | "." | "’" | "'" | "/");
            }
            !words::is_reporting_verb(t)
                && words::pronoun(t).is_none()
                && !matches!(
                    t,
                    "and"
                        | "or"
                        | "but"
                        | "where"
                        | "who"
                        | "which"
                        | "that"
                        | "when"
                        | "while"
                        | "as"
                        | "if"
                        | "to"
                )
        });
    openers || role || s > lo && matches!(doc.tok(s - 1), "," | ";" | ":" | "—" | "―" | "–" | "(")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fwd(t: &str, from: &str) -> Option<String> {
        let d = Doc::new(t);
        let i = d.tokens.iter().position(|x| x.text(t) == from)?;
        let np = np_forward(&d, i, d.tokens.len())?;
        Some(t[d.tokens[np.first].start..d.tokens[np.last].end].to_string())
    }

    fn back(t: &str, verb: &str) -> Option<String> {
        let d = Doc::new(t);
        let v = d.tokens.iter().position(|x| x.text(t) == verb)?;
        let np = np_backward(&d, 0, v)?;
        Some(t[d.tokens[np.first].start..d.tokens[np.last].end].to_string())
    }

    #[test]
    fn forward_mentions() {
        assert_eq!(
            fwd("said a senior Israeli official.", "a").as_deref(),
            Some("a senior Israeli official")
        );
        assert_eq!(
            fwd("said Rep. G.K. Butterfield (D-N.C.), head", "Rep").as_deref(),
            Some("Rep. G.K. Butterfield")
        );
        assert_eq!(fwd("reported the IDF.", "the").as_deref(), Some("the IDF"));
        assert_eq!(
            fwd("said the New York businessman.", "the").as_deref(),
            Some("the New York businessman")
        );
        assert_eq!(fwd("said he.", "he").as_deref(), Some("he"));
        // Negative: a time word is not a speaker.
        assert_eq!(fwd("said Monday.", "Monday"), None);
        assert_eq!(fwd("said in a statement.", "in"), None);
    }

    #[test]
    fn long_roles_before_a_name() {
        assert_eq!(
            fwd(
                "said former Utah governor Michael Leavitt, a confidant.",
                "former"
            )
            .as_deref(),
            Some("former Utah governor Michael Leavitt")
        );
        assert_eq!(
            fwd(
                "says Harbourfront programme director Lena Okafor.",
                "Harbourfront"
            )
            .as_deref(),
            Some("Harbourfront programme director Lena Okafor")
        );
        let d = Doc::new("said former South Carolina Gov. Jim Hodges.");
        let np = np_forward(&d, 1, d.tokens.len()).unwrap();
        assert_eq!(np.kind, NpKind::Name);
        assert_eq!(d.tok(np.name_first), "Jim");
        // Negative: a role without a name after it stays a description, and
        // a name before a person noun is an adjective.
        assert_eq!(
            fwd("said a senior Israeli official.", "a").as_deref(),
            Some("a senior Israeli official")
        );
        assert_eq!(fwd("said former aides.", "former"), None);
    }

    #[test]
    fn backward_mentions() {
        assert_eq!(
            back("Osama Hamdan, a senior Hamas official, said", "said").as_deref(),
            Some("Osama Hamdan")
        );
        assert_eq!(
            back("a senior Likud member said", "said").as_deref(),
            Some("a senior Likud member")
        );
        assert_eq!(
            back("But Trump also said", "said").as_deref(),
            Some("Trump")
        );
        assert_eq!(
            back("Sources familiar with the talks said", "said").as_deref(),
            Some("Sources familiar with the talks")
        );
        assert_eq!(
            back("Rep. Jason Chaffetz (R-Utah) said", "said").as_deref(),
            Some("Rep. Jason Chaffetz")
        );
        // Negative: a clause with more than a subject.
        assert_eq!(
            back(
                "Trump went to Ohio where the crowd cheered and he repeatedly said",
                "said"
            )
            .as_deref(),
            Some("he")
        );
        assert_eq!(
            back(
                "the crowd cheered loudly for years and then they went home and said",
                "said"
            ),
            None
        );
    }
}
