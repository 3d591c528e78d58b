//! Ranges, scores and relations between figures.
//!
//! Two neighbouring figures in a sentence are read through the words
//! between them:
//! - a range ("between 10 and 15", "10-15 miles", "$3 billion to $5
//!   billion") or a score ("won 3-2", "at 89-89") becomes one figure with no
//!   single value;
//! - exchange: "X for Y", "X in exchange for Y", "X swapped for Y";
//! - change: "rose from X to Y", "up 9.4% to $84", "to $7.4bn from $6.8bn",
//!   "$3.1 million, down 9.2%";
//! - a proportion ("one in five adults", "two out of three") or a rate per
//!   a round number ("12 deaths per 100,000 people") is one figure, the
//!   second number no claimed amount of its own ([`FOLDS`]);
//! - ratio: "eight of 10 avocados", "1 for every 3";
//! - comparison: "3.5 times the 90 decibels", "X compared with Y", "X versus Y".
//!
//! A relation is written on both figures, each pointing at the other's index
//! in the final list.

use super::lex::Ctx;
use super::{Cand, Shape};
use crate::lexicon::Class;
use crate::report::RelationKind;

/// Words that make "X to Y" a change rather than a range.
fn change_word(w: &str) -> bool {
    Class::ChangeWord.contains(w)
}

fn time_unit(u: &str) -> bool {
    matches!(
        u,
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "century"
    )
}

/// Whether a change word stands within `n` tokens before token `s`, in its
/// sentence.
fn change_before(c: &Ctx, s: usize, n: usize) -> bool {
    let lo = s.saturating_sub(n).max(c.sent_start(s));
    // ("up to" and "down to" are approximations, not changes.)
    (lo..s).any(|k| {
        change_word(c.lower(k)) && !(matches!(c.lower(k), "up" | "down") && c.lower(k + 1) == "to")
    })
}

/// The token before a figure starting at `s`, past an approximation
/// ("from up to 252 miles" → "from").
fn before_figure(c: &Ctx, s: usize) -> usize {
    match super::approx_len(c, s) {
        Some(n) => (s - n).wrapping_sub(1),
        None => s.wrapping_sub(1),
    }
}

/// Joins ranges and scores into single figures.
fn merge(c: &Ctx, v: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(v.len());
    let mut it = v.into_iter().peekable();
    while let Some(a) = it.next() {
        let Some(j) = it.peek().and_then(|b| joint(c, &a, b)) else {
            out.push(a);
            continue;
        };
        let b = it.next().unwrap_or_else(|| a.clone());
        out.push(joined(c, &a, &b, &j));
    }
    out
}

/// How two neighbouring figures that make one range or score are joined:
/// what [`joined`] needs of the words around them.
struct Joint<'c> {
    /// The token before the first figure (past an approximation).
    pre: usize,
    /// That token, lowercased: "between" opens the range, "won" a score.
    before: &'c str,
    /// A dash alone stands between them ("3-2"): a score may be read.
    dash: bool,
}

/// Whether figure `a` and the next figure `b` join as one range or score
/// ("between 10 and 15", "10-15 miles", "won 3-2"), and how. Figures of
/// a change ("rose from 240 to 273") stay apart for [`relation`].
fn joint<'c>(c: &'c Ctx, a: &Cand, b: &Cand) -> Option<Joint<'c>> {
    if !c.same_sent(a.s, b.s) || b.s < a.e || b.s - a.e > 4 {
        return None;
    }
    let gap = gap_words(c, a, b);
    let pre = before_figure(c, a.s);
    let before = c.lower(pre);
    let plain = a.shape == Shape::Plain && b.shape == Shape::Plain;
    if !connects(&gap, before, a) || !plain || !units_join(a, b) || a.counts.is_some() {
        return None;
    }
    if change_not_range(c, &gap, a, pre) {
        return None;
    }
    Some(Joint {
        pre,
        before,
        dash: matches!(gap.as_str(), "-" | "–" | "—"),
    })
}

/// The words between figures `a` and `b`, lowercased, an approximation
/// that is `b`'s left out: "$500,000 to more than $1 million" reads "to".
fn gap_words(c: &Ctx, a: &Cand, b: &Cand) -> String {
    let gap = c.join_low(a.e, b.s);
    if let Some(rest) = gap.strip_prefix("to ") {
        if Class::Approx.contains(rest) {
            return "to".into();
        }
    }
    gap
}

/// Whether the words between two figures make a range of them: "to", a
/// dash, "and" after "between", or "or" between bare numbers.
fn connects(gap: &str, before: &str, a: &Cand) -> bool {
    match gap {
        // "- to": "8- to 16-metre", a hyphen left hanging.
        "to" | "to -" | "- to" | "-" | "–" | "—" => true,
        "and" => before == "between",
        "or" => a.unit.is_none() && a.counts.is_none() && !a.money,
        _ => false,
    }
}

/// Whether the units of `a` and `b` allow a range: `a` has none (and is
/// money only if `b` is), they are the same, or `b` is a rate of `a`'s
/// ("10 miles to 15 miles per hour").
fn units_join(a: &Cand, b: &Cand) -> bool {
    a.unit.is_none() && (!a.money || b.money)
        || a.unit == b.unit
        || a.unit.as_deref().is_some_and(|u| {
            b.unit
                .as_deref()
                .is_some_and(|v| v.starts_with(u) && v[u.len()..].starts_with(" per "))
        })
}

/// "rose from 240 to 273", "increased by $43.6bn to $419.2bn": two figures
/// joined by "to" after a change word are a change, not a range. ("dropped
/// by 1 to 1.5 degrees" is a range of changes, and so is "down from the $89
/// to $93 billion", after a determiner.) `pre`: the token before `a`.
fn change_not_range(c: &Ctx, gap: &str, a: &Cand, pre: usize) -> bool {
    let before = c.lower(pre);
    // "down from the $89 to $93 billion it projected": after a determiner
    // the two are one noun phrase, a range.
    if Class::Determiner.contains(before) {
        return false;
    }
    gap.starts_with("to")
        && (before == "by" && a.unit.is_some()
            || change_before(c, a.s, 3) && before != "by"
            || before == "from" && change_before(c, pre, 6))
}

/// The one figure figures `a` and `b` make, as `j` joins them: a score
/// (no value, unit "score") or a range (no single value).
fn joined(c: &Ctx, a: &Cand, b: &Cand, j: &Joint) -> Cand {
    let s = if j.before == "between" { j.pre } else { a.s };
    if j.dash && is_score(c, a, b, j.before) {
        return Cand {
            s,
            e: b.core_e,
            core_e: b.core_e,
            value: None,
            unit: Some("score".into()),
            unit_rule: Some(super::UnitRule::Score),
            counts: None,
            approx: false,
            shape: Shape::Score,
            money: false,
            spelled: false,
            relations: Vec::new(),
        };
    }
    Cand {
        s,
        e: b.e,
        core_e: b.core_e,
        value: None,
        unit: b.unit.clone().or(a.unit.clone()),
        unit_rule: b.unit_rule.or(a.unit_rule),
        counts: b.counts.clone(),
        approx: a.approx || b.approx,
        shape: Shape::Range,
        money: a.money || b.money,
        spelled: a.spelled && b.spelled,
        relations: Vec::new(),
    }
}

/// Whether two small whole numbers with a dash between them are a score:
/// the first is the larger ("3-2", "89-89"), or a word around them says
/// so ("lost 2-3", "a 1-2 defeat"). `before`: the word before `a`.
fn is_score(c: &Ctx, a: &Cand, b: &Cand, before: &str) -> bool {
    let ints = |x: &Cand| {
        x.value
            .is_some_and(|v| v.fract() == 0.0 && (0.0..=200.0).contains(&v))
            && x.unit.is_none()
            && !x.spelled
    };
    let score_ctx = score_word_before(before) || score_word_after(c.lower(b.e));
    ints(a) && ints(b) && (a.value >= b.value || score_ctx && b.counts.is_none())
}

/// Words before two numbers that make them a score: "won 3-2", "at 89-89".
fn score_word_before(w: &str) -> bool {
    matches!(
        w,
        "won"
            | "lost"
            | "beat"
            | "drew"
            | "defeated"
            | "trailed"
            | "led"
            | "at"
            | "tied"
            | "a"
            | "the"
            | "by"
    )
}

/// Words after two numbers that make them a score: "a 1-2 defeat".
fn score_word_after(w: &str) -> bool {
    matches!(
        w,
        "win"
            | "victory"
            | "defeat"
            | "loss"
            | "lead"
            | "draw"
            | "down"
            | "up"
            | "win,"
            | "scoreline"
    )
}

/// How two neighbouring figures relate, from the words between them.
fn relation(c: &Ctx, a: &Cand, b: &Cand) -> Option<RelationKind> {
    if !c.same_sent(a.s, b.s) || b.s < a.e || b.s - a.e > 8 {
        return None;
    }
    let gap = Gap::new(c, a, b);
    if ratio(&gap, a, b) {
        Some(RelationKind::Ratio)
    } else if exchange(&gap, b) {
        Some(RelationKind::Exchange)
    } else if comparison(&gap, a, b) {
        Some(RelationKind::Comparison)
    } else if change(c, &gap, a, b) {
        Some(RelationKind::Change)
    } else {
        None
    }
}

/// The words between two figures, lowercased: each relation rule asks
/// whether one is there, or what they say together.
struct Gap<'c> {
    words: Vec<&'c str>,
    /// The words joined with single spaces.
    joined: String,
}

impl<'c> Gap<'c> {
    fn new(c: &'c Ctx, a: &Cand, b: &Cand) -> Gap<'c> {
        let words: Vec<&str> = (a.e..b.s).map(|k| c.lower(k)).collect();
        let joined = words.join(" ");
        Gap { words, joined }
    }

    /// Whether `w` is one of the words.
    fn has(&self, w: &str) -> bool {
        self.words.contains(&w)
    }

    fn len(&self) -> usize {
        self.words.len()
    }
}

/// Ratio: "one in five", "one out of three", "3 per 1,000", "1 for every
/// 10", "eight of 10 avocados". ("12 goals in 20 games" is no ratio: "in"
/// needs a bare first number.)
fn ratio(gap: &Gap, a: &Cand, b: &Cand) -> bool {
    let g = gap.joined.as_str();
    matches!(
        g,
        "out of" | "of every" | "for every" | "in every" | "per" | "every" | "per every"
    ) || g == "in" && a.counts.is_none() && a.unit.is_none()
        || g == "of"
            && a.unit.is_none()
            && a.counts.is_none()
            && matches!((a.value, b.value), (Some(x), Some(y)) if x < y)
}

/// Exchange: "X in exchange for Y", "X swapped for Y", "X for Y" (not
/// "for 10 years", "for 5%").
fn exchange(gap: &Gap, b: &Cand) -> bool {
    let time_b = b.unit.as_deref().is_some_and(time_unit);
    gap.has("exchange")
        || gap.has("return") && gap.has("for")
        || (gap.has("swap") || gap.has("swapped") || gap.has("traded") || gap.has("exchanged"))
            && gap.has("for")
        || gap.words.first() == Some(&"for")
            && gap.len() <= 3
            && !time_b
            && b.unit.as_deref() != Some("percentage")
}

/// Comparison: "3.5 times the 90 decibels", "X compared with Y", "X versus Y".
fn comparison(gap: &Gap, a: &Cand, b: &Cand) -> bool {
    (a.shape == Shape::Multiplier || b.shape == Shape::Multiplier)
        && gap.len() <= 6
        && (gap.has("the") || gap.has("as") || gap.has("than") || gap.has("that") || gap.has("of"))
        || gap.len() <= 6
            && (gap.has("compared")
                || gap.has("versus")
                || gap.has("vs")
                || gap.has("vs.")
                || gap.has("against")
                || gap.has("than"))
}

/// Change: "rose from X to Y", "up 9.4% to $84", "to $7.4bn from $6.8bn",
/// "$3.1 million, down 9.2%".
fn change(c: &Ctx, gap: &Gap, a: &Cand, b: &Cand) -> bool {
    // Where a's words begin, past an approximation ("rose as much as 8%").
    let a0 = before_figure(c, a.s).wrapping_add(1);
    gap.len() <= 5
        && gap.has("from")
        && (change_before(c, a0, 4) || gap.has("up") || gap.has("down") || gap.has("to"))
        || gap.len() <= 4
            && (gap.has("to") || gap.has("at"))
            && (change_before(c, a0, 3)
                || c.lower(a0.wrapping_sub(1)) == "by"
                || c.lower(a0.wrapping_sub(1)) == "from")
        || gap.len() <= 3
            && (gap.has("up") || gap.has("down") || gap.has("rising") || gap.has("falling"))
            && (a.unit.as_deref() == Some("percentage") || b.unit.as_deref() == Some("percentage"))
}

/// A ratio written as one amount: two neighbouring figures that fold into
/// one, its rule's name and an example whose two numbers fold.
struct Fold {
    name: &'static str,
    #[cfg_attr(not(test), allow(dead_code))]
    example: &'static str,
    fold: fn(&Ctx, &Cand, &Cand) -> Option<Cand>,
}

/// The folds, asked in order for each pair of neighbours.
const FOLDS: &[Fold] = &[
    Fold {
        name: "proportion",
        example: "One in five adults smokes.",
        fold: proportion,
    },
    Fold {
        name: "rate per a round number",
        example: "The disease killed 12 people per 100,000 residents.",
        fold: per_round,
    },
];

/// `a` is a plain number with nothing of its own: no unit, no counted noun.
fn bare_number(a: &Cand) -> bool {
    a.shape == Shape::Plain && a.unit.is_none() && a.counts.is_none() && !a.money
}

/// `a` and `b` as one figure, from `a`'s start to `b`'s end.
fn spanning(a: &Cand, b: &Cand, shape: Shape) -> Cand {
    Cand {
        s: a.s,
        e: b.e,
        core_e: b.core_e,
        value: None,
        unit: None,
        unit_rule: None,
        counts: None,
        approx: a.approx || b.approx,
        shape,
        money: a.money,
        spelled: a.spelled && b.spelled,
        relations: Vec::new(),
    }
}

/// "one in five adults", "two out of three", "1 in every 10 voters": a part
/// of a whole is one fraction (0.2) that counts the whole's noun; the whole
/// is no amount anyone claims. ("12 goals in 20 games": the part counts
/// something of its own, two figures.)
fn proportion(c: &Ctx, a: &Cand, b: &Cand) -> Option<Cand> {
    let gap = c.join_low(a.e, b.s);
    let (x, y) = (a.value?, b.value?);
    let whole = b.shape == Shape::Plain && b.unit.is_none() && !b.money && y.fract() == 0.0;
    (matches!(gap.as_str(), "in" | "out of" | "in every" | "out of every")
        && bare_number(a)
        && whole
        && 0.0 < x
        && x < y)
        .then(|| Cand {
            value: Some(x / y),
            counts: b.counts.clone(),
            ..spanning(a, b, Shape::Fraction)
        })
}

/// "12 people per 100,000 residents", "3.5 per 1,000 live births", "40
/// deaths for every 10,000 patients": a rate per a round number (100, 1,000,
/// a million) is one figure whose unit is the rate ("death per 10,000
/// patients"). The round number is the rate's base, not a claimed amount.
fn per_round(c: &Ctx, a: &Cand, b: &Cand) -> Option<Cand> {
    let gap = c.join_low(a.e, b.s);
    let y = b.value?;
    let round = y >= 100.0 && y.fract() == 0.0 && (y.log10() - y.log10().round()).abs() < 1e-9;
    let base = b.shape == Shape::Plain && b.unit.is_none() && !b.money && round;
    let a_ok = a.shape == Shape::Plain && a.value.is_some();
    if !(matches!(gap.as_str(), "per" | "for every" | "per every") && base && a_ok) {
        return None;
    }
    let (bs, be) = c.span(b.s, b.e);
    let per = c.text.get(bs..be)?;
    let head = a.unit.clone().or_else(|| {
        let w = a.counts.as_deref()?.rsplit(' ').next()?;
        Some(super::units::singular(w))
    });
    let unit = match head {
        Some(h) => format!("{h} per {per}"),
        None => format!("per {per}"),
    };
    Some(Cand {
        value: a.value,
        unit: Some(unit),
        unit_rule: Some(super::UnitRule::PerRound),
        counts: a.counts.clone(),
        ..spanning(a, b, Shape::Plain)
    })
}

/// Folds neighbouring figures where a rule of [`FOLDS`] makes one of them:
/// the list, and the second figure of each fold (its token span) with the
/// rule that folded it away.
fn fold(c: &Ctx, v: Vec<Cand>) -> (Vec<Cand>, Vec<(usize, usize, &'static str)>) {
    let mut out: Vec<Cand> = Vec::with_capacity(v.len());
    let mut by = Vec::new();
    let mut it = v.into_iter().peekable();
    while let Some(a) = it.next() {
        let folded = it
            .peek()
            .filter(|b| c.same_sent(a.s, b.s) && b.s >= a.e)
            .and_then(|b| {
                FOLDS
                    .iter()
                    .find_map(|f| (f.fold)(c, &a, b).map(|x| (x, f.name)))
            });
        match folded {
            Some((x, name)) => {
                if let Some(b) = it.next() {
                    by.push((b.s, b.e, name));
                }
                out.push(x);
            }
            None => out.push(a),
        }
    }
    (out, by)
}

/// The figures of `v` that a rule of [`FOLDS`] folds into the figure
/// before them ("five adults" in "one in five adults"): token span and
/// rule, for explaining a miss.
pub fn folded(c: &Ctx, mut v: Vec<Cand>) -> Vec<(usize, usize, &'static str)> {
    super::shared::share(c, &mut v);
    fold(c, merge(c, v)).1
}

/// Shares units written once ([`super::shared`]), merges ranges and
/// scores, folds proportions and rates, then links related figures both
/// ways.
pub fn link(c: &Ctx, mut v: Vec<Cand>) -> Vec<Cand> {
    super::shared::share(c, &mut v);
    let (mut v, _) = fold(c, merge(c, v));
    for i in 1..v.len() {
        if let Some(kind) = relation(c, &v[i - 1], &v[i]) {
            v[i - 1].relations.push((kind, i));
            v[i].relations.push((kind, i - 1));
            // "from 4.8 to 4.7 percent", "from 21 mpg to 23", "from about
            // 12 tonnes to 9": the two ends of a change share a unit
            // written once.
            if kind == RelationKind::Change
                && c.lower(before_figure(c, v[i - 1].s)) == "from"
                && c.join_low(v[i - 1].e, v[i].s).split(' ').any(|w| w == "to")
            {
                if v[i - 1].unit.is_none() && v[i - 1].counts.is_none() {
                    v[i - 1].unit = v[i].unit.clone();
                    v[i - 1].unit_rule = Some(super::UnitRule::ChangeEnds);
                } else if v[i].unit.is_none() && v[i].counts.is_none() {
                    v[i].unit = v[i - 1].unit.clone();
                    v[i].unit_rule = Some(super::UnitRule::ChangeEnds);
                }
            }
        }
    }
    super::shared::share_earlier(c, &mut v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    /// Each fold reads its example: its two numbers make one figure, and
    /// that rule made it.
    #[test]
    fn every_fold_reads_its_example() {
        for f in FOLDS {
            let doc = Doc::new(f.example);
            let c = Ctx::new(&doc);
            let v = super::super::candidates(&c);
            assert_eq!(v.len(), 2, "{}: {v:?}", f.example);
            let (out, by) = fold(&c, merge(&c, v));
            assert_eq!(out.len(), 1, "{}: {out:?}", f.example);
            assert_eq!(by.first().map(|x| x.2), Some(f.name), "{}", f.example);
        }
    }

    #[test]
    fn what_folds_and_what_does_not() {
        let find = |t: &str| crate::figures::find(&Doc::new(t));
        let f = find("Two out of three children walk to school.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!((f[0].value.unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(f[0].counts.as_deref(), Some("children"));
        let f = find("There were 40 deaths for every 10,000 patients.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].unit.as_deref(), Some("death per 10,000 patients"));
        // A part that counts its own noun, a base that is not round, or a
        // base with a unit: two figures.
        assert_eq!(find("He scored 12 goals in 20 games.").len(), 2);
        assert_eq!(find("They paid 3 dollars per 7 tickets.").len(), 2);
        assert_eq!(find("It fell 5 cm per 100 km.").len(), 2);
    }
}
