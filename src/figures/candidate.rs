//! The candidate rules: what makes the number read at a token a figure, and
//! with which unit, rate and counted phrase.
//!
//! [`read`] asks the rules in order. Each reading step is a function named
//! for what it reads ([`currency_before`], [`unit_after`], [`hyphen_noun`],
//! [`counted_phrase`], …); each rule that drops a number returns a
//! [`Reject`] naming itself, so a miss can be explained
//! ([`super::explain`]).

use super::lex::Ctx;
use super::numbers::{self, Num};
use super::{approx_len, counts, exclude, units, Cand, Shape, UnitRule};
use crate::lexicon::Class;

/// Why the number at a token is no figure: the rule that dropped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reject {
    /// No number starts here.
    NoNumber,
    /// A number stuck to letters is part of a name: "G7", "A2", "PS4".
    StuckToName,
    /// A token of it is one no figure may hold (an [`exclude`] rule).
    Excluded,
    /// Letters or digits stuck after it that are no unit make a code: "5G".
    Code,
    /// Without a unit, a number after a name or label is part of it:
    /// "Boeing 747", "Route 66".
    PartOfName,
    /// "9 o'clock".
    ClockTime,
    /// A bare "one" with no noun or "of the" after it: "no one", "the one".
    BareOne,
    /// A lone four-digit number read as a year.
    Year,
    /// The number and what was read after it lie in different sentences.
    CrossesSentence,
    /// A multiplier word ("twice as fast as", "double the price")
    /// compares two amounts and claims none; a written factor ("3.5
    /// times") is a figure.
    MultiplierWord,
}

impl Reject {
    /// The rule's name, as `presslens eval --explain` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Reject::NoNumber => "no number",
            Reject::StuckToName => "stuck to a name",
            Reject::Excluded => "excluded token",
            Reject::Code => "code",
            Reject::PartOfName => "part of a name",
            Reject::ClockTime => "clock time",
            Reject::BareOne => "bare one",
            Reject::Year => "year",
            Reject::CrossesSentence => "crosses a sentence",
            Reject::MultiplierWord => "multiplier word",
        }
    }
}

/// Reads the figure whose number starts at token `i`, or the rule that says
/// there is none.
pub(super) fn read(c: &Ctx, blocked: &[bool], i: usize) -> Result<Cand, Reject> {
    let st = number_at(c, blocked, i)?;
    if st.num.multiplier {
        return Err(Reject::MultiplierWord);
    }
    let mut u = unit_of(c, &st);
    code_or_name(c, &st.num, &u, i)?;
    let mut tail = tail_of(c, &st, &mut u);
    clock_one_or_year(c, &st, &u, tail.counted)?;
    let num = &st.num;
    if u.unit.is_none() && tail.counted.is_none() && age_in_apposition(c, num) {
        u.unit = Some("year of age".into());
        u.rule = Some(UnitRule::AgeInApposition);
    }
    if u.unit.is_none() && tail.counted.is_none() && age_in_context(c, num) {
        u.unit = Some("year of age".into());
        u.rule = Some(UnitRule::AgeInContext);
    }
    if u.unit.is_none() && tail.counted.is_none() {
        if let Some(k) = noun_before_or(c, num) {
            match units::measure(c, k).filter(|m| m.e == k + 1) {
                Some(m) => {
                    u.unit = Some(m.name);
                    u.rule = Some(UnitRule::NounBeforeOr);
                }
                None => tail.noun_before = Some(k),
            }
        }
    }
    // Nothing read after the number may lie in another sentence or line.
    if !c.same_sent(num.s, tail.core_e.saturating_sub(1)) || !c.same_sent(st.s, num.s) {
        return Err(Reject::CrossesSentence);
    }
    if !c.same_sent(num.s, tail.e.saturating_sub(1)) {
        tail.e = tail.core_e;
        tail.counted = None;
    }
    Ok(figure(c, &st, u, &tail))
}

/// The number a figure starts with, and the currency written before it.
struct Start {
    num: Num,
    /// The figure's first token: the currency's, or the number's.
    s: usize,
    /// The currency before the number ("$", "US$"): the figure is money.
    currency: Option<&'static str>,
}

/// The number at token `i` and the currency before it, or the rule that
/// drops it before anything after it is read.
fn number_at(c: &Ctx, blocked: &[bool], i: usize) -> Result<Start, Reject> {
    if !numbers::may_start(c, i) {
        return Err(Reject::NoNumber);
    }
    let prefix = currency_before(c, i);
    let money = prefix.is_some();
    if !money && stuck_to_name(c, i) {
        return Err(Reject::StuckToName);
    }
    let num = numbers::parse(c, i, money).ok_or(Reject::NoNumber)?;
    if (num.s..num.e).any(|k| blocked.get(k).copied().unwrap_or(true)) {
        return Err(Reject::Excluded);
    }
    Ok(Start {
        s: prefix.map_or(num.s, |p| p.0),
        currency: prefix.map(|p| p.1),
        num,
    })
}

/// The unit after the number: the currency before it, or a measure or
/// currency after it; then a noun hyphened to it ("six-cylinder"), an age
/// ("aged 25"), or a unit after "a" or "of" ("half a percentage point").
fn unit_of(c: &Ctx, st: &Start) -> Unit {
    let num = &st.num;
    let mut u = match st.currency {
        Some(cur) => Unit {
            k: after_money(c, num.e),
            unit: Some(cur.to_string()),
            rule: Some(UnitRule::CurrencyBefore),
            hyphen: false,
            noun: None,
            shape: shape_of(num),
        },
        None => unit_after(c, num),
    };
    u.noun = hyphen_noun(c, num, &u);
    if let Some((_, e)) = u.noun {
        u.k = e;
    }
    if u.unit.is_none() && !num.spelled && aged(c, st.s) {
        u.unit = Some("year of age".into());
        u.rule = Some(UnitRule::Aged);
    }
    if u.unit.is_none() {
        if let Some((unit, k)) = unit_after_of(c, num, u.k) {
            u.unit = Some(unit);
            u.rule = Some(UnitRule::AfterAOrOf);
            u.k = k;
        }
    }
    u
}

/// The rules that read the number, its unit known, as part of a code
/// ("5G") or, with no unit, of a name ("Boeing 747", "Route 66").
fn code_or_name(c: &Ctx, num: &Num, u: &Unit, i: usize) -> Result<(), Reject> {
    if code_after(c, u, i) {
        return Err(Reject::Code);
    }
    if u.unit.is_none() && (exclude::name_before(c, num.s) || exclude::model_after(c, u.k)) {
        return Err(Reject::PartOfName);
    }
    Ok(())
}

/// Where a figure's parts after its unit end.
struct Tail {
    /// One past the number, its unit and rate.
    core_e: usize,
    /// What the figure counts: a token span.
    counted: Option<(usize, usize)>,
    /// One past the figure's text.
    e: usize,
    /// "another striker or two": the noun before "or" that the number counts.
    noun_before: Option<usize>,
}

/// Reads what follows the unit: a rate ("per barrel", "a month", "/h"),
/// what the figure counts, or a rate after it ("120 tests per day": unit
/// "test"). A rate joins the unit: "dollar per barrel".
fn tail_of(c: &Ctx, st: &Start, u: &mut Unit) -> Tail {
    let num = &st.num;
    let mut rate: Option<String> = None;
    if u.unit.is_some() && c.same_sent(u.k, num.s) {
        if let Some((e, per)) = units::rate(c, u.k) {
            u.k = e;
            rate = Some(per);
        }
    }
    let core_e = u.k;
    let (counted, mut e) = counted_phrase(c, num, u, st.s);
    if u.unit.is_none() && rate.is_none() {
        if let Some((head, per, pe)) = rate_after_counted(c, num, counted, e) {
            u.unit = Some(head);
            u.rule = Some(UnitRule::CountedWithRate);
            rate = Some(per);
            e = pe;
        }
    }
    if let (Some(unit), Some(r)) = (&u.unit, &rate) {
        u.unit = Some(format!("{unit} per {r}"));
    }
    Tail {
        core_e,
        counted,
        e,
        noun_before: None,
    }
}

/// The rules that need the whole reading to drop a number: a clock time
/// ("9 o'clock"), a bare "one" ("no one"), a lone four-digit year.
fn clock_one_or_year(
    c: &Ctx,
    st: &Start,
    u: &Unit,
    counted: Option<(usize, usize)>,
) -> Result<(), Reject> {
    let num = &st.num;
    if matches!(c.lower(num.e), "o’clock" | "o'clock") {
        return Err(Reject::ClockTime);
    }
    if num.spelled
        && num.value == Some(1.0)
        && num.e == num.s + 1
        && u.unit.is_none()
        && !one_is_figure(c, num.s, num.e)
    {
        return Err(Reject::BareOne);
    }
    let plural_counted = counted.is_some_and(|(_, ce)| counts::is_plural(c.lower(ce - 1)));
    if st.currency.is_none()
        && u.unit.is_none()
        && num.e == num.s + 1
        && !num.spelled
        && exclude::is_year(c, num.s, plural_counted)
    {
        return Err(Reject::Year);
    }
    Ok(())
}

/// The figure read: its text's span, value, unit, what it counts, and
/// whether it is approximate ("about 40", "40 or so", "dozens").
fn figure(c: &Ctx, st: &Start, u: Unit, tail: &Tail) -> Cand {
    let num = &st.num;
    let counts = tail
        .counted
        .or(tail.noun_before.map(|k| (k, k + 1)))
        .map(|(a, b)| {
            let (x, y) = c.span(a, b);
            c.text[x..y].to_string()
        });
    let approx = approx_len(c, st.s).is_some()
        || approximate_after(c, tail.e)
        || num.vague
        || tail.noun_before.is_some()
        || u.rule == Some(UnitRule::NounBeforeOr);
    Cand {
        s: st.s,
        e: tail.e,
        core_e: tail.core_e,
        value: num.value,
        unit: u.unit,
        unit_rule: u.rule,
        counts,
        approx,
        shape: u.shape,
        money: st.currency.is_some(),
        spelled: num.spelled,
        relations: Vec::new(),
    }
}

/// What was read after the number so far.
struct Unit {
    /// One past the last token read.
    k: usize,
    unit: Option<String>,
    /// The rule that read `unit`.
    rule: Option<UnitRule>,
    /// The unit is hyphened to the number: "5-mile".
    hyphen: bool,
    /// A noun hyphened to a number with no unit ("six-cylinder"): what the
    /// figure counts, as a token span.
    noun: Option<(usize, usize)>,
    shape: Shape,
}

fn shape_of(num: &Num) -> Shape {
    if num.vague {
        Shape::Vague
    } else if num.multiplier {
        Shape::Multiplier
    } else if num.fraction {
        Shape::Fraction
    } else {
        Shape::Plain
    }
}

/// A currency before the number: its first token and name. "PS4" is a
/// console, "PS2.7m" money: a two-letter code of one token stuck to a single
/// digit is a name (a longer code joins its parts with spaces).
fn currency_before(c: &Ctx, i: usize) -> Option<(usize, &'static str)> {
    units::currency_prefix(c, i).filter(|&(k, _)| {
        !(i - k == 1
            && c.tok(k).chars().all(|ch| ch.is_alphabetic())
            && c.stuck(i)
            && c.tok(i).len() == 1
            && !c.stuck(i + 1)
            && c.is_num(i))
    })
}

/// A number stuck to letters that are no currency code: "G7", "M21".
fn stuck_to_name(c: &Ctx, i: usize) -> bool {
    c.is_num(i) && c.stuck(i) && c.is_word(i - 1)
}

/// Past a country mark after an amount: "$76 US a barrel", "$75 U.S. per
/// barrel".
fn after_money(c: &Ctx, k: usize) -> usize {
    if matches!(c.tok(k), "US" | "U.S.") && !c.stuck(k) && !c.is_cap(k + 1) {
        k + 1
    } else {
        k
    }
}

/// A unit (a currency or a measure) after a plain number, in its sentence;
/// hyphened ("5-mile") or not. "5-%" is no percentage; a multiplier unit
/// ("times") makes a multiplier.
fn unit_after(c: &Ctx, num: &Num) -> Unit {
    let mut u = Unit {
        k: num.e,
        unit: None,
        rule: None,
        hyphen: false,
        noun: None,
        shape: shape_of(num),
    };
    if num.vague || num.multiplier {
        return u;
    }
    let k = num.e;
    let hy = c.tok(k) == "-" && c.stuck(k) && c.stuck(k + 1) && c.is_word(k + 1);
    let uk = if hy { k + 1 } else { k };
    let here = c.same_sent(uk, num.s);
    let best = match units::measure(c, uk) {
        Some(m) => Some((m, UnitRule::AfterNumber)),
        None => modified_unit(c, uk)
            .filter(|_| !hy)
            .map(|m| (m, UnitRule::AfterModifier)),
    }
    .filter(|_| here);
    if let Some((m, rule)) = best {
        if !(hy && m.name == "percentage" && c.tok(uk) == "%") {
            u.k = m.e;
            u.hyphen = hy;
            if m.dimension == units::Dimension::Multiplier {
                u.shape = Shape::Multiplier;
            }
            u.unit = Some(m.name);
            u.rule = Some(rule);
        }
    }
    u
}

/// A unit after one modifier word ("12 more miles", "40 straight days"):
/// the number's unit, the modifier inside the figure. A multiplier ("three
/// more times") is none.
fn modified_unit(c: &Ctx, k: usize) -> Option<units::Unit> {
    if !Class::UnitModifier.contains(c.lower(k)) || c.stuck(k) || !c.same_sent(k, k + 1) {
        return None;
    }
    units::measure(c, k + 1).filter(|m| m.dimension != units::Dimension::Multiplier)
}

/// "six-cylinder", "three-point": a noun hyphened to a number with no unit
/// is what it counts (its token span).
fn hyphen_noun(c: &Ctx, num: &Num, u: &Unit) -> Option<(usize, usize)> {
    let k = u.k;
    (u.unit.is_none()
        && !num.vague
        && c.tok(k) == "-"
        && c.stuck(k)
        && c.stuck(k + 1)
        && c.is_word(k + 1)
        && !counts::is_stop(c.lower(k + 1))
        && !c.is_cap(k + 1))
    .then_some((k + 1, k + 2))
}

/// Ages: "aged 25", "over the age of 21".
fn aged(c: &Ctx, s: usize) -> bool {
    matches!(c.lower_back(s, 1), "aged" | "ages")
        || c.lower_back(s, 1) == "of" && matches!(c.lower_back(s, 2), "age" | "ages")
}

/// A unit after "a" or "of": "half a percentage point", "a couple of days",
/// "dozens of miles". Its name and one past its last token.
fn unit_after_of(c: &Ctx, num: &Num, k: usize) -> Option<(String, usize)> {
    if num.fraction && matches!(c.lower(k), "a" | "an") && c.same_sent(k + 1, num.s) {
        if let Some(u) = units::measure(c, k + 1).filter(|u| !u.name.contains(" of ")) {
            return Some((u.name, u.e));
        }
    }
    // A capitalised word after "of" is a name, not a unit: "two dozen of
    // Sen. Cruz's donors" (an all-capitals code, "millions of USD", is one).
    let titled = c.is_cap(k + 1) && c.tok(k + 1).chars().any(|ch| ch.is_lowercase());
    if (num.vague || num.spelled) && c.lower(k) == "of" && c.same_sent(k, num.s) && !titled {
        if let Some(u) = units::measure(c, k + 1)
            .filter(|u| !u.name.contains(" of ") && u.dimension != units::Dimension::Percentage)
        {
            return Some((u.name, u.e));
        }
    }
    None
}

/// Letters stuck after the number that are no unit ("5G", "9AB8"), or more
/// digits stuck to it.
fn code_after(c: &Ctx, u: &Unit, i: usize) -> bool {
    let k = u.k;
    u.unit.is_none() && c.is_word(k) && c.stuck(k) && c.same_sent(k, i) || c.is_num(k) && c.stuck(k)
}

/// What the figure counts: its token span, and where the figure's text
/// ends. "40 hostages", "a couple of days", "dozens of people"; a noun
/// hyphened to the number was read already.
fn counted_phrase(c: &Ctx, num: &Num, u: &Unit, s: usize) -> (Option<(usize, usize)>, usize) {
    let k = u.k;
    let mut e = k;
    let many = num.value.is_none_or(|v| v.abs() != 1.0) && !num.fraction;
    let mut counted = u.noun;
    if u.noun.is_some() || !c.same_sent(k, num.s) {
        // counted already, or nothing to count in this sentence
    } else if let Some((p, det)) = counts::of_phrase(c, k, true) {
        if u.unit.is_some()
            || matches!(u.shape, Shape::Vague | Shape::Fraction | Shape::Multiplier)
            || num.value == Some(1.0) && num.spelled
        {
            counted = Some(p);
            if !det {
                e = p.1;
            }
        }
    } else if (u.unit.is_none()
        || u.hyphen
        || c.lower_back(s, 1) == "a"
        || c.lower_back(s, 1) == "an")
        && !matches!(u.shape, Shape::Vague | Shape::Fraction)
    {
        if let Some(p) = counts::phrase(c, k, many && !u.hyphen) {
            counted = Some(p);
            e = p.1;
        }
    }
    (counted, e)
}

/// A plain number and its counted noun may still carry a rate: "120 tests
/// per day" (unit "test", rate "day"). The unit, the rate and one past it.
fn rate_after_counted(
    c: &Ctx,
    num: &Num,
    counted: Option<(usize, usize)>,
    e: usize,
) -> Option<(String, String, usize)> {
    if !c.same_sent(e, num.s) || !matches!(c.lower(e), "per" | "a" | "an" | "/") {
        return None;
    }
    let (_, ce) = counted?;
    let (pe, per) = units::rate(c, e)?;
    Some((units::singular(c.tok(ce - 1)), per, pe))
}

/// "Jamie Armstrong, 25, said": an age in apposition to a name.
fn age_in_apposition(c: &Ctx, num: &Num) -> bool {
    !num.spelled
        && num.e == num.s + 1
        && c.tok(num.s.wrapping_sub(1)) == ","
        && c.is_cap(num.s.wrapping_sub(2))
        && matches!(c.tok(num.e), "," | ")" | "―" | "—" | "–")
        && num
            .value
            .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v))
}

/// "a day or two", "another striker or two", "an hour or three": a spelled
/// number after "or" and a noun after "a" counts that noun (or is measured
/// in it), approximately. The noun's token. ("one day or two" is a figure
/// already; "a or two" has no noun.)
fn noun_before_or(c: &Ctx, num: &Num) -> Option<usize> {
    let s = num.s;
    let k = s.checked_sub(2)?;
    (num.spelled
        && num.e == s + 1
        && num.value.is_some_and(|v| (2.0..=4.0).contains(&v))
        && c.lower(s - 1) == "or"
        && c.is_word(k)
        && !counts::is_stop(c.lower(k))
        && matches!(c.lower_back(k, 1), "a" | "an" | "another")
        && c.same_sent(k - 1, s))
    .then_some(k)
}

/// "when she turned 40", "life expectancy there is about 68": a bare
/// whole number after a form of "turn", or within ten words after "life
/// expectancy", is an age. (Anything counted after it, "turned 40 points",
/// comes first.)
fn age_in_context(c: &Ctx, num: &Num) -> bool {
    let Some(v) = num.value.filter(|v| v.fract() == 0.0) else {
        return false;
    };
    let s = num.s;
    if matches!(c.lower_back(s, 1), "turn" | "turns" | "turned" | "turning") {
        return (1.0..=120.0).contains(&v);
    }
    let lo = s.saturating_sub(10).max(c.sent_start(s));
    (20.0..=110.0).contains(&v)
        && (lo + 1..s).any(|k| c.lower(k) == "expectancy" && c.lower(k - 1) == "life")
}

/// "40 or so", "50-odd", "100 plus".
fn approximate_after(c: &Ctx, e: usize) -> bool {
    matches!(
        (c.lower(e), c.lower(e + 1)),
        ("or", "so") | ("or", "more") | ("odd", _) | ("-", "odd") | ("-", "plus") | ("plus", _)
    ) && c.same_sent(e, e.saturating_sub(1))
}

/// Whether a bare "one" at `i` (ending at `e`) is a figure: "one solution",
/// "one of the best", "one in five"; not "no one", "the one", "one another".
fn one_is_figure(c: &Ctx, i: usize, e: usize) -> bool {
    if matches!(
        c.lower_back(i, 1),
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
    let next = c.lower(e);
    if next == "of" {
        return Class::Determiner.contains(c.lower(e + 1)) || c.lower(e + 1) == "every";
    }
    if (next == "in" || next == "out")
        && (c.is_num(e + 1) || numbers::is_number_word(c.lower(e + 1)) || c.lower(e + 1) == "of")
    {
        return true;
    }
    if next == "-" && c.stuck(e) {
        return units::measure(c, e + 1).is_some();
    }
    let acronym = c.tok(e).len() >= 2 && c.tok(e).chars().all(|ch| ch.is_uppercase());
    if !c.is_word(e) || counts::is_stop(next) && !acronym || !c.same_sent(i, e) {
        return false;
    }
    // "the middle one shows": a plural-looking word after "one" is a verb.
    let plural_verb = counts::is_plural(next)
        && !matches!(next, "series" | "news" | "species" | "means" | "sports");
    next != "another" && !plural_verb
}
