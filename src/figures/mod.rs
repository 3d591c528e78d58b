//! Claimed figures: numbers with what they count, their unit and value, and
//! how figures relate ("40 hostages … in exchange for … 400 security
//! prisoners").
//!
//! One left-to-right pass over the figure tokens ([`lex`]):
//! 1. [`exclude`] marks numbers that are not figures (dates, times, years,
//!    page furniture, list numbering, footnotes, parts of names);
//! 2. at each remaining token, a currency prefix ([`units`]) and a number
//!    ([`numbers`]) are read, then a unit or currency after it, a rate
//!    ("per barrel"), and what it counts ([`counts`]);
//! 3. [`shared`] gives bare numbers the unit written once after them
//!    ("5 and 7 per cent", "four-, five- and six-cylinder");
//! 4. [`relations`] joins ranges ("between 10 and 15"), recognises scores,
//!    and links figures that are exchanged, changed, compared or in ratio.
//!
//! Offsets are UTF-8 byte offsets. Linear in the text; never panics.

mod candidate;
mod counts;
mod exclude;
mod lex;
mod numbers;
mod relations;
mod shared;
mod units;

use crate::report::{Figure, Relation, RelationKind};
use crate::text::Doc;
use lex::Ctx;

/// What sort of figure a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Plain,
    /// "between 10 and 15", "10-15": no single value.
    Range,
    /// "3-2", "89-89": a result.
    Score,
    /// "6.5 times" (a multiplier word, "twice", is no figure).
    Multiplier,
    /// "dozens", "tens of thousands": no value.
    Vague,
    /// "half", "two-thirds", "1/16".
    Fraction,
}

/// The rule that gave a figure its unit, for explaining a wrong one
/// (`presslens eval --explain`, [`unit_rules`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitRule {
    /// "$5", "US$ 5", "NIS 100".
    CurrencyBefore,
    /// "5 km", "100 shekels", "5-mile".
    AfterNumber,
    /// "12 more miles".
    AfterModifier,
    /// "aged 25", "over the age of 21".
    Aged,
    /// "half a percentage point", "dozens of miles".
    AfterAOrOf,
    /// "Jamie Armstrong, 25, said".
    AgeInApposition,
    /// "when she turned 40", "life expectancy there is about 68".
    AgeInContext,
    /// "120 tests per day": the counted noun and its rate.
    CountedWithRate,
    /// "12 deaths per 100,000 people": a rate per a round number.
    PerRound,
    /// "a day or two": the noun before "or".
    NounBeforeOr,
    /// A unit written once for several numbers: a rule of [`shared`].
    Shared(&'static str),
    /// "from 21 mpg to 23".
    ChangeEnds,
    /// "won 3-2".
    Score,
}

impl UnitRule {
    /// The rule's name, as `presslens eval --explain` prints it.
    pub fn name(self) -> &'static str {
        match self {
            UnitRule::CurrencyBefore => "currency before the number",
            UnitRule::AfterNumber => "unit after the number",
            UnitRule::AfterModifier => "unit after a modifier",
            UnitRule::Aged => "age after aged",
            UnitRule::AfterAOrOf => "unit after a or of",
            UnitRule::AgeInApposition => "age in apposition",
            UnitRule::AgeInContext => "age after turn or life expectancy",
            UnitRule::CountedWithRate => "counted noun with a rate",
            UnitRule::PerRound => "rate per a round number",
            UnitRule::NounBeforeOr => "noun before or",
            UnitRule::Shared(rule) => rule,
            UnitRule::ChangeEnds => "ends of a change",
            UnitRule::Score => "score",
        }
    }
}

/// A figure while it is being built, over token indices.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Token span of the figure's text.
    pub s: usize,
    pub e: usize,
    /// One past the number and its unit (before a counted phrase).
    pub core_e: usize,
    pub value: Option<f64>,
    pub unit: Option<String>,
    /// The rule that gave `unit`.
    pub unit_rule: Option<UnitRule>,
    pub counts: Option<String>,
    pub approx: bool,
    pub shape: Shape,
    pub money: bool,
    /// The number was written in words.
    pub spelled: bool,
    pub relations: Vec<(RelationKind, usize)>,
}

/// The longest approximation (up to four tokens, in the sentence) ending
/// right before token `s`: its number of tokens.
pub(crate) fn approx_len(c: &Ctx, s: usize) -> Option<usize> {
    use crate::lexicon::{entries_in, Class, FastSet};
    static SETS: std::sync::OnceLock<(FastSet<&'static str>, FastSet<&'static str>)> =
        std::sync::OnceLock::new();
    let (all, last) = SETS.get_or_init(|| {
        let all = entries_in(Class::Approx).collect();
        let last = entries_in(Class::Approx)
            .map(|a| a.rsplit(' ').next().unwrap_or(a))
            .collect();
        (all, last)
    });
    if s == 0 || !last.contains(c.lower(s - 1)) {
        return None;
    }
    let mut buf = [0u8; 40];
    (1..=4.min(s)).rev().find(|&n| {
        c.same_sent(s - n, s)
            && c.join_into(s - n, s, true, &mut buf)
                .is_some_and(|k| all.contains(k))
    })
}

trait EndsBefore {
    fn is_none_or_before(&self, s: usize) -> bool;
}

impl EndsBefore for Option<&Cand> {
    fn is_none_or_before(&self, s: usize) -> bool {
        self.is_none_or(|p| p.e.max(p.core_e) <= s)
    }
}

/// The numbers of `doc` that are no figures, each with the name of the rule
/// that says so: an exclusion rule of [`exclude`] ("clock time", "street
/// address") or a candidate rule of [`candidate::Reject`] ("part of a
/// name", "year"), or a fold of [`relations`] that made it part of the
/// figure before it ("proportion": "five" in "one in five adults"). Byte
/// start, byte end, rule. For explaining a miss (`presslens eval
/// --explain`), not for annotating.
pub fn not_figures(doc: &Doc) -> Vec<(usize, usize, &'static str)> {
    let c = Ctx::new(doc);
    let by = exclude::blocked_by(&c);
    let blocked: Vec<bool> = by.iter().map(Option::is_some).collect();
    let folded = relations::folded(&c, candidates(&c));
    let folded = folded.into_iter().map(|(s, e, rule)| {
        let (s, e) = c.span(s, e);
        (s, e, rule)
    });
    (0..c.len())
        .filter(|&i| c.is_num(i))
        .filter_map(|i| {
            let rule = match by[i] {
                Some(rule) => rule,
                None => match candidate::read(&c, &blocked, i) {
                    Err(r) if r != candidate::Reject::NoNumber => r.name(),
                    _ => return None,
                },
            };
            let (s, e) = c.span(i, i + 1);
            Some((s, e, rule))
        })
        .chain(folded)
        .collect()
}

/// The figures of `c` as read one by one, left to right, before ranges,
/// shared units and relations.
fn candidates(c: &Ctx) -> Vec<Cand> {
    let blocked = exclude::blocked(c);
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if blocked[i] {
            i += 1;
            continue;
        }
        if let Ok(f) = candidate::read(c, &blocked, i) {
            // "Senate 68-32": the second number of a pair whose first is no
            // figure is none either.
            let orphan = c.tok(i.wrapping_sub(1)) == "-"
                && c.stuck(i)
                && c.stuck(i.wrapping_sub(1))
                && c.is_num(i.wrapping_sub(2))
                && cands.last().is_none_or(|p| p.e.max(p.core_e) != i - 1);
            // A currency prefix may reach back into the previous figure.
            if !orphan && cands.last().is_none_or_before(f.s) {
                i = f.e.max(f.core_e).max(i + 1);
                cands.push(f);
                continue;
            }
        }
        i += 1;
    }
    cands
}

/// Each figure of `doc` ([`find`]'s, in its order): its byte span and the
/// rule that gave its unit, `None` when it has none. For explaining a
/// wrong unit (`presslens eval --explain`), not for annotating.
pub fn unit_rules(doc: &Doc) -> Vec<(usize, usize, Option<UnitRule>)> {
    let c = Ctx::new(doc);
    relations::link(&c, candidates(&c))
        .into_iter()
        .map(|f| {
            let (s, e) = c.span(f.s, f.e);
            (s, e, f.unit_rule)
        })
        .collect()
}

/// Finds the figures in `doc`.
pub fn find(doc: &Doc) -> Vec<Figure> {
    let c = Ctx::new(doc);
    let cands = candidates(&c);
    let cands = relations::link(&c, cands);
    cands
        .into_iter()
        .map(|f| {
            let (start, end) = c.span(f.s, f.e);
            Figure {
                start,
                end,
                text: doc.text.get(start..end).unwrap_or("").to_string(),
                value: f.value,
                unit: f.unit,
                counts: f.counts,
                approximate: f.approx,
                relations: f
                    .relations
                    .into_iter()
                    .map(|(kind, figure)| Relation { kind, figure })
                    .collect(),
            }
        })
        .collect()
}
