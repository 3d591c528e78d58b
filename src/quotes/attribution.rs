//! Attribution: the reporting verb (cue) that ties a quotation to a speaker
//! mention next to it.
//!
//! Patterns, after the quotation:
//! - `“…,” said X` / `“…,” X said` / `“…,” X added, adding …` /
//!   `“…,” X, a senior official, said` / `“…,” according to X`;
//! - `“…” — X` (a dash and a name).
//!
//! Before it:
//! - `X said: “…”` / `X said, “…”` / `X told Reuters: “…”` /
//!   `X said that “…”` / `According to X, “…”`;
//! - `X stressed …, saying, “…”` (a participle takes the clause's subject);
//! - `X: “…”` (a name and a colon, as in headlines and transcripts).
//!
//! Inside it: `“WALLACE: …”` (a transcript label).

use crate::text::{Doc, TokenKind};

use super::marks::{self, QuoteSpan};
use super::np::{self, np_backward, np_forward, Np};
use super::words::{self, FUNCTION_WORDS};

/// How the attribution was found, which also says how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// A reporting verb right after the quotation.
    After,
    /// A reporting verb right before the quotation (only `:`, `,` or "that"
    /// between them).
    Before,
    /// A reporting verb earlier in the sentence.
    BeforeFar,
    /// `” — X`.
    Dash,
    /// `X: “`, or a transcript label inside.
    Colon,
}

/// A speaker mention and its cue, as token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    pub np: Option<Np>,
    /// Cue tokens `first..=last`.
    pub cue: Option<(usize, usize)>,
    pub how: How,
}

/// Whether token `i` ends a sentence (and is not an abbreviation's period).
fn is_terminal(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct
        && matches!(doc.tok(i), "." | "!" | "?")
        && !np::is_abbrev_period(doc, i)
}

fn is_dash(s: &str) -> bool {
    matches!(s, "—" | "―" | "–" | "-")
}

/// Whether the reporting-verb form at `i` is used as a verb: not after a
/// determiner ("the report said") and lower-case unless it opens a sentence.
fn is_cue_verb(doc: &Doc, i: usize) -> bool {
    if doc.tokens[i].kind != TokenKind::Word || !words::is_reporting_verb(doc.tok(i)) {
        return false;
    }
    if i > 0
        && doc.tokens[i - 1].kind == TokenKind::Word
        && FUNCTION_WORDS.contains(doc.lower(i - 1))
        && !matches!(
            doc.tok(i - 1),
            "that" | "all" | "both" | "each" | "some" | "many" | "most" | "no"
        )
    {
        return false;
    }
    let lower = doc.tok(i).chars().next().is_some_and(char::is_lowercase);
    lower || doc.is_sentence_initial(i) || i > 0 && marks::is_mark(doc.tok(i - 1))
}

fn is_according(doc: &Doc, i: usize) -> bool {
    doc.tok(i).eq_ignore_ascii_case("according")
        && i + 1 < doc.tokens.len()
        && doc.tok(i + 1) == "to"
}

/// Whether the verb at `j` sits in a relative clause opened after `k`:
/// "the official, who spoke on condition of anonymity, said".
fn in_relative_clause(doc: &Doc, k: usize, j: usize) -> bool {
    let mut r = j;
    while r > k && words::ADVERBS.contains(doc.lower(r - 1)) {
        r -= 1;
    }
    r > k && matches!(doc.tok(r - 1), "who" | "which" | "whom" | "whose")
}

/// Looks after the closing mark of `q`, up to token `lim` (exclusive: the next
/// quotation or the end of the paragraph).
pub fn after(doc: &Doc, q: &QuoteSpan, lim: usize) -> Option<Attribution> {
    let close = q.close?;
    let mut k = close + 1;
    let mut dash = None;
    while k < lim
        && doc.tokens[k].kind == TokenKind::Punct
        && matches!(doc.tok(k), "," | ";" | "—" | "―" | "–" | "-" | ")")
    {
        if is_dash(doc.tok(k)) {
            dash = Some(k);
        }
        k += 1;
    }
    if k >= lim {
        return None;
    }
    if let Some(d) = dash {
        if let Some(mut np) = np_forward(doc, k, lim) {
            // A name, or a description that ends the line: “…” — a voter in Ohio.
            let ends_line = lim - np.last <= 8;
            if np.kind == np::NpKind::Descriptor && ends_line {
                if let Some(w) = (np.last..lim)
                    .rev()
                    .find(|&j| doc.tokens[j].kind != TokenKind::Punct)
                {
                    np.last = w;
                }
            }
            let kind_ok = match np.kind {
                np::NpKind::Name => true,
                np::NpKind::Descriptor => ends_line,
                np::NpKind::Pronoun(_) => false,
            };
            if kind_ok && !(np.last + 1..lim).any(|j| is_cue_verb(doc, j)) {
                return Some(Attribution {
                    np: Some(np),
                    cue: Some((d, d)),
                    how: How::Dash,
                });
            }
        }
    }
    let window_end = lim.min(k + 24);
    let mut j = k;
    while j < window_end {
        if is_terminal(doc, j) || marks::is_mark(doc.tok(j)) && j > k {
            break;
        }
        if is_according(doc, j) && j + 2 < lim {
            let np = np_forward(doc, j + 2, lim);
            return Some(Attribution {
                np,
                cue: Some((j, j + 1)),
                how: How::After,
            });
        }
        if is_cue_verb(doc, j) && !in_relative_clause(doc, k, j) {
            if j == k && words::is_participle(doc.tok(j)) {
                // “…,” adding that … : the participle belongs to an earlier
                // subject, found before the quotation.
                return None;
            }
            if j == k {
                // “…,” said X
                let mut s = j + 1;
                while s < lim
                    && doc.tokens[s].kind == TokenKind::Word
                    && words::ADVERBS.contains(doc.tok(s))
                {
                    s += 1;
                }
                let np = np_forward(doc, s, lim).or_else(|| np_forward(doc, j + 1, lim));
                return Some(Attribution {
                    np,
                    cue: Some((j, j)),
                    how: How::After,
                });
            }
            // “…,” X said
            let np = np_backward(doc, k, j)?;
            // A pronoun must open the clause after the quotation: `“…,” he
            // said`, not `“…” Democrats seized on it, in which he said`.
            if matches!(np.kind, np::NpKind::Pronoun(_))
                && !(k..np.first).all(|x| {
                    doc.tokens[x].kind == TokenKind::Punct || words::ADVERBS.contains(doc.lower(x))
                })
            {
                return None;
            }
            return Some(Attribution {
                np: Some(np),
                cue: Some((j, j)),
                how: How::After,
            });
        }
        j += 1;
    }
    None
}

/// Looks before the opening mark of `q`, back to token `lo` (inclusive: the
/// paragraph start or just after the previous quotation).
pub fn before(doc: &Doc, q: &QuoteSpan, lo: usize) -> Option<Attribution> {
    before_at(doc, q, lo, true)
}

/// The attribution of a whole sentence ending right before `q.open`.
fn before_sentence(doc: &Doc, q: &QuoteSpan, lo: usize) -> Option<Attribution> {
    let a = before_at(doc, q, lo, false)?;
    // Only a finite cue with a subject: "X said.", "X said of the plan."
    let (v, _) = a.cue?;
    if words::is_participle(doc.tok(v)) || is_according(doc, v) {
        return None;
    }
    a.np.map(|_| a)
}

/// The words of the sentence before an opening mark: `s..e`, less the
/// punctuation that ends them (`trailing`: the last such mark, ":" of
/// `X: “`).
struct Lead<'a> {
    s: usize,
    e: usize,
    trailing: Option<&'a str>,
}

impl Lead<'_> {
    /// Whether a cue ending at `end_of_cue` stands right before the mark:
    /// only punctuation or "that" between them, or, after trailing
    /// punctuation, a short object with no sentence end ("X told Reuters:").
    fn near(&self, doc: &Doc, end_of_cue: usize) -> bool {
        let gap = end_of_cue + 1..self.e;
        gap.clone()
            .all(|x| doc.tokens[x].kind == TokenKind::Punct || doc.tok(x) == "that")
            || self.trailing.is_some()
                && gap.len() <= 6
                && !gap.clone().any(|x| is_terminal(doc, x))
    }

    /// How near a cue ending at `end_of_cue` is.
    fn how(&self, doc: &Doc, end_of_cue: usize) -> How {
        if self.near(doc, end_of_cue) {
            How::Before
        } else {
            How::BeforeFar
        }
    }
}

/// The sentence before `q`'s opening mark, back to token `lo`.
fn lead<'a>(doc: &Doc<'a>, o: usize, lo: usize) -> Lead<'a> {
    let mut s = o;
    while s > lo && !is_terminal(doc, s - 1) && o - s < 60 {
        s -= 1;
    }
    let mut e = o; // exclusive end of the words before the mark
    let mut trailing = None;
    while e > s
        && doc.tokens[e - 1].kind == TokenKind::Punct
        && matches!(doc.tok(e - 1), ":" | "," | "—" | "―" | "–" | "-" | "(")
    {
        trailing.get_or_insert(doc.tok(e - 1));
        e -= 1;
    }
    Lead { s, e, trailing }
}

fn before_at(doc: &Doc, q: &QuoteSpan, lo: usize, look_back: bool) -> Option<Attribution> {
    let o = q.open;
    if o <= lo {
        return None;
    }
    let l = lead(doc, o, lo);
    let (s, e) = (l.s, l.e);
    if e <= s {
        // The quotation opens its sentence: a sentence just before it that
        // reports someone's words lends its speaker ("…, Schiff said. “…”").
        if look_back && s > lo && is_terminal(doc, s - 1) && q.open == s {
            let prev = QuoteSpan {
                open: s - 1,
                ..q.clone()
            };
            return before_sentence(doc, &prev, lo).map(|a| Attribution {
                how: How::BeforeFar,
                ..a
            });
        }
        return None;
    }
    match last_cue(doc, s, e) {
        Some((v, true)) => {
            let np = np_forward(doc, v + 2, e)?;
            let how = if np.last + 1 >= e {
                How::Before
            } else {
                l.how(doc, np.last)
            };
            Some(Attribution {
                np: Some(np),
                cue: Some((v, v + 1)),
                how,
            })
        }
        Some((v, false)) => Some(Attribution {
            np: subject_of_cue(doc, &l, v),
            cue: Some((v, v)),
            how: l.how(doc, v),
        }),
        None => colon_label(doc, &l),
    }
}

/// The last cue in `s..e` before any quotation mark: a reporting verb, or
/// "according to" (`true`).
fn last_cue(doc: &Doc, s: usize, e: usize) -> Option<(usize, bool)> {
    let mut v = e;
    while v > s {
        v -= 1;
        if marks::is_mark(doc.tok(v)) {
            return None;
        }
        if v + 1 < e && is_according(doc, v) {
            return Some((v, true));
        }
        if is_cue_verb(doc, v) {
            return Some((v, false));
        }
    }
    None
}

/// Who speaks through the reporting verb at `v` of the lead `l`.
fn subject_of_cue(doc: &Doc, l: &Lead, v: usize) -> Option<Np> {
    let (s, e) = (l.s, l.e);
    if words::is_participle(doc.tok(v)) {
        // The subject of the clause: an earlier finite cue's subject,
        // else the first mention of the sentence.
        let mut u = v;
        while u > s {
            u -= 1;
            if is_cue_verb(doc, u) && !words::is_participle(doc.tok(u)) {
                if let Some(np) = np_backward(doc, s, u) {
                    return Some(np);
                }
            }
        }
        return np_forward(doc, s, v).or_else(|| {
            let c = (s..v).find(|&x| doc.tok(x) == ",")?;
            np_forward(doc, c + 1, v)
        });
    }
    // "Said Ellis: “…”" — the verb first, the speaker after it.
    if (s..v).all(|x| doc.tokens[x].kind == TokenKind::Punct) {
        return np_forward(doc, v + 1, e);
    }
    // A clause boundary after the sentence start: "In a statement, X said";
    // "X told Reuters:" has the object between cue and mark.
    np_backward(doc, s, v)
        .or_else(|| {
            let c = (s..v)
                .rev()
                .find(|&x| doc.tok(x) == "," || doc.tok(x) == ";")?;
            np_backward(doc, c + 1, v)
        })
        .or_else(|| second_verb_subject(doc, s, v))
}

/// "She … and repeatedly says, “…”": the subject of a sentence whose
/// second verb, after "and", is the cue at `v`.
fn second_verb_subject(doc: &Doc, s: usize, v: usize) -> Option<Np> {
    let mut a = v;
    while a > s && words::ADVERBS.contains(doc.lower(a - 1)) {
        a -= 1;
    }
    if a > s && doc.tok(a - 1) == "and" {
        let c = (s..a)
            .rev()
            .find(|&x| doc.tok(x) == ",")
            .map_or(s, |c| c + 1);
        np_forward(doc, c, a).or_else(|| np_forward(doc, s, a))
    } else {
        None
    }
}

/// `X: “…”` — a name right before a colon, in a short lead.
fn colon_label(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let (s, e) = (l.s, l.e);
    if l.trailing != Some(":") || e - s > 10 || !doc.is_cap(e - 1) {
        return None;
    }
    let last = e - 1;
    let np = np_backward(doc, s, e).or_else(|| {
        let f = (s..e).rev().take_while(|&x| doc.is_cap(x)).last()?;
        Some(Np {
            first: f,
            last,
            name_first: f,
            kind: np::NpKind::Name,
        })
    })?;
    Some(Attribution {
        np: Some(np),
        cue: None,
        how: How::Colon,
    })
}

/// A transcript label at the start of the quotation: `“WALLACE: …”`.
pub fn label(doc: &Doc, q: &QuoteSpan) -> Option<Attribution> {
    let i = q.inner.start;
    let mut j = i;
    while j < q.inner.end
        && j < i + 3
        && doc.tokens[j].kind == TokenKind::Word
        && doc.tok(j).chars().all(|c| !c.is_lowercase())
        && doc.tok(j).chars().count() > 1
    {
        j += 1;
    }
    if j > i && j < q.inner.end && doc.tok(j) == ":" {
        return Some(Attribution {
            np: Some(Np {
                first: i,
                last: j - 1,
                name_first: i,
                kind: np::NpKind::Name,
            }),
            cue: Some((j, j)),
            how: How::Colon,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::find_spans;

    /// (speaker mention, cue) for the first quotation of `t`.
    fn attr(t: &str) -> Option<(String, String)> {
        let d = Doc::new(t);
        let spans = find_spans(&d);
        let q = spans.first()?;
        let p = &d.paragraphs[q.para];
        let a = after(&d, q, p.end)
            .or_else(|| before(&d, q, p.start))
            .or_else(|| label(&d, q))?;
        let np = a.np?;
        let m = t[d.tokens[np.first].start..d.tokens[np.last].end].to_string();
        let c = a
            .cue
            .map(|(x, y)| t[d.tokens[x].start..d.tokens[y].end].to_string())
            .unwrap_or_default();
        Some((m, c))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn said_x_and_x_said() {
        assert_eq!(
            attr("“We will win this,” said Jane Doe."),
            pair("Jane Doe", "said")
        );
        assert_eq!(
            attr("“We will win this,” Jane Doe said."),
            pair("Jane Doe", "said")
        );
        assert_eq!(
            attr("“We will win this,” Biden remarked before boarding."),
            pair("Biden", "remarked")
        );
        // Negative: a new sentence with other business is not an attribution.
        assert_eq!(
            attr("“We will win this.” The crowd went home after a long day and cheered."),
            None
        );
    }

    #[test]
    fn added_adding() {
        assert_eq!(
            attr("“We will win this,” Doe added, adding that it was late."),
            pair("Doe", "added")
        );
        assert_eq!(
            attr("“We will win this,” the table added."),
            pair("the table", "added")
        );
        // Negative: "the report" is a noun, not a cue.
        assert_eq!(attr("“We will win this,” the report on it."), None);
    }

    #[test]
    fn before_colon_and_comma() {
        assert_eq!(
            attr("Jane Doe said: “We will win this.”"),
            pair("Jane Doe", "said")
        );
        assert_eq!(
            attr("Jane Doe said, “We will win this.”"),
            pair("Jane Doe", "said")
        );
        assert_eq!(
            attr("Jane Doe told Reuters: “We will win this.”"),
            pair("Jane Doe", "told")
        );
        // Negative: a colon after a common noun phrase.
        assert_eq!(
            attr("The plan was simple and everyone in the room knew it: “We will win this.”"),
            None
        );
    }

    #[test]
    fn participle_takes_the_subject() {
        assert_eq!(attr("Blinken stressed the need for a pause before Ramadan, saying, “We have an opportunity.”"), pair("Blinken", "saying"));
        assert_eq!(
            attr("Trump attacked Clinton over Iraq, saying, “She is trigger-happy.”"),
            pair("Trump", "saying")
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            attr("“Talks are stalled,” according to sources familiar with the talks."),
            pair("sources familiar with the talks", "according to")
        );
        assert_eq!(
            attr("According to officials, “talks are stalled.”"),
            pair("officials", "According to")
        );
        // Negative: "according" without "to".
        assert_eq!(attr("“Talks are stalled,” accordingly."), None);
    }

    #[test]
    fn dash_and_apposition() {
        assert_eq!(
            attr("“We are ashamed of this.” ― Sonya Herridge"),
            pair("Sonya Herridge", "―")
        );
        assert_eq!(
            attr("“We will win,” Osama Hamdan, a senior Hamas official, said."),
            pair("Osama Hamdan", "said")
        );
        assert_eq!(
            attr("“We will win,” stated Osama Hamdan, a senior Hamas official."),
            pair("Osama Hamdan", "stated")
        );
        // Negative: a dash and a lower-case clause is not a speaker.
        assert_eq!(attr("“We are ashamed of this” — and so on."), None);
    }

    #[test]
    fn transcript_label() {
        assert_eq!(
            attr("\"WALLACE: Let us start with the news.\""),
            pair("WALLACE", ":")
        );
        // Negative: an ordinary capitalised first word.
        assert_eq!(
            attr("\"Wallace thinks we should start with the news.\""),
            None
        );
    }
}
