//! Units written once for several numbers: "four-, five- and six-cylinder
//! engines", "8- to 16-metre mirrors", "grew 5 and 7 per cent", "raised 280
//! of the 900 tonnes". A bare number (no unit, nothing counted) takes the
//! unit, and for a suspended hyphen also the counted noun, of the figure
//! after it, when the words between them say they are read together.
//!
//! The rules are a table ([`RULES`]), each with its name and an example
//! that its test reads; they run right to left, so a list shares the unit
//! of its last member ("3, 4 and 5 metres"). Sharing runs before ranges are
//! joined, so "8- to 16-metre" becomes one range in metres.
//!
//! A second table ([`EARLIER`]) runs after ranges and relations: a bare
//! number in a clause built like an earlier one ("rose by 4 percent but
//! imports fell by 2") takes the unit the writer left out the second time.

use super::lex::Ctx;
use super::{Cand, Shape, UnitRule};

/// A rule: when the bare figure `a` takes the unit of the next figure `b`.
struct Rule {
    name: &'static str,
    /// A sentence the rule reads: the first figure takes the second's unit.
    #[cfg_attr(not(test), allow(dead_code))]
    example: &'static str,
    applies: fn(&Ctx, &Cand, &Cand, bool) -> bool,
}

/// The rules, asked in order; the first that applies shares the unit.
const RULES: &[Rule] = &[
    Rule {
        name: "suspended hyphen",
        example: "It comes with four-, five- and six-cylinder engines.",
        applies: suspended_hyphen,
    },
    Rule {
        name: "coordinated numbers",
        example: "Sales grew 5 and 7 per cent in the two regions.",
        applies: coordinated,
    },
    Rule {
        name: "part of a total",
        example: "The firm has shipped 280 of the 900 tonnes it sold.",
        applies: part_of_total,
    },
    Rule {
        name: "fraction of a total",
        example: "Nearly half of the remaining 40 hostages were freed.",
        applies: fraction_of_total,
    },
];

/// The rule of [`RULES`] that a fraction ("half", "two-thirds") may take a
/// unit or counted noun by; the others read plain numbers.
const FRACTION_RULE: &str = "fraction of a total";

/// Rules that give a bare figure `b` the unit of an earlier figure `a` of
/// its sentence (`applies(c, a, b, _)`); asked after ranges are joined.
const EARLIER: &[Rule] = &[
    Rule {
        name: "parallel clause",
        example: "Exports rose by 4 percent in March but imports fell by 2.",
        applies: parallel_clause,
    },
    Rule {
        name: "parallel time",
        example: "Unemployment was 4.1 percent in March and 4.3 in April.",
        applies: parallel_time,
    },
];

/// Words that, after "last", "this", "next", "a" or "the previous", make a
/// time: "last year", "a quarter earlier".
const TIME_NOUNS: &[&str] = &[
    "year", "month", "week", "quarter", "season", "day", "decade",
];

/// Whether a time phrase starts at token `k`: "in April", "in 2019", "last
/// year", "a year earlier", "the previous quarter".
fn time_phrase(c: &Ctx, k: usize) -> bool {
    let time_word = |j: usize| {
        TIME_NOUNS.contains(&c.lower(j))
            || crate::lexicon::Class::Month.contains(c.tok(j))
            || c.tok(j).len() == 4
                && c.tok(j)
                    .parse::<u16>()
                    .is_ok_and(|y| (1900..=2100).contains(&y))
    };
    match c.lower(k) {
        "in" | "by" | "since" => time_word(k + 1),
        "last" | "this" | "next" | "a" => TIME_NOUNS.contains(&c.lower(k + 1)),
        "the" => {
            matches!(c.lower(k + 1), "previous" | "prior" | "same")
                && TIME_NOUNS.contains(&c.lower(k + 2))
        }
        _ => false,
    }
}

/// "4.1 percent in March and 4.3 in April", "a 2.5 degree tilt in
/// 2019 and 3.1 last year": two amounts each dated by a time phrase,
/// joined by "and" or a comma; the second leaves the unit out.
fn parallel_time(c: &Ctx, a: &Cand, b: &Cand, _chained: bool) -> bool {
    let ae = a.e.max(a.core_e);
    let q = b.s.wrapping_sub(1);
    b.s > ae
        && b.s - ae <= 8
        && matches!(c.lower(q), "and" | ",")
        && (ae..q).any(|k| time_phrase(c, k))
        && time_phrase(c, b.e)
        && c.same_sent(a.s, b.s)
}

/// Prepositions that introduce the amount of a clause ("rose by 4
/// percent", "closed at 980 points", "fell to 3 percent"); a second clause
/// with the same one and a bare number repeats the amount's unit.
const PARALLEL_PREPOSITIONS: &[&str] = &["by", "at", "to"];

/// Words that open a second clause between two amounts.
const CLAUSE_BREAKS: &[&str] = &["but", "while", "whereas", "and", ";", ","];

/// "rose by 4 percent in March but imports fell by 2", "closed at 980.1
/// points, while the other index ended at 512.4": the same preposition
/// before both numbers, a clause break between them, no more than a
/// clause (20 tokens) apart. A unit left out is the earlier one, not a count
/// ("by 2" after "by 4 percent" is no two of anything).
fn parallel_clause(c: &Ctx, a: &Cand, b: &Cand, _chained: bool) -> bool {
    let (ae, p, q) = (a.e.max(a.core_e), a.s.wrapping_sub(1), b.s.wrapping_sub(1));
    let prep = c.lower(p);
    b.s > ae
        && b.s - ae <= 20
        && PARALLEL_PREPOSITIONS.contains(&prep)
        && c.lower(q) == prep
        && c.same_sent(a.s, b.s)
        && (ae..q).any(|k| CLAUSE_BREAKS.contains(&c.lower(k)))
}

/// Whether `a` is bare: a plain number with no unit and nothing counted.
fn bare(a: &Cand) -> bool {
    a.unit.is_none() && a.counts.is_none() && a.shape == Shape::Plain && !a.money
}

/// The lowercased words between figures `a` and `b`, joined by spaces.
fn gap(c: &Ctx, a: &Cand, b: &Cand) -> String {
    c.join_low(a.e.max(a.core_e), b.s)
}

/// "four-, five- and six-cylinder", "8- to 16-metre": a number whose hyphen
/// is left hanging before the next number's hyphened unit or noun.
fn suspended_hyphen(c: &Ctx, a: &Cand, b: &Cand, _chained: bool) -> bool {
    let k = a.e.max(a.core_e);
    let hanging = c.tok(k) == "-" && c.stuck(k) && !(c.stuck(k + 1) && c.is_word(k + 1));
    let hyphened = c.tok(b.core_e.wrapping_sub(2)) == "-" || c.tok(b.s + 1) == "-";
    hanging
        && hyphened
        && matches!(
            gap(c, a, b).as_str(),
            "- ," | "- and" | "- or" | "- to" | "- , and" | "- , or"
        )
}

/// "5 and 7 per cent", "3, 4 and 5 metres": numbers coordinated before a
/// unit written once. A comma alone joins only a list whose next member
/// took the unit itself (`chained`): "Of the 40, 12 per cent" is no list.
/// ("three or four years" is a range, which [`super::relations`] joins
/// with the unit of its end.)
fn coordinated(c: &Ctx, a: &Cand, b: &Cand, chained: bool) -> bool {
    match gap(c, a, b).as_str() {
        "and" | ", and" => true,
        "," => chained,
        _ => false,
    }
}

/// "280 of the 900 tonnes", "2 out of 5 kilograms": a part of a total
/// measured in the total's unit.
fn part_of_total(c: &Ctx, a: &Cand, b: &Cand, _chained: bool) -> bool {
    matches!(
        gap(c, a, b).as_str(),
        "of the" | "of" | "out of" | "out of the"
    ) && matches!((a.value, b.value), (Some(x), Some(y)) if x < y)
}

/// "half of the remaining 40 hostages", "two-thirds of its 4,000 staff",
/// "a third of 90 tonnes": a fraction of a total counts what the total
/// counts, or is measured in its unit. A determiner and one modifier may
/// stand between.
fn fraction_of_total(c: &Ctx, a: &Cand, b: &Cand, _chained: bool) -> bool {
    let gap = gap(c, a, b);
    let mut w = gap.split(' ');
    if a.shape != Shape::Fraction || w.next() != Some("of") {
        return false;
    }
    let rest: Vec<&str> = w.collect();
    let det = |x: &str| crate::lexicon::Class::Determiner.contains(x);
    match rest.as_slice() {
        [] => true,
        [x] => det(x) || x.chars().all(char::is_alphabetic),
        [d, x] => det(d) && x.chars().all(char::is_alphabetic),
        _ => false,
    }
}

/// Gives bare figures the unit of the figure after them where a rule of
/// [`RULES`] applies; returns, for each figure, the rule that gave it its
/// unit.
pub fn share(c: &Ctx, v: &mut [Cand]) -> Vec<Option<&'static str>> {
    let mut by: Vec<Option<&'static str>> = vec![None; v.len()];
    for i in (0..v.len().saturating_sub(1)).rev() {
        let (a, b) = (&v[i], &v[i + 1]);
        // A multiplier ("11 times") lends no unit: "four out of 11 times".
        let lends = (b.unit.is_some() || b.counts.is_some()) && b.shape != Shape::Multiplier;
        let fraction = a.shape == Shape::Fraction
            && a.unit.is_none()
            && a.counts.is_none()
            && a.value.is_some()
            && !a.money;
        if !(bare(a) || fraction) || !lends || !c.same_sent(a.s, b.s) {
            continue;
        }
        if b.s < a.e.max(a.core_e) || b.s - a.e.max(a.core_e) > 3 {
            continue;
        }
        let chained = by[i + 1].is_some();
        let Some(rule) = RULES
            .iter()
            .filter(|r| (r.name == FRACTION_RULE) == fraction)
            .find(|r| (r.applies)(c, a, b, chained))
        else {
            continue;
        };
        // Only a suspended hyphen and a fraction share a counted noun
        // ("six-cylinder", "half of the 40 hostages"); "10 cats and 15
        // dogs" count apart.
        if b.unit.is_none() && rule.name != "suspended hyphen" && rule.name != FRACTION_RULE {
            continue;
        }
        let (unit, counts) = (b.unit.clone(), b.counts.clone());
        let a = &mut v[i];
        if unit.is_some() {
            a.unit = unit;
            a.unit_rule = Some(UnitRule::Shared(rule.name));
        } else {
            a.counts = counts;
        }
        by[i] = Some(rule.name);
    }
    by
}

/// Gives bare figures the unit of an earlier figure of their sentence where
/// a rule of [`EARLIER`] applies (the nearest such figure); returns, for
/// each figure, the rule that gave it its unit. Runs after ranges and
/// relations are joined, so a change's ends ("from 4 percent to 3") have
/// their unit already.
pub fn share_earlier(c: &Ctx, v: &mut [Cand]) -> Vec<Option<&'static str>> {
    let mut by: Vec<Option<&'static str>> = vec![None; v.len()];
    for j in 1..v.len() {
        if !bare(&v[j]) || v[j].value.is_none() {
            continue;
        }
        let found = (0..j).rev().take(4).find_map(|i| {
            let a = &v[i];
            let lends = (a.unit.is_some() || a.counts.is_some()) && a.shape != Shape::Multiplier;
            let rule = EARLIER
                .iter()
                .find(|r| lends && (r.applies)(c, a, &v[j], false))?;
            Some((a.unit.clone(), a.counts.clone(), rule.name))
        });
        // "closed at 980.1 points … ended at 512.4": what the earlier
        // amount counts, when it has no unit, is the one left out.
        if let Some((unit, counts, name)) = found {
            if unit.is_some() {
                v[j].unit = unit;
                v[j].unit_rule = Some(UnitRule::Shared(name));
            } else {
                v[j].counts = counts;
            }
            by[j] = Some(name);
        }
    }
    by
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    /// The figures of `text` as candidates, their units shared.
    fn shared(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        crate::figures::find(&Doc::new(text))
            .into_iter()
            .map(|f| (f.text, f.unit, f.counts))
            .collect()
    }

    /// Each rule's example: the first figure has the unit (or counted
    /// noun) of the second, and that rule gave it.
    #[test]
    fn every_rule_reads_its_example() {
        for rule in RULES {
            let doc = Doc::new(rule.example);
            let c = Ctx::new(&doc);
            let mut v = super::super::candidates(&c);
            let by = share(&c, &mut v);
            assert_eq!(
                by.first().copied().flatten(),
                Some(rule.name),
                "{}",
                rule.example
            );
            let (a, b) = (&v[0], &v[1]);
            assert!(
                a.unit.is_some() && a.unit == b.unit || a.counts.is_some() && a.counts == b.counts,
                "{}: {a:?} {b:?}",
                rule.example
            );
        }
    }

    /// Each rule of [`EARLIER`] reads its example: the last figure has the
    /// first one's unit, and that rule gave it.
    #[test]
    fn every_earlier_rule_reads_its_example() {
        for rule in EARLIER {
            let doc = Doc::new(rule.example);
            let c = Ctx::new(&doc);
            let mut v = super::super::candidates(&c);
            let by = share_earlier(&c, &mut v);
            assert_eq!(
                by.last().copied().flatten(),
                Some(rule.name),
                "{}",
                rule.example
            );
            let (a, b) = (&v[0], &v[v.len() - 1]);
            assert!(
                a.unit.is_some() && a.unit == b.unit,
                "{}: {v:?}",
                rule.example
            );
        }
    }

    #[test]
    fn parallel_clauses_and_what_is_not_one() {
        let f = shared("The index closed at 980.1 points, while the other ended at 512.4.");
        assert_eq!(f[1].2.as_deref(), Some("points"), "{f:?}");
        // Another preposition, no clause break, or a counted noun: no unit.
        let f = shared("Exports rose by 4 percent in March, and imports reached 2.");
        assert_eq!(f[1].1, None, "{f:?}");
        let f = shared("Prices rose by 4 percent by 2 o'clock.");
        assert!(f.iter().skip(1).all(|x| x.1.is_none()), "{f:?}");
        let f = shared("They won by 4 points but lost by 2 goals.");
        assert_eq!(f[1].1, None, "{f:?}");
        let f = shared("Inflation was 2.5 percent last year and 3 a year earlier.");
        assert_eq!(f[1].1.as_deref(), Some("percentage"), "{f:?}");
        // No time phrase after the second number: no unit.
        let f = shared("Inflation was 2.5 percent in May and 3 officials resigned.");
        assert_ne!(f[1].1.as_deref(), Some("percentage"), "{f:?}");
    }

    #[test]
    fn lists_share_and_ranges_join() {
        let f = shared("It comes with four-, five- and six-cylinder engines.");
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(
            f.iter().all(|x| x.2.as_deref() == Some("cylinder")),
            "{f:?}"
        );
        let f = shared("Mirrors of 8- to 16-metre width were planned.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1.as_deref(), Some("metre"));
        let f = shared("Prices rose 3, 4 and 5 per cent.");
        assert!(
            f.iter().all(|x| x.1.as_deref() == Some("percentage")),
            "{f:?}"
        );
    }

    #[test]
    fn what_is_not_shared() {
        // Counted nouns stay apart; a lone comma is no list; a part must be
        // smaller than its total.
        let f = shared("They had 10 cats and 15 dogs.");
        assert_eq!(f[0].2.as_deref(), Some("cats"), "{f:?}");
        let f = shared("Of the 40, 12 per cent said no.");
        assert_eq!(f[0].1, None, "{f:?}");
        let f = shared("He sold 900 of the 280 tonnes.");
        assert_eq!(f[0].1, None, "{f:?}");
        let f = shared("They won four out of 11 times.");
        assert_eq!(f[0].1, None, "{f:?}");
        // A fraction shares only with a total after "of".
        let f = shared("Half the board and 40 staff left.");
        assert_eq!(f[0].2, None, "{f:?}");
        let f = shared("Two-thirds of its 4,000 staff voted.");
        assert_eq!(f[0].2.as_deref(), Some("staff"), "{f:?}");
    }
}
