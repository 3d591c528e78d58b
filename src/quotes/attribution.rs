//! Attribution: the reporting verb (cue) that ties a quotation to a speaker
//! mention next to it.
//!
//! Each way of writing an attribution is a [`Rule`]; the rules after the
//! quotation ([`after`]) and before it ([`before`]) are tables of functions
//! tried in order, the first that fires giving the attribution:
//!
//! - after: `“…” — X`, `“…,” according to X`, `“…,” said X`, `“…,” X said`,
//!   `“…,” X, a senior official, said`;
//! - before: `X said. “…”` (the sentence before), `According to X, “…”`,
//!   `X stressed …, saying, “…”` (a participle takes the clause's subject),
//!   `Said X: “…”`, `X said: “…”`, `X said that “…”`, `X told Reuters: “…”`,
//!   `X said … “…”`, `In a statement he wrote, X said: “…”`,
//!   `X … and says, “…”`, a cue whose subject is not found, and `X: “…”` (a
//!   name and a colon, as in headlines and transcripts);
//! - inside ([`label`]): `“WALLACE: …”` (a transcript label).

use crate::text::{Doc, TokenKind};

use super::marks::{self, QuoteSpan};
use super::np::{self, np_backward, np_forward, subject_backward, Np, Subject};
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

/// The pattern an attribution was found by: one per way of writing it, in
/// the order they are tried (after the quotation, before it, inside it).
/// Finer than [`How`], which ranks how sure a pattern is; this one names
/// which pattern fired, for tests and for reading the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// `“…” — X`: a dash and a name, or a description that ends the line
    /// (“…” — a voter in Ohio).
    DashName,
    /// `“…,” according to X`.
    AccordingToAfter,
    /// `“…,” said X`: the verb opens the clause after the quotation.
    SaidX,
    /// `“…,” X said`: the speaker right before the verb.
    XSaid,
    /// `“…,” X, a senior official, said`: the name before an apposition.
    XAppositionSaid,
    /// `X said. “…”`: a quotation that opens its sentence takes the speaker
    /// of the sentence before it when that one reports someone's words.
    PreviousSentence,
    /// `According to X, “…”`.
    AccordingToBefore,
    /// `X stressed …, saying, “…”`: a participle takes the clause's subject.
    Participle,
    /// `Said X: “…”`: the verb first, the speaker after it.
    SaidXColon,
    /// `X said: “…”` or `X said, “…”`: only punctuation between verb and mark.
    XSaidColon,
    /// `X said that “…”`.
    XSaidThat,
    /// `X told Reuters: “…”`: a short object between verb and colon.
    XToldReuters,
    /// `X said … “…”`: the verb earlier in the sentence (often a partial
    /// quotation, which speech then sets aside).
    XSaidEarlier,
    /// `In a statement he wrote, X said: “…”`: the subject after a clause
    /// boundary, when the whole lead is more than a subject.
    ClauseXSaid,
    /// `X … and says, “…”`: the cue is the sentence's second verb.
    SecondVerb,
    /// A reporting verb before the quotation whose subject is not found: the
    /// cue stands alone (a neighbouring quotation may lend a speaker).
    CueAlone,
    /// `X: “…”`: a name and a colon in a short lead (headlines, transcripts).
    NameColon,
    /// `“WALLACE: …”`: a transcript label inside the quotation.
    TranscriptLabel,
}

impl Rule {
    /// What the pattern looks like.
    pub fn name(self) -> &'static str {
        match self {
            Rule::DashName => "” — X",
            Rule::AccordingToAfter => "”, according to X",
            Rule::SaidX => "”, said X",
            Rule::XSaid => "”, X said",
            Rule::XAppositionSaid => "”, X, a senior official, said",
            Rule::PreviousSentence => "X said. “",
            Rule::AccordingToBefore => "According to X, “",
            Rule::Participle => "X stressed …, saying, “",
            Rule::SaidXColon => "Said X: “",
            Rule::XSaidColon => "X said: “",
            Rule::XSaidThat => "X said that “",
            Rule::XToldReuters => "X told Reuters: “",
            Rule::XSaidEarlier => "X said … “",
            Rule::ClauseXSaid => "In a statement he wrote, X said: “",
            Rule::SecondVerb => "X … and says, “",
            Rule::CueAlone => "said: “ (no subject)",
            Rule::NameColon => "X: “",
            Rule::TranscriptLabel => "“X: …”",
        }
    }
}

/// A speaker mention and its cue, as token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker mention, if the pattern found one.
    pub np: Option<Np>,
    /// Cue tokens `first..=last`.
    pub cue: Option<(usize, usize)>,
    /// How sure the pattern is (the speech test and the ranking read it).
    pub how: How,
    /// The pattern that fired.
    pub rule: Rule,
}

/// The attributions of one quotation.
#[derive(Debug, Clone, Copy)]
pub struct Attributions {
    /// The one the rules choose: a transcript label, else the first after or
    /// before the quotation that names a mention, else a cue alone.
    pub chosen: Option<Attribution>,
    /// Those after and before it that name a mention, whichever was chosen
    /// (candidates for the speaker ranking).
    pub named: [Option<Attribution>; 2],
}

/// The attributions of quotation `k` of `spans`, looking after it up to the
/// next quotation in its paragraph and before it back to the previous one.
pub fn attribute(doc: &Doc, spans: &[QuoteSpan], k: usize) -> Attributions {
    let q = &spans[k];
    let para = &doc.paragraphs[q.para];
    let lim = spans
        .get(k + 1)
        .filter(|n| n.para == q.para)
        .map_or(para.end, |n| n.open);
    let lo = if k > 0 && spans[k - 1].para == q.para {
        spans[k - 1].close.map_or(para.start, |c| c + 1)
    } else {
        para.start
    };
    let after = after(doc, q, lim);
    let before = before(doc, q, lo);
    let named = |a: Option<Attribution>| a.filter(|a| a.np.is_some());
    Attributions {
        chosen: label(doc, q)
            .or(named(after))
            .or(named(before))
            .or(after)
            .or(before),
        named: [named(after), named(before)],
    }
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

/// The word that makes a cue: "according" (of "according to") or a
/// reporting verb, at a token index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueWord {
    According(usize),
    Verb(usize),
}

// ---------------------------------------------------------------- after

/// What follows a closing mark, up to token `lim` (exclusive): where its
/// words start (`k`, past commas, dashes and brackets), the last dash before
/// them, and the first cue of the clause.
struct Tail {
    k: usize,
    lim: usize,
    dash: Option<usize>,
    cue: Option<CueWord>,
}

impl Tail {
    fn of(doc: &Doc, q: &QuoteSpan, lim: usize) -> Option<Tail> {
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
        let cue = first_cue(doc, k, lim);
        Some(Tail { k, lim, dash, cue })
    }

    /// The reporting verb that opens the clause after the quotation, if the
    /// first cue is one.
    fn verb(&self) -> Option<usize> {
        match self.cue {
            Some(CueWord::Verb(j)) => Some(j),
            _ => None,
        }
    }
}

/// The first cue in the 24 tokens from `k`, before the sentence ends or
/// another quotation mark: "according to" with a word after it, or a
/// reporting verb outside a relative clause.
fn first_cue(doc: &Doc, k: usize, lim: usize) -> Option<CueWord> {
    for j in k..lim.min(k + 24) {
        if is_terminal(doc, j) || marks::is_mark(doc.tok(j)) && j > k {
            return None;
        }
        if is_according(doc, j) && j + 2 < lim {
            return Some(CueWord::According(j));
        }
        if is_cue_verb(doc, j) && !in_relative_clause(doc, k, j) {
            return Some(CueWord::Verb(j));
        }
    }
    None
}

/// A rule after the quotation.
type AfterRule = fn(&Doc, &Tail) -> Option<Attribution>;

/// The rules after a quotation, in the order they are tried. A participle
/// right after the mark (“…,” adding that …) fires none: it belongs to an
/// earlier subject, found before the quotation.
const AFTER_RULES: &[AfterRule] = &[dash_name, according_to_after, said_x, x_said];

/// Looks after the closing mark of `q`, up to token `lim` (exclusive: the next
/// quotation or the end of the paragraph).
pub fn after(doc: &Doc, q: &QuoteSpan, lim: usize) -> Option<Attribution> {
    let tail = Tail::of(doc, q, lim)?;
    AFTER_RULES.iter().find_map(|rule| rule(doc, &tail))
}

/// [`Rule::DashName`]: a name after the dash, or a description that ends
/// the line, with no reporting verb after it (which would make it a
/// subject: “…” — and Doe said).
fn dash_name(doc: &Doc, t: &Tail) -> Option<Attribution> {
    let d = t.dash?;
    let (k, lim) = (t.k, t.lim);
    let mut np = np_forward(doc, k, lim)?;
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
    if !kind_ok || (np.last + 1..lim).any(|j| is_cue_verb(doc, j)) {
        return None;
    }
    Some(Attribution {
        np: Some(np),
        cue: Some((d, d)),
        how: How::Dash,
        rule: Rule::DashName,
    })
}

/// [`Rule::AccordingToAfter`]: the mention after "according to".
fn according_to_after(doc: &Doc, t: &Tail) -> Option<Attribution> {
    let Some(CueWord::According(j)) = t.cue else {
        return None;
    };
    Some(Attribution {
        np: np_forward(doc, j + 2, t.lim),
        cue: Some((j, j + 1)),
        how: How::After,
        rule: Rule::AccordingToAfter,
    })
}

/// [`Rule::SaidX`]: a finite verb right after the mark, the speaker after
/// it (past adverbs: “…,” said quietly Jane Doe).
fn said_x(doc: &Doc, t: &Tail) -> Option<Attribution> {
    let j = t
        .verb()
        .filter(|&j| j == t.k && !words::is_participle(doc.tok(j)))?;
    let lim = t.lim;
    let mut s = j + 1;
    while s < lim && doc.tokens[s].kind == TokenKind::Word && words::ADVERBS.contains(doc.tok(s)) {
        s += 1;
    }
    Some(Attribution {
        np: np_forward(doc, s, lim).or_else(|| np_forward(doc, j + 1, lim)),
        cue: Some((j, j)),
        how: How::After,
        rule: Rule::SaidX,
    })
}

/// [`Rule::XSaid`] and [`Rule::XAppositionSaid`]: the subject before a verb
/// later in the clause. A pronoun must open the clause after the quotation:
/// `“…,” he said`, not `“…” Democrats seized on it, in which he said`.
fn x_said(doc: &Doc, t: &Tail) -> Option<Attribution> {
    let j = t.verb().filter(|&j| j > t.k)?;
    let k = t.k;
    let subject = subject_backward(doc, k, j)?;
    let np = subject.np();
    if matches!(np.kind, np::NpKind::Pronoun(_))
        && !(k..np.first).all(|x| {
            doc.tokens[x].kind == TokenKind::Punct || words::ADVERBS.contains(doc.lower(x))
        })
    {
        return None;
    }
    Some(Attribution {
        np: Some(np),
        cue: Some((j, j)),
        how: How::After,
        rule: match subject {
            Subject::Adjacent(_) => Rule::XSaid,
            Subject::Apposition(_) => Rule::XAppositionSaid,
        },
    })
}

// ---------------------------------------------------------------- before

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
/// `X: “`), and the last cue among them.
struct Lead<'a> {
    s: usize,
    e: usize,
    trailing: Option<&'a str>,
    cue: Option<CueWord>,
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

    /// The reporting verb of the lead, if its last cue is one.
    fn verb(&self) -> Option<usize> {
        match self.cue {
            Some(CueWord::Verb(v)) => Some(v),
            _ => None,
        }
    }

    /// The attribution to `np` through the reporting verb at `v`.
    fn by_verb(&self, doc: &Doc, v: usize, np: Option<Np>, rule: Rule) -> Attribution {
        Attribution {
            np,
            cue: Some((v, v)),
            how: self.how(doc, v),
            rule,
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
    let cue = last_cue(doc, s, e);
    Lead {
        s,
        e,
        trailing,
        cue,
    }
}

/// The last cue in `s..e` before any quotation mark: a reporting verb, or
/// "according to".
fn last_cue(doc: &Doc, s: usize, e: usize) -> Option<CueWord> {
    let mut v = e;
    while v > s {
        v -= 1;
        if marks::is_mark(doc.tok(v)) {
            return None;
        }
        if v + 1 < e && is_according(doc, v) {
            return Some(CueWord::According(v));
        }
        if is_cue_verb(doc, v) {
            return Some(CueWord::Verb(v));
        }
    }
    None
}

/// A rule over the lead of a quotation.
type BeforeRule = fn(&Doc, &Lead) -> Option<Attribution>;

/// The rules over the words before a quotation, in the order they are
/// tried: "according to", then a reporting verb and the ways of finding its
/// subject (a verb with none found still fires, as [`Rule::CueAlone`]), then,
/// with no cue at all, a name and a colon.
const BEFORE_RULES: &[BeforeRule] = &[
    according_to_before,
    participle,
    said_x_colon,
    x_said_before,
    clause_x_said,
    second_verb,
    cue_alone,
    name_colon,
];

fn before_at(doc: &Doc, q: &QuoteSpan, lo: usize, look_back: bool) -> Option<Attribution> {
    if q.open <= lo {
        return None;
    }
    let l = lead(doc, q.open, lo);
    if l.e <= l.s {
        return if look_back {
            previous_sentence(doc, q, lo, l.s)
        } else {
            None
        };
    }
    BEFORE_RULES.iter().find_map(|rule| rule(doc, &l))
}

/// [`Rule::PreviousSentence`]: the quotation opens its sentence (at `s`),
/// and a sentence just before it that reports someone's words lends its
/// speaker ("…, Schiff said. “…”").
fn previous_sentence(doc: &Doc, q: &QuoteSpan, lo: usize, s: usize) -> Option<Attribution> {
    if !(s > lo && is_terminal(doc, s - 1) && q.open == s) {
        return None;
    }
    let prev = QuoteSpan {
        open: s - 1,
        ..q.clone()
    };
    before_sentence(doc, &prev, lo).map(|a| Attribution {
        how: How::BeforeFar,
        rule: Rule::PreviousSentence,
        ..a
    })
}

/// [`Rule::AccordingToBefore`]: the mention after "according to".
fn according_to_before(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let Some(CueWord::According(v)) = l.cue else {
        return None;
    };
    let np = np_forward(doc, v + 2, l.e)?;
    let how = if np.last + 1 >= l.e {
        How::Before
    } else {
        l.how(doc, np.last)
    };
    Some(Attribution {
        np: Some(np),
        cue: Some((v, v + 1)),
        how,
        rule: Rule::AccordingToBefore,
    })
}

/// [`Rule::Participle`]: "saying" takes the subject of its clause, an
/// earlier finite cue's subject, else the first mention of the sentence.
fn participle(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let v = l.verb().filter(|&v| words::is_participle(doc.tok(v)))?;
    let s = l.s;
    let earlier_subject = (s..v)
        .rev()
        .filter(|&u| is_cue_verb(doc, u) && !words::is_participle(doc.tok(u)))
        .find_map(|u| np_backward(doc, s, u));
    let np = earlier_subject.or_else(|| {
        np_forward(doc, s, v).or_else(|| {
            let c = (s..v).find(|&x| doc.tok(x) == ",")?;
            np_forward(doc, c + 1, v)
        })
    });
    Some(l.by_verb(doc, v, np, Rule::Participle))
}

/// [`Rule::SaidXColon`]: "Said Ellis: “…”" — the verb first, the speaker
/// after it.
fn said_x_colon(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let v = l.verb()?;
    if !(l.s..v).all(|x| doc.tokens[x].kind == TokenKind::Punct) {
        return None;
    }
    Some(l.by_verb(doc, v, np_forward(doc, v + 1, l.e), Rule::SaidXColon))
}

/// The subject right before the verb: [`Rule::XSaidColon`],
/// [`Rule::XSaidThat`] or [`Rule::XToldReuters`] by what stands between
/// verb and mark, [`Rule::XSaidEarlier`] when more than that does.
fn x_said_before(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let v = l.verb()?;
    let np = np_backward(doc, l.s, v)?;
    let gap = v + 1..l.e;
    let rule = if !l.near(doc, v) {
        Rule::XSaidEarlier
    } else if gap.clone().all(|x| doc.tokens[x].kind == TokenKind::Punct) {
        Rule::XSaidColon
    } else if gap
        .clone()
        .all(|x| doc.tokens[x].kind == TokenKind::Punct || doc.tok(x) == "that")
    {
        Rule::XSaidThat
    } else {
        Rule::XToldReuters
    };
    Some(l.by_verb(doc, v, Some(np), rule))
}

/// [`Rule::ClauseXSaid`]: the subject after the last clause boundary before
/// the verb: "In a statement, X said".
fn clause_x_said(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let v = l.verb()?;
    let c = (l.s..v)
        .rev()
        .find(|&x| doc.tok(x) == "," || doc.tok(x) == ";")?;
    let np = np_backward(doc, c + 1, v)?;
    Some(l.by_verb(doc, v, Some(np), Rule::ClauseXSaid))
}

/// [`Rule::SecondVerb`]: "She … and repeatedly says, “…”" — the subject of
/// a sentence whose second verb, after "and", is the cue.
fn second_verb(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let v = l.verb()?;
    let s = l.s;
    let mut a = v;
    while a > s && words::ADVERBS.contains(doc.lower(a - 1)) {
        a -= 1;
    }
    if !(a > s && doc.tok(a - 1) == "and") {
        return None;
    }
    let c = (s..a)
        .rev()
        .find(|&x| doc.tok(x) == ",")
        .map_or(s, |c| c + 1);
    let np = np_forward(doc, c, a).or_else(|| np_forward(doc, s, a))?;
    Some(l.by_verb(doc, v, Some(np), Rule::SecondVerb))
}

/// [`Rule::CueAlone`]: a reporting verb no rule found a subject for.
fn cue_alone(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let v = l.verb()?;
    Some(l.by_verb(doc, v, None, Rule::CueAlone))
}

/// [`Rule::NameColon`]: `X: “…”` — with no cue, a name right before a
/// colon, in a short lead.
fn name_colon(doc: &Doc, l: &Lead) -> Option<Attribution> {
    let (s, e) = (l.s, l.e);
    if l.cue.is_some() || l.trailing != Some(":") || e - s > 10 || !doc.is_cap(e - 1) {
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
        rule: Rule::NameColon,
    })
}

// ---------------------------------------------------------------- inside

/// [`Rule::TranscriptLabel`]: a label at the start of the quotation,
/// `“WALLACE: …”`.
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
            rule: Rule::TranscriptLabel,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::find_spans;

    /// What the real selection ([`attribute`]) chooses for the first
    /// quotation of `t`: the rule that fired, its speaker mention and its cue
    /// as text.
    fn chosen(t: &str) -> Option<(Rule, Option<String>, Option<String>)> {
        let d = Doc::new(t);
        let spans = find_spans(&d);
        if spans.is_empty() {
            return None;
        }
        let a = attribute(&d, &spans, 0).chosen?;
        let text = |(x, y): (usize, usize)| t[d.tokens[x].start..d.tokens[y].end].to_string();
        Some((
            a.rule,
            a.np.map(|np| text((np.first, np.last))),
            a.cue.map(text),
        ))
    }

    /// (speaker mention, cue) for the first quotation of `t`.
    fn attr(t: &str) -> Option<(String, String)> {
        let (_, mention, cue) = chosen(t)?;
        Some((mention?, cue.unwrap_or_default()))
    }

    /// The rule that fires for the first quotation of `t`, and the speaker
    /// mention it finds ("" for none).
    fn fired(t: &str) -> Option<(Rule, String)> {
        let (rule, mention, _) = chosen(t)?;
        Some((rule, mention.unwrap_or_default()))
    }

    /// Every rule, in the order they are tried.
    const ALL: &[Rule] = &[
        Rule::DashName,
        Rule::AccordingToAfter,
        Rule::SaidX,
        Rule::XSaid,
        Rule::XAppositionSaid,
        Rule::PreviousSentence,
        Rule::AccordingToBefore,
        Rule::Participle,
        Rule::SaidXColon,
        Rule::XSaidColon,
        Rule::XSaidThat,
        Rule::XToldReuters,
        Rule::XSaidEarlier,
        Rule::ClauseXSaid,
        Rule::SecondVerb,
        Rule::CueAlone,
        Rule::NameColon,
        Rule::TranscriptLabel,
    ];

    /// Each rule's example and the speaker mention it finds there ("" for
    /// none). A `match`, so that a rule without an example does not compile.
    fn example(rule: Rule) -> (&'static str, &'static str) {
        match rule {
            Rule::DashName => ("“We are ashamed of this.” ― Sonya Herridge", "Sonya Herridge"),
            Rule::AccordingToAfter => (
                "“Talks are stalled,” according to sources familiar with the talks.",
                "sources familiar with the talks",
            ),
            Rule::SaidX => ("“We will win this,” said Jane Doe.", "Jane Doe"),
            Rule::XSaid => ("“We will win this,” Jane Doe said.", "Jane Doe"),
            Rule::XAppositionSaid => (
                "“We will win,” Osama Hamdan, a senior Hamas official, said.",
                "Osama Hamdan",
            ),
            Rule::PreviousSentence => (
                "The plan will work, Jane Doe said. “We will win this.”",
                "Jane Doe",
            ),
            Rule::AccordingToBefore => ("According to officials, “talks are stalled.”", "officials"),
            Rule::Participle => (
                "Blinken stressed the need for a pause before Ramadan, saying, “We have an opportunity.”",
                "Blinken",
            ),
            Rule::SaidXColon => ("Said Ellis: “We will win this.”", "Ellis"),
            Rule::XSaidColon => ("Jane Doe said: “We will win this.”", "Jane Doe"),
            Rule::XSaidThat => ("Jane Doe said that “we will win this.”", "Jane Doe"),
            Rule::XToldReuters => ("Jane Doe told Reuters: “We will win this.”", "Jane Doe"),
            Rule::XSaidEarlier => (
                "Jane Doe said the plan would “fail miserably” in the end.",
                "Jane Doe",
            ),
            Rule::ClauseXSaid => (
                "In a statement he wrote on Monday, the minister said: “We will win this.”",
                "the minister",
            ),
            Rule::SecondVerb => (
                "Jane Doe smiles and repeatedly says, “We will win this.”",
                "Jane Doe",
            ),
            Rule::CueAlone => ("The minister and her aides said: “We will win this.”", ""),
            Rule::NameColon => ("WALLACE: “Let us start with the news.”", "WALLACE"),
            Rule::TranscriptLabel => ("\"WALLACE: Let us start with the news.\"", "WALLACE"),
        }
    }

    #[test]
    fn every_rule_fires_on_its_example() {
        let failed: Vec<String> = ALL
            .iter()
            .filter_map(|&rule| {
                let (text, speaker) = example(rule);
                let got = fired(text);
                (got != Some((rule, speaker.to_string())))
                    .then(|| format!("{} ({rule:?}): {text:?} gave {got:?}", rule.name()))
            })
            .collect();
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn rules_are_listed_once() {
        for (i, r) in ALL.iter().enumerate() {
            assert!(!ALL[..i].contains(r), "{r:?} twice");
        }
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
