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
//! 3. [`relations`] joins ranges ("between 10 and 15"), recognises scores,
//!    and links figures that are exchanged, changed, compared or in ratio.
//!
//! Offsets are UTF-8 byte offsets. Linear in the text; never panics.

mod counts;
mod exclude;
mod lex;
mod numbers;
mod relations;
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
    /// "twice", "6.5 times".
    Multiplier,
    /// "dozens", "tens of thousands": no value.
    Vague,
    /// "half", "two-thirds", "1/16".
    Fraction,
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
    if s == 0 || !last.contains(c.l(s - 1)) {
        return None;
    }
    let mut buf = [0u8; 40];
    (1..=4.min(s)).rev().find(|&n| {
        c.same_sent(s - n, s)
            && c.join_into(s - n, s, true, &mut buf)
                .is_some_and(|k| all.contains(k))
    })
}

fn approximate_before(c: &Ctx, s: usize) -> bool {
    approx_len(c, s).is_some()
}

fn approximate_after(c: &Ctx, e: usize) -> bool {
    matches!(
        (c.l(e), c.l(e + 1)),
        ("or", "so") | ("or", "more") | ("odd", _) | ("-", "odd") | ("-", "plus") | ("plus", _)
    ) && c.same_sent(e, e.saturating_sub(1))
}

/// Whether a bare "one" at `i` (ending at `e`) is a figure: "one solution",
/// "one of the best", "one in five"; not "no one", "the one", "one another".
fn one_is_figure(c: &Ctx, i: usize, e: usize) -> bool {
    if matches!(
        c.lb(i, 1),
        "no" | "each"
            | "every"
            | "any"
            | "the"
            | "this"
            | "that"
            | "which"
            | "same"
            | "another"
            | "last"
            | "little"
            | "big"
            | "new"
            | "old"
    ) {
        return false;
    }
    let next = c.l(e);
    if next == "of" {
        return matches!(
            c.l(e + 1),
            "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "my"
                | "your"
                | "these"
                | "those"
                | "every"
        );
    }
    if (next == "in" || next == "out")
        && (c.is_num(e + 1) || numbers::is_number_word(c.l(e + 1)) || c.l(e + 1) == "of")
    {
        return true;
    }
    if next == "-" && c.stuck(e) {
        return units::measure(c, e + 1).is_some();
    }
    let acronym = c.t(e).len() >= 2 && c.t(e).chars().all(|ch| ch.is_uppercase());
    if !c.is_word(e) || counts::is_stop(next) && !acronym || !c.same_sent(i, e) {
        return false;
    }
    // "the middle one shows": a plural-looking word after "one" is a verb.
    let plural_verb = counts::is_plural(next)
        && !matches!(next, "series" | "news" | "species" | "means" | "sports");
    next != "another" && !plural_verb
}

/// Reads the figure whose number starts at token `i`, if there is one.
fn candidate(c: &Ctx, blocked: &[bool], i: usize) -> Option<Cand> {
    if !numbers::may_start(c, i) {
        return None;
    }
    let prefix = units::currency_prefix(c, i);
    // "PS4" is a console, "PS2.7m" money: a two-letter code stuck to a
    // single digit is a name.
    let prefix = prefix.filter(|&(k, _)| {
        // (a code of one token: a longer one joins its parts with spaces)
        !(i - k == 1
            && c.t(k).chars().all(|ch| ch.is_alphabetic())
            && c.stuck(i)
            && c.t(i).len() == 1
            && !c.stuck(i + 1)
            && c.is_num(i))
    });
    let money = prefix.is_some();
    // A number stuck to letters is part of a name ("G7", "A2", "M21"),
    // unless the letters are a currency code ("PS2.7m", "USD10m").
    if !money && c.is_num(i) && c.stuck(i) && c.is_word(i - 1) {
        return None;
    }
    let num = numbers::parse(c, i, money)?;
    if (num.s..num.e).any(|k| blocked.get(k).copied().unwrap_or(true)) {
        return None;
    }
    let s = prefix.map_or(num.s, |p| p.0);
    let mut k = num.e;
    let mut unit: Option<String> = prefix.map(|p| p.1.to_string());
    let mut hyphen_unit = false;
    let mut shape = if num.vague {
        Shape::Vague
    } else if num.multiplier {
        Shape::Multiplier
    } else if num.fraction {
        Shape::Fraction
    } else {
        Shape::Plain
    };
    if money {
        // "$76 US a barrel", "$75 U.S. per barrel"
        if matches!(c.t(k), "US" | "U.S.") && !c.stuck(k) && !c.capitalised(k + 1) {
            k += 1;
        }
    } else if !num.vague && !num.multiplier {
        let hy = c.t(k) == "-" && c.stuck(k) && c.stuck(k + 1) && c.is_word(k + 1);
        let uk = if hy { k + 1 } else { k };
        let here = c.same_sent(uk, num.s);
        let cur = units::currency_suffix(c, uk).filter(|_| here);
        let mea = units::measure(c, uk).filter(|_| here);
        let best = match (cur, mea) {
            (Some(a), Some(b)) => Some(if b.e > a.e { b } else { a }),
            (a, b) => a.or(b),
        };
        if let Some(u) = best {
            // A hyphen and then "%" ("5-%") is no percentage.
            if !(hy && u.name == "percentage" && c.t(uk) == "%") {
                k = u.e;
                hyphen_unit = hy;
                if u.name == "count" {
                    shape = Shape::Multiplier;
                }
                unit = Some(u.name);
            }
        }
    }
    // "six-cylinder", "three-point": a noun hyphened to the number is what it
    // counts.
    let mut hyphen_noun: Option<(usize, usize)> = None;
    if unit.is_none()
        && !num.vague
        && c.t(k) == "-"
        && c.stuck(k)
        && c.stuck(k + 1)
        && c.is_word(k + 1)
        && !counts::is_stop(c.l(k + 1))
        && !c.capitalised(k + 1)
    {
        hyphen_noun = Some((k + 1, k + 2));
        k += 2;
    }
    // Ages: "aged 25", "over the age of 21".
    if unit.is_none()
        && !num.spelled
        && (matches!(c.lb(s, 1), "aged" | "ages")
            || c.lb(s, 1) == "of" && matches!(c.lb(s, 2), "age" | "ages"))
    {
        unit = Some("year of age".into());
    }
    // "a couple of days", "dozens of miles": a unit after "of".
    // "half a percentage point", "half a century"
    if unit.is_none() && num.fraction && matches!(c.l(k), "a" | "an") && c.same_sent(k + 1, num.s) {
        if let Some(u) = units::measure(c, k + 1).filter(|u| !u.name.contains(" of ")) {
            unit = Some(u.name);
            k = u.e;
        }
    }
    if unit.is_none() && (num.vague || num.spelled) && c.l(k) == "of" && c.same_sent(k, num.s) {
        if let Some(u) =
            units::measure(c, k + 1).filter(|u| !u.name.contains(" of ") && u.name != "percentage")
        {
            unit = Some(u.name);
            k = u.e;
        }
    }
    // Letters stuck to the number that are no unit make a code: "5G", "9AB8".
    if unit.is_none() && c.is_word(k) && c.stuck(k) && c.same_sent(k, i) {
        return None;
    }
    if c.is_num(k) && c.stuck(k) {
        return None;
    }
    // Without a unit, a number after a name or label is part of it.
    if unit.is_none() && (exclude::name_before(c, num.s) || exclude::model_after(c, k)) {
        return None;
    }
    // Rates: "per barrel", "a month", "/h".
    let mut rate: Option<String> = None;
    if unit.is_some() && c.same_sent(k, num.s) {
        if let Some((e, per)) = units::rate(c, k) {
            k = e;
            rate = Some(per);
        }
    }
    let core_e = k;
    let mut e = k;
    // What it counts.
    let many = num.value.is_none_or(|v| v.abs() != 1.0) && !num.fraction;
    let mut counted: Option<(usize, usize)> = hyphen_noun;
    if hyphen_noun.is_some() || !c.same_sent(k, num.s) {
        // counted already
    } else if let Some((p, det)) = counts::of_phrase(c, k, true) {
        if unit.is_some()
            || matches!(shape, Shape::Vague | Shape::Fraction | Shape::Multiplier)
            || num.value == Some(1.0) && num.spelled
        {
            counted = Some(p);
            if !det {
                e = p.1;
            }
        }
    } else if (unit.is_none() || hyphen_unit || c.lb(s, 1) == "a" || c.lb(s, 1) == "an")
        && !matches!(shape, Shape::Vague | Shape::Fraction)
    {
        if let Some(p) = counts::phrase(c, k, many && !hyphen_unit) {
            counted = Some(p);
            e = p.1;
        }
    }
    // A plain number and its counted noun may still carry a rate: "120 tests
    // per day".
    if unit.is_none() && rate.is_none() && c.same_sent(e, num.s) {
        let rate_word = matches!(c.l(e), "per" | "a" | "an" | "/");
        if let Some((pe, per)) = units::rate(c, e).filter(|_| counted.is_some() && rate_word) {
            let head = counted
                .map(|(_, ce)| units::singular(c.t(ce - 1)))
                .unwrap_or_default();
            unit = Some(head);
            rate = Some(per);
            e = pe;
        }
    }
    if let (Some(u), Some(r)) = (&unit, &rate) {
        unit = Some(format!("{u} per {r}"));
    }
    if matches!(c.l(num.e), "o’clock" | "o'clock") {
        return None;
    }
    // Bare "one" needs a noun or an "of the" after it.
    if num.spelled
        && num.value == Some(1.0)
        && num.e == num.s + 1
        && unit.is_none()
        && !one_is_figure(c, num.s, num.e)
    {
        return None;
    }
    let plural_counted = counted.is_some_and(|(_, ce)| counts::is_plural(c.l(ce - 1)));
    if !money
        && unit.is_none()
        && num.e == num.s + 1
        && !num.spelled
        && exclude::is_year(c, num.s, plural_counted)
    {
        return None;
    }
    // "Jamie Armstrong, 25, said": an age in apposition.
    if unit.is_none()
        && counted.is_none()
        && !num.spelled
        && num.e == num.s + 1
        && c.t(num.s.wrapping_sub(1)) == ","
        && c.capitalised(num.s.wrapping_sub(2))
        && matches!(c.t(num.e), "," | ")" | "―" | "—" | "–")
        && num
            .value
            .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v))
    {
        unit = Some("year of age".into());
    }
    // Nothing read after the number may lie in another sentence or line.
    if !c.same_sent(num.s, core_e.saturating_sub(1)) || !c.same_sent(s, num.s) {
        return None;
    }
    if !c.same_sent(num.s, e.saturating_sub(1)) {
        e = core_e;
        counted = None;
    }
    let counts = counted.map(|(a, b)| {
        let (x, y) = c.span(a, b);
        c.text[x..y].to_string()
    });
    let approx = approximate_before(c, s) || approximate_after(c, e) || num.vague;
    Some(Cand {
        s,
        e,
        core_e,
        value: num.value,
        unit,
        counts,
        approx,
        shape,
        money,
        spelled: num.spelled,
        relations: Vec::new(),
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
/// that says so ("clock time", "street address"): byte start, byte end,
/// rule. For explaining a miss, not for annotating.
pub fn not_figures(doc: &Doc) -> Vec<(usize, usize, &'static str)> {
    let c = Ctx::new(doc);
    exclude::blocked_by(&c)
        .into_iter()
        .enumerate()
        .filter(|&(i, rule)| rule.is_some() && c.is_num(i))
        .filter_map(|(i, rule)| {
            let (s, e) = c.span(i, i + 1);
            Some((s, e, rule?))
        })
        .collect()
}

/// Finds the figures in `doc`.
pub fn find(doc: &Doc) -> Vec<Figure> {
    let c = Ctx::new(doc);
    let blocked = exclude::blocked(&c);
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if blocked[i] {
            i += 1;
            continue;
        }
        if let Some(f) = candidate(&c, &blocked, i) {
            // "Senate 68-32": the second number of a pair whose first is no
            // figure is none either.
            let orphan = c.t(i.wrapping_sub(1)) == "-"
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
